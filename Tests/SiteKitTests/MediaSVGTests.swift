import Foundation
import Testing
@testable import SiteKit

/// An SVG in medien/ is published as a document of its own; one that can
/// run a script or load anything is an error at its place in the file.
@Suite struct MediaSVGTests {
    func errors(_ svg: String, name: String = "medien/bild.svg") -> [String] {
        Fixture.errors([:], mediaFiles: [name: svg])
    }

    let open = "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" viewBox=\"0 0 10 10\">"

    @Test func cleanSVGsPass() throws {
        let example = try String(contentsOf: Fixture.repoRoot.appendingPathComponent("content/medien/illustration-netzwerk.svg"), encoding: .utf8)
        #expect(errors(example) == [])
        let inkscape = """
            <?xml version="1.0" encoding="UTF-8" standalone="no"?>
            <!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
            \(open)
              <defs><linearGradient id="g"><stop offset="0" stop-color="#fff"/></linearGradient>
              <style><![CDATA[ .a { fill: url(#g); } ]]></style></defs>
              <metadata><rdf:RDF><cc:Work rdf:about=""><dc:type rdf:resource="http://purl.org/dc/dcmitype/StillImage"/></cc:Work></rdf:RDF></metadata>
              <sodipodi:namedview id="base" pagecolor="#ffffff"/>
              <rect class="a" width="10" height="10" fill="url(#g)" style="stroke: url( '#g' )"/>
              <use xlink:href="#g"/><use href="#g"/><a href="#g"><text>T</text></a>
            </svg>
            """
        #expect(errors(inkscape) == [])
    }

