import Foundation
import Testing
@testable import SiteKit

/// `docs/templates.md` is the template interface that theme maintainers
/// read; these tests hold it to the view models' key tables, as the
/// content format's schemas are held to the decoders: a key added to a
/// view and not documented, or documented and gone, fails here.
@Suite struct TemplateDocsTests {
    static let docs: String = {
        let url = Fixture.repoRoot.appendingPathComponent("docs/templates.md")
        return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }()

    /// The keys of every page kind, from the example site's pages: the
    /// view each template is given, its key table.
    static func viewKeys() throws -> [String: Set<String>] {
        let answers = try #require(Build.plan(try GoldenTests.exampleSite()).answers)
        var keys: [String: Set<String>] = [:]
        for page in SiteRenderer.pages(answers) {
            let plan = page.plan().0
            let content = try #require(plan.view.content as? any ViewModel, "\(plan.template)")
            keys[plan.template, default: []].formUnion(names(of: content))
        }
        return keys
    }

    private static func names<View: ViewModel>(of view: View) -> [String] { View.fields.names }

    /// Per page kind, the names in backticks in its entry of „Keys per page
    /// kind“, outside parentheses (which describe a key's parts).
    static func documentedKeys() -> [String: Set<String>] {
        guard let start = docs.range(of: "## Keys per page kind"), let end = docs.range(of: "\nA *map*", range: start.upperBound..<docs.endIndex)
        else { return [:] }
        let section = String(docs[start.upperBound..<end.lowerBound])
        var result: [String: Set<String>] = [:]
        // An entry starts a bullet (`kaffeerunden`, `meldungen`: … names
        // two kinds); `seite`: … `404`: … holds two entries.
        for bullet in section.components(separatedBy: "\n- ").dropFirst() {
            let text = topLevel(bullet.replacingOccurrences(of: "\n", with: " "))
            var kinds: [String] = []
            var leading = true
            for token in backticked(text) {
                let isKind = Theme.pageTemplates.contains(token.name)
                if isKind && leading {
                    kinds.append(token.name)
                    leading = !token.followedByColon
                } else if isKind && token.followedByColon {
                    kinds = [token.name]
                } else {
                    leading = false
                    for kind in kinds { result[kind, default: []].insert(token.name) }
                }
            }
        }
        return result
    }

    private static func topLevel(_ text: String) -> String {
        var depth = 0
        var kept = ""
        for character in text {
            if character == "(" { depth += 1 } else if character == ")" { depth = max(0, depth - 1) } else if depth == 0 { kept.append(character) }
        }
        return kept
    }

    private static func backticked(_ text: String) -> [(name: String, followedByColon: Bool)] {
        var tokens: [(String, Bool)] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "`"), let close = rest[rest.index(after: open)...].firstIndex(of: "`") {
            let name = String(rest[rest.index(after: open)..<close])
            let after = rest[rest.index(after: close)...]
            tokens.append((name, after.hasPrefix(":")))
            rest = after
        }
        return tokens
    }

    @Test func everyKeyOfEveryPageIsDocumentedAndEveryDocumentedKeyExists() throws {
        let views = try Self.viewKeys()
        let documented = Self.documentedKeys()
        let layout = Set(LayoutView.fields.names)
        // Words in backticks that name no key: page kinds, and the keys of
        // the layout that an entry refers to (`jsonld`).
        let prose = Set(Theme.pageTemplates).union(layout).union(["termine.mustache"])
        #expect(Set(views.keys).subtracting(documented.keys).isEmpty, "page kinds without an entry")
        for (kind, keys) in views.sorted(by: { $0.key < $1.key }) {
            let written = documented[kind] ?? []
            let undocumented = keys.subtracting(written).sorted()
            let gone = written.subtracting(keys).subtracting(prose).sorted()
            #expect(undocumented.isEmpty, "\(kind): keys missing in docs/templates.md: \(undocumented)")
            #expect(gone.isEmpty, "\(kind): docs/templates.md lists keys the view does not have: \(gone)")
        }
    }

    @Test func everyLayoutKeyIsDocumented() {
        guard let start = Self.docs.range(of: "## Keys on every page (layout)"),
            let end = Self.docs.range(of: "## Keys per page kind", range: start.upperBound..<Self.docs.endIndex)
        else {
            Issue.record("docs/templates.md has no layout section")
            return
        }
        let section = Self.topLevel(String(Self.docs[start.upperBound..<end.lowerBound]).replacingOccurrences(of: "\n", with: " "))
        let written = Set(Self.backticked(section).map(\.name))
        let renamed = Set(RenamedKeys.renamed.map(\.old))
        let missing = Set(LayoutView.fields.names).subtracting(renamed).subtracting(written).sorted()
        #expect(missing.isEmpty, "layout keys missing in docs/templates.md: \(missing)")
    }
}
