/// One blank-line-separated paragraph of an article; index 0 is the headline.
public struct Paragraph: Sendable, Hashable {
    /// Position among the article's paragraphs as received (0 = headline); stable across corrections.
    public var index: Int
    /// Text with single newlines kept (they render as soft breaks).
    public var text: String
    /// 1-based line in the article file where the paragraph starts.
    public var line: Int

    public init(index: Int, text: String, line: Int) {
        self.index = index
        self.text = text
        self.line = line
    }
}

/// Provenance shown in a briefing's footer, from an article's or annotation's front matter.
public struct Provenance: Sendable, Hashable {
    public var source: String?
    public var url: String?
    public var published: ISODate?
    public var author: String?
    public var license: String?

    public init(source: String? = nil, url: String? = nil, published: ISODate? = nil, author: String? = nil, license: String? = nil) {
        self.source = source
        self.url = url
        self.published = published
        self.author = author
        self.license = license
    }
}

/// A news article exactly as received: plain text, never Markdown.
public struct Article: Sendable, Hashable {
    public var slug: String
    public var path: String
    public var provenance: Provenance
    /// Paragraph 0 is the headline.
    public var paragraphs: [Paragraph]
    /// SHA-256 of the file's text as loaded (line endings normalised to LF), in hexadecimal: lets
    /// readers of `index.json` check that they hold the article the briefing was made from.
    public var sha256: String?

    public init(slug: String, path: String, provenance: Provenance = Provenance(), paragraphs: [Paragraph], sha256: String? = nil) {
        self.slug = slug
        self.path = path
        self.provenance = provenance
        self.paragraphs = paragraphs
        self.sha256 = sha256
    }

    public var headline: String { paragraphs.first?.text ?? "" }
}
