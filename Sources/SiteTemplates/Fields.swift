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

/// A value whose keys are a `Fields` table, looked up where the value lies:
/// a lookup reads the one property it names, and copies nothing else.
public protocol FieldsObject: TemplateObject, TemplateRepresentable {
    static var fields: Fields<Self> { get }
}

extension FieldsObject {
    @inlinable
    public func value(for key: FieldKey) -> TemplateValue { withUnsafePointer(to: self) { Self.fields.value(key, at: $0) } }

    @inlinable
    public var templateValue: TemplateValue { .object(self) }
}

/// A view model's key table: each key a template may use, with the
/// property it reads. Written as a dictionary literal of key paths
/// (`"in_section": .key(\.inSection)`), so that a property is named once
/// in its table, its kind of value comes from its type, and the compiler
/// checks both; stored by key number.
public struct Fields<Model>: ExpressibleByDictionaryLiteral, Sendable {
    // Inlinable, so that each view model's lookups are specialised in the
    // module that defines the view model, as when the engine lived there.
    @usableFromInline let table: [Field<Model>?]

    /// The keys, sorted: what a view model offers templates, which the
    /// template documentation is checked against.
    public let names: [String]

    public init(dictionaryLiteral elements: (String, Field<Model>)...) {
        names = elements.map(\.0).sorted()
        let keyed = elements.map { (FieldKey($0.0).id, $0.1) }
        var table = [Field<Model>?](repeating: nil, count: (keyed.map(\.0).max() ?? -1) + 1)
        for (id, field) in keyed { table[id] = field }
        self.table = table
    }

    /// The value of `key` of the model at `model`.
    @inlinable @inline(__always)
    public func value(_ key: FieldKey, at model: UnsafePointer<Model>) -> TemplateValue {
        guard key.id < table.count, let field = table[key.id] else { return .null }
        return field.read(model)
    }

    public func value(_ key: FieldKey, of model: Model) -> TemplateValue {
        withUnsafePointer(to: model) { value(key, at: $0) }
    }
}

/// What one key of a view model reads: a property, named by its key path.
///
/// A key path applied at run time walks its components generically, and
/// templates look up a key for every tag of every page. A stored property
/// has an offset in its view model (`MemoryLayout.offset(of:)`, which
/// Swift documents for exactly this): the value is read there, as the
/// property itself would be. A computed property is read through its key
/// path. Either way the model is read where it lies (a pointer): passed by
/// value, a view model in a list was copied out of it, a retain and a
/// release of each of its fields, for every key looked up.
public struct Field<Model>: Sendable {
    @usableFromInline let read: @Sendable (UnsafePointer<Model>) -> TemplateValue

    @inlinable
    init(_ read: @escaping @Sendable (UnsafePointer<Model>) -> TemplateValue) { self.read = read }

    /// A string, number, flag, view model or list of values.
    @inlinable
    public static func key<Value: TemplateRepresentable & SendableMetatype>(_ path: KeyPath<Model, Value>) -> Field {
        if let offset = MemoryLayout<Model>.offset(of: path) {
            return Field { UnsafeRawPointer($0).load(fromByteOffset: offset, as: Value.self).templateValue }
        }
        nonisolated(unsafe) let path = path
        return Field { $0.pointee[keyPath: path].templateValue }
    }

    /// The same, absent as `null` (a section skipped, a lookup going on outwards).
    @inlinable
    public static func key<Value: TemplateRepresentable & SendableMetatype>(_ path: KeyPath<Model, Value?>) -> Field {
        if let offset = MemoryLayout<Model>.offset(of: path) {
            return Field { UnsafeRawPointer($0).load(fromByteOffset: offset, as: Value?.self)?.templateValue ?? .null }
        }
        nonisolated(unsafe) let path = path
        return Field { $0.pointee[keyPath: path]?.templateValue ?? .null }
    }

    /// A value made from a stored property (`"css_url": .key(\.root) { $0 + "assets/site.css" }`):
    /// only that property is read, where a computed property's key path
    /// would copy the whole model to apply itself.
    @inlinable
    public static func key<Stored, Value: TemplateRepresentable & SendableMetatype>(
        _ path: KeyPath<Model, Stored>, _ make: @escaping @Sendable (Stored) -> Value
    ) -> Field {
        if let offset = MemoryLayout<Model>.offset(of: path) {
            return Field { make(UnsafeRawPointer($0).load(fromByteOffset: offset, as: Stored.self)).templateValue }
        }
        nonisolated(unsafe) let path = path
        return Field { make($0.pointee[keyPath: path]).templateValue }
    }

    /// A list of view models, whose keys are read where each one lies.
    @inlinable
    public static func key<Element: FieldsObject & SendableMetatype>(_ path: KeyPath<Model, [Element]>) -> Field {
        if let offset = MemoryLayout<Model>.offset(of: path) {
            return Field { .list(UnsafeRawPointer($0).load(fromByteOffset: offset, as: [Element].self)) }
        }
        nonisolated(unsafe) let path = path
        return Field { .list($0.pointee[keyPath: path]) }
    }
}
