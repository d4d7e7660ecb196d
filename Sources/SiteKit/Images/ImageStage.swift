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
    /// Whether the ledger of the last build (`ImageLedger`) may stand for
    /// the sources' bytes (false in a build into an empty folder, or after
    /// a damaged cache).
    let trustStatus: Bool
    /// The program whose ledger is read and written; nil: none is kept.
    var identity: BuildIdentity? = nil
    /// When this build started reading its sources (`SiteInput.readStart`).
    var readStart = timespec()
    /// Derived files the output holds, by path with their size, when the
    /// output check proved them unchanged since they were written: these
    /// need not be looked at in the cache.
    var published: [String: Int] = [:]
    /// How diagnostics name the content folder.
    var contentLabel = "content"

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
        /// `recorded`: what the ledger is to say of the source (nil for one held in memory).
        case derived(DerivedImage, bytes: Int, encoded: Bool, recorded: ImageLedger.Entry?)
        case unreadable
        case tooLarge(bytes: Int)
        case tooManyPixels(width: Int, height: Int)
        case undecodable(String)
    }

    /// Photos shown on pages and photos linked from them, from the model.
    /// `offered`: images whose page offers them for download (`bild.download`).
    static func uses(in model: SiteModel) -> (shown: [Use], linked: [Use], offered: Set<String>) {
        var shown: [Use] = []
        var linked: [Use] = []
        var offered: Set<String> = []
        func add(_ bild: Bild?) {
            guard let bild else { return }
            if bild.download { offered.insert("medien/" + bild.datei) }
            guard ImageSettings.isPhoto(bild.datei) else { return }
            shown.append(Use(path: "medien/" + bild.datei, location: bild.dateiLocation))
        }
        func add(_ body: RenderedBody) {
            for link in body.links {
                switch link.target {
                case .image(let path): shown.append(Use(path: path, location: link.location))
                case .media(let path) where ImageSettings.isPhoto(path): linked.append(Use(path: path, location: link.location))
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
        return (shown, linked, offered)
    }

    func run(_ model: SiteModel) -> Result {
        let (shown, linkedUses, offered) = Self.uses(in: model)
        let linked = Set(linkedUses.map(\.path))
        let shownPaths = Set(shown.map(\.path))
        var result = Result()
        let media = Dictionary(model.media.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        // SVG and GIF are published as they are: their download is the file itself.
        for path in offered where !ImageSettings.isPhoto(path) {
            guard let file = media[path], let size = Self.size(of: file) else { continue }
            let ending = path.split(separator: ".").last.map { $0.uppercased() } ?? ""
            result.table.downloads[path] = .init(
                path: path, size: size, format: ending, fileName: String(path.split(separator: "/").last ?? ""))
        }
        // A photo no page shows or links is not published: it would carry
        // what the camera wrote (the position, the device) onto the site.
        for file in model.media where ImageSettings.isPhoto(file.path) && !shownPaths.contains(file.path) && !linked.contains(file.path) {
            result.withheld.insert(file.path)
            result.diagnostics.warning(
                SourceLocation(path: contentLabel + "/" + file.path), .photoUnused, hint: Message(.hintUsePhotoOrRemove))
        }
        guard !shown.isEmpty || !linked.isEmpty else { return result }
        // Missing files are the model's errors already. A linked photo is
        // published only as its stripped original.
        let paths = shownPaths.union(linked).filter { media[$0] != nil }.sorted()
        let ledger = trustStatus ? store.folder.flatMap { folder in identity.flatMap { ImageLedger.load(from: folder, identity: $0) } } : nil
        let outcomes = parallelMap(paths) { path in
            process(media[path]!, ledger: ledger, original: offered.contains(path) || linked.contains(path))
        }

        var byPath: [String: Outcome] = [:]
        var entries: [String: ImageLedger.Entry] = [:]
        var readAny = false
        for (path, outcome) in zip(paths, outcomes) {
            byPath[path] = outcome
            guard case .derived(let image, _, let encoded, let recorded) = outcome else { continue }
            if encoded { result.encoded += 1 }
            if let recorded {
                entries[path] = recorded
                if recorded != ledger?.entries[path] { readAny = true }
            }
            if shownPaths.contains(path) {
                result.table.images[path] = image
                for variant in image.variants { result.copies.append(store.copy(of: variant)) }
            }
            if let original = image.original, offered.contains(path) || linked.contains(path) {
                result.copies.append(store.copy(of: original))
                if offered.contains(path) {
                    result.table.downloads[path] = .init(
                        path: original.path, size: original.size, format: StrippedOriginal.formatName(of: original.path),
                        fileName: String(path.split(separator: "/").last ?? ""))
                }
                if linked.contains(path) { result.table.linked[path] = original.path }
            }
            // The source itself is never published: pages show its sizes,
            // and links lead to its stripped original.
            result.withheld.insert(path)
        }
        // Two sources with the same bytes share their files.
        var seen: Set<String> = []
        result.copies = result.copies.filter { seen.insert($0.path).inserted }.sorted { $0.path < $1.path }
        for use in shown {
            guard let outcome = byPath[use.path] else { continue }
            report(outcome, of: use, into: &result.diagnostics)
        }
        // A linked photo is a download: its width is no concern, but a
        // file that cannot be read or decoded is an error at the link.
        for use in linkedUses where !shownPaths.contains(use.path) {
            guard let outcome = byPath[use.path] else { continue }
            if case .derived = outcome { continue }
            report(outcome, of: use, into: &result.diagnostics)
        }
        guard !result.diagnostics.hasErrors else { return result }
        // Statuses taken in this build count from when it began reading;
        // a ledger whose every entry held is kept as it is (no write, no
        // look into the cache folder).
        let updated = ImageLedger(readStart: readAny || ledger == nil ? readStart : ledger!.readStart, entries: entries)
        guard updated != ledger || store.folder == nil else { return result }
        if let folder = store.folder, let identity, !entries.isEmpty { updated.save(to: folder, identity: identity) }
        // Linked photos keep their files too: their stripped original.
        store.prune(
            keeping: Set(
                byPath.values.compactMap { outcome -> String? in
                    if case .derived(let image, _, _, _) = outcome { return image.key }
                    return nil
                }))
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

    /// One source: its derived files from the ledger (its status as
    /// recorded), from the store (its bytes' key known), or made now; with
    /// its stripped `original` when a page offers it for download.
    private func process(_ file: PassThroughFile, ledger: ImageLedger?, original wanted: Bool) -> Outcome {
        var status: FileStatus?
        if case .disk(let path) = file.origin {
            status = file.status ?? Self.status(of: path)
            guard let status else { return .unreadable }
            if status.size > ImageSettings.maxBytes { return .tooLarge(bytes: status.size) }
            if let entry = ledger?.entry(ifUnchanged: file.path, status: status), isAvailable(entry.image, original: wanted) {
                return .derived(entry.image, bytes: entry.bytes, encoded: false, recorded: entry)
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
        let record = { (image: DerivedImage) in status.map { ImageLedger.Entry(status: $0, bytes: bytes.count, image: image) } }
        if var image = store.derived(key: key), isAvailable(image, original: false) {
            if wanted && !isAvailable(image, original: true) {
                guard let (original, stripped) = Self.original(of: bytes, image: image) else { return Self.notStrippable }
                image.original = original
                store.save(image, files: [original.path: stripped])
            }
            return .derived(image, bytes: bytes.count, encoded: false, recorded: record(image))
        }
        do {
            var (image, files) = try Self.derive(bytes, key: key)
            if wanted {
                guard let (original, stripped) = Self.original(of: bytes, image: image) else { return Self.notStrippable }
                image.original = original
                files[original.path] = stripped
            }
            store.save(image, files: files)
            return .derived(image, bytes: bytes.count, encoded: true, recorded: record(image))
        } catch let failure as ImageFailure {
            return failure.outcome
        } catch {
            return .undecodable("\(error)")
        }
    }

    /// Whether the output can get every derived file of `image`: it holds
    /// it already (proven unchanged, same size), or the store holds its
    /// exact bytes (size and checksum, read now).
    private func isAvailable(_ image: DerivedImage, original: Bool) -> Bool {
        if original && image.original == nil { return false }
        let needed = image.variants + (original ? [image.original!] : [])
        return needed.allSatisfy { published[$0.path] == $0.size || store.holds($0) }
    }

    /// The source without its metadata, for download, named by its key.
    static func original(of bytes: [UInt8], image: DerivedImage) -> (DerivedImage.Variant, [UInt8])? {
        guard let format = StrippedOriginal.format(of: bytes),
            let orientation = try? VipsPicture.header(of: bytes).orientation,
            let stripped = StrippedOriginal.stripped(bytes, orientation: orientation)
        else { return nil }
        let path = ImageSettings.outputFolder + "\(image.key)-original.\(format.ending)"
        return (DerivedImage.Variant(width: image.width, height: image.height, path: path).holding(stripped), stripped)
    }

    /// A photo libvips reads but whose file structure `StrippedOriginal`
    /// cannot walk: publishing it as it is could publish its metadata.
    private static let notStrippable = Outcome.undecodable("its metadata cannot be removed for the download; save it again as JPEG")

    /// A file's size: as the folder walk saw it, in memory, or asked now.
    private static func size(of file: PassThroughFile) -> Int? {
        if let status = file.status { return status.size }
        switch file.origin {
        case .memory(let bytes): return bytes.count
        case .disk(let path): return status(of: path)?.size
        }
    }

    /// Size, times and inode of a file not found by a folder walk; nil when it is missing.
    private static func status(of path: String) -> FileStatus? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return FileStatus(info)
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
                let encoded = try scaled.encoded(.webp(quality: ImageSettings.webpQuality))
                files[variant.path] = encoded
                webp.append(variant.holding(encoded))
                if target == fallbackWidth {
                    let kept = DerivedImage.Variant(width: scaled.width, height: scaled.height, path: name + (alpha ? ".png" : ".jpg"))
                    let encoded = try scaled.encoded(alpha ? .png : .jpeg(quality: ImageSettings.jpegQuality))
                    files[kept.path] = encoded
                    fallback = kept.holding(encoded)
                }
            }
        } catch {
            throw ImageFailure(outcome: .undecodable(error.description))
        }
        return (DerivedImage(key: key, width: width, height: height, webp: webp, fallback: fallback!), files)
    }
}
