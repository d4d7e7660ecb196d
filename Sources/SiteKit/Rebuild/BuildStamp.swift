import Foundation

/// What the marker file of an output folder records: a fingerprint of every
/// input of the build that wrote it, and a signature of the files it left
/// (paths and sizes, so the marker itself is the same for the same input).
/// The marker is written last, and its change time draws the line: every
/// file and folder the build left changed before it, anything changed by
/// hand afterwards changes at or after it. When all of that still holds,
/// the output is exactly what a new build would write, and the build can
/// stop after reading its inputs.
struct BuildStamp: Equatable {
    var input: String
    var output: String
    /// A build with warnings is never skipped: its warnings must show again.
    var warnings = false

    static func parse(_ text: String) -> BuildStamp? {
        var input: String?, output: String?, warnings = false
        for line in text.split(separator: "\n") {
            if line.hasPrefix("input ") { input = String(line.dropFirst(6)) }
            if line.hasPrefix("output ") { output = String(line.dropFirst(7)) }
            if line == "warnings yes" { warnings = true }
        }
        guard let input, let output else { return nil }
        return BuildStamp(input: input, output: output, warnings: warnings)
    }

    var text: String {
        "This folder is written by sitegen build; it changes only what a build changes.\ninput \(input)\noutput \(output)\n"
            + (warnings ? "warnings yes\n" : "")
    }

    /// Each document's digest, hashed in parallel (or, for a document not
    /// read, as last recorded); the decode cache uses them too, so no
    /// document is hashed twice.
    static func documentDigests(_ input: SiteInput) -> [String: ContentHash.Digest] {
        Dictionary(
            zip(input.documents.map(\.path), parallelMap(input.documents) { $0.unread?.digest ?? ContentHash.of($0.bytes) }),
            uniquingKeysWith: { a, _ in a })
    }

    /// Everything a build reads, and how it was asked to build. Media and
    /// assets count by size, modification and change time (a hand edit that
    /// keeps the modification time still changes the change time), so large
    /// files are not read.
    static func fingerprint(
        of input: SiteInput, options: Build.Options, identity: BuildIdentity,
        digests: [String: ContentHash.Digest]
    ) -> String {
        var hash = identity.hash(options: options)
        // The build date decides which Kaffeerunden are announced.
        hash.add(options.heute?.description ?? "undated")
        let documents = input.documents.sorted(by: { $0.path < $1.path })
        let files =
            documents.map { ($0.path, digests[$0.path] ?? ContentHash.of($0.bytes)) }
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
                // The folder walk's status where it took one: no second stat per file.
                if let status = file.status {
                    hash.add(status.size)
                    hash.add(status.modifiedSeconds)
                    hash.add(status.modifiedNanoseconds)
                    hash.add(status.changedSeconds)
                    hash.add(status.changedNanoseconds)
                    continue
                }
                var info = stat()
                guard stat(path, &info) == 0 else {
                    hash.add("missing")
                    continue
                }
                hash.add(Int(info.st_size))
                hash.add(Int(info.st_mtim.tv_sec))
                hash.add(Int(info.st_mtim.tv_nsec))
                hash.add(Int(info.st_ctim.tv_sec))
                hash.add(Int(info.st_ctim.tv_nsec))
            }
        }
        return hash.description
    }

    static func signature(_ sizes: [(path: String, size: Int)]) -> String {
        var hash = ContentHash()
        for (path, size) in sizes.sorted(by: { $0.path < $1.path }) {
            hash.add(path)
            hash.add(size)
        }
        return hash.description
    }

    static func read(in directory: String) -> BuildStamp? {
        DiskLoader.read(directory + "/" + OutputWriter.marker).flatMap { parse(String(decoding: $0, as: UTF8.self)) }
    }

    /// Records the stamp for a folder a build just wrote; `sizes` are the
    /// files it holds now, so the folder need not be walked again. Returns
    /// the marker's change time, or nil when it could not be written.
    @discardableResult
    static func record(input: String, warnings: Bool, sizes: [(path: String, size: Int)], in directory: String) -> timespec? {
        let stamp = BuildStamp(input: input, output: signature(sizes), warnings: warnings)
        let temporary = directory + "/" + OutputWriter.marker + ".tmp"
        let marker = directory + "/" + OutputWriter.marker
        var info = stat()
        guard OutputWriter.writeFile(temporary, Array(stamp.text.utf8)) else { return nil }
        waitForTheClock(passing: temporary)
        guard rename(temporary, marker) == 0, stat(marker, &info) == 0 else { return nil }
        return info.st_ctim
    }

    /// The file system stamps changes with a clock that may tick only every
    /// few milliseconds, so the marker could share its change time with the
    /// last files the build wrote, which the next build could then not tell
    /// from files changed after it ("racily clean", as git says). `path`,
    /// written after everything else, is touched until its change time is
    /// later than when it was written; the marker's rename comes later
    /// still. The wait is a tick at most (nothing on file systems with
    /// fine-grained times), and is given up after 20 ms on file systems
    /// that keep whole seconds: the next build then merely trusts nothing.
    private static func waitForTheClock(passing path: String) {
        var written = stat(), now = stat()
        guard stat(path, &written) == 0 else { return }
        for _ in 0..<40 {
            guard utimensat(AT_FDCWD, path, nil, 0) == 0, stat(path, &now) == 0 else { return }
            if FileStatus.isEarlier(written.st_ctim, than: now.st_ctim) { return }
            usleep(500)
        }
    }

    /// The stamp of `directory` and what the folder holds, when it holds
    /// exactly what the build that wrote the stamp left there: the same
    /// files, none changed since. With the `listing` that build saved, one
    /// `stat` per file and folder tells; without it, the folder is walked.
    static func intact(_ directory: String, listing: OutputListing? = nil) -> (stamp: BuildStamp, tree: OutputTree)? {
        guard let stamp = read(in: directory) else { return nil }
        return intact(directory, stamp: stamp, listing: listing).map { (stamp, $0) }
    }

    private static func intact(_ directory: String, stamp: BuildStamp, listing: OutputListing?) -> OutputTree? {
        var marker = stat()
        guard stat(directory + "/" + OutputWriter.marker, &marker) == 0 else { return nil }
        if let listing, stamp.output == signature(listing.files) {
            return listing.tree(of: directory, marker: marker)
        }
        let tree = OutputTree.scan(directory)
        let files = tree.sizes.filter { $0.key != OutputWriter.marker }.map { (path: $0.key, size: $0.value) }
        guard stamp.output == signature(files), FileStatus.isEarlier(tree.lastChange, than: marker.st_ctim) else { return nil }
        return tree
    }

    /// True when `directory` holds exactly what a build with this input
    /// fingerprint wrote, and that build had no warnings.
    static func isCurrent(_ directory: String, input: String, listing: OutputListing? = nil) -> Bool {
        guard let stamp = read(in: directory), stamp.input == input, !stamp.warnings else { return false }
        return intact(directory, stamp: stamp, listing: listing) != nil
    }
}
