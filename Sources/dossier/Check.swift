import ArgumentParser
import DossierCore
import DossierIO
import Foundation

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run every validation of build, the link check included, without writing anything.",
        discussion: "Exits 1 when there are errors (or warnings, with --strict).")

    @OptionGroup var site: SiteOptions

    func run() throws {
        var diagnostics: [Diagnostic] = []
        let tree = try site.load(diagnostics: &diagnostics)
        let result = SiteBuilder.build(tree, options: site.buildOptions)
        var problems = result.diagnostics
        // Quotes attributed only through a pronoun, a role or context: an editor confirms them (not `build`'s concern).
        if let linked = result.site { problems += QuoteReview.warnings(in: linked).finished(strict: site.buildOptions.strict) }
        if !problems.hasErrors {
            // The link check of `build` needs the pages: rendered in memory, then dropped.
            let links = result.makeLinkCheck()
            result.plan.recordingLinks(into: links).renderDiscarding()
            problems += links.diagnostics()
        }
        diagnostics = site.report(diagnostics, problems)
        if let linked = result.site {
            print("checked \(count(linked.briefings.count, "briefing")), \(count(linked.entities.count, "entity", "entities")): "
                + "\(count(diagnostics.errorCount, "error")), \(count(diagnostics.warningCount, "warning"))")
        }
        if diagnostics.hasErrors { throw ExitCode.failure }
    }
}
