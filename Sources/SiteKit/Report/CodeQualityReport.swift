/// GitLab's Code Quality report (docs.gitlab.com, "Code Quality report
/// format"): a JSON array with one object per problem. GitLab shows the
/// problems in the merge request and compares them with the target
/// branch by `fingerprint`, so the fingerprint leaves out the line: an
/// edit above a problem moves it but does not make it new.
public enum CodeQualityReport {
    public static func json(_ diagnostics: [Diagnostic], language: MessageLanguage = .en) -> String {
        let fingerprints = DiagnosticFingerprint.all(diagnostics)
        let items: [JSONValue] = zip(diagnostics, fingerprints).map { d, fingerprint in
            .object([
                ("description", .string(d.details(in: language))),
                ("check_name", .string(d.code)),
                ("fingerprint", .string(fingerprint)),
                ("severity", .string(severity(d.severity))),
                (
                    "location",
                    .object([
                        ("path", .string(d.location.path)),
                        ("lines", .object([("begin", .integer(d.location.line))])),
                    ])
                ),
            ])
        }
        return JSONValue.array(items).pretty
    }

    /// An error stops the build: `major`; a warning does not: `minor`.
    static func severity(_ severity: Diagnostic.Severity) -> String {
        severity == .error ? "major" : "minor"
    }
}

/// What tells one problem from another across runs: the file, the code and
/// the message's arguments (the values it quotes), not the line or column.
/// A second problem with all of these the same in one file gets its
/// number of order, so that each still has a fingerprint of its own.
enum DiagnosticFingerprint {
    static func all(_ diagnostics: [Diagnostic]) -> [String] {
        var seen: [String: Int] = [:]
        return diagnostics.map { d in
            let base = of(d)
            let occurrence = seen[base, default: 0]
            seen[base] = occurrence + 1
            guard occurrence > 0 else { return base }
            var hash = ContentHash()
            hash.add(base)
            hash.add(occurrence)
            return hash.description
        }
    }

    static func of(_ diagnostic: Diagnostic) -> String {
        var hash = ContentHash()
        hash.add(diagnostic.location.path)
        add(diagnostic.text, to: &hash)
        return hash.description
    }

    /// The code and every argument in English, by name; places (`line`,
    /// `column`) are left out, as they change when lines move.
    private static func add(_ message: Message, to hash: inout ContentHash) {
        hash.add(message.code.rawValue)
        for (name, argument) in message.arguments.sorted(by: { $0.key < $1.key }) where name != "line" && name != "column" {
            hash.add(name)
            if case .phrase(let inner) = argument {
                add(inner, to: &hash)
            } else if case .within(let inner) = argument {
                add(inner, to: &hash)
            } else {
                hash.add(argument.text(in: .en))
            }
        }
    }
}
