/// Renders compiled templates into one growing byte buffer, with
/// swift-mustache's rules for sections, the context stack, partials and
/// blocks.
struct TemplateRenderer {
    let templates: [String: [TemplateNode]]
    private(set) var output: [UInt8] = []
    private var stack: [TemplateValue] = []

    /// What a template call knows besides the context stack.
    struct Scope {
        /// Put in front of every line after the first (standalone partials).
        var indentation: [UInt8] = []
        /// Block overrides of the `{{<parent}}` calls around.
        var blocks: [String: [TemplateNode]]?
        /// Inside a list section: where.
        var position: ListPosition?
        var escapes = true
    }

    init(templates: [String: [TemplateNode]], root: TemplateValue, capacity: Int = 4096) {
        self.templates = templates
        stack = [root]
        output.reserveCapacity(capacity)
    }

    mutating func render(_ nodes: [TemplateNode], _ scope: Scope) {
        // A pragma changes escaping for the rest of this call only.
        var scope = scope
        // Nodes are visited in place: copying each out of the array would
        // cost a reference count per node and page.
        nodes.withUnsafeBufferPointer { nodes in
            if scope.indentation.isEmpty {
                for i in nodes.indices { render(nodes[i], &scope) }
                return
            }
            let start = output.count
            for i in nodes.indices {
                guard endsLine(since: start) else {
                    render(nodes[i], &scope)
                    continue
                }
                // Indent only output that exists: undo when the node renders nothing.
                output.append(contentsOf: scope.indentation)
                let mark = output.count
                render(nodes[i], &scope)
                if output.count == mark { output.removeLast(scope.indentation.count) }
            }
        }
    }

    /// swift-mustache indents a node when this call's output so far ends in
    /// a newline character, which a CRLF pair is not.
    private func endsLine(since start: Int) -> Bool {
        let count = output.count
        guard count > start, output[count - 1] == 0x0A else { return false }
        return count - 2 < start || output[count - 2] != 0x0D
    }

    private mutating func render(_ node: TemplateNode, _ scope: inout Scope) {
        switch node {
        case .text(let bytes):
            output.append(contentsOf: bytes)

        case .variable(let lookup, let escaped):
            write(resolve(lookup, scope), escaped: escaped && scope.escapes)

        case .section(let lookup, let body):
            switch resolve(lookup, scope) {
            case .null:
                break
            case .bool(let isTrue):
                if isTrue { render(body, scope) }
            case .list(let list):
                var inner = scope
                let count = list.count
                for index in 0..<count {
                    inner.position = ListPosition(index: index, isLast: index == count - 1)
                    stack.append(list.element(index))
                    render(body, inner)
                    stack.removeLast()
                }
            case let value:
                renderPushing(value, body, scope)
            }

        case .inverted(let lookup, let body):
            switch resolve(lookup, scope) {
            case .null:
                render(body, scope)
            case .bool(let isTrue):
                if !isTrue { render(body, scope) }
            case .list(let list):
                // swift-mustache puts the empty list on the stack here.
                if list.count == 0 { renderPushing(.list(list), body, scope) }
            default:
                break
            }

        case .block(let name, let fallback, let indentation):
            var inner = scope
            inner.indentation += indentation
            inner.position = nil
            render(scope.blocks?[name] ?? fallback, inner)

        case .blockOverride:
            break

        case .partial(let call):
            renderPartial(call, scope)

        case .escaping(let escapes):
            scope.escapes = escapes
        }
    }

    private mutating func renderPushing(_ value: TemplateValue, _ body: [TemplateNode], _ scope: Scope) {
        var inner = scope
        inner.position = nil
        stack.append(value)
        render(body, inner)
        stack.removeLast()
    }

    private mutating func renderPartial(_ call: PartialCall, _ scope: Scope) {
        var name = call.name
        if let dynamic = call.dynamic {
            guard case .string(let text) = resolve(dynamic, scope) else { return }
            name = text
        }
        guard let template = templates[name] else { return }
        var blocks = scope.blocks
        if let overrides = call.overrides {
            // Overrides from further out win: the page overrides its layout's layout.
            blocks = blocks.map { $0.merging(overrides) { outer, _ in outer } } ?? overrides
        }
        render(template, Scope(indentation: scope.indentation + (call.indentation ?? []), blocks: blocks))
    }

    private func resolve(_ lookup: Lookup, _ scope: Scope) -> TemplateValue {
        var value: TemplateValue
        var transforms = lookup.transforms[...]
        if lookup.sequence {
            guard let position = scope.position, let first = transforms.popFirst() else { return .null }
            value = first.apply(to: position)
        } else if lookup.keys.isEmpty {
            value = stack[stack.count - 1]
        } else if lookup.anchored {
            value = Self.descend(stack[stack.count - 1], lookup.keys, from: 0)
        } else {
            value = .null
            // The first key climbs the stack; the rest must follow from there.
            let first = lookup.keys[0]
            var index = stack.count - 1
            while index >= 0 {
                let child = Self.field(first, of: stack[index])
                if case .null = child {
                    index -= 1
                    continue
                }
                value = Self.descend(child, lookup.keys, from: 1)
                break
            }
        }
        for transform in transforms {
            if case .null = value { return .null }
            value = transform.apply(to: value)
        }
        return value
    }

    private static func descend(_ value: TemplateValue, _ keys: [FieldKey], from start: Int) -> TemplateValue {
        var value = value
        for index in start..<keys.count {
            value = field(keys[index], of: value)
            if case .null = value { return .null }
        }
        return value
    }

    @inline(__always)
    private static func field(_ key: FieldKey, of value: TemplateValue) -> TemplateValue {
        guard case .object(let object) = value else { return .null }
        return object.value(for: key)
    }

    /// Lists and objects have no text of their own; swift-mustache would
    /// print Swift's debug description of them.
    private mutating func write(_ value: TemplateValue, escaped: Bool) {
        switch value {
        case .string(let text):
            if escaped { HTMLEscaping.append(text, to: &output) } else { output.append(contentsOf: text.utf8) }
        case .int(let number):
            output.append(contentsOf: String(number).utf8)
        case .bool(let isTrue):
            output.append(contentsOf: (isTrue ? "true" : "false").utf8)
        case .null, .object, .list:
            break
        }
    }
}
