/// The media type of a file of the built site, by its ending.
enum ContentType {
    static func of(_ path: String) -> String {
        let ending =
            path.split(separator: "/").last.flatMap { name in
                name.lastIndex(of: ".").map { String(name[name.index(after: $0)...]).lowercased() }
            } ?? ""
        switch ending {
        case "html", "htm": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js", "mjs": return "text/javascript; charset=utf-8"
        case "json": return "application/json"
        case "xml": return path.hasSuffix("feed.xml") ? "application/atom+xml; charset=utf-8" : "application/xml; charset=utf-8"
        case "txt", "md": return "text/plain; charset=utf-8"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "gif": return "image/gif"
        case "webp": return "image/webp"
        case "avif": return "image/avif"
        case "ico": return "image/x-icon"
        case "pdf": return "application/pdf"
        case "woff2": return "font/woff2"
        case "woff": return "font/woff"
        case "mp4": return "video/mp4"
        case "mp3": return "audio/mpeg"
        case "zip": return "application/zip"
        case "csv": return "text/csv; charset=utf-8"
        case "geojson": return "application/geo+json"
        case "ttl": return "text/turtle; charset=utf-8"
        case "ics": return "text/calendar; charset=utf-8"
        default: return "application/octet-stream"
        }
    }

    static func isHTML(_ path: String) -> Bool { of(path).hasPrefix("text/html") }
}
