import Dispatch
import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
import SiteKit

/// `sitegen serve`: builds the site into memory, serves it, watches the
/// content and templates folders, rebuilds after a change and makes open
/// pages reload. A failed build does not stop it: the pages show the errors
/// until the next good build.
public struct PreviewServer: Sendable {
    public struct Configuration: Sendable {
        public var content: String
        public var templates: String
        public var host: String
        /// 0 picks a free port.
        public var port: Int
        public var includeDrafts: Bool
        /// The language of the error page and of the lines on the terminal.
        public var language: MessageLanguage = .en
        /// How often the folders are compared with the last build.
        public var pollInterval: Duration = .milliseconds(200)
        /// A change is built once nothing more changed for this long, so
        /// that saving several files (or a `git checkout`) is one build.
        public var quietPeriod: Duration = .milliseconds(100)
        /// The same, where the system reports changes as they happen (inotify).
        public var eventQuietPeriod: Duration = .milliseconds(15)
        /// With inotify, how often every file is compared all the same.
        public var fullCheckInterval: Duration = .seconds(5)

        public init(content: String, templates: String, host: String = "127.0.0.1", port: Int = 8080, includeDrafts: Bool = false) {
            self.content = content
            self.templates = templates
            self.host = host
            self.port = port
            self.includeDrafts = includeDrafts
        }
    }

    public enum Event: Sendable {
        /// The server accepts requests at this address.
        case listening(url: String)
        case built(BuildSummary, seconds: Double, changes: [String], warnings: [Diagnostic])
        case failed(errors: [Diagnostic], changes: [String])
    }

    public let configuration: Configuration
    let report: @Sendable (Event) -> Void

    public init(_ configuration: Configuration, report: @escaping @Sendable (Event) -> Void) {
        self.configuration = configuration
        self.report = report
    }

    /// Runs until SIGINT or SIGTERM, or until the task is cancelled.
    public func run() async throws {
        let state = PreviewState()
        let (addresses, announce) = AsyncStream<String>.makeStream()
        let reader = SafeFileReader(roots: [configuration.content + "/medien", configuration.templates + "/assets"])
        // The server's own log stays quiet unless asked for, e.g.
        // SITEGEN_SERVE_LOG=debug, like SITEGEN_TIMING for the build stages.
        var logger = Logger(label: "sitegen-serve")
        logger.logLevel = ProcessInfo.processInfo.environment["SITEGEN_SERVE_LOG"].flatMap { Logger.Level(rawValue: $0) } ?? .error
        let host = configuration.host
        let app = Application(
            responder: PreviewResponder(state: state, reader: reader, language: configuration.language),
            configuration: .init(address: .hostname(host, port: configuration.port), serverName: nil),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                announce.yield("http://\(Self.urlHost(host)):\(port)/")
                announce.finish()
            },
            logger: logger)
        let rebuilder = Rebuilder(configuration: configuration, state: state, addresses: addresses, report: report)
        var groupConfiguration = ServiceGroupConfiguration(
            services: [app, rebuilder], gracefulShutdownSignals: [.sigterm, .sigint],
            logger: logger)
        // Pages hold their event streams open; the rebuilder ends them when
        // it stops (it stops first), and this bounds the wait in any case.
        groupConfiguration.maximumGracefulShutdownDuration = .seconds(3)
        let group = ServiceGroup(configuration: groupConfiguration)
        // Cancelling `run` stops the server the way Ctrl-C does, letting
        // open requests end, instead of cutting the server off.
        let running = Task { try await group.run() }
        try await withTaskCancellationHandler {
            try await running.value
        } onCancel: {
            Task { await group.triggerGracefulShutdown() }
        }
    }

    /// The host for URLs: a wildcard address is reached through the loopback one.
    static func urlHost(_ bind: String) -> String {
        switch bind {
        case "0.0.0.0", "": return "127.0.0.1"
        case "::", "[::]": return "[::1]"
        default: return bind.contains(":") && !bind.hasPrefix("[") ? "[\(bind)]" : bind
        }
    }
}

/// Builds once the server listens (the base URL needs its port), then after
/// every change of the sources, one build at a time: changes made during a
/// build are picked up by the next poll and built together.
struct Rebuilder: Service {
    let configuration: PreviewServer.Configuration
    let state: PreviewState
    let addresses: AsyncStream<String>
    let report: @Sendable (PreviewServer.Event) -> Void
    /// Documents that did not change are not parsed again.
    let cache = DecodeCache()
    /// The last input read: unchanged files are not read again.
    let input = Locked<SiteInput?>(nil)

