import Testing
@testable import DossierCore

@Suite struct LinkTests {
    func article(_ text: String) -> Article {
        var diagnostics: [Diagnostic] = []
        return ArticleParser.parse(SourceFile(path: "Content/articles/a.txt", text: text), diagnostics: &diagnostics)!
    }

    func location(_ line: Int) -> SourceLocation { SourceLocation(file: "Content/annotations/a.md", line: line, column: 5) }

    @Test func correctionsInsertBracketedWordsAndDeleteDebris() {
        let source = article("Headline\n\nUS soldiers were first deployed to in 2014 and Islamic State () cells.\n\nREAD MORE:\n\nEnd.")
        var diagnostics: [Diagnostic] = []
        let corrected = CorrectedArticle(article: source, corrections: [
            Correction(find: "deployed to in 2014", replace: "deployed to [Syria] in 2014", location: location(3)),
            Correction(find: "Islamic State () cells", replace: "Islamic State cells", location: location(4)),
            Correction(find: "READ MORE:", replace: "", location: location(5)),
        ], diagnostics: &diagnostics)
        #expect(diagnostics.isEmpty)
        let block = corrected.blocks[1]
        #expect(block.text == "US soldiers were first deployed to [Syria] in 2014 and Islamic State cells.")
        let bytes = Array(block.text.utf8)
        #expect(block.insertions.map { String(decoding: bytes[$0], as: UTF8.self) } == ["[Syria]"])
        #expect(corrected.blocks[2].isEmpty, "an emptied paragraph keeps its number")
        #expect(corrected.blocks.map(\.index) == [0, 1, 2, 3])
    }

    @Test func correctionMatchesCurlyQuotesAndNBSP() {
        let source = article("H\n\nHe said it was \u{201C}stunning\u{201D}\u{00A0}today.")
        var diagnostics: [Diagnostic] = []
        let corrected = CorrectedArticle(article: source, corrections: [
            Correction(find: "\"stunning\" today", replace: "\u{201C}stunning\u{201D} [on Wednesday]", location: location(3)),
        ], diagnostics: &diagnostics)
        #expect(diagnostics.isEmpty)
        #expect(corrected.blocks[1].text == "He said it was \u{201C}stunning\u{201D} [on Wednesday].")
    }

    @Test func correctionThatFindsNothingIsAnError() {
        let source = article("H\n\nUS soldiers were first deployed to in 2014.")
        var diagnostics: [Diagnostic] = []
        _ = CorrectedArticle(article: source, corrections: [Correction(find: "deployed too in", replace: "x", location: location(7))], diagnostics: &diagnostics)
        #expect(diagnostics.map(\.description) == [
            """
            Content/annotations/a.md:7:5: error: correction finds no "deployed too in" in a.txt
            Content/annotations/a.md:7:5: note: closest passage: "deployed to in" (paragraph 1)
            Content/annotations/a.md:7:5: note: corrections repair text that appears in Content/articles/a.txt; copy the damaged passage exactly
            """,
        ])
    }

    func note(_ phrase: String, _ occurrence: Int = 1) -> AnchoredNote {
        AnchoredNote(phrase: phrase, occurrence: occurrence, markdown: "", location: location(9), bodyLine: 10, occurrenceWritten: occurrence != 1)
    }

    @Test func anchorsNormaliseQuotesDashesAndSpaces() {
        let source = article("H\n\nIt is a \u{201C}recruiting tool\u{201D} \u{2013} they\u{2019}re\u{00A0}going\nhome. A recruiting tool again.")
        var diagnostics: [Diagnostic] = []
        let corrected = CorrectedArticle(article: source, corrections: [], diagnostics: &diagnostics)
        let resolved = AnchorResolver.resolve([note("\"recruiting tool\" - they're going home"), note("recruiting tool", 2)],
                                              in: corrected, articlePath: "Content/articles/a.txt", diagnostics: &diagnostics)
        #expect(diagnostics.isEmpty)
        let bytes = Array(corrected.blocks[1].text.utf8)
        #expect(resolved.map { String(decoding: bytes[$0.span.range], as: UTF8.self) } == [
            "\u{201C}recruiting tool\u{201D} \u{2013} they\u{2019}re\u{00A0}going\nhome", "recruiting tool",
        ])
        #expect(resolved.map(\.span.paragraph) == [1, 1])
    }

    @Test func anchorsFindTextAroundEditorialInsertions() {
        let source = article("H\n\nUS soldiers were first deployed to in 2014.")
        var diagnostics: [Diagnostic] = []
        let corrected = CorrectedArticle(article: source, corrections: [
            Correction(find: "deployed to in", replace: "deployed to [Syria] in", location: location(3)),
        ], diagnostics: &diagnostics)
        let resolved = AnchorResolver.resolve([note("deployed to [Syria] in 2014"), note("deployed to Syria in"), note("deployed to in 2014")],
                                              in: corrected, articlePath: "Content/articles/a.txt", diagnostics: &diagnostics)
        #expect(diagnostics.isEmpty)
        #expect(resolved.count == 3)
    }

    @Test func missingPhraseSuggestsTheClosestPassage() {
        let source = article("H\n\nSenator King said it will become a recruiting tool for the group.")
        var diagnostics: [Diagnostic] = []
        let corrected = CorrectedArticle(article: source, corrections: [], diagnostics: &diagnostics)
        _ = AnchorResolver.resolve([note("recruting tool"), note("Recruiting tool"), note("recruiting tool", 2)],
                                   in: corrected, articlePath: "Content/articles/a.txt", diagnostics: &diagnostics)
        #expect(diagnostics.map(\.description) == [
            """
            Content/annotations/a.md:9:5: error: anchored phrase "recruting tool" not found in Content/articles/a.txt
            Content/annotations/a.md:9:5: note: closest passage: "recruiting tool" (paragraph 1)
            Content/annotations/a.md:9:5: note: the phrase must appear in the article as corrected; quote marks, dashes and spacing may differ, letter case may not
            """,
            """
            Content/annotations/a.md:9:5: error: anchored phrase "Recruiting tool" not found in Content/articles/a.txt
            Content/annotations/a.md:9:5: note: closest passage: "recruiting tool" (paragraph 1)
            Content/annotations/a.md:9:5: note: the phrase must appear in the article as corrected; quote marks, dashes and spacing may differ, letter case may not
            """,
            """
            Content/annotations/a.md:9:5: error: anchored phrase "recruiting tool" occurs only once in Content/articles/a.txt, but (2) asks for occurrence 2
            Content/annotations/a.md:9:5: note: use an occurrence from 1 to 1
            """,
        ])
    }
}
