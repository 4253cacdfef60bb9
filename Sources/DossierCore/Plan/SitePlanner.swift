/// One page, or a few files made together, of the site: a stable key and the input it is
/// rendered from. Made by planning; the key lets a rebuild find last time's job.
public struct RenderJob: Sendable {
    /// Stable across rebuilds: briefings, entities and tags are named by slug, not position; list
    /// pages by number.
    public enum Key: Hashable, Sendable {
        case index(page: Int), briefing(String), entityIndex, entity(String, page: Int), tagIndex, tag(String, page: Int), quotes, notFound, feed, sitemap, search, assets
        case storyIndex, story(String)
        case searchShard(String), searchMeta(Int)
    }

    public var key: Key
    var input: PageInput
}

/// The plan of one build: its jobs, and which of them have exactly the previous plan's input.
struct Plan: Sendable {
    var jobs: [RenderJob] = []
    /// Per job: its input is the previous plan's input for the same key, untouched, so its
    /// fingerprint need not be computed again.
    var unchanged: [Bool] = []

    mutating func add(_ key: RenderJob.Key, _ input: PageInput, unchanged: Bool = false) {
        jobs.append(RenderJob(key: key, input: input))
        self.unchanged.append(unchanged)
    }
}

/// The plan stage: turns a linked `Site` into render jobs, each with the input its pages show.
/// Lists are one job per page, so an edit re-renders the pages that show the briefing, not every
/// page of a tag with thousands of briefings.
///
/// Incremental: it knows which briefings' parts and which entities changed since the previous
/// plan (`PlanChanges`), and keeps the previous input of every job whose input those changes
/// cannot reach, so a rebuild after one edit makes a few inputs, not 13,000.
struct SitePlanner {
    /// Entity and tag pages list this many briefings per page.
    static let listPageSize = 100
    /// Speakers' quote lists (entity pages, the quotes page) show this many of the newest quotes.
    static let quoteListLimit = 50
    /// Entity pages show this many of the entities most often named with them.
    static let relatedLimit = 12

    let site: Site

    /// The jobs of `site`, reusing from `memory` what the previous plan made where nothing it
    /// shows changed, and keeping there what this plan made for next time.
    /// `shardLimit`: bytes of a search term shard above which it is split (`SearchIndex.shardLimit`).
    static func plan(_ site: Site, memory: inout PlanMemory, copied: [OutputFile], shardLimit: Int = SearchIndex.shardLimit) -> Plan {
        SitePlanner(site: site).plan(memory: &memory, copied: copied, shardLimit: shardLimit)
    }

