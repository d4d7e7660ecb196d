import SiteText
import SiteKit

/// What `serve` adds to the pages it serves, and nothing `build` writes:
/// a script tag before `</body>` that listens on `/_sitegen/events` and
/// reloads the page when a newer build is there, and the page that lists a
/// failed build's errors in its place.
public enum LiveReload {
    public static let scriptPath = "/_sitegen/live.js"
    public static let eventsPath = "/_sitegen/events"

    /// The page compares the build it was served from with the one the
    /// server announces, on connecting and after every build, so a build
    /// that finished while the page loaded is not missed. EventSource
    /// reconnects by itself when the server restarts.
    public static let script = """
        // sitegen serve: reloads this page when the site has been rebuilt.
        (function () {
          var script = document.currentScript;
          var shown = script ? script.getAttribute("data-build") : null;
          var events = new EventSource("\(eventsPath)");
          events.addEventListener("build", function (event) {
            if (event.data !== shown) {
              events.close();
              location.reload();
            }
          });
        })();

        """

    static func tag(token: String) -> String {
        "<script src=\"\(scriptPath)\" data-build=\"\(HTML.escape(token))\"></script>\n"
    }

    /// The page with the script before its last `</body>`, or at its end.
    public static func inject(into html: [UInt8], token: String) -> [UInt8] {
        let tag = Array(tag(token: token).utf8)
        let close = Array("</body>".utf8)
        var index = html.count - close.count
        while index >= 0 {
            if html[index] == UInt8(ascii: "<"), zip(html[index..<index + close.count], close).allSatisfy({ lowercase($0) == $1 }) {
                return Array(html[..<index]) + tag + Array(html[index...])
            }
            index -= 1
        }
        return html + tag
    }

    private static func lowercase(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
    }

    /// Shown instead of every page while the last build failed, until a
    /// build succeeds; it reloads itself like any page.
    /// The page a browser shows instead of the site while the content has
    /// errors: every line, frame and diagnostics alike, in `language`.
    public static func errorPage(_ diagnostics: [Diagnostic], token: String, language: MessageLanguage = .en) -> String {
        let errors = diagnostics.filter { $0.severity == .error }
        // Control characters written out as in the terminal, not sent raw.
        let shown = { (text: String) in HTML.escape(Diagnostic.printable(text)) }
        let items = diagnostics.map { d -> String in
            let location = "\(d.location.path):\(d.location.line):\(d.location.column)"
            let hint = d.hint(in: language).map { " <span class=\"hint\">(\(shown($0)))</span>" } ?? ""
            return "<li class=\"\(d.severity.rawValue)\"><code>\(shown(location))</code>: "
                + "<strong>\(d.severityWord(in: language))</strong>: \(shown(d.message(in: language)))\(hint)</li>"
        }
        let text = { (code: MessageCode) in HTML.escape(Message(code, ["count": .count(errors.count, .wordError)]).text(in: language)) }
        return """
            <!DOCTYPE html>
            <html lang="\(language.rawValue)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(text(.servePageTitle))</title>
            <style>
            body { font: 1rem/1.5 system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #1a1a1a; }
            h1 { font-size: 1.5rem; }
            ol { padding-left: 1.5rem; }
            li { margin: 0.75rem 0; }
            code { font-family: ui-monospace, monospace; overflow-wrap: anywhere; }
            li.error strong { color: #a40000; }
            li.warning strong { color: #6b4e00; }
            .hint { color: #444; }
            </style>
            </head>
            <body>
            <main>
            <h1>\(text(.servePageHeading))</h1>
            <p>\(text(.servePageExplanation))</p>
            <ol>
            \(items.joined(separator: "\n"))
            </ol>
            </main>
            \(tag(token: token))</body>
            </html>

            """
    }
}

enum HTML {
    static func escape(_ text: String) -> String { HTMLEscaping.escape(text) }
}
