/// One piece of a parsed template. Text is kept as UTF-8 bytes and names
/// are resolved to key numbers when the template is read; the theme's
/// nodes are then laid out flat in a `TemplateProgram`, which is what
/// renders.
public enum TemplateNode {
    case text([UInt8])
    /// `{{name}}` (escaped) or `{{{name}}}`, `{{&name}}`.
    case variable(Lookup, escaped: Bool)
    case section(Lookup, [TemplateNode])
    case inverted(Lookup, [TemplateNode])
    /// `{{$name}}default{{/name}}` in a parent template.
    case block(name: String, default: [TemplateNode], indentation: [UInt8])
    /// `{{$name}}…{{/name}}` directly inside `{{<parent}}`; the parser
    /// collects these into the call's overrides.
    case blockOverride(name: String, [TemplateNode])
    case partial(PartialCall)
    /// `{{% CONTENT_TYPE: TEXT }}` turns escaping off, `HTML` on again.
    case escaping(Bool)
}

/// `{{>name}}`, `{{>*key}}` or `{{<parent}}…{{/parent}}`.
public struct PartialCall {
    public var name: String
    /// For `{{>*key}}`: the key whose text names the template.
    public var dynamic: Lookup?
    /// The whitespace before a standalone tag, repeated on each line.
    public var indentation: [UInt8]?
    /// The blocks a `{{<parent}}` call fills in.
    public var overrides: [String: [TemplateNode]]?
    /// Byte offset of the tag, for diagnostics.
    public var offset: Int
}

/// A name as written in a tag, taken apart once: `a.b` climbs the context
/// stack for `a` only, `.a` and `.` look at the current object only, and an
/// empty name with transforms (`index()`) asks the enclosing list.
public struct Lookup {
    public var keys: [FieldKey]
    public var anchored: Bool
    public var sequence: Bool
    /// In the order they apply: `a(b(x))` is `[b, a]`.
    public var transforms: [Transform]

    public init(name: String, transforms: [Transform]) {
        self.transforms = transforms.reversed()
        sequence = name.isEmpty && !transforms.isEmpty
        anchored = name.first == "."
        keys = name.split(separator: ".").map { FieldKey(String($0)) }
    }
}
