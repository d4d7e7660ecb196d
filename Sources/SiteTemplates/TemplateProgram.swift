/// The theme's templates compiled into one flat list of instructions that
/// hold no references. Pages render on all cores at once from the same
/// templates; a tree of nodes would have every core retain and release the
/// same nodes' counters, and those contended counters cost about as much
/// as the rest of rendering. Here a renderer reads plain values through
/// raw buffers that live as long as the program.
public final class TemplateProgram: @unchecked Sendable {
    /// The elements `start..<end` of one of the program's buffers: bytes of
    /// `text`, keys, transforms, overrides, or instructions (a body).
    public struct Run: Sendable {
        var start: Int32
        var end: Int32

        static let empty = Run(start: 0, end: 0)
        var isEmpty: Bool { end <= start }
        var range: Range<Int> { Int(start)..<Int(end) }
    }

    /// A template, a section's body or a block: a run of instructions.
    public typealias Body = Run

    /// One instruction. A section's or block's body follows it directly
    /// and ends at `end`.
    public enum Op {
        case text(Run)
        case variable(lookup: Int32, escaped: Bool)
        case section(lookup: Int32, end: Int32)
        case inverted(lookup: Int32, end: Int32)
        case block(name: Int32, end: Int32, indentation: Run)
        case partial(call: Int32)
        case escaping(Bool)
    }

    /// A `Lookup` with its keys and transforms as runs of the shared buffers.
    public struct LookupCode {
        var keys: Run
        var transforms: Run
        var anchored: Bool
        var sequence: Bool
    }

    public struct Call {
        /// The template called, or -1: dynamic, or not in the theme.
        var template: Int32
        /// For `{{>*key}}`: the lookup that names the template, else -1.
        var dynamic: Int32
        var indentation: Run
        /// A run of `overrides`; empty unless this is a `{{<parent}}` call.
        var overrides: Run
    }

    public struct Override {
        var name: Int32
        var body: Body
    }

    public let ops: UnsafeBufferPointer<Op>
    public let text: UnsafeBufferPointer<UInt8>
    public let keys: UnsafeBufferPointer<FieldKey>
    public let transforms: UnsafeBufferPointer<Transform>
    public let lookups: UnsafeBufferPointer<LookupCode>
    public let calls: UnsafeBufferPointer<Call>
    public let overrides: UnsafeBufferPointer<Override>
    public let bodies: UnsafeBufferPointer<Body>
    /// Template names to indices of `bodies`, for pages and `{{>*key}}`.
    public let index: [String: Int32]

    public init(_ templates: [String: [TemplateNode]]) {
        var compiler = Compiler()
        let names = templates.keys.sorted()
        for (number, name) in names.enumerated() { compiler.index[name] = Int32(number) }
        let bodies = names.map { compiler.emitBody(templates[$0]!) }
        compiler.emitPendingOverrides()
        ops = Self.freeze(compiler.ops)
        text = Self.freeze(compiler.text)
        keys = Self.freeze(compiler.keys)
        transforms = Self.freeze(compiler.transforms)
        lookups = Self.freeze(compiler.lookups)
        calls = Self.freeze(compiler.calls)
        overrides = Self.freeze(compiler.overrides)
        self.bodies = Self.freeze(bodies)
        index = compiler.index
    }

    deinit {
        Self.release(ops)
        Self.release(text)
        Self.release(keys)
        Self.release(transforms)
        Self.release(lookups)
        Self.release(calls)
        Self.release(overrides)
        Self.release(bodies)
    }

    /// The body of the template `name`, if the theme has it.
    public func body(of name: String) -> Body? { index[name].map { bodies[Int($0)] } }

    /// The elements of `run` in `buffer`, one of this program's buffers.
    public static func slice<T>(_ buffer: UnsafeBufferPointer<T>, _ run: Run) -> UnsafeBufferPointer<T> {
        UnsafeBufferPointer(rebasing: buffer[run.range])
    }

    /// Every element type here is plain data: nothing to deinitialize.
    private static func release<T>(_ buffer: UnsafeBufferPointer<T>) {
        UnsafeMutableRawPointer(mutating: buffer.baseAddress)?.deallocate()
    }

