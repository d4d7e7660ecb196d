import SiteText

/// Renders a compiled template program into one growing byte buffer, with
/// swift-mustache's rules for sections, the context stack, partials and
/// blocks.
public struct TemplateRenderer {
    public typealias Op = TemplateProgram.Op
    public typealias Body = TemplateProgram.Body

    private let program: TemplateProgram
    public private(set) var output: [UInt8] = []
    private var stack: [TemplateValue] = []
    /// Put in front of every line after the first, inside standalone
    /// partials and blocks: grows and shrinks with the calls.
    private var indentation: [UInt8] = []
    /// The overrides of the `{{<parent}}` calls around, outermost first:
    /// the page overrides its layout's layout.
    private var overrideFrames: [TemplateProgram.Run] = []

    /// What the instructions of one body share besides the context stack.
    public struct Scope {
        /// Inside a list section: where.
        var position: ListPosition?
        var escapes = true
    }

    public init(program: TemplateProgram, root: TemplateValue, capacity: Int = 4096) {
        self.program = program
        stack = [root]
        output.reserveCapacity(capacity)
    }

    /// Renders the template `name`; nothing when the program has none.
    public mutating func render(template name: String) {
        guard let body = program.body(of: name) else { return }
        render(body, Scope())
    }

    private mutating func render(_ body: Body, _ scope: Scope) {
        // A pragma changes escaping for the rest of this body only.
        var scope = scope
        let ops = program.ops
        var i = Int(body.start)
        let end = Int(body.end)
        if indentation.isEmpty {
            while i < end { i = render(at: i, ops[i], &scope) }
            return
        }
        let start = output.count
        while i < end {
            guard endsLine(since: start) else {
                i = render(at: i, ops[i], &scope)
                continue
            }
            // Indent only output that exists: undo when the instruction renders nothing.
            output.append(contentsOf: indentation)
            let mark = output.count
            i = render(at: i, ops[i], &scope)
            if output.count == mark { output.removeLast(indentation.count) }
        }
    }

    /// swift-mustache indents a node when this call's output so far ends in
    /// a newline character, which a CRLF pair is not.
    private func endsLine(since start: Int) -> Bool {
        let count = output.count
        guard count > start, output[count - 1] == 0x0A else { return false }
        return count - 2 < start || output[count - 2] != 0x0D
    }

    /// Renders the instruction at `index` and returns the index after it
    /// and its body.
    private mutating func render(at index: Int, _ op: Op, _ scope: inout Scope) -> Int {
        switch op {
        case .text(let run):
            output.append(contentsOf: TemplateProgram.slice(program.text, run))

        case .variable(let lookup, let escaped):
            write(resolve(lookup, scope), escaped: escaped && scope.escapes)

        case .section(let lookup, let end):
            let body = Body(start: Int32(index + 1), end: end)
            switch resolve(lookup, scope) {
            case .null:
                break
            case .bool(let isTrue):
                if isTrue { render(body, scope) }
            case .listBox(let list):
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
            return Int(end)

        case .inverted(let lookup, let end):
            let body = Body(start: Int32(index + 1), end: end)
            switch resolve(lookup, scope) {
            case .null:
                render(body, scope)
            case .bool(let isTrue):
                if !isTrue { render(body, scope) }
            case .listBox(let list):
                // swift-mustache puts the empty list on the stack here.
                if list.count == 0 { renderPushing(.list(list), body, scope) }
            default:
                break
            }
            return Int(end)

        case .block(let name, let end, let indentation):
            let body = override(name) ?? Body(start: Int32(index + 1), end: end)
            render(body, Scope(position: nil, escapes: scope.escapes), indentedBy: indentation)
            return Int(end)

        case .partial(let number):
            renderPartial(program.calls[Int(number)], scope)

        case .escaping(let escapes):
            scope.escapes = escapes
        }
        return index + 1
    }

    private mutating func renderPushing(_ value: TemplateValue, _ body: Body, _ scope: Scope) {
        stack.append(value)
        render(body, Scope(position: nil, escapes: scope.escapes))
        stack.removeLast()
    }

    private mutating func renderPartial(_ call: TemplateProgram.Call, _ scope: Scope) {
        var template = call.template
        if call.dynamic >= 0 {
            guard case .string(let name) = resolve(call.dynamic, scope), let named = program.index[name] else { return }
            template = named
        }
        guard template >= 0 else { return }
        if !call.overrides.isEmpty { overrideFrames.append(call.overrides) }
        // A partial starts with a fresh scope: escaping on, no list position.
        render(program.bodies[Int(template)], Scope(), indentedBy: call.indentation)
        if !call.overrides.isEmpty { overrideFrames.removeLast() }
    }

    /// Renders `body` with `run` (bytes of the program's text) added to the
    /// indentation of the calls around.
    private mutating func render(_ body: Body, _ scope: Scope, indentedBy run: TemplateProgram.Run) {
        let mark = indentation.count
        indentation.append(contentsOf: TemplateProgram.slice(program.text, run))
        render(body, scope)
        indentation.removeLast(indentation.count - mark)
    }

    /// The body overriding block `name`, from the outermost call that has one.
    private func override(_ name: Int32) -> Body? {
        for frame in overrideFrames {
            for override in TemplateProgram.slice(program.overrides, frame) where override.name == name {
                return override.body
            }
        }
        return nil
    }

    private func resolve(_ number: Int32, _ scope: Scope) -> TemplateValue {
        let lookup = program.lookups[Int(number)]
        let keys = TemplateProgram.slice(program.keys, lookup.keys)
        var transforms = TemplateProgram.slice(program.transforms, lookup.transforms)[...]
        var value: TemplateValue
        if lookup.sequence {
            guard let position = scope.position, let first = transforms.popFirst() else { return .null }
            value = first.apply(to: position)
        } else if keys.isEmpty {
            value = stack[stack.count - 1]
        } else {
            // The stack is only looked into: its values are borrowed, and
            // only the answer is a copy (a lookup per tag, for every page).
            value = stack.withUnsafeBufferPointer { frames -> TemplateValue in
                if lookup.anchored { return Self.descend(frames[frames.count - 1], keys) }
                // The first key climbs the stack; the rest must follow from there.
                let first = keys[0]
                var index = frames.count - 1
                while index >= 0 {
                    let child = Self.field(first, of: frames[index])
                    if case .null = child {
                        index -= 1
                        continue
                    }
                    return keys.count == 1 ? child : Self.descend(child, UnsafeBufferPointer(rebasing: keys[1...]))
                }
                return .null
            }
        }
        for transform in transforms {
            if case .null = value { return .null }
            value = transform.apply(to: value)
        }
        return value
    }

    private static func descend(_ start: TemplateValue, _ keys: UnsafeBufferPointer<FieldKey>) -> TemplateValue {
        var value = field(keys[0], of: start)
        for index in 1..<keys.count {
            if case .null = value { return .null }
            value = field(keys[index], of: value)
        }
        return value
    }

    @inline(__always)
    private static func field(_ key: FieldKey, of value: TemplateValue) -> TemplateValue {
        switch value {
        case .objectBox(let object): return object.value(for: key)
        case .element(let list, let index): return list.value(at: index, for: key)
        default: return .null
        }
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
        case .null, .objectBox, .listBox, .element:
            break
        }
    }
}
