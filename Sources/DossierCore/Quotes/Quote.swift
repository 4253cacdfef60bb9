/// A stretch of one paragraph's text, in UTF-8 byte offsets.
public struct ParagraphSpan: Sendable, Hashable {
    /// `Paragraph.index` (0 = headline).
    public var paragraph: Int
    public var range: Range<Int>

    public init(paragraph: Int, range: Range<Int>) {
        self.paragraph = paragraph
        self.range = range
    }
}

/// A direct quotation found in an article, with its attributed speaker.
public struct Quote: Sendable, Hashable {
    /// The quotation without its outer marks; paragraphs of a multi-paragraph quote joined by a blank line.
    public var text: String
    /// Paragraph where the quote starts and where it ends (equal for single-paragraph quotes).
    public var paragraph: Int
    public var lastParagraph: Int
    /// The quoted text on each paragraph it covers (inside the marks), for highlighting.
    public var spans: [ParagraphSpan]
    /// The speaker as written in the article (`Senator King`, `a US official`), or nil.
    public var speaker: String?
    /// Index of the resolved entity in the build's entity list, or nil.
    public var entity: Int?

    public init(text: String, paragraph: Int, lastParagraph: Int, spans: [ParagraphSpan], speaker: String? = nil, entity: Int? = nil) {
        self.text = text
        self.paragraph = paragraph
        self.lastParagraph = lastParagraph
        self.spans = spans
        self.speaker = speaker
        self.entity = entity
    }

    /// Fewer than four words: highlighted inline, left out of the sidebar.
    public var isFragment: Bool {
        text.split(whereSeparator: { $0.isWhitespace }).count < 4
    }
}
