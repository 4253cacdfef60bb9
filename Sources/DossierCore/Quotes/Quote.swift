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

/// How far a quotation's words and speaker have been checked: detected quotes are `unverified`
/// until an editor says otherwise in the annotation's `quotes:`.
public enum QuoteStatus: String, Sendable, Hashable, CaseIterable {
    case unverified, verified, disputed, paraphrase
}

/// Who attributed a quotation: the article's own words, or the editor's `quotes:` entry.
public enum QuoteAttribution: String, Sendable, Hashable {
    case article, editor
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
    /// The reporter's words that attributed it (`he said`), when a cue did.
    public var cue: String?
    /// Attributed by the article's own `X said`, `said X` or `X:`, or by the editor: only such quotes
    /// are filed under a person's "What they said"; the others wait for an editor's word.
    public var isDirect: Bool
    public var status: QuoteStatus
    public var attributedBy: QuoteAttribution

    public init(text: String, paragraph: Int, lastParagraph: Int, spans: [ParagraphSpan], speaker: String? = nil, entity: Int? = nil,
                cue: String? = nil, isDirect: Bool = true, status: QuoteStatus = .unverified, attributedBy: QuoteAttribution = .article) {
        self.text = text
        self.isFragment = Self.isFragment(text)
        self.paragraph = paragraph
        self.lastParagraph = lastParagraph
        self.spans = spans
        self.speaker = speaker
        self.entity = entity
        self.cue = cue
        self.isDirect = isDirect
        self.status = status
        self.attributedBy = attributedBy
    }

    /// Attributed by the article's own words naming the speaker, or confirmed by the editor (a speaker
    /// set, or the quote marked verified: its words and speaker were checked).
    public var isConfirmedSpeaker: Bool { isDirect || attributedBy == .editor || status == .verified }

    /// A fragment is highlighted inline and left out of the sidebar: fewer than four words, or a
    /// phrase woven into the reporter's own sentence (it starts in lowercase: `stuck between “the
    /// claws of hostile parties”`), as a careful reader marks them in the seed article.
    /// Stored, because pages ask for it many times per quote.
    public private(set) var isFragment: Bool

    static func isFragment(_ text: String) -> Bool {
        if let first = text.unicodeScalars.first(where: { $0.isUnicodeAlphabetic }), first.isUnicodeLowercase { return true }
        var words = 0
        var inWord = false
        for scalar in text.unicodeScalars {
            if scalar.isUnicodeWhitespace { inWord = false } else if !inWord { inWord = true; words += 1 }
            if words >= 4 { return false }
        }
        return true
    }
}
