/// How decoded pages are written to and read from the build cache. Every
/// stored field is listed here; a field added to a page type must be added
/// here too, and `BuildIdentity.cacheFormat` raised (the round-trip test fails
/// otherwise).
extension BinaryWriter {
    mutating func location(_ l: SourceLocation) {
        string(l.path)
        int(l.line)
        int(l.column)
    }

    mutating func date(_ d: CalendarDate) {
        int(d.year)
        int(d.month)
        optional(d.day) { $0.int($1) }
    }

    mutating func reference(_ r: Reference) {
        string(r.slug)
        location(r.location)
        optional(r.notASlug) { w, written in
            w.string(written.key)
            w.string(written.text)
        }
    }

    mutating func bild(_ b: Bild) {
        string(b.datei)
        location(b.dateiLocation)
        string(b.alt)
        string(b.credit)
        bool(b.download)
    }

    mutating func quelle(_ q: Quelle) {
        string(q.titel)
        optional(q.url) { $0.string($1) }
        optional(q.datum) { $0.date($1) }
    }

    mutating func body(_ b: RenderedBody) {
        b.lazyHTML.write(to: &self)
        array(b.headings) { w, h in
            w.int(h.level)
            w.string(h.text)
            w.string(h.id)
        }
        array(b.links) { w, link in
            switch link.target {
            case .page(let path, let fragment):
                w.int(0)
                w.string(path)
                w.optional(fragment) { $0.string($1) }
            case .anchor(let fragment):
                w.int(1)
                w.string(fragment)
            case .media(let path):
                w.int(2)
                w.string(path)
            case .image(let path):
                w.int(3)
                w.string(path)
            case .notContent(let path, let url):
                w.int(4)
                w.string(path)
                w.string(url)
            }
            w.location(link.location)
        }
    }

    mutating func page(_ p: PageSource) {
        string(p.slug)
        string(p.contentPath)
        location(p.location)
        bool(p.entwurf)
        body(p.body)
        bool(p.complete)
    }

    mutating func diagnostics(_ d: Diagnostics) {
        array(d.all) { w, diagnostic in
            w.bool(diagnostic.severity == .error)
            w.location(diagnostic.location)
            w.message(diagnostic.text)
            w.optional(diagnostic.hintText) { $0.message($1) }
        }
    }

    mutating func decoded(_ d: PageDecoder.Decoded) {
        switch d {
        case .kommune(let k):
            int(0)
            page(k.page)
            string(k.name)
            string(k.art.rawValue)
            string(k.bundesland.rawValue)
            optional(k.kreis) { $0.reference($1) }
            optional(k.ags) { $0.string($1) }
            optional(k.einwohner) { $0.int($1) }
            optional(k.einwohnerStand) { $0.string($1) }
            optional(k.mitgliedSeit) { $0.date($1) }
            optional(k.kurzbeschreibung) { $0.string($1) }
            optional(k.stand) { $0.date($1) }
            optional(k.leitung) { w, l in
                w.string(l.amt)
                w.string(l.name)
            }
            array(k.kontakt) { w, c in
                w.string(c.funktion)
                w.optional(c.name) { $0.string($1) }
                w.optional(c.seit) { $0.date($1) }
                w.optional(c.email) { $0.string($1) }
                w.optional(c.telefon) { $0.string($1) }
            }
            optional(k.website) { $0.string($1) }
            optional(k.koordinaten) { w, c in
                w.word(c.breite.bitPattern)
                w.word(c.laenge.bitPattern)
            }
            array(k.handlungsfelder) { $0.reference($1) }
            array(k.projekte) { w, p in
                w.string(p.titel)
                w.reference(p.handlungsfeld)
                w.string(p.status.rawValue)
                w.optional(p.jahr) { $0.int($1) }
            }
            array(k.foerderung) { $0.string($1) }
            array(k.quellen) { $0.quelle($1) }
            optional(k.bild) { $0.bild($1) }
            array(k.fruehereNamen) { $0.string($1) }
        case .kaffeerunde(let r):
            int(1)
            page(r.page)
            string(r.titel)
            date(r.datum)
            string(r.reihe)
            optional(r.teilnehmende) { $0.int($1) }
            array(r.impulse) { w, i in
                w.string(i.name)
                w.optional(i.funktion) { $0.string($1) }
                w.optional(i.kommune) { $0.reference($1) }
                w.optional(i.thema) { $0.string($1) }
            }
            array(r.handlungsfelder) { $0.reference($1) }
            array(r.kommunen) { $0.reference($1) }
            optional(r.bild) { $0.bild($1) }
            array(r.quellen) { $0.quelle($1) }
            optional(r.beginn) { $0.int($1.hour * 60 + $1.minute) }
            optional(r.ende) { $0.int($1.hour * 60 + $1.minute) }
            optional(r.anmeldung) { $0.string($1) }
        case .meldung(let m):
            int(2)
            page(m.page)
            string(m.titel)
            date(m.datum)
            array(m.kommunen) { $0.reference($1) }
            array(m.handlungsfelder) { $0.reference($1) }
            optional(m.bild) { $0.bild($1) }
            array(m.quellen) { $0.quelle($1) }
        case .seite(let s):
            int(3)
            page(s.page)
            string(s.titel)
            optional(s.menue) { $0.int($1) }
        }
    }
}

extension BinaryReader {
    mutating func location() throws -> SourceLocation {
        SourceLocation(path: try path(), line: try int(), column: try int())
    }