    @Test func scriptsHandlersAndReferencesAreErrorsAtTheirPlace() {
        let label = "content/medien/bild.svg"
        #expect(
            errors("\(open)\n  <script>alert(1)</script>\n</svg>") == [
                "\(label):2:3: the SVG contains a script (`<script>`); scripts in images are not published"
            ])
        #expect(
            errors("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>") == [
                "\(label):1:41: the SVG has an event handler (`onload` on `<svg>`), which runs a script"
            ])
        #expect(
            errors("\(open)\n<image xlink:href=\"https://evil.example/x.png\"/></svg>") == [
                "\(label):2:8: the SVG refers to `https://evil.example/x.png` (`xlink:href` on `<image>`); an SVG may only refer to its own parts (#id)"
            ])
        #expect(
            errors("\(open)<a href=\"javascript:alert(1)\"><text>x</text></a></svg>") == [
                "\(label):1:\(open.count + 4): the SVG refers to `javascript:alert(1)` (`href` on `<a>`); an SVG may only refer to its own parts (#id)"
            ])
        #expect(
            errors("\(open)\n<foreignObject><div>x</div></foreignObject></svg>") == [
                "\(label):2:1: the SVG contains `<foreignobject>`, which can carry HTML and scripts",
                "\(label):2:16: the SVG contains the HTML element `<div>`, which an SVG image cannot use",
            ])
        #expect(
            errors("<?xml-stylesheet href=\"https://evil.example/a.css\"?>\n\(open)</svg>") == [
                "\(label):1:1: the SVG loads a style sheet (`<?xml-stylesheet …?>`)"
            ])
        #expect(
            errors("<!DOCTYPE svg [<!ENTITY s \"x\">]>\n\(open)&s;</svg>") == [
                "\(label):1:16: the SVG declares an entity (`<!ENTITY`), which can hide markup from this check"
            ])
        #expect(
            errors("\(open)\n<rect style=\"fill: url(https://evil.example/p.svg#a)\"/></svg>") == [
                "\(label):2:7: the SVG refers to `url(https://evil.example/p.svg#a)` (`style` on `<rect>`); an SVG may only refer to its own parts (#id)"
            ])
        #expect(
            errors("\(open)\n<style>@import \"https://evil.example/a.css\";</style></svg>") == [
                "\(label):2:1: the SVG's style sheet refers to `@import`; an SVG may only refer to its own parts (#id)"
            ])
        #expect(errors("\(open)<a><set attributeName=\"href\" to=\"javascript:alert(1)\"/></a></svg>").count == 2)
        #expect(errors("\(open)<a><animate attributeName=\"xlink:href\" values=\"#a;#b\"/></a></svg>").count == 1)
        #expect(errors("\(open)<x:script xmlns:x=\"http://www.w3.org/2000/svg\">alert(1)</x:script></svg>").count == 1)
        #expect(errors("\(open)<h:b xmlns:h=\"http://www.w3.org/1999/xhtml\">x</h:b></svg>").count == 1)
        // Breaking out of SVG into HTML, where `<xmp>` hides the script from an HTML parser but not from XML.
        #expect(errors("\(open)<p/><xmp><script>alert(1)</script></xmp></svg>").first?.hasPrefix("\(label):1:") == true)
    }

    @Test func everyKindIsReportedOnceAndTheHintSaysWhatToDo() {
        let result = Fixture.render(mediaFiles: ["medien/BILD.SVG": "\(open)<script/><script/><rect onclick=\"a\" onmouseover=\"b\"/></svg>"])
        #expect(
            result.diagnostics.map(\.message) == [
                "the SVG contains a script (`<script>`); scripts in images are not published",
                "the SVG has an event handler (`onclick` on `<rect>`), which runs a script",
            ])
        #expect(
            result.diagnostics.allSatisfy {
                $0.severity == .error && $0.hint == "save the image again without scripts and links to other files, e.g. as plain SVG or as PNG"
            })
        #expect(result.files == nil)
    }

    @Test func filesThatCannotBeCheckedAreRefused() {
        #expect(errors("x", name: "medien/bild.svgz") == ["content/medien/bild.svgz:1:1: a compressed SVG (.svgz) cannot be checked for scripts"])
        #expect(Fixture.render(mediaFiles: ["medien/bild.png": "<svg onload=alert(1)>"]).errorCount == 0)
        func nested(_ depth: Int) -> String {
            open + String(repeating: "<g>", count: depth) + "<script>alert(1)</script>" + String(repeating: "</g>", count: depth) + "</svg>"
        }
        // The 200th element is the 199th <g>, after the opening tag.
        #expect(
            errors(nested(300)) == [
                "content/medien/bild.svg:1:\(open.count + 198 * 3 + 1): the SVG nests elements more than 200 deep and cannot be checked"
            ])
        #expect(errors(nested(100_000)) == ["content/medien/bild.svg:1:1: the SVG nests elements more than 1000 deep and cannot be checked"])
    }

    @Test func svgFilesOnDiskAreRead() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("svgcheck-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("a.svg")
        try Data("\(open)\n\n<script>x</script></svg>".utf8).write(to: file)
        var input = Fixture.input()
        input.media = [PassThroughFile(path: "medien/a.svg", origin: .disk(absolutePath: file.path))]
        let result = Build.render(input)
        #expect(result.diagnostics.map { "\($0.location.line):\($0.location.column)" } == ["3:1"])
    }
}

/// Files that would run as pages of the site are not media.
@Suite struct ActiveMediaTests {
    @Test func pagesAndScriptsInMedienAreErrors() {
        let result = Fixture.render(media: ["medien/alt.HTML", "medien/app.js", "medien/feed.xml", "medien/plan.pdf", "medien/js/readme.txt"])
        #expect(
            result.diagnostics.map(\.formatted) == [
                "content/medien/alt.HTML:1:1: error: medien/ holds images and documents to download; HTML files would be published unchecked, under the site's address (remove it; write the content as a free page in seiten/, or link it where it is published)",
                "content/medien/app.js:1:1: error: medien/ holds images and documents to download; JavaScript files would be published unchecked, under the site's address (remove it; write the content as a free page in seiten/, or link it where it is published)",
                "content/medien/feed.xml:1:1: error: medien/ holds images and documents to download; XML files would be published unchecked, under the site's address (remove it; write the content as a free page in seiten/, or link it where it is published)",
            ])
    }
}
