import Foundation
import Testing
@testable import SiteKit

/// The catalogue itself: both languages for every entry, one entry per
/// code, the same arguments in both texts, and the guide's table of
/// errors written with the texts sitegen really prints.
@Suite struct MessageCatalogueTests {
    /// Entries whose German rightly reads as the English: names of files
    /// and keys, German words the English text uses too, and frames around
    /// a text that comes from elsewhere (libyaml's, a template's).
    static let sameInBothLanguages: Set<MessageCode> = [
        .placeSiteYAML, .placeHerausgeber, .placeMarkdown, .placeDaten, .placeLeitung, .placeBild,
        .hintTemplateSyntax, .summaryWarningsSuffix, .summaryErrorCounts, .summaryErrorAndWarningCounts, .loadFailed,
        .wordKommune, .wordKaffeerunde, .wordMeldung, .wordHandlungsfeld, .suffixHint,
    ]

    @Test func everyEntryHasAGermanText() {
        for code in MessageCode.allCases {
            let english = code.template(in: .en), german = code.template(in: .de)
            #expect(!english.trimmingCharacters(in: .whitespaces).isEmpty, "\(code.rawValue) has no English text")
            #expect(!german.trimmingCharacters(in: .whitespaces).isEmpty, "\(code.rawValue) has no German text")
            if !Self.sameInBothLanguages.contains(code) {
                #expect(english != german, "\(code.rawValue): the German text is the English one")
            }
        }
    }

    @Test func everyCodeIsUsedOnceAndIsKebabCase() {
        let codes = MessageCode.allCases.map(\.rawValue)
        let repeated = Dictionary(grouping: codes, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted()
        #expect(repeated.isEmpty, "codes used more than once: \(repeated)")
        for code in codes {
            #expect(code.wholeMatch(of: /[a-z0-9]+(-[a-z0-9]+)*/) != nil, "\(code) is not kebab-case")
        }
    }

    @Test func bothTextsTakeTheSameArguments() {
        for code in MessageCode.allCases {
            let english = code.template(in: .en), german = code.template(in: .de)
            #expect(Message.placeholders(in: english) == Message.placeholders(in: german), "\(code.rawValue)")
            #expect(
                english.filter { $0 == Message.formSeparator }.count == german.filter { $0 == Message.formSeparator }.count,
                "\(code.rawValue): both texts need the same number of forms")
        }
    }

    @Test func argumentsAreWrittenInTheLanguage() {
        let message = Message(.limitTableLine, ["cells": .grouped(1_002), "limit": .grouped(1_000)])
        #expect(message.text(in: .en) == "this line of a table has up to 1,002 cells; a table's lines may have at most 1,000")
        #expect(message.text(in: .de) == "Diese Tabellenzeile hat bis zu 1.002 Zellen; die Zeilen einer Tabelle dürfen höchstens 1.000 haben")
        let counts = Message(
            .summaryChecked,
            [
                "files": .count(1, .wordFile), "seconds": .decimal(0.2049),
                "counts": .phrase(Message(.summaryErrorCounts, ["errors": .count(3, .wordError)])),
            ])
        #expect(counts.text(in: .en) == "sitegen: checked 1 file in 0.20 s: 3 errors")
        #expect(counts.text(in: .de) == "sitegen: 1 Datei geprüft in 0,20 s: 3 Fehler")
    }

    /// A value is put in once: braces in it are not read as placeholders.
    @Test func valuesAreNotReadAgain() {
        let message = Message(.unknownKey, ["key": "{key}{where}", "where": .within(Message(.placeKontakt))])
        #expect(message.text(in: .en) == "unknown key `{key}{where}` in a `kontakt` entry")
        #expect(message.text(in: .de) == "Unbekannter Schlüssel `{key}{where}` in einem Eintrag von `kontakt`")
    }

