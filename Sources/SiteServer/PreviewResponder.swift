import Hummingbird
import SiteKit

/// Answers the browser: the pages of the current build with the reload
/// script, the script itself and its event stream, and the error page while
/// a build has failed. Only paths of the built site are ever answered.
struct PreviewResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let state: PreviewState
    let reader: SafeFileReader
    var language: MessageLanguage = .en

    func respond(to request: Request, context: Context) async throws -> Response {
        guard request.method == .get || request.method == .head else {
            var response = plain(.methodNotAllowed, "Only GET and HEAD are answered here.\n", request)
            response.headers[.allow] = "GET, HEAD"
            return response
        }
        let target = request.head.path ?? "/"
        let path = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? target
        if path == LiveReload.scriptPath {
            return respond(.ok, type: "text/javascript; charset=utf-8", Array(LiveReload.script.utf8), request)
        }
        if path == LiveReload.eventsPath {
            return await events()
        }
        guard let sitePath = RequestPath.sitePath(target) else {
            return plain(.notFound, "Not found.\n", request)
        }
        guard let snapshot = await state.current() else {
            return plain(.serviceUnavailable, "The server is stopping.\n", request)
        }
        switch snapshot.lookup(sitePath) {
        case .addSlash:
            // Built from the checked site path, never from the raw target:
            // `//kommunen` must not become `//kommunen/`, which a browser
            // reads as a link to the host `kommunen`.
            let query = target.firstIndex(of: "?").map { String(target[$0...]) } ?? ""
            let location = "/" + sitePath + "/"
            var response = plain(.movedPermanently, "Moved to \(location)\n", request)
            response.headers[.location] = location + query
            return response
        case .file(let file):
            if snapshot.failed && ContentType.isHTML(file) { return errorPage(snapshot, request) }
            guard let bytes = body(snapshot.files[file]!) else { return plain(.notFound, "Not found.\n", request) }
            let type = ContentType.of(file)
            let payload = ContentType.isHTML(file) ? LiveReload.inject(into: bytes, token: snapshot.token) : bytes
            return respond(.ok, type: type, payload, request)
        case .notFound:
            if snapshot.failed { return errorPage(snapshot, request) }
            guard let page = snapshot.files["404.html"].flatMap(body) else { return plain(.notFound, "Not found.\n", request) }
            return respond(.notFound, type: ContentType.of("404.html"), LiveReload.inject(into: page, token: snapshot.token), request)
        }
    }

    private func body(_ entry: SiteSnapshot.Body) -> [UInt8]? {
        switch entry {
        case .bytes(let bytes): return bytes
        case .file(let path): return reader.read(path)
        case .page(let page): return page.rendered
        }
    }

    /// Server-sent events: `event: build` with the build's token, now and
    /// after every build, until the page goes away or the server stops.
    private func events() async -> Response {
        let tokens = await state.listen()
        let body = ResponseBody(
            asyncSequence: tokens.map { token in
                ByteBuffer(string: "event: build\ndata: \(token)\n\n")
            })
        var headers = HTTPFields()
        headers[.contentType] = "text/event-stream"
        headers[.cacheControl] = "no-store"
        return Response(status: .ok, headers: headers, body: body)
    }

    private func errorPage(_ snapshot: SiteSnapshot, _ request: Request) -> Response {
        respond(
            .internalServerError, type: "text/html; charset=utf-8",
            Array(LiveReload.errorPage(snapshot.diagnostics, token: snapshot.token, language: language).utf8), request)
    }

    private func plain(_ status: HTTPResponse.Status, _ text: String, _ request: Request) -> Response {
        respond(status, type: "text/plain; charset=utf-8", Array(text.utf8), request)
    }

    /// Preview responses are never cached: the next build may change them.
    private func respond(_ status: HTTPResponse.Status, type: String, _ bytes: [UInt8], _ request: Request) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = type
        headers[.cacheControl] = "no-store"
        headers[.xContentTypeOptions] = "nosniff"
        if request.method == .head {
            headers[.contentLength] = String(bytes.count)
            return Response(status: status, headers: headers, body: ResponseBody())
        }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
