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
        var loadDiagnostics: [Diagnostic] = []
        let tree = try site.load(diagnostics: &loadDiagnostics)
        var options = site.buildOptions
        // Quotes attributed only through a pronoun, a role or context: an editor confirms them (not `build`'s concern).
        options.reviewsQuotes = true
        // The link check needs the pages: rendered in memory, then dropped.
        // Built once: the builder lets go of the source text once parsed.
        let update = SiteBuilder(options: options, rebuilds: false).build(consume tree, loadDiagnostics: loadDiagnostics, writingTo: DroppedFiles())
        DiagnosticPrinter().print(update.diagnostics)
        if let linked = update.site {
            print("checked \(count(linked.briefings.count, "briefing")), \(count(linked.entities.count, "entity", "entities")): "
                + "\(count(update.diagnostics.errorCount, "error")), \(count(update.diagnostics.warningCount, "warning"))")
        }
        if update.diagnostics.hasErrors { throw ExitCode.failure }
    }
}

/// Where `dossier check`'s pages go once the link check has read them.
private struct DroppedFiles: OutputSink {
    func write(_ files: [OutputFile]) {}
}
