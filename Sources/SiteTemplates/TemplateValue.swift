/// A value as a template sees it. `null` stands both for a key an object
/// does not have and for an absent optional: either way, a lookup goes on
/// to the enclosing objects, as in swift-mustache.
///
/// Objects and lists are held in a class box each: a lookup looks into the
/// values on the context stack for every tag of every page, and a box is
/// looked into where an existential payload would be copied out first
/// (and copying a value is then one retain). Make them with `.object(_:)`
/// and `.list(_:)`. An object of a list of view models is `element`: the
/// list and a place in it, so a section over the list makes no box per
/// object and copies none.
public enum TemplateValue {
    case null
    case bool(Bool)
    case int(Int)
    case string(String)
    case objectBox(TemplateObjectBox)
    case listBox(TemplateListBox)
    /// The object at a place of a list of objects: an object as any other.
    case element(TemplateListBox, Int)

    public static func string(_ text: String?) -> TemplateValue { text.map { .string($0) } ?? .null }
    public static func object(_ object: some TemplateObject) -> TemplateValue { .objectBox(ObjectBox(object)) }
    public static func object(_ object: (some TemplateObject)?) -> TemplateValue { object.map { .object($0) } ?? .null }
    public static func list(_ list: some TemplateList) -> TemplateValue { .listBox(ListBox(list)) }
    /// A list of objects: its elements are looked into where they lie.
    /// Inlinable, so that the lookup is made where `Element` is known.
    @inlinable
    public static func list<Element: TemplateObject & TemplateRepresentable>(_ list: [Element]) -> TemplateValue {
        .listBox(ObjectListBox(list) { list, index, key in list.withUnsafeBufferPointer { $0[index].value(for: key) } })
    }
    /// A list of view models: a key of an element is read where the element
    /// lies, without copying the element out of the list.
    @inlinable
    public static func list<Element: FieldsObject>(_ list: [Element]) -> TemplateValue {
        .listBox(
            ObjectListBox(list) { list, index, key in
                list.withUnsafeBufferPointer { Element.fields.value(key, at: $0.baseAddress! + index) }
            })
    }
    /// A box stays the box it is.
    public static func object(_ box: TemplateObjectBox) -> TemplateValue { .objectBox(box) }
    public static func list(_ box: TemplateListBox) -> TemplateValue { .listBox(box) }
}

/// An object of any type, boxed for `TemplateValue`; itself an object.
public class TemplateObjectBox: TemplateObject {
    fileprivate init() {}

    public func value(for key: FieldKey) -> TemplateValue { .null }
}

private final class ObjectBox<Base: TemplateObject>: TemplateObjectBox {
    let base: Base
    init(_ base: Base) { self.base = base }
    override func value(for key: FieldKey) -> TemplateValue { base.value(for: key) }
}

/// A list of any type, boxed for `TemplateValue`; itself a list.
public class TemplateListBox: TemplateList {
    @usableFromInline init() {}

    public var count: Int { 0 }
    public func element(_ index: Int) -> TemplateValue { .null }
    /// For `element(self, index)`: a key of the object at `index`.
    public func value(at index: Int, for key: FieldKey) -> TemplateValue { .null }
    /// For `element(self, index)`: the object at `index`.
    public func object(at index: Int) -> any TemplateObject { NoObject() }
}

private struct NoObject: TemplateObject {
    func value(for key: FieldKey) -> TemplateValue { .null }
}

/// A list of view models. Its lookup is a closure made where the element
/// type is known (`TemplateValue.list`): a method of a generic class runs
/// unspecialised, and there an element is copied out of the array (a
/// retain and a release of each of its fields) for every key looked up.
@usableFromInline
final class ObjectListBox<Element: TemplateObject & TemplateRepresentable>: TemplateListBox {
    let base: [Element]
    /// Given the list (borrowed from the box, not captured: a captured
    /// array is retained and released around every lookup).
    let lookup: ([Element], Int, FieldKey) -> TemplateValue

    @usableFromInline
    init(_ base: [Element], lookup: @escaping ([Element], Int, FieldKey) -> TemplateValue) {
        self.base = base
        self.lookup = lookup
    }

    override var count: Int { base.count }
    override func element(_ index: Int) -> TemplateValue { .element(self, index) }
    override func value(at index: Int, for key: FieldKey) -> TemplateValue { lookup(base, index, key) }
    override func object(at index: Int) -> any TemplateObject { base[index] }
}

private final class ListBox<Base: TemplateList>: TemplateListBox {
    let base: Base
    init(_ base: Base) { self.base = base }
    override var count: Int { base.count }
    override func element(_ index: Int) -> TemplateValue { base.element(index) }
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
