/// The quotations an editor should confirm: those the article attributes only through a pronoun,
/// a role, the clause they sit in or the quotation before. `dossier check` lists them as warnings
/// at their place in the article, each with the `quotes:` line that confirms it.
public enum QuoteReview {
    public static func warnings(in site: Site) -> [Diagnostic] {
        site.briefings.flatMap { briefing in
            briefing.quotes.compactMap { quote in warning(for: quote, in: briefing, entities: site.entities) }
        }
    }

    static func warning(for quote: Quote, in briefing: Briefing, entities: [Entity]) -> Diagnostic? {
        guard let speaker = quote.speaker, !quote.isConfirmedSpeaker, let span = quote.spans.first else { return nil }
        let how = quote.cue.map { "by \"\($0)\"" } ?? "as the quotation before it"
        let name = quote.entity.map { entities[$0].slug } ?? speaker
        let words = quote.text.split(whereSeparator: { $0 == " " || $0 == "\n" }).prefix(6).joined(separator: " ")
        let file = briefing.annotationPath ?? "an annotation for \(briefing.articlePath)"
        let shown = quote.entity.map { entities[$0].name } ?? speaker
        return .warning(.link, "quotation \"\(words)…\" is attributed to \(shown) \(how), not by name",
                        at: location(of: span, in: briefing),
                        notes: ["confirm or correct it under quotes: in \(file): - {quote: \(AnnotationScaffold.yamlQuoted(words)), speaker: \(AnnotationScaffold.yamlQuoted(name)), status: verified}"])
    }

    /// The quotation's first word in the article file: its paragraph's line, plus the lines and
    /// characters before it in the paragraph as corrected.
    static func location(of span: ParagraphSpan, in briefing: Briefing) -> SourceLocation {
        guard let block = briefing.article.blocks.first(where: { $0.index == span.paragraph }) else {
            return SourceLocation(file: briefing.articlePath)
        }
        let before = Array(block.text.utf8.prefix(span.range.lowerBound))
        let lines = before.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        let column = String(decoding: lines.last ?? [], as: UTF8.self).count + 1
        return SourceLocation(file: briefing.articlePath, line: block.line + lines.count - 1, column: column)
    }
}
