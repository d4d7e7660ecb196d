/// What the image stage made of one photo in `medien/`: the sizes and
/// formats the pages offer the browser, named by the source's hash.
public struct DerivedImage: Sendable, Equatable {
    public struct Variant: Sendable, Equatable {
        public var width: Int
        public var height: Int
        /// Output path, e.g. `medien/_bilder/3fa0…-960.webp`.
        public var path: String
        /// The file's size and XXH64 checksum: a cached file is used only
        /// while it still has both.
        var size = 0
        var checksum: UInt64 = 0
    }

    /// Hash of the source bytes and `ImageSettings.signature`.
    public var key: String
    /// The source's size, upright (orientation applied).
    public var width: Int
    public var height: Int
    /// WebP files, narrowest first.
    public var webp: [Variant]
    /// JPEG, or PNG for a source with transparency, at the middle width.
    public var fallback: Variant
    /// The source without its metadata (`StrippedOriginal`), made once a
    /// page offers it for download (`bild.download`).
    var original: Variant?

    /// Every derived file.
    var variants: [Variant] { webp + [fallback] }

    /// Stored in the image cache beside the files, one line per file.
    var manifest: String {
        let line = { (v: Variant) in "\(v.width) \(v.height) \(v.path) \(v.size) \(String(v.checksum, radix: 16))" }
        return (["bild \(key) \(width) \(height)"] + variants.map(line) + (original.map { ["original " + line($0)] } ?? []))
            .joined(separator: "\n") + "\n"
    }

    init(key: String, width: Int, height: Int, webp: [Variant], fallback: Variant, original: Variant? = nil) {
        self.key = key
        self.width = width
        self.height = height
        self.webp = webp
        self.fallback = fallback
        self.original = original
    }

    /// Nil unless `text` is a whole manifest of `key`.
    init?(manifest text: String, key: String) {
        let lines = text.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        guard let head = lines.first, head.count == 4, head[0] == "bild", head[1] == key,
            let width = Int(head[2]), let height = Int(head[3]), lines.count >= 3
        else { return nil }
        var variants: [Variant] = []
        var original: Variant?
        for var line in lines.dropFirst() {
            let isOriginal = line.first == "original"
            if isOriginal { line.removeFirst() }
            guard line.count == 5, let w = Int(line[0]), let h = Int(line[1]), line[2].hasPrefix(ImageSettings.outputFolder + key),
                let size = Int(line[3]), let checksum = UInt64(line[4], radix: 16)
            else { return nil }
            let variant = Variant(width: w, height: h, path: line[2], size: size, checksum: checksum)
            if isOriginal { original = variant } else { variants.append(variant) }
        }
        guard variants.count >= 2 else { return nil }
        self.init(key: key, width: width, height: height, webp: Array(variants.dropLast()), fallback: variants.last!, original: original)
    }
}

/// The derived images of a build, by source path (`medien/rathaus.jpg`).
public struct ImageTable: Sendable {
    public var images: [String: DerivedImage] = [:]
    /// Files offered for download below an image (`bild.download`), by source path.
    public var downloads: [String: Download] = [:]
    /// Photos a body links to (`[Plan](../medien/plan.jpg)`), by source
    /// path: the output path of the stripped original that the link leads
    /// to instead, so that no link publishes what a camera wrote.
    public var linked: [String: String] = [:]

    /// A file a page offers for download, as its link names it.
    public struct Download: Sendable, Equatable {
        /// Output path: the stripped original of a photo, an SVG or GIF itself.
        public var path: String
        public var size: Int
        /// `JPEG`, `PNG`, `WebP`, `SVG`, `GIF`.
        public var format: String
        /// The name the browser saves it under: the source's.
        public var fileName: String
    }

    public subscript(path: String) -> DerivedImage? { images[path] }
}

extension ImageTable {
    /// `digest` with every image's key mixed in, in path order.
    func digest(adding digest: ContentHash.Digest) -> ContentHash.Digest {
        var hash = ContentHash()
        hash.add(digest)
        for path in images.keys.sorted() {
            hash.add(path)
            hash.add(images[path]!.key)
        }
        // A download's size is in its link text.
        for path in downloads.keys.sorted() {
            let download = downloads[path]!
            hash.add(path)
            hash.add(download.path)
            hash.add(download.size)
        }
        for path in linked.keys.sorted() {
            hash.add(path)
            hash.add(linked[path]!)
        }
        return hash.digest
    }
}

extension DerivedImage.Variant {
    /// The variant with the size and checksum of its encoded `bytes`.
    func holding(_ bytes: [UInt8]) -> Self {
        var variant = self
        variant.size = bytes.count
        variant.checksum = bytes.withUnsafeBytes { Checksum.of($0) }
        return variant
    }

    /// Whether `bytes` are this variant's.
    func isHeld(by bytes: [UInt8]) -> Bool {
        bytes.count == size && bytes.withUnsafeBytes { Checksum.of($0) } == checksum
    }
}
