/// Line and column of a byte offset in UTF-8 text: what every parser of
/// ours that reports an offset (templates, YAML) turns into a place an
/// editor shows. Its own module, below both, so it is written once.
public enum TextPosition {
    /// Line and column (in characters) of a byte offset, both from 1.
    public static func lineAndColumn<Bytes: RandomAccessCollection<UInt8>>(of offset: Int, in bytes: Bytes) -> (line: Int, column: Int)
    where Bytes.Index == Int {
        let offset = min(offset, bytes.endIndex)
        var line = 1, lineStart = bytes.startIndex
        for i in bytes.startIndex..<offset where bytes[i] == 0x0A {
            line += 1
            lineStart = i + 1
        }
        return (line, String(decoding: bytes[lineStart..<offset], as: UTF8.self).count + 1)
    }
}
