import Foundation

/// `daten/catalog.ttl`: the open data described in DCAT-AP.de 2.0, the
/// form GovData and the Länder portals harvest. A `dcat:Catalog` with a
/// `dcat:Dataset` per table and a `dcat:Distribution` per file; licence
/// and file types from the vocabularies the profile requires, dates from
/// the content. Made from the model and the same dataset list as the
/// page, so catalogue, page and files cannot disagree.
enum DCATCatalog {
    static let path = OpenData.folder + "catalog.ttl"

    static let prefixes = [
        ("dcat", "http://www.w3.org/ns/dcat#"), ("dcatde", "http://dcat-ap.de/def/dcatde/"), ("dct", "http://purl.org/dc/terms/"),
        ("foaf", "http://xmlns.com/foaf/0.1/"), ("vcard", "http://www.w3.org/2006/vcard/ns#"), ("xsd", "http://www.w3.org/2001/XMLSchema#"),
    ]
    static let theme = "http://publications.europa.eu/resource/authority/data-theme/"
    static let fileType = "http://publications.europa.eu/resource/authority/file-type/"
    static let mediaTypes = "https://www.iana.org/assignments/media-types/"
    /// Formats named by their code in the EU's file-type vocabulary. The
    /// calendar has only its media type (`text/calendar`), which is
    /// certain; `dct:format` is recommended, not required.
    static let fileTypes: Set<String> = ["CSV", "JSON", "GEOJSON"]
    static let language = "http://publications.europa.eu/resource/authority/language/"
    static let licences = "http://dcat-ap.de/def/licenses/"
    static let geocodingBase = "http://dcat-ap.de/def/politicalGeocoding/"

    /// What a table is about beyond its title: the EU data themes
    /// (GOVE government, REGI regions and cities, TECH science and
    /// technology) and keywords for a portal's search.
    static let subjects: [String: (themes: [String], keywords: [String])] = [
        "kommunen": (["GOVE", "REGI"], ["Kommunen", "Gemeinden", "Landkreise", "Einwohner", "Gemeindeschlüssel", "Geodaten"]),
        "projekte": (["GOVE", "TECH"], ["Digitalisierung", "Projekte", "Kommunen", "Verwaltung"]),
        "handlungsfelder": (["GOVE", "TECH"], ["Digitalisierung", "Handlungsfelder"]),
        "kaffeerunden": (["GOVE", "TECH"], ["Digitale Kaffeerunde", "Veranstaltungen", "Digitalisierung", "Erfahrungsaustausch"]),
        "meldungen": (["GOVE", "TECH"], ["Meldungen", "Digitalisierung", "Kommunen"]),
    ]

