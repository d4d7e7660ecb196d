import Foundation

/// Reads a `SiteInput` from disk. Symbolic links are never followed, so
/// nothing outside the content and templates folders can be read or copied.
public struct DiskLoader {
    public var contentDirectory: String
    public var templatesDirectory: String

    public init(contentDirectory: String, templatesDirectory: String) {
        self.contentDirectory = contentDirectory
        self.templatesDirectory = templatesDirectory
    }

    public enum LoadError: MessageError {
        case notADirectory(String)

        public var message: Message {
            switch self {
            case .notADirectory(let path): return Message(.noSuchFolder, ["path": .value(path)])
            }
        }
    }

    public func load() throws -> SiteInput { try load(reusing: nil) }

    /// Loads again after the files in `changed` (absolute, as the folders
    /// were given plus the relative path) changed: every other document keeps
    /// the bytes it had in `previous` and is not read. The folders are still
    /// walked, so added and removed files count.
    public func load(reusing previous: SiteInput?, changed: Set<String> = []) throws -> SiteInput {
        try load(reusing: previous, changed: changed, unchangedSince: nil)
    }

    /// Loads for a build with a cache: page documents whose file status is
    /// as `listing` recorded are not read (`InputFile.unread`).
    func load(unchangedSince listing: SourceListing?) throws -> SiteInput {
        try load(reusing: nil, changed: [], unchangedSince: listing)
    }

    private func load(reusing previous: SiteInput?, changed: Set<String>, unchangedSince listing: SourceListing?) throws -> SiteInput {
        if let previous, let patched = Self.patch(previous, changed: changed, content: contentDirectory, templates: templatesDirectory) {
            return patched
        }
        let readStart = SourceListing.now()
        let known = Dictionary(
            (previous?.documents ?? []).map { (contentDirectory + "/" + $0.path, $0.bytes) }
                + (previous?.templates ?? []).map { (templatesDirectory + "/" + $0.path, $0.bytes) },
            uniquingKeysWith: { a, _ in a })
        @Sendable func read(_ absolute: String) -> [UInt8]? {
            if !changed.contains(absolute), let bytes = known[absolute] { return bytes }
            return Self.read(absolute)
        }
        var diagnostics = Diagnostics()
        let contentLabel = Self.label(contentDirectory)
        let templatesLabel = Self.label(templatesDirectory)
        guard Self.isDirectory(contentDirectory) else { throw LoadError.notADirectory(contentLabel) }
        guard Self.isDirectory(templatesDirectory) else { throw LoadError.notADirectory(templatesLabel) }

        var documentPaths: [String] = []
        var statuses: [String: FileStatus] = [:]
        var unread: [String: ContentHash.Digest] = [:]
        var media: [PassThroughFile] = []
        for (path, info) in walk(contentDirectory, label: contentLabel, diagnostics: &diagnostics) {
            let absolute = contentDirectory + "/" + path
            if path.hasPrefix("medien/") {
                // Found now, at the file, rather than as a failed write at the end.
                if let reason = Self.unreadable(absolute) {
                    diagnostics.error(
                        SourceLocation(path: contentLabel + "/" + path), .cannotReadBecause, ["reason": .value(reason)],
                        hint: Message(.hintFilePermissions))
                    continue
                }
                var file = PassThroughFile(path: path, origin: .disk(absolutePath: absolute))
                file.status = FileStatus(info)
                media.append(file)
            } else if path.hasSuffix(".md") || path.hasSuffix(".yaml") || path.hasSuffix(".yml") || !path.contains(Character("/"))
                || Self.isContentFolderFile(path)
            {
                documentPaths.append(path)
                if ContentKind.parse(contentPath: path) != nil {
                    statuses[path] = FileStatus(info)
                    if let digest = listing?.digest(ifUnchanged: path, info) { unread[path] = digest }
                }
            } else {
                diagnostics.warning(
                    SourceLocation(path: contentLabel + "/" + path),
                    .notContent, hint: Message(.hintMediaBelongs))
            }
        }
        // Thirteen thousand small reads are mostly system calls: two threads
        // halve the wait.
        var documents: [InputFile] = []
        documents.reserveCapacity(documentPaths.count)
        let skipped = unread, folder = contentDirectory
        let contents = parallelMap(documentPaths) { path in skipped[path] == nil ? read(folder + "/" + path) : [] }
        for (path, bytes) in zip(documentPaths, contents) {
            guard let bytes else {
                diagnostics.error(
                    SourceLocation(path: contentLabel + "/" + path), .cannotReadBecause,
                    ["reason": Self.unreadable(contentDirectory + "/" + path).map { .value($0) } ?? .phrase(Message(.reasonChangedWhileRead))],
                    hint: Message(.hintFilePermissions))
                continue
            }
            var file = InputFile(path: path, bytes: bytes)
            if let digest = unread[path] { file.unread = (contentDirectory + "/" + path, digest) }
            documents.append(file)
        }

        var templates: [InputFile] = []
        var assets: [PassThroughFile] = []
        for (path, info) in walk(templatesDirectory, label: templatesLabel, diagnostics: &diagnostics) {
            let absolute = templatesDirectory + "/" + path
            if path.hasPrefix("assets/") {
                var file = PassThroughFile(path: path, origin: .disk(absolutePath: absolute))
                file.status = FileStatus(info)
                assets.append(file)
            } else if path.hasSuffix(".mustache") {
                guard let bytes = read(absolute) else {
                    diagnostics.error(
                        SourceLocation(path: templatesLabel + "/" + path), .cannotReadBecause,
                        ["reason": Self.unreadable(absolute).map { .value($0) } ?? .phrase(Message(.reasonChangedWhileRead))],
                        hint: Message(.hintFilePermissions))
                    continue
                }
                templates.append(InputFile(path: path, bytes: bytes))
            }
        }
        var input = SiteInput(
            contentLabel: contentLabel, templatesLabel: templatesLabel,
            documents: documents, media: media, templates: templates, assets: assets,
            diagnostics: diagnostics)
        input.statuses = statuses
        input.readStart = readStart
        return input
    }

