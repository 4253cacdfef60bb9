/// What one render job shows: a small value holding everything its pages are made from, so that
/// its hash (with the site's settings and the templates it renders with) is the job's
/// fingerprint. Rendering sees only this value, the settings and the compiled templates.
///
/// A new page kind is one case here, one case in `SitePlanner` and one template.
enum PageInput: Hashable, Sendable {
    case home(HomePage)
    case briefing(BriefingPage)
    case entityIndex(EntityIndexPage)
    case entity(EntityPage)
    case tagIndex(TagIndexPage)
    case tag(TagPage)
    case quotes(QuotesPage)
    case storyIndex(StoryIndexPage)
    case story(StoryPage)
    case search(SearchPage)
    case searchShard(SearchShard)
    case searchMeta(SearchMeta)
    case feed(SiteFeedInput)
    case sitemap(SitemapInput)
    case notFound
    /// Files copied through unchanged (`Templates/assets/`, `static/`).
    case assets(Hashed<[OutputFile]>)
}

/// Which page of a paginated list, out of how many.
struct ListPosition: Hashable, Sendable {
    var number: Int
    var count: Int
}

/// What lists show of a briefing, as a card (home page) or a row (entity and tag pages).
struct BriefingCard: Hashable, Sendable {
    var slug: String
    var title: String
    var date: ISODate?
    var source: String?
    var summaryHTML: String?
    var tags: [Briefing.Tag]
    var noteCount: Int
    /// Quotations, not counting fragments.
    var quoteCount: Int
    /// The article's opening words (see `Briefing.excerpt`).
    var excerpt: String?
    var isAnnotated: Bool
}

/// What other pages show of an entity besides its own: chips, links, quote speakers.
struct EntityFace: Hashable, Sendable {
    /// Position in the site's entities, as briefings' mentions name them.
    var index: Int
    var slug: String
    var name: String
    var kind: EntityKind
    var description: String?
    var aliases: [String]
    /// The entity's external pages (Wikipedia, Wikidata): `sameAs` in structured data.
    var sameAs: [String] = []
}

/// How a briefing links to its neighbours.
struct NeighbourLink: Hashable, Sendable {
    var slug: String
    var title: String
}

/// A quotation as lists show it, with its speaker's name and the briefing it comes from.
struct QuoteEntry: Hashable, Sendable {
    var number: Int
    var text: String
    var speaker: String?
    var speakerSlug: String?
    var status: QuoteStatus
    var briefingSlug: String
    var briefingTitle: String
    var date: ISODate?
}

struct HomePage: Hashable, Sendable {
    var position: ListPosition
    var cards: [Hashed<BriefingCard>]
}

struct BriefingPage: Hashable, Sendable {
    var briefing: BriefingRef
    /// The entities it mentions or quotes, by position.
    var entities: [Hashed<EntityFace>]
    /// Newest first: `previous` is the older briefing, `next` the newer one.
    var previous: NeighbourLink?
    var next: NeighbourLink?
    /// The story it belongs to (slug and title).
    var story: NeighbourLink?
}

/// Every story, with how many briefings it has and the span of their dates.
struct StoryIndexPage: Hashable, Sendable {
    var stories: [StorySummary]
}

struct StorySummary: Hashable, Sendable {
    var slug: String
    var title: String
    var description: String?
    var count: Int
    var first: ISODate?
    var last: ISODate?
}

/// A story's page: its briefings as a dated timeline, oldest first, each with its quotes and
/// what changed since the briefing before; and its feed (newest first).
struct StoryPage: Hashable, Sendable {
    var story: Story
    var steps: [StoryStep]
    var feed: [Hashed<FeedEntry>]
}

struct StoryStep: Hashable, Sendable {
    var card: Hashed<BriefingCard>
    /// Its quotations (not fragments), in text order.
    var quotes: [Hashed<QuoteEntry>]
    /// Entities named for the first time in the story; those last named in the briefing before
    /// (never again after); speakers quoted for the first time in the story.
    var entering: [Hashed<EntityFace>]
    var leaving: [Hashed<EntityFace>]
    var newSpeakers: [Hashed<EntityFace>]
}

