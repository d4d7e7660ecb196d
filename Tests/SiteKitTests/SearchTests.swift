import Foundation
import Testing
@testable import SiteKit

/// The site search's index: how words are folded, stemmed and taken apart,
/// how fields weigh, how the shards are cut, and that an edit touches few files.
@Suite struct SearchTests {
    // MARK: folding and tokenising

    @Test func umlautsAndSharpSAreFoldedBothWays() {
        #expect(SearchText.words("Straße Strasse STRASSE") == ["strasse", "strasse", "strasse"])
        #expect(SearchText.words("Förderungen") == SearchText.words("Foerderungen"))
        #expect(SearchText.words("Süderbrarup") == ["suderbrarup"])
        #expect(SearchText.words("Suederbrarup") == ["suderbrarup"])
        #expect(SearchText.words("Ärzte Aerzte Öl Oel") == ["arzte", "arzte", "ol", "ol"])
    }

    @Test func ePairsAfterAVowelOrQStay() {
        // Only ae/oe/ue that stand for an umlaut are folded.
        #expect(SearchText.words("neue Quelle Bauer") == ["neue", "quelle", "bauer"])
    }

    @Test func accentsAreDroppedAndOtherSignsSplit() {
        #expect(SearchText.words("Café Señora") == ["cafe", "senora"])
        #expect(SearchText.words("Mayen-Koblenz, 2021/22") == ["mayen", "koblenz", "2021", "22"])
        // Æ has no decomposition: it splits, as in the script.
        #expect(SearchText.words("AxÆyy") == ["ax", "yy"])
    }

    @Test func shortWordsAndStopWordsAreLeftOut() {
        #expect(SearchText.words("Die E-Akte und der Rat") == ["akte", "rat"])
        // Too short once folded, as in the script: "ae" is "ä".
        #expect(SearchText.words("ae Ue oe") == [])
    }

    /// Issue 11's long line: a word's compound parts grow with the square
    /// of its length, so a word of a million letters took gigabytes.
    @Test func wordsLongerThanAnyGermanWordAreNotIndexed() throws {
        let long = String(repeating: "a", count: 1_000_000)
        #expect(SearchText.words(long + " Glasfaser " + String(repeating: "x", count: 65)) == ["glasfaser"])
        #expect(SearchText.words(String(repeating: "b", count: 64)) == [String(repeating: "b", count: 64)])
        // Folded to 64 letters ("oe" as "o"), a word of 96 is kept; folded to 66, one of 99 is not.
        #expect(SearchText.words(String(repeating: "boe", count: 32)) == [String(repeating: "bo", count: 32)])
        #expect(SearchText.words(String(repeating: "boe", count: 33)) == [])
        let start = ContinuousClock.now
        let result = Fixture.render(["meldungen/2024-05-14-lang.md": "---\ntitel: T\(long)\ndatum: 2024-05-14\n---\n\(long) Glasfaser\n"])
        #expect(ContinuousClock.now - start < .seconds(20))
        let manifest = try #require(Fixture.page(result, "suche/index.json"))
        #expect(manifest.contains("\"maximum\":64"))
        #expect(result.files?.contains { $0.path.hasPrefix("suche/t/") && $0.bytes.count > 1_000_000 } == false)
    }

    @Test func htmlIsReadWithoutItsTags() {
        #expect(SearchText.words("<p class=\"x\">Glas<em>faser</em> &amp; Funk</p>", html: true) == ["glas", "faser", "funk"])
        // Without `html`, a tag's letters are words like any other.
        #expect(SearchText.words("<em>x</em>").contains("em"))
    }

    @Test func snippetIsPlainTextCutAtAWord() {
        let html = "<h2 id=\"a\">Kopf</h2>\n<p>Ein &amp; zwei <strong>drei</strong></p>"
        #expect(Snippet.plainText(html, limit: 100) == "Kopf Ein & zwei drei")
        let long = String(repeating: "Wort ", count: 60)
        let cut = Snippet.cut(long)
        #expect(cut.count <= Snippet.length + 2 && cut.hasSuffix(" …") && !cut.contains("Wor …"))
    }

