import DossierCore
import DossierIO
import Foundation
import Hummingbird
import HummingbirdCore
import Logging

/// `dossier serve`: builds the site into a `SiteStore`, rebuilds incrementally when Content/ or
/// Templates/ change, and serves the store over HTTP with live reload.
public final class PreviewSession: Sendable {
    public let store = SiteStore()
    /// Owns the builder and the source tree: one rebuild at a time, whoever asks.
    private let loop: BuildLoop
    private let report: @Sendable (Report) -> Void
    private let watcher: Watcher

    /// What one build did, for the terminal.
    public struct Report: Sendable {
        public var diagnostics: [Diagnostic]
        public var update: SiteBuilder.Update
        public var duration: Duration
    }

    /// Loads and builds the site once (publishing it if it built). Throws on environment failures.
    public init(loader: ContentLoader, options: BuildOptions, report: @escaping @Sendable (Report) -> Void = { _ in }) throws {
        // Templates/ and static/ are watched when they exist at start.
        let optional = [loader.templatesDirectory, loader.staticDirectory].filter { FileManager.default.fileExists(atPath: $0.path) }
        watcher = Watcher(directories: [loader.contentDirectory] + optional)
        self.report = report
        loop = try BuildLoop(live: LiveSourceTree(loader: loader), options: options, store: store, report: report)
    }

    /// What the most recent build did.
    public var lastReport: Report? { get async { await loop.lastReport } }

    /// The site of the last successful build.
    public var lastSite: Site? { get async { await loop.lastSite } }

    /// Every file served now, by path, decompressed (tests).
    public var files: [String: [UInt8]] { get async { await loop.files.mapValues(Zstd.decompress) } }

    /// Applies file changes (absolute paths) and rebuilds; what the watch loop does for each batch.
    @discardableResult
    public func rebuild(changed: Set<String>) async throws -> Report {
        try await loop.rebuild(changed: changed)
    }

    /// Rebuilds after every settled batch of changes until the task is cancelled.
    public func watch() async {
        // Paths of a batch that could not be read are tried again with the next one.
        var unread: Set<String> = []
        for await batch in watcher.changes() {
            if Task.isCancelled { break }
            do {
                try await rebuild(changed: unread.union(batch))
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

/// The preview's mutable state, owned by one actor: the builder and the source tree it builds.
actor BuildLoop {
    private let builder: SiteBuilder
    private var live: LiveSourceTree
    private let store: SiteStore
    private let report: @Sendable (PreviewSession.Report) -> Void
    private(set) var lastReport: PreviewSession.Report?
    var lastSite: Site? { builder.lastSite }
    var files: [String: [UInt8]] { builder.files }

    init(live: LiveSourceTree, options: BuildOptions, store: SiteStore, report: @escaping @Sendable (PreviewSession.Report) -> Void) {
        builder = SiteBuilder(options: options, keeping: SiteStore.encoding)
        self.live = live
        self.store = store
        self.report = report
        let first = Self.build(builder, live, store, since: .now)
        lastReport = first
        report(first)
    }

    func rebuild(changed: Set<String>) throws -> PreviewSession.Report {
        let start = ContinuousClock.now
        try live.refresh(changed: changed)
        // Whoever reacts to the reload event and asks for `lastReport` waits for this to return.
        let result = Self.build(builder, live, store, since: start)
        lastReport = result
        report(result)
        return result
    }

    /// Builds, publishes the files (or the failure) and returns what happened. `since`: when the
    /// work began, so the reported duration includes re-reading changed files.
    private static func build(_ builder: SiteBuilder, _ live: LiveSourceTree, _ store: SiteStore,
                              since start: ContinuousClock.Instant) -> PreviewSession.Report {
        let update = builder.build(live.tree, loadDiagnostics: live.diagnostics)
        if update.diagnostics.hasErrors {
            store.publishFailure(update.diagnostics)
        } else {
            store.publish(builder.files, changed: update.changed, removed: update.removed)
        }
        return PreviewSession.Report(diagnostics: update.diagnostics, update: update, duration: ContinuousClock.now - start)
    }
}
