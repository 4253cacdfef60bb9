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
    private var previousJobs: [RenderJob.Key: (fingerprint: Int, paths: [String])] = [:]
    private var derived: [Int: BriefingHashes] = [:]
    private var coMentions: [String: (inputs: Int, result: [(entity: Int, briefings: Int)])] = [:]
    /// Every file of the last successful build, by output path.
    public private(set) var files: [String: [UInt8]] = [:]
    /// The site of the last successful build.
    public private(set) var lastSite: Site?

    /// What one build did.
    public struct Update: Sendable {
        public var diagnostics: [Diagnostic]
        public var site: Site?
        public var succeeded: Bool { !diagnostics.hasErrors }
        /// Paths whose bytes were added or changed, and paths that no longer exist.
        public var changed: [String]
        public var removed: [String]
        public var analysedBriefings: Int
        public var renderedJobs: Int
        public var totalJobs: Int
    }

    public init(options: BuildOptions = BuildOptions()) {
        self.options = options
    }

    /// Builds `tree`. On errors the previous files stay as they were and the update lists no changes.
    public func build(_ tree: SourceTree) -> Update {
        var diagnostics: [Diagnostic] = []
        let site = SiteLinker.link(tree, options: options, diagnostics: &diagnostics, cache: cache)
        let templates = TemplateSet(tree.templates, diagnostics: &diagnostics)
        if options.strict {
            diagnostics = diagnostics.promotingWarnings()
        }
        diagnostics = diagnostics.sortedForDisplay()
        guard !diagnostics.hasErrors else {
            return Update(diagnostics: diagnostics, site: site, changed: [], removed: [], analysedBriefings: cache.analysedCount,
                          renderedJobs: 0, totalJobs: 0)
        }

        var jobs = SiteRenderer(site: site, templates: templates, eagerFragments: false).keyedJobs()
        let assets = tree.assets.sorted(by: { $0.key < $1.key }).map { OutputFile(path: $0.key, bytes: $0.value) }
        jobs.append(RenderJob(.assets, templates: []) { assets })

        let fingerprints = fingerprints(of: jobs, site: site, tree: tree)
        var stale: [Int] = []
        for (j, job) in jobs.enumerated() {
            if case .other = job.key { stale.append(j); continue }
            if previousJobs[job.key]?.fingerprint != fingerprints[j] { stale.append(j) }
        }
        let rendered = concurrentMap(stale) { jobs[$0].render() }

        var nextJobs: [RenderJob.Key: (fingerprint: Int, paths: [String])] = [:]
        for (j, job) in jobs.enumerated() where previousJobs[job.key] != nil {
            nextJobs[job.key] = previousJobs[job.key]
            nextJobs[job.key]!.fingerprint = fingerprints[j]
        }
        var changed: [String] = []
        var written: Set<String> = []
        for (j, output) in zip(stale, rendered) {
            nextJobs[jobs[j].key] = (fingerprints[j], output.map(\.path))
            for file in output {
                written.insert(file.path)
                if files[file.path] != file.bytes {
                    files[file.path] = file.bytes
                    changed.append(file.path)
                }
            }
        }
        var live = written
        for (_, job) in nextJobs { live.formUnion(job.paths) }
        let removed = files.keys.filter { !live.contains($0) }.sorted()
        for path in removed { files[path] = nil }
        previousJobs = nextJobs
        lastSite = site
        return Update(diagnostics: diagnostics, site: site, changed: changed.sorted(), removed: removed,
                      analysedBriefings: cache.analysedCount, renderedJobs: stale.count, totalJobs: jobs.count)
    }

    // MARK: Fingerprints

    /// Hashes of a briefing's parts that other pages show, computed once per analysis.
    private struct BriefingHashes {
        /// Card and row: title, URL, date, source, summary, tags, note and quote counts.
        var card: Int
        /// Quotes with the briefing's title, URL and date (quotes page, entity pages).
        var quotes: Int
        /// Feed entry and sitemap line.
        var feed: Int
        /// Which entities it mentions (co-mentions on entity pages).
        var mentionKeys: Int
        var hasQuotes: Bool
    }

    private func hashes(of briefing: Briefing) -> BriefingHashes {
        var card = Hasher()
        card.combine(briefing.title)
        card.combine(briefing.slug)
        card.combine(briefing.date)
        card.combine(briefing.provenance.source)
        card.combine(briefing.summaryHTML)
        card.combine(briefing.tags)
        card.combine(briefing.notes.count)
        card.combine(briefing.quotes.filter { !$0.isFragment }.count)
        var quotes = Hasher()
        quotes.combine(briefing.slug)
        quotes.combine(briefing.title)
        quotes.combine(briefing.date)
        quotes.combine(briefing.quotes)
        var feed = Hasher()
        feed.combine(briefing.slug)
        feed.combine(briefing.title)
        feed.combine(briefing.date)
        feed.combine(briefing.briefed)
        feed.combine(briefing.provenance.source)
        feed.combine(briefing.summaryText)
        feed.combine(briefing.tags)
        var keys = Hasher()
        for key in briefing.mentionCounts.keys.sorted() { keys.combine(key) }
        return BriefingHashes(card: card.finalize(), quotes: quotes.finalize(), feed: feed.finalize(), mentionKeys: keys.finalize(),
                              hasQuotes: !briefing.quotes.isEmpty)
    }

    private func fingerprints(of jobs: [RenderJob], site: Site, tree: SourceTree) -> [Int] {
        // Per briefing, reusing hashes of briefings whose analysis was reused.
        var nextDerived: [Int: BriefingHashes] = [:]
        let tokens = site.briefings.map { cache.token(forArticle: $0.articlePath) ?? -1 }
        var briefingHashes: [BriefingHashes] = []
        briefingHashes.reserveCapacity(site.briefings.count)
        for (b, token) in tokens.enumerated() {
            let h = (token >= 0 ? derived[token] : nil) ?? hashes(of: site.briefings[b])
            if token >= 0 { nextDerived[token] = h }
            briefingHashes.append(h)
        }
        derived = nextDerived
        let briefingIndex = Dictionary(site.briefings.enumerated().map { ($0.element.slug, $0.offset) }, uniquingKeysWith: { a, _ in a })
        let entityIndex = Dictionary(site.entities.enumerated().map { ($0.element.slug, $0.offset) }, uniquingKeysWith: { a, _ in a })
        let tagIndex = Dictionary(site.tags.enumerated().map { ($0.element.slug, $0.offset) }, uniquingKeysWith: { a, _ in a })
        let chips = site.entities.map { entity -> Int in
            var h = Hasher()
            h.combine(entity.slug)
            h.combine(entity.name)
            h.combine(entity.kind)
            h.combine(entity.description)
            return h.finalize()
        }
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

        let templateTexts = Dictionary(tree.templates.map { ($0.name, $0.file.text) }, uniquingKeysWith: { a, _ in a })
        var templateHashes: [[String]: Int] = [:]
        func templatesHash(_ names: [String]) -> Int {
            if let known = templateHashes[names] { return known }
            var h = Hasher()
            for name in Self.closure(of: names, in: templateTexts) {
                h.combine(name)
                h.combine(templateTexts[name])
            }
            let value = h.finalize()
            templateHashes[names] = value
            return value
        }
        for job in jobs { _ = templatesHash(job.templates) }
        let config = site.config

        return concurrentMap(Array(jobs.indices)) { j -> Int in
            let job = jobs[j]
            var h = Hasher()
            h.combine(job.key)
            h.combine(config)
            h.combine(templateHashes[job.templates])
            switch job.key {
            case .index:
                for hashes in briefingHashes { h.combine(hashes.card) }
            case .briefing(let slug):
                guard let b = briefingIndex[slug] else { return 0 }
                let briefing = site.briefings[b]
                h.combine(tokens[b])
                var shown = Set(briefing.mentionCounts.keys)
                for quote in briefing.quotes { if let e = quote.entity { shown.insert(e) } }
                for e in shown.sorted() { h.combine(e); h.combine(chips[e]) }
                for n in [b - 1, b + 1] where site.briefings.indices.contains(n) {
                    h.combine(n - b)
                    h.combine(site.briefings[n].title)
                    h.combine(site.briefings[n].slug)
                }
            case .entityIndex:
                for e in site.entities.indices { h.combine(chips[e]); h.combine(site.entityMentionTotals[e]) }
            case .entity(let slug):
                guard let e = entityIndex[slug] else { return 0 }
                h.combine(site.entities[e])
                h.combine(site.entityMentionTotals[e])
                h.combine(e)
                for (b, mentions) in site.entityBriefings[e] {
                    h.combine(briefingHashes[b].card)
                    h.combine(mentions)
                    if briefingHashes[b].hasQuotes { h.combine(briefingHashes[b].quotes) }
                }
                for related in nextCoMentions[slug]?.result ?? [] {
                    h.combine(related.briefings)
                    h.combine(chips[related.entity])
                }
            case .tagIndex:
                for tag in site.tags { h.combine(tag.slug); h.combine(tag.name); h.combine(tag.briefings.count) }
            case .tag(let slug):
                guard let t = tagIndex[slug] else { return 0 }
                h.combine(site.tags[t].name)
                for b in site.tags[t].briefings { h.combine(briefingHashes[b].card) }
            case .quotes:
                for (b, briefing) in site.briefings.enumerated() where briefingHashes[b].hasQuotes {
                    h.combine(briefingHashes[b].quotes)
                    for quote in briefing.quotes { if let e = quote.entity { h.combine(chips[e]) } }
                }
            case .feeds:
                for hashes in briefingHashes { h.combine(hashes.feed) }
                for (e, entity) in site.entities.enumerated() {
                    h.combine(entity.slug)
                    h.combine(site.entityBriefings[e].compactMap { site.briefings[$0.briefing].date }.max())
                }
                for tag in site.tags {
                    h.combine(tag.slug)
                    h.combine(tag.briefings.compactMap { site.briefings[$0].date }.max())
                }
            case .search:
                // What SearchIndex reads: feed fields, quotes, mention counts, every entity's names.
                for (b, briefing) in site.briefings.enumerated() {
                    h.combine(briefingHashes[b].feed)
                    h.combine(briefingHashes[b].quotes)
                    for (e, n) in briefing.mentionCounts.sorted(by: { $0.key < $1.key }) { h.combine(e); h.combine(n) }
                }
                for entity in site.entities { h.combine(entity.slug); h.combine(entity.name); h.combine(entity.kind); h.combine(entity.aliases) }
            case .assets:
                for (path, bytes) in tree.assets.sorted(by: { $0.key < $1.key }) { h.combine(path); h.combine(bytes) }
            case .other:
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

    static func includes(in text: String) -> [String] {
        var names: [String] = []
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            rest = rest[open.upperBound...]
            guard let first = rest.first, first == ">" || first == "<" else { continue }
            guard let close = rest.range(of: "}}") else { break }
            names.append(String(rest[rest.index(after: rest.startIndex)..<close.lowerBound]).trimmingWhitespace())
            rest = rest[close.upperBound...]
        }
        return names
    }
}
