import ArgumentParser

@main
struct Dossier: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build annotated news briefings into a static site.",
        subcommands: [Build.self, Check.self, New.self, Serve.self],
        defaultSubcommand: Build.self)
}
