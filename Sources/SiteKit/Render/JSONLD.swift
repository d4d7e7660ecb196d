import Foundation

/// schema.org descriptions of pages, embedded as `application/ld+json`.
enum JSONLD {
    /// A profile: written directly (see `JSONLDText`), members in sorted order.
    static func kommune(_ k: Kommune, reads: ModelReads) -> String {
        let base = reads.settings.baseURL
        let url = base + ContentKind.kommune.pagePath(slug: k.slug)
        let kreis = k.kreis.flatMap { reads.kommune($0.slug) }
        // The page describes the organisation: `stand` dates the page, which
        // schema.org has no property for on an organisation.
        return JSONLDText.make { page in
            page.string("@context", "https://schema.org")
            page.string("@type", "ProfilePage")
            page.string("dateModified", k.stand?.description)
            page.string("description", k.kurzbeschreibung)
            page.object("mainEntity") { organization in
                organization.string("@type", "GovernmentOrganization")
                organization.object("areaServed") { area in
                    area.string("@type", "AdministrativeArea")
                    if let point = k.koordinaten {
                        area.object("geo") { geo in
                            geo.string("@type", "GeoCoordinates")
                            geo.number("latitude", point.breite)
                            geo.number("longitude", point.laenge)
                        }
                    }
                    if let ags = k.ags {
                        area.object("identifier") { identifier in
                            identifier.string("@type", "PropertyValue")
                            identifier.string("propertyID", "AGS")
                            identifier.string("value", ags)
                        }
                    }
                    area.string("name", k.name)
                }
                organization.string("name", k.fullName)
                if let kreis {
                    organization.object("parentOrganization") { parent in
                        parent.string("@type", "GovernmentOrganization")
                        parent.string("name", kreis.fullName)
                        parent.string("url", base + ContentKind.kommune.pagePath(slug: kreis.slug))
                    }
                }
                organization.string("sameAs", k.website)
                organization.string("url", url)
            }
            page.string("url", url)
        }
    }

    static func kaffeerunde(_ r: Kaffeerunde, reads: ModelReads) -> String {
        let settings = reads.settings
        let url = JSONValue.string(settings.baseURL + ContentKind.kaffeerunde.pagePath(slug: r.slug))
        let performers: [JSONValue] = r.impulse.map { i in
            object([
                ("@type", "Person"), ("name", .string(i.name)), ("jobTitle", i.funktion.map { .string($0) }),
                (
                    "affiliation",
                    i.kommune.flatMap { reads.kommune($0.slug) }.map {
                        object([("@type", "GovernmentOrganization"), ("name", .string($0.name))])
                    }
                ),
            ])
        }
        return object([
            ("@context", "https://schema.org"), ("@type", "Event"), ("name", .string(r.titel)),
            ("startDate", .string(eventTime(r.datum, r.beginn))),
            ("endDate", r.ende.map { .string(eventTime(r.datum, $0)) }),
            // Held or announced, a session takes place as planned: the
            // content format has no way to cancel or move one.
            ("eventStatus", "https://schema.org/EventScheduled"),
            ("eventAttendanceMode", "https://schema.org/OnlineEventAttendanceMode"),
            ("location", object([("@type", "VirtualLocation"), ("url", url)])),
            ("superEvent", object([("@type", "EventSeries"), ("name", .string(r.reihe))])),
            ("url", url),
            ("maximumAttendeeCapacity", r.teilnehmende.map { .integer($0) }),
            ("performer", performers.isEmpty ? nil : .array(performers)),
            (
                "organizer",
                settings.herausgeber.map {
                    object([("@type", "Organization"), ("name", .string($0.name)), ("url", .string(settings.baseURL))])
                }
            ),
        ]).embeddable
    }

    /// `2027-01-21`, or with a time `2027-01-21T10:00:00+01:00`: the
    /// offset of German time on that day (CET or CEST), so the moment is exact.
    static func eventTime(_ datum: CalendarDate, _ zeit: ClockTime?) -> String {
        guard let zeit, let day = datum.day else { return datum.description }
        let local = BerlinTime.days(datum.year, datum.month, day) * 86400 + zeit.hour * 3600 + zeit.minute * 60
        return datum.description + "T\(zeit):00" + (BerlinTime.offset(localSeconds: local) == 7200 ? "+02:00" : "+01:00")
    }

    static func website(_ settings: SiteSettings) -> String {
        object([
            ("@context", "https://schema.org"), ("@type", "WebSite"), ("name", .string(settings.titel)),
            ("url", .string(settings.baseURL)), ("inLanguage", .string(settings.sprache)),
            ("description", settings.beschreibung.map { .string($0) }),
            ("publisher", settings.herausgeber.map { object([("@type", "Organization"), ("name", .string($0.name))]) }),
        ]).embeddable
    }

    /// The `daten/` page: a `DataCatalog` of `Dataset`s, each file a `DataDownload`.
    static func dataCatalog(_ datasets: [OpenData.Dataset], settings: SiteSettings) -> String {
        let base = settings.baseURL, lizenz = JSONValue.string(settings.datenLizenz.url)
        let publisher = settings.herausgeber.map { object([("@type", "Organization"), ("name", .string($0.name))]) }
        return object([
            ("@context", "https://schema.org"), ("@type", "DataCatalog"),
            ("name", .string("Offene Daten: " + settings.titel)), ("url", .string(base + OpenData.folder)),
            ("inLanguage", .string(settings.sprache)), ("license", lizenz), ("publisher", publisher),
            (
                "dataset",
                .array(
                    datasets.map { d in
                        object([
                            ("@type", "Dataset"), ("name", .string(d.title)), ("description", .string(d.description)),
                            ("url", .string(base + OpenData.folder + "#_" + d.name)), ("license", lizenz),
                            ("isAccessibleForFree", .bool(true)), ("inLanguage", .string(settings.sprache)), ("publisher", publisher),
                            (
                                "distribution",
                                .array(
                                    d.files.map { f in
                                        object([
                                            ("@type", "DataDownload"), ("contentUrl", .string(base + f.path)),
                                            ("encodingFormat", .string(f.mediaType)), ("contentSize", .string("\(f.bytes) B")),
                                        ])
                                    })
                            ),
                        ])
                    })
            ),
        ]).embeddable
    }

    /// schema.org's trail of a page: `pages` from the home page down to the page itself, with absolute URLs.
    /// Written directly (`JSONLDText`): every page has one, and a `JSONValue`
    /// tree for each was a measurable part of a build (BENCHMARKS.md).
    static func breadcrumbs(_ pages: [(url: String, name: String)]) -> String {
        JSONLDText.make { list in
            list.string("@context", "https://schema.org")
            list.string("@type", "BreadcrumbList")
            list.objects("itemListElement", pages.enumerated()) { item, element in
                item.string("@type", "ListItem")
                item.string("item", element.element.url)
                item.string("name", element.element.name)
                item.integer("position", element.offset + 1)
            }
        }
    }

    /// An object of the members that are present, keys sorted, so the output
    /// is byte-identical between builds. (`embeddable` keeps `</script>` out
    /// of the script element.)
    private static func object(_ members: [(String, JSONValue?)]) -> JSONValue {
        .object(members.compactMap { key, value in value.map { (key, $0) } }.sorted { $0.0 < $1.0 })
    }
}
