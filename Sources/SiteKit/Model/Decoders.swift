import FrontMatterYAML

/// Front matter keys of each kind, in the order the content format lists them.
/// The JSON schemas and `sitegen new` use the same lists.
enum Keys {
    static let kommuneRequired = ["name", "art", "bundesland"]
    static let kommuneOptional = [
        "kreis", "ags", "einwohner", "einwohner_stand", "mitglied_seit", "kurzbeschreibung", "stand",
        "leitung", "kontakt",
        "website", "koordinaten", "handlungsfelder", "projekte", "foerderung", "quellen", "bild", "fruehere_namen", "entwurf",
    ]
    static let kaffeerundeRequired = ["titel", "datum"]
    static let kaffeerundeOptional = [
        "reihe", "teilnehmende", "impulse", "handlungsfelder", "kommunen", "bild", "quellen", "beginn", "ende", "anmeldung", "entwurf",
    ]
    static let meldungRequired = ["titel", "datum"]
    static let meldungOptional = ["kommunen", "handlungsfelder", "quellen", "bild", "entwurf"]
    static let seiteRequired = ["titel"]
    static let seiteOptional = ["menue", "entwurf"]
    static let siteRequired = ["titel", "base_url"]
    static let siteOptional = ["beschreibung", "sprache", "herausgeber", "markdown", "daten"]

    // Nested mappings and the entries of handlungsfelder.yaml.
    static let leitungRequired = ["amt", "name"]
    static let kontaktRequired = ["funktion"]
    static let kontaktOptional = ["name", "seit", "email", "telefon"]
    static let projektRequired = ["titel", "handlungsfeld", "status"]
    static let projektOptional = ["jahr"]
    static let impulsRequired = ["name"]
    static let impulsOptional = ["funktion", "kommune", "thema"]
    static let quelleRequired = ["titel"]
    static let quelleOptional = ["url", "datum"]
    static let bildRequired = ["datei", "credit"]
    static let bildOptional = ["alt", "dekorativ", "download"]
    static let herausgeberRequired = ["name"]
    static let herausgeberOptional = ["anschrift", "email", "telefon"]
    static let markdownOptional = ["html"]
    static let datenOptional = ["lizenz", "contributor_id"]
    static let handlungsfeldRequired = ["slug", "name"]
    static let handlungsfeldOptional = ["beschreibung"]
}

/// Reads one Markdown file of a known kind into its typed model. Problems go
/// to `diagnostics`; a file with errors still yields as much as could be read
/// so that later checks (links, references) report their problems too.
struct PageDecoder {
    let file: InputFile
    let kind: ContentKind
    let slug: String
    let displayPath: String
    let allowHTML: Bool
    var diagnostics = Diagnostics()

    enum Decoded {
        case kommune(Kommune)
        case kaffeerunde(Kaffeerunde)
        case meldung(Meldung)
        case seite(Seite)

        var page: PageSource {
            switch self {
            case .kommune(let k): return k.page
            case .kaffeerunde(let r): return r.page
            case .meldung(let m): return m.page
            case .seite(let s): return s.page
            }
        }
    }

