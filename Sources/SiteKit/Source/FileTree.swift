import Foundation

/// A file read from the content or templates folder: its path relative to
/// that folder ("/"-separated) and its bytes.
public struct InputFile: Sendable {
    public var path: String
    /// Empty for a document that was not read (see `unread`).
    public var bytes: [UInt8]
    /// A page document the build did not read because its file is unchanged
    /// since the last build read it (`SourceListing`): where it is, and its
    /// digest. Its decoded form comes from the decode cache, or it is read
    /// when that has none.
    var unread: (path: String, digest: ContentHash.Digest)?

    /// The file with its bytes: itself when it was read, else read now; nil
    /// when it cannot be read.
    func reading() -> InputFile? {
        guard let unread else { return self }
        guard let bytes = DiskLoader.read(unread.path) else { return nil }
        return InputFile(path: path, bytes: bytes)
    }

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }
}

/// A file that is copied to the output as it is (media, theme assets). Its
/// bytes are only read when it is written, so large downloads cost nothing
/// until then; an in-memory tree carries them directly.
public struct PassThroughFile: Sendable {
    public enum Origin: Sendable {
        case disk(absolutePath: String)
        case memory([UInt8])
    }

    /// Path relative to its source folder, e.g. `medien/karte.png` or `assets/site.css`.
    public var path: String
    public var origin: Origin
    /// The path names the content (a derived image's hash): a file of the
    /// same path and size in an intact output holds the same bytes, so a
    /// rebuild need not read it.
    var namedByContent = false
    /// The size the file must have (a derived image's, from its manifest):
    /// the output's copy of that size needs no look at the source, and a
    /// source of another size is refused.
    var knownSize: Int?
    /// The source's status as the folder walk saw it (`DiskLoader`), so
    /// later stages need not ask the file system again.
    var status: FileStatus?

    public init(path: String, origin: Origin) {
        self.path = path
        self.origin = origin
    }

    /// Where the file comes from and why it cannot be read, for a message
    /// that names the source, not the output.
    var sourceDescription: String {
        guard case .disk(let source) = origin else { return path }
        return source + (DiskLoader.unreadable(source).map { ": " + $0 } ?? "")
    }
}

/// Everything the build reads: the content tree and the theme. Tests build
/// one in memory; `DiskLoader` reads one from disk.
public struct SiteInput: Sendable {
    /// Root label used in diagnostics, e.g. `content` (as the user named it).
    public var contentLabel: String
    public var templatesLabel: String
    /// `site.yaml`, `handlungsfelder.yaml` and every Markdown file.
    public var documents: [InputFile]
    /// Everything below `medien/`, path relative to the content folder.
    public var media: [PassThroughFile]
    /// `*.mustache` files, path relative to the templates folder.
    public var templates: [InputFile]
    /// Everything below `templates/assets/`, path relative to the templates folder.
    public var assets: [PassThroughFile]
    /// Problems found while reading (ignored links, unreadable files).
    public var diagnostics: Diagnostics
    /// Each document's file status as the folder walk saw it, and when
    /// reading began: what the next build's `SourceListing` is made of.
    var statuses: [String: FileStatus] = [:]
    var readStart = timespec()

    public init(
        contentLabel: String = "content", templatesLabel: String = "templates",
        documents: [InputFile], media: [PassThroughFile] = [],
        templates: [InputFile], assets: [PassThroughFile] = [],
        diagnostics: Diagnostics = Diagnostics()
    ) {
        self.contentLabel = contentLabel
        self.templatesLabel = templatesLabel
        self.documents = documents
        self.media = media
        self.templates = templates
        self.assets = assets
        self.diagnostics = diagnostics
    }
}
