import Testing
@testable import SiteKit
import SiteText

@Suite struct SlugTests {
    @Test func foldsUmlautsAndPunctuation() {
        #expect(Slug.make(from: "Was tut sich im Bereich Bildung und Jugend?") == "was-tut-sich-im-bereich-bildung-und-jugend")
        #expect(Slug.make(from: "Öffentlichkeit & Bürger") == "oeffentlichkeit-buerger")
        #expect(Slug.make(from: "Weißenthurm") == "weissenthurm")
        #expect(Slug.make(from: "  Café  Élysée ") == "cafe-elysee")
        #expect(Slug.make(from: "Smart-City_Strategie 2030") == "smart-city-strategie-2030")
    }

    /// The byte path for German text gives what the general one gives,
    /// and leaves everything else to it.
    @Test func theQuickPathAgreesWithTheFullOne() {
        let samples = [
            "Was tut sich im Bereich Bildung und Jugend?", "ÖFFENTLICHKEIT & BÜRGER", "Weißenthurm", "Straße 12",
            "Smart-City_Strategie 2030", "  --  ", "", "ÄÖÜäöüß", "a\tb\nc", "Zwei  Leerzeichen", "Ende.",
            "Kreis Mayen-Koblenz (Rheinland-Pfalz)", "100 % digital", "ẞ", "Café", "a\u{0308}b", "İstanbul", "ΣΊΣΥΦΟΣ",
        ]
        for text in samples {
            if let quick = Slug.quickly(text) { #expect(quick == Slug.fully(text), "\(text)") }
            #expect(Slug.make(from: text) == Slug.fully(text), "\(text)")
        }
        #expect(Slug.quickly("Café") == nil)
        #expect(Slug.quickly("Öffentlichkeit & Bürger") == "oeffentlichkeit-buerger")
        // Every Latin-1 letter on its own, upper and lower case.
        for value in 0x20...0xFF {
            let text = "x" + String(UnicodeScalar(UInt8(value))) + "y"
            #expect(Slug.make(from: text) == Slug.fully(text), "U+\(String(value, radix: 16))")
        }
    }

    @Test func validatesSlugs() {
        #expect(Slug.isValid("bendorf"))
        #expect(Slug.isValid("2021-01-eltville"))
        #expect(!Slug.isValid("Weißenthurm"))
        #expect(!Slug.isValid("a--b"))
        #expect(!Slug.isValid("-a"))
        #expect(!Slug.isValid(""))
    }

    @Test func repeatedHeadingsGetNumbers() {
        var ids = HeadingIDs()
        #expect(ids.next(for: "Fazit") == "fazit")
        #expect(ids.next(for: "Fazit") == "fazit-2")
        #expect(ids.next(for: "Fazit!") == "fazit-3")
        #expect(ids.next(for: "???") == "abschnitt")
    }

    /// Lands and kinds key many tables: they hash by their place in the
    /// list, each to its own, not by their names.
    /// A page's way back to the root: one `../` per folder, at any depth.
    @Test func relativeLinksClimbOneFolderPerLevel() {
        #expect(SitePath.rootPrefix(from: "") == "")
        #expect(SitePath.rootPrefix(from: "404.html") == "")
        #expect(SitePath.rootPrefix(from: "kommunen/") == "../")
        #expect(SitePath.rootPrefix(from: "kommunen/bendorf/") == "../../")
        let deep = String(repeating: "a/", count: 11)
        #expect(SitePath.rootPrefix(from: deep) == String(repeating: "../", count: 11))
        #expect(SitePath.rootPrefix(from: "handlungsfelder/smart-city/rheinland-pfalz/") == "../../../")
        #expect(SitePath.relative(from: "", to: "") == "./")
        #expect(SitePath.relative(from: "kommunen/bendorf/", to: "handlungsfelder/verwaltung/") == "../../handlungsfelder/verwaltung/")
    }

    @Test func landsAndKindsHashByTheirPlace() {
        func hash(_ place: Int) -> Int {
            var hasher = Hasher()
            hasher.combine(place)
            return hasher.finalize()
        }
        for (place, land) in Bundesland.allCases.enumerated() { #expect(land.hashValue == hash(place), "\(land)") }
        for (place, kind) in ContentKind.allCases.enumerated() { #expect(kind.hashValue == hash(place), "\(kind)") }
        let table = Dictionary(uniqueKeysWithValues: Bundesland.allCases.map { ($0, $0.rawValue) })
        #expect(Bundesland.allCases.allSatisfy { table[$0] == $0.rawValue })
    }
}

@Suite struct SuggestionTests {
    @Test func swappedLettersCountAsOneEdit() {
        #expect(Suggestion.editDistance("atr", "art") == 1)
        #expect(Suggestion.editDistance("einwohnerzahl", "einwohner") == 4)
        #expect(Suggestion.closest(to: "atr", in: Keys.kommuneRequired + Keys.kommuneOptional) == "art")
        #expect(Suggestion.closest(to: "bundeslnad", in: ["bundesland", "name"]) == "bundesland")
        #expect(Suggestion.closest(to: "xyz", in: ["bundesland", "name"]) == nil)
    }

    /// The prepared candidates and the length bound give what measuring
    /// every pair gives (the plain definition, kept here as the reference).
    @Test func preparedCandidatesAgreeWithMeasuringEveryPair() {
        func reference(_ word: String, _ candidates: [String]) -> String? {
            let lower = word.lowercased()
            var best: (String, Int)?
            for candidate in candidates {
                let lowerCandidate = candidate.lowercased()
                let distance = Suggestion.editDistance(lower, lowerCandidate)
                let limit = max(2, candidate.count / 3)
                let isPrefix = lowerCandidate.hasPrefix(lower) || lower.hasPrefix(lowerCandidate)
                guard distance <= limit || (isPrefix && min(lower.count, candidate.count) >= 4) else { continue }
                if best == nil || distance < best!.1 || (distance == best!.1 && candidate < best!.0) { best = (candidate, distance) }
            }
            return best?.0
        }
        var generator = SeededGenerator(seed: 7)
        let letters = Array("aeinrstäöüßAEk-_12")
        let candidates = Keys.kommuneRequired + Keys.kommuneOptional + ["Straße", "ÄRA", "k"]
        let prepared = Suggestion.Candidates(candidates)
        for _ in 0..<3000 {
            let word: String
            if Bool.random(using: &generator), let base = candidates.randomElement(using: &generator) {
                var characters = Array(base)
                for _ in 0..<Int.random(in: 0...3, using: &generator) {
                    let at = Int.random(in: 0...characters.count, using: &generator)
                    if at < characters.count && Bool.random(using: &generator) {
                        characters.remove(at: at)
                    } else {
                        characters.insert(letters.randomElement(using: &generator)!, at: at)
                    }
                }
                word = String(characters)
            } else {
                word = String((0..<Int.random(in: 0...14, using: &generator)).map { _ in letters.randomElement(using: &generator)! })
            }
            #expect(Suggestion.closest(to: word, in: prepared) == reference(word, candidates), "\(word)")
        }
    }
}

/// A small deterministic generator (SplitMix64), so a failing case repeats.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite struct DiagnosticsOrderTests {
    /// Sorting by ranked paths, with messages made only for shared places,
    /// gives the order of sorting by place and message.
    @Test func sortedIsByPlaceThenMessage() {
        var generator = SeededGenerator(seed: 11)
        var diagnostics = Diagnostics()
        let paths = ["kommunen/b.md", "kommunen/a.md", "meldungen/x.md", "site.yaml"]
        let keys = ["zeta", "alpha", "beta", "k1", "k10", "k2"]
        for _ in 0..<2000 {
            let location = SourceLocation(
                path: paths.randomElement(using: &generator)!, line: Int.random(in: 1...20, using: &generator),
                column: Int.random(in: 1...3, using: &generator))
            let key = keys.randomElement(using: &generator)!
            if Bool.random(using: &generator) {
                diagnostics.error(location, .unknownKey, ["key": .value(key), "where": .within(Message(.placeLeitung))])
            } else {
                diagnostics.warning(location, .keyWithoutValue, ["key": .value(key)])
            }
        }
        let reference = diagnostics.all.map { ($0, $0.message) }.sorted { ($0.0.location, $0.1) < ($1.0.location, $1.1) }.map(\.0)
        #expect(diagnostics.sorted == reference)
    }
}
