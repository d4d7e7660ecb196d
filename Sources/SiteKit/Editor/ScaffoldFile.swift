import Foundation

/// Puts a scaffold into the content folder without ever replacing a file
/// (`NewFile`).
public enum ScaffoldFile {
    public enum CreateError: MessageError {
        case exists(String)
        case noContentFolder(String)
        case cannotWrite(String, String)

        public var message: Message {
            switch self {
            case .exists(let path): return Message(.newFileExists, ["path": .value(path)])
            case .noContentFolder(let path): return Message(.newNoContentFolder, ["path": .value(path)])
            case .cannotWrite(let path, let reason): return Message(.newCannotWrite, ["path": .value(path), "reason": .value(reason)])
            }
        }
    }

    /// Writes the scaffold and returns its path as the user would write it,
    /// e.g. `content/kommunen/bendorf.md`.
    @discardableResult
    public static func create(_ scaffold: ScaffoldWriter.Scaffold, contentDirectory: String) throws(CreateError) -> String {
        let root = DiskLoader.label(contentDirectory)
        guard DiskLoader.isDirectory(root) else { throw .noContentFolder(root) }
        let folder = root + "/" + scaffold.kind.folder
        let path = root + "/" + scaffold.contentPath
        if !DiskLoader.isDirectory(folder) {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
            } catch {
                throw .cannotWrite(folder, error.localizedDescription)
            }
        }
        switch NewFile.create(path, scaffold.text) {
        case .written: return path
        case .exists: throw .exists(path)
        case .failed(let reason): throw .cannotWrite(path, reason)
        }
    }

    /// The `$schema` reference for a new file of `kind`: the path of the
    /// kind's schema in `schemaDirectory`, relative to the file's folder;
    /// nil when `sitegen schema` has not written it there, or when the
    /// schemas lie outside the project that holds the content folder (a
    /// path out of the project would break in every other checkout).
    public static func schemaReference(contentDirectory: String, kind: ContentKind, schemaDirectory: String) -> String? {
        let schema = schemaDirectory + "/" + SchemaGenerator.fileName(for: kind)
        guard FileManager.default.fileExists(atPath: schema) else { return nil }
        let project = URL(fileURLWithPath: contentDirectory).standardizedFileURL.deletingLastPathComponent().path
        guard !relativePath(from: project, to: schema).hasPrefix("../") else { return nil }
        return relativePath(from: contentDirectory + "/" + kind.folder, to: schema)
    }

    /// `../../schemas/kommune.schema.json` from `content/kommunen` to `schemas/kommune.schema.json`.
    static func relativePath(from directory: String, to file: String) -> String {
        let from = URL(fileURLWithPath: directory).standardizedFileURL.pathComponents
        let to = URL(fileURLWithPath: file).standardizedFileURL.pathComponents
        var common = 0
        while common < from.count, common < to.count - 1, from[common] == to[common] { common += 1 }
        return (Array(repeating: "..", count: from.count - common) + to[common...]).joined(separator: "/")
    }
}
