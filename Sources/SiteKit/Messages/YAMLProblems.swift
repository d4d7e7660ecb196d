/// libyaml's syntax problems in German. libyaml says what went wrong in
/// English, as a context ("while scanning a plain scalar") and a problem
/// ("found unexpected ':'"); a German message gets both from these tables,
/// so an editor never reads an English sentence inside a German one. Text
/// that is in neither table (another libyaml version) stays as it is.
enum YAMLProblems {
    static func german(_ english: String) -> String {
        var rest = Substring(english)
        var parts: [String] = []
        if let (context, german) = contexts.first(where: { rest.hasPrefix($0.0) }) {
            parts.append(german)
            rest = rest.dropFirst(context.count).drop { $0 == " " }
        }
        if let (problem, german) = problems.first(where: { rest.hasPrefix($0.0) }) {
            parts.append(german + rest.dropFirst(problem.count))
        } else if !rest.isEmpty {
            parts.append(String(rest))
        }
        return parts.filter { !$0.isEmpty }.joined(separator: " – ")
    }

    /// Where libyaml was, longest first where one begins another.
    static let contexts: [(String, String)] = [
        ("while parsing a %TAG directive", "in einer %TAG-Direktive"),
        ("while parsing a block collection", "in einer eingerückten Liste oder Zuordnung"),
        ("while parsing a block mapping", "in einer eingerückten Zuordnung (Schlüssel: Wert)"),
        ("while parsing a block node", "in einem eingerückten Wert"),
        ("while parsing a flow mapping", "in einer Zuordnung in geschweiften Klammern"),
        ("while parsing a flow node", "in einem Wert in Klammern"),
        ("while parsing a flow sequence", "in einer Liste in eckigen Klammern"),
        ("while parsing a node", "in einem Wert"),
        ("while parsing a quoted scalar", "in einem Text in Anführungszeichen"),
        ("while parsing a tag directive", "in einer Tag-Direktive"),
        ("while parsing a tag", "in einem Tag"),
        ("while scanning a %TAG directive", "in einer %TAG-Direktive"),
        ("while scanning a %YAML directive", "in einer %YAML-Direktive"),
        ("while scanning a block scalar", "in einem mehrzeiligen Text (| oder >)"),
        ("while scanning a directive", "in einer Direktive"),
        ("while scanning a plain scalar", "in einem Text ohne Anführungszeichen"),
        ("while scanning a quoted scalar", "in einem Text in Anführungszeichen"),
        ("while scanning a simple key", "bei einem Schlüssel"),
        ("while scanning a tag directive", "in einer Tag-Direktive"),
        ("while scanning a tag", "in einem Tag"),
        ("while scanning an alias", "in einem Alias (*)"),
        ("while scanning an anchor", "in einem Anker (&)"),
        // Says nothing an editor could use.
        ("while scanning for the next token", ""),
    ]

