import Foundation

/// schema.org descriptions of pages, embedded as `application/ld+json`.
enum JSONLD {
    static func kommune(_ k: Kommune, model: SiteModel) -> String {
        var area: [String: Any] = ["@type": "AdministrativeArea", "name": k.name]
        if let ags = k.ags {
            area["identifier"] = ["@type": "PropertyValue", "propertyID": "AGS", "value": ags]
        }
        if let c = k.koordinaten {
            area["geo"] = ["@type": "GeoCoordinates", "latitude": c.breite, "longitude": c.laenge]
        }
        var org: [String: Any] = [
            "@context": "https://schema.org", "@type": "GovernmentOrganization",
            "name": k.fullName,
            "areaServed": area,
            "url": model.settings.baseURL + ContentKind.kommune.pagePath(slug: k.slug),
        ]
        if let w = k.website { org["sameAs"] = w }
        if let kreis = k.kreis.flatMap({ model.kommune($0.slug) }) {
            org["parentOrganization"] = ["@type": "GovernmentOrganization", "name": kreis.fullName,
                                         "url": model.settings.baseURL + ContentKind.kommune.pagePath(slug: kreis.slug)]
        }
        return encode(org)
    }

    static func kaffeerunde(_ r: Kaffeerunde, model: SiteModel) -> String {
        var event: [String: Any] = [
            "@context": "https://schema.org", "@type": "Event", "name": r.titel,
            "startDate": r.datum.description,
            "eventAttendanceMode": "https://schema.org/OnlineEventAttendanceMode",
            "location": ["@type": "VirtualLocation", "url": model.settings.baseURL + ContentKind.kaffeerunde.pagePath(slug: r.slug)],
            "superEvent": ["@type": "EventSeries", "name": r.reihe],
            "url": model.settings.baseURL + ContentKind.kaffeerunde.pagePath(slug: r.slug),
        ]
        if let n = r.teilnehmende { event["maximumAttendeeCapacity"] = n }
        let performers: [[String: Any]] = r.impulse.map { i in
            var person: [String: Any] = ["@type": "Person", "name": i.name]
            if let f = i.funktion { person["jobTitle"] = f }
            if let k = i.kommune.flatMap({ model.kommune($0.slug) }) { person["affiliation"] = ["@type": "GovernmentOrganization", "name": k.name] }
            return person
        }
        if !performers.isEmpty { event["performer"] = performers }
        if let h = model.settings.herausgeber { event["organizer"] = ["@type": "Organization", "name": h.name, "url": model.settings.baseURL] }
        return encode(event)
    }

    static func website(_ model: SiteModel) -> String {
        var site: [String: Any] = ["@context": "https://schema.org", "@type": "WebSite", "name": model.settings.titel,
                                   "url": model.settings.baseURL, "inLanguage": model.settings.sprache]
        if let d = model.settings.beschreibung { site["description"] = d }
        if let h = model.settings.herausgeber { site["publisher"] = ["@type": "Organization", "name": h.name] }
        return encode(site)
    }

    /// Sorted keys keep the output byte-identical between builds; `<`, `>`
    /// and `&` are escaped so `</script>` can never end the script element.
    /// (JSONSerialization does the same at ten times the cost.)
    static func encode(_ value: Any) -> String {
        var out = ""
        write(value, to: &out)
        return out
    }

    private static func write(_ value: Any, to out: inout String) {
        switch value {
        case let dict as [String: Any]:
            out += "{"
            for (i, key) in dict.keys.sorted().enumerated() {
                if i > 0 { out += "," }
                write(key, to: &out)
                out += ":"
                write(dict[key]!, to: &out)
            }
            out += "}"
        case let array as [Any]:
            out += "["
            for (i, item) in array.enumerated() {
                if i > 0 { out += "," }
                write(item, to: &out)
            }
            out += "]"
        case let string as String:
            out += "\""
            for scalar in string.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                case "<": out += "\\u003c"
                case ">": out += "\\u003e"
                case "&": out += "\\u0026"
                default:
                    if scalar.value < 0x20 {
                        out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16)
                    } else {
                        out.unicodeScalars.append(scalar)
                    }
                }
            }
            out += "\""
        case let int as Int:
            out += String(int)
        case let double as Double:
            out += double == double.rounded() && abs(double) < 1e15 ? String(Int(double)) : "\(double)"
        case let bool as Bool:
            out += bool ? "true" : "false"
        default:
            out += "null"
        }
    }
}
