/// One piece of a parsed template. Text is kept as UTF-8 bytes and names
/// are resolved to key numbers when the template is read; the theme's
/// nodes are then laid out flat in a `TemplateProgram`, which is what
/// renders.
enum TemplateNode {
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
struct PartialCall {
    var name: String
    /// For `{{>*key}}`: the key whose text names the template.
    var dynamic: Lookup?
    /// The whitespace before a standalone tag, repeated on each line.
    var indentation: [UInt8]?
    /// The blocks a `{{<parent}}` call fills in.
    var overrides: [String: [TemplateNode]]?
    /// Byte offset of the tag, for diagnostics.
    var offset: Int
}

/// A name as written in a tag, taken apart once: `a.b` climbs the context
/// stack for `a` only, `.a` and `.` look at the current object only, and an
/// empty name with transforms (`index()`) asks the enclosing list.
struct Lookup {
    var keys: [FieldKey]
    var anchored: Bool
    var sequence: Bool
    /// In the order they apply: `a(b(x))` is `[b, a]`.
    var transforms: [Transform]

    init(name: String, transforms: [Transform]) {
        self.transforms = transforms.reversed()
        sequence = name.isEmpty && !transforms.isEmpty
        anchored = name.first == "."
        keys = name.split(separator: ".").map { FieldKey(String($0)) }
    }
}
