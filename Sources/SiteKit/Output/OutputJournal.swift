import Foundation

/// The list of changes that turns the previous output into the new one:
/// staged files to move in, files to delete, folders to make and remove.
/// It is written to the staging folder after everything it needs is there,
/// the new files and a hard link to every file it replaces or deletes; its
/// rename into place is the commit point.
///
/// Applying it is renames only, so the window in which a reader sees old
/// and new pages side by side is as short as the file system allows. Every
/// step can be undone from the links, and both directions can be taken up
/// again after a kill: a journal named `journal` is carried forward (and
/// rolled back if a step fails), one named `rollback` is rolled back.
struct OutputJournal: Equatable {
    struct Move: Equatable {
        /// Name of the new file in the staging folder.
        var staged: String
        var target: String
        /// The output had a file at `target`; a hard link to it waits in
        /// the staging folder under `backup(staged)`.
        var replaces: Bool
    }

    var moves: [Move]
    /// Files of the previous output that the new one does not have; each
    /// has a hard link in the staging folder under `deletedBackup(index)`.
    var deletions: [String]
    /// Folders the moves need that the previous output lacks, parents first.
    var createdDirectories: [String] = []
    /// Folders of the previous output that the new one has no file in,
    /// deepest first; each is removed once it is empty.
    var emptiedDirectories: [String]

    static let fileName = "journal"
    static let rollbackName = "rollback"

    static func backup(_ staged: String) -> String { "b" + staged }
    static func deletedBackup(_ index: Int) -> String { "d\(index)" }

    /// Writes the journal under a temporary name and renames it: the commit point.
    func commit(in staging: String) throws {
        var text = ""
        for move in moves { text += "\(move.replaces ? "R" : "M")\t\(move.staged)\t\(move.target)\n" }
        for path in deletions { text += "D\t\(path)\n" }
        for dir in createdDirectories { text += "C\t\(dir)\n" }
        for dir in emptiedDirectories { text += "E\t\(dir)\n" }
        let temporary = staging + "/" + Self.fileName + ".tmp"
        guard OutputWriter.writeFile(temporary, Array(text.utf8)), rename(temporary, staging + "/" + Self.fileName) == 0 else {
            throw OutputWriter.WriteError.system("cannot write the output journal")
        }
    }

    /// The journal in `staging` and whether it is being rolled back; nil
    /// when there is none (a build that stopped before its commit point).
    static func read(from staging: String) -> (journal: OutputJournal, rollingBack: Bool)? {
        if let journal = parse(staging + "/" + rollbackName) { return (journal, true) }
        return parse(staging + "/" + fileName).map { ($0, false) }
    }

    private static func parse(_ path: String) -> OutputJournal? {
        guard let bytes = DiskLoader.read(path) else { return nil }
        var journal = OutputJournal(moves: [], deletions: [], emptiedDirectories: [])
        for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") {
            let parts = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            switch (parts.first, parts.count) {
            case ("M", 3), ("R", 3): journal.moves.append(Move(staged: parts[1], target: parts[2], replaces: parts[0] == "R"))
            case ("D", 2): journal.deletions.append(parts[1])
            case ("C", 2): journal.createdDirectories.append(parts[1])
            case ("E", 2): journal.emptiedDirectories.append(parts[1])
            default: return nil  // not ours, or torn: the rename makes that impossible
            }
        }
        return journal
    }

    /// A step of the commit, for tests that make one go wrong.
    enum Step: Equatable, Sendable {
        case move(Int), delete(Int)
    }

    /// What a test makes happen at a step: the file system refuses it, or
    /// the process dies there (nothing after it runs, not even a rollback).
    enum Fault: Sendable {
        case refused, killed
    }

    struct Killed: Error {}

    /// Applies the journal. A step that fails turns it into a rollback that
    /// restores the previous output, then throws. Safe to run again after
    /// an interruption: a move whose staged file is gone is done, a deletion
    /// of a missing file too.
    func apply(from staging: String, to output: String, fault: (Step) -> Fault? = { _ in nil }) throws {
        do {
            try forward(from: staging, to: output, fault: fault)
        } catch let killed as Killed {
            throw killed
        } catch {
            // From here on a kill must not carry the commit forward again.
            rename(staging + "/" + Self.fileName, staging + "/" + Self.rollbackName)
            try rollBack(from: staging, to: output)
            throw error
        }
        unlink(staging + "/" + Self.fileName)
    }

    private func forward(from staging: String, to output: String, fault: (Step) -> Fault?) throws {
        func refused(_ step: Step) throws -> Bool {
            switch fault(step) {
            case .killed?: throw Killed()
            case .refused?:
                errno = EACCES
                return true
            case nil: return false
            }
        }
        for dir in createdDirectories where mkdir(output + "/" + dir, 0o755) != 0 && errno != EEXIST {
            throw OutputWriter.WriteError.system("cannot create the folder \(dir) in the output")
        }
        for (index, move) in moves.enumerated() {
            let source = staging + "/" + move.staged
            guard access(source, F_OK) == 0 else { continue }
            guard try !refused(.move(index)), rename(source, output + "/" + move.target) == 0 else {
                throw OutputWriter.WriteError.system("cannot update \(move.target) in the output")
            }
        }
        for (index, path) in deletions.enumerated() {
            guard try !refused(.delete(index)), unlink(output + "/" + path) == 0 || errno == ENOENT else {
                throw OutputWriter.WriteError.system("cannot remove \(path) from the output")
            }
        }
        for dir in emptiedDirectories {
            rmdir(output + "/" + dir)  // fails, as it should, where files remain
        }
    }

    /// Puts the previous output back from the links kept in `staging`;
    /// every step can be repeated, so a rollback killed half way is taken
    /// up by the next run.
    func rollBack(from staging: String, to output: String) throws {
        var failures: [String] = []
        for dir in emptiedDirectories.reversed() where mkdir(output + "/" + dir, 0o755) != 0 && errno != EEXIST {
            failures.append(dir)
        }
        for (index, path) in deletions.enumerated() {
            let backup = staging + "/" + Self.deletedBackup(index)
            if access(backup, F_OK) == 0, rename(backup, output + "/" + path) != 0 { failures.append(path) }
        }
        for move in moves.reversed() where access(staging + "/" + move.staged, F_OK) != 0 {
            if move.replaces {
                let backup = staging + "/" + Self.backup(move.staged)
                if access(backup, F_OK) == 0, rename(backup, output + "/" + move.target) != 0 { failures.append(move.target) }
            } else if unlink(output + "/" + move.target) != 0 && errno != ENOENT {
                failures.append(move.target)
            }
        }
        for dir in createdDirectories.reversed() {
            rmdir(output + "/" + dir)
        }
        guard failures.isEmpty else {
            throw OutputWriter.WriteError(
                description: "the output could not be restored (\(failures.prefix(3).joined(separator: ", "))); "
                    + "the next sitegen run tries again from \(staging)")
        }
        unlink(staging + "/" + Self.rollbackName)
    }
}
