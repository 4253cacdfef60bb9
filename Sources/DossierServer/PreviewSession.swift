import DossierCore
import DossierIO
import Foundation
import Hummingbird
import HummingbirdCore
import Logging

/// `dossier serve`: builds the site into a `SiteStore`, rebuilds incrementally when Content/ or
/// Templates/ change, and serves the store over HTTP with live reload.
public final class PreviewSession: @unchecked Sendable {
    public let store = SiteStore()
    public let builder: IncrementalBuilder
    private var live: LiveSourceTree
    private let report: @Sendable (Report) -> Void
    private let watcher: Watcher
    private let reportLock = NSLock()
    private var latestReport: Report?

    /// What the most recent build did.
    public var lastReport: Report? { reportLock.withLock { latestReport } }

    /// What one build did, for the terminal.
    public struct Report: Sendable {
        public var diagnostics: [Diagnostic]
        public var update: IncrementalBuilder.Update
        public var duration: Duration
    }

    /// Loads and builds the site once (publishing it if it built). Throws on environment failures.
    public init(loader: ContentLoader, options: BuildOptions, report: @escaping @Sendable (Report) -> Void = { _ in }) throws {
        builder = IncrementalBuilder(options: options)
        live = try LiveSourceTree(loader: loader)
        // static/ is watched when it exists at start.
        let statics = FileManager.default.fileExists(atPath: loader.staticDirectory.path) ? [loader.staticDirectory] : []
        watcher = Watcher(directories: [loader.contentDirectory, loader.templatesDirectory] + statics)
        self.report = report
        build()
    }

    /// Applies file changes (absolute paths) and rebuilds; what the watch loop does for each batch.
    @discardableResult
    public func rebuild(changed: Set<String>) throws -> Report {
        let start = ContinuousClock.now
        try live.refresh(changed: changed)
        return build(since: start)
    }

    /// `since`: when the work began, so the reported duration includes re-reading changed files.
    @discardableResult
    private func build(since start: ContinuousClock.Instant = .now) -> Report {
        let clock = ContinuousClock()
        let update = builder.build(live.tree)
        let diagnostics = (live.diagnostics + update.diagnostics).finished(strict: builder.options.strict)
        var result = Report(diagnostics: diagnostics, update: update, duration: .zero)
        // Recorded before open pages hear of the build, so whoever reacts to the event can read it.
        reportLock.withLock { latestReport = result }
        if diagnostics.hasErrors {
            store.publishFailure(diagnostics)
        } else {
            store.publish(builder.files, changed: update.changed, removed: update.removed)
        }
        result.duration = clock.now - start
        reportLock.withLock { latestReport = result }
        report(result)
        return result
    }

    /// Rebuilds after every settled batch of changes until the task is cancelled.
    public func watch() async {
        // Paths of a batch that could not be read are tried again with the next one.
        var unread: Set<String> = []
        for await batch in watcher.changes() {
            if Task.isCancelled { break }
            do {
                try rebuild(changed: unread.union(batch))
                unread = []
            } catch {
                unread.formUnion(batch)
                // The folders could not be read (renamed, permissions): said in the terminal and over open pages.
                let diagnostics = [Diagnostic.error(.load, "cannot read the changed files: \(error)", at: nil)]
                store.publishFailure(diagnostics)
                report(Report(diagnostics: diagnostics, update: .failed(diagnostics), duration: .zero))
            }
        }
    }

    public func stopWatching() { watcher.stop() }

    /// The HTTP application serving the store; `onRunning` receives the bound port.
    /// - Parameter allowedHosts: `Host` names answered besides the bound host and loopback names.
    public func application(host: String, port: Int, basePath: String, allowedHosts: [String] = [],
                            limits: ServerLimits = ServerLimits(),
                            onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        var logger = Logger(label: "dossier.serve")
        logger.logLevel = .critical
        return Application(
            responder: PreviewResponder<BasicRequestContext>(store: store, basePath: basePath, hosts: [host] + allowedHosts, heartbeat: limits.heartbeat),
            server: .http1(configuration: .init(idleTimeout: .init(limits.idleTimeout))),
            configuration: .init(address: .hostname(host, port: port), serverName: "Dossier",
                                 availableConnectionsDelegate: MaximumAvailableConnections(limits.maximumConnections)),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? port) },
            logger: logger)
    }

    /// Stops live reload (every open event stream ends) and the watcher, so that the server's
    /// graceful shutdown does not wait for pages that stay open.
    public func stop() {
        stopWatching()
        store.close()
    }
}

/// What keeps one preview server from being exhausted by idle, slow or abandoned connections.
public struct ServerLimits: Sendable {
    /// A connection with no request in progress for this long is closed (slow or idle clients).
    public var idleTimeout: Duration
    /// Connections beyond this wait to be accepted; below the descriptor limit, so the watcher and
    /// the files it reads always have descriptors left.
    public var maximumConnections: Int
    /// How often open event streams are written to, to find tabs that went away.
    public var heartbeat: Duration

    public init(idleTimeout: Duration = .seconds(30), maximumConnections: Int = ServerLimits.defaultMaximumConnections,
                heartbeat: Duration = .seconds(5)) {
        self.idleTimeout = idleTimeout
        self.maximumConnections = maximumConnections
        self.heartbeat = heartbeat
    }

    /// Half the descriptors the process may open, less a reserve, between 16 and 1,024.
    public static var defaultMaximumConnections: Int {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return 256 }
        let soft = limit.rlim_cur > 1 << 20 ? 4096 : Int(limit.rlim_cur)  // unlimited, or near it
        return min(1024, max(16, (soft - 64) / 2))
    }
}

/// Whether `error` says the port is taken (NIO's bind error), to report it plainly.
public func isAddressInUse(_ error: Error) -> Bool {
    let text = String(describing: error)
    return text.contains("Address already in use") || text.contains("EADDRINUSE") || text.contains("errno: 98")
}
