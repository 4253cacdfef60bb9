import Foundation
import Testing
@testable import DossierCore

/// Builds an article and entities from strings and extracts its quotes, as the build does.
enum QuoteHarness {
    static let people: [Entity] = [
        Entity(slug: "maria-lopez", name: "Maria Lopez", kind: .person, aliases: ["Lopez", "Governor Lopez"]),
        Entity(slug: "daniel-okafor", name: "Daniel Okafor", kind: .person, aliases: ["Okafor"]),
        Entity(slug: "acme", name: "Acme Mining", kind: .organization, aliases: ["Acme"]),
        Entity(slug: "us", name: "United States", kind: .place, aliases: ["US"]),
    ]

    static func article(_ text: String) -> CorrectedArticle {
        var diagnostics: [Diagnostic] = []
        let article = ArticleParser.parse(SourceFile(path: "articles/test.txt", text: text), diagnostics: &diagnostics)
            ?? Article(slug: "test", path: "articles/test.txt", paragraphs: [])
        return CorrectedArticle(article: article, corrections: [], diagnostics: &diagnostics)
    }

    static func quotes(_ text: String, entities: [Entity] = people) -> [Quote] {
        var diagnostics: [Diagnostic] = []
        let corrected = article(text)
        let matcher = EntityMatcher(entities: entities, diagnostics: &diagnostics)
        return QuoteExtractor(entities: entities).extract(from: corrected, mentions: corrected.blocks.map { matcher.mentions(in: $0.text) })
    }

    static func name(_ quote: Quote, _ entities: [Entity] = people) -> String? {
        quote.entity.map { entities[$0].name }
    }
}

@Suite struct QuoteBehaviourTests {
    /// Marks that are apostrophes never open or close a quotation.
    @Test(arguments: [
        "Headline\n\nDon’t say it’s the ’90s: the Kurds' fight and the boys’ rock ’n’ roll go on.",
        "Headline\n\nThe Smiths' drummer and the Joneses’ dog met in '97 at O'Brien's.",
        "Headline\n\n6\" of rain fell, and 5' 11\" is tall.",
    ])
    func apostrophesAreNotQuotes(_ text: String) {
        #expect(QuoteHarness.quotes(text).isEmpty)
    }

    /// Spans hold the words inside the marks, so the page can highlight exactly them.
    @Test func spansCoverTheTextInsideTheMarks() throws {
        let text = "Headline\n\nLopez said: “We will rebuild,” and Okafor said ‘soon’.\n\n“First line.\n\n“Second line.”"
        let article = QuoteHarness.article(text)
        let quotes = QuoteHarness.quotes(text)
        #expect(quotes.map(\.text) == ["We will rebuild,", "soon", "First line.\n\nSecond line."])
        for quote in quotes {
            let pieces = quote.spans.map { span -> String in
                let block = article.blocks.first { $0.index == span.paragraph }
                return String(decoding: Array(block?.text.utf8 ?? "".utf8)[span.range], as: UTF8.self)
            }
            #expect(pieces.joined(separator: "\n\n") == quote.text)
        }
        let multi = try #require(quotes.last)
        #expect(multi.paragraph == 2 && multi.lastParagraph == 3 && multi.spans.count == 2)
    }

    /// An unbalanced mark in one paragraph never takes the next paragraphs with it.
    @Test(arguments: [
        ("‘Shock: ‘warning for ‘all\n\nLopez said: “We are ready.”", ["We are ready."]),
        ("Headline\n\nCrews worked in the \"red zone all night.\n\n\"Stay away,\" Lopez said.", ["Stay away,"]),
        ("Headline\n\nLopez said the \"plan was\n\nfine. \"Go home,\" said Okafor.", ["Go home,"]),
    ])
    func unbalancedMarksStayInTheirParagraph(_ text: String, _ expected: [String]) {
        #expect(QuoteHarness.quotes(text).map(\.text) == expected)
    }

    /// Each quotation style, with the speaker resolved through an alias.
    @Test(arguments: [
        "Headline\n\n“We will win,” Lopez said.",
        "Headline\n\n\"We will win,\" Lopez said.",
        "Headline\n\n‘We will win,’ Lopez said.",
        "Headline\n\n'We will win,' Lopez said.",
        "Headline\n\n''We will win,'' Lopez said.",
        "Headline\n\n«We will win,» Lopez said.",
    ])
    func everyQuotationStyle(_ text: String) throws {
        let quote = try #require(QuoteHarness.quotes(text).first)
        #expect(quote.text == "We will win,")
        #expect(QuoteHarness.name(quote) == "Maria Lopez")
        #expect(quote.speaker == "Lopez")
    }

    @Test func interruptedQuotationIsOneQuote() throws {
        let quotes = QuoteHarness.quotes("Headline\n\n\"We will win,\" he said, \"and soon.\"")
        let quote = try #require(quotes.first)
        #expect(quotes.count == 1)
        #expect(quote.text == "We will win, … and soon.")
        #expect(quote.spans.count == 2)
    }

