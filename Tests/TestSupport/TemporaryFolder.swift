import Foundation

/// A folder under the system's temporary folder that is removed with the
/// last reference to it: a suite keeps one as a stored property, so every
/// test's files go when the test's suite instance does, whatever the test did.
public final class TemporaryFolder: @unchecked Sendable {
    public let path: String

    public init(_ name: String) {
        path = NSTemporaryDirectory() + "sitegen-\(name)-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }
}
