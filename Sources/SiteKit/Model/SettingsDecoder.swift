import Foundation
import FrontMatterYAML

/// Reads `site.yaml` and `handlungsfelder.yaml`.
struct SettingsDecoder {
    var diagnostics = Diagnostics()

    private mutating func document(_ file: InputFile, label: String) -> (YAMLReader, YAMLNode?)? {
        let text: String
        do {
            text = try SourceText(bytes: file.bytes).text
        } catch {
            if case .invalidUTF8(let line, let column) = error {
                diagnostics.error(
                    SourceLocation(path: label), .notUTF8, ["line": .number(line), "column": .number(column)], hint: Message(.hintSaveAsUTF8))
            }
            return nil
        }
        var yaml = YAMLReader(path: label, firstLine: 1)
        let root = yaml.compose(text)
        return (yaml, root)
    }

    mutating func site(_ file: InputFile, label: String, baseURLOverride: String?) -> SiteSettings? {
        guard let (reader, root) = document(file, label: label) else { return nil }
        var yaml = reader
        defer { diagnostics.append(contentsOf: yaml.diagnostics) }
        guard !yaml.diagnostics.hasErrors,
            let f = yaml.fields(root, what: Message(.placeSiteYAML), required: Keys.siteRequired, optional: Keys.siteOptional)
        else { return nil }
        let titel = yaml.text(f["titel"], key: "titel")
        var baseURL = baseURLOverride ?? yaml.webAddress(f["base_url"], key: "base_url")
        if baseURL != nil && !baseURL!.hasSuffix("/") { baseURL! += "/" }
        let sprache = yaml.text(f["sprache"], key: "sprache") ?? "de"
        if let node = f["sprache"], !Self.isLanguageTag(sprache) {
            yaml.diagnostics.error(yaml.location(node), .notALanguageTag, ["value": .value(sprache)], hint: Message(.hintLanguageTag))
        }
        var herausgeber: SiteSettings.Herausgeber?
        if let node = f["herausgeber"],
            let h = yaml.fields(node, what: Message(.placeHerausgeber), required: Keys.herausgeberRequired, optional: Keys.herausgeberOptional),
            let name = yaml.text(h["name"], key: "name")
        {
            herausgeber = .init(
                name: name, anschrift: yaml.text(h["anschrift"], key: "anschrift"),
                email: yaml.text(h["email"], key: "email"), telefon: yaml.text(h["telefon"], key: "telefon"))
        }
        var html = false
        if let node = f["markdown"], let m = yaml.fields(node, what: Message(.placeMarkdown), required: [], optional: Keys.markdownOptional) {
            html = yaml.flag(m["html"], key: "html") ?? false
        }
        var lizenz = DatenLizenz.dlByDe
        var contributor: String?
        if let node = f["daten"], let d = yaml.fields(node, what: Message(.placeDaten), required: [], optional: Keys.datenOptional) {
            lizenz = yaml.oneOf(d["lizenz"], key: "lizenz", DatenLizenz.self) ?? lizenz
            contributor = Self.contributorID(d["contributor_id"], yaml: &yaml)
        }
        guard let titel, let baseURL else { return nil }
        return SiteSettings(
            titel: titel, beschreibung: yaml.text(f["beschreibung"], key: "beschreibung"),
            baseURL: baseURL, sprache: sprache, herausgeber: herausgeber, markdownHTML: html, datenLizenz: lizenz,
            datenContributorID: contributor)
    }

    static let contributorsPrefix = "http://dcat-ap.de/def/contributors/"

    /// `daten.contributor_id`: GovData's name for the publisher, written as
    /// the IRI GovData lists or as its last part (`schleswigHolstein`).
    static func contributorID(_ node: YAMLNode?, yaml: inout YAMLReader) -> String? {
        guard let written = yaml.text(node, key: "contributor_id"), let node else { return nil }
        var name = Substring(written)
        for prefix in [contributorsPrefix, "https://dcat-ap.de/def/contributors/"] where written.hasPrefix(prefix) {
            name = written.dropFirst(prefix.count)
        }
        // GovData's names are letters and digits in camel case, e.g. `bundesamtFuerStatistik`.
        guard let first = name.first, first.isASCII, first.isLetter, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
            let hint =
                written.contains("/") && !written.hasPrefix(contributorsPrefix)
                ? Message(.hintContributorIRI, ["prefix": .value(contributorsPrefix)])
                : Message(.hintContributorID)
            yaml.diagnostics.error(
                yaml.location(node), .notAContributorID, ["value": .value(written), "prefix": .value(contributorsPrefix)], hint: hint)
            return nil
        }
        return contributorsPrefix + name
    }

    /// The slugs of Handlungsfelder whose entry has an error: reported at
    /// the entry, so references to them are not reported again.
    private(set) var claimedFelder: Set<String> = []
    /// handlungsfelder.yaml could not be read as a list at all (not UTF-8, a
    /// YAML syntax error): no reference to a Handlungsfeld can be checked.
    private(set) var felderUnreadable = false

    mutating func handlungsfelder(_ file: InputFile, label: String) -> [Handlungsfeld] {
        guard let (reader, root) = document(file, label: label) else {
            felderUnreadable = true
            return []
        }
        var yaml = reader
        defer { diagnostics.append(contentsOf: yaml.diagnostics) }
        guard let root else {
            felderUnreadable = yaml.diagnostics.hasErrors
            return []
        }
        if root.sequence == nil { felderUnreadable = true }
        var seen: [String: SourceLocation] = [:]
        var result: [Handlungsfeld] = []
        for item in yaml.list(root, key: "handlungsfelder.yaml") {
            guard
                let f = yaml.fields(
                    item, what: Message(.placeHandlungsfeld), required: Keys.handlungsfeldRequired, optional: Keys.handlungsfeldOptional),
                let slug = yaml.slugReference(f["slug"], key: "slug"), let name = yaml.text(f["name"], key: "name")
            else {
                claim(item)
                continue
            }
            if let first = seen[slug.slug] {
                yaml.diagnostics.error(
                    slug.location, .handlungsfeldTwice, ["slug": .value(slug.slug), "line": .number(first.line)],
                    hint: Message(.hintOwnSlug))
                continue
            }
            seen[slug.slug] = slug.location
            result.append(
                Handlungsfeld(
                    slug: slug.slug, name: name, beschreibung: yaml.text(f["beschreibung"], key: "beschreibung"),
                    location: yaml.location(item)))
        }
        return result
    }

    /// The slug of an entry that has an error, as far as it can be read.
    private mutating func claim(_ item: YAMLNode) {
        guard let slug = item.mapping?.first(where: { $0.key.scalar?.string == "slug" })?.value.scalar?.string else { return }
        claimedFelder.insert(Slug.isValid(slug) ? slug : Slug.make(from: slug))
    }

    static func isLanguageTag(_ tag: String) -> Bool {
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }) else { return false }
        return parts.dropFirst().allSatisfy { (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
    }
}
