/// Renders a briefing's article text: entity links, highlighted anchors with note markers and
/// margin notes, highlighted quotes, editorial insertions and deletions, and a permalink with a
/// citation for every paragraph and note. The text is escaped, never parsed.
struct ArticleHTML {
    let briefing: Briefing
    let entities: EntityFaces
    let linkMode: SiteConfig.LinkMode
    /// For the notes' and quotes' accessible labels.
    let strings: SiteStrings
    /// Each paragraph's and note's citation, shown when its permalink is followed (`:target`).
    let citation: Citation?
    /// Notes in reading order: (number, resolved note, its rendered body). Sorted once; the body
    /// and the print footnotes both use it.
    let orderedNotes: [(number: Int, note: ResolvedNote, html: String)]
    /// By paragraph, so rendering a paragraph looks only at what it holds: an article of 10,000
    /// quoted paragraphs would otherwise cost paragraphs × quotes.
    private let notesByParagraph: [Int: [(number: Int, note: ResolvedNote, html: String)]]
    /// (quote, span) pairs by paragraph, in quote then span order.
    private let quoteSpansByParagraph: [Int: [(quote: Int, span: Int)]]

    init(briefing: Briefing, entities: EntityFaces, linkMode: SiteConfig.LinkMode, strings: SiteStrings, citation: Citation? = nil) {
        self.briefing = briefing
        self.citation = citation
        self.entities = entities
        self.linkMode = linkMode
        self.strings = strings
        let notes = briefing.notes
        orderedNotes = notes.indices
            .sorted { (notes[$0].span.paragraph, notes[$0].span.range.lowerBound, $0) < (notes[$1].span.paragraph, notes[$1].span.range.lowerBound, $1) }
            .enumerated().map { ($0.offset + 1, notes[$0.element], briefing.noteHTML[$0.element]) }
        notesByParagraph = Dictionary(grouping: orderedNotes, by: { $0.note.span.paragraph })
        var spans: [Int: [(quote: Int, span: Int)]] = [:]
        for (q, quote) in briefing.quotes.enumerated() {
            for (s, span) in quote.spans.enumerated() { spans[span.paragraph, default: []].append((q, s)) }
        }
        quoteSpansByParagraph = spans
    }

    /// The headline as inline HTML (entity links in `all` mode only; headlines read better plain).
    /// `curlingQuotes` sets its straight quotes as typographic ones, for the headline as a title.
    func headlineHTML(curlingQuotes: Bool = false) -> String {
        guard let block = briefing.article.blocks.first else { return "" }
        var linked: Set<Int> = []
        var inline = markup(for: 0, block: block, notes: [], linked: &linked, linkEntities: linkMode == .all)
        if curlingQuotes { inline.replacements = Typography.quoteReplacements(in: block.text) }
        return inline.render()
    }

    /// Every paragraph after the headline, each followed by the margin notes anchored in it. A
    /// paragraph that corrections emptied (`READ MORE:`) is kept, marked deleted, for the article
    /// as received.
    func bodyHTML() -> String {
        var linked: Set<Int> = []
        var html = ""
        for (i, block) in briefing.article.blocks.enumerated().dropFirst() {
            if block.isEmpty {
                guard block.changes.contains(where: { !$0.received.isEmpty }) else { continue }
                html += "<p id=\"p\(block.index)\" class=\"deleted-paragraph\">"
                html += markup(for: i, block: block, notes: [], linked: &linked, linkEntities: false).render()
                html += "</p>\n"
                continue
            }
            let here = notesByParagraph[block.index] ?? []
            // A paragraph and its notes share a wrapper so the stylesheet can set the notes in the
            // margin beside the paragraph on wide screens and right after it on narrow ones.
            html += here.isEmpty ? "" : "<div class=\"para\">\n"
            html += "<p id=\"p\(block.index)\">"
            html += markup(for: i, block: block, notes: here, linked: &linked, linkEntities: true).render()
            html += permalink(.paragraph(block.index), label: strings.numbered("permalinkParagraph", block.index))
            html += "</p>\n"
            for note in here {
                html += "<aside class=\"note\" id=\"note-\(note.number)\" tabindex=\"-1\" aria-label=\"\(HTML.escape(strings.numbered("noteLabel", note.number)))\">"
                html += "<a class=\"note-back\" href=\"#ref-\(note.number)\" aria-label=\"\(HTML.escape(strings.numbered("backToNote", note.number)))\">\(note.number)</a>"
                html += "<span class=\"note-phrase\">“\(HTML.escape(note.note.note.phrase))”</span>"
                html += permalink(.note(note.number), label: strings.numbered("permalinkNote", note.number)) + "\n"
                html += note.html
                html += "</aside>\n"
            }
            html += here.isEmpty ? "" : "</div>\n"
        }
        return html
    }

    /// A passage's permalink (`¶`, or `#` for notes) and its citation, which the stylesheet shows
    /// only while the passage is the page's target.
    private func permalink(_ passage: Citation.Passage, label: String) -> String {
        guard let citation else { return "" }
        let mark = if case .paragraph = passage { "¶" } else { "#" }
        return " <a class=\"permalink\" href=\"#\(passage.fragment)\" aria-label=\"\(HTML.escape(label))\">\(mark)</a>"
            + "<span class=\"passage-cite\"><span class=\"cite-label\">\(HTML.escape(strings["citeAs"]))</span> "
            + "<span class=\"citation\">\(citation.html(passage))</span></span>"
    }

