import Foundation

/// The list of changes that turns the previous output into the new one:
/// staged files to move in, files to delete. Written to the staging folder
/// before any change; its presence means "apply me".
struct OutputJournal: Equatable {
    var moves: [(staged: String, target: String)]
    var deletions: [String]
    /// Folders of the previous output that the new one has no file in,
    /// deepest first; each is removed once it is empty.
    var emptiedDirectories: [String]

    static func == (a: OutputJournal, b: OutputJournal) -> Bool {
        a.moves.map(\.staged) == b.moves.map(\.staged) && a.moves.map(\.target) == b.moves.map(\.target)
            && a.deletions == b.deletions && a.emptiedDirectories == b.emptiedDirectories
    }

    private static let fileName = "journal"

    /// Writes the journal under a temporary name and renames it: the commit point.
    func commit(in staging: String) throws {
        var text = ""
        for move in moves { text += "M\t\(move.staged)\t\(move.target)\n" }
        for path in deletions { text += "D\t\(path)\n" }
        for dir in emptiedDirectories { text += "E\t\(dir)\n" }
        let temporary = staging + "/" + Self.fileName + ".tmp"
        guard OutputWriter.writeFile(temporary, Array(text.utf8)), rename(temporary, staging + "/" + Self.fileName) == 0 else {
            throw OutputWriter.WriteError(description: "cannot write the output journal: \(OutputWriter.lastError)")
        }
    }

    static func read(from staging: String) -> OutputJournal? {
        guard let bytes = DiskLoader.read(staging + "/" + fileName) else { return nil }
        var journal = OutputJournal(moves: [], deletions: [], emptiedDirectories: [])
        for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") {
            let parts = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            switch (parts.first, parts.count) {
            case ("M", 3): journal.moves.append((parts[1], parts[2]))
            case ("D", 2): journal.deletions.append(parts[1])
            case ("E", 2): journal.emptiedDirectories.append(parts[1])
            default: return nil  // not ours, or torn: the rename makes that impossible
            }
        }
        return journal
    }

    /// Applies the journal; safe to run again after an interruption, since a
    /// move whose staged file is gone and a deletion of a missing file are done.
    func apply(from staging: String, to output: String) throws {
        let targets = moves.map(\.target)
        try OutputWriter.makeDirectories(for: targets, in: output)
        for move in moves {
            let source = staging + "/" + move.staged
            guard access(source, F_OK) == 0 else { continue }
            guard rename(source, output + "/" + move.target) == 0 else {
                throw OutputWriter.WriteError(description: "cannot update \(move.target): \(OutputWriter.lastError)")
            }
        }
        for path in deletions {
            unlink(output + "/" + path)
        }
        for dir in emptiedDirectories {
            rmdir(output + "/" + dir)  // fails, as it should, where files remain
        }
        unlink(staging + "/" + Self.fileName)
    }
}
