import Synchronization

/// Receives a build's files as render workers make them, from any thread (`dossier build`'s
/// staging folder; `dossier check` drops them).
public protocol OutputSink: Sendable {
    associatedtype Failure: Error
    func write(_ files: [OutputFile]) throws(Failure)
}

/// The builder keeps the files itself.
private struct KeptFiles: OutputSink {
    func write(_ files: [OutputFile]) {}
}

/// The one builder behind `build`, `check` and `serve`: load → link → plan → render → verify.
/// Pure: no file system and no clock (files go to the caller's sink, or are kept here).
///
/// It remembers what it did, so building again after edits redoes only what the edits affect;
/// a clean build is a build by a new builder.
/// - Link: unchanged files are not parsed again, and a briefing is analysed again only when its
///   article, its annotation, the registry's names, aliases and kinds, or the description of an
///   entity it mentions changed (`LinkCache`).
/// - Plan and render: a job's fingerprint is the hash of its input, with the site's settings and
///   the templates it renders with; a job whose fingerprint is unchanged keeps its files.
/// - Verify: the link check re-verifies the pages an edit can affect (`LinkCheck`).
///
/// Not `Sendable`: one task owns a builder (the preview server's owns it in an actor).
public final class SiteBuilder {
    public let options: BuildOptions
    /// How `files` holds what a build without a sink makes.
    public let keeping: FileEncoding
    /// Jobs rendered at a time before their link-check scans are taken in.
    private static let renderBatch = 1024
    private let cache = LinkCache()
    /// The tree, link result and templates of the previous build, which edits are applied to.
    private var previousTree: SourceTree?
    private var linked: LinkedSite?
    private var templates: (sources: [TemplateSource], set: TemplateSet, diagnostics: [Diagnostic])?
    private var planMemory = PlanMemory()
    private var fragments = Fragments()
    private var previousJobs: [RenderJob.Key: (fingerprint: Int, paths: [String])] = [:]
    private var previousKeys: [RenderJob.Key] = []
    private var previousFingerprints: [Int] = []
    /// The settings and templates the previous fingerprints were computed under.
    private var previousSettings: Int?
    private var templatesVersion = 0
    /// Which job wrote each file, so a file a job stops writing is removed only if no other job took it over.
    private var owners: [String: RenderJob.Key] = [:]
    private var links: LinkCheck?
    /// Paths changed or removed by builds whose verification failed: the next successful build
    /// reports them, so that whoever publishes its files misses none.
    private var unreported: (changed: Set<String>, removed: Set<String>) = ([], [])
    /// Every file of the last build, by output path, encoded by `keeping`, when it kept them (no sink).
    public private(set) var files: [String: [UInt8]] = [:]
    /// The site of the last successful build.
    public private(set) var lastSite: Site?

    /// What one build did.
    public struct Update: Sendable {
        public var diagnostics: [Diagnostic]
        public var succeeded: Bool { !diagnostics.hasErrors }
        /// The linked site, also when later stages failed; nil only when templates or links could not be made.
        public var site: Site?
        /// Paths whose bytes were added or changed, and paths that no longer exist.
        public var changed: [String] = []
        public var removed: [String] = []
        /// Files written, or kept (the count of `changed` on a first build).
        public var fileCount = 0
        public var analysedBriefings = 0
        public var renderedJobs = 0
        public var totalJobs = 0

        /// A build that did not get as far as the builder (the sources could not be read).
        public static func failed(_ diagnostics: [Diagnostic]) -> Update {
            Update(diagnostics: diagnostics)
        }
    }

    /// False for a builder that builds once (`dossier build`, `dossier check`): it keeps nothing for
    /// a next build (source text, parse cache, parsed files, plan memory), letting go of each once
    /// the build is past it, so the render holds less. `Update.analysedBriefings` is then 0.
    private let rebuilds: Bool

    public init(options: BuildOptions = BuildOptions(), keeping: FileEncoding = .identity, rebuilds: Bool = true) {
        self.options = options
        self.keeping = keeping
        self.rebuilds = rebuilds
    }

    /// Builds `tree`, keeping the files in `files`; `loadDiagnostics` are the loader's, reported
    /// (and made strict) with the build's. On errors the update lists no changes, and the files
    /// kept are those of the last build that rendered.
    public func build(_ tree: SourceTree, loadDiagnostics: [Diagnostic] = []) -> Update {
        run(tree, loadDiagnostics: loadDiagnostics, sink: nil as KeptFiles?, progress: nil)
    }