    mutating func decode() -> Decoded? {
        let start = SourceLocation(path: displayPath)
        let text: String
        do {
            text = try SourceText(bytes: file.bytes).text
        } catch {
            if case .invalidUTF8(let line, let column) = error {
                diagnostics.error(start, .notUTF8, ["line": .number(line), "column": .number(column)], hint: Message(.hintSaveAsUTF8))
            }
            return nil
        }
        let split: FrontMatterSplit
        do {
            split = try FrontMatterSplit.split(text)
        } catch .noOpening {
            diagnostics.error(start, .noFrontMatter, hint: Message(.hintAddFrontMatter))
            return nil
        } catch {
            diagnostics.error(start, .frontMatterNotClosed, hint: Message(.hintCloseFrontMatter))
            return nil
        }

        var yaml = YAMLReader(path: displayPath, firstLine: split.yamlFirstLine)
        let root = split.yaml.allSatisfy(\.isWhitespace) ? nil : yaml.compose(split.yaml)
        let hadSyntaxError = yaml.diagnostics.hasErrors
        let body = MarkdownBody(
            contentPath: file.path, displayPath: displayPath, firstLine: split.bodyFirstLine,
            pagePath: kind.pagePath(slug: slug), allowHTML: allowHTML
        ).render(split.body, diagnostics: &diagnostics)
        reportPlaceholder(in: split.body, firstLine: split.bodyFirstLine)
        if hadSyntaxError {
            diagnostics.append(contentsOf: yaml.diagnostics)
            body.reportLinksLeftToTheSite(into: &diagnostics)
            return nil
        }

        let required: [String], optional: [String]
        switch kind {
        case .kommune: (required, optional) = (Keys.kommuneRequired, Keys.kommuneOptional)
        case .kaffeerunde: (required, optional) = (Keys.kaffeerundeRequired, Keys.kaffeerundeOptional)
        case .meldung: (required, optional) = (Keys.meldungRequired, Keys.meldungOptional)
        case .seite: (required, optional) = (Keys.seiteRequired, Keys.seiteOptional)
        }
        let what: Message
        switch kind {
        case .kommune: what = Message(.placeFrontMatterKommune)
        case .kaffeerunde: what = Message(.placeFrontMatterKaffeerunde)
        case .meldung: what = Message(.placeFrontMatterMeldung)
        case .seite: what = Message(.placeFrontMatterSeite)
        }
        let fields = yaml.fields(root, what: what, required: required, optional: optional, missingAt: start)
        defer { diagnostics.append(contentsOf: yaml.diagnostics) }
        guard let f = fields else {
            body.reportLinksLeftToTheSite(into: &diagnostics)
            return nil
        }

        let entwurf = yaml.flag(f["entwurf"], key: "entwurf") ?? false
        func page(complete: Bool) -> PageSource {
            PageSource(slug: slug, contentPath: file.path, location: start, entwurf: entwurf, body: body, complete: complete)
        }

        switch kind {
        case .kommune:
            let name = yaml.title(f["name"], key: "name")
            let art = yaml.oneOf(f["art"], key: "art", Art.self)
            let land = yaml.oneOf(f["bundesland"], key: "bundesland", Bundesland.self)
            return .kommune(
                Kommune(
                    page: page(complete: name != nil && art != nil && land != nil), name: name ?? slug, art: art ?? .gemeinde,
                    bundesland: land ?? .rheinlandPfalz,
                    kreis: yaml.documentReference(f["kreis"], key: "kreis"),
                    ags: ags(f["ags"], art: art, yaml: &yaml),
                    einwohner: yaml.wholeNumber(f["einwohner"], key: "einwohner"),
                    einwohnerStand: einwohnerStand(f["einwohner_stand"], yaml: &yaml),
                    mitgliedSeit: yaml.date(f["mitglied_seit"], key: "mitglied_seit", allowMonth: true),
                    kurzbeschreibung: yaml.text(f["kurzbeschreibung"], key: "kurzbeschreibung"),
                    stand: yaml.date(f["stand"], key: "stand", allowMonth: true),
                    leitung: leitung(f["leitung"], yaml: &yaml),
                    kontakt: yaml.list(f["kontakt"], key: "kontakt").compactMap { kontakt($0, yaml: &yaml) },
                    website: yaml.webAddress(f["website"], key: "website"),
                    koordinaten: koordinaten(f["koordinaten"], yaml: &yaml),
                    handlungsfelder: yaml.slugList(f["handlungsfelder"], key: "handlungsfelder"),
                    projekte: yaml.list(f["projekte"], key: "projekte").compactMap { projekt($0, yaml: &yaml) },
                    foerderung: yaml.textList(f["foerderung"], key: "foerderung"),
                    quellen: quellen(f["quellen"], yaml: &yaml),
                    bild: bild(f["bild"], yaml: &yaml),
                    fruehereNamen: yaml.textList(f["fruehere_namen"], key: "fruehere_namen")))
        case .kaffeerunde:
            let titel = yaml.title(f["titel"], key: "titel")
            let datum = yaml.date(f["datum"], key: "datum")
            let zeiten = sessionTimes(beginn: f["beginn"], ende: f["ende"], yaml: &yaml)
            return .kaffeerunde(
                Kaffeerunde(
                    page: page(complete: titel != nil && datum != nil), titel: titel ?? slug,
                    datum: datum ?? CalendarDate(year: 1970, month: 1, day: 1),
                    reihe: yaml.text(f["reihe"], key: "reihe") ?? "Digitale Kaffeerunde",
                    teilnehmende: yaml.wholeNumber(f["teilnehmende"], key: "teilnehmende"),
                    impulse: yaml.list(f["impulse"], key: "impulse").compactMap { impuls($0, yaml: &yaml) },
                    handlungsfelder: yaml.slugList(f["handlungsfelder"], key: "handlungsfelder"),
                    kommunen: yaml.slugList(f["kommunen"], key: "kommunen"),
                    bild: bild(f["bild"], yaml: &yaml),
                    quellen: quellen(f["quellen"], yaml: &yaml),
                    beginn: zeiten.beginn, ende: zeiten.ende,
                    anmeldung: yaml.webAddress(f["anmeldung"], key: "anmeldung")))
        case .meldung:
            let titel = yaml.title(f["titel"], key: "titel")
            let datum = yaml.date(f["datum"], key: "datum")
            return .meldung(
                Meldung(
                    page: page(complete: titel != nil && datum != nil), titel: titel ?? slug,
                    datum: datum ?? CalendarDate(year: 1970, month: 1, day: 1),
                    kommunen: yaml.slugList(f["kommunen"], key: "kommunen"),
                    handlungsfelder: yaml.slugList(f["handlungsfelder"], key: "handlungsfelder"),
                    bild: bild(f["bild"], yaml: &yaml),
                    quellen: quellen(f["quellen"], yaml: &yaml)))
        case .seite:
            let titel = yaml.title(f["titel"], key: "titel")
            return .seite(
                Seite(
                    page: page(complete: titel != nil), titel: titel ?? slug,
                    menue: yaml.wholeNumber(f["menue"], key: "menue")))
        }
    }

