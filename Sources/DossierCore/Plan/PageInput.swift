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
    case search(SearchPage)
    case searchShard(SearchShard)
    case searchMeta(SearchMeta)
    case feeds(FeedsInput)
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
}

struct EntityIndexPage: Hashable, Sendable {
    /// Every entity with its mentions across the site.
    var entities: [Counted<Hashed<EntityFace>>]
}

struct EntityPage: Hashable, Sendable {
    var entity: Hashed<Entity>
    var mentions: Int
    var position: ListPosition
    /// Briefings on this page, with how often each mentions the entity.
    var rows: [Counted<Hashed<BriefingCard>>]
    /// Page 1 only: the newest quotations confirmed as the entity's, how many more there are, and
    /// the entities most often named with it (with their shared briefings).
    var quotes: [Hashed<QuoteEntry>]
    var moreQuotes: Int
    var related: [Counted<Hashed<EntityFace>>]
}

struct TagIndexPage: Hashable, Sendable {
    var tags: [Counted<Briefing.Tag>]
}

struct TagPage: Hashable, Sendable {
    var tag: Briefing.Tag
    var position: ListPosition
    var rows: [Hashed<BriefingCard>]
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

/// What a search result shows of briefing number `number` (its position in site order).
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
    /// Every word of title, summary, source, entity names, tags, quotes, prose and notes, sorted.
    var terms: [SearchTerm]
}

/// The Atom feed, the sitemap and robots.txt.
struct FeedsInput: Hashable, Sendable {
    var entries: [Hashed<FeedEntry>]
    /// Entity and tag pages with the date of their newest briefing.
    var entityPages: [DatedPage]
    var tagPages: [DatedPage]
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
