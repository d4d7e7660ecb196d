/// JSON Schemas (draft-07, which yaml-language-server supports best) of the
/// front matter of each content kind, of `site.yaml` and of
/// `handlungsfelder.yaml`, so that editors' YAML tooling completes and checks
/// keys while they type. The key lists come from `Keys`, the enums from the
/// model, so a schema cannot drift from what `sitegen build` accepts;
/// `sitegen check` stays the reference for what a schema cannot say
/// (references between files, links, images on disk).
public enum SchemaGenerator {
    public struct SchemaFile: Sendable {
        /// e.g. `kommune.schema.json`
        public var name: String
        public var schema: JSONValue
    }

    /// All schema files, in a fixed order.
    public static func all() -> [SchemaFile] {
        [
            SchemaFile(name: "kommune.schema.json", schema: kommune),
            SchemaFile(name: "kaffeerunde.schema.json", schema: kaffeerunde),
            SchemaFile(name: "meldung.schema.json", schema: meldung),
            SchemaFile(name: "seite.schema.json", schema: seite),
            SchemaFile(name: "site.schema.json", schema: site),
            SchemaFile(name: "handlungsfelder.schema.json", schema: handlungsfelder),
        ]
    }

    /// The schema file name for a kind's front matter.
    public static func fileName(for kind: ContentKind) -> String { kind.rawValue + ".schema.json" }

    // MARK: - Documents

    static var kommune: JSONValue {
        document(
            title: "Profil einer Kommune (kommunen/<slug>.md)",
            description: "Kopf (Front Matter) eines Profils. Mitglied ist, wer `mitglied_seit` hat.",
            body: mapping(
                required: Keys.kommuneRequired, optional: Keys.kommuneOptional,
                properties: [
                    "name": text("Anzeigename, z. B. Bendorf oder Mayen-Koblenz"),
                    "art": oneOf(Art.allCases.map(\.rawValue), "Art der Kommune"),
                    "bundesland": oneOf(Bundesland.allCases.map(\.rawValue), "Bundesland, ausgeschrieben"),
                    "kreis": slug("Slug des Profils des Landkreises, zu dem die Kommune gehört (dieses Profil braucht `art: Landkreis`)"),
                    "ags": .object([
                        ("type", .string("string")),
                        ("pattern", .string("^[0-9]{5}([0-9]{3})?$")),
                        (
                            "description",
                            .string(
                                "Amtlicher Gemeindeschlüssel: 8 Ziffern, beim Landkreis 5; in Anführungszeichen, damit führende Nullen erhalten bleiben, z. B. \"07137203\""
                            )
                        ),
                    ]),
                    "einwohner": wholeNumber("Einwohnerzahl, ganze Zahl ohne Trennzeichen"),
                    "einwohner_stand": .object([
                        ("type", .array([.string("integer"), .string("string")])),
                        ("pattern", .string("^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$")),
                        ("minimum", .integer(1801)),
                        ("description", .string("Jahr (z. B. 2020) oder Datum, auf das sich die Einwohnerzahl bezieht")),
                    ]),
                    "mitglied_seit": date(
                        monthAllowed: true, "Mitglied im Netzwerk seit (JJJJ-MM oder JJJJ-MM-TT); ohne diesen Schlüssel ist die Kommune kein Mitglied"
                    ),
                    "kurzbeschreibung": text(
                        "Ein, zwei Sätze über die Kommune, als Text ohne Markdown; stehen oben im Profil. Ohne diesen Schlüssel steht dort der erste Absatz des Textes"
                    ),
                    "stand": date(
                        monthAllowed: true,
                        "Wann das Profil zuletzt als Ganzes geprüft wurde (JJJJ-MM oder JJJJ-MM-TT); erscheint als „Stand: März 2021“"),
                    "leitung": mapping(
                        required: Keys.leitungRequired, optional: [],
                        properties: [
                            "amt": text("Amt, z. B. Bürgermeister oder Landrätin"),
                            "name": text("Name"),
                        ], description: "Wer die Kommune leitet"),
                    "kontakt": list(
                        of: mapping(
                            required: Keys.kontaktRequired, optional: Keys.kontaktOptional,
                            properties: [
                                "funktion": text("Funktion, z. B. Digitalisierungsbeauftragte"),
                                "name": text("Name"),
                                "seit": date(monthAllowed: true, "In dieser Funktion seit (JJJJ-MM oder JJJJ-MM-TT)"),
                                "email": .object([
                                    ("type", .string("string")), ("pattern", .string("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$")),
                                    ("description", .string("E-Mail-Adresse, z. B. digital@example.de; erscheint als Link")),
                                ]),
                                "telefon": .object([
                                    ("type", .string("string")), ("pattern", .string("^\\+?[0-9][0-9 /-]*$")),
                                    (
                                        "description",
                                        .string(
                                            "Telefonnummer in Anführungszeichen, Ziffern mit Leerzeichen, / oder -, z. B. \"+49 2622 9460\"; erscheint als Link"
                                        )
                                    ),
                                ]),
                            ]), "Ansprechpersonen und -stellen; ohne `name` steht die Funktion für sich"),
                    "website": webAddress("Website der Kommune, mit http:// oder https://"),
                    "koordinaten": .object([
                        ("type", .string("array")),
                        (
                            "items",
                            .array([
                                .object([
                                    ("type", .string("number")), ("minimum", .number(47.2)), ("maximum", .number(55.1)),
                                    ("description", .string("Breite in Grad (WGS 84)")),
                                ]),
                                .object([
                                    ("type", .string("number")), ("minimum", .number(5.8)), ("maximum", .number(15.1)),
                                    ("description", .string("Länge in Grad (WGS 84)")),
                                ]),
                            ])
                        ),
                        ("minItems", .integer(2)),
                        ("maxItems", .integer(2)),
                        ("additionalItems", .bool(false)),
                        ("description", .string("[breite, länge] in Grad, innerhalb Deutschlands, z. B. [50.4297, 7.5703]")),
                    ]),
                    "handlungsfelder": slugList("Schwerpunkte der Kommune: Slugs aus handlungsfelder.yaml"),
                    "projekte": list(
                        of: mapping(
                            required: Keys.projektRequired, optional: Keys.projektOptional,
                            properties: [
                                "titel": text("Titel des Projekts"),
                                "handlungsfeld": slug("Slug eines Handlungsfelds aus handlungsfelder.yaml"),
                                "status": oneOf(ProjektStatus.allCases.map(\.rawValue), "Stand des Projekts"),
                                "jahr": .object([
                                    ("type", .string("integer")), ("minimum", .integer(1900)), ("maximum", .integer(2100)),
                                    ("description", .string("Jahr, z. B. 2021")),
                                ]),
                            ]), "Projekte der Kommune"),
                    "foerderung": list(of: text("Förderprogramm oder regionales Bündnis"), "Förderprogramme und regionale Bündnisse"),
                    "quellen": quellen,
                    "bild": bild,
                    "fruehere_namen": list(
                        of: text("Früherer Name, etwa vor einer Fusion oder Umbenennung"),
                        "Frühere Namen der Kommune; ein Verweis unter einem davon bekommt dieses Profil als Hinweis"),
                    "entwurf": entwurf,
                ]))
    }