    /// What every placeholder begins with (`Hier steht der `).
    private static let placeholderStart: String = ScaffoldWriter.placeholders.dropFirst().reduce(ScaffoldWriter.placeholders[0]) {
        String($0.prefix(zip($0, $1).prefix { $0 == $1 }.count))
    }

    /// The text `sitegen new` writes in place of the body, still there.
    private mutating func reportPlaceholder(in body: String, firstLine: Int) {
        // The placeholders begin alike: one search for their common start
        // rules out nearly every body, instead of one search per placeholder.
        guard Self.placeholderStart.isEmpty || body.containsBytes(Self.placeholderStart),
            let opening = ScaffoldWriter.placeholders.first(where: { body.containsBytes($0) }),
            let range = body.range(of: opening)
        else { return }
        let before = body[..<range.lowerBound]
        let line = before.reduce(0) { $1 == "\n" ? $0 + 1 : $0 }
        let column = before.count - (before.lastIndex(of: "\n").map { before.distance(from: before.startIndex, to: $0) + 1 } ?? 0) + 1
        // The first sentence, at most the rest of the line.
        let rest = body[range.lowerBound...]
        let lineText = rest[..<(rest.firstIndex(of: "\n") ?? rest.endIndex)]
        let sentence = String(lineText.firstIndex(of: ".").map { lineText[...$0] } ?? lineText)
        diagnostics.warning(
            SourceLocation(path: displayPath, line: firstLine + line, column: column), .placeholderText, ["text": .value(sentence)],
            hint: Message(.hintReplacePlaceholder))
    }

