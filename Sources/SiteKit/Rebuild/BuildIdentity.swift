import Foundation

/// The program that makes a build: the sitegen version, the form of its
/// cache files, and the binary itself. A rebuilt sitegen may decode or
/// render differently under the same version, so every decision that
/// trusts an earlier build's work compares the whole identity: the no-op
/// check (through the input fingerprint), the page traces (through the
/// global digest) and the header of every cache file.
///
/// The binary counts by device, inode, size, modification and change time,
/// not by its bytes. Any way of putting a new binary in place (the linker,
/// `cp`, `install`, a package) gives it another change time or inode, which
/// nothing can set back. Hashing the bytes instead would cost every build,
/// the no-op one included, a noticeable share of it for a binary of
/// tens of megabytes (figures in BENCHMARKS.md).
/// The price is only that a copy of the same binary is another identity,
/// and its first build a clean one.
struct BuildIdentity: Equatable, Sendable {
    /// Raised whenever what a cache file stores changes shape.
    static let cacheFormat = 10

    var version: String
    var format: Int
    var binary: String

    init(version: String = SitegenVersion.current, format: Int = BuildIdentity.cacheFormat, binary: String) {
        self.version = version
        self.format = format
        self.binary = binary
    }

    /// The running program, found once per process.
    static let current = BuildIdentity(binary: runningBinary())

    /// One line that names the program; it heads every cache file.
    var text: String { "sitegen \(version), cache format \(format), binary \(binary)" }

    /// A hash that starts with the identity and the options of a build:
    /// what every output file depends on besides the files it is made of.
    func hash(options: Build.Options) -> ContentHash {
        var hash = ContentHash()
        hash.add(text)
        hash.add(options.includeDrafts ? "drafts" : "published")
        hash.add(options.baseURL ?? "")
        // A lenient build with warnings is not up to date for --strict.
        hash.add(options.strict ? "strict" : "lenient")
        return hash
    }

    private static func runningBinary() -> String {
        var info = stat()
        // Without /proc the binary cannot be told from another: then no
        // build trusts the work of an earlier process.
        guard stat("/proc/self/exe", &info) == 0 else { return "unknown \(UUID().uuidString)" }
        return "\(info.st_dev):\(info.st_ino) \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
            + " \(info.st_ctim.tv_sec).\(info.st_ctim.tv_nsec)"
    }
}
