/// One page, or a few files made together, of the site: a stable key and the input it is
/// rendered from. Made by planning; the key lets a rebuild find last time's job.
public struct RenderJob: Sendable {
    /// Stable across rebuilds: briefings, entities and tags are named by slug, not position; list
    /// pages by number.
    public enum Key: Hashable, Sendable {
        case index(page: Int), briefing(String), entityIndex, entity(String, page: Int), tagIndex, tag(String, page: Int), quotes, notFound, feeds, search, assets
    }

    public var key: Key
    var input: PageInput
}

/// The plan stage: turns a linked `Site` into render jobs, each with the input its pages show.
/// Lists are one job per page, so an edit re-renders the pages that show the briefing, not every
/// page of a tag with thousands of briefings.
struct SitePlanner {
    /// Entity and tag pages list this many briefings per page.
    static let listPageSize = 100
    /// Speakers' quote lists (entity pages, the quotes page) show this many of the newest quotes.
    static let quoteListLimit = 50
    /// Entity pages show this many of the entities most often named with them.
    static let relatedLimit = 12

    let site: Site

    /// The jobs of `site`, reusing from `memory` what the briefings' analyses it still holds gave,
    /// and keeping there what this plan computed for next time.
    static func plan(_ site: Site, memory: inout PlanMemory, copied: [OutputFile]) -> [RenderJob] {
        SitePlanner(site: site).jobs(memory: &memory, copied: copied)
    }

    private func jobs(memory: inout PlanMemory, copied: [OutputFile]) -> [RenderJob] {
        let faces = site.entities.enumerated().map { e, entity in
            Hashed(EntityFace(index: e, slug: entity.slug, name: entity.name, kind: entity.kind,
                              description: entity.description, aliases: entity.aliases))
        }
        let tagNumbers = Dictionary(uniqueKeysWithValues: site.tags.enumerated().map { ($0.element.slug, $0.offset) })
        let parts = memory.parts(for: site, tagNumbers: tagNumbers)
        var jobs: [RenderJob] = []
        jobs.reserveCapacity(site.briefings.count + site.entities.count + site.tags.count + 16)

        let paginate = site.config.paginate
        let homePages = Self.pageCount(site.briefings.count, size: paginate)
        for n in 1...homePages {
            let cards = Self.pageRange(n, count: parts.count, size: paginate).map { parts[$0].card }
            jobs.append(RenderJob(key: .index(page: n), input: .home(HomePage(position: ListPosition(number: n, count: homePages), cards: cards))))
        }
        for (b, briefing) in site.briefings.enumerated() {
            let page = BriefingPage(
                briefing: BriefingRef(briefing: briefing), entities: briefing.shownEntities.map { faces[$0] },
                previous: b + 1 < parts.count ? parts[b + 1].neighbour : nil, next: b > 0 ? parts[b - 1].neighbour : nil)
            jobs.append(RenderJob(key: .briefing(briefing.slug), input: .briefing(page)))
        }
        jobs.append(RenderJob(key: .entityIndex, input: .entityIndex(EntityIndexPage(
            entities: faces.indices.map { Counted(item: faces[$0], count: site.entityMentionTotals[$0]) }))))
        let related = memory.coMentions(in: site, parts: parts)
        for (e, entity) in site.entities.enumerated() {
            let list = site.entityBriefings[e]
            let pageCount = Self.pageCount(list.count, size: Self.listPageSize)
            let hashedEntity = Hashed(entity)
            for n in 1...pageCount {
                var page = EntityPage(
                    entity: hashedEntity, mentions: site.entityMentionTotals[e], position: ListPosition(number: n, count: pageCount),
                    rows: list[Self.pageRange(n, count: list.count, size: Self.listPageSize)].map { Counted(item: parts[$0.briefing].card, count: $0.mentions) },
                    quotes: [], moreQuotes: 0, related: [])
                if n == 1 {
                    // Only what the article or the editor says the entity said: a quote given to it through a pronoun,
                    // a role or the quotation before waits for an editor (`dossier check` lists those).
                    var quotes: [Hashed<QuoteEntry>] = []
                    var count = 0
                    for (b, _) in list {
                        for quote in parts[b].quotes where quote.entity == e && quote.isConfirmed {
                            if quotes.count < Self.quoteListLimit { quotes.append(quote.entry) }
                            count += 1
                        }
                    }
                    page.quotes = quotes
                    page.moreQuotes = count - quotes.count
                    page.related = related[e].map { Counted(item: faces[$0.entity], count: $0.briefings) }
                }
                jobs.append(RenderJob(key: .entity(entity.slug, page: n), input: .entity(page)))
            }
        }
        let tags = site.tags.map { Briefing.Tag(name: $0.name, slug: $0.slug) }
        jobs.append(RenderJob(key: .tagIndex, input: .tagIndex(TagIndexPage(
            tags: site.tags.indices.map { Counted(item: tags[$0], count: site.tags[$0].briefings.count) }))))
        for (t, tag) in site.tags.enumerated() {
            let pageCount = Self.pageCount(tag.briefings.count, size: Self.listPageSize)
            for n in 1...pageCount {
                let rows = tag.briefings[Self.pageRange(n, count: tag.briefings.count, size: Self.listPageSize)].map { parts[$0].card }
                jobs.append(RenderJob(key: .tag(tag.slug, page: n), input: .tag(TagPage(tag: tags[t], position: ListPosition(number: n, count: pageCount), rows: rows))))
            }
        }
        jobs.append(RenderJob(key: .quotes, input: .quotes(QuotesPage(quotes: parts.flatMap { $0.quotes.filter { !$0.isFragment }.map(\.entry) }))))
        jobs.append(RenderJob(key: .notFound, input: .notFound))
        jobs.append(RenderJob(key: .search, input: .search(SearchPage(entities: faces, tags: tags, rows: parts.map(\.search)))))
        // Each entity's and tag's newest date: its first briefing's, in site order (newest first, undated last).
        let feeds = FeedsInput(
            entries: parts.map(\.feed),
            entityPages: site.entities.indices.map { DatedPage(slug: site.entities[$0].slug, date: site.entityBriefings[$0].first.flatMap { site.briefings[$0.briefing].date }) },
            tagPages: site.tags.map { DatedPage(slug: $0.slug, date: $0.briefings.first.flatMap { site.briefings[$0].date }) })
        jobs.append(RenderJob(key: .feeds, input: .feeds(feeds)))
        jobs.append(RenderJob(key: .assets, input: .assets(Hashed(copied))))
        return jobs
    }

