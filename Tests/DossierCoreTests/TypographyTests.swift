import Testing
@testable import DossierCore

@Suite struct TypographyTests {
    @Test(arguments: [
        ("ISIS warning: Trump's Syria retreat a 'recruiting tool'", "ISIS warning: Trump’s Syria retreat a ‘recruiting tool’"),
        ("North Korea puts military in 'quasi-state of war'", "North Korea puts military in ‘quasi-state of war’"),
        ("He said \"no\" (and 'maybe')", "He said “no” (and ‘maybe’)"),
        ("The Kurds' fear", "The Kurds’ fear"),
        ("\"'Hi,' she said\"", "“‘Hi,’ she said”"),
        ("Already “curly” and ‘kept’", "Already “curly” and ‘kept’"),
        ("No quotes at all", "No quotes at all"),
    ])
    func titlesGetTypographicQuotes(plain: String, curled: String) {
        #expect(Typography.curlingQuotes(plain) == curled)
    }

    /// The same quotes as cmark's smart punctuation gives summaries, for the titles above.
    @Test func titlesMatchSmartPunctuationInSummaries() {
        for title in ["ISIS warning: Trump's Syria retreat a 'recruiting tool'", "Reports: 'streamlined' UK asylum process"] {
            #expect(Typography.curlingQuotes(title) == Markdown.plainText(title))
        }
    }

    @Test func headlineMarkupKeepsItsRangesWhenQuotesAreCurled() {
        var markup = InlineMarkup(text: "a 'quasi-state' war")
        markup.spans.append(.init(range: 3..<14, level: InlineMarkup.quoteLevel, firstOpen: "<q>", open: "<q>", close: "</q>"))
        markup.replacements = Typography.quoteReplacements(in: markup.text)
        #expect(markup.render() == "a ‘<q>quasi-state</q>’ war")
    }
}
