/// The digest of a read's answer, taken from the answer itself.
///
/// A page's trace holds when every read it made hashes as before. If the
/// hash were written by hand beside each summary, a field added to a
/// summary and forgotten in its hash would leave pages stale. Here the
/// hash is fed by the compiler-written `Encodable` conformance of the
/// answer: every stored property of every summary is in it, field names
/// included, and nothing else is.
///
/// Summaries that many answers share (a Kommune in a Kreis's member list,
/// in a Handlungsfeld's list and in the overview) are hashed once per
/// build: `known` returns the digest taken of that same summary before.
enum AnswerDigest {
    static func of<T: Encodable>(_ answer: T, known: ((any SharedSummary) -> ContentHash.Digest?)? = nil) -> ContentHash.Digest {
        let sink = Sink(known: known)
        // The encoder below throws nothing; a throwing conformance would be
        // a programming error, and hashing it as such keeps pages rendering.
        do { try answer.encode(to: DigestEncoder(sink: sink)) } catch { sink.hash.add("encoding failed: \(error)") }
        return sink.hash.digest
    }

    final class Sink {
        var hash = ContentHash()
        let known: ((any SharedSummary) -> ContentHash.Digest?)?

        init(known: ((any SharedSummary) -> ContentHash.Digest?)?) { self.known = known }

        func nested<T: Encodable>(_ value: T) throws {
            if let known, Self.mayBeShared(T.self), let shared = value as? any SharedSummary, let digest = known(shared) {
                hash.add(digest)
            } else {
                try value.encode(to: DigestEncoder(sink: self))
            }
        }

        /// Asking the runtime whether a type conforms costs a lookup in its
        /// conformance cache, for every value of every answer; comparing the
        /// type with the summaries' costs nothing. A summary type missing
        /// here is hashed in full: slower, never wrong.
        private static func mayBeShared<T>(_ type: T.Type) -> Bool {
            let id = ObjectIdentifier(type)
            return id == ObjectIdentifier(KommuneSummary.self) || id == ObjectIdentifier(EintragSummary.self)
                || id == ObjectIdentifier(SeiteSummary.self)
        }
    }
}

/// A summary that answers share, hashed once per build.
protocol SharedSummary: Encodable {
    var kind: ContentKind { get }
    var slug: String { get }
}

/// Feeds everything an `Encodable` value writes into one `ContentHash`.
/// Markers keep shapes apart: a missing optional, an empty list and a list
/// of one empty string hash differently.
private struct DigestEncoder: Encoder {
    let sink: AnswerDigest.Sink
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        sink.hash.add("{")
        return KeyedEncodingContainer(Keyed<Key>(sink: sink))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        sink.hash.add("[")
        return Unkeyed(sink: sink)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { Single(sink: sink) }

    private struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let sink: AnswerDigest.Sink
        var codingPath: [any CodingKey] { [] }

        private func key(_ key: Key) { sink.hash.add(key.stringValue) }

