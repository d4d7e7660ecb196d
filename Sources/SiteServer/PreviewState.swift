import Foundation

/// The build being served and the pages listening for the next one.
/// Requests that arrive before the first build wait for it.
actor PreviewState {
    private var snapshot: SiteSnapshot?
    private var waiting: [CheckedContinuation<SiteSnapshot?, Never>] = []
    private var listeners: [UUID: AsyncStream<String>.Continuation] = [:]
    private var closed = false

    /// The current build; nil only when the server stops before its first.
    func current() async -> SiteSnapshot? {
        if let snapshot { return snapshot }
        if closed { return nil }
        return await withCheckedContinuation { waiting.append($0) }
    }

    func publish(_ new: SiteSnapshot) {
        // Freeing the previous build's pages takes a while on a large
        // site; the waiting requests and the reload do not wait for it.
        let previous = snapshot
        snapshot = new
        for continuation in waiting { continuation.resume(returning: new) }
        waiting = []
        for listener in listeners.values { listener.yield(new.token) }
        DispatchQueue.global(qos: .utility).async { withExtendedLifetime(previous) {} }
    }

    /// The token of every build from now on, starting with the current one.
    /// Only the newest matters, so a slow reader skips the ones between.
    func listen() -> AsyncStream<String> {
        let (stream, continuation) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingNewest(1))
        guard !closed else {
            continuation.finish()
            return stream
        }
        let id = UUID()
        listeners[id] = continuation
        continuation.onTermination = { [weak self] _ in
            Task { await self?.forget(id) }
        }
        if let snapshot { continuation.yield(snapshot.token) }
        return stream
    }

    private func forget(_ id: UUID) {
        listeners[id] = nil
    }

    /// Ends every event stream, so that open pages do not hold the server
    /// open when it shuts down.
    func close() {
        closed = true
        for listener in listeners.values { listener.finish() }
        listeners = [:]
        for continuation in waiting { continuation.resume(returning: nil) }
        waiting = []
    }
}