    static var kaffeerunde: JSONValue {
        document(
            title: "Bericht über eine Kaffeerunde (kaffeerunden/<slug>.md)",
            description: "Kopf (Front Matter) eines Berichts über eine Sitzung der Digitalen Kaffeerunde.",
            body: mapping(
                required: Keys.kaffeerundeRequired, optional: Keys.kaffeerundeOptional,
                properties: [
                    "titel": text("Titel des Berichts"),
                    "datum": date(monthAllowed: false, "Tag der Sitzung (JJJJ-MM-TT)"),
                    "reihe": text("Veranstaltungsreihe; Standard: Digitale Kaffeerunde"),
                    "teilnehmende": wholeNumber("Zahl der Teilnehmenden"),
                    "impulse": list(
                        of: mapping(
                            required: Keys.impulsRequired, optional: Keys.impulsOptional,
                            properties: [
                                "name": text("Name der oder des Vortragenden"),
                                "funktion": text("Funktion, z. B. Digitalisierungsbeauftragte"),
                                "kommune": slug("Slug des Profils der Kommune, aus der die Person kommt"),
                                "thema": text("Thema des Impulses"),
                            ]), "Impulsvorträge"),
                    "handlungsfelder": slugList("Slugs aus handlungsfelder.yaml"),
                    "kommunen": slugList("Slugs weiterer Profile, um die es im Bericht geht"),
                    "bild": bild,
                    "quellen": quellen,
                    "beginn": clockTime("Beginn der Sitzung (deutsche Zeit, HH:MM), z. B. 10:00"),
                    "ende": clockTime("Ende der Sitzung (HH:MM), nach dem Beginn; nur mit beginn"),
                    "anmeldung": webAddress("Adresse der Anmeldung zu einer angekündigten Sitzung"),
                    "entwurf": entwurf,
                ]))
    }

    static var meldung: JSONValue {
        document(
            title: "Meldung (meldungen/<slug>.md)",
            description: "Kopf (Front Matter) einer Meldung.",
            body: mapping(
                required: Keys.meldungRequired, optional: Keys.meldungOptional,
                properties: [
                    "titel": text("Titel der Meldung"),
                    "datum": date(monthAllowed: false, "Datum der Meldung (JJJJ-MM-TT)"),
                    "kommunen": slugList("Slugs der Profile, um die es geht"),
                    "handlungsfelder": slugList("Slugs aus handlungsfelder.yaml"),
                    "quellen": quellen,
                    "bild": bild,
                    "entwurf": entwurf,
                ]))
    }

