import Foundation
import TestSupport
import Testing
@testable import SiteServer

/// The inotify wake-up: it names the files that changed, asks for a full
/// comparison when it cannot tell, and times out when nothing happens.
@Suite struct ChangeNotifierTests {
    let folder = TemporaryFolder("notify")
    var root: String { folder.path }

    @Test func namesTheFileThatChanged() throws {
        try FileManager.default.createDirectory(atPath: root + "/kommunen", withIntermediateDirectories: true)
        let notifier = try #require(ChangeNotifier(folders: [root]))
        #expect(notifier.wait(timeout: .milliseconds(50), quiet: .milliseconds(10)) == .timeout)

        try "---\nname: A\n---\n".write(toFile: root + "/kommunen/a.md", atomically: false, encoding: .utf8)
        #expect(notifier.wait(timeout: .seconds(2), quiet: .milliseconds(20)) == .files([root + "/kommunen/a.md"]))
    }

    @Test func aNewFolderMeansAFullComparison() throws {
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        let notifier = try #require(ChangeNotifier(folders: [root]))
        try FileManager.default.createDirectory(atPath: root + "/medien", withIntermediateDirectories: true)
        #expect(notifier.wait(timeout: .seconds(2), quiet: .milliseconds(20)) == .rescan)

        // The new folder is watched from then on.
        try "x".write(toFile: root + "/medien/karte.txt", atomically: false, encoding: .utf8)
        #expect(notifier.wait(timeout: .seconds(2), quiet: .milliseconds(20)) == .files([root + "/medien/karte.txt"]))
    }

    @Test func onlyTheChangedFilesAreCompared() throws {
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        try "a".write(toFile: root + "/a.md", atomically: false, encoding: .utf8)
        try "b".write(toFile: root + "/b.md", atomically: false, encoding: .utf8)
        let watcher = SourceWatcher(folders: [root])
        var fingerprint = watcher.fingerprint()
        try "a, longer".write(toFile: root + "/a.md", atomically: false, encoding: .utf8)
        // b.md was not touched, and a backup file is never part of the site.
        #expect(watcher.update(&fingerprint, paths: [root + "/a.md", root + "/b.md", root + "/a.md~"]) == [root + "/a.md"])
        #expect(fingerprint == watcher.fingerprint())
    }
}
