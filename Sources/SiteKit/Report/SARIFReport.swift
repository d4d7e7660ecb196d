import Foundation

/// SARIF 2.1.0 (OASIS), the format of code scanning tools: one run of the
/// tool `sitegen`, the catalogue codes it reported as rules, and each
/// diagnostic as a result at its file, line and column. Deterministic:
/// rules sorted by code, results in the order given.
public enum SARIFReport {
    public static func json(_ diagnostics: [Diagnostic], language: MessageLanguage = .en) -> String {
        let codes = Set(diagnostics.map(\.text.code)).sorted { $0.rawValue < $1.rawValue }
        let ruleIndex = Dictionary(uniqueKeysWithValues: codes.enumerated().map { ($1, $0) })
        let rules: [JSONValue] = codes.map { code in
            .object([
                ("id", .string(code.rawValue)),
                ("shortDescription", .object([("text", .string(code.template(in: language)))])),
            ])
        }
        let fingerprints = DiagnosticFingerprint.all(diagnostics)
        let results: [JSONValue] = zip(diagnostics, fingerprints).map { d, fingerprint in
            .object([
                ("ruleId", .string(d.code)),
                ("ruleIndex", .integer(ruleIndex[d.text.code]!)),
                ("level", .string(d.severity == .error ? "error" : "warning")),
                ("message", .object([("text", .string(d.details(in: language)))])),
                (
                    "locations",
                    .array([
                        .object([
                            (
                                "physicalLocation",
                                .object([
                                    ("artifactLocation", .object([("uri", .string(uri(d.location.path)))])),
                                    (
                                        "region",
                                        .object([
                                            ("startLine", .integer(max(1, d.location.line))),
                                            ("startColumn", .integer(max(1, d.location.column))),
                                        ])
                                    ),
                                ])
                            )
                        ])
                    ])
                ),
                ("partialFingerprints", .object([("sitegen/v1", .string(fingerprint))])),
            ])
        }
        let driver: JSONValue = .object([
            ("name", .string("sitegen")),
            ("version", .string(SitegenVersion.current)),
            ("rules", .array(rules)),
        ])
        let run: JSONValue = .object([
            ("tool", .object([("driver", driver)])),
            ("language", .string(language.rawValue)),
            ("columnKind", .string("unicodeCodePoints")),
            ("results", .array(results)),
        ])
        return JSONValue.object([
            ("$schema", .string("https://json.schemastore.org/sarif-2.1.0.json")),
            ("version", .string("2.1.0")),
            ("runs", .array([run])),
        ]).pretty
    }

    /// A relative path as a URI reference: every byte outside the
    /// unreserved characters and `/` percent-encoded (spaces, `#`, `%`,
    /// umlauts), so that `content/kommunen/weißenthurm.md` stays one path.
    static func uri(_ path: String) -> String {
        let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~/")
        return path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
    }
}
