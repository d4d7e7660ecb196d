import Foundation
import SiteKit

// libFuzzer's entry point: builds the fuzz site (`FuzzSite`) from each
// input in memory. A crash, a trap or a slow input is what libFuzzer
// reports; scripts/fuzz.sh sets the time and memory limits.
//
// SwiftPM links an executable target with `main` pointing at
// `FuzzSiteKit_main`, so libFuzzer's own `main` is not used: this one hands
// the arguments to libFuzzer's driver.

@_silgen_name("LLVMFuzzerRunDriver")
private func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ test: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt

@_cdecl("FuzzSiteKit_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return runFuzzerDriver(&argc, &argv, fuzzOneInput)
}

/// The theme, read once from the repository's `templates/` (or
/// `SITEGEN_TEMPLATES`).
private let templates: [InputFile] = {
    let directory =
        ProcessInfo.processInfo.environment["SITEGEN_TEMPLATES"]
        ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("templates").path
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
    let files = names.filter { $0.hasSuffix(".mustache") }.sorted().compactMap { name in
        FileManager.default.contents(atPath: directory + "/" + name).map { InputFile(path: name, bytes: Array($0)) }
    }
    precondition(!files.isEmpty, "no templates in \(directory)")
    return files
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let result = Build.render(FuzzSite.input(bytes, templates: templates), options: .init(useCache: false))
    // Every diagnostic must have a place in the file and a message.
    for diagnostic in result.diagnostics {
        precondition(diagnostic.location.line >= 1 && diagnostic.location.column >= 1, "diagnostic without a place: \(diagnostic)")
        precondition(!diagnostic.message.isEmpty, "diagnostic without a message")
    }
    // A build without errors has every page.
    if result.errorCount == 0 {
        precondition(result.files?.isEmpty == false, "a build without errors made no files")
    }
    return 0
}