    /// Pieces around one attribution with one reporting verb are one quotation, each piece highlighted;
    /// the reporter's words are never part of its text. No entity files: names come from the text.
    @Test(arguments: [
        ("\"We will win,\" Jane Roe said. \"The bridge is safe.\"", "We will win, … The bridge is safe."),
        ("\"We will win,\" said Jane Roe, \"and soon.\"", "We will win, … and soon."),
        ("\"We will win\" — Jane Roe added — \"and soon.\"", "We will win … and soon."),
        ("\"We will win,\" Jane Roe said in a statement on Tuesday. \"The bridge is safe.\"", "We will win, … The bridge is safe."),
        ("“We will win,” Sen. Jane Roe, D-Ore., told reporters. “The bridge is safe.”", "We will win, … The bridge is safe."),
    ])
    func interruptedByOneAttribution(_ paragraph: String, _ expected: String) throws {
        let quotes = QuoteHarness.quotes("Headline\n\n" + paragraph, entities: [])
        let quote = try #require(quotes.first)
        #expect(quotes.count == 1)
        #expect(quote.text == expected)
        #expect(quote.spans.count == 2)
        #expect(quote.speaker == "Jane Roe")
    }

    /// A second clause, a new sentence with its own subject, or an attribution of the second piece's own
    /// keeps the pieces apart.
    @Test(arguments: [
        "\"We will win,\" Jane Roe said, adding that the vote was close. \"The bridge is safe.\"",
        "\"We will win,\" Jane Roe said. Tom Vance disagreed. \"The bridge is not safe.\"",
        "\"We will win,\" Jane Roe said. \"The bridge is not safe,\" Tom Vance said.",
        "Jane Roe said the team would be \"back next year.\" She wrote: \"Wait and see.\"",
    ])
    func notJoined(_ paragraph: String) {
        let quotes = QuoteHarness.quotes("Headline\n\n" + paragraph, entities: [])
        #expect(quotes.count == 2)
        #expect(quotes.allSatisfy { !$0.text.contains("…") })
    }

    /// Speakers are never invented: no cue, no speaker.
    @Test func noCueNoSpeaker() throws {
        let quote = try #require(QuoteHarness.quotes("Headline\n\nThe word \"resilience\" appears twice.").first)
        #expect(quote.speaker == nil && quote.entity == nil)
    }

    /// Emptied blocks (deleted debris) do not break a multi-paragraph quotation.
    @Test func emptiedBlockInsideMultiParagraphQuote() throws {
        var diagnostics: [Diagnostic] = []
        let text = "Headline\n\nLopez said:\n\n“One.\n\nREAD MORE:\n\n“Two.”"
        let parsed = try #require(ArticleParser.parse(SourceFile(path: "articles/t.txt", text: text), diagnostics: &diagnostics))
        let corrected = CorrectedArticle(article: parsed, corrections: [Correction(find: "READ MORE:", replace: "", location: SourceLocation(file: "a.md"))],
                                         diagnostics: &diagnostics)
        let matcher = EntityMatcher(entities: QuoteHarness.people, diagnostics: &diagnostics)
        let quotes = QuoteExtractor(entities: QuoteHarness.people).extract(from: corrected, mentions: corrected.blocks.map { matcher.mentions(in: $0.text) })
        let quote = try #require(quotes.first)
        #expect(quote.text == "One.\n\nTwo.")
        #expect(quote.paragraph == 2 && quote.lastParagraph == 4)
        #expect(QuoteHarness.name(quote) == "Maria Lopez")
    }

    /// A misspelt surname resolves only to a person already named in the article.
    @Test func misspeltSurname() throws {
        let named = QuoteHarness.quotes("Headline\n\nMaria Lopez spoke. \"It works,\" Ms Lopes said.")
        #expect(named.first.flatMap { QuoteHarness.name($0) } == "Maria Lopez")
        let unnamed = QuoteHarness.quotes("Headline\n\n\"It works,\" Ms Lopes said.")
        #expect(unnamed.first?.entity == nil)
        #expect(unnamed.first?.speaker == "Ms Lopes")
    }