    /// What libyaml found; a problem may go on with details (a position), kept as they are.
    static let problems: [(String, String)] = [
        ("block sequence entries are not allowed in this context", "ein Listenpunkt (`- `) ist an dieser Stelle nicht erlaubt"),
        ("control characters are not allowed", "Steuerzeichen sind nicht erlaubt"),
        ("could not find expected ':'", "der erwartete Doppelpunkt (`:`) fehlt"),
        ("could not find expected directive name", "der Name der Direktive fehlt"),
        ("did not find URI escaped octet", "ein Zeichen der Form %XX fehlt"),
        ("did not find expected '!'", "das erwartete `!` fehlt"),
        ("did not find expected ',' or ']'", "das erwartete `,` oder `]` fehlt"),
        ("did not find expected ',' or '}'", "das erwartete `,` oder `}` fehlt"),
        ("did not find expected '-' indicator", "der erwartete Listenpunkt (`- `) fehlt"),
        ("did not find expected <document start>", "der Anfang des Dokuments (`---`) fehlt"),
        ("did not find expected <stream-start>", "der Anfang des Textes fehlt"),
        ("did not find expected alphabetic or numeric character", "ein Buchstabe oder eine Ziffer fehlt"),
        ("did not find expected comment or line break", "erwartet war ein Kommentar oder das Zeilenende"),
        ("did not find expected digit or '.' character", "erwartet war eine Ziffer oder ein Punkt"),
        ("did not find expected hexdecimal number", "erwartet war eine Hexadezimalzahl"),
        ("did not find expected key", "der erwartete Schlüssel fehlt (ist die Einrückung gleich?)"),
        ("did not find expected node content", "der erwartete Wert fehlt"),
        ("did not find expected tag URI", "die Adresse des Tags fehlt"),
        ("did not find expected version number", "die Versionsnummer fehlt"),
        ("did not find expected whitespace or line break", "erwartet war ein Leerzeichen oder das Zeilenende"),
        ("did not find expected whitespace", "erwartet war ein Leerzeichen"),
        ("did not find the expected '>'", "das erwartete `>` fehlt"),
        ("expected DOCUMENT-END", "erwartet war das Ende des Dokuments"),
        ("expected DOCUMENT-START or STREAM-END", "erwartet war der Anfang eines Dokuments oder das Ende des Textes"),
        ("expected SCALAR, SEQUENCE-START, MAPPING-START, or ALIAS", "erwartet war ein Wert, eine Liste, eine Zuordnung oder ein Alias"),
        ("expected STREAM-START", "erwartet war der Anfang des Textes"),
        ("expected nothing after STREAM-END", "nach dem Ende des Textes darf nichts mehr stehen"),
        ("found a tab character that violates indentation", "ein Tabulator stört die Einrückung (nur Leerzeichen einrücken)"),
        ("found a tab character where an indentation space is expected", "ein Tabulator, wo ein Leerzeichen zum Einrücken stehen muss"),
        ("found an incorrect leading UTF-8 octet", "ein ungültiges UTF-8-Zeichen"),
        ("found an incorrect trailing UTF-8 octet", "ein ungültiges UTF-8-Zeichen"),
        ("found an indentation indicator equal to 0", "eine Einrückungsangabe von 0"),
        ("found character that cannot start any token", "ein Zeichen, mit dem nichts beginnen kann (ein Tabulator, oder `@` am Anfang eines Werts?)"),
        ("found duplicate %TAG directive", "eine doppelte %TAG-Direktive"),
        ("found duplicate %YAML directive", "eine doppelte %YAML-Direktive"),
        ("found duplicate anchor; first occurrence", "ein doppelter Anker; zuerst"),
        ("found extremely long version number", "eine überlange Versionsnummer"),
        ("found incompatible YAML document", "ein YAML-Dokument einer unbekannten Version"),
        ("found invalid Unicode character escape code", "eine ungültige Unicode-Angabe nach `\\`"),
        ("found undefined alias", "ein Alias ohne Anker"),
        ("found undefined tag handle", "ein unbekanntes Tag"),
        ("found unexpected ':'", "ein unerwarteter Doppelpunkt (`:`)"),
        ("found unexpected document indicator", "ein unerwartetes `---` oder `...`"),
        ("found unexpected end of stream", "das Ende kam zu früh (fehlt ein schließendes Anführungszeichen oder eine Klammer?)"),
        ("found unexpected non-alphabetical character", "ein unerwartetes Zeichen"),
        ("found unknown directive name", "eine unbekannte Direktive"),
        ("found unknown escape character", "ein unbekanntes Zeichen nach `\\`"),
        ("incomplete UTF-16 character", "ein unvollständiges UTF-16-Zeichen"),
        ("incomplete UTF-16 surrogate pair", "ein unvollständiges UTF-16-Zeichenpaar"),
        ("incomplete UTF-8 octet sequence", "ein unvollständiges UTF-8-Zeichen"),
        ("invalid Unicode character", "ein ungültiges Unicode-Zeichen"),
        ("invalid leading UTF-8 octet", "ein ungültiges UTF-8-Zeichen"),
        ("invalid length of a UTF-8 sequence", "ein ungültiges UTF-8-Zeichen"),
        ("invalid trailing UTF-8 octet", "ein ungültiges UTF-8-Zeichen"),
        ("mapping keys are not allowed in this context", "ein Schlüssel ist an dieser Stelle nicht erlaubt"),
        (
            "mapping values are not allowed in this context",
            "ein Doppelpunkt mit Leerzeichen (`: `) ist hier nicht erlaubt (Wert in Anführungszeichen setzen)"
        ),
        ("unexpected low surrogate area", "ein ungültiges UTF-16-Zeichen"),
    ]
}
