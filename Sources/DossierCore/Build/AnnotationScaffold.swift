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
            text += "#\n# Detected quotes (\(quotes.count)); check each speaker:\n"
            for quote in quotes {
                let speaker = quote.entity.map { "\(entities[$0].name) (\(entities[$0].slug))" } ?? quote.speaker.map { "\($0) (no entity)" } ?? "unattributed"
                let excerpt = quote.text.replacingNewlines().prefixWords(14)
                text += "#  - [ ] ¶\(quote.paragraph) \(speaker): “\(excerpt)”\n"
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
    func prefixWords(_ n: Int) -> String {
        let words = split(separator: " ")
        return words.count <= n ? self : words.prefix(n).joined(separator: " ") + " …"
    }
}
