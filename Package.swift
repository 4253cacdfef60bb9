// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Dossier",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "dossier", targets: ["dossier"]),
        .library(name: "DossierCore", targets: ["DossierCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // The allocator of the `dossier` binary (see Sources/CJemalloc/shim.h).
        .systemLibrary(
            name: "CJemalloc",
            pkgConfig: "jemalloc",
            providers: [.apt(["libjemalloc-dev"])]
        ),
        // The preview server keeps the site it serves compressed (see Sources/CZstd/shim.h).
        .systemLibrary(
            name: "CZstd",
            pkgConfig: "libzstd",
            providers: [.apt(["libzstd-dev"])]
        ),
        // Mustache compiled against the page types it renders (no name lookups or casts when rendering).
        .target(name: "TypedMustache"),
        // The built-in theme, compiled into the binary from Sources/DossierTheme/Theme/.
        .target(name: "DossierTheme", exclude: ["Theme"], plugins: ["EmbedTheme"]),
        .executableTarget(name: "ThemeEmbedder"),
        .plugin(name: "EmbedTheme", capability: .buildTool(), dependencies: ["ThemeEmbedder"]),
        .target(
            name: "DossierCore",
            dependencies: [
                "CCmark", "TypedMustache",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .target(name: "CDossierSystem"),
        .target(name: "DossierIO", dependencies: ["DossierCore", "DossierTheme", "CDossierSystem"]),
        .target(
            name: "DossierServer",
            dependencies: [
                "DossierCore", "DossierIO", "CZstd",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
            ]
        ),
        .executableTarget(
            name: "dossier",
            dependencies: [
                "DossierCore", "DossierIO", "DossierServer", "DossierTheme", "CDossierSystem", "CJemalloc",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "DossierCoreTests",
            dependencies: ["DossierCore", "DossierIO", "DossierTheme"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "TypedMustacheTests",
            dependencies: ["TypedMustache"],
            resources: [.copy("Spec")]
        ),
        .testTarget(
            name: "DossierServerTests",
            dependencies: [
                "DossierCore", "DossierIO", "DossierServer",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
