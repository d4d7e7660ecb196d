// swift-tools-version:6.1
import Foundation
import PackageDescription

let package = Package(
    name: "sitegen",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "sitegen", targets: ["sitegen"]),
        .library(name: "SiteKit", targets: ["SiteKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.5.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.0"),
    ],
    targets: [
        // cmark-gfm and its GFM extensions, as Debian ships them (libcmark-gfm-dev,
        // libcmark-gfm-extensions-dev). Only Markdown/CMarkDocument.swift imports this module.
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: nil,
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // libyaml, as Debian ships it (libyaml-dev). Only FrontMatterYAML's
        // YAMLComposer imports it.
        .systemLibrary(
            name: "CLibYAML",
            pkgConfig: nil,
            providers: [.apt(["libyaml-dev"])]
        ),
        // Google's HTML5 parser, as Debian ships it (libgumbo-dev): the raw HTML
        // sanitiser and the SVG check see markup exactly as a browser parses it.
        // Only Markdown/HTMLTree.swift imports this module.
        .systemLibrary(
            name: "CGumbo",
            pkgConfig: nil,
            providers: [.apt(["libgumbo-dev"])]
        ),
        // Snowball's stemmers, as Debian ships them (libstemmer-dev): the
        // site search reduces German words to their stems. Only
        // Search/GermanStemmer.swift imports this module.
        .systemLibrary(
            name: "CStemmer",
            pkgConfig: nil,
            providers: [.apt(["libstemmer-dev"])]
        ),
        // libvips, as Debian ships it (libvips-dev): photos become WebP and
        // JPEG in a few sizes at build time. Only Images/Vips.swift imports it.
        .systemLibrary(
            name: "CVips",
            pkgConfig: "vips",
            providers: [.apt(["libvips-dev"])]
        ),
        // The few POSIX calls Swift cannot reach directly (renameat2 for the atomic swap).
        .target(name: "CSystemExtras"),
        // The search index's word reader: every byte of every page's text,
        // eight at a time. Held to the rules of SiteKit's SearchText, written
        // out word by word, by SearchTests.
        .target(name: "CWordScan"),
        // Text helpers every stage shares: line and column of a byte offset,
        // "did you mean", HTML escaping, German order. The collator is the ICU
        // that ships with the toolchain's Foundation (see GermanCollation.swift).
        .target(name: "SiteText", linkerSettings: [.linkedLibrary("_FoundationICU")]),
        // Front matter read into a tree of text nodes with their places, by a
        // composer of our own on libyaml's events; held to Yams' composer by
        // its tests.
        .target(name: "FrontMatterYAML", dependencies: ["CLibYAML", "SiteText"]),
        // The Mustache engine of the theme: templates compiled once into a
        // flat program and rendered into bytes; held byte for byte to
        // swift-mustache by its tests.
        .target(name: "SiteTemplates", dependencies: ["SiteText"]),
        .target(
            name: "SiteKit",
            dependencies: [
                "CCmarkGFM",
                "CGumbo",
                "CStemmer",
                "CVips",
                "CSystemExtras",
                "CWordScan",
                "SiteText",
                "FrontMatterYAML",
                "SiteTemplates",
            ]
        ),
        // The preview server of `sitegen serve`. Its own module so that SiteKit,
        // which CI and the tests use for building, stays free of the web stack.
        .target(
            name: "SiteServer",
            dependencies: [
                "SiteKit",
                "SiteText",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "sitegen",
            dependencies: [
                "SiteKit",
                "SiteServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // mimalloc (Debian's libmimalloc-dev) replaces glibc's malloc in the
            // program: a build makes millions of small strings and arrays on
            // all cores, and glibc's allocator took a sixth of its time.
            linkerSettings: [.linkedLibrary("mimalloc", .when(platforms: [.linux]))]
        ),
        // What the test targets share: temporary folders that clean up after themselves.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(
            name: "SiteKitTests",
            dependencies: [
                "SiteKit",
                "SiteText",
                "TestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
                // Reads the CI files `sitegen init ci` writes, as the CI services would.
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // swift-mustache renders the theme as the reference the template
        // engine must match byte for byte.
        .testTarget(
            name: "SiteTemplatesTests",
            dependencies: [
                "SiteTemplates",
                "SiteKit",
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        // Yams' composer is the reference the YAML composer must match.
        .testTarget(
            name: "FrontMatterYAMLTests",
            dependencies: [
                "FrontMatterYAML",
                "SiteKit",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .testTarget(
            name: "SiteServerTests",
            dependencies: ["SiteServer", "SiteKit", "TestSupport"]
        ),
    ]
)

// The fuzz target of `make fuzz` (scripts/fuzz.sh): only with SITEGEN_FUZZ
// set, in its own build folder, so that `swift build` and `swift test` never
// see libFuzzer. The script instruments every module (-Xswiftc
// -sanitize=fuzzer); the flags here make the target libFuzzer's entry.
if ProcessInfo.processInfo.environment["SITEGEN_FUZZ"] != nil {
    package.targets.append(
        .executableTarget(
            name: "FuzzSiteKit",
            dependencies: ["SiteKit"],
            path: "Fuzz/FuzzSiteKit",
            swiftSettings: [.unsafeFlags(["-sanitize=fuzzer", "-parse-as-library"])],
            linkerSettings: [.unsafeFlags(["-sanitize=fuzzer"])]
        ))
    package.products.append(.executable(name: "FuzzSiteKit", targets: ["FuzzSiteKit"]))
}