    static var seite: JSONValue {
        document(
            title: "Freie Seite (seiten/<slug>.md)",
            description: "Kopf (Front Matter) einer freien Seite wie impressum, datenschutz oder barrierefreiheit.",
            body: mapping(
                required: Keys.seiteRequired, optional: Keys.seiteOptional,
                properties: [
                    "titel": text("Titel der Seite"),
                    "menue": .object([("type", .string("integer")), ("description", .string("Position im Fußzeilenmenü: 1 steht vor 2"))]),
                    "entwurf": entwurf,
                ]))
    }

    static var site: JSONValue {
        document(
            title: "Einstellungen der Website (content/site.yaml)",
            description: "Titel, Adresse und Herausgeber der Website.",
            body: mapping(
                required: Keys.siteRequired, optional: Keys.siteOptional,
                properties: [
                    "titel": text("Titel der Website"),
                    "beschreibung": text("Ein Satz über die Website; Meta-Beschreibung und Untertitel des Feeds"),
                    "base_url": webAddress("Vollständige Adresse, unter der die Website veröffentlicht wird, z. B. https://example.org/netzwerk/"),
                    "sprache": .object([
                        ("type", .string("string")), ("pattern", .string("^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")),
                        ("description", .string("Sprach-Tag nach BCP 47; Standard: de")),
                    ]),
                    "herausgeber": mapping(
                        required: Keys.herausgeberRequired, optional: Keys.herausgeberOptional,
                        properties: [
                            "name": text("Name des Herausgebers"),
                            "anschrift": text("Postanschrift"),
                            "email": text("E-Mail-Adresse"),
                            "telefon": text("Telefonnummer, in Anführungszeichen, z. B. \"+49 261 000000\""),
                        ], description: "Wer die Website herausgibt; für Impressum und Feed"),
                    "markdown": mapping(
                        required: [], optional: Keys.markdownOptional,
                        properties: [
                            "html": .object([
                                ("type", .string("boolean")),
                                (
                                    "description",
                                    .string(
                                        "false (Standard): HTML im Markdown wird nicht ausgegeben; true: erlaubtes HTML wird ausgegeben, alles andere entfernt (siehe docs/content-format.md, „HTML im Text“)"
                                    )
                                ),
                            ])
                        ], description: "Wie Markdown gelesen wird"),
                    "daten": mapping(
                        required: [], optional: Keys.datenOptional,
                        properties: [
                            "lizenz": oneOf(
                                DatenLizenz.allCases.map(\.rawValue),
                                "Lizenz der offenen Daten unter daten/, aus dem Lizenz-Vokabular von DCAT-AP.de; Standard: dl-by-de/2.0 (Datenlizenz Deutschland – Namensnennung – Version 2.0)"
                            ),
                            "contributor_id": .object([
                                ("type", .string("string")),
                                ("pattern", .string("^((https?://dcat-ap\\.de/def/contributors/)?[A-Za-z][A-Za-z0-9]*)$")),
                                (
                                    "description",
                                    .string(
                                        "Kennung des Herausgebers bei GovData (dcatde:contributorID im Katalog daten/catalog.ttl), z. B. bundesamtFuerStatistik"
                                    )
                                ),
                            ]),
                        ], description: "Die offenen Daten unter daten/ (CSV, JSON, GeoJSON, Katalog nach DCAT-AP.de)"),
                ]))
    }

    static var handlungsfelder: JSONValue {
        document(
            title: "Handlungsfelder (content/handlungsfelder.yaml)",
            description: "Die Themen der Website; jedes bekommt eine eigene Seite.",
            body: list(
                of: mapping(
                    required: Keys.handlungsfeldRequired, optional: Keys.handlungsfeldOptional,
                    properties: [
                        "slug": slug("Slug des Handlungsfelds, z. B. verwaltung"),
                        "name": text("Name, z. B. Digitale Verwaltung"),
                        "beschreibung": text("Kurze Beschreibung"),
                    ]), "Liste der Handlungsfelder"))
    }

    // MARK: - Shared parts

    static let slugPattern = "^[a-z0-9]+(-[a-z0-9]+)*$"
    static let datePattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
    static let monthOrDatePattern = "^[0-9]{4}-[0-9]{2}(-[0-9]{2})?$"

