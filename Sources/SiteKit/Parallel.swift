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
