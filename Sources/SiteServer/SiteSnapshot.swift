import Foundation
import SiteKit

/// One build as the preview server serves it: the rendered pages in memory
/// and the media and theme files where they lie. Only paths the build
/// produced can be looked up, so nothing else on the disk is reachable.
public struct SiteSnapshot: Sendable {
    public enum Body: Sendable {
        case bytes([UInt8])
        /// A media or theme file, read when it is requested.
        case file(path: String)
        /// A page, rendered when it is first requested.
        case page(RenderOnce)
    }

    /// Changes with every build; a page compares it with the one it was
    /// served with to know that it is out of date.
    public let token: String
    public let files: [String: Body]
    /// Every diagnostic of the build, warnings included.
    public let diagnostics: [Diagnostic]
    /// True when the build had errors: `files` are then those of the last
    /// good build, kept for stylesheets and images.
    public let failed: Bool

    public init(token: String, files: [String: Body], diagnostics: [Diagnostic], failed: Bool) {
        self.token = token
        self.files = files
        self.diagnostics = diagnostics
        self.failed = failed
    }

    /// A successful build's files; pages are rendered as they are requested,
    /// so a change shows without rendering the whole site.
    init(token: String, plan: Build.Plan) {
        var files: [String: Body] = [:]
        files.reserveCapacity((plan.jobs?.count ?? 0) + plan.copies.count)
        let lock = NSLock()
        for job in plan.jobs ?? [] { files[job.path] = .page(RenderOnce(job, lock: lock)) }
        for copy in plan.copies {
            switch copy.origin {
            case .memory(let bytes): files[copy.path] = .bytes(bytes)
            case .disk(let path): files[copy.path] = .file(path: path)
            }
        }
        self.init(token: token, files: files, diagnostics: plan.diagnostics, failed: false)
    }

    public enum Lookup: Equatable, Sendable {
        case file(String)
        /// A folder asked for without its slash: its relative links only
        /// work with it, so the browser is sent there.
        case addSlash
        case notFound
    }

    /// Finds a site path as `RequestPath.sitePath` returns it.
    public func lookup(_ sitePath: String) -> Lookup {
        if sitePath.isEmpty || sitePath.hasSuffix("/") {
            let index = sitePath + "index.html"
            return files[index] != nil ? .file(index) : .notFound
        }
        if files[sitePath] != nil { return .file(sitePath) }
        if files[sitePath + "/index.html"] != nil { return .addSlash }
        return .notFound
    }
}

/// A page of a preview build, rendered when it is first requested and kept.
public final class RenderOnce: @unchecked Sendable {
    private let job: PageJob
    /// Shared by the pages of one build: one lock instead of thousands.
    private let lock: NSLock
    private var bytes: [UInt8]?

    init(_ job: PageJob, lock: NSLock) {
        self.job = job
        self.lock = lock
    }

    /// Rendered outside the lock, so pages render side by side; two first
    /// requests for the same page may both render it, to the same bytes.
    var rendered: [UInt8] {
        if let done = lock.withLock({ bytes }) { return done }
        let made = job.render().bytes
        return lock.withLock {
            if bytes == nil { bytes = made }
            return bytes!
        }
    }
}
