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

/// Runs two independent pieces of work side by side and returns both results.
func both<A, B>(_ first: @Sendable () -> A, _ second: @Sendable () -> B) -> (A, B) {
    var a: A?, b: B?
    withUnsafeMutablePointer(to: &a) { pa in
        withUnsafeMutablePointer(to: &b) { pb in
            let shared = SharedSlots(value: (a: pa, b: pb))
            DispatchQueue.concurrentPerform(iterations: 2) { i in
                if i == 0 { shared.value.a.pointee = first() } else { shared.value.b.pointee = second() }
            }
        }
    }
    return (a!, b!)
}
