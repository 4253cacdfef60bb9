import Synchronization

/// One article with everything the link stage learned about it: corrections applied, entity
/// mentions, anchored notes, quotes, and the annotation rendered with its entity links.
///
/// Immutable, and a class: the link stage's caches and the site's arrays share one instance
/// instead of copying (and reference-counting) twenty fields per briefing on every rebuild.
public final class Briefing: Sendable {
    /// Unique in the process: what page inputs that hold the briefing hash (see `BriefingRef`).
    let serial: UInt64
    private static let serials = Atomic<UInt64>(0)

    public let slug: String
    public let articlePath: String
    public let annotationPath: String?
    public let title: String
    /// The one-line bottom line, Markdown inline, rendered once here because cards repeat it on many pages.
    public let summaryHTML: String?
    public let summaryText: String?
    public let provenance: Provenance
    public let briefed: ISODate?
    /// Tags as written, with their page slugs; duplicates by slug removed.
    public let tags: [Tag]
    /// The slug of the story it belongs to, if any.
    public let story: String?
    public let article: CorrectedArticle
    /// Mentions per block of `article` (same indexing), UTF-8 ranges into each block's text.
    public let mentions: [[Mention]]
    public let notes: [ResolvedNote]
    public let quotes: [Quote]
    /// Annotation prose and each note, rendered by cmark with entity links (relative to the briefing page).
    public let proseHTML: String
    public let noteHTML: [String]
    /// The annotation's prose and notes as the entity matcher read them: cmark's text nodes (smart
    /// punctuation applied, entities decoded), one per line. Rebuilds search it for new aliases.
    public let annotationText: String
    /// The annotation's prose, then each note, as plain text (link text and code included), one
    /// paragraph a line: what search indexes and quotes in its snippets.
    public let proseText: String
    /// Entity index → mentions in headline, article and annotation, by entity index, ascending:
    /// cross-references and fingerprints walk them on every rebuild. (An array, not a dictionary:
    /// a site holds one per briefing, and a small dictionary takes several times the bytes.)
    public let sortedMentions: [(entity: Int, count: Int)]
    /// Entities the briefing mentions or quotes, ascending: their names, pages and descriptions
    /// appear on its page, so a change to any of them touches it.
    public let shownEntities: [Int]

    public struct Tag: Sendable, Hashable {
        public var name: String
        public var slug: String
    }

    init(
        slug: String, articlePath: String, annotationPath: String?, title: String, summaryHTML: String?,
        summaryText: String?, provenance: Provenance, briefed: ISODate?, tags: [Tag], story: String? = nil, article: CorrectedArticle,
        mentions: [[Mention]], notes: [ResolvedNote], quotes: [Quote], proseHTML: String, noteHTML: [String], annotationText: String, proseText: String,
        mentionCounts: [Int: Int]
    ) {
        serial = Self.serials.add(1, ordering: .relaxed).newValue
        self.slug = slug
        self.articlePath = articlePath
        self.annotationPath = annotationPath
        self.title = title
        self.summaryHTML = summaryHTML
        self.summaryText = summaryText
        self.provenance = provenance
        self.briefed = briefed
        self.tags = tags
        self.story = story
        self.article = article
        self.mentions = mentions
        self.notes = notes
        self.quotes = quotes
        self.proseHTML = proseHTML
        self.noteHTML = noteHTML
        self.annotationText = annotationText
        self.proseText = proseText
        sortedMentions = mentionCounts.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        shownEntities = Set(mentionCounts.keys).union(quotes.compactMap(\.entity)).sorted()
    }

    /// `sortedMentions` as a dictionary, made on each call.
    public var mentionCounts: [Int: Int] { Dictionary(uniqueKeysWithValues: sortedMentions.lazy.map { ($0.entity, $0.count) }) }

    /// Publication date used for ordering: the annotation's or article's `published`, else `briefed`.
    public var date: ISODate? { provenance.published ?? briefed }

    /// Site order: newest first, undated last, ties by slug.
    static func precedes(_ a: Briefing, _ b: Briefing) -> Bool {
        switch (a.date, b.date) {
        case let (x?, y?) where x != y: return x > y
        case (_?, nil): return true
        case (nil, _?): return false
        default: return a.slug < b.slug
        }
    }
}
