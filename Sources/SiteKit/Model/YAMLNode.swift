/// A YAML document as the decoders read it: text with its quoting style,
/// lists and mappings, each with its place in the text. Every scalar is
/// text; what it means is decided by its key (`ags: 07137` stays text).
enum YAMLNode {
    case scalar(Scalar)
    case mapping([(key: YAMLNode, value: YAMLNode)], Mark)
    case sequence([YAMLNode], Mark)

    /// Line and column (in characters) from 1, in the YAML text.
    struct Mark: Equatable {
        var line: Int
        var column: Int
    }

    struct Scalar {
        /// libyaml's scalar styles, in its order.
        enum Style: Int {
            case any, plain, singleQuoted, doubleQuoted, literal, folded
        }

        var string: String
        var style: Style
        var mark: Mark
    }

    var scalar: Scalar? {
        if case .scalar(let scalar) = self { return scalar }
        return nil
    }

    var mapping: [(key: YAMLNode, value: YAMLNode)]? {
        if case .mapping(let pairs, _) = self { return pairs }
        return nil
    }

    var sequence: [YAMLNode]? {
        if case .sequence(let items, _) = self { return items }
        return nil
    }

    var mark: Mark {
        switch self {
        case .scalar(let scalar): return scalar.mark
        case .mapping(_, let mark), .sequence(_, let mark): return mark
        }
    }
}