    func run() async throws {
        var baseURL: String?
        for await address in addresses {
            baseURL = address
            break
        }
        guard let baseURL else {
            await state.close()
            return
        }
        report(.listening(url: baseURL))
        let watcher = SourceWatcher(folders: [configuration.content, configuration.templates])
        let session = String(UUID().uuidString.prefix(8)).lowercased()
        var generation = 1
        var lastGood: [String: SiteSnapshot.Body] = [:]
        var fingerprint = watcher.fingerprint()
        await build(baseURL: baseURL, token: "\(session)-\(generation)", changes: [], lastGood: &lastGood)

        let notifier = ChangeNotifier(folders: watcher.folders)
        var lastFullCheck = ContinuousClock.now
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            let changes: [String]
            if let notifier {
                changes = await changesNotified(
                    by: notifier, watcher: watcher, fingerprint: &fingerprint,
                    lastFullCheck: &lastFullCheck)
            } else {
                changes = await changesPolled(watcher: watcher, fingerprint: &fingerprint)
            }
            guard !changes.isEmpty, !Task.isCancelled else { continue }
            generation += 1
            await build(baseURL: baseURL, token: "\(session)-\(generation)", changes: changes, lastGood: &lastGood)
        }
        await state.close()
    }

    /// Waits for the notifier; checks just the files it names, or all of
    /// them when it cannot tell, and every few seconds in any case (a file
    /// system that does not report changes). The wait is short so that the
    /// server stops promptly.
    private func changesNotified(
        by notifier: ChangeNotifier, watcher: SourceWatcher,
        fingerprint: inout SourceWatcher.Fingerprint, lastFullCheck: inout ContinuousClock.Instant
    ) async -> [String] {
        let quiet = configuration.eventQuietPeriod
        let wake = await withCheckedContinuation { done in
            DispatchQueue.global(qos: .userInitiated).async {
                done.resume(returning: notifier.wait(timeout: .seconds(1), quiet: quiet))
            }
        }
        if case .files(let paths) = wake {
            return watcher.update(&fingerprint, paths: paths)
        }
        if wake == .timeout && ContinuousClock.now - lastFullCheck < configuration.fullCheckInterval { return [] }
        lastFullCheck = .now
        let next = watcher.fingerprint()
        defer { fingerprint = next }
        return SourceWatcher.changes(from: fingerprint, to: next)
    }

    /// Compares every file's stamp each `pollInterval`; a change counts once
    /// nothing more changed for `quietPeriod`.
    private func changesPolled(watcher: SourceWatcher, fingerprint: inout SourceWatcher.Fingerprint) async -> [String] {
        try? await Task.sleep(for: configuration.pollInterval)
        var next = watcher.fingerprint()
        guard next != fingerprint else { return [] }
        while !Task.isCancelled {
            try? await Task.sleep(for: configuration.quietPeriod)
            let again = watcher.fingerprint()
            if again == next { break }
            next = again
        }
        defer { fingerprint = next }
        return SourceWatcher.changes(from: fingerprint, to: next)
    }

    private func build(baseURL: String, token: String, changes: [String], lastGood: inout [String: SiteSnapshot.Body]) async {
        let configuration = self.configuration
        let start = DispatchTime.now().uptimeNanoseconds
        // The build is CPU-bound and synchronous; it runs off the threads
        // that answer requests.
        let cache = self.cache, previous = self.input.withLock { $0 }
        let outcome: Result<Build.Plan, Error> = await withCheckedContinuation { done in
            DispatchQueue.global(qos: .userInitiated).async {
                done.resume(
                    returning: Result {
                        let loader = DiskLoader(contentDirectory: configuration.content, templatesDirectory: configuration.templates)
                        let input = try loader.load(reusing: previous, changed: Set(changes))
                        self.input.withLock { $0 = input }
                        return Build.plan(input, options: .init(includeDrafts: configuration.includeDrafts, baseURL: baseURL), cache: cache)
                    })
            }
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        switch outcome {
        case .success(let result) where result.jobs != nil:
            let snapshot = SiteSnapshot(token: token, plan: result)
            await state.publish(snapshot)
            // Freeing the previous build's pages can wait until the new ones are served.
            lastGood = snapshot.files
            report(
                .built(
                    BuildSummary(result), seconds: seconds, changes: changes,
                    warnings: result.diagnostics.filter { $0.severity == .warning }))
        case .success(let result):
            await state.publish(SiteSnapshot(token: token, files: lastGood, diagnostics: result.diagnostics, failed: true))
            report(.failed(errors: result.diagnostics, changes: changes))
        case .failure(let error):
            let diagnostic = Diagnostic(
                .error, at: SourceLocation(path: configuration.content), Message(.loadFailed, ["problem": "\(error)"]))
            await state.publish(SiteSnapshot(token: token, files: lastGood, diagnostics: [diagnostic], failed: true))
            report(.failed(errors: [diagnostic], changes: changes))
        }
    }
}