    static var quellen: JSONValue {
        list(
            of: mapping(
                required: Keys.quelleRequired, optional: Keys.quelleOptional,
                properties: [
                    "titel": text("Titel der Quelle"),
                    "url": webAddress("Adresse der Quelle, mit http:// oder https://"),
                    "datum": date(monthAllowed: true, "Datum der Quelle (JJJJ-MM-TT)"),
                ]), "Quellen der Angaben auf der Seite")
    }

    static var bild: JSONValue {
        var schema = mapping(
            required: Keys.bildRequired, optional: Keys.bildOptional,
            properties: [
                "datei": .object([
                    ("type", .string("string")), ("minLength", .integer(1)),
                    ("description", .string("Pfad unterhalb von content/medien/; die Datei muss existieren")),
                ]),
                "alt": text("Alternativtext: was auf dem Bild zu sehen ist"),
                "dekorativ": .object([
                    ("type", .string("boolean")),
                    ("description", .string("true, wenn das Bild nur schmückt; dann darf `alt` fehlen")),
                ]),
                "credit": text("Bildnachweis: Urheber oder Quelle"),
                "download": .object([
                    ("type", .string("boolean")),
                    ("description", .string("true: unter dem Bild ein Link auf das Original in voller Größe, ohne Metadaten")),
                ]),
            ], description: "Bild der Seite")
        // `alt` is required unless `dekorativ: true`.
        guard case .object(var members) = schema else { return schema }
        members.append(
            (
                "if",
                .object([
                    (
                        "not",
                        .object([
                            ("properties", .object([("dekorativ", .object([("const", .bool(true))]))])),
                            ("required", .array([.string("dekorativ")])),
                        ])
                    )
                ])
            ))
        members.append(("then", .object([("required", .array([.string("alt")]))])))
        schema = .object(members)
        return schema
    }

    static let entwurf: JSONValue = .object([
        ("type", .string("boolean")),
        ("description", .string("true: Entwurf; erscheint nur, wenn mit --drafts gebaut wird")),
    ])

    // MARK: - Building blocks

    static func document(title: String, description: String, body: JSONValue) -> JSONValue {
        guard case .object(let members) = body else { return body }
        return .object(
            [
                ("$schema", .string("http://json-schema.org/draft-07/schema#")),
                ("title", .string(title)),
                ("description", .string(description)),
            ] + members.filter { $0.0 != "description" })
    }

    /// An object with exactly these keys, in the order of the key lists.
    /// A key without an entry in `properties` is left out, which the schema
    /// tests catch.
    static func mapping(required: [String], optional: [String], properties: [String: JSONValue], description: String = "") -> JSONValue {
        var members: [(String, JSONValue)] = [("type", .string("object"))]
        if !description.isEmpty { members.append(("description", .string(description))) }
        members.append(("properties", .object((required + optional).compactMap { key in properties[key].map { (key, $0) } })))
        if !required.isEmpty { members.append(("required", .array(required.map(JSONValue.string)))) }
        members.append(("additionalProperties", .bool(false)))
        return .object(members)
    }

    static func text(_ description: String) -> JSONValue {
        .object([("type", .string("string")), ("minLength", .integer(1)), ("description", .string(description))])
    }

    static func oneOf(_ values: [String], _ description: String) -> JSONValue {
        .object([("type", .string("string")), ("enum", .array(values.map(JSONValue.string))), ("description", .string(description))])
    }

    static func slug(_ description: String) -> JSONValue {
        .object([("type", .string("string")), ("pattern", .string(slugPattern)), ("description", .string(description))])
    }

    static func slugList(_ description: String) -> JSONValue {
        .object([
            ("type", .string("array")), ("items", .object([("type", .string("string")), ("pattern", .string(slugPattern))])),
            ("uniqueItems", .bool(true)), ("description", .string(description)),
        ])
    }

    static func list(of item: JSONValue, _ description: String) -> JSONValue {
        .object([("type", .string("array")), ("description", .string(description)), ("items", item)])
    }

    static func date(monthAllowed: Bool, _ description: String) -> JSONValue {
        .object([
            ("type", .string("string")), ("pattern", .string(monthAllowed ? monthOrDatePattern : datePattern)),
            ("description", .string(description)),
        ])
    }

    /// `10:00`; YAML 1.1 would read it as a number in base 60, the content format as text.
    static func clockTime(_ description: String) -> JSONValue {
        .object([("type", .string("string")), ("pattern", .string("^([01]?[0-9]|2[0-3]):[0-5][0-9]$")), ("description", .string(description))])
    }

    static func wholeNumber(_ description: String) -> JSONValue {
        .object([("type", .string("integer")), ("minimum", .integer(0)), ("description", .string(description))])
    }

    static func webAddress(_ description: String) -> JSONValue {
        .object([("type", .string("string")), ("pattern", .string("^https?://[^\\s/]+\\.[^\\s]*$")), ("description", .string(description))])
    }
}
