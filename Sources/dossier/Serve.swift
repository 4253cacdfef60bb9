import ArgumentParser
import DossierCore
import DossierIO
import DossierServer
import CDossierSystem
import Foundation

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the site in memory, serve it on loopback, rebuild on changes and reload open pages.",
        discussion: "Nothing is written to Output/. Unless --base-url is given, feed, sitemap and canonical links point at the local server.")

    @OptionGroup var site: SiteOptions

    @Option(help: "Address to listen on; anything but loopback exposes the preview to the network.")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on.")
    var port = 8000

    @Option(name: .customLong("base-path"), help: "Serve the site under this path, as a host would (e.g. /dossier/).")
    var basePath = "/"

    @Option(name: .customLong("allow-host"),
            help: "Also answer requests whose Host is this name (repeatable); others than the bound host and loopback get 403.")
    var allowHost: [String] = []

    /// Benchmark: times incremental rebuilds after typical edits (annotation, entity) and exits.
    /// The edits are written to the content folder, so use it only on a generated site.
    @Flag(name: .customLong("measure-rebuilds"), help: .hidden)
    var measureRebuilds = false

    func validate() throws {
        // Not 0 (any free port): the site is built before the port is known, and links point at it.
        guard (1...65535).contains(port) else { throw ValidationError("--port must be between 1 and 65535") }
    }

    func run() async throws {
        dossier_line_buffer_stdout()  // progress lines appear at once, also when piped
        var options = site.buildOptions
        let base = SitePaths.normalizedBasePath(basePath)
        if options.baseURL == nil { options.baseURL = "http://\(host):\(port)\(base)" }
        let loader = try site.loader()
        let printer = DiagnosticPrinter()
        let session: PreviewSession
        do {
            session = try PreviewSession(loader: loader, options: options) { report in
                printer.print(report.diagnostics)
                let u = report.update
                if report.diagnostics.hasErrors {
                    printError("rebuild failed: \(count(report.diagnostics.errorCount, "error")); still serving the last good build")
                } else {
                    print("built in \(format(report.duration)): \(count(u.analysedBriefings, "briefing")) analysed, "
                        + "\(u.renderedJobs) of \(u.totalJobs) jobs rendered, \(count(u.changed.count + u.removed.count, "file")) changed")
                }
            }
        } catch {
            printError("error: \(error)")
            throw ExitCode.failure
        }
        if measureRebuilds { return try await measure(session) }
        let app = session.application(host: host, port: port, basePath: basePath, allowedHosts: allowHost) { port in
            print("serving at http://\(host):\(port)\(base) (Ctrl-C to stop)")
        }
        let watch = Task { await session.watch() }
        defer { watch.cancel(); session.stopWatching() }
        // Signals are ours, not the service group's (one handler per signal): its graceful
        // shutdown would wait for every open page's event stream.
        let server = Task { try await app.runService(gracefulShutdownSignals: []) }
        TerminationSignals.handle { _ in
            session.stop()
            server.cancel()
            // Should anything still hold the process half a second later, exit anyway.
            DispatchQueue.global().asyncAfter(deadline: .now() + 0.5) { Foundation.exit(0) }
        }
        do {
            try await server.value
        } catch is CancellationError {
            return
        } catch where isAddressInUse(error) {
            printError("error: port \(port) on \(host) is already in use; stop the other server or choose another with --port")
            throw ExitCode.failure
        } catch {
            printError("error: cannot serve on \(host):\(port): \(error)")
            throw ExitCode.failure
        }
    }

    /// Saves files the way an editor does and times each save to the reload event open pages
    /// receive (watcher, settle time, re-read, rebuild, publish), printing the rebuild's own time too.
    private func measure(_ session: PreviewSession) async throws {
        guard let site = await session.lastSite else { throw ExitCode.failure }
        var events = session.store.subscribe().makeAsyncIterator()
        let watch = Task { await session.watch() }
        defer { watch.cancel(); session.stopWatching() }
        try await Task.sleep(for: .milliseconds(300))  // the watcher is registered

        func measured(_ label: String, _ url: URL, _ times: Int, _ change: (String, Int) -> String) async throws {
            try await timed(label, times) { n in
                let text = try String(contentsOf: url, encoding: .utf8)
                try change(text, n).write(to: url, atomically: true, encoding: .utf8)
            }
        }

        func timed(_ label: String, _ times: Int, _ save: (Int) throws -> Void) async throws {
            var saves: [Duration] = [], rebuilds: [Duration] = []
            for n in 1...times {
                let before = session.store.generation
                let start = ContinuousClock.now
                try save(n)
                // A rebuild that rendered nothing (say, for the editor's temporary file alone) is not the one.
                while true {
                    if session.store.generation != before, let report = await session.lastReport, report.update.renderedJobs > 0 { break }
                    guard let event = await events.next() else { throw ExitCode.failure }
                    if case .failure(let text) = event { printError(text); throw ExitCode.failure }
                }
                saves.append(ContinuousClock.now - start)
                try await Task.sleep(for: .milliseconds(100))
                rebuilds.append(await session.lastReport?.duration ?? .zero)
            }
            func median(_ values: [Duration]) -> String { format(values.sorted()[values.count / 2]) }
            print("\(label): save to reload event median \(median(saves)) (min \(format(saves.min()!)), max \(format(saves.max()!))); "
                + "rebuild alone median \(median(rebuilds))")
        }
        let briefing = site.briefings[site.briefings.count / 2]
        if let path = briefing.annotationPath {
            let url = URL(fileURLWithPath: path)
            try await measured("edit one annotation's prose (\(briefing.slug))", url, 9) { $0 + "\nEdited \($1).\n" }
            // Shown on its card: the home page, tag and entity pages list it, and the feed and search index.
            try await measured("edit that annotation's summary", url, 5) {
                $0.replacingOccurrences(of: "summary: \"", with: "summary: \"Edited \($1). ")
            }
        }
        let target = max(1, site.briefings.count / 100)
        let distances: [Int] = site.entityBriefings.map { abs($0.count - target) }
        let e = distances.indices.min { distances[$0] < distances[$1] }!
        let entity = site.entities[e]
        let url = URL(fileURLWithPath: entity.path)
        try await measured("edit one entity's description (\(entity.slug), in \(site.entityBriefings[e].count) briefings)", url, 5) {
            $0.replacingOccurrences(of: "description: ", with: "description: Edited \($1). ")
        }
        try await measured("add an alias to that entity", url, 3) {
            $0.replacingOccurrences(of: "aliases: [", with: "aliases: [\"Zqx\($1) \(entity.name)\", ")
        }
        // A new article (a briefing without annotation yet), then its removal: every list it joins changes.
        let article = URL(fileURLWithPath: briefing.articlePath)
        let text = try String(contentsOf: article, encoding: .utf8)
        func added(_ n: Int) -> URL { article.deletingLastPathComponent().appendingPathComponent("zz-measure-\(n).txt") }
        try await timed("add a briefing", 3) { n in try text.write(to: added(n), atomically: true, encoding: .utf8) }
        try await timed("remove that briefing", 3) { n in try FileManager.default.removeItem(at: added(n)) }
    }
}

