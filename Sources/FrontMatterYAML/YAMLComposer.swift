import CLibYAML
import Foundation
import SiteText

/// Builds a `YAMLNode` tree from libyaml's events (Debian's libyaml-dev,
/// through the `CLibYAML` system library). Yams' own composer makes a class per event, tag objects per
/// node and hashes whole nodes to find duplicate keys; for 13,000 front
/// matters that was a fifth of decoding the documents. The tree and the errors are
/// the same as `Yams.compose(yaml:)` with the basic resolver gives, which
/// the tests check against Yams. This is the only file that uses libyaml.
public enum YAMLComposer {
    public enum Failure: Error, Equatable {
        /// libyaml's context and problem, at the problem's place.
        case syntax(String, YAMLNode.Mark)
        /// The keys that appear more than once in one mapping, sorted, at
        /// the first of the first key.
        case duplicateKeys([String], YAMLNode.Mark)
        /// libyaml refused a character; the place when it is known.
        case unreadable(String, YAMLNode.Mark?)
    }

    /// Deeper nesting than any front matter needs is refused, rather than
    /// recursing until the stack runs out.
    public static let maximumDepth = 100

    /// The single document of `yaml`; nil when there is none.
    public static func compose(_ yaml: String) throws(Failure) -> YAMLNode? {
        var text = yaml
        guard !text.isEmpty else { return nil }
        let result = text.withUTF8 { bytes -> Result<YAMLNode?, Failure> in
            var parser = Parser(bytes)
            defer { parser.close() }
            do throws(Failure) { return .success(try parser.singleRoot()) } catch { return .failure(error) }
        }
        return try result.get()
    }

    private struct Parser {
        let bytes: UnsafeBufferPointer<UInt8>
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        /// One event at a time: each is read out before the next is parsed.
        let event = UnsafeMutablePointer<yaml_event_t>.allocate(capacity: 1)
        var anchors: [String: YAMLNode] = [:]
        var depth = 0

        init(_ bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
            event.initialize(to: yaml_event_t())
            yaml_parser_initialize(parser)
            yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(parser, bytes.baseAddress, bytes.count)
        }

        func close() {
            yaml_event_delete(event)
            yaml_parser_delete(parser)
            event.deallocate()
            parser.deallocate()
        }

        mutating func singleRoot() throws(Failure) -> YAMLNode? {
            try next()  // stream start
            guard try next() != YAML_STREAM_END_EVENT else { return nil }
            try next()  // the document's first node
            let root = try node()
            try next()  // document end
            if try next() != YAML_STREAM_END_EVENT {
                throw .syntax("expected a single document in the stream but found another document", startMark)
            }
            return root
        }

        @discardableResult
        private func next() throws(Failure) -> yaml_event_type_t {
            yaml_event_delete(event)
            guard yaml_parser_parse(parser, event) == 1 else { throw failure() }
            return event.pointee.type
        }

        private var startMark: YAMLNode.Mark { Self.mark(event.pointee.start_mark) }

        /// libyaml counts from 0.
        private static func mark(_ mark: yaml_mark_t) -> YAMLNode.Mark {
            YAMLNode.Mark(line: Int(mark.line) + 1, column: Int(mark.column) + 1)
        }

        /// The node whose first event is the current one. Lists and
        /// mappings are registered under their anchor once complete, as
        /// Yams does (an alias inside its own anchor is undefined).
        private mutating func node() throws(Failure) -> YAMLNode {
            let mark = startMark
            let data = event.pointee.data
            let node: YAMLNode, anchor: String?
            switch event.pointee.type {
            case YAML_SCALAR_EVENT:
                let value = data.scalar
                anchor = Self.name(value.anchor)
                node = .scalar(
                    .init(
                        string: String(decoding: UnsafeBufferPointer(start: value.value, count: value.length), as: UTF8.self),
                        style: YAMLNode.Scalar.Style(rawValue: Int(value.style.rawValue)) ?? .any, mark: mark))
            case YAML_ALIAS_EVENT:
                guard let name = Self.name(data.alias.anchor), let known = anchors[name] else {
                    throw .syntax("found undefined alias", mark)
                }
                return known
            case YAML_SEQUENCE_START_EVENT:
                anchor = Self.name(data.sequence_start.anchor)
                try enter(mark)
                var items: [YAMLNode] = []
                while try next() != YAML_SEQUENCE_END_EVENT { items.append(try self.node()) }
                depth -= 1
                node = .sequence(items, mark)
            case YAML_MAPPING_START_EVENT:
                anchor = Self.name(data.mapping_start.anchor)
                try enter(mark)
                var pairs: [(key: YAMLNode, value: YAMLNode)] = []
                while try next() != YAML_MAPPING_END_EVENT {
                    let key = try self.node()
                    try next()
                    pairs.append((key, try self.node()))
                }
                depth -= 1
                try Self.checkDuplicates(pairs)
                node = .mapping(pairs, mark)
            default:
                throw .syntax("did not find expected node content", mark)
            }
            if let anchor { anchors[anchor] = node }
            return node
        }

        private mutating func enter(_ mark: YAMLNode.Mark) throws(Failure) {
            depth += 1
            if depth > YAMLComposer.maximumDepth {
                throw .syntax("lists and mappings nested more than \(YAMLComposer.maximumDepth) levels deep", mark)
            }
        }

        /// As Yams reports them: every text key written more than once,
        /// sorted, at the first place of the first of them.
        private static func checkDuplicates(_ pairs: [(key: YAMLNode, value: YAMLNode)]) throws(Failure) {
            guard pairs.count > 1 else { return }
            // A front matter's mappings are small: comparing each text key
            // with those before it finds that none repeats sooner than a
            // dictionary would. Only a repeat needs the full report below.
            if pairs.count <= 32 {
                var repeats = false
                outer: for i in 1..<pairs.count {
                    guard case .scalar(let key) = pairs[i].key else { continue }
                    for j in 0..<i {
                        if case .scalar(let earlier) = pairs[j].key, earlier.string == key.string {
                            repeats = true
                            break outer
                        }
                    }
                }
                guard repeats else { return }
            }
            var first: [String: YAMLNode.Mark] = [:]
            var repeated: Set<String> = []
            for (key, _) in pairs {
                guard let scalar = key.scalar else { continue }
                if first[scalar.string] == nil { first[scalar.string] = scalar.mark } else { repeated.insert(scalar.string) }
            }
            guard !repeated.isEmpty else { return }
            let keys = repeated.sorted()
            throw .duplicateKeys(keys, first[keys[0]]!)
        }

        private static func name(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
            pointer.map { String(cString: $0) }
        }

        private func failure() -> Failure {
            let state = parser.pointee
            let problem = state.problem.map { String(cString: $0) } ?? "unknown problem"
            switch state.error {
            case YAML_SCANNER_ERROR, YAML_PARSER_ERROR:
                let context = state.context.map { String(cString: $0) }
                return .syntax([context, problem].compactMap { $0 }.joined(separator: " "), Self.mark(state.problem_mark))
            case YAML_READER_ERROR:
                // A control character pasted from another program, typically.
                let value = state.problem_value >= 0 ? " (U+\(String(format: "%04X", state.problem_value)))" : ""
                let (line, column) = TextPosition.lineAndColumn(of: state.problem_offset, in: bytes)
                return .unreadable(problem + value, YAMLNode.Mark(line: line, column: column))
            case YAML_MEMORY_ERROR:
                return .unreadable("out of memory", nil)
            default:
                return .unreadable(problem, nil)
            }
        }
    }
}
