import ArgumentParser
import DossierCore
import DossierIO
import Foundation

/// Options shared by commands that read a site.
struct SiteOptions: ParsableArguments {
    @Option(help: "Folder with site.yml, articles/, annotations/ and entities/.")
    var content = "Content"

    @Option(help: "Folder with the Mustache templates and assets/.")
    var templates = "Templates"

    @Option(name: .customLong("base-url"), help: "Absolute URL the site is published at (overrides base_url).")
    var baseURL: String?

    @Flag(help: "Include briefings marked draft: true.")
    var drafts = false

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @Flag(name: .customLong("allow-site-links"),
          help: "Follow symbolic links that point elsewhere inside the site; links leaving the site are skipped with a warning.")
    var allowSiteLinks = false

    @Flag(name: .customLong("no-quotes"), help: .hidden)
    var noQuotes = false

    /// Load and build diagnostics together, sorted, with `--strict` applied, printed on stderr.
    func report(_ load: [Diagnostic], _ built: [Diagnostic]) -> [Diagnostic] {
        let all = (load + built).finished(strict: strict)
        DiagnosticPrinter().print(all)
        return all
    }

    var buildOptions: BuildOptions { BuildOptions(includeDrafts: drafts, baseURL: baseURL, strict: strict, extractQuotes: !noQuotes) }

    var loader: ContentLoader {
        ContentLoader(contentDirectory: URL(fileURLWithPath: content), templatesDirectory: URL(fileURLWithPath: templates),
                      allowsLinksInsideSite: allowSiteLinks)
    }

    /// Loads the source tree, printing load problems; throws on environment failures.
    func load(diagnostics: inout [Diagnostic]) throws -> SourceTree {
        do {
            return try loader.load(diagnostics: &diagnostics)
        } catch {
            printError("error: \(error)")
            throw ExitCode.failure
        }
    }
}

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Render Content/ through Templates/ into Output/.")

    @OptionGroup var site: SiteOptions

    @Option(help: "Folder to write the site to; replaced atomically.")
    var output = "Output"

    @Flag(help: "Print how long each stage took and the peak memory.")
    var timings = false

    /// What a failed build did to the output folder: nothing.
    private var untouched: String {
        FileManager.default.fileExists(atPath: output) ? "\(output)/ left unchanged" : "nothing written to \(output)/"
    }

    func run() throws {
        StagingFolders.shared.removeOnInterrupt()
        let clock = ContinuousClock()
        let start = clock.now
        var loadDiagnostics: [Diagnostic] = []
        let tree = try site.load(diagnostics: &loadDiagnostics)
        let loaded = clock.now
        var options = site.buildOptions
        options.quoteClock = timings ? QuoteClock() : nil
        var result = SiteBuilder.build(tree, options: options)
        let built = clock.now
        result.diagnostics = site.report(loadDiagnostics, result.diagnostics)
        guard !result.diagnostics.hasErrors else {
            printError("build failed: \(count(result.diagnostics.errorCount, "error")); \(untouched)")
            throw ExitCode.failure
        }
        let fileCount: Int
        let links = result.makeLinkCheck()
        do {
            // Progress only on a terminal, and only when there is enough to wait for.
            let showProgress = isatty(fileno(stderr)) != 0 && result.plan.jobs.count > 1000
            let report: @Sendable (Int, Int) -> Void = { done, total in
                FileHandle.standardError.write(Data("\rrendering and writing: \(done * 100 / total)% of \(total) page groups".utf8))
            }
            defer { if showProgress { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) } }
            fileCount = try OutputWriter(outputDirectory: URL(fileURLWithPath: output))
                .write(result.plan.recordingLinks(into: links), progress: showProgress ? report : nil, verify: links.diagnostics)
        } catch WriteError.verificationFailed(let problems) {
            // Link check locations are output paths; show them under the output folder.
            DiagnosticPrinter().print(problems.map { d in
                var d = d
                if d.stage == .render, let file = d.location?.file { d.location?.file = "\(output)/\(file)" }
                return d
            })
            printError("build failed: \(count(problems.errorCount, "error")); \(untouched)")
            throw ExitCode.failure
        } catch WriteError.interrupted {
            throw ExitCode(StagingFolders.shared.interruptedStatus ?? 130)
        } catch {
            printError("error: \(error)")
            throw ExitCode.failure
        }
        let elapsed = clock.now - start
        if timings {
            printError("load \(format(loaded - start)), parse+link \(format(built - loaded)), render+write \(format(clock.now - built)), peak memory \(peakMemoryMiB()) MiB")
            let cpu = cpuSeconds()
            let quotes = options.quoteClock?.seconds ?? 0
            printError(String(format: "quote extraction %.2f s of %.2f s CPU (%.1f%%)", quotes, cpu, cpu > 0 ? quotes / cpu * 100 : 0))
        }
        let s = result.site!
        print("built \(count(s.briefings.count, "briefing")), \(count(s.entities.count, "entity", "entities")), \(count(s.tags.count, "tag")): "
            + "\(count(fileCount, "file")) in \(output)/ in \(format(elapsed))"
            + (result.diagnostics.isEmpty ? "" : ", \(count(result.diagnostics.warningCount, "warning"))"))
    }
}

func count(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
    "\(n) \(n == 1 ? singular : plural ?? singular + "s")"
}

func format(_ duration: Duration) -> String {
    let ms = Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
    return ms < 1000 ? String(format: "%.0f ms", ms) : String(format: "%.2f s", ms / 1000)
}

/// User and system CPU time of this process so far, from getrusage.
func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}

/// Peak resident memory of this process so far, from getrusage.
func peakMemoryMiB() -> Int {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Int(usage.ru_maxrss) / 1024
}