    private static func freeze<T>(_ values: [T]) -> UnsafeBufferPointer<T> {
        let buffer = UnsafeMutableBufferPointer<T>.allocate(capacity: max(values.count, 1))
        _ = buffer.initialize(from: values)
        return UnsafeBufferPointer(rebasing: buffer[..<values.count])
    }

    private struct Compiler {
        var ops: [Op] = [], text: [UInt8] = [], keys: [FieldKey] = [], transforms: [Transform] = []
        var lookups: [LookupCode] = [], calls: [Call] = [], overrides: [Override] = []
        var index: [String: Int32] = [:]
        var blockNames: [String: Int32] = [:]
        /// Override bodies wait until the templates are laid out: they
        /// cannot sit inside the body that calls the parent.
        var pending: [(call: Int, blocks: [(name: String, nodes: [TemplateNode])])] = []

        mutating func emitBody(_ nodes: [TemplateNode]) -> Body {
            let start = Int32(ops.count)
            for node in nodes { emit(node) }
            return Body(start: start, end: Int32(ops.count))
        }

        mutating func emitPendingOverrides() {
            // An override body may call a parent of its own, which adds more.
            while !pending.isEmpty {
                let (call, blocks) = pending.removeFirst()
                let made = blocks.map { Override(name: blockName($0.name), body: emitBody($0.nodes)) }
                calls[call].overrides = Self.append(made, to: &overrides)
            }
        }

        private mutating func emit(_ node: TemplateNode) {
            switch node {
            case .text(let bytes):
                ops.append(.text(Self.append(bytes, to: &text)))
            case .variable(let lookup, let escaped):
                ops.append(.variable(lookup: code(lookup), escaped: escaped))
            case .section(let lookup, let body):
                let lookup = code(lookup)
                let at = opening()
                ops[at] = .section(lookup: lookup, end: emitBody(body).end)
            case .inverted(let lookup, let body):
                let lookup = code(lookup)
                let at = opening()
                ops[at] = .inverted(lookup: lookup, end: emitBody(body).end)
            case .block(let name, let fallback, let indentation):
                let (name, indentation) = (blockName(name), Self.append(indentation, to: &text))
                let at = opening()
                ops[at] = .block(name: name, end: emitBody(fallback).end, indentation: indentation)
            case .blockOverride:
                // The parser gave these to the call they belong to.
                break
            case .partial(let call):
                let number = calls.count
                let dynamic = call.dynamic.map { code($0) } ?? -1
                calls.append(
                    Call(
                        template: call.dynamic == nil ? index[call.name] ?? -1 : -1,
                        dynamic: dynamic, indentation: Self.append(call.indentation ?? [], to: &text),
                        overrides: .empty))
                if let blocks = call.overrides, !blocks.isEmpty {
                    pending.append((number, blocks.sorted { $0.key < $1.key }.map { (name: $0.key, nodes: $0.value) }))
                }
                ops.append(.partial(call: Int32(number)))
            case .escaping(let escapes):
                ops.append(.escaping(escapes))
            }
        }

        /// A placeholder for an instruction whose body comes next.
        private mutating func opening() -> Int {
            ops.append(.escaping(true))
            return ops.count - 1
        }

        /// Appends `values` and returns where they went.
        private static func append<T>(_ values: [T], to array: inout [T]) -> Run {
            defer { array += values }
            return Run(start: Int32(array.count), end: Int32(array.count + values.count))
        }

        private mutating func code(_ lookup: Lookup) -> Int32 {
            lookups.append(
                LookupCode(
                    keys: Self.append(lookup.keys, to: &keys), transforms: Self.append(lookup.transforms, to: &transforms),
                    anchored: lookup.anchored, sequence: lookup.sequence))
            return Int32(lookups.count - 1)
        }

        private mutating func blockName(_ name: String) -> Int32 {
            if let id = blockNames[name] { return id }
            blockNames[name] = Int32(blockNames.count)
            return Int32(blockNames.count - 1)
        }
    }
}
