import Mustache

/// The theme's templates, parsed once per build. A page kind without its
/// template, or a template with a syntax error, is a diagnostic in the
/// template file, not a blank page.
struct Theme {
    static let pageTemplates = ["home", "kommunen", "kommune", "kaffeerunden", "kaffeerunde", "meldungen", "meldung",
                                "handlungsfelder", "handlungsfeld", "seite", "404"]

    let library: MustacheLibrary

    static func load(_ files: [InputFile], label: String, diagnostics: inout Diagnostics) -> Theme? {
        HTMLEscaping.register
        var templates: [String: MustacheTemplate] = [:]
        var broken: Set<String> = []
        var ok = true
        for file in files.sorted(by: { $0.path < $1.path }) {
            let name = String(file.path.dropLast(".mustache".count))
            let location = SourceLocation(path: label + "/" + file.path)
            guard let text = try? SourceText(bytes: file.bytes).text else {
                diagnostics.error(location, "template is not valid UTF-8")
                ok = false
                continue
            }
            do {
                // The pragma only swaps the escaping for a faster one with the same
                // result; as a standalone line it adds no output (one line, subtracted
                // from error positions below).
                templates[name] = try MustacheTemplate(string: HTMLEscaping.pragma + "\n" + text)
            } catch let error as MustacheTemplate.ParserError {
                broken.insert(name)
                var at = location
                at.line = max(1, error.context.lineNumber - 1)
                at.column = error.context.columnNumber
                diagnostics.error(at, "template syntax: \(error.error)", hint: "check that every {{#section}} has its {{/section}}")
                ok = false
            } catch {
                diagnostics.error(location, "template could not be read: \(error)")
                ok = false
            }
        }
        for name in pageTemplates where templates[name] == nil && !broken.contains(name) {
            diagnostics.error(SourceLocation(path: "\(label)/\(name).mustache"), "the theme has no template `\(name)`",
                              hint: "every page kind needs its template; copy it from the default theme")
            ok = false
        }
        return ok ? Theme(library: MustacheLibrary(templates: templates)) : nil
    }

    func render(_ plan: PagePlan) -> String {
        library.render(plan.view, withTemplate: plan.template) ?? ""
    }
}