    /// Builds `tree`, handing every rendered file to `sink` and keeping none; stops at the sink's
    /// first error and throws it.
    /// - Parameter progress: called with (0, jobs to render) when rendering starts, then now and then
    ///   with (jobs rendered, jobs to render), from any thread.
    public func build<Sink: OutputSink>(_ tree: consuming SourceTree, loadDiagnostics: [Diagnostic] = [], writingTo sink: Sink,
                                        progress: (@Sendable (Int, Int) -> Void)? = nil) throws(Sink.Failure) -> Update {
        try run(tree, loadDiagnostics: loadDiagnostics, sink: sink, progress: progress)
    }

    private func run<Sink: OutputSink>(_ tree: consuming SourceTree, loadDiagnostics: [Diagnostic], sink: Sink?,
                                       progress: (@Sendable (Int, Int) -> Void)?) throws(Sink.Failure) -> Update {
        // Link: applied in place to the last link result when the edit allows, else linked anew.
        var applied = false
        if let previousTree { applied = linked?.update(to: tree, from: previousTree, cache: cache) ?? false }
        if !applied { linked = LinkedSite(copy tree, options: options, cache: rebuilds ? cache : nil) }
        let site = linked!.site
        if rebuilds { previousTree = tree } else { tree.releaseParsedText() }
        if templates?.sources != tree.templates {
            var local: [Diagnostic] = []
            templates = (tree.templates, TemplateSet(tree.templates, diagnostics: &local), local)
            templatesVersion += 1
            fragments = Fragments()
        }
        var diagnostics = loadDiagnostics + linked!.diagnostics + templates!.diagnostics
        // The parsed files and the analyzer serve only a next build.
        if !rebuilds { linked = nil }
        // Quotes attributed only through a pronoun, a role or context wait for an editor (`dossier check`).
        if options.reviewsQuotes { diagnostics += QuoteReview.warnings(in: site) }
        diagnostics = diagnostics.finished(strict: options.strict)
        var update = Update(diagnostics: diagnostics, site: site, analysedBriefings: cache.analysedCount)
        guard !diagnostics.hasErrors, let pages = templates!.set.pages else { return update }

        // Plan, and find the jobs whose input or templates changed.
        let plan = SitePlanner.plan(site, memory: &planMemory, copied: tree.copiedFiles, shardLimit: options.searchShardLimit)
        if !rebuilds { planMemory = PlanMemory() }
        let jobs = plan.jobs
        var settings = Hasher()
        settings.combine(site.config)
        settings.combine(templatesVersion)
        let config = settings.finalize()
        let keys = jobs.map(\.key)
        // The same jobs as last time (the common case) are compared by position, without lookups;
        // a job whose input the planner kept, under the same settings and templates, keeps its fingerprint.
        let sameJobs = keys == previousKeys
        let keepsFingerprints = sameJobs && config == previousSettings
        let kept = self.previousFingerprints
        // Other jobs (briefings added or removed), by key.
        let sameSettings = config == previousSettings
        let keptByKey = self.previousJobs
        let fingerprints = concurrentMap(Array(jobs.indices)) { j -> Int in
            if keepsFingerprints, plan.unchanged[j] { return kept[j] }
            if !sameJobs, sameSettings, plan.unchanged[j], let fingerprint = keptByKey[keys[j]]?.fingerprint { return fingerprint }
            let job = jobs[j]
            var h = Hasher()
            h.combine(job.key)
            h.combine(config)
            h.combine(pages.sourceHash(for: job.input))
            h.combine(job.input)
            return h.finalize()
        }
        previousSettings = config
        var stale: [Int] = []
        for j in jobs.indices {
            let previous = sameJobs ? previousFingerprints[j] : previousJobs[keys[j]]?.fingerprint
            if previous != fingerprints[j] { stale.append(j) }
        }

        // Render: shared pieces first, then pages; each worker also scans what it made for the link check.
        fragments.add(for: stale.map { jobs[$0].input }, pages: pages, strings: site.config.strings)
        let renderer = PageRenderer(config: site.config, pages: pages, fragments: fragments)
        var check = links ?? LinkCheck(basePath: SitePaths.basePath(of: site.config.baseURL), tracksIncoming: sink == nil)
        // Held once, so recording changes its tables in place rather than copying them (a rebuild
        // that throws starts the next one from no memory of jobs, which re-records every page).
        links = nil
        let scanner = LinkCheck(basePath: check.basePath)
        let keeping = self.keeping
        let failure = Mutex<Sink.Failure?>(nil)
        let done = Atomic(0)
        let total = stale.count
        progress?(0, total)
        // In batches, so the link check takes in each batch's scans and they need not all wait in memory.
        var rendered: [[OutputFile]] = []
        rendered.reserveCapacity(stale.count)
        for start in stride(from: 0, to: stale.count, by: Self.renderBatch) {
            let batch = Array(stale[start..<min(stale.count, start + Self.renderBatch)])
            let results = concurrentMap(batch) { j -> (files: [OutputFile], scans: [LinkCheck.ScannedFile]) in
                guard failure.withLock({ $0 == nil }) else { return ([], []) }
                let files = renderer.render(jobs[j].input)
                let scans = files.map(scanner.scan)
                if let progress {
                    let count = done.add(1, ordering: .relaxed).newValue
                    if count % 250 == 0 { progress(count, total) }
                }
                guard let sink else { return (files.map { OutputFile(path: $0.path, bytes: keeping.encode($0.bytes)) }, scans) }
                do throws(Sink.Failure) {
                    try sink.write(files)
                } catch {
                    failure.withLock { if $0 == nil { $0 = error } }
                }
                return (files.map { OutputFile(path: $0.path, bytes: []) }, scans)
            }
            if let error = failure.withLock({ $0 }) {
                // What was rendered is unknown: the next build starts from no memory of jobs.
                previousKeys = []
                previousJobs = [:]
                throw error
            }
            for result in results {
                check.record(result.scans)
                rendered.append(result.files)
            }
        }

        // Merge: which job owns which file, what changed, what went away.
        var dropped: [(path: String, job: RenderJob.Key)] = []
        if !sameJobs {
            let current = Set(keys)
            for (key, job) in previousJobs where !current.contains(key) {
                previousJobs[key] = nil
                dropped += job.paths.map { ($0, key) }
            }
        }
        var changed: [String] = []
        var collisions: [String] = []
        for (j, output) in zip(stale, rendered) {
            let key = keys[j]
            let paths = output.map { $0.path }
            if let before = previousJobs[key]?.paths, before != paths {
                let now = Set(paths)
                dropped += before.filter { !now.contains($0) }.map { ($0, key) }
            }
            previousJobs[key] = (fingerprints[j], paths)
            for file in output {
                if let owner = owners[file.path], owner != key, previousJobs[owner] != nil { collisions.append(file.path) }
                owners[file.path] = key
                update.fileCount += 1
                guard sink == nil else { continue }
                if files[file.path] != file.bytes {
                    files[file.path] = file.bytes
                    changed.append(file.path)
                }
            }
        }
        var removed: [String] = []
        for (path, job) in dropped where owners[path] == job {
            owners[path] = nil
            files[path] = nil
            removed.append(path)
        }
        previousKeys = keys
        previousFingerprints = fingerprints
        fragments.prune(keeping: jobs, everyPageRendered: stale.count == jobs.count)

        // Verify.
        check.finish(removed: removed)
        links = check
        update.diagnostics = (update.diagnostics + staticCollisions(collisions, tree) + check.diagnostics()).finished(strict: options.strict)
        update.renderedJobs = stale.count
        update.totalJobs = jobs.count
        guard !update.diagnostics.hasErrors else {
            unreported.changed.formUnion(changed)
            unreported.removed.formUnion(removed)
            return update
        }
        lastSite = site
        let allChanged = unreported.changed.union(changed)
        let allRemoved = unreported.removed.union(removed).subtracting(allChanged)
        unreported = ([], [])
        update.changed = allChanged.sorted()
        update.removed = allRemoved.filter { files[$0] == nil }.sorted()
        return update
    }

    /// A `static/` file where the site writes a page of its own: the page would be lost.
    private func staticCollisions(_ paths: [String], _ tree: SourceTree) -> [Diagnostic] {
        let sources = tree.staticSources
        return Set(paths).sorted().map { path in
            let source = sources[path] ?? path
            return .error(.load, "static file '\(source)' has the path of a page Dossier generates, '\(path)'", at: SourceLocation(file: source),
                          notes: ["rename or move it: the generated page would be lost"])
        }
    }
}

extension SiteBuilder {
    /// A clean build with every file kept: for tests and tools.
    public static func build(_ tree: SourceTree, options: BuildOptions = BuildOptions()) -> Build {
        let builder = SiteBuilder(options: options)
        let update = builder.build(tree)
        return Build(diagnostics: update.diagnostics, site: update.site,
                     files: builder.files.sorted { $0.key < $1.key }.map { OutputFile(path: $0.key, bytes: $0.value) })
    }

    /// What a clean build made.
    public struct Build: Sendable {
        public var diagnostics: [Diagnostic]
        public var site: Site?
        /// Every output file, sorted by path; none when there were errors.
        public var files: [OutputFile]
        public var succeeded: Bool { !diagnostics.hasErrors }
    }
}


