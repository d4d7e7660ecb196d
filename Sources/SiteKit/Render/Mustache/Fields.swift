import Foundation

/// A key name as a small number. Templates and view models intern their
/// names once, so that a lookup while rendering is an array index instead
/// of hashing a string.
struct FieldKey: Hashable {
    let id: Int

    init(_ name: String) {
        id = Self.registry.withLock { registry in
            if let id = registry.ids[name] { return id }
            registry.names.append(name)
            registry.ids[name] = registry.names.count - 1
            return registry.names.count - 1
        }
    }

    var name: String { Self.registry.withLock { $0.names[id] } }

    private static let registry = Locked(Registry())

    private struct Registry {
        var ids: [String: Int] = [:]
        var names: [String] = []
    }
}

/// A view model's key table: each key a template may use, with its
/// accessor. Written as a dictionary literal; stored by key number.
struct Fields<Model>: ExpressibleByDictionaryLiteral {
    private let table: [((Model) -> TemplateValue)?]

    init(dictionaryLiteral elements: (String, (Model) -> TemplateValue)...) {
        let keyed = elements.map { (FieldKey($0.0).id, $0.1) }
        var table = [((Model) -> TemplateValue)?](repeating: nil, count: (keyed.map(\.0).max() ?? -1) + 1)
        for (id, accessor) in keyed { table[id] = accessor }
        self.table = table
    }

    @inline(__always)
    func value(_ key: FieldKey, of model: Model) -> TemplateValue {
        guard key.id < table.count, let accessor = table[key.id] else { return .null }
        return accessor(model)
    }
}
