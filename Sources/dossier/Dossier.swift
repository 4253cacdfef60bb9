import ArgumentParser
// Linked for its malloc, which replaces the C library's for the whole process (Sources/CJemalloc).
import CJemalloc

@main
struct Dossier: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build annotated news briefings into a static site.",
        version: dossierVersion,
        subcommands: [Build.self, Check.self, Serve.self, New.self, Init.self, Theme.self],
        defaultSubcommand: Build.self)
}

/// Printed by `dossier --version`.
let dossierVersion = "0.9.0"
