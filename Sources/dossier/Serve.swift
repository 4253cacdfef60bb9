import ArgumentParser
import DossierCore
import DossierIO
import DossierServer
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

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
    }

    func run() async throws {
        setvbuf(stdout, nil, _IOLBF, 0)  // progress lines appear at once, also when piped
        var options = site.buildOptions
        let base = basePath.split(separator: "/").filter { !$0.isEmpty }.joined(separator: "/")
        if options.baseURL == nil { options.baseURL = "http://\(host):\(port)/" + (base.isEmpty ? "" : base + "/") }
        let loader = ContentLoader(contentDirectory: URL(fileURLWithPath: site.content), templatesDirectory: URL(fileURLWithPath: site.templates))
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
        let app = session.application(host: host, port: port, basePath: basePath) { port in
            print("serving at http://\(host):\(port)/\(base.isEmpty ? "" : base + "/") (Ctrl-C to stop)")
        }
        let watch = Task { await session.watch() }
        defer { watch.cancel(); session.stopWatching() }
        do {
            try await app.runService()
        } catch where isAddressInUse(error) {
            printError("error: port \(port) on \(host) is already in use; stop the other server or choose another with --port")
            throw ExitCode.failure
        } catch {
            printError("error: cannot serve on \(host):\(port): \(error)")
            throw ExitCode.failure
        }
    }
}
