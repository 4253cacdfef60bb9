import ArgumentParser
import DossierCore

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Render Content/ through Templates/ into Output/.")
    func run() throws {}
}
