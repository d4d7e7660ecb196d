/// What a page's view read from the site model, so that a rebuild can tell
/// without building the view whether the page would come out the same.
///
/// Views reach the model only through `ModelReads`, which notes every
/// read. A read returns the page's own document whole and other documents
/// as summaries (`Summaries.swift`), and `ModelAnswers` hashes exactly what
/// it returns. A view is a pure function of what it reads, so when every
/// noted read hashes the same in the next build, the page's bytes are the
/// same too. Reads are by slug, not by position: a new Kommune shifts every
/// position after it but changes no other profile's page.
///
/// Settings, the Handlungsfelder file, the theme and the build options are
/// not traced: they count for every page at once (`ModelAnswers.global`).
struct PageTrace: Sendable, Hashable {
    enum Read: Hashable, Sendable {
        /// The page's own document, whole.
        case document(ContentKind, String)
        /// Another document's summary by slug, or its absence.
        case summary(ContentKind, String)
        /// The summaries of every document of a kind, in the model's order.
        case summaries(ContentKind)
        /// Reports and news that mention a profile.
        case erwaehntIn(String)
        /// The members of a Landkreis.
        case mitglieder(String)
        /// Profiles, projects, reports and news of a Handlungsfeld.
        case feld(String)
        /// Profiles and projects of a Handlungsfeld in one Land.
        case feldLand(String, Bundesland)
        /// The older and newer neighbour of a Kaffeerunde.
        case neighbours(String)
        /// The Seiten linked from every page's footer.
        case footer
        /// Where every Kommune lies on the map (`NetworkMap`).
        case karte
        /// The figures of the network (`NetworkFigures`).
        case statistik
    }

    /// In the order the view made them; digests are taken once per
    /// distinct read for the whole site (`PageTraceStore`), not per page.
    var reads: [Read] = []
}

/// A document a page can be made from.
protocol TracedDocument: AnyObject {
    var page: PageSource { get }
}

extension Kommune: TracedDocument {}
extension Kaffeerunde: TracedDocument {}
extension Meldung: TracedDocument {}
extension Seite: TracedDocument {}

/// The model as one page's view sees it: every read is noted in the page's
/// trace. One per page, used by one thread.
final class ModelReads {
    // Private: a view that reached past the reads would go untraced.
    private let answers: ModelAnswers
    private(set) var trace = PageTrace()

    init(_ answers: ModelAnswers) { self.answers = answers }

    private func note(_ read: PageTrace.Read) { trace.reads.append(read) }

    // Not traced: part of `ModelAnswers.global`.
    var settings: SiteSettings { answers.model.settings }
    /// Not traced either: views only compare it with the dates of
    /// Kaffeerunden, and which of them are announced is part of `global`.
    var heute: CalendarDate { answers.model.heute }
    var handlungsfelder: [Handlungsfeld] { answers.model.handlungsfelder }
    /// Through the model's fields, not its method: a method call on
    /// `answers.model` copied the whole model, once per link to a field.
    func handlungsfeld(_ slug: String) -> Handlungsfeld? {
        answers.model.handlungsfeldIndex[slug].map { answers.model.handlungsfelder[$0] }
    }
    /// Only its name, for links: read in place, not copied with its description.
    func handlungsfeldName(_ slug: String) -> String? {
        answers.model.handlungsfeldIndex[slug].map { answers.model.handlungsfelder[$0].name }
    }
    /// Derived images: their keys are part of `ModelAnswers.global`.
    var images: ImageTable { answers.model.images }

    /// The page's own document, whole.
    func own<D: TracedDocument>(_ kind: ContentKind, _ document: D) -> D {
        note(.document(kind, document.page.slug))
        return document
    }

    func kommune(_ slug: String) -> KommuneSummary? {
        note(.summary(.kommune, slug))
        return answers.kommune(slug)
    }

    func seite(_ slug: String) -> SeiteSummary? {
        note(.summary(.seite, slug))
        return answers.seite(slug)
    }

    var kommunen: [KommuneSummary] {
        note(.summaries(.kommune))
        return answers.kommunen
    }

    /// Derived from the summaries of every Kommune alone, so it is that read.
    var gliederung: [Bundesland: LandGliederung] {
        note(.summaries(.kommune))
        return answers.gliederung
    }

    var kaffeerunden: [EintragSummary] {
        note(.summaries(.kaffeerunde))
        return answers.kaffeerunden
    }

    var meldungen: [EintragSummary] {
        note(.summaries(.meldung))
        return answers.meldungen
    }

    func erwaehntIn(_ slug: String) -> [EintragSummary] {
        note(.erwaehntIn(slug))
        return answers.erwaehntIn(slug)
    }

    func mitglieder(of slug: String) -> [KommuneSummary] {
        note(.mitglieder(slug))
        return answers.mitglieder(slug)
    }

    func feld(_ slug: String) -> FeldSummary {
        note(.feld(slug))
        return answers.feld(slug)
    }

    /// Only the Land's profiles and projects: a Land's page of a large field
    /// need not copy the whole field's.
    func feld(_ slug: String, in land: Bundesland) -> FeldSummary {
        note(.feldLand(slug, land))
        return answers.feld(slug, in: land)
    }

    func neighbours(of slug: String) -> Neighbours {
        note(.neighbours(slug))
        return answers.neighbours(slug)
    }

    func footer() -> [SeiteSummary] {
        note(.footer)
        return answers.footer()
    }

    var karte: NetworkMap {
        note(.karte)
        return answers.karte
    }

    var statistik: NetworkFigures {
        note(.statistik)
        return answers.statistik
    }
}