    @Test func theLocaleDecidesUnlessTheOptionDoes() {
        #expect(MessageLanguage.fromLocale([:]) == .en)
        #expect(MessageLanguage.fromLocale(["LANG": "de_DE.UTF-8"]) == .de)
        #expect(MessageLanguage.fromLocale(["LANG": "C.UTF-8"]) == .en)
        #expect(MessageLanguage.fromLocale(["LANG": "POSIX"]) == .en)
        #expect(MessageLanguage.fromLocale(["LANG": "de_AT"]) == .de)
        // LC_ALL, then LC_MESSAGES, then LANG; an empty value does not count.
        #expect(MessageLanguage.fromLocale(["LC_ALL": "C", "LANG": "de_DE.UTF-8"]) == .en)
        #expect(MessageLanguage.fromLocale(["LC_ALL": "", "LC_MESSAGES": "de_DE", "LANG": "en_US.UTF-8"]) == .de)
        #expect(MessageLanguage.fromLocale(["LC_MESSAGES": "en_GB", "LANG": "de_DE"]) == .en)
        #expect(MessageLanguage.resolve(option: .en, environment: ["LANG": "de_DE.UTF-8"]) == .en)
        #expect(MessageLanguage.resolve(option: .de, environment: [:]) == .de)
        #expect(MessageLanguage.resolve(option: nil, environment: ["LC_ALL": "de_CH.UTF-8"]) == .de)
    }

    /// Every row of the table in docs/content-format.md ("Fehlermeldungen")
    /// names a code and shows its German text with example values, and
    /// perhaps a hint in brackets: no paraphrase passes.
    @Test func theGuidesErrorTableShowsTheRealTexts() throws {
        let guide = try String(contentsOf: Fixture.repoRoot.appendingPathComponent("docs/content-format.md"), encoding: .utf8)
        let section = try #require(guide.components(separatedBy: "## Fehlermeldungen").dropFirst().first?.components(separatedBy: "\n## ").first)
        // The rows of the table headed `| Meldung | Code |`; the table of
        // warnings below it describes them and only has to name real codes.
        var rows: [Substring] = [], warningCodes: [String] = [], header = ""
        for line in section.split(separator: "\n") where line.hasPrefix("| ") {
            if line.hasPrefix("| Meldung |") || line.hasPrefix("| Warnung |") {
                header = String(line.prefix(10))
            } else if header == "| Meldung " {
                rows.append(line)
            } else if header == "| Warnung " {
                warningCodes.append(line.split(separator: "|").last!.trimmingCharacters(in: CharacterSet(charactersIn: " `")))
            }
        }
        #expect(rows.count >= 10)
        #expect(warningCodes.count == 8)
        for code in warningCodes { #expect(MessageCode(rawValue: code) != nil, "the guide names the code `\(code)`, which does not exist") }
        let hints = MessageCode.allCases.filter { $0.rawValue.hasPrefix("hint-") }.map { Self.pattern($0.template(in: .de)) }
        let anyHint = "(?: \\((?:" + hints.joined(separator: "|") + ")\\))?"
        for row in rows {
            let cells = row.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            let shown = cells[1], codeCell = cells[2]
            let code = try #require(MessageCode(rawValue: codeCell.trimmingCharacters(in: CharacterSet(charactersIn: "`"))), "no code \(codeCell)")
            let regex = try NSRegularExpression(pattern: "^" + Self.pattern(code.template(in: .de)) + anyHint + "$")
            let range = NSRange(shown.startIndex..., in: shown)
            #expect(regex.firstMatch(in: shown, range: range) != nil, "the table shows «\(shown)», sitegen prints «\(code.template(in: .de))»")
        }
    }

    /// The template as a regular expression: placeholders match any text.
    static func pattern(_ template: String) -> String {
        let form = String(template.split(separator: Message.formSeparator, omittingEmptySubsequences: false)[0])
        var out = "", rest = Substring(form)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            out += NSRegularExpression.escapedPattern(for: String(rest[..<open])) + ".+?"
            rest = rest[rest.index(after: close)...]
        }
        return out + NSRegularExpression.escapedPattern(for: String(rest))
    }
}
