// swift-tools-version: 6.1
import PackageDescription

/// Swift 6 language mode plus the upcoming features that keep the public surface honest.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "minutes",
    products: [
        .executable(name: "minutes", targets: ["minutes"]),
        .library(name: "MinutesKit", targets: ["Ingest", "Extract", "Publish"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        // C: the only target that sees cmark.h.
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"]), .brew(["cmark"])]
        ),

        // The pipeline, one way: Ingest -> Extract -> Publish.
        .target(
            name: "Ingest",
            dependencies: [
                "CCmark",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: strictSettings
        ),
        .target(name: "Extract", dependencies: ["Ingest"], swiftSettings: strictSettings),
        .target(
            name: "Publish",
            dependencies: [
                "Extract",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            swiftSettings: strictSettings
        ),

        // The command line: a thin shell over the stages.
        .executableTarget(
            name: "minutes",
            dependencies: [
                "Ingest", "Extract", "Publish",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),

        .testTarget(name: "IngestTests", dependencies: ["Ingest", "TestSupport"], swiftSettings: strictSettings),
        .testTarget(
            name: "ExtractTests",
            dependencies: ["Extract", "TestSupport", .product(name: "PropertyBased", package: "swift-property-based")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "PublishTests",
            dependencies: ["Publish", "TestSupport", .product(name: "PropertyBased", package: "swift-property-based")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "minutesTests",
            dependencies: ["minutes", "TestSupport"],
            exclude: ["Golden"],  // read through #filePath
            swiftSettings: strictSettings
        ),

        // Helpers shared by the test targets: paths, running programs, golden files.
        .target(name: "TestSupport", path: "Tests/TestSupport", swiftSettings: strictSettings),
    ]
)

// The libFuzzer target exists only for `scripts/fuzz` (which sets MINUTES_FUZZ and the sanitizer flags), so plain
// `swift build` and `swift test` never see it.
if Context.environment["MINUTES_FUZZ"] != nil {
    package.products.append(.executable(name: "minutes-fuzz", targets: ["MinutesFuzz"]))
    package.targets += [
        .target(name: "CFuzzMain", path: "Fuzz/CFuzzMain"),
        .executableTarget(
            name: "MinutesFuzz",
            dependencies: ["CFuzzMain", "Ingest", "Extract", "Publish"],
            path: "Fuzz/MinutesFuzz",
            swiftSettings: strictSettings
        ),
    ]
}
