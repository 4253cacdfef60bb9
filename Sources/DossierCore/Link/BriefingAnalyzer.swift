/// The link stage for one article: corrections → mentions → anchors → quotes → annotation HTML.
///
/// Pure and independent of other briefings, so the builder runs many at once.
struct BriefingAnalyzer: Sendable {
    let matcher: EntityMatcher
    /// Nil when quote extraction is switched off (benchmarks only).
    let quoteExtractor: QuoteExtractor?
    let linkMode: SiteConfig.LinkMode
    var quoteClock: QuoteClock?

    func analyze(article: Article, annotation: Annotation?, diagnostics: inout [Diagnostic]) -> Briefing {
        let corrected = CorrectedArticle(article: article, corrections: annotation?.corrections ?? [], diagnostics: &diagnostics)
        diagnostics.append(contentsOf: ScrapingDamage.diagnostics(in: corrected, original: article))
        // Kept as long as the briefing: without the slack the matcher's appending leaves.
        let mentions = corrected.blocks.map { matcher.mentions(in: $0.text).withoutSpareCapacity() }
        var counts: [Int: Int] = [:]
        for mention in mentions.joined() { counts[mention.entity, default: 0] += 1 }

        let notes = AnchorResolver.resolve(annotation?.notes ?? [], in: corrected, articlePath: article.path, diagnostics: &diagnostics)
        let detected: [Quote]
        if let quoteExtractor, let quoteClock {
            detected = quoteClock.measure { quoteExtractor.extract(from: corrected, mentions: mentions) }
        } else {
            detected = quoteExtractor?.extract(from: corrected, mentions: mentions) ?? []
        }
        let quotes = quoteExtractor == nil ? [] : QuoteEditor.apply(annotation?.quoteOverrides ?? [], to: detected, entities: matcher.entities, articlePath: article.path,
                                       diagnostics: &diagnostics)

        var matchedTexts: [String] = []
        let proseHTML = renderMarkdown(annotation?.prose ?? "", counts: &counts, texts: &matchedTexts)
        let noteHTML = notes.map { renderMarkdown($0.note.markdown, counts: &counts, texts: &matchedTexts) }

        let title = (annotation?.title ?? corrected.blocks.first?.text ?? article.slug).replacingNewlines()
        return Briefing(
            slug: article.slug, articlePath: article.path, annotationPath: annotation?.path,
            title: title,
            summaryHTML: annotation?.summary.map(Markdown.inlineHTML), summaryText: annotation?.summary.map(Markdown.plainText),
            provenance: article.provenance.overridden(by: annotation?.provenance ?? Provenance()),
            briefed: annotation?.briefed, tags: Self.tags(annotation?.tags ?? []), story: annotation?.story,
            article: corrected, mentions: mentions, notes: notes, quotes: quotes,
            proseHTML: proseHTML, noteHTML: noteHTML, annotationText: matchedTexts.joined(separator: "\n"),
            proseText: ([annotation?.prose ?? ""] + notes.map(\.note.markdown)).map(Markdown.plainParagraphs).filter { !$0.isEmpty }.joined(separator: "\n"),
            mentionCounts: counts)
    }

    static func tags(_ names: [String]) -> [Briefing.Tag] {
        var seen: Set<String> = []
        return names.compactMap { name in
            let slug = Slug.make(name)
            guard !slug.isEmpty, seen.insert(slug).inserted else { return nil }
            return Briefing.Tag(name: name, slug: slug)
        }
    }

    /// Renders annotation Markdown with entity links added to its text nodes, counting every mention
    /// and keeping the text nodes as the matcher read them (after smart punctuation and entities).
    private func renderMarkdown(_ markdown: String, counts: inout [Int: Int], texts: inout [String]) -> String {
        guard !markdown.allSatisfy({ $0.isWhitespace }) else { return "" }
        var linked: Set<Int> = []
        var found: [Int] = []
        var read: [String] = []
        let html = Markdown.html(markdown) { text in
            read.append(text)
            return matcher.mentions(in: text).compactMap { mention -> Markdown.InsertedLink? in
                found.append(mention.entity)
                guard linkMode == .all || linked.insert(mention.entity).inserted else { return nil }
                let entity = matcher.entities[mention.entity]
                return Markdown.InsertedLink(range: mention.range, url: SitePaths.entity(entity.slug, from: 2), title: entity.linkTitle)
            }
        }
        for entity in found { counts[entity, default: 0] += 1 }
        texts += read
        return html
    }
}

extension Entity {
    var linkTitle: String { Self.linkTitle(name: name, description: description) }

    /// Tooltip on entity links, in annotations and in article text alike: the name and the one-line description.
    static func linkTitle(name: String, description: String?) -> String {
        guard let description, !description.isEmpty else { return name }
        return "\(name) — \(description)"
    }
}
