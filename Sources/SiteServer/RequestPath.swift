/// Turns the request target of an HTTP request into a path of the built
/// site, or rejects it. A site path never leaves the site: `..` segments,
/// percent-encoded or not, hidden names (`.sitegen-output`, `.git`), NUL
/// and backslashes are refused, not normalised away, so a crafted URL gets
/// a 404 instead of a guess.
public enum RequestPath {
    /// `kommunen/bendorf/` for `/kommunen/bendorf/?x=1`; `""` for `/`;
    /// nil for a target that is not an absolute path inside the site.
    public static func sitePath(_ target: String) -> String? {
        var raw = Substring(target)
        if let end = raw.firstIndex(where: { $0 == "?" || $0 == "#" }) { raw = raw[..<end] }
        guard raw.hasPrefix("/") else { return nil }
        guard let decoded = String(raw).removingPercentEncodingStrictly() else { return nil }
        guard !decoded.contains("\0"), !decoded.contains("\\") else { return nil }
        let segments = decoded.split(separator: "/", omittingEmptySubsequences: true)
        for segment in segments where segment.hasPrefix(".") {
            // ".", "..", and every hidden file or folder.
            return nil
        }
        let joined = segments.joined(separator: "/")
        return decoded.hasSuffix("/") && !joined.isEmpty ? joined + "/" : joined
    }
}

extension String {
    /// Percent-decoding that fails on a malformed escape (`%zz`, a lone
    /// `%`) or bytes that are not UTF-8, instead of passing them through.
    func removingPercentEncodingStrictly() -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        var iterator = utf8.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard let high = iterator.next().flatMap(Self.hexValue), let low = iterator.next().flatMap(Self.hexValue) else { return nil }
            bytes.append(high << 4 | low)
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
