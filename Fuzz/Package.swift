// swift-tools-version:6.0
// libFuzzer targets for Dossier's parsers; built only by scripts/fuzz with
// `--sanitize fuzzer --sanitize address` (libFuzzer supplies `main`).
import PackageDescription

let package = Package(
    name: "DossierFuzz",
    dependencies: [.package(name: "Dossier", path: "..")],
    targets: [
        .executableTarget(name: "DossierFuzz", dependencies: [.product(name: "DossierCore", package: "Dossier")]),
    ]
)
