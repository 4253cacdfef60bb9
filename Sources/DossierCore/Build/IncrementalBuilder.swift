/// Rebuilds a site after edits, redoing only the work the edits affect, with output byte-identical
/// to a clean `SiteBuilder.build`. Used by the preview server; pure (no file system, no clock).
///
/// - Parse: unchanged files (same path and text) are not parsed again (`LinkCache`).
/// - Link: a briefing is analysed again only when its article, its annotation, the entity
///   registry's names, aliases and kinds, or the description of an entity it mentions changed.
/// - Render: each render job gets a fingerprint of exactly the data its pages are built from plus
///   the texts of the templates it uses (with their partials and layouts); a job whose fingerprint
///   is unchanged keeps its previous files.
///
/// Not thread-safe: call `build` from one task at a time.
public final class IncrementalBuilder: @unchecked Sendable {
    public let options: BuildOptions
    private let cache = LinkCache()
    private let searchRows = SearchRowCache()
    private let fragments = BriefingFragmentMemory()
    /// The tree, link result and templates of the previous build, which edits are applied to.
    private var previousTree: SourceTree?
    private var linked: LinkedSite?
    private var templates: (sources: [TemplateSource], set: TemplateSet, diagnostics: [Diagnostic], hash: Int)?
    private var previousJobs: [RenderJob.Key: (fingerprint: Int, paths: [String])] = [:]
    private var previousKeys: [RenderJob.Key] = []
    private var previousFingerprints: [Int] = []
    /// Which job wrote each file, so a file a job stops writing is removed only if no other job took it over.
    private var owners: [String: RenderJob.Key] = [:]
    /// The previous build's briefings and their hashes, position by position.
    private var previousBriefings: [Briefing] = []
    private var previousHashes: [BriefingHashes] = []
    private var nextToken = 0
    private var coMentions: [String: (inputs: Int, result: [(entity: Int, briefings: Int)])] = [:]
    /// Every file of the last successful build, by output path.
    public private(set) var files: [String: [UInt8]] = [:]
    /// The site of the last successful build.
    public private(set) var lastSite: Site?

    /// What one build did.
    public struct Update: Sendable {
        public var diagnostics: [Diagnostic]
        public var succeeded: Bool { !diagnostics.hasErrors }
        /// Paths whose bytes were added or changed, and paths that no longer exist.
        public var changed: [String]
        public var removed: [String]
        public var analysedBriefings: Int
        public var renderedJobs: Int
        public var totalJobs: Int

        /// A build that did not get as far as the builder (the sources could not be read).
        public static func failed(_ diagnostics: [Diagnostic]) -> Update {
            Update(diagnostics: diagnostics, changed: [], removed: [], analysedBriefings: 0, renderedJobs: 0, totalJobs: 0)
        }
    }

    public init(options: BuildOptions = BuildOptions()) {
        self.options = options
    }

