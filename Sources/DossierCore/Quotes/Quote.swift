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
    public var text: String {
        didSet { isFragment = Self.isFragment(text) }
    }
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
        self.isFragment = Self.isFragment(text)
        self.paragraph = paragraph
        self.lastParagraph = lastParagraph
        self.spans = spans
        self.speaker = speaker
        self.entity = entity
    }

    /// A fragment is highlighted inline and left out of the sidebar: fewer than four words, or a
    /// phrase woven into the reporter's own sentence (it starts in lowercase: `stuck between “the
    /// claws of hostile parties”`), as a careful reader marks them in the seed article.
    /// Stored, because pages ask for it many times per quote.
    public private(set) var isFragment: Bool

    static func isFragment(_ text: String) -> Bool {
        if let first = text.unicodeScalars.first(where: { $0.properties.isAlphabetic }), first.properties.isLowercase { return true }
        var words = 0
        var inWord = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace { inWord = false } else if !inWord { inWord = true; words += 1 }
            if words >= 4 { return false }
        }
        return true
    }
}
