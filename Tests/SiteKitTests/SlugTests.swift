import Testing
@testable import SiteKit

@Suite struct SlugTests {
    @Test func foldsUmlautsAndPunctuation() {
        #expect(Slug.make(from: "Was tut sich im Bereich Bildung und Jugend?") == "was-tut-sich-im-bereich-bildung-und-jugend")
        #expect(Slug.make(from: "Öffentlichkeit & Bürger") == "oeffentlichkeit-buerger")
        #expect(Slug.make(from: "Weißenthurm") == "weissenthurm")
        #expect(Slug.make(from: "  Café  Élysée ") == "cafe-elysee")
        #expect(Slug.make(from: "Smart-City_Strategie 2030") == "smart-city-strategie-2030")
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
