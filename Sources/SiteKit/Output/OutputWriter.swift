import CSystemExtras
import Foundation

/// Writes a finished site so that the output folder always holds one whole
/// build: everything goes into a staging folder beside it, which then takes
/// the output's place in one atomic exchange. A build that fails or is
/// killed leaves the previous output as it was, and a finished one leaves no
/// stale files.
public struct OutputWriter {
    /// Marks a folder as written by sitegen, so it may be replaced. sitegen
    /// refuses to replace a non-empty folder without it: `--output ~` must
    /// never cost anyone their files.
    public static let marker = ".sitegen-output"

    public var outputDirectory: String
    /// Folders the output must stay clear of (content, templates).
    public var protectedDirectories: [String]

    public init(outputDirectory: String, protectedDirectories: [String]) {
        self.outputDirectory = outputDirectory
        self.protectedDirectories = protectedDirectories
    }

    public struct WriteError: Error, CustomStringConvertible {
        public var description: String
    }

    public func write(files: [OutputFile], copies: [PassThroughFile]) throws {
        let output = URL(fileURLWithPath: outputDirectory).standardizedFileURL.path
        try checkPlace(output)
        let parent = (output as NSString).deletingLastPathComponent
        let name = (output as NSString).lastPathComponent
        let fm = FileManager.default
        try fm.createDirectory(atPath: parent, withIntermediateDirectories: true)
        removeLeftovers(in: parent, name: name)

        let staging = parent + "/.\(name).sitegen-staging-\(getpid())"
        try? fm.removeItem(atPath: staging)
        do {
            try fm.createDirectory(atPath: staging, withIntermediateDirectories: false)
            try writeAll(files: files, copies: copies, into: staging)
            try swap(staging: staging, output: output)
        } catch {
            try? fm.removeItem(atPath: staging)
            throw error
        }
    }

    private func checkPlace(_ output: String) throws {
        let home = FileManager.default.homeDirectoryForCurrentUser.standardizedFileURL.path
        if output == "/" || output == home {
            throw WriteError(description: "refusing to write the site into \(output); choose a folder of its own, e.g. public")
        }
        for protected in protectedDirectories {
            let p = URL(fileURLWithPath: protected).standardizedFileURL.path
            if output == p || output.hasPrefix(p + "/") || p.hasPrefix(output + "/") {
                throw WriteError(description: "the output folder \(outputDirectory) overlaps \(protected); choose another, e.g. public")
            }
        }
        let fm = FileManager.default
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: output, isDirectory: &isDir) else { return }
        guard isDir.boolValue else {
            throw WriteError(description: "\(outputDirectory) exists and is not a folder")
        }
        let entries = (try? fm.contentsOfDirectory(atPath: output)) ?? []
        if !entries.isEmpty && !entries.contains(Self.marker) {
            throw WriteError(description: "\(outputDirectory) holds files that sitegen did not write; "
                + "remove the folder or choose another output folder, so nothing of yours is replaced")
        }
    }

    /// Staging folders of builds that were killed.
    private func removeLeftovers(in parent: String, name: String) {
        let prefix = ".\(name).sitegen-staging-"
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? [] where entry.hasPrefix(prefix) {
            try? FileManager.default.removeItem(atPath: parent + "/" + entry)
        }
    }

    private func writeAll(files: [OutputFile], copies: [PassThroughFile], into root: String) throws {
        var directories: Set<String> = []
        for path in files.map(\.path) + copies.map(\.path) {
            var dir = (path as NSString).deletingLastPathComponent
            while !dir.isEmpty && directories.insert(dir).inserted {
                dir = (dir as NSString).deletingLastPathComponent
            }
        }
        // Parents sort before their children.
        for dir in directories.sorted() {
            guard mkdir(root + "/" + dir, 0o755) == 0 || errno == EEXIST else {
                throw WriteError(description: "cannot create \(dir): \(String(cString: strerror(errno)))")
            }
        }
        let failures = parallelMap(files) { file -> String? in
            Self.writeFile(root + "/" + file.path, file.bytes) ? nil : file.path
        } + parallelMap(copies) { copy -> String? in
            let bytes: [UInt8]?
            switch copy.origin {
            case .memory(let data): bytes = data
            case .disk(let source): bytes = DiskLoader.read(source)
            }
            guard let bytes else { return copy.path }
            return Self.writeFile(root + "/" + copy.path, bytes) ? nil : copy.path
        }
        if let failed = failures.compactMap({ $0 }).first {
            throw WriteError(description: "cannot write \(failed): \(String(cString: strerror(errno)))")
        }
        guard Self.writeFile(root + "/" + Self.marker, Array("This folder is written by sitegen build and replaced by every build.\n".utf8)) else {
            throw WriteError(description: "cannot write \(Self.marker)")
        }
    }

    static func writeFile(_ path: String, _ bytes: [UInt8]) -> Bool {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n <= 0 { return false }
            offset += n
        }
        return true
    }

    private func swap(staging: String, output: String) throws {
        let fm = FileManager.default
        if fm.fileExists(atPath: output) {
            if sitegen_exchange_paths(staging, output) != 0 {
                // File systems without RENAME_EXCHANGE: two renames, a moment apart.
                let old = staging + "-old"
                guard rename(output, old) == 0, rename(staging, output) == 0 else {
                    throw WriteError(description: "cannot replace \(outputDirectory): \(String(cString: strerror(errno)))")
                }
                try? fm.removeItem(atPath: old)
                return
            }
            // The staging path now holds the previous build.
            try? fm.removeItem(atPath: staging)
        } else if rename(staging, output) != 0 {
            throw WriteError(description: "cannot create \(outputDirectory): \(String(cString: strerror(errno)))")
        }
    }
}
