import Foundation
import SiteKit
import TestSupport
import Testing
@testable import SiteServer

@Suite struct SnapshotTests {
    let snapshot = SiteSnapshot(
        token: "t-1",
        files: [
            "index.html": .bytes(Array("<html><body>Start</body></html>".utf8)),
            "kommunen/index.html": .bytes([]),
            "kommunen/bendorf/index.html": .bytes([]),
            "feed.xml": .bytes([]),
        ], diagnostics: [], failed: false)

    @Test func looksUpOnlyBuiltFiles() {
        #expect(snapshot.lookup("") == .file("index.html"))
        #expect(snapshot.lookup("kommunen/bendorf/") == .file("kommunen/bendorf/index.html"))
        #expect(snapshot.lookup("kommunen/bendorf") == .addSlash)
        #expect(snapshot.lookup("feed.xml") == .file("feed.xml"))
        #expect(snapshot.lookup("kommunen/hennef/") == .notFound)
        #expect(snapshot.lookup("feed.xml/") == .notFound)
        #expect(snapshot.lookup("etc/passwd") == .notFound)
    }

    @Test func scriptGoesBeforeTheLastBodyEnd() {
        let page = Array("<html><body><p>&lt;/body&gt;</p></BODY></html>".utf8)
        let injected = String(decoding: LiveReload.inject(into: page, token: "a-2"), as: UTF8.self)
        #expect(injected == "<html><body><p>&lt;/body&gt;</p><script src=\"/_sitegen/live.js\" data-build=\"a-2\"></script>\n</BODY></html>")
        let fragment = String(decoding: LiveReload.inject(into: Array("<p>x</p>".utf8), token: "a"), as: UTF8.self)
        #expect(fragment.hasPrefix("<p>x</p><script src=\"/_sitegen/live.js\""))
    }

    @Test func errorPageListsEveryDiagnosticEscaped() {
        let diagnostics = [
            Diagnostic(
                .error, at: SourceLocation(path: "content/kommunen/a.md", line: 5, column: 1),
                Message(.unknownKey, ["key": "<script>alert(1)</script>", "where": .within(Message(.placeFrontMatterKommune))]),
                hint: .didYouMean("einwohner")),
            Diagnostic(
                .error, at: SourceLocation(path: "content/meldungen/b.md", line: 3, column: 8),
                Message(.noSuchDay, ["key": "datum", "value": "2023-02-30", "day": .number(30), "month": "Februar"])),
        ]
        let page = LiveReload.errorPage(diagnostics, token: "t-9")
        #expect(page.contains("<code>content/kommunen/a.md:5:1</code>"))
        #expect(page.contains("<code>content/meldungen/b.md:3:8</code>"))
        #expect(page.contains("unknown key `&lt;script&gt;alert(1)&lt;/script&gt;` in the front matter of a Kommune"))
        #expect(!page.contains("<script>alert"))
        #expect(page.contains("<html lang=\"en\">") && page.contains("sitegen found 2 errors."))
        #expect(page.contains("data-build=\"t-9\""))
        // In German the frame and the messages alike.
        let german = LiveReload.errorPage(diagnostics, token: "t-9", language: .de)
        #expect(german.contains("<html lang=\"de\">") && german.contains("<h1>Die Website konnte nicht gebaut werden</h1>"))
        #expect(german.contains("sitegen hat 2 Fehler gefunden."))
        #expect(
            german.contains(
                "<strong>Fehler</strong>: Unbekannter Schlüssel `&lt;script&gt;alert(1)&lt;/script&gt;` im Kopf eines Profils "
                    + "<span class=\"hint\">(meinten Sie `einwohner`?)</span>"))
        #expect(german.contains("`datum: 2023-02-30`: Den 30. Februar gibt es nicht"))
        #expect(!german.contains("unknown key"))
    }

    @Test func previewAddressForTheBindAddress() {
        #expect(PreviewServer.urlHost("127.0.0.1") == "127.0.0.1")
        #expect(PreviewServer.urlHost("0.0.0.0") == "127.0.0.1")
        #expect(PreviewServer.urlHost("::") == "[::1]")
        #expect(PreviewServer.urlHost("::1") == "[::1]")
        #expect(PreviewServer.urlHost("localhost") == "localhost")
    }

    @Test func watcherReportsAddedChangedAndRemovedFiles() {
        let stamp = FileStatus(size: 1, modifiedSeconds: 1, modifiedNanoseconds: 0, changedSeconds: 1, changedNanoseconds: 0, inode: 1)
        var newer = stamp
        newer.modifiedNanoseconds = 5
        let old = ["a.md": stamp, "b.md": stamp, "c.md": stamp]
        let new = ["a.md": stamp, "b.md": newer, "d.md": stamp]
        #expect(SourceWatcher.changes(from: old, to: new) == ["b.md", "c.md", "d.md"])
        #expect(SourceWatcher.changes(from: old, to: old).isEmpty)
    }

    @Test func watcherSeesEditsButNotEditorLeftovers() throws {
        let folder = TemporaryFolder("watch")
        var root: String { folder.path }
        try FileManager.default.createDirectory(atPath: root + "/kommunen", withIntermediateDirectories: true)
        try "a".write(toFile: root + "/kommunen/a.md", atomically: false, encoding: .utf8)
        let watcher = SourceWatcher(folders: [root])
        let before = watcher.fingerprint()
        try "x".write(toFile: root + "/kommunen/.a.md.swp", atomically: false, encoding: .utf8)
        try "x".write(toFile: root + "/kommunen/a.md~", atomically: false, encoding: .utf8)
        #expect(watcher.fingerprint() == before)
        // Saved the way many editors do: a new file renamed over the old one.
        try "b".write(toFile: root + "/kommunen/a.md", atomically: true, encoding: .utf8)
        #expect(SourceWatcher.changes(from: before, to: watcher.fingerprint()) == [root + "/kommunen/a.md"])
    }

    @Test func fileReaderStaysInsideItsRoots() throws {
        let folder = TemporaryFolder("reader")
        var root: String { folder.path }
        try FileManager.default.createDirectory(atPath: root + "/content/medien", withIntermediateDirectories: true)
        try "bild".write(toFile: root + "/content/medien/a.svg", atomically: false, encoding: .utf8)
        try "geheim".write(toFile: root + "/secret.txt", atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: root + "/content/medien/link.svg", withDestinationPath: root + "/secret.txt")
        let reader = SafeFileReader(roots: [root + "/content/medien"])
        #expect(reader.read(root + "/content/medien/a.svg") == Array("bild".utf8))
        #expect(reader.read(root + "/content/medien/link.svg") == nil)
        #expect(reader.read(root + "/content/medien/../../secret.txt") == nil)
        #expect(reader.read(root + "/secret.txt") == nil)
    }
}
