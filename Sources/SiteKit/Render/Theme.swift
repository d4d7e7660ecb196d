import SiteText
import SiteTemplates
/// The theme's templates, compiled once per build. A page kind without its
/// template, a template with a syntax error, or a partial or parent
/// template that does not exist is a diagnostic in the template file, not
/// a blank page.
struct Theme {
    static let pageTemplates = [
        "home", "kommunen", "kommune", "kaffeerunden", "kaffeerunde", "meldungen", "meldung",
        "handlungsfelder", "handlungsfeld", "seite", "404", "land", "mitglieder", "daten",
        "statistik", "suche",
    ]

    let program: TemplateProgram

    static func load(_ files: [InputFile], label: String, diagnostics: inout Diagnostics) -> Theme? {
        var templates: [String: [TemplateNode]] = [:]
        var sources: [String: TemplateScanner] = [:]
        var broken: Set<String> = []
        var ok = true
        for file in files.sorted(by: { $0.path < $1.path }) {
            let name = String(file.path.dropLast(".mustache".count))
            let location = SourceLocation(path: label + "/" + file.path)
            guard let text = try? SourceText(bytes: file.bytes).text else {
                diagnostics.error(location, .templateNotUTF8)
                ok = false
                continue
            }
            let source = TemplateScanner(bytes: Array(text.utf8))
            sources[name] = source
            for use in RenamedKeys.uses(in: source.bytes) {
                diagnostics.warning(
                    location.at(source.lineAndColumn(of: use.offset)), .templateKeyRenamed,
                    ["old": .value(use.old), "new": .value(use.new)], hint: Message(.hintUseNewKey, ["new": .value(use.new)]))
            }
            do {
                templates[name] = try TemplateParser.parse(source.bytes)
            } catch let error as TemplateSyntaxError {
                broken.insert(name)
                diagnostics.error(
                    location.at(source.lineAndColumn(of: error.offset)), .templateSyntax, ["problem": .value(error.message)],
                    hint: Message(.hintTemplateSyntax, ["hint": .value(error.hint)]))
                ok = false
            } catch {
                diagnostics.error(location, .templateUnreadable, ["problem": "\(error)"])
                ok = false
            }
        }
        for name in pageTemplates where templates[name] == nil && !broken.contains(name) {
            diagnostics.error(
                SourceLocation(path: "\(label)/\(name).mustache"), .templateMissing, ["name": .value(name)],
                hint: Message(.hintCopyTemplate))
            ok = false
        }
        let known = Set(templates.keys).union(broken)
        for (name, nodes) in templates.sorted(by: { $0.key < $1.key }) {
            for call in Self.partialCalls(in: nodes) where call.dynamic == nil && !known.contains(call.name) {
                let tag = call.overrides == nil ? "{{>\(call.name)}}" : "{{<\(call.name)}}"
                let location = SourceLocation(path: "\(label)/\(name).mustache").at(sources[name]!.lineAndColumn(of: call.offset))
                diagnostics.error(
                    location, .partialMissing, ["tag": .value(tag), "name": .value(call.name)],
                    hint: Message.suggestion(for: call.name, in: known) ?? Message(.hintAddTemplate, ["name": .value(call.name)]))
                ok = false
            }
        }
        return ok ? Theme(program: TemplateProgram(templates)) : nil
    }

    func render(_ plan: PagePlan) -> [UInt8] {
        // Most pages of the default theme are 8 to 16 KB: one buffer of that
        // size spares them the copies (and fresh pages) of growing it.
        var renderer = TemplateRenderer(program: program, root: .object(plan.view), capacity: 16384)
        renderer.render(template: plan.template)
        return renderer.output
    }

    private static func partialCalls(in nodes: [TemplateNode]) -> [PartialCall] {
        nodes.flatMap { node -> [PartialCall] in
            switch node {
            case .section(_, let body), .inverted(_, let body), .block(_, let body, _), .blockOverride(_, let body):
                return partialCalls(in: body)
            case .partial(let call):
                return [call] + (call.overrides ?? [:]).sorted { $0.key < $1.key }.flatMap { partialCalls(in: $0.value) }
            case .text, .variable, .escaping:
                return []
            }
        }
    }
}

private extension SourceLocation {
    func at(_ position: (line: Int, column: Int)) -> SourceLocation {
        SourceLocation(path: path, line: position.line, column: position.column)
    }
}
