import Testing
@testable import SiteKit

@Suite struct SourceTests {
    @Test func splitsFrontMatterWithLineNumbers() throws {
        let split = try FrontMatterSplit.split("---\ntitel: A\ndatum: 2021-01-01\n---\n\nText\n")
        #expect(split.yaml == "titel: A\ndatum: 2021-01-01")
        #expect(split.yamlFirstLine == 2)
        #expect(split.closingLine == 4)
        #expect(split.bodyFirstLine == 5)
        #expect(split.body == "\nText\n")
    }

    @Test func frontMatterMustOpenAndClose() {
        #expect(throws: FrontMatterSplit.Problem.noOpening) { try FrontMatterSplit.split("titel: A\n") }
        #expect(throws: FrontMatterSplit.Problem.notClosed) { try FrontMatterSplit.split("---\ntitel: A\n") }
        #expect(throws: FrontMatterSplit.Problem.notClosed) { try FrontMatterSplit.split("---") }
    }

    @Test func acceptsByteOrderMarkAndCRLF() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("---\r\ntitel: A\r\n---\r\nText\r\n".utf8)
        let text = try SourceText(bytes: bytes).text
        #expect(text == "---\ntitel: A\n---\nText\n")
    }

    @Test func rejectsInvalidUTF8WithPosition() {
        let bytes = Array("---\nname: B".utf8) + [0xFF] + Array("\n".utf8)
        #expect(throws: SourceText.DecodingError.invalidUTF8(line: 2, column: 8)) { try SourceText(bytes: bytes) }
    }

    @Test func bomAndCRLFFilesBuild() {
        let crlf = "---\r\ntitel: Über uns\r\n---\r\n## Wer wir sind\r\n\r\nText\r\n"
        let result = Fixture.render(["seiten/ueber-uns.md": "\u{FEFF}" + crlf])
        #expect(result.errorCount == 0)
        #expect(Fixture.page(result, "ueber-uns/index.html")?.contains("id=\"wer-wir-sind\"") == true)
    }
}
