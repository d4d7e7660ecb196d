/// What a link in a body points to, decided from its URL alone.
enum LinkTarget: Equatable {
    case external
    case anchor(String)
    /// A path below the content folder ending in `.md`.
    case page(path: String, fragment: String?)
    /// A path below `medien/`.
    case media(path: String)
    case invalid(message: String, hint: String?)

    /// `directory` is the folder of the linking file inside the content
    /// folder, e.g. `["kommunen"]`.
    static func classify(_ url: String, from directory: [String]) -> LinkTarget {
        if url.isEmpty { return .invalid(message: "link has no target", hint: nil) }
        if url.hasPrefix("#") { return .anchor(String(url.dropFirst())) }
        if hasScheme(url) || url.hasPrefix("//") { return .external }
        if url.hasPrefix("/") {
            return .invalid(
                message: "link `\(url)` starts at the server root, which breaks when the site is published under a sub-path",
                hint: "link to the content file by its relative path, e.g. ../kommunen/bendorf.md")
        }
        var rest = Substring(url)
        var fragment: String?
        if let hash = rest.firstIndex(of: "#") {
            fragment = String(rest[rest.index(after: hash)...])
            rest = rest[..<hash]
        }
        if let query = rest.firstIndex(of: "?") { rest = rest[..<query] }
        let decoded = rest.contains(Character("%")) ? (String(rest).removingPercentEncoding ?? String(rest)) : String(rest)
        var parts = directory
        for part in decoded.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                if parts.isEmpty {
                    return .invalid(message: "link `\(url)` points outside the content folder", hint: "count the ../ again")
                }
                parts.removeLast()
            default: parts.append(String(part))
            }
        }
        let path = parts.joined(separator: "/")
        if path.hasPrefix("medien/") { return .media(path: path) }
        if path.hasSuffix(".md") { return .page(path: path, fragment: fragment) }
        return .invalid(
            message: "link `\(url)` is neither a content file (.md) nor a file below medien/",
            hint: "link to pages by their Markdown file, e.g. ../kommunen/bendorf.md")
    }

    private static func hasScheme(_ url: String) -> Bool {
        guard let colon = url.firstIndex(of: ":") else { return false }
        let scheme = url[..<colon]
        guard let first = scheme.first, first.isLetter, first.isASCII else { return false }
        return scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") }
    }

    /// Media paths keep their names; only characters a URL cannot carry are escaped.
    static func percentEncoded(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#")
        return path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
    }
}

import Foundation
