import Foundation

/// The build's image stage, beside rendering and fed by the model: every
/// JPEG, PNG and WebP a page shows (front matter `bild`, Markdown images)
/// becomes WebP files in a few widths and a JPEG or PNG fallback, turned
/// upright, in sRGB and without metadata. Pages then show the derived
/// files; the original is published only when a page links to it.
///
/// Derived files are cached by the hash of the source and the settings,
/// so an unchanged photo is never encoded twice.
struct ImageStage {
    let store: ImageStore
    /// Whether file statuses from the last build may stand for the
    /// sources' bytes (false in a build into an empty folder).
    let trustStatus: Bool

    /// A place where a page shows an image.
    struct Use {
        var path: String
        var location: SourceLocation
    }

    struct Result {
        var table = ImageTable()
        var diagnostics = Diagnostics()
        /// The derived files to publish.
        var copies: [PassThroughFile] = []
        /// Originals no page links to: not published.
        var withheld: Set<String> = []
        /// How many photos were encoded (not found in the cache).
        var encoded = 0
    }

    /// What became of one source.
    enum Outcome: Sendable {
        case derived(DerivedImage, bytes: Int, encoded: Bool, memo: SourceMemo.Entry?)
        case unreadable
        case tooLarge(bytes: Int)
        case tooManyPixels(width: Int, height: Int)
        case undecodable(String)
    }

    /// Photos shown on pages and media files linked from them, from the model.
    static func uses(in model: SiteModel) -> (shown: [Use], linked: Set<String>) {
        var shown: [Use] = []
        var linked: Set<String> = []
        func add(_ bild: Bild?) {
            guard let bild, ImageSettings.isPhoto(bild.datei) else { return }
            shown.append(Use(path: "medien/" + bild.datei, location: bild.dateiLocation))
        }
        func add(_ body: RenderedBody) {
            for link in body.links {
                switch link.target {
                case .image(let path): shown.append(Use(path: path, location: link.location))
                case .media(let path): linked.insert(path)
                default: break
                }
            }
        }
        for k in model.kommunen {
            add(k.bild)
            add(k.page.body)
        }
        for r in model.kaffeerunden {
            add(r.bild)
            add(r.page.body)
        }
        for m in model.meldungen {
            add(m.bild)
            add(m.page.body)
        }
        for s in model.seiten { add(s.page.body) }
        return (shown, linked)
    }

