import Foundation
import Testing
@testable import SiteKit

/// The write stage on a real (temporary) folder.
@Suite struct OutputTests {
    let root: String

    init() throws {
        root = NSTemporaryDirectory() + "sitegen-output-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }

    func file(_ path: String, _ text: String) -> OutputFile { OutputFile(path: path, bytes: Array(text.utf8)) }
    func read(_ path: String) -> String? { FileManager.default.contents(atPath: root + "/public/" + path).map { String(decoding: $0, as: UTF8.self) } }
    var writer: OutputWriter { OutputWriter(outputDirectory: root + "/public", protectedDirectories: [root + "/content"]) }

    @Test func replacesTheWholeFolderAndLeavesNoStaleFiles() throws {
        try writer.write(files: [file("index.html", "eins"), file("alt/index.html", "alt")], copies: [])
        try writer.write(files: [file("index.html", "zwei")],
                         copies: [PassThroughFile(path: "medien/a.txt", origin: .memory(Array("a".utf8)))])
        #expect(read("index.html") == "zwei")
        #expect(read("alt/index.html") == nil)
        #expect(read("medien/a.txt") == "a")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: root).filter { $0.contains("staging") }
        #expect(leftovers.isEmpty)
    }

    func inode(_ path: String) -> UInt64 {
        var info = stat()
        return stat(root + "/public/" + path, &info) == 0 ? UInt64(info.st_ino) : 0
    }

    @Test func rewritesOnlyWhatChanged() throws {
        let first = try writer.write(files: [file("index.html", "eins"), file("a/index.html", "a"), file("b/c/index.html", "c")], copies: [])
        #expect(first == OutputWriter.Stats(written: 3, unchanged: 0, removed: 0))
        let before = (inode("index.html"), inode("a/index.html"))
        let second = try writer.write(files: [file("index.html", "eins"), file("a/index.html", "A")], copies: [])
        #expect(second == OutputWriter.Stats(written: 1, unchanged: 1, removed: 1))
        #expect(inode("index.html") == before.0, "an unchanged file must not be rewritten")
        #expect(read("a/index.html") == "A")
        #expect(read("b/c/index.html") == nil)
        #expect(!FileManager.default.fileExists(atPath: root + "/public/b"), "emptied folders are removed")
        let third = try writer.write(files: [file("index.html", "eins"), file("a/index.html", "A")], copies: [])
        #expect(third == OutputWriter.Stats(written: 0, unchanged: 2, removed: 0))
    }

    @Test func anInterruptedCommitIsCompletedFirst() throws {
        try writer.write(files: [file("index.html", "alt"), file("weg.html", "x")], copies: [])
        // A build that was killed right after its commit point.
        let staging = root + "/.public.sitegen-staging-99999"
        try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
        try "neu".write(toFile: staging + "/0", atomically: true, encoding: .utf8)
        try OutputJournal(moves: [("0", "index.html")], deletions: ["weg.html"], emptiedDirectories: []).commit(in: staging)
        #expect(read("index.html") == "alt")
        try writer.write(files: [file("index.html", "neu")], copies: [])
        #expect(read("index.html") == "neu")
        #expect(read("weg.html") == nil)
        #expect(!FileManager.default.fileExists(atPath: staging))
    }

    @Test func anUncommittedStagingIsDiscarded() throws {
        try writer.write(files: [file("index.html", "alt")], copies: [])
        let staging = root + "/.public.sitegen-staging-99998"
        try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
        try "halb".write(toFile: staging + "/0", atomically: true, encoding: .utf8)
        try writer.write(files: [file("index.html", "alt")], copies: [])
        #expect(read("index.html") == "alt")
        #expect(!FileManager.default.fileExists(atPath: staging))
    }

    @Test func refusesFoldersItDidNotWrite() throws {
        try FileManager.default.createDirectory(atPath: root + "/public", withIntermediateDirectories: true)
        try "mine".write(toFile: root + "/public/notes.txt", atomically: true, encoding: .utf8)
        #expect(throws: OutputWriter.WriteError.self) { try writer.write(files: [file("index.html", "x")], copies: []) }
        #expect(read("notes.txt") == "mine")
    }

    @Test func refusesToOverlapContent() {
        let w = OutputWriter(outputDirectory: root + "/content/public", protectedDirectories: [root + "/content"])
        #expect(throws: OutputWriter.WriteError.self) { try w.write(files: [file("index.html", "x")], copies: []) }
        let home = OutputWriter(outputDirectory: "/", protectedDirectories: [])
        #expect(throws: OutputWriter.WriteError.self) { try home.write(files: [], copies: []) }
    }

    @Test func failedBuildLeavesThePreviousOutput() throws {
        let content = root + "/content", templates = Fixture.repoRoot.appendingPathComponent("templates").path
        for (path, text) in Fixture.baseFiles {
            try FileManager.default.createDirectory(atPath: (content + "/" + path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: content + "/" + path, atomically: true, encoding: .utf8)
        }
        let good = try Build.run(content: content, templates: templates, output: root + "/public")
        #expect(good.errorCount == 0)
        let before = try snapshot(root + "/public")
        try "---\ntitel: Kaputt\n---\n".write(toFile: content + "/kommunen/kaputt.md", atomically: true, encoding: .utf8)
        let bad = try Build.run(content: content, templates: templates, output: root + "/public")
        #expect(bad.errorCount == 4)  // the three required keys and the unknown `titel`
        #expect(try snapshot(root + "/public") == before)
    }

    @Test func symbolicLinksAreNotFollowed() throws {
        let content = root + "/content"
        try FileManager.default.createDirectory(atPath: content + "/medien", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: content + "/medien/passwd", withDestinationPath: "/etc/passwd")
        let input = try DiskLoader(contentDirectory: content, templatesDirectory: Fixture.repoRoot.appendingPathComponent("templates").path).load()
        #expect(input.media.isEmpty)
        #expect(input.diagnostics.warnings.first?.message.contains("symbolic link ignored") == true)
    }

    func snapshot(_ dir: String) throws -> [String: Data] {
        var result: [String: Data] = [:]
        let e = FileManager.default.enumerator(atPath: dir)!
        while let path = e.nextObject() as? String {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: dir + "/" + path, isDirectory: &isDir), !isDir.boolValue {
                result[path] = FileManager.default.contents(atPath: dir + "/" + path)
            }
        }
        return result
    }
}