    private func plan(memory: inout PlanMemory, copied: [OutputFile], shardLimit: Int) -> Plan {
        var changes = PlanChanges()
        let (faces, entities) = memory.registry(site.entities, changes: &changes)
        let tagNumbers = Dictionary(uniqueKeysWithValues: site.tags.enumerated().map { ($0.element.slug, $0.offset) })
        let parts = memory.parts(for: site, tagNumbers: tagNumbers, changes: &changes)
        let related = memory.coMentions(in: site, parts: parts, changes: &changes)
        let paginate = site.config.paginate
        let tags = site.tags.map { Briefing.Tag(name: $0.name, slug: $0.slug) }
        // After briefings were added, removed or moved, the previous plan's lists are renumbered to
        // the new positions (a briefing gone is -1, on no list now), so what it made is kept as after an edit.
        let old = changes.all ? nil : memory.previous.flatMap { $0.paginate == paginate && $0.tags == tags ? $0 : nil }
            .map { changes.moved ? $0.moved(to: changes.previousPositions) : $0 }
        let sameLists = old.map { old in site.entityBriefings.indices.map { Self.same(site.entityBriefings[$0], old.entityLists[$0]) } }
        let sameTotals = old?.totals == site.entityMentionTotals
        var plan = Plan()
        var next = PreviousPlan(paginate: paginate, tags: tags, entityLists: site.entityBriefings, totals: site.entityMentionTotals)

        let homePages = Self.pageCount(site.briefings.count, size: paginate)
        for n in 1...homePages {
            let range = Self.pageRange(n, count: parts.count, size: paginate)
            if let kept = old?.home[safe: n - 1], kept.position.count == homePages, !range.contains(where: changes.cards.contains),
               !changes.moved || (kept.cards.count == range.count && range.allSatisfy({ changes.previousPositions[$0] == $0 })) {
                next.home.append(kept)
                plan.add(.index(page: n), .home(kept), unchanged: true)
                continue
            }
            let page = HomePage(position: ListPosition(number: n, count: homePages), cards: range.map { parts[$0].card })
            next.home.append(page)
            plan.add(.index(page: n), .home(page))
        }

        var storyOf: [Int: NeighbourLink] = [:]
        for group in site.stories { for b in group.briefings { storyOf[b] = NeighbourLink(slug: group.story.slug, title: group.story.title) } }
        for (b, briefing) in site.briefings.enumerated() {
            // Unmoved, a neighbour whose link is unchanged is in neither `neighbours` set: its links need no comparing.
            if !changes.briefings.contains(b), let kept = old?.briefings[b] ?? nil, kept.story == storyOf[b],
               !changes.neighbours.contains(b - 1), !changes.neighbours.contains(b + 1),
               !changes.moved || (kept.previous == (b + 1 < parts.count ? parts[b + 1].neighbour : nil) && kept.next == (b > 0 ? parts[b - 1].neighbour : nil)),
               changes.faces.isEmpty || !briefing.shownEntities.contains(where: changes.faces.contains) {
                next.briefings.append(kept)
                plan.add(.briefing(briefing.slug), .briefing(kept), unchanged: true)
                continue
            }
            let page = BriefingPage(
                briefing: BriefingRef(briefing: briefing), entities: briefing.shownEntities.map { faces[$0] },
                previous: b + 1 < parts.count ? parts[b + 1].neighbour : nil, next: b > 0 ? parts[b - 1].neighbour : nil, story: storyOf[b])
            next.briefings.append(page)
            plan.add(.briefing(briefing.slug), .briefing(page))
        }

        if let kept = old?.entityIndex, changes.faces.isEmpty, sameTotals {
            next.entityIndex = kept
            plan.add(.entityIndex, .entityIndex(kept), unchanged: true)
        } else {
            next.entityIndex = EntityIndexPage(entities: faces.indices.map { Counted(item: faces[$0], count: site.entityMentionTotals[$0]) })
            plan.add(.entityIndex, .entityIndex(next.entityIndex))
        }

        // Entities listing a briefing whose card, feed entry, timeline sentence or quotes changed (a
        // briefing is on the lists of the entities it mentions): only their pages can show those changes.
        var listing = Set<Int>()
        for b in changes.cards.union(changes.feeds).union(changes.contexts).union(changes.quotes) where site.briefings.indices.contains(b) {
            for (e, _) in site.briefings[b].sortedMentions { listing.insert(e) }
        }
        for (e, entity) in site.entities.enumerated() {
            let list = site.entityBriefings[e]
            let listsChanged = listing.contains(e)
            let pageCount = Self.pageCount(list.count, size: Self.listPageSize)
            // Whether the entity's own fields and its list of briefings are as they were.
            let same = old != nil && sameLists![e] && !changes.entities.contains(e) && old!.entityPages[e].count == pageCount
            var pages: [EntityPage] = []
            // Page 1's chart (dates and counts) and feed (entries) change only with the list, a
            // card (which holds the date) or a feed entry: else the kept page's are reused unmade.
            let keepsPictures = same && !(listsChanged && list.contains { changes.cards.contains($0.briefing) || changes.feeds.contains($0.briefing) })
            let chart = keepsPictures ? old!.entityPages[e][0].chart : Self.chart(list.map { (site.briefings[$0.briefing].date, $0.mentions) })
            let feed = keepsPictures ? old!.entityPages[e][0].feed : list.prefix(Self.feedSize).map { parts[$0.briefing].feed }
            for n in 1...pageCount {
                let range = Self.pageRange(n, count: list.count, size: Self.listPageSize)
                if same, !(listsChanged && list[range].contains(where: { changes.cards.contains($0.briefing) || changes.contexts.contains($0.briefing) })),
                   n > 1 || (!changes.related.contains(e) && !(listsChanged && list.contains { changes.quotes.contains($0.briefing) })
                             && !related[e].contains { changes.faces.contains($0.entity) }
                             && old!.entityPages[e][0].chart == chart && old!.entityPages[e][0].feed == feed) {
                    let kept = old!.entityPages[e][n - 1]
                    pages.append(kept)
                    plan.add(.entity(entity.slug, page: n), .entity(kept), unchanged: true)
                    continue
                }
                var page = EntityPage(
                    entity: entities[e], mentions: site.entityMentionTotals[e], position: ListPosition(number: n, count: pageCount),
                    rows: list[range].map { Counted(item: parts[$0.briefing].card, count: $0.mentions) },
                    contexts: list[range].map { parts[$0.briefing].contexts.value[e] },
                    quotes: [], moreQuotes: 0, related: [])
                if n == 1 {
                    // Only what the article or the editor says the entity said: a quote given to it through a pronoun,
                    // a role or the quotation before waits for an editor (`dossier check` lists those).
                    var quotes: [Hashed<QuoteEntry>] = []
                    var count = 0
                    for (b, _) in list {
                        for quote in parts[b].quotes.value where quote.entity == e && quote.isConfirmed {
                            if quotes.count < Self.quoteListLimit { quotes.append(quote.entry) }
                            count += 1
                        }
                    }
                    page.quotes = quotes
                    page.moreQuotes = count - quotes.count
                    page.related = related[e].map { Counted(item: faces[$0.entity], count: $0.briefings) }
                    page.chart = chart
                    page.feed = feed
                }
                pages.append(page)
                plan.add(.entity(entity.slug, page: n), .entity(page))
            }
            next.entityPages.append(pages)
        }

        if let kept = old?.tagIndex, old?.tagCounts == site.tags.map(\.briefings.count) {
            next.tagIndex = kept
            plan.add(.tagIndex, .tagIndex(kept), unchanged: true)
        } else {
            next.tagIndex = TagIndexPage(tags: site.tags.indices.map { Counted(item: tags[$0], count: site.tags[$0].briefings.count) })
            plan.add(.tagIndex, .tagIndex(next.tagIndex))
        }
        next.tagCounts = site.tags.map(\.briefings.count)
        for (t, tag) in site.tags.enumerated() {
            let pageCount = Self.pageCount(tag.briefings.count, size: Self.listPageSize)
            let same = old.map { $0.tagLists[t] == tag.briefings } ?? false
            let feed = tag.briefings.prefix(Self.feedSize).map { parts[$0].feed }
            var pages: [TagPage] = []
            for n in 1...pageCount {
                let range = Self.pageRange(n, count: tag.briefings.count, size: Self.listPageSize)
                if same, !tag.briefings[range].contains(where: changes.cards.contains), n > 1 || old!.tagPages[t][0].feed == feed {
                    let kept = old!.tagPages[t][n - 1]
                    pages.append(kept)
                    plan.add(.tag(tag.slug, page: n), .tag(kept), unchanged: true)
                    continue
                }
                let page = TagPage(tag: tags[t], position: ListPosition(number: n, count: pageCount), rows: tag.briefings[range].map { parts[$0].card },
                                   feed: n == 1 ? feed : [])
                pages.append(page)
                plan.add(.tag(tag.slug, page: n), .tag(page))
            }
            next.tagPages.append(pages)
        }
        next.tagLists = site.tags.map(\.briefings)

        if let kept = old?.quotes, changes.quotes.isEmpty, !changes.moved {
            next.quotes = kept
            plan.add(.quotes, .quotes(kept), unchanged: true)
        } else {
            next.quotes = QuotesPage(quotes: parts.flatMap { $0.quotes.value.filter { !$0.isFragment }.map(\.entry) })
            plan.add(.quotes, .quotes(next.quotes))
        }
        // Stories are few: their pages are planned anew each time; unchanged ones keep their files by hash.
        plan.add(.storyIndex, .storyIndex(StoryIndexPage(stories: site.stories.map { group in
            let dates = group.briefings.compactMap { site.briefings[$0].date }
            return StorySummary(slug: group.story.slug, title: group.story.title, description: group.story.description,
                                count: group.briefings.count, first: dates.min(), last: dates.max())
        })))
        let touched = changes.cards.union(changes.quotes).union(changes.feeds).union(changes.mentions)
        for group in site.stories {
            // Entity faces are not in the hash (what changed is not what the page is): a page showing
            // a changed face is made again this once.
            let showsChangedFace = !changes.faces.isEmpty
                && group.briefings.contains { site.briefings[$0].sortedMentions.contains { changes.faces.contains($0.entity) } }
            // Nothing moved, the same story and briefings, none showing anything new: kept without hashing.
            if !changes.all, !changes.moved, !showsChangedFace, let kept = old?.stories[group.story.slug], kept.briefings == group.briefings,
               kept.page.story == group.story, !group.briefings.contains(where: touched.contains) {
                next.stories[group.story.slug] = kept
                plan.add(.story(group.story.slug), .story(kept.page), unchanged: true)
                continue
            }
            // Else a story's page is kept while its file, its briefings and what they show are the same.
            var key = Hasher()
            key.combine(group.story)
            for b in group.briefings {
                key.combine(site.briefings[b].slug)
                key.combine(parts[b].card)
                key.combine(parts[b].quotes)
                key.combine(parts[b].feed)
                key.combine(parts[b].mentionKeys)
            }
            let hash = key.finalize()
            if let kept = old?.stories[group.story.slug], kept.key == hash, !showsChangedFace, !changes.all {
                next.stories[group.story.slug] = (kept.key, group.briefings, kept.page)
                plan.add(.story(group.story.slug), .story(kept.page), unchanged: true)
            } else {
                let page = storyPage(group, parts: parts, faces: faces)
                next.stories[group.story.slug] = (hash, group.briefings, page)
                plan.add(.story(group.story.slug), .story(page))
            }
        }
        plan.add(.notFound, .notFound, unchanged: old != nil)
        // Search: the manifest, then term shards (only those whose words' postings changed are made
        // again), then each briefing's result.
        let rows = parts.map(\.search)
        let numbers = SearchIndex.numbers(dates: site.briefings.map(\.date))
        let dirty = memory.searchTerms.update(rows: parts.map(\.terms), numbers: numbers, limit: shardLimit)
        let layout = memory.searchTerms.layout
        let page = SearchPage(entities: faces, tags: tags, count: rows.count, shards: layout.keys, split: layout.split)
        if let kept = old?.search, kept == page {
            next.search = kept
            plan.add(.search, .search(kept), unchanged: true)
        } else {
            next.search = page
            plan.add(.search, .search(page))
        }
        for (root, shards) in layout.roots {
            for shard in shards { plan.add(.searchShard(shard.key), .searchShard(shard), unchanged: dirty.map { !$0.contains(root) } ?? false) }
        }
        // A result renumbered (its day's briefings changed) is not the input its number had.
        for (b, row) in rows.enumerated() {
            plan.add(.searchMeta(numbers[b]), .searchMeta(SearchMeta(number: numbers[b], row: row)),
                     unchanged: old?.numbers[safe: b] == numbers[b] && !changes.search.contains(b))
        }
        next.numbers = numbers
        // Each entity's and tag's newest date: its first briefing's, in site order (newest first, undated last).
        let storyPages = site.stories.map { DatedPage(slug: $0.story.slug, date: $0.briefings.first.flatMap { site.briefings[$0].date }) }
        let feed = SiteFeedInput(entries: Array(parts.prefix(SiteFeeds.siteFeedSize).map(\.feed)))
        if let kept = old?.feed, kept == feed {
            next.feed = kept
            plan.add(.feed, .feed(kept), unchanged: true)
        } else {
            next.feed = feed
            plan.add(.feed, .feed(feed))
        }
        // The sitemap shows slugs and dates only: a changed feed entry keeps it unless its date changed.
        func dated(_ b: Int) -> DatedPage { DatedPage(slug: parts[b].feed.value.slug, date: SiteFeeds.updated(parts[b].feed.value)) }
        if let kept = old?.sitemap, !changes.moved, sameLists!.allSatisfy({ $0 }), old!.tagLists == next.tagLists, kept.storyPages == storyPages,
           changes.feeds.allSatisfy({ kept.briefings[$0] == dated($0) }) {
            next.sitemap = kept
            plan.add(.sitemap, .sitemap(kept), unchanged: true)
        } else {
            next.sitemap = SitemapInput(
                latest: parts.lazy.compactMap { SiteFeeds.updated($0.feed.value) }.max(),
                briefings: parts.indices.map(dated),
                entityPages: site.entities.indices.map { DatedPage(slug: site.entities[$0].slug, date: site.entityBriefings[$0].first.flatMap { site.briefings[$0.briefing].date }) },
                tagPages: site.tags.map { DatedPage(slug: $0.slug, date: $0.briefings.first.flatMap { site.briefings[$0].date }) },
                storyPages: storyPages)
            plan.add(.sitemap, .sitemap(next.sitemap))
        }
        if let kept = old?.assets, kept.value == copied {
            next.assets = kept
            plan.add(.assets, .assets(kept), unchanged: true)
        } else {
            next.assets = Hashed(copied)
            plan.add(.assets, .assets(next.assets))
        }
        // Briefings added, removed or moved: the inputs kept by position above cannot be, but most
        // are equal to the previous plan's for the same key (slugs, page numbers, result numbers).
        if changes.moved, !changes.all, let before = memory.inputs {
            let jobs = plan.jobs, unchanged = plan.unchanged
            plan.unchanged = concurrentMap(Array(jobs.indices)) { unchanged[$0] || before[jobs[$0].key] == jobs[$0].input }
        }
        if changes.moved || changes.all || memory.inputs == nil {
            memory.inputs = Dictionary(plan.jobs.map { ($0.key, $0.input) }, uniquingKeysWith: { a, _ in a })
        } else {
            // By index: iterating the jobs would copy each one (25,000 retains and releases) to find a few.
            for j in plan.jobs.indices where !plan.unchanged[j] { memory.inputs![plan.jobs[j].key] = plan.jobs[j].input }
        }
        memory.previous = next
        return plan
    }

