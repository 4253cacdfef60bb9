import Foundation

/// The starting annotation `dossier new` writes for an article: headline, date and tags to fill
/// in, the quotes Dossier detected (to check speakers against) and candidate entities that no
/// entity file covers yet, as YAML comments so they never reach the page.
public enum AnnotationScaffold {
    public static func make(article file: SourceFile, entities entityFiles: [SourceFile], diagnostics: inout [Diagnostic]) -> String? {
        guard let article = ArticleParser.parse(file, diagnostics: &diagnostics) else { return nil }
        // The link stage, as a build would run it for this article without an annotation.
        let entities = LinkedSite.parseEntities(entityFiles, cache: nil, diagnostics: &diagnostics)
        let matcher = EntityMatcher(entities: entities, diagnostics: &diagnostics)
        let analyzer = BriefingAnalyzer(matcher: matcher, quoteExtractor: QuoteExtractor(entities: entities), linkMode: .first)
        var ignored: [Diagnostic] = []  // scraping damage: the analyst has not corrected anything yet
        let briefing = analyzer.analyze(article: article, annotation: nil, diagnostics: &ignored)
        let quotes = briefing.quotes
        let candidates = CandidateEntities.find(in: [briefing.article], mentions: [briefing.mentions])

        var text = "---\n"
        text += "title: \(yamlQuoted(article.headline.replacingNewlines()))\n"
        text += "summary: \"\"\n"
        if let published = article.provenance.published { text += "published: \(published)\n" }
        text += "briefed: \n"
        text += "tags: []\n"
        text += "# corrections:\n#   - {find: \"damaged text\", replace: \"repaired [inserted] text\"}\n"
        text += "#\n# Anchored notes go after the analysis: a level-3 heading quoting the article,\n# then the note:  ### \"a phrase from the article\"\n"
        if !quotes.isEmpty {
            // One ready `quotes:` entry per detected quotation, with how it was attributed: the editor
            // uncomments the ones to confirm, correct (speaker: a slug, a name, or null) or drop.
            text += "#\n# Detected quotes (\(quotes.count)): uncomment an entry to confirm or correct it\n"
            text += "# (speaker: an entity slug, a name, or null; status: verified, disputed or paraphrase; drop: true if not a quotation).\n"
            text += "# quotes:\n"
            for (q, quote) in quotes.enumerated() {
                let speaker = quote.entity.map { entities[$0].slug } ?? quote.speaker
                var words = quote.text.replacingNewlines().prefixWords(6, ellipsis: false)
                // Words that an earlier quotation also holds need their number, as anchored phrases do.
                let pattern = NormalizedText.pattern(words, dropBrackets: true)
                let earlier = quotes[..<q].filter { NormalizedText($0.text, dropBrackets: true, keepOffsets: false).contains(pattern) }.count
                if earlier > 0 { words += " (\(earlier + 1))" }
                let how: String
                if let cue = quote.cue {
                    how = "\(quote.isDirect ? "named by" : "inferred from") “\(cue)”"
                } else {
                    how = quote.speaker == nil ? "no speaker found" : "continues the quotation before"
                }
                text += "#   - {quote: \(yamlQuoted(words)), speaker: \(speaker.map(yamlQuoted) ?? "null"), status: verified}   # ¶\(quote.paragraph) \(how)\n"
            }
        }
        if !candidates.isEmpty {
            text += "#\n# Candidate entities without an entity file (mentions):\n"
            for candidate in candidates.prefix(40) { text += "#  - \(candidate.name) (\(candidate.count))\n" }
        }
        text += "---\n"
        text += "**Bottom line:** \n\n## Key points\n\n- \n\n## Analysis\n\n"
        return text
    }

    static func yamlQuoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}

private extension String {
    func prefixWords(_ n: Int, ellipsis: Bool = true) -> String {
        let words = split(separator: " ")
        return words.count <= n ? self : words.prefix(n).joined(separator: " ") + (ellipsis ? " …" : "")
    }
}
