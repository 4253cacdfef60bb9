import Testing
@testable import DossierCore

/// Scraping damage left in articles, from the seed article (Daily Express, scraped).
@Suite struct ScrapingDamageTests {
    static let seed = """
    ---
    source: Daily Express (scraped)
    ---
    ISIS WARNING: Terror group to use Trump retreat as ‘RECRUITING tool ‘around the world’

    announced this week on Twitter the United States will start to withdraw all troops from Syrian within 60 to 100 days. US allies have warned the American president he risks helping Islamic State () terror cells in the region regain support.

    US soldiers were first deployed to in 2014 as part of a coalition with the United Kingdom, France, Jordan and Bahrain.

    READ MORE:

    A US official said Washington aimed to withdraw troops within 60 to 100 days.
    """

    func fix(_ find: String, _ replace: String) -> Correction {
        Correction(find: find, replace: replace, location: SourceLocation(file: "Content/annotations/syria.md"))
    }

    func warnings(_ text: String, corrections: [Correction] = []) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let article = ArticleParser.parse(SourceFile(path: "Content/articles/syria.txt", text: text), diagnostics: &diagnostics)!
        let corrected = CorrectedArticle(article: article, corrections: corrections, diagnostics: &diagnostics)
        #expect(diagnostics.isEmpty)
        return ScrapingDamage.diagnostics(in: corrected, original: article)
    }

    @Test func findsEachKindInTheSeedArticleWithItsPosition() {
        let found = warnings(Self.seed).map { "\($0.location!.line):\($0.location!.column): \($0.message)" }
        #expect(found == [
            "6:1: paragraph starts in lowercase: the words before \"announced this week on\" may have been lost in scraping",
            "6:195: empty parentheses: a word was probably lost in scraping",
            "8:33: 'to in' has a preposition followed by another: a word was probably lost in scraping",
            "10:1: scraping debris 'READ MORE:' left in the article",
        ])
        #expect(warnings(Self.seed).allSatisfy { $0.severity == .warning && $0.location?.file == "Content/articles/syria.txt" })
    }

    @Test func damageThatACorrectionRepairsIsNotReported() {
        let corrections = [
            fix("deployed to in 2014", "deployed to [Syria] in 2014"),
            fix("READ MORE:", ""),
            fix("Islamic State ()", "Islamic State (IS)"),
            fix("announced this week", "[President Trump] announced this week"),
        ]
        #expect(warnings(Self.seed, corrections: corrections).isEmpty)
    }

    @Test func positionsStayInTheFileAsReceivedWhenAnEarlierCorrectionChangedTheLine() {
        let text = "Headline\n\nA long preamble here, then they were deployed to in 2014.\n"
        let found = warnings(text, corrections: [fix("A long preamble", "A [very] long preamble")])
        #expect(found.map { "\($0.location!.line):\($0.location!.column)" } == ["3:47"])
    }

    @Test(arguments: [
        "He moved on to the next question.", "They gave in to pressure.", "iPhone sales rose.", "Prices rose (sharply).",
        "WARNING: the storm is near.", "The figure was 5 per cent.", "She said: “It is done.”",
    ])
    func cleanTextIsNotFlagged(paragraph: String) {
        #expect(warnings("Headline\n\n\(paragraph)\n").isEmpty)
    }

    @Test(arguments: ["RELATED:", "WATCH:", "READ MORE:", "SEE ALSO:"])
    func debrisLabels(label: String) {
        #expect(warnings("Headline\n\n\(label)\n\nText.\n").map(\.message) == ["scraping debris '\(label)' left in the article"])
    }
}