    private static func same(_ a: [(briefing: Int, mentions: Int)], _ b: [(briefing: Int, mentions: Int)]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { $0.briefing == $1.briefing && $0.mentions == $1.mentions }
    }

    /// A story's timeline, oldest first (undated briefings last), with what each briefing brings
    /// in and leaves behind.
    private func storyPage(_ group: Site.StoryGroup, parts: [BriefingParts], faces: [Hashed<EntityFace>]) -> StoryPage {
        let dated = group.briefings.filter { site.briefings[$0].date != nil }
        let ordered = dated.reversed() + group.briefings.filter { site.briefings[$0].date == nil }
        var last: [Int: Int] = [:]
        for (i, b) in ordered.enumerated() { for (e, _) in site.briefings[b].sortedMentions { last[e] = i } }
        var seen: Set<Int> = [], speakers: Set<Int> = []
        var previous: [Int] = []
        func byName(_ entities: some Sequence<Int>) -> [Hashed<EntityFace>] {
            entities.map { faces[$0] }.sorted { ($0.value.name, $0.value.slug) < ($1.value.name, $1.value.slug) }
        }
        var steps: [StoryStep] = []
        for (i, b) in ordered.enumerated() {
            let mentioned = site.briefings[b].sortedMentions.map(\.entity)
            let quotes = parts[b].quotes.value.filter { !$0.isFragment }
            let quoted = Set(quotes.compactMap { $0.isConfirmed ? $0.entity : nil })
            steps.append(StoryStep(
                card: parts[b].card, quotes: quotes.map(\.entry),
                entering: i == 0 ? [] : byName(mentioned.filter { !seen.contains($0) }),
                leaving: byName(previous.filter { last[$0] == i - 1 }),
                newSpeakers: i == 0 ? [] : byName(quoted.subtracting(speakers))))
            seen.formUnion(mentioned)
            speakers.formUnion(quoted)
            previous = mentioned
        }
        return StoryPage(story: group.story, steps: steps, feed: group.briefings.prefix(Self.feedSize).map { parts[$0].feed })
    }

