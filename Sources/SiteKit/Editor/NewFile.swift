import Foundation

/// Creates a file that must not exist yet, for the commands that write
/// files for the user (`new`, `init ci`): O_EXCL, so even a file that
/// appears between a check and the write is left alone.
enum NewFile {
    enum Outcome: Equatable {
        case written
        case exists
        case failed(String)
    }

    static func create(_ path: String, _ text: String) -> Outcome {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard fd >= 0 else { return errno == EEXIST ? .exists : .failed(String(cString: strerror(errno))) }
        close(fd)
        guard OutputWriter.writeFile(path, Array(text.utf8)) else {
            let reason = String(cString: strerror(errno))
            unlink(path)
            return .failed(reason)
        }
        return .written
    }
}
