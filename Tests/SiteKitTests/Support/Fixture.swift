import Foundation
@testable import SiteKit

/// Small in-memory sites for tests: a valid minimal site that each test
/// changes in one place, rendered with the default theme from `templates/`.
enum Fixture {
    static let repoRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let templates: [InputFile] = {
        let dir = repoRoot.appendingPathComponent("templates")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { $0.hasSuffix(".mustache") }.sorted().map {
            InputFile(path: $0, bytes: Array(FileManager.default.contents(atPath: dir.appendingPathComponent($0).path)!))
        }
    }()

    static let siteYAML = """
        titel: Testnetz
        beschreibung: Ein Netzwerk zum Testen.
        base_url: https://example.org/netz/
        """

    static let handlungsfelderYAML = """
        - slug: verwaltung
          name: Digitale Verwaltung
        - slug: bildung
          name: Bildung
        """

    static let baseFiles: [String: String] = [
        "site.yaml": siteYAML,
        "handlungsfelder.yaml": handlungsfelderYAML,
        "seiten/impressum.md": "---\ntitel: Impressum\nmenue: 1\n---\nAngaben.\n",
        "seiten/datenschutz.md": "---\ntitel: Datenschutz\nmenue: 2\n---\nKeine Cookies.\n",
        "seiten/barrierefreiheit.md": "---\ntitel: Barrierefreiheit\nmenue: 3\n---\nErklärung.\n",
        "kommunen/mayen-koblenz.md": "---\nname: Mayen-Koblenz\nart: Landkreis\nbundesland: Rheinland-Pfalz\nags: \"07137\"\n---\nDer Kreis.\n",
        "kommunen/bendorf.md": """
        ---
        name: Bendorf
        art: Stadt
        bundesland: Rheinland-Pfalz
        kreis: mayen-koblenz
        einwohner: 16900
        mitglied_seit: 2020-11
        handlungsfelder: [verwaltung]
        projekte:
          - titel: E-Akte
            handlungsfeld: verwaltung
            status: geplant
        ---
        Einleitung.

        ## Was tut sich im Bereich Bildung und Jugend?

        Viel.

        ## Öffentlichkeit & Bürger

        Auch.
        """,
    ]

    /// A small photo (a 40×30 gradient JPEG) for media named like photos:
    /// the image stage decodes what pages show.
    static let photo: [UInt8] = try! SamplePhoto.gradient(width: 40, height: 30).encodedKeepingMetadata(.jpeg)

    /// The minimal site with `changes` applied (nil removes a file); each
    /// file of `media` holds `x` (a small photo if its name says JPEG, PNG
    /// or WebP), each of `mediaFiles` its text.
    static func input(_ changes: [String: String?] = [:], media: [String] = [], mediaFiles: [String: String] = [:]) -> SiteInput {
        var files = baseFiles
        for (path, text) in changes { files[path] = text }
        return SiteInput(
            documents: files.keys.sorted().map { InputFile(path: $0, text: files[$0]!) },
            media: media.map { PassThroughFile(path: $0, origin: .memory(ImageSettings.isPhoto($0) ? photo : Array("x".utf8))) }
                + mediaFiles.keys.sorted().map { PassThroughFile(path: $0, origin: .memory(Array(mediaFiles[$0]!.utf8))) },
            templates: templates)
    }

    static func render(
        _ changes: [String: String?] = [:], media: [String] = [], mediaFiles: [String: String] = [:],
        drafts: Bool = false
    ) -> Build.Result {
        Build.render(input(changes, media: media, mediaFiles: mediaFiles), options: .init(includeDrafts: drafts))
    }

    /// Diagnostics as `path:line:col: message`, for compact assertions.
    static func errors(_ changes: [String: String?], media: [String] = [], mediaFiles: [String: String] = [:]) -> [String] {
        render(changes, media: media, mediaFiles: mediaFiles).diagnostics.filter { $0.severity == .error }.map {
            "\($0.location.path):\($0.location.line):\($0.location.column): \($0.message)"
        }
    }

    static func page(_ result: Build.Result, _ path: String) -> String? {
        result.files?.first { $0.path == path }.map { String(decoding: $0.bytes, as: UTF8.self) }
    }
}
typealias Loc = SiteKit.SourceLocation
