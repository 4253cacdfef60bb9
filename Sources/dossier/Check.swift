import ArgumentParser
import DossierCore
import DossierIO
import Foundation

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run every validation of build without writing anything.",
        discussion: "Exits 1 when there are errors (or warnings, with --strict).")

    @OptionGroup var site: SiteOptions

    func run() throws {
        var diagnostics: [Diagnostic] = []
        let tree = try site.load(diagnostics: &diagnostics)
        let result = SiteBuilder.build(tree, options: site.buildOptions, renderOutput: false)
        diagnostics = site.report(diagnostics, result.diagnostics)
        if let linked = result.site {
            print("checked \(count(linked.briefings.count, "briefing")), \(count(linked.entities.count, "entity", "entities")): "
                + "\(count(diagnostics.errorCount, "error")), \(count(diagnostics.warningCount, "warning"))")
        }
        if diagnostics.hasErrors { throw ExitCode.failure }
    }
}
