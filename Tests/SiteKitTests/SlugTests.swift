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
}

@Suite struct SuggestionTests {
    @Test func swappedLettersCountAsOneEdit() {
        #expect(Suggestion.editDistance("atr", "art") == 1)
        #expect(Suggestion.editDistance("einwohnerzahl", "einwohner") == 4)
        #expect(Suggestion.closest(to: "atr", in: Keys.kommuneRequired + Keys.kommuneOptional) == "art")
        #expect(Suggestion.closest(to: "bundeslnad", in: ["bundesland", "name"]) == "bundesland")
        #expect(Suggestion.closest(to: "xyz", in: ["bundesland", "name"]) == nil)
    }
}