    /// The common edit: files that were documents or templates before and
    /// still are regular files. Their new bytes are read and nothing else,
    /// not even the folders; anything else (a file added, removed or
    /// replaced by a link) returns nil and the folders are walked.
    private static func patch(_ previous: SiteInput, changed: Set<String>, content: String, templates: String) -> SiteInput? {
        guard !changed.isEmpty else { return nil }
        var input = previous
        for path in changed {
            var info = stat()
            guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG, let bytes = read(path) else { return nil }
            let inContent = path.dropFirst(content.count + 1), inTemplates = path.dropFirst(templates.count + 1)
            if path.hasPrefix(content + "/"), let i = input.documents.firstIndex(where: { $0.path == inContent }) {
                input.documents[i].bytes = bytes
            } else if path.hasPrefix(templates + "/"), let i = input.templates.firstIndex(where: { $0.path == inTemplates }) {
                input.templates[i].bytes = bytes
            } else {
                return nil
            }
        }
        return input
    }

    /// Files inside the page folders are all read, whatever their ending, so
    /// that a misnamed file is reported by the parser rather than skipped.
    private static func isContentFolderFile(_ path: String) -> Bool {
        ContentKind.allCases.contains { path.hasPrefix($0.folder + "/") }
    }

    /// Relative paths of all regular files below `root` with their status,
    /// sorted; names that begin with `.` or `_` are skipped, as the content
    /// format says.
    private func walk(_ root: String, label: String, diagnostics: inout Diagnostics) -> [(path: String, info: stat)] {
        var result: [(path: String, info: stat)] = []
        let (entries, unreadable) = FileWalk.walk(below: root, include: { !$0.hasPrefix(".") && !$0.hasPrefix("_") })
        // A folder that cannot be listed would drop its pages without a word.
        for failure in unreadable {
            diagnostics.error(
                SourceLocation(path: failure.path.isEmpty ? label : label + "/" + failure.path),
                .cannotReadFolder, ["reason": .value(failure.reason)], hint: Message(.hintFolderPermissions))
        }
        for entry in entries {
            if entry.isRegularFile {
                result.append((entry.path, entry.info))
            } else if entry.isSymbolicLink {
                diagnostics.warning(
                    SourceLocation(path: label + "/" + entry.path),
                    .symbolicLink, hint: Message(.hintCopyInsteadOfLink))
            }
        }
        return result.sorted { $0.path < $1.path }
    }

    static func read(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return nil }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 { return nil }
            if n == 0 { break }
            offset += n
        }
        return offset == bytes.count ? bytes : Array(bytes[..<offset])
    }

    /// Why a file cannot be opened for reading; nil when it can.
    static func unreadable(_ path: String) -> String? {
        let fd = open(path, O_RDONLY)
        guard fd < 0 else {
            close(fd)
            return nil
        }
        return String(cString: strerror(errno))
    }

    static func isDirectory(_ path: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue
    }

    /// The folder as the user wrote it, without a trailing slash.
    static func label(_ path: String) -> String {
        var label = path
        while label.count > 1 && label.hasSuffix("/") { label.removeLast() }
        return label
    }
}