    private func markup(for blockIndex: Int, block: CorrectedArticle.Block, notes: [(number: Int, note: ResolvedNote, html: String)],
                        linked: inout Set<Int>, linkEntities: Bool) -> InlineMarkup {
        var markup = InlineMarkup(text: block.text)
        for (q, s) in quoteSpansByParagraph[block.index] ?? [] {
            let quote = briefing.quotes[q], span = quote.spans[s]
            let kind = quote.isFragment ? "quote fragment" : "quote"
            let id = s == 0 ? " id=\"quote-\(q + 1)\"" : ""
            var attributes = " class=\"\(kind)\""
            if let speaker = quote.entity.map({ entities[$0].value.name }) ?? quote.speaker { attributes += " title=\"\(HTML.escape(speaker))\"" }
            markup.spans.append(.init(range: span.range, level: InlineMarkup.quoteLevel, firstOpen: "<span\(id)\(attributes)>", open: "<span\(attributes)>", close: "</span>"))
        }
        // Full quotes link back to their place in the sidebar by number (the sidebar shows the same
        // number); fragments are not in the sidebar. A number, not a quote-like glyph: after the
        // closing quote mark, a glyph such as ❞ read as a doubled quote.
        for (q, s) in quoteSpansByParagraph[block.index] ?? [] where s == briefing.quotes[q].spans.count - 1 && !briefing.quotes[q].isFragment {
            let last = briefing.quotes[q].spans[s]
            markup.markers.append((last.range.upperBound,
                                   "<a class=\"quote-ref\" href=\"#sidebar-quote-\(q + 1)\" aria-label=\"\(HTML.escape(strings.numbered("quoteInSidebar", q + 1)))\">\(q + 1)</a>"))
        }
        for note in notes {
            let n = note.number
            markup.spans.append(.init(range: note.note.span.range, level: InlineMarkup.anchorLevel, firstOpen: "<mark class=\"anchor\" id=\"anchor-\(n)\">",
                                      open: "<mark class=\"anchor\">", close: "</mark>"))
            markup.markers.append((note.note.span.range.upperBound,
                                   "<sup class=\"note-ref\"><a id=\"ref-\(n)\" href=\"#note-\(n)\" aria-label=\"\(HTML.escape(strings.numbered("noteLabel", n)))\">\(n)</a></sup>"))
        }
        if linkEntities {
            for mention in briefing.mentions[blockIndex] {
                guard linkMode == .all || linked.insert(mention.entity).inserted else { continue }
                let entity = entities[mention.entity].value
                let open = "<a class=\"entity \(entity.kind.rawValue)\" href=\"\(SitePaths.entity(entity.slug, from: 2))\" title=\"\(HTML.escape(entity.linkTitle))\">"
                markup.spans.append(.init(range: mention.range, level: InlineMarkup.linkLevel, firstOpen: open, open: open, close: "</a>"))
            }
        }
        for insertion in block.insertions {
            let open = "<ins class=\"editorial\" title=\"\(HTML.escape(strings["editorialInsertion"]))\">"
            markup.spans.append(.init(range: insertion, level: InlineMarkup.insertionLevel, firstOpen: open, open: open, close: "</ins>"))
        }
        addChanges(of: block, to: &markup)
        return markup
    }

    /// Deletions as `<del>` holding the received text, at their place in the corrected text; new
    /// words a correction put in without editorial brackets (a misspelling fixed) as `<ins>`. The
    /// page's as-received view hides insertions and shows deletions, the corrected view the reverse.
    private func addChanges(of block: CorrectedArticle.Block, to markup: inout InlineMarkup) {
        guard !block.changes.isEmpty else { return }
        let bytes = Array(block.text.utf8)
        for change in block.changes {
            let (deleted, added) = change.difference(in: bytes)
            let number = (change.corrections.first ?? 0) + 1
            if !deleted.isEmpty {
                let title = HTML.escape(strings.numbered("deletedByCorrection", number))
                markup.markers.append((added.lowerBound,
                    "<del class=\"correction\" title=\"\(title)\"><span class=\"visually-hidden\">\(HTML.escape(strings["deletionStart"])) </span>"
                    + HTML.escape(deleted) + "<span class=\"visually-hidden\"> \(HTML.escape(strings["deletionEnd"]))</span></del>"))
            }
            let unbracketed = added.contains { offset in
                !(bytes[offset] == 0x20 || bytes[offset] == 0x0A || bytes[offset] == 0x09) && !block.insertions.contains { $0.contains(offset) }
            }
            if unbracketed {
                let open = "<ins class=\"correction\" title=\"\(HTML.escape(strings.numbered("changedByCorrection", number)))\">"
                markup.spans.append(.init(range: added, level: InlineMarkup.insertionLevel, firstOpen: open, open: open, close: "</ins>"))
            }
        }
    }
}
