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
    ],
    targets: [
        // cmark-gfm and its GFM extensions, as Debian ships them (libcmark-gfm-dev,
        // libcmark-gfm-extensions-dev). Only Markdown/CMark.swift imports this module.
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: nil,
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // The few POSIX calls Swift cannot reach directly (renameat2 for the atomic swap).
        .target(name: "CSystemExtras"),
        .target(
            name: "SiteKit",
            dependencies: [
                "CCmarkGFM",
                "CSystemExtras",
                // Yams brings libyaml (its CYaml module), which Model/YAMLComposer reads directly.
                .product(name: "Yams", package: "Yams"),
            ],
            // The parallel stages share immutable arrays through unsafe buffers;
            // Swift 5 mode keeps that readable without per-line annotations.
            swiftSettings: [.swiftLanguageMode(.v5)]
        ),
        // The preview server of `sitegen serve`. Its own module so that SiteKit,
        // which CI and the tests use for building, stays free of the web stack.
        .target(
            name: "SiteServer",
            dependencies: [
                "SiteKit",
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
            ]
        ),
        // swift-mustache renders the theme in the tests as the reference the
        // template engine in SiteKit/Render/Mustache must match byte for byte;
        // Yams' composer is the reference for SiteKit's YAMLComposer.
        .testTarget(
            name: "SiteKitTests",
            dependencies: [
                "SiteKit",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .testTarget(
            name: "SiteServerTests",
            dependencies: ["SiteServer", "SiteKit"]
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