    /// Pages a list of `count` items fills, `size` to a page; an empty list still has its page.
    static func pageCount(_ count: Int, size: Int) -> Int {
        max(1, (count + size - 1) / size)
    }

    /// Positions of the items on page `n`.
    static func pageRange(_ n: Int, count: Int, size: Int) -> Range<Int> {
        min(count, (n - 1) * size)..<min(count, n * size)
    }
}

/// What other pages show of one briefing's analysis, made once per analysis: a rebuild after an
/// edit to one briefing makes these for that briefing alone.
struct BriefingParts: Sendable {
    var card: Hashed<BriefingCard>
    var neighbour: NeighbourLink
    var feed: Hashed<FeedEntry>
    var search: Hashed<SearchRow>
    var quotes: [PlannedQuote]
    /// The entities it mentions, hashed: what co-mention lists are computed from.
    var mentionKeys: Int

    struct PlannedQuote: Sendable {
        var entity: Int?
        var isConfirmed: Bool
        var isFragment: Bool
        var entry: Hashed<QuoteEntry>
    }

    init(_ briefing: Briefing, entities: [Entity], tagNumbers: [String: Int]) {
        let notFragments = briefing.quotes.filter { !$0.isFragment }.count
        card = Hashed(BriefingCard(
            slug: briefing.slug, title: briefing.title, date: briefing.date, source: briefing.provenance.source,
            summaryHTML: briefing.summaryHTML, tags: briefing.tags, noteCount: briefing.notes.count, quoteCount: notFragments))
        neighbour = NeighbourLink(slug: briefing.slug, title: briefing.title)
        feed = Hashed(FeedEntry(slug: briefing.slug, title: briefing.title, date: briefing.date, briefed: briefing.briefed,
                                source: briefing.provenance.source, summary: briefing.summaryText, tags: briefing.tags))
        search = Hashed(SearchRow(
            slug: briefing.slug, title: briefing.title, date: briefing.date, source: briefing.provenance.source,
            summary: briefing.summaryText, tags: briefing.tags.compactMap { tagNumbers[$0.slug] },
            entities: briefing.mentionCounts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map(\.key),
            quoteText: SearchIndex.quoteText(briefing.quotes)))
        quotes = Self.quotes(of: briefing) { (entities[$0].name, entities[$0].slug) }
        var keys = Hasher()
        for (e, _) in briefing.sortedMentions { keys.combine(e) }
        mentionKeys = keys.finalize()
    }