    // MARK: - Nested values

    /// `beginn` and `ende` of a Kaffeerunde: an end needs a beginning, and comes after it.
    private func sessionTimes(beginn: YAMLNode?, ende: YAMLNode?, yaml: inout YAMLReader) -> (beginn: ClockTime?, ende: ClockTime?) {
        let start = yaml.clockTime(beginn, key: "beginn")
        let end = yaml.clockTime(ende, key: "ende")
        if let ende, let end {
            guard let start else {
                if beginn == nil {
                    yaml.diagnostics.error(yaml.location(ende), .endWithoutStart, ["end": "\(end)"], hint: Message(.hintAddStart))
                }
                return (nil, nil)
            }
            guard start < end else {
                yaml.diagnostics.error(
                    yaml.location(ende), .endNotAfterStart, ["end": "\(end)", "start": "\(start)"], hint: Message(.hintEndAfterStart))
                return (start, nil)
            }
        }
        return (start, end)
    }

    private func ags(_ node: YAMLNode?, art: Art?, yaml: inout YAMLReader) -> String? {
        guard let node, let written = yaml.text(node, key: "ags"), let scalar = node.scalar else { return nil }
        let digits = art == .landkreis ? 5 : 8
        guard written.count == digits, written.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            yaml.diagnostics.error(
                yaml.location(node), art == .landkreis ? .agsDigitsLandkreis : .agsDigits, ["value": .value(written), "digits": .number(digits)],
                hint: Message(.hintAGSQuotesExample))
            return nil
        }
        if scalar.style == .plain {
            yaml.diagnostics.error(yaml.location(node), .agsNotQuoted, hint: Message(.hintAGSQuotes, ["value": .value(written)]))
        }
        return written
    }

    private func einwohnerStand(_ node: YAMLNode?, yaml: inout YAMLReader) -> String? {
        guard let node, let written = yaml.text(node, key: "einwohner_stand") else { return nil }
        if written.count == 4, let year = Int(written), year > 1800 { return written }
        guard let date = yaml.date(node, key: "einwohner_stand", allowMonth: true) else { return nil }
        return date.description
    }

    private func leitung(_ node: YAMLNode?, yaml: inout YAMLReader) -> Kommune.Leitung? {
        guard let node else { return nil }
        guard let f = yaml.fields(node, what: Message(.placeLeitung), required: Keys.leitungRequired, optional: []),
            let amt = yaml.text(f["amt"], key: "amt"), let name = yaml.text(f["name"], key: "name")
        else { return nil }
        return .init(amt: amt, name: name)
    }

    private func kontakt(_ node: YAMLNode, yaml: inout YAMLReader) -> Kommune.Kontakt? {
        guard let f = yaml.fields(node, what: Message(.placeKontakt), required: Keys.kontaktRequired, optional: Keys.kontaktOptional),
            let funktion = yaml.text(f["funktion"], key: "funktion")
        else { return nil }
        return .init(
            funktion: funktion, name: yaml.text(f["name"], key: "name"),
            seit: yaml.date(f["seit"], key: "seit", allowMonth: true),
            email: yaml.emailAddress(f["email"], key: "email"), telefon: yaml.telephoneNumber(f["telefon"], key: "telefon"))
    }

    private func koordinaten(_ node: YAMLNode?, yaml: inout YAMLReader) -> (breite: Double, laenge: Double)? {
        guard let node else { return nil }
        let items = yaml.list(node, key: "koordinaten")
        guard items.count == 2 else {
            if node.sequence != nil {
                yaml.diagnostics.error(yaml.location(node), .koordinatenNotTwo, hint: Message(.hintKoordinatenExample))
            }
            return nil
        }
        guard let lat = yaml.number(items[0], key: "koordinaten"), let lon = yaml.number(items[1], key: "koordinaten") else { return nil }
        // Germany's bounding box, with a little margin.
        guard (47.2...55.1).contains(lat), (5.8...15.1).contains(lon) else {
            let swapped = (47.2...55.1).contains(lon) && (5.8...15.1).contains(lat)
            yaml.diagnostics.error(
                yaml.location(node), .koordinatenOutside, ["value": .value("[\(lat), \(lon)]")],
                hint: swapped ? Message(.hintBreiteFirst, ["value": .value("[\(lon), \(lat)]")]) : Message(.hintKoordinatenDegrees))
            return nil
        }
        return (lat, lon)
    }

    private func projekt(_ node: YAMLNode, yaml: inout YAMLReader) -> Kommune.Projekt? {
        guard let f = yaml.fields(node, what: Message(.placeProjekt), required: Keys.projektRequired, optional: Keys.projektOptional) else {
            return nil
        }
        let titel = yaml.text(f["titel"], key: "titel")
        let feld = yaml.documentReference(f["handlungsfeld"], key: "handlungsfeld")
        let status = yaml.oneOf(f["status"], key: "status", ProjektStatus.self)
        let jahr = yaml.wholeNumber(f["jahr"], key: "jahr", range: 1900...2100)
        guard let titel, let feld, let status else { return nil }
        return .init(titel: titel, handlungsfeld: feld, status: status, jahr: jahr)
    }

    private func impuls(_ node: YAMLNode, yaml: inout YAMLReader) -> Kaffeerunde.Impuls? {
        guard let f = yaml.fields(node, what: Message(.placeImpuls), required: Keys.impulsRequired, optional: Keys.impulsOptional),
            let name = yaml.text(f["name"], key: "name")
        else { return nil }
        return .init(
            name: name, funktion: yaml.text(f["funktion"], key: "funktion"),
            kommune: yaml.documentReference(f["kommune"], key: "kommune"), thema: yaml.text(f["thema"], key: "thema"))
    }

    private func quellen(_ node: YAMLNode?, yaml: inout YAMLReader) -> [Quelle] {
        yaml.list(node, key: "quellen").compactMap { item in
            guard let f = yaml.fields(item, what: Message(.placeQuelle), required: Keys.quelleRequired, optional: Keys.quelleOptional),
                let titel = yaml.text(f["titel"], key: "titel")
            else { return nil }
            return Quelle(
                titel: titel, url: yaml.webAddress(f["url"], key: "url"),
                datum: yaml.date(f["datum"], key: "datum", allowMonth: true))
        }
    }

    private func bild(_ node: YAMLNode?, yaml: inout YAMLReader) -> Bild? {
        guard let node else { return nil }
        guard let f = yaml.fields(node, what: Message(.placeBild), required: Keys.bildRequired, optional: Keys.bildOptional),
            let datei = yaml.text(f["datei"], key: "datei"), let credit = yaml.text(f["credit"], key: "credit")
        else { return nil }
        let dekorativ = yaml.flag(f["dekorativ"], key: "dekorativ") ?? false
        let download = yaml.flag(f["download"], key: "download") ?? false
        let alt = yaml.text(f["alt"], key: "alt")
        if alt == nil && !dekorativ && f["alt"] == nil {
            yaml.diagnostics.error(f.location, .bildWithoutAlt, hint: Message(.hintAddAlt))
        }
        if let alt, let altNode = f["alt"], MarkdownBody.isFileName(alt, of: datei) {
            yaml.diagnostics.warning(yaml.location(altNode), .altIsFileName, ["alt": .value(alt)], hint: Message(.hintDescribeInWords))
        }
        var path = datei
        while path.hasPrefix("./") { path.removeFirst(2) }
        if path.hasPrefix("medien/") { path.removeFirst("medien/".count) }
        return Bild(
            datei: path, dateiLocation: yaml.location(f["datei"]!), alt: dekorativ ? "" : (alt ?? ""), credit: credit, download: download)
    }
}