    /// A snippet reads only two characters past what it shows; it is the
    /// same as the one cut from the whole text, for bodies around that
    /// length with tags, runs of white space and a space at every place.
    @Test func snippetReadsNoFurtherThanItNeeds() {
        let pieces = ["Wort", "Straße", " ", "  ", "\n", "<p>", "</p>\n<p>", "<em>", "</em>", "&amp;", "ab", "x"]
        var random = SeededGenerator(seed: 5)
        for _ in 0..<600 {
            var html = ""
            // Plain text of about the snippet's length, where one character more or less decides.
            let target = Int.random(in: (Snippet.length - 3)...(Snippet.length + 4), using: &random)
            while Snippet.plainText(html, limit: 10 * Snippet.length).count < target { html += pieces.randomElement(using: &random)! }
            let whole = Snippet.cut(Snippet.plainText(html, limit: 10 * Snippet.length))
            #expect(Snippet.make(lead: nil, html: html) == whole, "\(html.debugDescription)")
        }
    }

    /// The last space before the cut is found on the bytes; it is the one
    /// `lastIndex(of: " ")` finds by characters, also next to combining
    /// marks, prepended signs, emoji and CR LF.
    @Test func lastSpaceIsTheLastSpaceCharacter() {
        let pieces = ["Wort", " ", "ß", "\u{301}", "\u{600}", "\u{903}", "👩‍💻", "\r\n", "e\u{301}", "\u{200D}", "🇩🇪", "x"]
        var random = SeededGenerator(seed: 9)
        for _ in 0..<3000 {
            let text = (0..<Int.random(in: 0...12, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            let head = text[...]
            #expect(Snippet.lastSpace(in: head) == head.lastIndex(of: " "), "\(text.debugDescription)")
        }
    }

    /// Where a snippet is cut is counted on the bytes for plain text: the
    /// same place as counting characters, for German text and for text with
    /// combining marks, CR LF pairs and emoji (walked by characters).
    @Test func snippetCutsWhereCharactersEnd() {
        let texts = [
            "Straße über Äcker", "Ein Wort", "", "e\u{301}té", "Zeile\r\nzwei", "a\r\n", "👩‍💻 Digital", "Glasfaser 🇩🇪 jetzt",
            "Ǆemal ʒ", String(repeating: "Wörter ", count: 40), "Cafe\u{301} und Tee", "„Zitat“ – so … 5 €", "„\u{301}x", "–\u{200D}👩",
            "\u{600}„a", "a‧b‐c\u{2028}d", "€\u{FE0F}",
        ]
        for text in texts {
            for offset in 0...(text.count + 2) {
                #expect(
                    Snippet.characterIndex(offset, in: text) == text.index(text.startIndex, offsetBy: offset, limitedBy: text.endIndex),
                    "\(text.debugDescription) at \(offset)")
            }
        }
        let long = String(repeating: "Straße ", count: 40)
        #expect(Snippet.cut(long) == String(repeating: "Straße ", count: 24) + "Straße …")
    }

    /// The scanner reads 64 bytes at a time and decides by bits (word
    /// starts and ends, the pair rule, tags, references, Latin-1 letters);
    /// held here to the rules written out word by word on random text made
    /// of the pieces that matter: umlauts both ways, e pairs, tags and
    /// references (some longer than a window), signs, words near the length
    /// limits and near the 8 and 16 bytes a plain word is read in. Short
    /// texts are read from the copy of the last window, long ones cross
    /// windows at every place.
    @Test func scanAgreesWithTheRulesWordByWord() {
        let pieces = [
            "a", "e", "o", "u", "i", "q", "x", "Z", "7", "ä", "Ö", "ß", "é", "Æ", "×", "€", "„", " ", "-", "\n\n", "<p>", "</em>",
            "<a href=\"x\">", "<a href=\"https://www.example.org/" + String(repeating: "pfad/", count: 14) + "\">",
            "&amp;", "&#39;", "&", "&abcdefghijkl", "<", ">", ";", String(repeating: "oe", count: 33),
            String(repeating: "b", count: 63), String(repeating: "ue", count: 40), "\u{C3}", "zuerst", "Quelle", "Bauer",
            "GLASFASERNETZ", "abcdefgh", "abcdefghijklmnop", "abcdefghijklmnopq", "Digitalisierungsbeauftragte", "Aue", "2024",
            "Förderungen", "Süderbrarup", "aktuell", "ÿ", "÷", "Üe", "Øst",
        ]
        var random = SeededGenerator(seed: 11)
        for round in 0..<4000 {
            let pieceCount = Int.random(in: 1...(round % 4 < 2 ? 40 : 240), using: &random)
            let text = (0..<pieceCount).map { _ in pieces.randomElement(using: &random)! }.joined()
            let html = round % 2 == 0
            let expected = Self.wordsByTheRules(Array(text.utf8), html: html)
            for reader in SearchText.Reader.allCases {
                var got: [[UInt8]] = []
                SearchText.withBytes(text) { bytes in
                    SearchText.scan(bytes, html: html, reader: reader) { got.append(Array($0)) }
                }
                #expect(got == expected, "\(reader): \(text)")
            }
        }
    }

    /// The rules of `SearchText` one after the other: split, lower, fold
    /// Latin-1, drop the e of ae/oe/ue (unless a vowel or q comes before), keep 2…64 letters.
    static func wordsByTheRules(_ bytes: [UInt8], html: Bool) -> [[UInt8]] {
        let latin1 = Array("aaaaaa_ceeeeiiii_nooooo__uuuuy_S" + "aaaaaa_ceeeeiiii_nooooo__uuuuy_y")
        var words: [[UInt8]] = [[]]
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            i += 1
            if (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) {
                words[words.count - 1].append(byte)
            } else if (0x41...0x5A).contains(byte) {
                words[words.count - 1].append(byte | 0x20)
            } else if html && byte == UInt8(ascii: "<") {
                words.append([])
                while i < bytes.count && bytes[i] != UInt8(ascii: ">") { i += 1 }
                i += 1
            } else if html && byte == UInt8(ascii: "&") {
                words.append([])
                var left = 10
                while left > 0 && i < bytes.count {
                    left -= 1
                    if bytes[i] == UInt8(ascii: ";") {
                        i += 1
                        break
                    }
                    // A reference's name: ASCII letters, digits and #.
                    let c = Character(UnicodeScalar(bytes[i]))
                    guard c.isASCII && (c.isLetter || c.isNumber || c == "#") else { break }
                    i += 1
                }
            } else if byte == 0xC3 && i < bytes.count && (0x80...0xBF).contains(bytes[i]) {
                let letter = latin1[Int(bytes[i] - 0x80)]
                i += 1
                switch letter {
                case "_": words.append([])
                case "S": words[words.count - 1] += Array("ss".utf8)
                default: words[words.count - 1].append(letter.asciiValue!)
                }
            } else {
                words.append([])
            }
        }
        return words.compactMap { written in
            var kept: [UInt8] = []
            for (n, byte) in written.enumerated() {
                let afterBackVowel = n >= 1 && "aou".utf8.contains(written[n - 1])
                let vowelBefore = n >= 2 && "aouieq".utf8.contains(written[n - 2])
                if byte == UInt8(ascii: "e") && afterBackVowel && !vowelBefore { continue }
                kept.append(byte)
            }
            return (2...64).contains(kept.count) ? kept : nil
        }
    }

