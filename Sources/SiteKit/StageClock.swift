import Foundation

/// Prints how long each stage took to stderr when `SITEGEN_TIMING` is set;
/// for profiling, never part of normal output.
struct StageClock {
    private let enabled = ProcessInfo.processInfo.environment["SITEGEN_TIMING"] != nil
    private var last = DispatchTime.now().uptimeNanoseconds

    mutating func lap(_ stage: String) {
        guard enabled else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        FileHandle.standardError.write(Data("timing: \(stage) \(String(format: "%.3f", Double(now - last) / 1e9)) s\n".utf8))
        last = now
    }
}
