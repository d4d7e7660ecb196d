/// A value as a template sees it. `null` stands both for a key an object
/// does not have and for an absent optional: either way, a lookup goes on
/// to the enclosing objects, as in swift-mustache.
public enum TemplateValue {
    case null
    case bool(Bool)
    case int(Int)
    case string(String)
    case object(any TemplateObject)
    case list(any TemplateList)

    public static func string(_ text: String?) -> TemplateValue { text.map { .string($0) } ?? .null }
    public static func object(_ object: (some TemplateObject)?) -> TemplateValue { object.map { .object($0) } ?? .null }
}

/// Something with keys: a view model, or a page combining two of them.
public protocol TemplateObject {
    func value(for key: FieldKey) -> TemplateValue
}

/// A list a section iterates over; arrays of template values are lists
/// without copying.
public protocol TemplateList {
    var count: Int { get }
    func element(_ index: Int) -> TemplateValue
}

/// What can stand in a list or behind a key.
public protocol TemplateRepresentable {
    var templateValue: TemplateValue { get }
}

extension String: TemplateRepresentable { public var templateValue: TemplateValue { .string(self) } }
extension Int: TemplateRepresentable { public var templateValue: TemplateValue { .int(self) } }
extension Bool: TemplateRepresentable { public var templateValue: TemplateValue { .bool(self) } }

extension Array: TemplateRepresentable where Element: TemplateRepresentable {
    public var templateValue: TemplateValue { .list(self) }
}

extension Array: TemplateList where Element: TemplateRepresentable {
    public func element(_ index: Int) -> TemplateValue { self[index].templateValue }
}

/// The `reversed` transform of a list, without copying it.
public struct ReversedTemplateList: TemplateList {
    public var base: any TemplateList
    public var count: Int { base.count }
    public func element(_ index: Int) -> TemplateValue { base.element(base.count - 1 - index) }
}

/// An already materialised list, e.g. the result of `sorted`.
public struct ValueList: TemplateList {
    public var values: [TemplateValue]
    public var count: Int { values.count }
    public func element(_ index: Int) -> TemplateValue { values[index] }
}