struct EntityIndexPage: Hashable, Sendable {
    /// Every entity with its mentions across the site.
    var entities: [Counted<Hashed<EntityFace>>]
}

struct EntityPage: Hashable, Sendable {
    var entity: Hashed<Entity>
    var mentions: Int
    var position: ListPosition
    /// Briefings on this page, with how often each mentions the entity, and the sentence that
    /// first names it in each (its timeline's context).
    var rows: [Counted<Hashed<BriefingCard>>]
    var contexts: [MentionContext.Sentence?] = []
    /// Page 1 only: the newest quotations confirmed as the entity's, how many more there are, and
    /// the entities most often named with it (with their shared briefings).
    var quotes: [Hashed<QuoteEntry>]
    var moreQuotes: Int
    var related: [Counted<Hashed<EntityFace>>]
    /// Page 1 only: mentions over time (the chart) and the newest briefings (its feed).
    var chart: [PeriodCount] = []
    var feed: [Hashed<FeedEntry>] = []
}

/// Briefings and mentions in one month or year, for an entity's chart.
struct PeriodCount: Hashable, Sendable {
    var year: Int
    /// Nil when the chart counts by year.
    var month: Int?
    var briefings: Int
    var mentions: Int
}

struct TagIndexPage: Hashable, Sendable {
    var tags: [Counted<Briefing.Tag>]
}

struct TagPage: Hashable, Sendable {
    var tag: Briefing.Tag
    var position: ListPosition
    var rows: [Hashed<BriefingCard>]
    /// Page 1 only: the newest briefings, for the tag's feed.
    var feed: [Hashed<FeedEntry>] = []
}

struct QuotesPage: Hashable, Sendable {
    /// Every quotation but fragments, in site order.
    var quotes: [Hashed<QuoteEntry>]
}

/// The search page and the index's manifest (see `SearchIndex` for the format).
struct SearchPage: Hashable, Sendable {
    var entities: [Hashed<EntityFace>]
    var tags: [Briefing.Tag]
    /// Briefings in the index.
    var count: Int
    /// Every term shard's key, sorted, and the keys split by the next letter.
    var shards: [String]
    var split: [String]
}

/// One file of term postings: the words starting with `key` (but not with a longer key's).
struct SearchShard: Hashable, Sendable {
    var key: String
    var terms: [Hashed<SearchPostings>]
}

/// What a search result shows of the briefing with result number `number` (`SearchIndex.numbers`).
struct SearchMeta: Hashable, Sendable {
    var number: Int
    var row: Hashed<SearchRow>
}

/// One briefing in the search index: what its result shows and the words it is found by.
struct SearchRow: Hashable, Sendable {
    var slug: String
    var title: String
    var date: ISODate?
    var source: String?
    var summary: String?
    /// Numbers in the index's tag list.
    var tags: [Int]
    /// Entity positions, most mentioned first.
    var entities: [Int]
    var quoteText: String
    /// The annotation's prose and notes, for snippets (`SearchIndex.proseText`).
    var proseText: String
}

/// The Atom feed, the sitemap and robots.txt.
/// The site's Atom feed: its newest briefings (`SiteFeeds.siteFeedSize`).
struct SiteFeedInput: Hashable, Sendable {
    var entries: [Hashed<FeedEntry>]
}

/// The sitemap and robots.txt: every page with the date of its newest content. Apart from the
/// feed, so that an edited summary or title, which the sitemap does not show, leaves its
/// 10,000 entries alone.
struct SitemapInput: Hashable, Sendable {
    /// The newest date in the content (the home page's).
    var latest: ISODate?
    /// Briefings by slug, with their date or briefing date, whichever is newer.
    var briefings: [DatedPage]
    /// Entity, tag and story pages with the date of their newest briefing.
    var entityPages: [DatedPage]
    var tagPages: [DatedPage]
    var storyPages: [DatedPage] = []
}

struct FeedEntry: Hashable, Sendable {
    var slug: String
    var title: String
    var date: ISODate?
    var briefed: ISODate?
    var source: String?
    var summary: String?
    var tags: [Briefing.Tag]
}

struct DatedPage: Hashable, Sendable {
    var slug: String
    var date: ISODate?
}
