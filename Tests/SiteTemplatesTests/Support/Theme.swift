import Foundation
import SiteKit

/// The example site and the default theme's templates, as the
/// differential tests render them.
enum Fixture {
    static func exampleSite() throws -> SiteInput {
        try DiskLoader(
            contentDirectory: repoRoot.appendingPathComponent("content").path,
            templatesDirectory: repoRoot.appendingPathComponent("templates").path
        ).load()
    }

    static let repoRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let templates: [InputFile] = {
        let dir = repoRoot.appendingPathComponent("templates")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { $0.hasSuffix(".mustache") }.sorted().compactMap { name in
            FileManager.default.contents(atPath: dir.appendingPathComponent(name).path).map { InputFile(path: name, bytes: Array($0)) }
        }
    }()
}
