import Foundation

/// Prints how long each stage took to stderr when `SITEGEN_TIMING` is set;
/// for profiling, never part of normal output. Beside the wall time it
/// prints the processor time of the whole process, so a stage that leaves
/// cores idle shows a ratio near 1 instead of near the number of cores.
struct StageClock {
    static let isEnabled = ProcessInfo.processInfo.environment["SITEGEN_TIMING"] != nil
    private let enabled = StageClock.isEnabled
    private var last = DispatchTime.now().uptimeNanoseconds
    private var lastCPU = StageClock.processorSeconds()

    mutating func lap(_ stage: String) {
        guard enabled else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        let cpu = Self.processorSeconds()
        let wall = Double(now - last) / 1e9
        let line = String(format: "timing: %@ %.3f s (cpu %.3f s)\n", stage, wall, cpu - lastCPU)
        FileHandle.standardError.write(Data(line.utf8))
        last = now
        lastCPU = cpu
    }

    private static func processorSeconds() -> Double {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }
}