    /// Minutes since midnight, as written.
    mutating func clockTime() throws -> ClockTime {
        let minutes = try int()
        guard (0..<24 * 60).contains(minutes) else { throw Malformed() }
        return ClockTime(hour: minutes / 60, minute: minutes % 60)
    }

    mutating func date() throws -> CalendarDate {
        CalendarDate(year: try int(), month: try int(), day: try optional { try $0.int() })
    }

    mutating func reference() throws -> Reference {
        Reference(
            slug: try string(), location: try location(),
            notASlug: try optional { Reference.Written(key: try $0.string(), text: try $0.string()) })
    }

    mutating func bild() throws -> Bild {
        Bild(datei: try string(), dateiLocation: try location(), alt: try string(), credit: try string(), download: try bool())
    }

    mutating func quelle() throws -> Quelle {
        Quelle(titel: try string(), url: try optional { try $0.string() }, datum: try optional { try $0.date() })
    }

    mutating func body() throws -> RenderedBody {
        // From a mapped cache file the HTML stays where it is until a page needs it.
        let html = try owner.map { LazyHTML(stored: StoredBytes(file: $0, range: try span())) } ?? LazyHTML(try string())
        let headings = try array { r in
            RenderedBody.Heading(level: try r.int(), text: try r.string(), id: try r.string())
        }
        let links = try array { r -> RenderedBody.Link in
            let target: RenderedBody.Link.Target
            switch try r.int() {
            case 0: target = .page(path: try r.string(), fragment: try r.optional { try $0.string() })
            case 1: target = .anchor(try r.string())
            case 2: target = .media(path: try r.string())
            case 3: target = .image(path: try r.string())
            case 4: target = .notContent(path: try r.string(), url: try r.string())
            default: throw Malformed()
            }
            return RenderedBody.Link(target: target, location: try r.location())
        }
        return RenderedBody(html: html, headings: headings, links: links)
    }

    mutating func page() throws -> PageSource {
        PageSource(
            slug: try string(), contentPath: try string(), location: try location(), entwurf: try bool(),
            body: try body(), complete: try bool())
    }

    mutating func diagnostics() throws -> Diagnostics {
        var result = Diagnostics()
        for _ in 0..<(try int()) {
            let isError = try bool()
            let location = try location(), message = try message(), hint = try optional { try $0.message() }
            if isError { result.error(location, message, hint: hint) } else { result.warning(location, message, hint: hint) }
        }
        return result
    }

    mutating func oneOf<T: RawRepresentable>(_: T.Type) throws -> T where T.RawValue == String {
        guard let value = T(rawValue: try string()) else { throw Malformed() }
        return value
    }

    mutating func decoded() throws -> PageDecoder.Decoded {
        switch try int() {
        case 0:
            return .kommune(
                Kommune(
                    page: try page(), name: try string(), art: try oneOf(Art.self), bundesland: try oneOf(Bundesland.self),
                    kreis: try optional { try $0.reference() }, ags: try optional { try $0.string() },
                    einwohner: try optional { try $0.int() }, einwohnerStand: try optional { try $0.string() },
                    mitgliedSeit: try optional { try $0.date() },
                    kurzbeschreibung: try optional { try $0.string() }, stand: try optional { try $0.date() },
                    leitung: try optional { Kommune.Leitung(amt: try $0.string(), name: try $0.string()) },
                    kontakt: try array { r in
                        Kommune.Kontakt(
                            funktion: try r.string(), name: try r.optional { try $0.string() },
                            seit: try r.optional { try $0.date() }, email: try r.optional { try $0.string() },
                            telefon: try r.optional { try $0.string() })
                    },
                    website: try optional { try $0.string() },
                    koordinaten: try optional { r in
                        (breite: Double(bitPattern: try r.word()), laenge: Double(bitPattern: try r.word()))
                    },
                    handlungsfelder: try array { try $0.reference() },
                    projekte: try array { r in
                        Kommune.Projekt(
                            titel: try r.string(), handlungsfeld: try r.reference(),
                            status: try r.oneOf(ProjektStatus.self), jahr: try r.optional { try $0.int() })
                    },
                    foerderung: try array { try $0.string() },
                    quellen: try array { try $0.quelle() },
                    bild: try optional { try $0.bild() },
                    fruehereNamen: try array { try $0.string() }))
        case 1:
            return .kaffeerunde(
                Kaffeerunde(
                    page: try page(), titel: try string(), datum: try date(), reihe: try string(),
                    teilnehmende: try optional { try $0.int() },
                    impulse: try array { r in
                        Kaffeerunde.Impuls(
                            name: try r.string(), funktion: try r.optional { try $0.string() },
                            kommune: try r.optional { try $0.reference() },
                            thema: try r.optional { try $0.string() })
                    },
                    handlungsfelder: try array { try $0.reference() }, kommunen: try array { try $0.reference() },
                    bild: try optional { try $0.bild() }, quellen: try array { try $0.quelle() },
                    beginn: try optional { try $0.clockTime() }, ende: try optional { try $0.clockTime() },
                    anmeldung: try optional { try $0.string() }))
        case 2:
            return .meldung(
                Meldung(
                    page: try page(), titel: try string(), datum: try date(),
                    kommunen: try array { try $0.reference() }, handlungsfelder: try array { try $0.reference() },
                    bild: try optional { try $0.bild() }, quellen: try array { try $0.quelle() }))
        case 3:
            return .seite(Seite(page: try page(), titel: try string(), menue: try optional { try $0.int() }))
        default:
            throw Malformed()
        }
    }
}
