import Foundation

/// What the marker file of an output folder records: a fingerprint of every
/// input of the build that wrote it, and a signature of the files it left.
/// When both still match, the output is exactly what a new build would
/// write, and the build can stop after reading its inputs.
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

    /// Everything a build reads, and how it was asked to build. Media and
    /// assets count by size and modification time, so large files are not read.
    static func fingerprint(of input: SiteInput, options: Build.Options) -> String {
        var hash = ContentHash()
        hash.add("sitegen \(SitegenVersion.current)")
        hash.add(options.includeDrafts ? "drafts" : "published")
        hash.add(options.baseURL ?? "")
        for file in input.documents.sorted(by: { $0.path < $1.path }) + input.templates.sorted(by: { $0.path < $1.path }) {
            hash.add(file.path)
            hash.add(file.bytes)
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

    /// Paths, sizes and modification times of an output folder's files (not
    /// the marker): any change by hand shows.
    static func signature(of directory: String) -> String {
        var entries: [(String, Int, Int, Int)] = []
        var pending = [""]
        while let relative = pending.popLast() {
            let dir = relative.isEmpty ? directory : directory + "/" + relative
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else { continue }
            for name in names where !(relative.isEmpty && name == OutputWriter.marker) {
                let child = relative.isEmpty ? name : relative + "/" + name
                var info = stat()
                guard lstat(directory + "/" + child, &info) == 0 else { continue }
                if info.st_mode & S_IFMT == S_IFDIR {
                    pending.append(child)
                } else {
                    entries.append((child, Int(info.st_size), Int(info.st_mtim.tv_sec), Int(info.st_mtim.tv_nsec)))
                }
            }
        }
        var hash = ContentHash()
        for (path, size, seconds, nanoseconds) in entries.sorted(by: { $0.0 < $1.0 }) {
            hash.add(path)
            hash.add(size)
            hash.add(seconds)
            hash.add(nanoseconds)
        }
        return hash.description
    }

    static func read(in directory: String) -> BuildStamp? {
        DiskLoader.read(directory + "/" + OutputWriter.marker).flatMap { parse(String(decoding: $0, as: UTF8.self)) }
    }

    /// Records the stamp for the folder as it is now (after a build).
    static func record(input: String, in directory: String) {
        let stamp = BuildStamp(input: input, output: signature(of: directory))
        let temporary = directory + "/" + OutputWriter.marker + ".tmp"
        if OutputWriter.writeFile(temporary, Array(stamp.text.utf8)) {
            rename(temporary, directory + "/" + OutputWriter.marker)
        }
    }

    /// True when `directory` holds exactly what a build with this input fingerprint wrote.
    static func isCurrent(_ directory: String, input: String) -> Bool {
        guard let stamp = read(in: directory), stamp.input == input else { return false }
        return stamp.output == signature(of: directory)
    }
}
