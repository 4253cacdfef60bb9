import Testing
@testable import DossierCore

@Suite struct AnnotationScaffoldTests {
    @Test func scaffoldListsQuotesAndUncoveredNames() throws {
        let site = TestSite.sample
        var text = site.articles["talks.txt"]!
        text += "\n\n“We will be back next week,” said Ana Ruiz. Carlos Mendez of the Harbour Authority agreed.\n"
        var diagnostics: [Diagnostic] = []
        let scaffold = try #require(AnnotationScaffold.make(
            article: SourceFile(path: "Content/articles/talks.txt", text: text),
            entities: site.tree.entities, diagnostics: &diagnostics))
        #expect(diagnostics.isEmpty)
        #expect(scaffold.hasPrefix("---\ntitle: \"Ministers meet as talks resume\"\nsummary: \"\"\npublished: 2024-03-02\n"))
        #expect(scaffold.contains("""
            # Detected quotes (2): uncomment an entry to confirm or correct it
            # (speaker: an entity slug, a name, or null; status: verified, disputed or paraphrase; drop: true if not a quotation).
            # quotes:
            #   - {quote: "constructive", speaker: "Ruiz’s aides", status: verified}   # ¶1 named by “Ruiz’s aides said the talks were”
            #   - {quote: "We will be back next week,", speaker: "ana-ruiz", status: verified}   # ¶3 named by “said Ana Ruiz”
            #
            # Candidate entities without an entity file (mentions):
            #  - Carlos Mendez (1)
            #  - Harbour Authority (1)
            ---
            """))
    }

    /// The scaffold's `quotes:` entries, uncommented as an editor would, confirm every detected quote.
    @Test func uncommentedQuoteEntriesConfirmEveryQuote() throws {
        let site = TestSite.sample
        var text = site.articles["talks.txt"]!
        text += "\n\n“We will be back next week,” said Ana Ruiz. “We will be back next week,” she said.\n"
        var diagnostics: [Diagnostic] = []
        let scaffold = try #require(AnnotationScaffold.make(
            article: SourceFile(path: "Content/articles/talks.txt", text: text), entities: site.tree.entities, diagnostics: &diagnostics))
        let uncommented = scaffold.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasPrefix("# quotes:") || line.hasPrefix("#   - {quote:") ? String(line.dropFirst(2)) : String(line)
        }.joined(separator: "\n")
        #expect(uncommented.contains("\"We will be back next week, (2)\""))
        let annotation = AnnotationParser.parse(SourceFile(path: "Content/annotations/talks.md", text: uncommented), diagnostics: &diagnostics)
        #expect(!diagnostics.hasErrors, "\(diagnostics)")
        #expect(annotation.quoteOverrides.count == 3)
        let entities = LinkedSite.parseEntities(site.tree.entities, cache: nil, diagnostics: &diagnostics)
        let matcher = EntityMatcher(entities: entities, diagnostics: &diagnostics)
        let analyzer = BriefingAnalyzer(matcher: matcher, quoteExtractor: QuoteExtractor(entities: entities), linkMode: .first)
        let article = try #require(ArticleParser.parse(SourceFile(path: "Content/articles/talks.txt", text: text), diagnostics: &diagnostics))
        let briefing = analyzer.analyze(article: article, annotation: annotation, diagnostics: &diagnostics)
        #expect(!diagnostics.hasErrors, "\(diagnostics)")
        #expect(briefing.quotes.count == 3)
        #expect(briefing.quotes.allSatisfy { $0.status == .verified && $0.attributedBy == .editor && $0.isConfirmedSpeaker })
        #expect(briefing.quotes.map { $0.entity.map { entities[$0].slug } } == [nil, "ana-ruiz", "ana-ruiz"])
    }
}
