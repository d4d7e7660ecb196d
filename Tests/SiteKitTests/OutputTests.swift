import Foundation
import TestSupport
import Testing
@testable import SiteKit

/// The write stage on a real (temporary) folder.
@Suite struct OutputTests {
    let folder = TemporaryFolder("output")
    var root: String { folder.path }

    func file(_ path: String, _ text: String) -> OutputFile { OutputFile(path: path, bytes: Array(text.utf8)) }
    func read(_ path: String) -> String? {
        FileManager.default.contents(atPath: root + "/public/" + path).map { String(decoding: $0, as: UTF8.self) }
    }
    var writer: OutputWriter { OutputWriter(outputDirectory: root + "/public", protectedDirectories: [root + "/content"]) }

    @Test func replacesTheWholeFolderAndLeavesNoStaleFiles() throws {
        try writer.write(files: [file("index.html", "eins"), file("alt/index.html", "alt")], copies: [])
        try writer.write(
            files: [file("index.html", "zwei")],
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
        #expect(link(root + "/public/index.html", staging + "/b0") == 0 && link(root + "/public/weg.html", staging + "/d0") == 0)
        try OutputJournal(
            moves: [.init(staged: "0", target: "index.html", replaces: true)], deletions: ["weg.html"],
            emptiedDirectories: []
        ).commit(in: staging)
        #expect(read("index.html") == "alt")
        try writer.write(files: [file("index.html", "neu")], copies: [])
        #expect(read("index.html") == "neu")
        #expect(read("weg.html") == nil)
        #expect(!FileManager.default.fileExists(atPath: staging))
    }

    /// Two outputs that differ in every way a commit can: changed, new and
    /// removed files, new and emptied folders, 37 files in all.
    static let before: [(String, String)] =
        (0..<30).map { ("seite-\($0)/index.html", "alt \($0)") }
        + [("index.html", "start"), ("weg/a/index.html", "a"), ("weg/b.html", "b"), ("bleibt.css", "css")]
    static let after: [(String, String)] =
        (0..<30).map { ("seite-\($0)/index.html", $0 % 3 == 0 ? "alt \($0)" : "neu \($0)") }
        + [("index.html", "start neu"), ("neu/x/index.html", "x"), ("neu/y.html", "y"), ("bleibt.css", "css")]

    func write(_ files: [(String, String)], with writer: OutputWriter? = nil) throws {
        try (writer ?? self.writer).write(files: files.map { file($0.0, $0.1) }, copies: [])
    }

    /// Every file and folder below the output, with the files' bytes.
    func tree() throws -> [String: String] {
        var result: [String: String] = [:]
        for entry in FileWalk.entries(below: root + "/public") {
            result[entry.path] = entry.isDirectory ? "<folder>" : read(entry.path)
        }
        return result
    }

    @Test(arguments: [OutputJournal.Step.move(0), .move(11), .move(22), .delete(0), .delete(1)])
    func aCommitThatFailsRestoresThePreviousOutputExactly(step: OutputJournal.Step) throws {
        try write(Self.before)
        let previous = try tree()
        var failing = writer
        failing.fault = { $0 == step ? .refused : nil }
        #expect(throws: OutputWriter.WriteError.self) { try write(Self.after, with: failing) }
        #expect(try tree() == previous)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: root).filter { $0.contains("staging") }
        #expect(leftovers.isEmpty)
        // And the next build goes through.
        try write(Self.after)
        #expect(try tree()["neu/x/index.html"] == "x")
    }

    @Test func aCommitKilledAtAnyStepIsCompletedByTheNextRun() throws {
        try write(Self.after)
        let expected = try tree()
        // 23 files to move in (20 changed, 1 changed start page, 2 new), 2 to remove.
        for step in (0..<23).map(OutputJournal.Step.move) + (0..<2).map(OutputJournal.Step.delete) {
            OutputWriter.remove(root + "/public")
            try write(Self.before)
            var dying = writer
            dying.fault = { $0 == step ? .killed : nil }
            #expect(throws: OutputJournal.Killed.self) { try write(Self.after, with: dying) }
            try writer.finishInterruptedCommits()
            #expect(try tree() == expected, "killed at \(step)")
        }
    }

    @Test func aRollbackCanBeRepeated() throws {
        try write(Self.before)
        let previous = try tree()
        var failing = writer
        failing.fault = { $0 == .delete(1) ? .refused : nil }
        #expect(throws: OutputWriter.WriteError.self) { try write(Self.after, with: failing) }
        #expect(try tree() == previous)
        // A rollback the process did not live to finish: the next run finishes it.
        let staging = root + "/.public.sitegen-staging-99997"
        try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
        try "neu".write(toFile: root + "/public/index.html.neu", atomically: true, encoding: .utf8)
        #expect(link(root + "/public/index.html", staging + "/b0") == 0)
        #expect(rename(root + "/public/index.html.neu", root + "/public/index.html") == 0)
        try OutputJournal(
            moves: [.init(staged: "0", target: "index.html", replaces: true)], deletions: [],
            emptiedDirectories: []
        ).commit(in: staging)
        #expect(rename(staging + "/journal", staging + "/rollback") == 0)
        try writer.finishInterruptedCommits()
        #expect(try tree() == previous)
    }

    @Test func stagesInsideAnOutputFolderThatIsAMountPoint() throws {
        var inner = writer
        inner.forceInnerStaging = true
        try FileManager.default.createDirectory(atPath: root + "/public", withIntermediateDirectories: true)
        try write(Self.before, with: inner)
        #expect(read(OutputWriter.marker) != nil, "an output filled in place is marked as sitegen's")
        try write(Self.after, with: inner)
        #expect(try tree()["neu/y.html"] == "y" && tree()["weg/b.html"] == nil)
        #expect(try tree().keys.allSatisfy { !$0.contains("staging") })
        let outside = try FileManager.default.contentsOfDirectory(atPath: root).filter { $0.contains("staging") }
        #expect(outside.isEmpty)
    }

    @Test func knowsAMountPoint() {
        #expect(OutputWriter.isMountPoint("/proc"))
        #expect(OutputWriter.isMountPoint("/"))
        #expect(!OutputWriter.isMountPoint(root))
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

    @Test func refusesToOverlapContentThroughASymbolicLink() throws {
        let real = root + "/site"
        try FileManager.default.createDirectory(atPath: real + "/content", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: root + "/link", withDestinationPath: real + "/content")
        for (content, output) in [
            (root + "/link", real + "/content/public"), (real + "/content", root + "/link/public"),
            (root + "/link", root + "/link"),
        ] {
            let w = OutputWriter(outputDirectory: output, protectedDirectories: [content])
            #expect(throws: OutputWriter.WriteError.self, "\(content) → \(output)") { try w.write(files: [file("index.html", "x")], copies: []) }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: real + "/content").isEmpty)
    }

    @Test func failedBuildLeavesThePreviousOutput() throws {
        let content = root + "/content", templates = Fixture.repoRoot.appendingPathComponent("templates").path
        for (path, text) in Fixture.baseFiles {
            try FileManager.default.createDirectory(
                atPath: (content + "/" + path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
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
        let e = try #require(FileManager.default.enumerator(atPath: dir))
        while let path = e.nextObject() as? String {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: dir + "/" + path, isDirectory: &isDir), !isDir.boolValue {
                result[path] = FileManager.default.contents(atPath: dir + "/" + path)
            }
        }
        return result
    }
}
