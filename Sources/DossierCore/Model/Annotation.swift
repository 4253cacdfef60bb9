/// A repair of scraping damage: `find` in the article text becomes `replace`.
///
/// Square brackets in `replace` mark editorial insertions (`deployed to [Syria] in 2014`).
public struct Correction: Sendable, Hashable {
    public var find: String
    public var replace: String
    /// Why the text was changed (`note:`), shown in the briefing's corrections list.
    public var note: String?
    public var location: SourceLocation

    public init(find: String, replace: String, note: String? = nil, location: SourceLocation) {
        self.find = find
        self.replace = replace
        self.note = note
        self.location = location
    }
}

/// A note attached to a quoted phrase of the article (`### "phrase" (n)`).
public struct AnchoredNote: Sendable, Hashable {
    public var phrase: String
    /// 1-based: which occurrence of the phrase the note is about.
    public var occurrence: Int
    public var markdown: String
    /// Where the `###` heading is, for "phrase not found" errors.
    public var location: SourceLocation
    /// Line of the note's first body line in the file.
    public var bodyLine: Int
    /// Whether the heading names its occurrence (`(1)`) rather than taking the first by default.
    public var occurrenceWritten: Bool

    public init(phrase: String, occurrence: Int, markdown: String, location: SourceLocation, bodyLine: Int, occurrenceWritten: Bool = false) {
        self.phrase = phrase
        self.occurrence = occurrence
        self.occurrenceWritten = occurrenceWritten
        self.markdown = markdown
        self.location = location
        self.bodyLine = bodyLine
    }
}

/// The editor's last word on one detected quotation, from the annotation's `quotes:`.
public struct QuoteOverride: Sendable, Hashable {
    public enum Speaker: Sendable, Hashable {
        /// No `speaker:` key: the detected speaker stays.
        case unchanged
        /// `speaker: null`: nobody is named, whoever is near.
        case none
        /// An entity slug, or a name as text.
        case named(String)
    }

    /// Words from the quotation, matched as anchored phrases are.
    public var quote: String
    /// 1-based: which quotation holding the words (`(2)` after them).
    public var occurrence: Int
    public var speaker: Speaker
    public var status: QuoteStatus?
    /// `drop: true`: not a quotation at all.
    public var drop: Bool
    public var location: SourceLocation

    public init(quote: String, occurrence: Int = 1, speaker: Speaker = .unchanged, status: QuoteStatus? = nil, drop: Bool = false,
                location: SourceLocation) {
        self.quote = quote
        self.occurrence = occurrence
        self.speaker = speaker
        self.status = status
        self.drop = drop
        self.location = location
    }
}

/// The analyst's annotation of one article: front matter, free Markdown prose, anchored notes.
public struct Annotation: Sendable, Hashable {
    public var path: String
    /// File name of the annotated article (`x.txt`), from `article:` or the annotation's stem.
    public var articleFile: String
    public var articleLocation: SourceLocation?
    public var title: String?
    public var summary: String?
    public var provenance: Provenance
    public var briefed: ISODate?
    public var tags: [String]
    public var draft: Bool
    /// The story it belongs to (`story:`), a slug of `Content/stories/`, and where it was written.
    public var story: String?
    public var storyLocation: SourceLocation?
    public var corrections: [Correction]
    /// Markdown before the first anchored note: bottom line, key points, analysis.
    public var prose: String
    public var proseLine: Int
    public var notes: [AnchoredNote]
    public var quoteOverrides: [QuoteOverride] = []

    public init(
        path: String, articleFile: String, articleLocation: SourceLocation? = nil, title: String? = nil, summary: String? = nil,
        provenance: Provenance = Provenance(), briefed: ISODate? = nil, tags: [String] = [], draft: Bool = false,
        corrections: [Correction] = [], prose: String = "", proseLine: Int = 1, notes: [AnchoredNote] = []
    ) {
        self.path = path
        self.articleFile = articleFile
        self.articleLocation = articleLocation
        self.title = title
        self.summary = summary
        self.provenance = provenance
        self.briefed = briefed
        self.tags = tags
        self.draft = draft
        self.corrections = corrections
        self.prose = prose
        self.proseLine = proseLine
        self.notes = notes
    }
}
