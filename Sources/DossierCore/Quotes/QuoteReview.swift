/// The quotations an editor should confirm: those the article attributes only through a pronoun,
/// a role, the clause they sit in or the quotation before. `dossier check` lists them as warnings
/// at their place in the article, each with the `quotes:` line that confirms it.
public enum QuoteReview {
    /// One warning per unconfirmed quotation of every briefing, at the quotation's first word.
    public static func warnings(in site: Site) -> [Diagnostic] {
        site.briefings.flatMap { warnings(for: $0, entities: site.entities) }
    }

    static func warnings(for briefing: Briefing, entities: [Entity]) -> [Diagnostic] {
        let unconfirmed = briefing.quotes.indices.filter { briefing.quotes[$0].speaker != nil && !briefing.quotes[$0].isConfirmedSpeaker }
        guard !unconfirmed.isEmpty else { return [] }
        let locations = ArticlePlaces(briefing).locations(of: unconfirmed.compactMap { briefing.quotes[$0].spans.first })
        let file = briefing.annotationPath ?? "an annotation for \(briefing.articlePath)"
        return zip(unconfirmed, locations).map { q, location in
            let quote = briefing.quotes[q]
            let speaker = quote.speaker ?? ""
            let how = quote.cue.map { "by \"\($0)\"" } ?? "as the quotation before it"
            let shown = quote.entity.map { entities[$0].name } ?? speaker
            let words = QuoteEditor.entryWords(for: q, in: briefing.quotes)
            let entry = "- {quote: \(AnnotationScaffold.yamlQuoted(words)), speaker: \(AnnotationScaffold.yamlQuoted(quote.entity.map { entities[$0].slug } ?? speaker)), status: verified}"
            return .warning(.link, "quotation \"\(quote.text.split(separator: " ").prefix(6).joined(separator: " "))…\" is attributed to \(shown) \(how), not by name",
                            at: location, notes: ["confirm or correct it under quotes: in \(file): \(entry)"])
        }
    }
}

/// Places in an article file for spans of its corrected paragraphs: the paragraph's line, plus the
/// lines and characters before the span. Spans are taken in text order and each paragraph is read
/// once, so a paragraph with thousands of quotations costs one pass.
struct ArticlePlaces {
    let briefing: Briefing

    init(_ briefing: Briefing) {
        self.briefing = briefing
    }

    /// Locations of `spans`, which must be in text order (as quotes are).
    func locations(of spans: [ParagraphSpan]) -> [SourceLocation] {
        let blocks = Dictionary(briefing.article.blocks.map { ($0.index, $0) }, uniquingKeysWith: { a, _ in a })
        var result: [SourceLocation] = []
        result.reserveCapacity(spans.count)
        var current: (paragraph: Int, bytes: [UInt8], offset: Int, line: Int, column: Int)?
        for span in spans {
            guard let block = blocks[span.paragraph] else {
                result.append(SourceLocation(file: briefing.articlePath))
                continue
            }
            if current?.paragraph != span.paragraph || (current?.offset ?? 0) > span.range.lowerBound {
                current = (span.paragraph, Array(block.text.utf8), 0, block.line, 1)
            }
            // Walks from the last place to this span, counting lines and characters (not bytes).
            while current!.offset < min(span.range.lowerBound, current!.bytes.count) {
                let byte = current!.bytes[current!.offset]
                if byte == UInt8(ascii: "\n") {
                    current!.line += 1
                    current!.column = 1
                } else if byte & 0xC0 != 0x80 {
                    current!.column += 1
                }
                current!.offset += 1
            }
            result.append(SourceLocation(file: briefing.articlePath, line: current!.line, column: current!.column))
        }
        return result
    }
}
