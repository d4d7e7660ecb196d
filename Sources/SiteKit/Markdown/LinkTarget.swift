/// What a link in a body points to, decided from its URL alone.
enum LinkTarget: Equatable {
    case external
    case anchor(String)
    /// A path below the content folder ending in `.md`.
    case page(path: String, fragment: String?)
    /// A path below `medien/`, and the `?query` and `#fragment` as written.
    case media(path: String, suffix: String)
    /// A relative path that is neither a content file nor below `medien/`
    /// (`Vallendar`, `../kommunen/vallendar`): only the whole site can say
    /// which file it probably means.
    case notContent(path: String)
    case invalid(message: Message, hint: Message?)

    /// `directory` is the folder of the linking file inside the content
    /// folder, e.g. `["kommunen"]`.
    static func classify(_ url: String, from directory: [String]) -> LinkTarget {
        if url.isEmpty { return .invalid(message: Message(.linkWithoutTarget), hint: nil) }
        if url.hasPrefix("#") { return .anchor(String(url.dropFirst())) }
        if let scheme = scheme(of: url) {
            guard allowedSchemes.contains(scheme) else {
                return .invalid(
                    message: Message(.linkScheme, ["url": .value(url), "scheme": .value(scheme)]), hint: Message(.hintLinkSchemes))
            }
            return .external
        }
        if url.hasPrefix("//") { return .external }
        if url.hasPrefix("/") {
            return .invalid(message: Message(.linkFromRoot, ["url": .value(url)]), hint: Message(.hintRelativeLink))
        }
        // Below U+0300 no character joins a `#`, `?` or `/` to its neighbours,
        // so text of such scalars (nearly every link) is cut on its bytes;
        // other text by its characters, as written.
        let simple = url.utf8.allSatisfy { $0 < 0xCC }
        var rest = Substring(url)
        var fragment: String?
        if let hash = simple ? rest.utf8.firstIndex(of: UInt8(ascii: "#")) : rest.firstIndex(of: "#") {
            fragment = String(rest[rest.index(after: hash)...])
            rest = rest[..<hash]
        }
        if let query = simple ? rest.utf8.firstIndex(of: UInt8(ascii: "?")) : rest.firstIndex(of: "?") { rest = rest[..<query] }
        let suffix = String(url[rest.endIndex...])
        let encoded = simple ? rest.utf8.contains(UInt8(ascii: "%")) : rest.contains(Character("%"))
        let decoded = encoded ? (String(rest).removingPercentEncoding ?? String(rest)) : String(rest)
        let pieces =
            decoded.utf8.allSatisfy { $0 < 0xCC }
            ? decoded.utf8.split(separator: UInt8(ascii: "/")).map { Substring($0) }
            : decoded.split(separator: "/", omittingEmptySubsequences: true)
        var parts = directory
        for part in pieces {
            switch part {
            case ".": continue
            case "..":
                if parts.isEmpty {
                    return .invalid(message: Message(.linkOutside, ["url": .value(url)]), hint: Message(.hintCountDotDot))
                }
                parts.removeLast()
            default: parts.append(String(part))
            }
        }
        let path = parts.joined(separator: "/")
        if path.hasPrefix("medien/") { return .media(path: path, suffix: suffix) }
        if path.hasSuffix(".md") { return .page(path: path, fragment: fragment) }
        return .notContent(path: path)
    }

    /// The schemes a link or image on the site may have; anything else
    /// (`javascript:`, `data:`, `vbscript:`, `file:` …) can run code or
    /// reaches outside the web.
    static let allowedSchemes: Set<String> = ["http", "https", "mailto", "tel"]

    /// The scheme of `url` in lower case as a browser reads it, nil for a
    /// relative URL. Browsers drop leading and trailing spaces and control
    /// characters and every tab and line break first, so `java&#x09;script:`
    /// (decoded by cmark or the HTML parser) and ` JaVaScRiPt:` are
    /// `javascript`.
    static func scheme(of url: String) -> String? {
        var scheme = ""
        var started = false
        for scalar in url.unicodeScalars {
            switch scalar {
            case "\t", "\n", "\r":
                continue
            case _ where !started && scalar.value <= 0x20:
                continue
            case ":":
                return started ? scheme : nil
            case "a"..."z", "A"..."Z":
                scheme.unicodeScalars.append(Unicode.Scalar(UInt8(scalar.value) | 0x20))
            case "0"..."9", "+", "-", ".":
                guard started else { return nil }
                scheme.unicodeScalars.append(scalar)
            default:
                return nil
            }
            started = true
        }
        return nil
    }

    /// Media paths keep their names; only characters a URL cannot carry are escaped.
    static func percentEncoded(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#")
        return path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
    }
}

import Foundation
