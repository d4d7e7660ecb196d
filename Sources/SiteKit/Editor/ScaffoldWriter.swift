import Foundation
import SiteText

/// The text of a new content file, as `sitegen new` writes it: the required
/// keys filled in, every optional key present as a comment with an example
/// (remove the `# ` to use it), and a line of body text to replace. A file
/// made with all required values passes `sitegen check` as it is.
public enum ScaffoldWriter {
    public struct Scaffold: Sendable, Equatable {
        public var kind: ContentKind
        public var slug: String
        public var text: String
        /// Relative to the content folder, e.g. `kommunen/bendorf.md`.
        public var contentPath: String { kind.folder + "/" + slug + ".md" }
    }

    /// A value given on the command line that the content format would
    /// reject: reported before anything is written.
    public struct InvalidValue: MessageError {
        public var message: Message
    }

    /// A profile. `art` and `bundesland` may be left out; their lines are
    /// then empty, and `sitegen check` points at them until they are filled.
    public static func kommune(
        name: String, art: String?, bundesland: String?, kreis: String?,
        slug: String? = nil, schemaReference: String? = nil
    ) throws(InvalidValue) -> Scaffold {
        let name = try required(name, what: Message(.newTheName))
        let slug = try slugFor(given: slug, made: Slug.make(from: name), from: Message(.newTheName))
        let art = try art.map { v throws(InvalidValue) in try allowed(v, option: "--art", Art.self) }
        let land = try bundesland.map { v throws(InvalidValue) in try allowed(v, option: "--bundesland", Bundesland.self) }
        if let kreis, !Slug.isValid(kreis) {
            throw InvalidValue(
                message: Message(.newOptionNotASlug, ["option": "--kreis", "value": .value(kreis), "candidate": .value(Slug.make(from: kreis))]))
        }
        var lines = [
            "name: " + YAMLScalar.text(name),
            art.map { "art: " + YAMLScalar.text($0) }
                ?? "art:  # Pflicht, einer von: " + Art.allCases.map(\.rawValue).joined(separator: ", "),
            land.map { "bundesland: " + YAMLScalar.text($0) }
                ?? "bundesland:  # Pflicht, ausgeschrieben, z. B. Rheinland-Pfalz",
        ]
        if let kreis { lines.append("kreis: " + kreis) }
        let optional = Keys.kommuneOptional.filter { !($0 == "kreis" && kreis != nil) }
        let text = document(
            schemaReference: schemaReference, required: lines,
            optional: optional.map { examples[$0] ?? ["\($0): …"] },
            body:
                "\(placeholders[0])\(name). Fragen eines Interviews schreiben Sie als Überschriften: `## Wo setzt \(name) bei der Digitalisierung an?`"
        )
        return Scaffold(kind: .kommune, slug: slug, text: text)
    }

    /// A report. Its slug starts with the month of the session, as the
    /// content format recommends: `2021-01-eltville-nachhaltigkeit`.
    public static func kaffeerunde(
        titel: String, datum: String, slug: String? = nil,
        schemaReference: String? = nil
    ) throws(InvalidValue) -> Scaffold {
        let titel = try required(titel, what: Message(.newTheTitle))
        let date = try day(datum)
        let month = String(date.description.prefix(7))
        let slug = try slugFor(given: slug, made: datedSlug(prefix: month, titel: titel), from: Message(.newTheTitle))
        let text = document(
            schemaReference: schemaReference,
            required: ["titel: " + YAMLScalar.text(titel), "datum: \(date)"],
            optional: Keys.kaffeerundeOptional.map { examples[$0] ?? ["\($0): …"] },
            body: placeholders[1])
        return Scaffold(kind: .kaffeerunde, slug: slug, text: text)
    }

    /// The beginnings of the texts `new` writes in place of the body of a
    /// profile, a report and a news item. A page that still holds one
    /// gets a warning (`placeholder-text`), so the placeholder is not
    /// published as it is.
    public static let placeholders = [
        "Hier steht der Text über ", "Hier steht der Bericht über die Sitzung.", "Hier steht der Text der Meldung.",
    ]

    /// A news item. Its slug starts with its date: `2021-03-12-hennef-digitalisierungskonzept`.
    public static func meldung(
        titel: String, datum: String, slug: String? = nil,
        schemaReference: String? = nil
    ) throws(InvalidValue) -> Scaffold {
        let titel = try required(titel, what: Message(.newTheTitle))
        let date = try day(datum)
        let slug = try slugFor(given: slug, made: datedSlug(prefix: date.description, titel: titel), from: Message(.newTheTitle))
        let text = document(
            schemaReference: schemaReference,
            required: ["titel: " + YAMLScalar.text(titel), "datum: \(date)"],
            optional: Keys.meldungOptional.map { examples[$0] ?? ["\($0): …"] },
            body: placeholders[2])
        return Scaffold(kind: .meldung, slug: slug, text: text)
    }

    // MARK: - Parts

    static func document(schemaReference: String?, required: [String], optional: [[String]], body: String) -> String {
        var lines = ["---"]
        // yaml-language-server reads this comment to find the schema.
        if let schemaReference { lines.append("# yaml-language-server: $schema=\(schemaReference)") }
        lines += required
        lines.append("# Freiwillige Angaben: \"# \" am Zeilenanfang entfernen und ausfüllen.")
        for example in optional { lines += example.map { "# " + $0 } }
        lines += ["---", "", body, ""]
        return lines.joined(separator: "\n")
    }