    func run(_ model: SiteModel) -> Result {
        let (shown, linked) = Self.uses(in: model)
        var result = Result()
        guard !shown.isEmpty else { return result }
        let media = Dictionary(model.media.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        // Missing files are the model's errors already.
        let paths = Set(shown.map(\.path)).filter { media[$0] != nil }.sorted()
        let memo =
            trustStatus ? store.read(SourceMemo.fileName).map { SourceMemo(String(decoding: $0, as: UTF8.self)) } ?? SourceMemo() : SourceMemo()
        let outcomes = parallelMap(paths) { path in process(media[path]!, memo: memo.entries[path]) }

        var byPath: [String: Outcome] = [:]
        var newMemo = SourceMemo()
        for (path, outcome) in zip(paths, outcomes) {
            byPath[path] = outcome
            guard case .derived(let image, _, let encoded, let entry) = outcome else { continue }
            result.table.images[path] = image
            if encoded { result.encoded += 1 }
            if let entry { newMemo.entries[path] = entry }
            for variant in image.variants {
                var copy = PassThroughFile(path: variant.path, origin: store.origin(of: variant))
                copy.namedByContent = true
                result.copies.append(copy)
            }
            if !linked.contains(path) { result.withheld.insert(path) }
        }
        // Two sources with the same bytes share their files.
        var seen: Set<String> = []
        result.copies = result.copies.filter { seen.insert($0.path).inserted }.sorted { $0.path < $1.path }
        for use in shown {
            guard let outcome = byPath[use.path] else { continue }
            report(outcome, of: use, into: &result.diagnostics)
        }
        if !result.diagnostics.hasErrors, !newMemo.entries.isEmpty {
            store.write(SourceMemo.fileName, Array(newMemo.text.utf8))
            store.prune(keeping: Set(result.table.images.values.map(\.key)))
        }
        return result
    }

    /// Sizes above `ImageSettings.warnBytes` are warned about for every
    /// file in medien/ (`media-too-large`), not again here.
    private func report(_ outcome: Outcome, of use: Use, into diagnostics: inout Diagnostics) {
        let path = Message.Argument.value(use.path)
        switch outcome {
        case .unreadable:
            diagnostics.error(use.location, .imageUnreadable, ["path": path], hint: Message(.hintFilePermissions))
        case .tooLarge(let bytes):
            diagnostics.error(
                use.location, .imageTooLarge,
                ["path": path, "size": .decimal(Double(bytes) / 1_000_000), "limit": .decimal(Double(ImageSettings.maxBytes) / 1_000_000)],
                hint: Message(.hintSaveSmallerJPEG))
        case .tooManyPixels(let width, let height):
            diagnostics.error(
                use.location, .imageTooManyPixels,
                [
                    "path": path, "width": .number(width), "height": .number(height),
                    "megapixels": .decimal(Double(width * height) / 1_000_000), "limit": .decimal(Double(ImageSettings.maxPixels) / 1_000_000),
                ],
                hint: Message(.hintSaveSmaller))
        case .undecodable(let reason):
            diagnostics.error(use.location, .imageUndecodable, ["path": path, "reason": .value(reason)], hint: Message(.hintSaveAgain))
        case .derived(let image, _, _, _):
            if image.width > ImageSettings.warnWidth {
                diagnostics.warning(
                    use.location, .imageTooWide, ["path": path, "width": .number(image.width), "shown": .number(ImageSettings.widths.last!)],
                    hint: Message(.hintSaveNarrower))
            }
        }
    }

    /// One source: its key from the memo or its bytes, its derived files
    /// from the store or made now.
    private func process(_ file: PassThroughFile, memo: SourceMemo.Entry?) -> Outcome {
        var status: [Int]?
        if case .disk(let path) = file.origin {
            status = SourceMemo.status(of: path)
            guard let status else { return .unreadable }
            if status[0] > ImageSettings.maxBytes { return .tooLarge(bytes: status[0]) }
            if let memo, memo.status == status, let image = store.derived(key: memo.key) {
                return .derived(image, bytes: memo.bytes, encoded: false, memo: memo)
            }
        }
        let bytes: [UInt8]
        switch file.origin {
        case .memory(let inMemory): bytes = inMemory
        case .disk(let path):
            guard let read = DiskLoader.read(path) else { return .unreadable }
            bytes = read
        }
        if bytes.count > ImageSettings.maxBytes { return .tooLarge(bytes: bytes.count) }
        var hash = ContentHash()
        hash.add(ImageSettings.signature)
        hash.add(bytes)
        let key = String(hash.description.prefix(20))
        let entry = status.map { SourceMemo.Entry(status: $0, key: key, bytes: bytes.count) }
        if let image = store.derived(key: key) {
            return .derived(image, bytes: bytes.count, encoded: false, memo: entry)
        }
        do {
            let (image, files) = try Self.derive(bytes, key: key)
            store.save(image, files: files)
            return .derived(image, bytes: bytes.count, encoded: true, memo: entry)
        } catch let failure as ImageFailure {
            return failure.outcome
        } catch {
            return .undecodable("\(error)")
        }
    }

    private struct ImageFailure: Error {
        var outcome: Outcome
    }

    /// Encodes the derived files of a source.
    static func derive(_ bytes: [UInt8], key: String) throws -> (DerivedImage, [String: [UInt8]]) {
        let header: VipsPicture
        do { header = try VipsPicture.header(of: bytes) } catch { throw ImageFailure(outcome: .undecodable(error.description)) }
        // EXIF orientations 5 to 8 turn the image by a quarter.
        let turned = (5...8).contains(header.orientation)
        let (width, height) = turned ? (header.height, header.width) : (header.width, header.height)
        guard width * height <= ImageSettings.maxPixels else {
            throw ImageFailure(outcome: .tooManyPixels(width: width, height: height))
        }
        let alpha = header.hasAlpha
        let fallbackWidth = min(width, ImageSettings.fallbackWidth)
        var files: [String: [UInt8]] = [:]
        var webp: [DerivedImage.Variant] = []
        var fallback: DerivedImage.Variant?
        do {
            for target in ImageSettings.derivedWidths(forSourceWidth: width) {
                let scaled = try VipsPicture.thumbnail(of: bytes, width: target)
                let name = ImageSettings.outputFolder + "\(key)-\(target)"
                let variant = DerivedImage.Variant(width: scaled.width, height: scaled.height, path: name + ".webp")
                files[variant.path] = try scaled.encoded(.webp(quality: ImageSettings.webpQuality))
                webp.append(variant)
                if target == fallbackWidth {
                    let kept = DerivedImage.Variant(width: scaled.width, height: scaled.height, path: name + (alpha ? ".png" : ".jpg"))
                    files[kept.path] = try scaled.encoded(alpha ? .png : .jpeg(quality: ImageSettings.jpegQuality))
                    fallback = kept
                }
            }
        } catch {
            throw ImageFailure(outcome: .undecodable(error.description))
        }
        return (DerivedImage(key: key, width: width, height: height, webp: webp, fallback: fallback!), files)
    }
}
