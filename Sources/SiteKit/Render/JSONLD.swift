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

    /// Sorted keys keep the output byte-identical between builds; the
    /// embeddable form keeps `</script>` out of the script element.
    static func encode(_ value: [String: Any]) -> String {
        json(value).embeddable
    }

    private static func json(_ value: Any) -> JSONValue {
        switch value {
        case let dict as [String: Any]: return .object(dict.keys.sorted().map { ($0, json(dict[$0]!)) })
        case let array as [Any]: return .array(array.map(json))
        case let string as String: return .string(string)
        case let int as Int: return .integer(int)
        case let double as Double: return .number(double)
        case let bool as Bool: return .bool(bool)
        default: return .string(String(describing: value))
        }
    }
}