    @Test func bytesPrecedeAsTheGenericOrder() {
        var random = SeededGenerator(seed: 5)
        for _ in 0..<2000 {
            let a = (0..<Int.random(in: 0...4, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) | 0x60 }
            let b = (0..<Int.random(in: 0...4, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) | 0x60 }
            #expect(a.bytesPrecede(b) == a.lexicographicallyPrecedes(b), "\(a) \(b)")
        }
    }

    // MARK: stemming

    @Test func snowballStemsGermanInflections() throws {
        let stemmer = try #require(GermanStemmer())
        #expect(stemmer.stem("forderungen") == stemmer.stem("forderung"))
        #expect(stemmer.stem("forderung") == "forder")
        #expect(stemmer.stem("kassenanordnungen") == "kassenanordn")
        #expect(stemmer.stem("nachhaltigkeit") == stemmer.stem("nachhaltig"))
        #expect(stemmer.stem("") == "")
    }

    // MARK: the index

    /// The fixture site with a few words placed in known fields.
    static func site(bendorfBody: String = "Bendorf baut Glasfaser für alle Randlagen aus.") -> SiteModel? {
        let result = Fixture.render([
            "kommunen/bendorf.md": """
            ---
            name: Bendorf
            art: Stadt
            bundesland: Rheinland-Pfalz
            kreis: mayen-koblenz
            handlungsfelder: [verwaltung]
            projekte:
              - titel: Smart Parking
                handlungsfeld: verwaltung
                status: laufend
            ---
            \(bendorfBody)
            """,
            "kommunen/mayen-koblenz.md": """
            ---
            name: Mayen-Koblenz
            art: Landkreis
            bundesland: Rheinland-Pfalz
            projekte:
              - titel: Glasfaser im Kreis
                handlungsfeld: verwaltung
                status: laufend
            ---
            Im Kreis liegt Bendorf. Parken ist dort einfach.
            """,
        ])
        return result.errorCount == 0 ? result.model : nil
    }

