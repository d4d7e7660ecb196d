import Testing
@testable import SiteServer

/// No request target may name anything outside the built site.
@Suite struct RequestPathTests {
    @Test func sitePathsOfOrdinaryRequests() {
        #expect(RequestPath.sitePath("/") == "")
        #expect(RequestPath.sitePath("/kommunen/bendorf/") == "kommunen/bendorf/")
        #expect(RequestPath.sitePath("/kommunen/bendorf") == "kommunen/bendorf")
        #expect(RequestPath.sitePath("/kommunen//bendorf/?x=1#top") == "kommunen/bendorf/")
        #expect(RequestPath.sitePath("/medien/karte%20neu.png") == "medien/karte neu.png")
        #expect(RequestPath.sitePath("/medien/caf%C3%A9.png") == "medien/café.png")
        // Decoded once: `%252e` is the file name `%2e`, which the site does not have.
        #expect(RequestPath.sitePath("/%252e%252e/x") == "%2e%2e/x")
    }

    @Test(arguments: [
        "/../../etc/passwd",
        "/kommunen/../../etc/passwd",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd",
        "/kommunen/..%2f..%2fetc/passwd",
        "/./index.html",
        "/.sitegen-output",
        "/medien/.hidden",
        "/..",
        "/..\\..\\etc\\passwd",
        "/%5c..%5cetc",
        "/index.html%00.png",
        "/%zz",
        "/%",
        "/%C3",
        "etc/passwd",
        "http://example.org/",
        "*",
        "",
    ])
    func rejectsWhatCouldLeaveTheSite(_ target: String) {
        #expect(RequestPath.sitePath(target) == nil)
    }
}
