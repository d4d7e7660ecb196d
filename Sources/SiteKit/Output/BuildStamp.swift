import Foundation

/// What the marker file of an output folder records: a fingerprint of every
/// input of the build that wrote it, and a signature of the files it left
/// (paths and sizes, so the marker itself is the same for the same input).
/// The marker is written last; a file changed by hand afterwards is newer
/// than it. When all of that still holds, the output is exactly what a new
/// build would write, and the build can stop after reading its inputs.
struct BuildStamp: Equatable {
    var input: String
    var output: String

    static func parse(_ text: String) -> BuildStamp? {
        var input: String?, output: String?
        for line in text.split(separator: "\n") {
            if line.hasPrefix("input ") { input = String(line.dropFirst(6)) }
            if line.hasPrefix("output ") { output = String(line.dropFirst(7)) }
        }
        guard let input, let output else { return nil }
        return BuildStamp(input: input, output: output)
    }

    var text: String {
        "This folder is written by sitegen build; it changes only what a build changes.\ninput \(input)\noutput \(output)\n"
    }

    /// Each document's digest, hashed in parallel; the decode cache uses
    /// them too, so no document is hashed twice.
    static func documentDigests(_ input: SiteInput) -> [String: ContentHash.Digest] {
        Dictionary(zip(input.documents.map(\.path), parallelMap(input.documents) { ContentHash.of($0.bytes) }),
                   uniquingKeysWith: { a, _ in a })
    }

    /// Everything a build reads, and how it was asked to build. Media and
    /// assets count by size and modification time, so large files are not read.
    static func fingerprint(of input: SiteInput, options: Build.Options, digests: [String: ContentHash.Digest]) -> String {
        var hash = ContentHash()
        hash.add("sitegen \(SitegenVersion.current)")
        hash.add(options.includeDrafts ? "drafts" : "published")
        hash.add(options.baseURL ?? "")
        let documents = input.documents.sorted(by: { $0.path < $1.path })
        let files = documents.map { ($0.path, digests[$0.path] ?? ContentHash.of($0.bytes)) }
            + input.templates.sorted(by: { $0.path < $1.path }).map { ($0.path, ContentHash.of($0.bytes)) }
        for (path, digest) in files {
            hash.add(path)
            hash.add(Int(bitPattern: UInt(digest.a)))
            hash.add(Int(bitPattern: UInt(digest.b)))
        }
        for file in (input.media + input.assets).sorted(by: { $0.path < $1.path }) {
            hash.add(file.path)
            switch file.origin {
            case .memory(let bytes): hash.add(bytes)
            case .disk(let path):
                var info = stat()
                guard stat(path, &info) == 0 else { hash.add("missing"); continue }
                hash.add(Int(info.st_size))
                hash.add(Int(info.st_mtim.tv_sec))
                hash.add(Int(info.st_mtim.tv_nsec))
            }
        }
        return hash.description
    }

    /// A hash of the paths and sizes of an output folder's files (not the
    /// marker), and the newest modification time among them.
    static func signature(of directory: String) -> (hash: String, newest: timespec) {
        var sizes: [(String, Int)] = []
        var newest = timespec()
        for entry in FileWalk.entries(below: directory) where !entry.isDirectory && entry.path != OutputWriter.marker {
            sizes.append((entry.path, Int(entry.info.st_size)))
            if Self.isNewer(entry.info.st_mtim, than: newest) { newest = entry.info.st_mtim }
        }
        return (signature(sizes), newest)
    }

    static func signature(_ sizes: [(path: String, size: Int)]) -> String {
        var hash = ContentHash()
        for (path, size) in sizes.sorted(by: { $0.path < $1.path }) {
            hash.add(path)
            hash.add(size)
        }
        return hash.description
    }

    static func isNewer(_ a: timespec, than b: timespec) -> Bool {
        (a.tv_sec, a.tv_nsec) > (b.tv_sec, b.tv_nsec)
    }

    static func read(in directory: String) -> BuildStamp? {
        DiskLoader.read(directory + "/" + OutputWriter.marker).flatMap { parse(String(decoding: $0, as: UTF8.self)) }
    }

    /// Records the stamp for a folder a build just wrote; `sizes` are the
    /// files it holds now, so the folder need not be walked again.
    static func record(input: String, sizes: [(path: String, size: Int)], in directory: String) {
        let stamp = BuildStamp(input: input, output: signature(sizes))
        let temporary = directory + "/" + OutputWriter.marker + ".tmp"
        if OutputWriter.writeFile(temporary, Array(stamp.text.utf8)) {
            rename(temporary, directory + "/" + OutputWriter.marker)
        }
    }

    /// True when `directory` holds exactly what a build with this input fingerprint wrote.
    static func isCurrent(_ directory: String, input: String) -> Bool {
        guard let stamp = read(in: directory), stamp.input == input else { return false }
        var marker = stat()
        guard stat(directory + "/" + OutputWriter.marker, &marker) == 0 else { return false }
        let now = signature(of: directory)
        return stamp.output == now.hash && !isNewer(now.newest, than: marker.st_mtim)
    }
}