    /// Entity, tag and story feeds carry this many of the newest briefings.
    static let feedSize = 20

    /// Briefings and mentions by month when the dated ones span at most two years, else by year;
    /// oldest first, empty periods included (a chart's gaps are information).
    static func chart(_ dated: [(date: ISODate?, mentions: Int)]) -> [PeriodCount] {
        let dates = dated.compactMap(\.date)
        guard let first = dates.min(), let last = dates.max() else { return [] }
        let byMonth = (last.year - first.year) * 12 + last.month - first.month < 24
        func key(_ d: ISODate) -> Int { byMonth ? d.year * 12 + d.month - 1 : d.year }
        var counts: [Int: (briefings: Int, mentions: Int)] = [:]
        for (date, mentions) in dated {
            guard let date else { continue }
            counts[key(date), default: (0, 0)].briefings += 1
            counts[key(date), default: (0, 0)].mentions += mentions
        }
        return (key(first)...key(last)).map { k in
            let c = counts[k] ?? (0, 0)
            return byMonth ? PeriodCount(year: k / 12, month: k % 12 + 1, briefings: c.briefings, mentions: c.mentions)
                           : PeriodCount(year: k, month: nil, briefings: c.briefings, mentions: c.mentions)
        }
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

/// What changed since the previous plan, by briefing and entity position. `all`: nothing of the
/// previous plan can be kept (the first plan, entities added, removed or reordered, tags
/// renumbered). `moved`: briefings were added, removed or reordered, so nothing is kept by
/// position, but inputs equal to the previous plan's for the same key keep their fingerprints.
struct PlanChanges {
    var all = false
    var moved = false
    /// When `moved`: per briefing, its position in the previous plan (by slug), nil if new.
    var previousPositions: [Int?] = []
    /// Briefings whose analysis is a new object; and those whose card, neighbour link, quotes,
    /// feed entry or search row changed.
    var briefings: Set<Int> = []
    var cards: Set<Int> = []
    var neighbours: Set<Int> = []
    var quotes: Set<Int> = []
    var feeds: Set<Int> = []
    var search: Set<Int> = []
    var contexts: Set<Int> = []
    /// Briefings whose mentioned entities changed (co-mention lists).
    var mentions: Set<Int> = []
    /// Entities whose face (chips, links, speakers) or whole record (their page) changed, and
    /// those whose co-mentioned entities changed.
    var faces: Set<Int> = []
    var entities: Set<Int> = []
    var related: Set<Int> = []
}

/// The inputs of the previous plan, by kind and position, with what decides whether each can be kept.
struct PreviousPlan: Sendable {
    var paginate: Int
    var tags: [Briefing.Tag]
    var entityLists: [[(briefing: Int, mentions: Int)]]
    var totals: [Int]
    var tagCounts: [Int] = []
    var tagLists: [[Int]] = []
    var home: [HomePage] = []
    /// Nil for a briefing that was not there (`moved(to:)`).
    var briefings: [BriefingPage?] = []
    /// Search result numbers, by briefing.
    var numbers: [Int] = []
    var entityIndex = EntityIndexPage(entities: [])
    var entityPages: [[EntityPage]] = []
    var tagIndex = TagIndexPage(tags: [])
    var tagPages: [[TagPage]] = []
    var quotes = QuotesPage(quotes: [])
    var search = SearchPage(entities: [], tags: [], count: 0, shards: [], split: [])
    var feed = SiteFeedInput(entries: [])
    var sitemap = SitemapInput(latest: nil, briefings: [], entityPages: [], tagPages: [])
    var assets = Hashed<[OutputFile]>([])
    /// Story pages by slug, with a hash of what they were made from and their briefings.
    var stories: [String: (key: Int, briefings: [Int], page: StoryPage)] = [:]
}

extension PreviousPlan {
    /// This plan with briefing positions renumbered to `positions` (each briefing's previous
    /// position, nil if new): briefings that are gone become -1 in lists, so a list that held
    /// one differs from every list now.
    func moved(to positions: [Int?]) -> PreviousPlan {
        var now = [Int](repeating: -1, count: briefings.count)
        for (b, p) in positions.enumerated() { if let p { now[p] = b } }
        var out = self
        out.entityLists = entityLists.map { $0.map { (now[$0.briefing], $0.mentions) } }
        out.tagLists = tagLists.map { $0.map { now[$0] } }
        out.briefings = positions.map { $0.flatMap { briefings[$0] } }
        out.numbers = positions.map { $0.map { numbers[$0] } ?? -1 }
        return out
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}

/// What other pages show of one briefing's analysis, made once per analysis: a rebuild after an
/// edit to one briefing makes these for that briefing alone.
struct BriefingParts: Sendable {
    var card: Hashed<BriefingCard>
    var neighbour: NeighbourLink
    var feed: Hashed<FeedEntry>
    var search: Hashed<SearchRow>
    /// The row's words, which only the term index reads: apart from the row (which result files
    /// keep until rendered), so that a build that is not followed by another can let go of them.
    var terms: SearchTerms
    var quotes: Hashed<[PlannedQuote]>
    /// The sentence that first names each entity it mentions, for entity timelines.
    var contexts: Hashed<MentionContext.Table>
    /// The entities it mentions, hashed: what co-mention lists are computed from.
    var mentionKeys: Int

    struct PlannedQuote: Hashable, Sendable {
        var entity: Int?
        var isConfirmed: Bool
        var isFragment: Bool
        var entry: Hashed<QuoteEntry>
    }

    init(_ briefing: Briefing, entities: [Entity], tagNumbers: [String: Int]) {
        let notFragments = briefing.quotes.filter { !$0.isFragment }.count
        card = Hashed(BriefingCard(
            slug: briefing.slug, title: briefing.title, date: briefing.date, source: briefing.provenance.source,
            summaryHTML: briefing.summaryHTML, tags: briefing.tags, noteCount: briefing.notes.count, quoteCount: notFragments,
            excerpt: briefing.summaryHTML == nil ? briefing.excerpt() : nil, isAnnotated: briefing.annotationPath != nil))
        neighbour = NeighbourLink(slug: briefing.slug, title: briefing.title)
        feed = Hashed(FeedEntry(slug: briefing.slug, title: briefing.title, date: briefing.date, briefed: briefing.briefed,
                                source: briefing.provenance.source, summary: briefing.summaryText, tags: briefing.tags))
        let (row, terms) = Self.searchRow(briefing, entities: entities, tagNumbers: tagNumbers)
        search = Hashed(row)
        self.terms = terms
        quotes = Hashed(Self.quotes(of: briefing) { (entities[$0].name, entities[$0].slug) })
        contexts = Hashed(MentionContext.sentences(in: briefing))
        var keys = Hasher()
        for (e, _) in briefing.sortedMentions { keys.combine(e) }
        mentionKeys = keys.finalize()
    }

    /// The briefing's search row: what its result shows, and its words by field (title; summary,
    /// source, names and aliases of the entities it mentions, tags; quotations; prose and notes).
    static func searchRow(_ briefing: Briefing, entities: [Entity], tagNumbers: [String: Int]) -> (SearchRow, SearchTerms) {
        let mentioned = briefing.sortedMentions.sorted { ($1.count, $0.entity) < ($0.count, $1.entity) }.map(\.entity)
        let names = mentioned.flatMap { [entities[$0].name] + entities[$0].aliases }
        let summary = [briefing.summaryText, briefing.provenance.source].compactMap { $0 } + names + briefing.tags.map(\.name)
        let row = SearchRow(
            slug: briefing.slug, title: briefing.title, date: briefing.date, source: briefing.provenance.source,
            summary: briefing.summaryText, tags: briefing.tags.compactMap { tagNumbers[$0.slug] }, entities: mentioned,
            quoteText: SearchIndex.quoteText(briefing.quotes), proseText: SearchIndex.proseText(briefing.proseText))
        return (row, SearchIndex.terms(title: briefing.title, summary: summary, quotes: briefing.quotes.map(\.text), prose: briefing.proseText))
    }

    /// Takes `old`'s pieces where they are equal to this analysis's, and records in `changes` which
    /// differ at position `b`: an edit to prose alone leaves every piece other pages show as it was.
    mutating func keep(_ old: BriefingParts, at b: Int, _ changes: inout PlanChanges) {
        func keep<T>(_ piece: WritableKeyPath<BriefingParts, Hashed<T>>, _ changed: WritableKeyPath<PlanChanges, Set<Int>>) {
            if self[keyPath: piece] == old[keyPath: piece] { self[keyPath: piece] = old[keyPath: piece] } else { changes[keyPath: changed].insert(b) }
        }
        keep(\.card, \.cards)
        keep(\.feed, \.feeds)
        keep(\.search, \.search)
        if terms == old.terms { terms = old.terms } else { changes.search.insert(b) }
        keep(\.quotes, \.quotes)
        keep(\.contexts, \.contexts)
        if neighbour != old.neighbour { changes.neighbours.insert(b) }
        if mentionKeys != old.mentionKeys { changes.mentions.insert(b) }
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

/// What planning keeps between the builds of one builder: the previous plan, each briefing's parts
/// by position, the registry's faces, and co-mention lists with what they were computed from.
struct PlanMemory {
    fileprivate(set) var previous: PreviousPlan?
    /// The previous plan's inputs by job key, for plans after briefings were added or removed.
    fileprivate var inputs: [RenderJob.Key: PageInput]?
    /// The search index's postings and shards.
    var searchTerms = SearchTermIndex()
    private var briefings: [Briefing] = []
    private var parts: [BriefingParts] = []
    private var faces: [Hashed<EntityFace>] = []
    private var entities: [Hashed<Entity>] = []
    private var names = 0
    private var tagNumbers: [String: Int] = [:]
    private var coMentions: [String: (inputs: Int, result: [(entity: Int, briefings: Int)])] = [:]
    /// The last co-mention lists in entity order, and the registry names they were made under.
    private var lastCoMentions: (registry: Int, lists: [[(entity: Int, briefings: Int)]])?

    /// Each entity's face and record, the previous objects where unchanged (so inputs holding them
    /// compare by identity); the others are marked in `changes`. Entities added, removed or
    /// reordered change everything.
    mutating func registry(_ site: [Entity], changes: inout PlanChanges) -> ([Hashed<EntityFace>], [Hashed<Entity>]) {
        if site.count != entities.count || zip(site, entities).contains(where: { $0.slug != $1.value.slug }) { changes.all = true }
        var nextFaces: [Hashed<EntityFace>] = [], nextEntities: [Hashed<Entity>] = []
        nextFaces.reserveCapacity(site.count)
        nextEntities.reserveCapacity(site.count)
        for (e, entity) in site.enumerated() {
            let face = EntityFace(index: e, slug: entity.slug, name: entity.name, kind: entity.kind, description: entity.description, aliases: entity.aliases,
                                  sameAs: entity.links.map(\.url))
            if !changes.all, faces[e].value == face {
                nextFaces.append(faces[e])
            } else {
                nextFaces.append(Hashed(face))
                changes.faces.insert(e)
            }
            if !changes.all, entities[e].value == entity {
                nextEntities.append(entities[e])
            } else {
                nextEntities.append(Hashed(entity))
                changes.entities.insert(e)
            }
        }
        faces = nextFaces
        entities = nextEntities
        return (faces, entities)
    }

    /// Every briefing's parts in site order. Only briefings analysed since the last plan are read
    /// again (in parallel), and their pieces equal to the previous ones are kept; all are made
    /// again when the tag numbering changed, and quote lists when entity names or slugs did.
    mutating func parts(for site: Site, tagNumbers: [String: Int], changes: inout PlanChanges) -> [BriefingParts] {
        var names = Hasher()
        for entity in site.entities { names.combine(entity.name); names.combine(entity.slug) }
        let namesNow = names.finalize()
        let renumbered = tagNumbers != self.tagNumbers
        if renumbered { changes.all = true }
        let sameOrder = !changes.all && site.briefings.count == briefings.count
            && zip(site.briefings, briefings).allSatisfy { $0 === $1 || $0.slug == $1.slug }
        if !sameOrder { changes.moved = true }
        let entities = site.entities
        var next: [BriefingParts]
        if changes.all || changes.moved {
            // Briefings added, removed or moved: the parts of analyses still in use are kept, by serial
            // number (search rows are made again if tags were renumbered; entity numbers cannot have
            // moved under a kept analysis, which would have been redone).
            let kept = Dictionary(zip(briefings.map(\.serial), parts), uniquingKeysWith: { a, _ in a })
            let stale = site.briefings.indices.filter { renumbered || kept[site.briefings[$0].serial] == nil }
            let made = concurrentMap(stale) { BriefingParts(site.briefings[$0], entities: entities, tagNumbers: tagNumbers) }
            let fresh = Dictionary(uniqueKeysWithValues: zip(stale, made))
            next = site.briefings.indices.map { fresh[$0] ?? kept[site.briefings[$0].serial]! }
            if changes.moved, !changes.all {
                // Briefings kept have the same parts; new analyses count as changed in every way.
                let before = Dictionary(briefings.enumerated().map { ($0.element.slug, $0.offset) }, uniquingKeysWith: { a, _ in a })
                changes.previousPositions = site.briefings.map { before[$0.slug] }
                for b in stale {
                    for set in [\PlanChanges.briefings, \.cards, \.neighbours, \.quotes, \.feeds, \.search, \.contexts, \.mentions] { changes[keyPath: set].insert(b) }
                }
            }
        } else {
            let stale = site.briefings.indices.filter { site.briefings[$0] !== briefings[$0] }
            let made = concurrentMap(stale) { BriefingParts(site.briefings[$0], entities: entities, tagNumbers: tagNumbers) }
            next = parts
            for (b, part) in zip(stale, made) {
                var part = part
                part.keep(parts[b], at: b, &changes)
                next[b] = part
                changes.briefings.insert(b)
            }
        }
        if namesNow != self.names, !briefings.isEmpty {
            let quotes = concurrentMap(Array(site.briefings.indices)) { b in
                Hashed(BriefingParts.quotes(of: site.briefings[b]) { (entities[$0].name, entities[$0].slug) })
            }
            for b in site.briefings.indices where quotes[b] != next[b].quotes {
                next[b].quotes = quotes[b]
                changes.quotes.insert(b)
            }
        }
        self.names = namesNow
        self.tagNumbers = tagNumbers
        briefings = site.briefings
        parts = next
        return next
    }

    /// Per entity, those most often mentioned in the same briefings; recomputed only for entities
    /// whose briefings, or those briefings' mentions, changed. Entities whose list changed are
    /// marked in `changes`.
    mutating func coMentions(in site: Site, parts: [BriefingParts], changes: inout PlanChanges) -> [[(entity: Int, briefings: Int)]] {
        var names = Hasher()
        for entity in site.entities { names.combine(entity.name); names.combine(entity.slug) }
        let registry = names.finalize()
        // Nothing moved and no briefing mentions other entities: every list is as it was.
        if !changes.all, !changes.moved, changes.mentions.isEmpty, let last = lastCoMentions, last.registry == registry,
           last.lists.count == site.entities.count {
            return last.lists
        }
        var next: [String: (inputs: Int, result: [(entity: Int, briefings: Int)])] = [:]
        next.reserveCapacity(site.entities.count)
        var stale: [(e: Int, inputs: Int)] = []
        for (e, entity) in site.entities.enumerated() {
            var h = Hasher()
            h.combine(registry)
            // What each briefing mentions, not where it stands: adding a briefing leaves the rest alone.
            for (b, _) in site.entityBriefings[e] { h.combine(parts[b].mentionKeys) }
            let inputs = h.finalize()
            if let kept = coMentions[entity.slug], kept.inputs == inputs { next[entity.slug] = kept } else { stale.append((e, inputs)) }
        }
        let made = concurrentMap(stale.map(\.e)) { site.coMentions(of: $0, limit: SitePlanner.relatedLimit) }
        for (entry, result) in zip(stale, made) {
            let slug = site.entities[entry.e].slug
            if let old = coMentions[slug]?.result, old.count == result.count, zip(old, result).allSatisfy({ $0 == $1 }) {} else {
                changes.related.insert(entry.e)
            }
            next[slug] = (entry.inputs, result)
        }
        coMentions = next
        let lists = site.entities.map { next[$0.slug]!.result }
        lastCoMentions = (registry, lists)
        return lists
    }
}
