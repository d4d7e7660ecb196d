/// A YAML document as the decoders read it: text with its quoting style,
/// lists and mappings, each with its place in the text. Every scalar is
/// text; what it means is decided by its key (`ags: 07137` stays text).
public enum YAMLNode: Sendable {
    case scalar(Scalar)
    case mapping([(key: YAMLNode, value: YAMLNode)], Mark)
    case sequence([YAMLNode], Mark)

    /// Line and column (in characters) from 1, in the YAML text.
    public struct Mark: Equatable, Sendable {
        public var line: Int
        public var column: Int

        public init(line: Int, column: Int) {
            self.line = line
            self.column = column
        }
    }

    public struct Scalar: Sendable {
        /// libyaml's scalar styles, in its order.
        public enum Style: Int, Sendable {
            case any, plain, singleQuoted, doubleQuoted, literal, folded
        }

        public var string: String
        public var style: Style
        public var mark: Mark

        public init(string: String, style: Style, mark: Mark) {
            self.string = string
            self.style = style
            self.mark = mark
        }
    }

    public var scalar: Scalar? {
        if case .scalar(let scalar) = self { return scalar }
        return nil
    }

    public var mapping: [(key: YAMLNode, value: YAMLNode)]? {
        if case .mapping(let pairs, _) = self { return pairs }
        return nil
    }

    public var sequence: [YAMLNode]? {
        if case .sequence(let items, _) = self { return items }
        return nil
    }

    public var mark: Mark {
        switch self {
        case .scalar(let scalar): return scalar.mark
        case .mapping(_, let mark), .sequence(_, let mark): return mark
        }
    }
}
