import Foundation

/// A key name as a small number. Templates and view models intern their
/// names once, so that a lookup while rendering is an array index instead
/// of hashing a string.
public struct FieldKey: Hashable, Sendable {
    public let id: Int

    public init(_ name: String) {
        id = Self.registry.withLock { ids, names in
            if let id = ids[name] { return id }
            names.append(name)
            ids[name] = names.count - 1
            return names.count - 1
        }
    }

    public var name: String { Self.registry.withLock { _, names in names[id] } }

    private static let registry = Registry()

    private final class Registry: @unchecked Sendable {
        private var ids: [String: Int] = [:]
        private var names: [String] = []
        private let lock = NSLock()

        func withLock<T>(_ body: (inout [String: Int], inout [String]) -> T) -> T {
            lock.lock()
            defer { lock.unlock() }
            return body(&ids, &names)
        }
    }
}

/// A view model's key table: each key a template may use, with its
/// accessor. Written as a dictionary literal; stored by key number.
public struct Fields<Model>: ExpressibleByDictionaryLiteral, Sendable {
    // Inlinable, so that each view model's lookups are specialised in the
    // module that defines the view model, as when the engine lived there.
    @usableFromInline let table: [(@Sendable (Model) -> TemplateValue)?]

    /// The keys, sorted: what a view model offers templates, which the
    /// template documentation is checked against.
    public let names: [String]

    public init(dictionaryLiteral elements: (String, @Sendable (Model) -> TemplateValue)...) {
        names = elements.map(\.0).sorted()
        let keyed = elements.map { (FieldKey($0.0).id, $0.1) }
        var table = [(@Sendable (Model) -> TemplateValue)?](repeating: nil, count: (keyed.map(\.0).max() ?? -1) + 1)
        for (id, accessor) in keyed { table[id] = accessor }
        self.table = table
    }

    @inlinable @inline(__always)
    public func value(_ key: FieldKey, of model: Model) -> TemplateValue {
        guard key.id < table.count, let accessor = table[key.id] else { return .null }
        return accessor(model)
    }
}