        mutating func encodeNil(forKey key: Key) {
            self.key(key)
            sink.hash.add(-1)
        }
        mutating func encode(_ value: Bool, forKey key: Key) {
            self.key(key)
            sink.hash.add(value ? 1 : 0)
        }
        mutating func encode(_ value: String, forKey key: Key) {
            self.key(key)
            sink.hash.add(value)
        }
        mutating func encode(_ value: Int, forKey key: Key) {
            self.key(key)
            sink.hash.add(value)
        }
        mutating func encode(_ value: Double, forKey key: Key) {
            self.key(key)
            sink.hash.add("\(value)")
        }
        mutating func encode(_ value: Float, forKey key: Key) {
            self.key(key)
            sink.hash.add("\(value)")
        }
        mutating func encode(_ value: Int8, forKey key: Key) {
            self.key(key)
            sink.hash.add(Int(truncatingIfNeeded: value))
        }
        mutating func encode(_ value: Int16, forKey key: Key) {
            self.key(key)
            sink.hash.add(Int(truncatingIfNeeded: value))
        }
        mutating func encode(_ value: Int32, forKey key: Key) {
            self.key(key)
            sink.hash.add(Int(truncatingIfNeeded: value))
        }
        mutating func encode(_ value: Int64, forKey key: Key) {
            self.key(key)
            sink.hash.add(Int(truncatingIfNeeded: value))
        }
        mutating func encode(_ value: UInt, forKey key: Key) {
            self.key(key)
            sink.hash.add(Int(truncatingIfNeeded: value))
        }
        mutating func encode(_ value: UInt8, forKey key: Key) {
            self.key(key)
            sink.hash.add(Int(truncatingIfNeeded: value))
        }
        mutating func encode(_ value: UInt16, forKey key: Key) {
            self.key(key)
            sink.hash.add(Int(truncatingIfNeeded: value))
        }
        mutating func encode(_ value: UInt32, forKey key: Key) {
            self.key(key)
            sink.hash.add(Int(truncatingIfNeeded: value))
        }
        mutating func encode(_ value: UInt64, forKey key: Key) {
            self.key(key)
            sink.hash.add(Int(truncatingIfNeeded: value))
        }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            self.key(key)
            try sink.nested(value)
        }

        func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            self.key(key)
            return DigestEncoder(sink: sink).container(keyedBy: keyType)
        }

        func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            self.key(key)
            return DigestEncoder(sink: sink).unkeyedContainer()
        }

        func superEncoder() -> any Encoder { DigestEncoder(sink: sink) }
        func superEncoder(forKey key: Key) -> any Encoder { DigestEncoder(sink: sink) }
    }

    private struct Unkeyed: UnkeyedEncodingContainer {
        let sink: AnswerDigest.Sink
        var codingPath: [any CodingKey] { [] }
        private(set) var count = 0

        init(sink: AnswerDigest.Sink) { self.sink = sink }

        private mutating func next() {
            count += 1
            sink.hash.add(",")
        }

        mutating func encodeNil() {
            next()
            sink.hash.add(-1)
        }
        mutating func encode(_ value: Bool) {
            next()
            sink.hash.add(value ? 1 : 0)
        }
        mutating func encode(_ value: String) {
            next()
            sink.hash.add(value)
        }
        mutating func encode(_ value: Int) {
            next()
            sink.hash.add(value)
        }
        mutating func encode(_ value: Double) {
            next()
            sink.hash.add("\(value)")
        }
        mutating func encode(_ value: Float) {
            next()
            sink.hash.add("\(value)")
        }
        mutating func encode(_ value: Int8) {
            next()
            sink.hash.add(Int(truncatingIfNeeded: value))
        }
        mutating func encode(_ value: Int16) {
            next()
            sink.hash.add(Int(truncatingIfNeeded: value))
        }
        mutating func encode(_ value: Int32) {
            next()
            sink.hash.add(Int(truncatingIfNeeded: value))
        }
        mutating func encode(_ value: Int64) {
            next()
            sink.hash.add(Int(truncatingIfNeeded: value))
        }
        mutating func encode(_ value: UInt) {
            next()
            sink.hash.add(Int(truncatingIfNeeded: value))
        }
        mutating func encode(_ value: UInt8) {
            next()
            sink.hash.add(Int(truncatingIfNeeded: value))
        }
        mutating func encode(_ value: UInt16) {
            next()
            sink.hash.add(Int(truncatingIfNeeded: value))
        }
        mutating func encode(_ value: UInt32) {
            next()
            sink.hash.add(Int(truncatingIfNeeded: value))
        }
        mutating func encode(_ value: UInt64) {
            next()
            sink.hash.add(Int(truncatingIfNeeded: value))
        }
        mutating func encode<T: Encodable>(_ value: T) throws {
            next()
            try sink.nested(value)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            next()
            return DigestEncoder(sink: sink).container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            next()
            return DigestEncoder(sink: sink).unkeyedContainer()
        }

        mutating func superEncoder() -> any Encoder { DigestEncoder(sink: sink) }
    }

    private struct Single: SingleValueEncodingContainer {
        let sink: AnswerDigest.Sink
        var codingPath: [any CodingKey] { [] }

        mutating func encodeNil() { sink.hash.add(-1) }
        mutating func encode(_ value: Bool) { sink.hash.add(value ? 1 : 0) }
        mutating func encode(_ value: String) { sink.hash.add(value) }
        mutating func encode(_ value: Int) { sink.hash.add(value) }
        mutating func encode(_ value: Double) { sink.hash.add("\(value)") }
        mutating func encode(_ value: Float) { sink.hash.add("\(value)") }
        mutating func encode(_ value: Int8) { sink.hash.add(Int(truncatingIfNeeded: value)) }
        mutating func encode(_ value: Int16) { sink.hash.add(Int(truncatingIfNeeded: value)) }
        mutating func encode(_ value: Int32) { sink.hash.add(Int(truncatingIfNeeded: value)) }
        mutating func encode(_ value: Int64) { sink.hash.add(Int(truncatingIfNeeded: value)) }
        mutating func encode(_ value: UInt) { sink.hash.add(Int(truncatingIfNeeded: value)) }
        mutating func encode(_ value: UInt8) { sink.hash.add(Int(truncatingIfNeeded: value)) }
        mutating func encode(_ value: UInt16) { sink.hash.add(Int(truncatingIfNeeded: value)) }
        mutating func encode(_ value: UInt32) { sink.hash.add(Int(truncatingIfNeeded: value)) }
        mutating func encode(_ value: UInt64) { sink.hash.add(Int(truncatingIfNeeded: value)) }
        mutating func encode<T: Encodable>(_ value: T) throws { try sink.nested(value) }
    }
}
