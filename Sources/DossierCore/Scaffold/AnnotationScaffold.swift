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
            for (q, quote) in quotes.enumerated().prefix(Self.listedQuotes) {
                let speaker = quote.entity.map { entities[$0].slug } ?? quote.speaker
                let words = QuoteEditor.entryWords(for: q, in: quotes)
                let how: String
                if let cue = quote.cue {
                    how = "\(quote.isDirect ? "named by" : "inferred from") “\(cue)”"
                } else {
                    how = quote.speaker == nil ? "no speaker found" : "continues the quotation before"
                }
                text += "#   - {quote: \(yamlQuoted(words)), speaker: \(speaker.map(yamlQuoted) ?? "null"), status: verified}   # ¶\(quote.paragraph) \(how)\n"
            }
            if quotes.count > Self.listedQuotes { text += "#   (and \(quotes.count - Self.listedQuotes) more)\n" }
        }
        if !candidates.isEmpty {
            text += "#\n# Candidate entities without an entity file (mentions):\n"
            for candidate in candidates.prefix(40) { text += "#  - \(candidate.name) (\(candidate.count))\n" }
        }
        text += "---\n"
        text += "**Bottom line:** \n\n## Key points\n\n- \n\n## Analysis\n\n"
        return text
    }

    /// More quotes than any real article holds; a scaffold lists at most these.
    static let listedQuotes = 200

    /// A YAML double-quoted scalar: backslashes, quotes and control characters escaped, so that the
    /// text can never end the line it is written on (a comment) or the front matter.
    static func yamlQuoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value) || scalar == "\u{2028}" || scalar == "\u{2029}" {
                    out += String(format: "\\u%04X", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

private extension String {
    func prefixWords(_ n: Int, ellipsis: Bool = true) -> String {
        let words = split(separator: " ")
        return words.count <= n ? self : words.prefix(n).joined(separator: " ") + (ellipsis ? " …" : "")
    }
}