    static func turtle(_ datasets: [OpenData.Dataset], model: SiteModel) -> [UInt8] {
        let settings = model.settings
        let base = settings.baseURL
        let node = { (fragment: String) in Turtle.Term.iri(base + path + "#" + fragment) }
        let publisher = node("herausgeber"), contact = node("kontakt")
        let lizenz = Turtle.Term.iri(licences + settings.datenLizenz.rawValue)
        let de = settings.sprache.lowercased().hasPrefix("de")
        let sprache: [Turtle.Term] = de ? [.iri(language + "DEU")] : []
        let text = { (value: String) in Turtle.Term.text(value, language: de ? "de" : nil) }
        let modified = self.modified(model)
        let geocoding = self.geocoding(model)

        var ttl = Turtle(prefixes: prefixes)
        let catalogModified = datasets.compactMap { modified[$0.name] }.max()
        ttl.subject(
            node("katalog"),
            [
                ("a", [.name("dcat:Catalog")]),
                ("dct:title", [text("Offene Daten: " + settings.titel)]),
                ("dct:description", [text(settings.beschreibung ?? "Die offenen Daten der Website \(settings.titel).")]),
                ("dct:publisher", [publisher]), ("foaf:homepage", [.iri(base)]), ("dct:language", sprache),
                ("dct:license", [lizenz]), ("dct:modified", catalogModified.map { [date($0)] } ?? []),
                ("dcat:themeTaxonomy", [.iri(String(theme.dropLast()))]),
                ("dcat:dataset", datasets.map { node($0.name) }),
            ])
        let herausgeber = settings.herausgeber?.name ?? settings.titel
        ttl.subject(publisher, [("a", [.name("foaf:Organization")]), ("foaf:name", [text(herausgeber)]), ("foaf:homepage", [.iri(base)])])
        // A contact needs an e-mail address or a web page (GovData's convention K01): the imprint always exists.
        ttl.subject(
            contact,
            [
                ("a", [.name("vcard:Organization")]), ("vcard:fn", [.text(herausgeber)]),
                ("vcard:hasEmail", settings.herausgeber?.email.map { [.iri("mailto:" + $0)] } ?? []),
                ("vcard:hasURL", [.iri(base + ContentKind.seite.pagePath(slug: "impressum"))]),
            ])
        for dataset in datasets {
            let subject = subjects[dataset.name] ?? (["GOVE"], [])
            let id = base + path + "#" + dataset.name
            var statements: [(String, [Turtle.Term])] = [
                ("a", [.name("dcat:Dataset")]),
                ("dct:title", [text(dataset.title)]), ("dct:description", [text(dataset.description)]),
                ("dct:identifier", [.text(id)]),
                ("dct:publisher", [publisher]), ("dcat:contactPoint", [contact]),
                ("dcatde:contributorID", settings.datenContributorID.map { [.iri($0)] } ?? []),
                ("dcat:theme", subject.themes.map { .iri(theme + $0) }),
                ("dcat:keyword", subject.keywords.map(text)),
                ("dcat:landingPage", [.iri(base + OpenData.folder + "#_" + dataset.name)]),
                ("dct:language", sprache),
                ("dct:modified", modified[dataset.name].map { [date($0)] } ?? []),
            ]
            if let geocoding {
                statements += [
                    ("dcatde:politicalGeocodingLevelURI", [.iri(geocoding.level)]),
                    ("dcatde:politicalGeocodingURI", [.iri(geocoding.uri)]),
                ]
            }
            statements.append(("dcat:distribution", dataset.files.map { node(distributionName($0)) }))
            ttl.subject(.iri(id), statements)
            for file in dataset.files {
                let name = String(file.path.dropFirst(OpenData.folder.count))
                ttl.subject(
                    node(distributionName(file)),
                    [
                        ("a", [.name("dcat:Distribution")]),
                        ("dct:title", [text(name)]), ("dct:description", [text("\(dataset.title) als \(file.format)")]),
                        ("dcat:accessURL", [.iri(base + file.path)]), ("dcat:downloadURL", [.iri(base + file.path)]),
                        ("dct:format", fileTypes.contains(file.format.uppercased()) ? [.iri(fileType + file.format.uppercased())] : []),
                        ("dcat:mediaType", [.iri(mediaTypes + file.mediaType)]),
                        ("dct:license", [lizenz]),
                        ("dcat:byteSize", [.typed(String(file.bytes), datatype: "xsd:decimal")]),
                        ("dct:modified", modified[dataset.name].map { [date($0)] } ?? []),
                    ])
            }
        }
        return ttl.bytes
    }

    /// `kommunen-csv`.
    static func distributionName(_ file: OpenData.Distribution) -> String {
        let name = file.path.dropFirst(OpenData.folder.count)
        return name.replacingOccurrences(of: ".", with: "-")
    }

    /// A day as `xsd:date`, a month (`stand: 2020-11`) as `xsd:gYearMonth`.
    static func date(_ d: CalendarDate) -> Turtle.Term {
        .typed(d.description, datatype: d.day == nil ? "xsd:gYearMonth" : "xsd:date")
    }

    /// When each table last changed, by the dates its records carry: the
    /// newest `stand` of a profile, the newest report or news item. Dates
    /// after the build date (announced sessions) do not count: a change
    /// cannot lie in the future. Tables without dates have none.
    static func modified(_ model: SiteModel) -> [String: CalendarDate] {
        let heute = model.heute
        let stand = model.kommunen.compactMap(\.stand).filter { $0 <= heute }.max()
        var result: [String: CalendarDate] = [:]
        result["kommunen"] = stand
        result["projekte"] = stand
        result["kaffeerunden"] = model.kaffeerunden.map(\.datum).filter { $0 <= heute }.max()
        result["meldungen"] = model.meldungen.map(\.datum).filter { $0 <= heute }.max()
        return result
    }

    /// The Land the site belongs to, when all its Kommunen lie in one: as
    /// the IRI of its key in the political-geocoding vocabulary.
    static func geocoding(_ model: SiteModel) -> (uri: String, level: String)? {
        guard let land = model.kommunen.first?.bundesland, model.kommunen.allSatisfy({ $0.bundesland == land }) else { return nil }
        return (geocodingBase + "stateKey/" + land.schluessel, geocodingBase + "Level/state")
    }
}
