/// Plain-text citations of a briefing and of its passages (a paragraph, a note, a quote): author,
/// title, site, dates, the source article and the absolute URL with the passage's fragment,
/// ready to copy. Words and quotation marks come from the site's language.
struct Citation {
    /// The passages a citation can point at, each with the id its element carries on the page.
    enum Passage {
        case paragraph(Int), note(Int), quote(Int)

        var fragment: String {
            switch self {
            case .paragraph(let n): "p\(n)"
            case .note(let n): "note-\(n)"
            case .quote(let n): "quote-\(n)"
            }
        }

        var key: String {
            switch self {
            case .paragraph: "citeParagraph"
            case .note: "citeNote"
            case .quote: "citeQuote"
            }
        }

        var number: Int {
            switch self {
            case .paragraph(let n), .note(let n), .quote(let n): n
            }
        }
    }

    let strings: SiteStrings
    /// The briefing's absolute URL (from `base_url`), without fragment.
    let url: String
    /// The sentences before a passage's ("Author. Title, Site.") and after it ("Source, date. URL"):
    /// the same for every passage of the briefing, made once (a page cites each of its paragraphs).
    private let head: String
    private let tail: String
    private let escapedHead: String
    private let escapedTail: String

    init(config: SiteConfig, briefing: Briefing, url: String) {
        strings = config.strings
        self.url = url
        var lead: [String] = []
        if let author = config.author?.trimmingWhitespace(), !author.isEmpty { lead.append(author) }
        var work = strings["citeTitle"].filling("{title}", with: briefing.title.replacingNewlines()) + ", " + config.title
        if let briefed = briefing.briefed {
            work += ", " + strings["citeBriefed"].filling("{date}", with: strings.date(briefed))
        }
        lead.append(work)
        let about = [briefing.provenance.source, briefing.provenance.published.map(strings.date)].compactMap { $0 }
        let source = about.isEmpty ? nil : strings["citeSource"].filling("{source}", with: about.joined(separator: ", "))
        head = lead.map { Self.sentence($0) + " " }.joined()
        tail = (source.map { Self.sentence($0) + " " } ?? "") + url
        escapedHead = HTML.escape(head)
        escapedTail = HTML.escape(tail)
    }

    /// The citation of the whole briefing, or of one passage of it.
    func text(_ passage: Passage? = nil) -> String {
        guard let passage else { return head + tail }
        return head + passageSentence(passage) + " " + tail + "#" + passage.fragment
    }

    /// `text(passage)`, escaped for HTML.
    func html(_ passage: Passage) -> String {
        escapedHead + HTML.escape(passageSentence(passage)) + " " + escapedTail + "#" + passage.fragment
    }

    private func passageSentence(_ passage: Passage) -> String {
        Self.sentence(Self.capitalized(strings.numbered(passage.key, passage.number)))
    }

    private static func sentence(_ text: String) -> String { text.hasSuffix(".") ? text : text + "." }

    private static func capitalized(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }
}