    /// An index read back as the script reads it.
    struct Reader {
        let files: [String: [UInt8]]
        let manifest: [String: Any]

        init(_ index: SearchIndex) throws {
            files = Dictionary(uniqueKeysWithValues: index.files.map { ($0.path, $0.bytes) })
            manifest = try #require(try JSONSerialization.jsonObject(with: Data(files[SearchIndex.manifestPath]!)) as? [String: Any])
        }

        func json(_ path: String) throws -> Any {
            try JSONSerialization.jsonObject(with: Data(try #require(files[SearchIndex.folder + path], "no \(path)")))
        }

        var keys: [String] { (manifest["shards"] as? [[Any]] ?? []).compactMap { $0.first as? String } }

        /// The shard a word is in: the longest key it begins with.
        func shard(of word: String) throws -> [String: [String: Any]] {
            let key = try #require(keys.filter { word.hasPrefix($0) }.max { $0.count < $1.count }, "no shard for \(word)")
            return try #require(try json("t/\(key).json") as? [String: [String: Any]])
        }

        /// Document number → score of a stem.
        func postings(_ stem: String) throws -> [Int: Int] {
            guard let packed = try shard(of: stem)["t"]?[stem] as? String else { return [:] }
            let list = try #require(Varint.decode(packed))
            var result: [Int: Int] = [:]
            var doc = 0
            for i in stride(from: 0, to: list.count, by: 2) {
                doc += list[i]
                result[doc] = list[i + 1]
            }
            return result
        }

        /// Document number of a page by its URL.
        func document(_ url: String) throws -> Int {
            let per = manifest["perShard"] as! Int
            for shard in 0..<((manifest["documents"] as! Int + per - 1) / per) {
                let docs = try #require(try json("d/\(shard).json") as? [[Any]])
                if let i = docs.firstIndex(where: { $0[2] as? String == url }) { return shard * per + i }
            }
            throw SearchTestError.missing(url)
        }
    }

    enum SearchTestError: Error { case missing(String) }

    @Test func compoundPartsLeadToTheWholeWord() throws {
        let model = try #require(Self.site())
        let reader = try Reader(SearchIndex(model))
        let parts = try reader.shard(of: "faser")["p"] ?? [:]
        #expect((parts["faser"] as? [String]) == ["glasfas"])
        #expect(try reader.postings("glasfas").count == 2)
    }

    @Test func fieldsWeighNameAboveProjectAboveBody() throws {
        let model = try #require(Self.site())
        let reader = try Reader(SearchIndex(model))
        let bendorf = try reader.document("kommunen/bendorf/")
        let kreis = try reader.document("kommunen/mayen-koblenz/")
        // "Bendorf": the name of one, a word in the other's body.
        let name = try reader.postings("bendorf")
        #expect(try #require(name[bendorf]) > 4 * (try #require(name[kreis])))
        // "Glasfaser": a project's title in the Kreis, the body in Bendorf.
        let glas = try reader.postings("glasfas")
        #expect(try #require(glas[kreis]) > 4 * (try #require(glas[bendorf])))
        // A word repeated in the body counts only so often.
        let many = try #require(Self.site(bendorfBody: String(repeating: "Wasser ", count: 50)))
        let repeated = try Reader(SearchIndex(many)).postings("wass")
        #expect(repeated.values.max() == SearchDocument.bodyCap)
    }

    @Test func documentsAreNumberedByKindAndLandForTheFilters() throws {
        let model = try #require(Self.site())
        let reader = try Reader(SearchIndex(model))
        let kinds = try #require(reader.manifest["kinds"] as? [[Any]])
        #expect(kinds.map { $0[0] as? String } == ["Kommune", "Kaffeerunde", "Meldung", "Seite"])
        #expect(kinds[0][1] as? Int == 0 && kinds[0][2] as? Int == 2)
        let laender = try #require(reader.manifest["laender"] as? [[Any]])
        #expect(laender.count == 1 && laender[0][1] as? String == "rheinland-pfalz")
        let feld = try #require(try reader.json("f/verwaltung.json") as? [Int])
        #expect(feld == [0, 1])
    }

    @Test func namesForgiveTyposThroughTheirOwnShards() throws {
        let model = try #require(Self.site())
        let reader = try Reader(SearchIndex(model))
        #expect((reader.manifest["names"] as? [String]) == ["be", "ko", "ma"])
        let m = try #require(try reader.json("n/ma.json") as? [String: [Int]])
        #expect(m["mayen"] != nil && m["mayenkoblenz"] != nil)
    }

    @Test func largeShardsAreSplitAndEveryWordIsInItsShard() throws {
        let model = try #require(Self.site())
        let words = ["ab", "aba", "abab", "abc", "abcd", "ax", "bz"]
        let shards = TermShards.split(
            terms: words.map { TermShards.Term(word: Array($0.utf8), postings: [0, 1, 1, 2]) },
            parts: [TermShards.Part(word: Array("abab".utf8), stems: [Array("xabab".utf8)])], budget: 30)
        let keys = shards.map(\.key)
        #expect(keys == keys.sorted() && Set(keys).count == keys.count)
        for word in words {
            let key = try #require(keys.filter { word.hasPrefix($0) }.max { $0.count < $1.count })
            let text = String(decoding: shards.first { $0.key == key }!.bytes, as: UTF8.self)
            #expect(text.contains("\"\(word)\":\""), "\(word) not in shard \(key)")
        }
        #expect(keys.contains("ab") && keys.contains("aba") && keys.contains("bz"))
        _ = model
    }

    @Test func wordTableNumbersEachWordOnceThroughItsGrowth() {
        var table = WordTable(capacity: 4)
        let words = (0..<5_000).map { Array("wort\($0 * 7919 % 5_000)".utf8) } + [[], Array("a".utf8)]
        var numbers: [Int32] = []
        for word in words {
            let (id, isNew) = table.intern(word)
            #expect(isNew && id == Int32(numbers.count))
            numbers.append(id)
        }
        for (word, id) in zip(words, numbers) {
            #expect(table.intern(word) == (id, false))
            #expect(table.find(word) == id && table.word(id) == word && table.length(id) == word.count)
        }
        #expect(table.count == words.count && table.find(Array("wort5000".utf8)) == nil)
    }

    /// The C table that counts a slice's words grows while a document is
    /// read (here from 2,048 words to 8,192 in the first one); the counts
    /// of the words met before it grew, and of those after, come out right.
    @Test func wordCountsSurviveTheTableGrowing() throws {
        // Words the stemmer leaves as they are: consonants, no ending it knows.
        let letters = Array("bcdfghjkmnpqrtvwxz".utf8)
        let words = (0..<6_000).map { n -> String in
            var n = n
            var word = [UInt8(ascii: "q")]
            for _ in 0..<4 {
                word.append(letters[n % letters.count])
                n /= letters.count
            }
            return String(decoding: word + [UInt8(ascii: "k")], as: UTF8.self)
        }
        func document(title: String, body: String) -> SearchDocument {
            SearchDocument(
                kind: .meldung, title: title, url: "", land: nil, meta: "", felder: [], snippet: "",
                text: .fields([(title, .title, false), ("<p>" + body + "</p>", .body, true)]))
        }
        let chosen = stride(from: 0, to: words.count, by: 10).map { words[$0] }
        let docs = [
            document(title: "Erste", body: words.joined(separator: " ")),
            document(title: chosen.joined(separator: " "), body: (chosen + chosen).joined(separator: " ")),
        ]
        let slice = StemmedSlice(docs[...], names: SearchNames(nil), cache: StemCache())
        #expect(slice.documentCount == 2)
        func scores(_ document: Int32) -> [String: Int32] {
            var result: [String: Int32] = [:]
            for stem in 0..<Int32(slice.stems.count) {
                let run = Array(slice.run(stem))
                for k in stride(from: 0, to: run.count, by: 2) where run[k] == document {
                    result[String(decoding: slice.stems.word(stem), as: UTF8.self), default: 0] += run[k + 1]
                }
            }
            return result
        }
        let first = scores(0), second = scores(1)
        #expect(first.count == words.count + 1 && first["erst"] == Int32(SearchDocument.Weight.title.rawValue))
        #expect(words.allSatisfy { first[$0] == 1 })
        #expect(second.count == chosen.count)
        #expect(chosen.allSatisfy { second[$0] == Int32(SearchDocument.Weight.title.rawValue) + 2 })
        #expect(slice.postings.count == 2 * (first.count + second.count))
    }

    @Test func postingsArePackedAndReadBack() {
        var packed: [UInt8] = []
        let numbers = [0, 1, 31, 32, 45, 1023, 1024, 123_456]
        for n in numbers { Varint.append(n, to: &packed) }
        #expect(packed.count == 1 + 1 + 1 + 2 + 2 + 2 + 3 + 4)
        #expect(Varint.decode(String(decoding: packed, as: UTF8.self)) == numbers)
        #expect(Varint.decode("w") == nil)  // a group that says more follow, and none does
    }

    /// A stem's postings are packed in one go: documents as differences, each with its score.
    @Test func postingsOfAStemArePackedAsDifferencesAndScores() {
        var random = SeededGenerator(seed: 3)
        for _ in 0..<200 {
            var document: Int32 = 0
            var list: [Int32] = [-7]  // a slice that does not start at 0, as the index's runs do
            for _ in 0..<Int.random(in: 0...40, using: &random) {
                document += Int32.random(in: 0...(Bool.random(using: &random) ? 40 : Int32.max / 64), using: &random)
                list += [document, Int32.random(in: 1...(Bool.random(using: &random) ? 30 : Int32.max), using: &random)]
            }
            var packed: [UInt8] = [1]
            Varint.appendPostings(list[1...], to: &packed)
            var expected: [Int] = []
            var last: Int32 = 0
            for i in stride(from: 1, to: list.count, by: 2) {
                expected += [Int(list[i] - last), Int(list[i + 1])]
                last = list[i]
            }
            #expect(packed.first == 1 && Varint.decode(String(decoding: packed.dropFirst(), as: UTF8.self)) == expected)
        }
    }

    @Test func sameModelGivesTheSameBytes() throws {
        let a = try #require(Self.site()), b = try #require(Self.site())
        let first = SearchIndex(a).files, second = SearchIndex(b).files
        #expect(first.map(\.path) == second.map(\.path))
        #expect(zip(first, second).allSatisfy { $0.bytes == $1.bytes })
    }

    @Test func anEditChangesOnlyTheShardsOfItsWords() throws {
        let before = SearchIndex(try #require(Self.site())).files
        let after = SearchIndex(try #require(Self.site(bendorfBody: "Bendorf baut Glasfaser für alle Randlagen aus. Zebrastreifen."))).files
        #expect(before.map(\.path) != after.map(\.path))  // a new shard for "zebrastreif"
        let old = Dictionary(uniqueKeysWithValues: before.map { ($0.path, $0.bytes) })
        let changed = after.filter { old[$0.path] != $0.bytes }.map(\.path)
        // The new word's shard, the shards of its parts, the manifest (it
        // lists the shards), the document shard (its snippet) — nothing else.
        #expect(changed.contains("suche/t/ze.json") && changed.contains("suche/index.json"))
        #expect(changed.allSatisfy { $0.hasPrefix("suche/t/") || $0 == "suche/index.json" || $0 == "suche/d/0.json" }, "\(changed)")
        #expect(changed.count < after.count / 4, "\(changed.count) of \(after.count)")
    }

    @Test func theSiteHasTheSearchPageAndItsIndex() throws {
        let result = Fixture.render()
        let page = try #require(Fixture.page(result, "suche/index.html"))
        #expect(page.contains("role=\"search\"") && page.contains("method=\"get\"") && page.contains("name=\"q\""))
        #expect(page.contains("<script src=\"../assets/suche.js\" defer></script>"))
        #expect(page.contains("aria-live=\"polite\""))
        #expect(result.files?.contains { $0.path == SearchIndex.manifestPath } == true)
        // Every page has the search box in its header, a GET form to the search page.
        let profile = try #require(Fixture.page(result, "kommunen/bendorf/index.html"))
        #expect(profile.contains("action=\"../../suche/\""))
    }
}
