import Foundation

/// What a successful build made, in a line a person reads at a glance:
/// pages per kind, files copied, warnings and the time it took.
public struct BuildSummary: Sendable, Equatable, CustomStringConvertible {
    public var kommunen = 0
    public var kaffeerunden = 0
    public var meldungen = 0
    public var seiten = 0
    public var handlungsfelder = 0
    /// Home, the lists, the 404 page.
    public var overviews = 0
    public var pages = 0
    public var filesCopied = 0
    public var warnings = 0

    public init(_ result: Build.Result) {
        self.init(
            model: result.model, paths: (result.files?.map(\.path) ?? []) + result.kept, copies: result.copies.count,
            diagnostics: result.diagnostics)
    }

    /// What a preview build holds; its pages are made when asked for.
    public init(_ plan: Build.Plan) {
        self.init(
            model: plan.model, paths: plan.jobs?.map(\.path) ?? [], copies: plan.copies.count,
            diagnostics: plan.diagnostics)
    }

    private init(model: SiteModel?, paths: [String], copies: Int, diagnostics: [Diagnostic]) {
        if let model {
            kommunen = model.kommunen.count
            kaffeerunden = model.kaffeerunden.count
            meldungen = model.meldungen.count
            seiten = model.seiten.count
            handlungsfelder = model.handlungsfelder.count
        }
        pages = paths.filter { $0.hasSuffix(".html") }.count
        overviews = pages - kommunen - kaffeerunden - meldungen - seiten - handlungsfelder
        filesCopied = copies
        warnings = diagnostics.filter { $0.severity == .warning }.count
    }

    /// e.g. `sitegen: built 30 pages (6 Kommunen, 2 Kaffeerunden, 3 Meldungen,
    /// 5 Seiten, 8 Handlungsfelder, 6 overviews) and copied 2 files to public in 0.21 s`.
    /// Warnings are named only when there are any, so a clean log has no
    /// line with the word in it.
    public func line(output: String, seconds: Double, language: MessageLanguage = .en) -> String {
        var text = Message(.summaryBuilt, ["summary": .phrase(message), "output": .value(output), "seconds": .decimal(seconds)])
            .text(in: language)
        if warnings > 0 { text += Message(.summaryWarningsSuffix, ["warnings": .count(warnings, .wordWarning)]).text(in: language) }
        return text
    }

    /// `30 pages (6 Kommunen, …, 6 overviews) and copied 2 files`
    public var description: String { message.english }

    /// The counts as a catalogue message, in either language.
    public var message: Message {
        Message(
            .summaryCounts,
            [
                "pages": .count(pages, .wordPage), "kommunen": .count(kommunen, .wordKommune),
                "kaffeerunden": .count(kaffeerunden, .wordKaffeerunde), "meldungen": .count(meldungen, .wordMeldung),
                "seiten": .count(seiten, .wordSeite), "handlungsfelder": .count(handlungsfelder, .wordHandlungsfeld),
                "overviews": .count(overviews, .wordOverview), "files": .count(filesCopied, .wordFile),
            ])
    }
}
