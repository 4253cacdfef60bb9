import ArgumentParser

@main
struct Dossier: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build annotated news briefings into a static site.",
        subcommands: [Build.self, Check.self, New.self],
        defaultSubcommand: Build.self)
}
