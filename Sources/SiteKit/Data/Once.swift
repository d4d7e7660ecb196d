import Foundation

/// A value made on first use and then shared: the open-data files are jobs
/// of their own, run on any core in any order (or, in the preview, only when
/// asked for), and several of them need the same table.
final class Once<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var made: Value?
    private let make: @Sendable () -> Value

    init(_ make: @escaping @Sendable () -> Value) { self.make = make }

    var value: Value {
        lock.lock()
        defer { lock.unlock() }
        if let made { return made }
        let value = make()
        made = value
        return value
    }
}
