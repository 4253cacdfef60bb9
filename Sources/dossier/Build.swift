import ArgumentParser
import DossierCore
import DossierIO
import Foundation
import Synchronization

/// Options shared by commands that read a site.
struct SiteOptions: ParsableArguments {
    @Option(name: [.customShort("s"), .long],
            help: "The site's folder (default: the current folder, or the nearest one above it holding Content/site.yml).")
    var site: String?

    @Option(help: "Folder with site.yml, articles/, annotations/ and entities/ (default: SITE/Content).")
    var content: String?

    @Option(help: "Folder of templates and assets/ replacing the built-in theme's, file by file (default: SITE/Templates, if it exists, or templates: in site.yml).")
    var templates: String?

    @Option(name: .customLong("base-url"), help: "Absolute URL the site is published at (overrides base_url).")
    var baseURL: String?

    @Flag(help: "Include briefings marked draft: true.")
    var drafts = false

    @Flag(help: "Include briefings dated after today (left out by default).")
    var future = false

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @Flag(name: .customLong("allow-site-links"),
          help: "Follow symbolic links that point elsewhere inside the site; links leaving the site are skipped with a warning.")
    var allowSiteLinks = false

    @Flag(name: .customLong("no-quotes"), help: .hidden)
    var noQuotes = false

    var buildOptions: BuildOptions {
        BuildOptions(includeDrafts: drafts, today: Self.today, includeFuture: future, baseURL: baseURL, strict: strict, extractQuotes: !noQuotes)
    }

    /// Today in the machine's time zone: what "dated in the future" is measured against.
    static var today: ISODate {
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return ISODate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
    }

    /// The site's folders; `output` is the command's own `--output`, if it has one.
    func folders(output: String? = nil) throws -> SiteFolders {
        do {
            return try SiteFolders.locate(site: site, content: content, templates: templates, output: output,
                                          workingDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        } catch {
            printError("error: \(error)")
            throw ExitCode.failure
        }
    }

    func loader() throws -> ContentLoader {
        try folders().loader(displayRoot: URL(fileURLWithPath: FileManager.default.currentDirectoryPath), allowsLinksInsideSite: allowSiteLinks)
    }

    /// Loads the source tree, printing load problems; throws on environment failures.
    func load(diagnostics: inout [Diagnostic]) throws -> SourceTree {
        let loader = try loader()
        do {
            return try loader.load(diagnostics: &diagnostics)
        } catch {
            printError("error: \(error)")
            if case LoadError.missingDirectory(_, what: "content") = error {
                printError("note: run 'dossier init' to start a site here, or name one with --site DIR")
            }
            throw ExitCode.failure
        }
    }
}

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Render Content/ through Templates/ into Output/.")

    @OptionGroup var site: SiteOptions

    @Option(help: "Folder to write the site to, replaced atomically (default: SITE/Output).")
    var output: String?

    @Flag(help: "Print how long each stage took and the peak memory.")
    var timings = false

    /// What a failed build did to the output folder: nothing.
    private func untouched(_ output: String) -> String {
        FileManager.default.fileExists(atPath: output) ? "\(output)/ left unchanged" : "nothing written to \(output)/"
    }

    func run() throws {
        StagingFolders.shared.removeOnInterrupt()
        let folders = try site.folders(output: output)
        let output = displayed(folders.output)
        let clock = ContinuousClock()
        let start = clock.now
        var loadDiagnostics: [Diagnostic] = []
        // Handed to the builder, which lets go of the source text once it is parsed.
        var tree = Optional(try site.load(diagnostics: &loadDiagnostics))
        let loaded = clock.now
        var options = site.buildOptions
        options.quoteClock = timings ? QuoteClock() : nil
        let builder = SiteBuilder(options: options, rebuilds: false)
        let renderStart = Mutex<ContinuousClock.Instant?>(nil)
        // Progress only on a terminal, and only when there is enough to wait for.
        let onTerminal = isatty(STDERR_FILENO) != 0
        let progress: @Sendable (Int, Int) -> Void = { done, total in
            if done == 0 { renderStart.withLock { $0 = ContinuousClock.now } }
            guard onTerminal, total > 1000, done > 0 else { return }
            FileHandle.standardError.write(Data("\rrendering and writing: \(done * 100 / total)% of \(total) page groups".utf8))
        }
        var update = SiteBuilder.Update.failed([])
        do {
            try OutputWriter(outputDirectory: folders.output).write { staging in
                update = try builder.build(tree.take()!, loadDiagnostics: loadDiagnostics, writingTo: staging, progress: progress)
                if onTerminal, update.totalJobs > 1000 { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
                return update.succeeded
            }
        } catch WriteError.interrupted {
            throw ExitCode(StagingFolders.shared.interruptedStatus ?? 130)
        } catch {
            printError("error: \(error)")
            throw ExitCode.failure
        }
        // The link check's locations are output paths: shown under the output folder.
        DiagnosticPrinter().print(update.diagnostics.map { d in
            var d = d
            if d.stage == .verify, let file = d.location?.file { d.location?.file = "\(output)/\(file)" }
            return d
        })
        guard update.succeeded, let s = update.site else {
            printError("build failed: \(count(update.diagnostics.errorCount, "error")); \(untouched(output))")
            throw ExitCode.failure
        }
        let elapsed = clock.now - start
        if timings {
            let rendered = renderStart.withLock { $0 } ?? clock.now
            printError("load \(format(loaded - start)), parse+link+plan \(format(rendered - loaded)), render+verify+write \(format(clock.now - rendered)), peak memory \(peakMemoryMiB()) MiB")
            let cpu = cpuSeconds()
            let quotes = options.quoteClock?.seconds ?? 0
            printError(String(format: "quote extraction %.2f s of %.2f s CPU (%.1f%%)", quotes, cpu, cpu > 0 ? quotes / cpu * 100 : 0))
        }
        print("built \(count(s.briefings.count, "briefing")), \(count(s.entities.count, "entity", "entities")), \(count(s.tags.count, "tag")): "
            + "\(count(update.fileCount, "file")) in \(output)/ in \(format(elapsed))"
            + (update.diagnostics.isEmpty ? "" : ", \(count(update.diagnostics.warningCount, "warning"))"))
        if s.heldBack > 0 {
            print("held back \(count(s.heldBack, "briefing")) dated after today (build with --future to include \(s.heldBack == 1 ? "it" : "them"))")
        }
    }
}

/// A path as the user would type it from here: relative to the current folder when inside it.
func displayed(_ url: URL) -> String {
    let here = FileManager.default.currentDirectoryPath
    let path = url.standardizedFileURL.path
    let prefix = here.hasSuffix("/") ? here : here + "/"
    return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
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