    /// The briefing's quotations as lists show them, with the name and slug of each quoted entity.
    static func quotes(of briefing: Briefing, speaker: (Int) -> (name: String, slug: String)) -> [PlannedQuote] {
        briefing.quotes.enumerated().compactMap { q, quote in
            guard quote.entity != nil || !quote.isFragment else { return nil }
            let entry = QuoteEntry(
                number: q + 1, text: quote.text, speaker: quote.entity.map { speaker($0).name } ?? quote.speaker,
                speakerSlug: quote.entity.map { speaker($0).slug }, status: quote.status,
                briefingSlug: briefing.slug, briefingTitle: briefing.title, date: briefing.date)
            return PlannedQuote(entity: quote.entity, isConfirmed: quote.isConfirmedSpeaker, isFragment: quote.isFragment, entry: Hashed(entry))
        }
    }
}

/// What planning keeps between the builds of one builder: each briefing analysis's parts, and
/// co-mention lists with what they were computed from.
struct PlanMemory {
    private var parts: [UInt64: BriefingParts] = [:]
    /// Hashes of the entities' slugs in order (what mentions' numbers mean) and of their names
    /// (what quote lists show), and of the tag numbering, when `parts` were made.
    private var registry: (shape: Int, names: Int, tags: [String: Int])?
    private var coMentions: [String: (inputs: Int, result: [(entity: Int, briefings: Int)])] = [:]

    /// Every briefing's parts in site order; only briefings analysed since the last plan are
    /// read again (in parallel), unless the registry's order, names or the tag numbering changed.
    mutating func parts(for site: Site, tagNumbers: [String: Int]) -> [BriefingParts] {
        var shape = Hasher(), names = Hasher()
        for entity in site.entities {
            shape.combine(entity.slug)
            names.combine(entity.name)
        }
        let now = (shape: shape.finalize(), names: names.finalize(), tags: tagNumbers)
        if let registry, registry.shape != now.shape || registry.tags != now.tags {
            parts = [:]
        } else if let registry, registry.names != now.names {
            let entities = site.entities
            let kept = site.briefings.filter { parts[$0.serial] != nil }
            let quotes = concurrentMap(kept) { BriefingParts.quotes(of: $0) { (entities[$0].name, entities[$0].slug) } }
            for (briefing, list) in zip(kept, quotes) { parts[briefing.serial]!.quotes = list }
        }
        registry = now
        let missing = site.briefings.filter { parts[$0.serial] == nil }
        let entities = site.entities
        let made = concurrentMap(missing) { BriefingParts($0, entities: entities, tagNumbers: tagNumbers) }
        var next: [UInt64: BriefingParts] = [:]
        next.reserveCapacity(site.briefings.count)
        for (briefing, part) in zip(missing, made) { next[briefing.serial] = part }
        let result = site.briefings.map { briefing -> BriefingParts in
            let part = next[briefing.serial] ?? parts[briefing.serial]!
            next[briefing.serial] = part
            return part
        }
        parts = next
        return result
    }

    /// Per entity, those most often mentioned in the same briefings; recomputed only for entities
    /// whose briefings, or those briefings' mentions, changed.
    mutating func coMentions(in site: Site, parts: [BriefingParts]) -> [[(entity: Int, briefings: Int)]] {
        var names = Hasher()
        for entity in site.entities { names.combine(entity.name); names.combine(entity.slug) }
        let registry = names.finalize()
        var next: [String: (inputs: Int, result: [(entity: Int, briefings: Int)])] = [:]
        next.reserveCapacity(site.entities.count)
        var stale: [(e: Int, inputs: Int)] = []
        for (e, entity) in site.entities.enumerated() {
            var h = Hasher()
            h.combine(registry)
            for (b, _) in site.entityBriefings[e] { h.combine(b); h.combine(parts[b].mentionKeys) }
            let inputs = h.finalize()
            if let kept = coMentions[entity.slug], kept.inputs == inputs { next[entity.slug] = kept } else { stale.append((e, inputs)) }
        }
        let made = concurrentMap(stale.map(\.e)) { site.coMentions(of: $0, limit: SitePlanner.relatedLimit) }
        for (entry, result) in zip(stale, made) { next[site.entities[entry.e].slug] = (entry.inputs, result) }
        coMentions = next
        return site.entities.map { next[$0.slug]!.result }
    }
}
