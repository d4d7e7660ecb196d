import Dispatch

/// Maps `items` on all cores and keeps their order. The pipeline's parse and
/// render stages are independent per file, so this is all the concurrency
/// they need.
func parallelMap<T, R>(_ items: [T], _ transform: (T) -> R) -> [R] {
    guard items.count > 1 else { return items.map(transform) }
    var results = [R?](repeating: nil, count: items.count)
    results.withUnsafeMutableBufferPointer { buffer in
        items.withUnsafeBufferPointer { input in
            DispatchQueue.concurrentPerform(iterations: items.count) { index in
                buffer[index] = transform(input[index])
            }
        }
    }
    return results.map { $0! }
}

/// Runs two independent pieces of work side by side and returns both results.
func both<A, B>(_ first: () -> A, _ second: () -> B) -> (A, B) {
    var a: A?, b: B?
    withoutActuallyEscaping(first) { first in
        withoutActuallyEscaping(second) { second in
            // Each iteration writes only its own variable.
            withUnsafeMutablePointer(to: &a) { pa in
                withUnsafeMutablePointer(to: &b) { pb in
                    DispatchQueue.concurrentPerform(iterations: 2) { i in
                        if i == 0 { pa.pointee = first() } else { pb.pointee = second() }
                    }
                }
            }
        }
    }
    return (a!, b!)
}
