import Dispatch

/// Memory that the iterations of one `concurrentPerform` share: the input
/// they read and the slots they write, each iteration only its own slot.
/// This is the one place where the compiler's data-race check is set aside,
/// and why it is sound: the slots do not overlap, and `concurrentPerform`
/// returns only after every iteration has finished.
private struct SharedSlots<Value>: @unchecked Sendable {
    let value: Value
}

/// Maps `items` on all cores and keeps their order. The pipeline's parse and
/// render stages are independent per file, so this is all the concurrency
/// they need. `transform` runs on several threads at once: the compiler
/// checks that it captures nothing it could race on.
func parallelMap<T, R>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
    guard items.count > 1 else { return items.map(transform) }
    var results = [R?](repeating: nil, count: items.count)
    results.withUnsafeMutableBufferPointer { buffer in
        items.withUnsafeBufferPointer { input in
            let shared = SharedSlots(value: (input: input, output: buffer))
            DispatchQueue.concurrentPerform(iterations: items.count) { index in
                shared.value.output[index] = transform(shared.value.input[index])
            }
        }
    }
    return results.map { $0! }
}

/// Runs two independent pieces of work side by side and returns both
/// results: `first` on a thread of its own, `second` on the caller's.
/// Not through `concurrentPerform`: a `parallelMap` inside one of its
/// iterations would run on one core only (libdispatch divides the width of
/// nested applies), so a stage that is parallel in itself would lose its
/// cores just by running beside another.
func both<A, B>(_ first: @escaping @Sendable () -> A, _ second: () -> B) -> (A, B) {
    let slot = SharedSlot<A>()
    let done = DispatchSemaphore(value: 0)
    DispatchQueue.global().async {
        slot.value = first()
        done.signal()
    }
    let b = second()
    done.wait()
    return (slot.value!, b)
}

/// The result of `both`'s other thread: written once by that thread, read
/// only after the semaphore says it is written.
private final class SharedSlot<Value>: @unchecked Sendable {
    var value: Value?
}
