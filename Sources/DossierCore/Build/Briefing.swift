/// One article with everything the link stage learned about it: corrections applied, entity
/// mentions, anchored notes, quotes, and the annotation rendered with its entity links.
public struct Briefing: Sendable {
    public var slug: String
    public var articlePath: String
    public var annotationPath: String?
    public var title: String
    /// The one-line bottom line, Markdown inline, rendered once here because cards repeat it on many pages.
    public var summary: String?
    public var summaryHTML: String?
    public var summaryText: String?
    public var provenance: Provenance
    public var briefed: ISODate?
    /// Tags as written, with their page slugs; duplicates by slug removed.
    public var tags: [Tag]
    public var draft: Bool
    public var article: CorrectedArticle
    /// Mentions per block of `article` (same indexing), UTF-8 ranges into each block's text.
    public var mentions: [[Mention]]
    public var notes: [ResolvedNote]
    public var quotes: [Quote]
    /// Annotation prose and each note, rendered by cmark with entity links (relative to the briefing page).
    public var proseHTML: String
    public var noteHTML: [String]
    /// Entity index → mentions in headline, article and annotation.
    public var mentionCounts: [Int: Int]

    public struct Tag: Sendable, Hashable {
        public var name: String
        public var slug: String
    }

    /// Publication date used for ordering: the annotation's or article's `published`, else `briefed`.
    public var date: ISODate? { provenance.published ?? briefed }
}