    /// One example per optional key, valid YAML once uncommented.
    static let examples: [String: [String]] = [
        "kreis": ["kreis: slug-des-landkreises  # Profil des Landkreises (art: Landkreis)"],
        "ags": ["ags: \"07137203\"  # Amtlicher Gemeindeschlüssel, 8 Ziffern (Landkreis: 5), in Anführungszeichen"],
        "einwohner": ["einwohner: 16900"],
        "einwohner_stand": ["einwohner_stand: 2023  # Jahr oder Datum der Einwohnerzahl"],
        "mitglied_seit": ["mitglied_seit: 2024-05  # JJJJ-MM oder JJJJ-MM-TT; ohne diesen Schlüssel kein Mitglied"],
        "kurzbeschreibung": ["kurzbeschreibung: Ein, zwei Sätze über die Kommune  # steht oben im Profil"],
        "stand": ["stand: 2024-05  # JJJJ-MM oder JJJJ-MM-TT: wann das Profil zuletzt geprüft wurde"],
        "leitung": ["leitung:", "  amt: Bürgermeisterin", "  name: Vorname Nachname"],
        "kontakt": [
            "kontakt:", "  - funktion: Digitalisierungsbeauftragte", "    name: Vorname Nachname", "    seit: 2023-01",
            "    email: digital@example.de", "    telefon: \"+49 261 000000\"",
        ],
        "website": ["website: https://www.example.de"],
        "koordinaten": ["koordinaten: [50.4297, 7.5703]  # [breite, länge] in Grad"],
        "handlungsfelder": ["handlungsfelder: [verwaltung]  # Slugs aus handlungsfelder.yaml"],
        "projekte": [
            "projekte:", "  - titel: Titel des Projekts", "    handlungsfeld: verwaltung",
            "    status: geplant  # geplant, laufend oder umgesetzt", "    jahr: 2024",
        ],
        "foerderung": ["foerderung:", "  - Name des Förderprogramms"],
        "quellen": ["quellen:", "  - titel: Titel der Quelle", "    url: https://www.example.de", "    datum: 2024-05-01"],
        "bild": [
            "bild:", "  datei: bild.jpg  # liegt in content/medien/", "  alt: Was auf dem Bild zu sehen ist",
            "  credit: Urheber oder Quelle",
        ],
        "fruehere_namen": ["fruehere_namen: [Verbandsgemeinde Untermosel]  # frühere Namen, z. B. vor einer Fusion"],
        "entwurf": ["entwurf: true  # nur mit --drafts auf der Website"],
        "reihe": ["reihe: Digitale Kaffeerunde"],
        "teilnehmende": ["teilnehmende: 40"],
        "impulse": [
            "impulse:", "  - name: Vorname Nachname", "    funktion: Digitalisierungsbeauftragte",
            "    kommune: slug-der-kommune", "    thema: Thema des Impulses",
        ],
        "kommunen": ["kommunen: [slug-der-kommune]  # Slugs von Profilen"],
        "beginn": ["beginn: 10:00  # Uhrzeit, für angekündigte Termine"],
        "ende": ["ende: 11:00"],
        "anmeldung": ["anmeldung: https://www.example.de/anmeldung"],
    ]

    private static func required(_ value: String, what: Message) throws(InvalidValue) -> String {
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw InvalidValue(message: Message(.newMustNotBeEmpty, ["what": .phrase(what)])) }
        return trimmed
    }

    private static func slugFor(given: String?, made: String, from what: Message) throws(InvalidValue) -> String {
        if let given {
            guard Slug.isValid(given) else {
                throw InvalidValue(
                    message: Message(.newOptionNotASlug, ["option": "--slug", "value": .value(given), "candidate": .value(Slug.make(from: given))]))
            }
            return given
        }
        guard Slug.isValid(made) else {
            throw InvalidValue(message: Message(.newNothingToNameFrom, ["what": .phrase(what)]))
        }
        return made
    }

    /// `2021-01` + `Eltville digitalisiert nachhaltig`, without repeating a
    /// date the title already starts with.
    private static func datedSlug(prefix: String, titel: String) -> String {
        let made = Slug.make(from: titel)
        if made.hasPrefix(prefix) { return made }
        return made.isEmpty ? "" : prefix + "-" + made
    }

    private static func day(_ written: String) throws(InvalidValue) -> CalendarDate {
        do throws(CalendarDate.ParseError) {
            return try CalendarDate.parse(written, allowMonth: false)
        } catch {
            let hint = YAMLReader.dateHint(written, allowMonth: false)
            let more: Message.Argument = hint.code == .didYouMean ? .phrase(Message(.suffixHint, ["hint": .phrase(hint)])) : ""
            throw InvalidValue(message: Message(.newOptionNotADate, ["option": "--datum", "value": .value(written), "more": more]))
        }
    }

    private static func allowed<E: RawRepresentable & CaseIterable>(_ value: String, option: String, _ type: E.Type) throws(InvalidValue) -> String
    where E.RawValue == String {
        if E(rawValue: value) != nil { return value }
        let all = E.allCases.map(\.rawValue)
        let hint = Message.suggestion(for: value, in: all) ?? Message(.hintAllowedValues, ["values": .value(all.joined(separator: ", "))])
        throw InvalidValue(message: Message(.newOptionNotAllowed, ["option": .value(option), "value": .value(value), "hint": .phrase(hint)]))
    }
}