    /// Builds `tree`. On errors the previous files stay as they were and the update lists no changes.
    public func build(_ tree: SourceTree) -> Update {
        // Applied in place to the last link result when the edit allows, else linked anew.
        var applied = false
        if let previousTree { applied = linked?.update(to: tree, from: previousTree, cache: cache) ?? false }
        if !applied { linked = LinkedSite(tree, options: options, cache: cache) }
        let linked = self.linked!
        previousTree = tree
        let site = linked.site
        if templates?.sources != tree.templates {
            var local: [Diagnostic] = []
            var hasher = Hasher()
            hasher.combine(tree.templates)
            templates = (tree.templates, TemplateSet(tree.templates, diagnostics: &local), local, hasher.finalize())
        }
        var diagnostics = linked.diagnostics + templates!.diagnostics
        diagnostics = diagnostics.finished(strict: options.strict)
        guard !diagnostics.hasErrors, let pages = templates!.set.pages else {
            var update = Update.failed(diagnostics)
            update.analysedBriefings = cache.analysedCount
            return update
        }

        fragments.begin(templates: templates!.hash, briefings: site.briefings)
        var jobs = SiteRenderer(site: site, pages: pages, searchRows: searchRows,
                                fragmentMemory: fragments).keyedJobs()
        let copied = tree.copiedFiles
        jobs.append(RenderJob(.assets, templates: []) { copied })

        let fingerprints = fingerprints(of: jobs, site: site, tree: tree)
        // The same jobs as last time (the common case) are compared by position, without lookups.
        let keys = jobs.map(\.key)
        let sameJobs = keys == previousKeys
        var stale: [Int] = []
        for (j, job) in jobs.enumerated() {
            let previous = sameJobs ? previousFingerprints[j] : previousJobs[job.key]?.fingerprint
            if previous != fingerprints[j] { stale.append(j) }
        }
        let rendered = concurrentMap(stale) { jobs[$0].render() }

        // Jobs that no longer exist give up their files.
        var dropped: [(path: String, job: RenderJob.Key)] = []
        if !sameJobs {
            let current = Set(keys)
            for (key, job) in previousJobs where !current.contains(key) {
                previousJobs[key] = nil
                dropped += job.paths.map { ($0, key) }
            }
        }
        previousKeys = keys
        previousFingerprints = fingerprints
        var changed: [String] = []
        for (j, output) in zip(stale, rendered) {
            let key = jobs[j].key
            let paths = output.map(\.path)
            if let before = previousJobs[key]?.paths, before != paths {
                let now = Set(paths)
                dropped += before.filter { !now.contains($0) }.map { ($0, key) }
            }
            previousJobs[key] = (fingerprints[j], paths)
            for file in output {
                owners[file.path] = key
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
        lastSite = site
        return Update(diagnostics: diagnostics, changed: changed.sorted(), removed: removed.sorted(),
                      analysedBriefings: cache.analysedCount, renderedJobs: stale.count, totalJobs: jobs.count)
    }

    // MARK: Fingerprints

    /// Hashes of a briefing's parts that other pages show, computed once per analysis.
    private struct BriefingHashes {
        /// New for every analysis: stands for everything the briefing's own page shows of it.
        var token: Int
        /// Card and row: title, URL, date, source, summary, tags, note and quote counts.
        var card: Int
        /// Quotes with the briefing's title, URL and date (quotes page, entity pages).
        var quotes: Int
        /// Feed entry and sitemap line.
        var feed: Int
        /// What the search index holds of it: feed fields, quotes, mentions with counts.
        var search: Int
        /// Which entities it mentions (co-mentions on entity pages).
        var mentionKeys: Int
        /// Title and URL, as neighbouring briefings link to it.
        var link: Int
        var hasQuotes: Bool
    }

    private func hashes(of briefing: Briefing, token: Int) -> BriefingHashes {
        // Cards, rows and neighbour links are hashed as the views pages are built from, so a field
        // added to a view counts without a change here.
        var card = Hasher()
        card.combine(SiteRenderer.card(briefing, depth: 0))
        var quotes = Hasher()
        quotes.combine(briefing.slug)
        quotes.combine(briefing.title)
        quotes.combine(briefing.date)
        quotes.combine(briefing.quotes)
        let quotesHash = quotes.finalize()
        var feed = Hasher()
        feed.combine(briefing.slug)
        feed.combine(briefing.title)
        feed.combine(briefing.date)
        feed.combine(briefing.briefed)
        feed.combine(briefing.provenance.source)
        feed.combine(briefing.summaryText)
        feed.combine(briefing.tags)
        let feedHash = feed.finalize()
        var keys = Hasher()
        var search = Hasher()
        search.combine(feedHash)
        search.combine(quotesHash)
        for (e, n) in briefing.sortedMentions {
            keys.combine(e)
            search.combine(e)
            search.combine(n)
        }
        var link = Hasher()
        link.combine(SiteRenderer.neighbourLink(briefing))
        return BriefingHashes(token: token, card: card.finalize(), quotes: quotesHash, feed: feedHash, search: search.finalize(),
                              mentionKeys: keys.finalize(), link: link.finalize(), hasQuotes: !briefing.quotes.isEmpty)
    }

    /// One fingerprint per job. Also refreshes what it keeps for the next build: per-briefing
    /// hashes (`previousBriefings`, `previousHashes`) and co-mention lists.
    private func fingerprints(of jobs: [RenderJob], site: Site, tree: SourceTree) -> [Int] {
        // Per briefing, reusing the hashes of briefings whose analysis was reused: found in place
        // unless the order changed. A briefing not found is hashed anew under a new token.
        var briefingHashes: [BriefingHashes] = []
        briefingHashes.reserveCapacity(site.briefings.count)
        var moved: [ObjectIdentifier: BriefingHashes]?
        for (b, briefing) in site.briefings.enumerated() {
            if b < previousBriefings.count, previousBriefings[b] === briefing {
                briefingHashes.append(previousHashes[b])
                continue
            }
            if b >= previousBriefings.count || previousBriefings[b].slug != briefing.slug {
                if moved == nil {
                    moved = Dictionary(zip(previousBriefings, previousHashes).map { (ObjectIdentifier($0.0), $0.1) }, uniquingKeysWith: { a, _ in a })
                }
                if let known = moved![ObjectIdentifier(briefing)] {
                    briefingHashes.append(known)
                    continue
                }
            }
            nextToken += 1
            briefingHashes.append(hashes(of: briefing, token: nextToken))
        }
        // Held until the next build: identifiers in `moved` stay unique while their objects live.
        previousBriefings = site.briefings
        previousHashes = briefingHashes
        let chips = site.entities.map { entity -> Int in
            var h = Hasher()
            h.combine(SiteRenderer.chip(entity, depth: 0, mentions: 0))
            return h.finalize()
        }
        // Entities' names and pages: what co-mention lists sort by and quote lists show of a speaker.
        var registry = Hasher()
        for entity in site.entities { registry.combine(entity.name); registry.combine(entity.slug) }
        let registryHash = registry.finalize()

        // Co-mentions: recomputed only for entities whose briefings or their mentions changed.
        var nextCoMentions: [String: (inputs: Int, result: [(entity: Int, briefings: Int)])] = [:]
        for (e, entity) in site.entities.enumerated() {
            var h = Hasher()
            h.combine(registryHash)
            for (b, _) in site.entityBriefings[e] { h.combine(briefingHashes[b].mentionKeys) }
            let inputs = h.finalize()
            if let previous = coMentions[entity.slug], previous.inputs == inputs {
                nextCoMentions[entity.slug] = previous
            } else {
                nextCoMentions[entity.slug] = (inputs, site.coMentions(of: e))
            }
        }
        coMentions = nextCoMentions

        // Jobs of a kind come in runs with the same template list: hash each run's closure once.
        let templateTexts = Dictionary(tree.templates.map { ($0.name, $0.file.text) }, uniquingKeysWith: { a, _ in a })
        var templateHashes: [Int] = []
        templateHashes.reserveCapacity(jobs.count)
        var last: (names: [String], hash: Int)?
        for job in jobs {
            if let last, last.names == job.templates {
                templateHashes.append(last.hash)
                continue
            }
            var h = Hasher()
            for name in Self.closure(of: job.templates, in: templateTexts) {
                h.combine(name)
                h.combine(templateTexts[name])
            }
            last = (job.templates, h.finalize())
            templateHashes.append(last!.hash)
        }
        var configHasher = Hasher()
        configHasher.combine(site.config)
        let config = configHasher.finalize()

        return concurrentMap(Array(jobs.indices)) { j -> Int in
            let job = jobs[j]
            var h = Hasher()
            h.combine(job.key)
            h.combine(config)
            h.combine(templateHashes[j])
            switch job.key {
            case .index(let n):
                let size = site.config.paginate
                h.combine(SiteRenderer.pageCount(briefingHashes.count, size: size))
                for b in SiteRenderer.pageRange(n, count: briefingHashes.count, size: size) { h.combine(briefingHashes[b].card) }
            case .briefing:
                let b = job.subject
                h.combine(briefingHashes[b].token)
                for e in site.briefings[b].shownEntities { h.combine(e); h.combine(chips[e]) }
                h.combine(b > 0 ? briefingHashes[b - 1].link : 0)
                h.combine(b + 1 < briefingHashes.count ? briefingHashes[b + 1].link : 0)
            case .entityIndex:
                for e in site.entities.indices { h.combine(chips[e]); h.combine(site.entityMentionTotals[e]) }
            case .entity(let slug, let n):
                let e = job.subject
                let list = site.entityBriefings[e]
                h.combine(site.entities[e])
                h.combine(site.entityMentionTotals[e])
                h.combine(SiteRenderer.pageCount(list.count, size: SiteRenderer.listPageSize))
                for (b, mentions) in list[SiteRenderer.pageRange(n, count: list.count, size: SiteRenderer.listPageSize)] {
                    h.combine(briefingHashes[b].card)
                    h.combine(mentions)
                }
                guard n == 1 else { break }
                // Page 1: the entity's quotes from all its briefings, and who it appears with.
                for (b, _) in list where briefingHashes[b].hasQuotes { h.combine(briefingHashes[b].quotes) }
                for related in nextCoMentions[slug]?.result ?? [] {
                    h.combine(related.briefings)
                    h.combine(chips[related.entity])
                }
            case .tagIndex:
                for tag in site.tags { h.combine(tag.slug); h.combine(tag.name); h.combine(tag.briefings.count) }
            case .tag(_, let n):
                let list = site.tags[job.subject].briefings
                h.combine(site.tags[job.subject].name)
                h.combine(SiteRenderer.pageCount(list.count, size: SiteRenderer.listPageSize))
                for b in list[SiteRenderer.pageRange(n, count: list.count, size: SiteRenderer.listPageSize)] { h.combine(briefingHashes[b].card) }
            case .quotes:
                // Quote hashes hold speakers' entity numbers; their names and pages come from here.
                for hashes in briefingHashes where hashes.hasQuotes { h.combine(hashes.quotes) }
                h.combine(registryHash)
            case .feeds:
                for hashes in briefingHashes { h.combine(hashes.feed) }
                // Each entity's and tag's latest date: its first briefing's, in site order (newest first, undated last).
                for (e, entity) in site.entities.enumerated() {
                    h.combine(entity.slug)
                    h.combine(site.entityBriefings[e].first.flatMap { site.briefings[$0.briefing].date })
                }
                for tag in site.tags {
                    h.combine(tag.slug)
                    h.combine(tag.briefings.first.flatMap { site.briefings[$0].date })
                }
            case .search:
                // What SearchIndex reads: feed fields, quotes, mention counts, every entity's names.
                for hashes in briefingHashes { h.combine(hashes.search) }
                for entity in site.entities { h.combine(entity.slug); h.combine(entity.name); h.combine(entity.kind); h.combine(entity.aliases) }
            case .assets:
                for file in tree.copiedFiles { h.combine(file.path); h.combine(file.bytes) }
            case .notFound:
                break
            }
            return h.finalize()
        }
    }

    /// `names` with every partial (`{{>x}}`) and parent (`{{<x}}`) they include, transitively,
    /// sorted. A template that changes delimiters (`{{=`) could include anything: then all count.
    static func closure(of names: [String], in texts: [String: String]) -> [String] {
        var seen: Set<String> = []
        var pending = names
        while let name = pending.popLast() {
            guard seen.insert(name).inserted, let text = texts[name] else { continue }
            if text.contains("{{=") { return texts.keys.sorted() }
            pending.append(contentsOf: includes(in: text))
        }
        return seen.sorted()
    }

    /// The partials (`{{>x}}`) and parents (`{{<x}}`) a template names, from the one tag scanner.
    static func includes(in text: String) -> [String] {
        TemplateSet.tags(in: text).compactMap { tag in
            guard let kind = tag.text.first, kind == ">" || kind == "<" else { return nil }
            return String(tag.text.dropFirst()).trimmingWhitespace()
        }
    }
}