    /// Random text, random marks: nothing traps, spans stay inside their paragraphs.
    @Test func fuzz() {
        var generator = SplitMix64(seed: 0x5EED)
        let pieces = ["“", "”", "‘", "’", "\"", "'", "''", "«", "»", " ", " ", " ", "\n", "\n\n", "said", "Lopez", "he", ",", ".", ":",
                      "(", ")", "—", "-", "according to", "the", "a US official", "é", "日本", "\u{A0}", "s", "Kurds", "90", "\u{FE0F}",
                      "\u{0301}", "…", "[", "]", "told", "Acme", "they", "it", "who", "\r"]
        for _ in 0..<400 {
            var text = ""
            for _ in 0..<Int(generator.next() % 80) { text += pieces[Int(generator.next() % UInt64(pieces.count))] }
            let article = QuoteHarness.article(text)
            for quote in QuoteHarness.quotes(text) {
                #expect(quote.paragraph <= quote.lastParagraph)
                for span in quote.spans {
                    let block = article.blocks.first { $0.index == span.paragraph }
                    #expect(span.range.lowerBound >= 0 && span.range.upperBound <= (block?.text.utf8.count ?? -1))
                }
                if let entity = quote.entity { #expect(entity < QuoteHarness.people.count) }
            }
        }
        // Mentions that do not fit the text, and fewer mention lists than blocks.
        let text = "H\n\n\"A,\" Lopez said.\n\nB"
        let bogus = [[Mention(entity: 99, range: 0..<500)], [Mention(entity: -1, range: 3..<2000)]]
        _ = QuoteExtractor(entities: QuoteHarness.people).extract(from: QuoteHarness.article(text), mentions: bogus)
    }
}

extension QuoteBehaviourTests {
    /// Hostile shapes stay linear: thousands of quotes in one sentence, deep unclosed nesting,
    /// possessive-like marks over a deep stack, a very long multi-paragraph quotation.
    static let hostile: [String: String] = [
        "4,000 interrupted quotes in one sentence": String(repeating: "\"a,\" Lopez said, \"b\" and ", count: 4_000),
        "6,000 unclosed marks, then possessives": String(repeating: "“a ", count: 6_000) + String(repeating: "Kurds’ ", count: 6_000),
        "alternating nesting 8,000 deep": String(repeating: "‘x “y ", count: 4_000) + String(repeating: "” ’ ", count: 4_000),
        "6,000 colon-introduced openings": String(repeating: "Lopez: \"", count: 6_000),
        "6,000 parentheses before 3,000 quotes": String(repeating: "( ", count: 6_000) + String(repeating: "\"q\" ", count: 3_000),
    ]

    @Test(arguments: hostile.keys.sorted())
    func hostileParagraphsStayLinear(_ name: String) {
        let paragraph = Self.hostile[name] ?? ""
        let clock = ContinuousClock()
        let elapsed = clock.measure { _ = QuoteHarness.quotes("Headline\n\n" + paragraph) }
        #expect(elapsed < .seconds(5), "\(elapsed)")
        let chain = "Headline\n\nLopez said:\n\n" + String(repeating: "“More words here.\n\n", count: 3_000) + "“End.”"
        let quotes = QuoteHarness.quotes(chain)
        #expect(quotes.count == 1 && quotes.first?.spans.count == 3_001)
    }
}

@Suite struct QuoteCandidateEntitiesTests {
    @Test func findsUncoveredNames() {
        let text = """
            Headline With Many Capitals

            The Mayor of Springfield, Maria Lopez, met Hamdullah Mohib in March. In Kabul, Mohib praised the University of Southern Indiana.

            Mohib said Acme Mining would help. Monday was quiet. Reporters waited. Later, Mohib left with Lopez and Tom.
            """
        var diagnostics: [Diagnostic] = []
        let corrected = QuoteHarness.article(text)
        let matcher = EntityMatcher(entities: QuoteHarness.people, diagnostics: &diagnostics)
        let mentions = corrected.blocks.map { matcher.mentions(in: $0.text) }
        let found = CandidateEntities.find(in: [corrected], mentions: [mentions])
        let names = found.map(\.name)
        #expect(found.first?.name == "Mohib" && found.first?.count == 3)
        #expect(names.contains("Hamdullah Mohib"))
        #expect(names.contains("University of Southern Indiana"))
        #expect(names.contains("Kabul"))
        #expect(names.contains("Springfield"))
        #expect(names.contains("Tom"))
        // Covered by entities, common sentence openers, months and days, words seen only at a sentence start, the headline.
        for absent in ["Maria Lopez", "Lopez", "Acme Mining", "The", "In", "March", "Monday", "Reporters", "Later", "Mayor", "Headline", "Capitals"] {
            #expect(!names.contains(absent), "\(absent)")
        }
        let counts = found.map(\.count)
        #expect(counts == counts.sorted(by: >))
    }
}

@Suite struct QuotePossessiveSpeakerTests {
    /// "Lopez’s aides said …": the aides spoke, not Lopez; the speaker stays as written, no entity.
    @Test(arguments: ["Lopez’s aides said the talks were “constructive”.", "Governor Lopez's spokesman said: \"We will not comment on this today.\""])
    func possessiveSubjectIsNotTheOwner(_ sentence: String) throws {
        let quotes = QuoteHarness.quotes("Headline\n\n\(sentence)")
        let quote = try #require(quotes.first)
        #expect(quote.entity == nil, "attributed to \(QuoteHarness.name(quote) ?? "nil")")
        #expect(quote.speaker?.contains("aides") == true || quote.speaker?.contains("spokesman") == true)
    }
}
