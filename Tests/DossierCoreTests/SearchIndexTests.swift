import Foundation
import Testing
@testable import DossierCore

@Suite struct SearchIndexTests {
    @Test func indexIsAScriptAndTheSameJSON() throws {
        let files = TestSite.sample.build().files
        let js = try #require(files["search/index.js"])
        let json = try #require(files["search/index.json"])
        #expect(js == "window.DOSSIER_SEARCH_INDEX = " + json.dropLast() + ";\n")
        let data = try #require(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(data["version"] as? Int == 1)
        let entities = try #require(data["entities"] as? [[String]])
        #expect(entities.first == ["Ana Ruiz", "ana-ruiz", "person", "Ruiz|Foreign Minister Ana Ruiz"])
        let tags = try #require(data["tags"] as? [[String]])
        let briefings = try #require(data["briefings"] as? [[Any]])
        #expect(briefings.count == 2)
        let talks = briefings[0]
        #expect(talks[0] as? String == "talks")
        #expect(talks[1] as? String == "Talks resume in Valdora")
        #expect(talks[2] as? String == "2024-03-02")
        #expect(talks[3] as? String == "Wire")
        #expect(talks[4] as? String == "The first meeting in a year; both sides call it constructive.")
        #expect((talks[5] as? [Int])?.map { tags[$0][0] } == ["Diplomacy", "talks"])
        // Entities most mentioned first (Ana Ruiz 3), ties in entity order (Northern League and Valdora 2 each).
        #expect((talks[6] as? [Int])?.map { entities[$0][1] } == ["ana-ruiz", "northern-league", "valdora"])
        #expect(briefings[1][2] as? String == "")
    }

    @Test func searchPageLoadsTheIndexAndTheClient() throws {
        let page = try #require(TestSite.sample.build().files["search/index.html"])
        #expect(page.contains(#"<script src="index.js" defer></script>"#))
        #expect(page.contains(#"<script src="../assets/search.js" defer></script>"#))
        #expect(page.contains(#"<label for="search-input">"#))
        #expect(page.contains(#"role="status" aria-live="polite""#))
        #expect(page.contains(#"<a href="../search/" aria-current="page">Search</a>"#))
    }

    @Test func textCannotBreakOutOfTheScript() throws {
        var site = TestSite.sample
        site.annotations["talks.md"] = site.annotations["talks.md"]!.replacingOccurrences(
            of: "title: Talks resume in Valdora", with: "title: \"</script><script>alert(1)</script> &\"")
        let js = try #require(site.build().files["search/index.js"])
        #expect(!js.contains("</script>"))
        #expect(js.contains(#"\u003c/script\u003e\u003cscript\u003ealert(1)\u003c/script\u003e \u0026"#))
    }

    @Test func quotesAreCutToTheBudgetOnAWordBoundary() {
        let words = "Then " + Array(repeating: "word", count: 400).joined(separator: " ")
        let quotes = [
            Quote(text: "short one", paragraph: 1, lastParagraph: 1, spans: []),
            Quote(text: "The first\nfull quote here.", paragraph: 1, lastParagraph: 1, spans: []),
            Quote(text: words, paragraph: 2, lastParagraph: 2, spans: []),
            Quote(text: "Never reached at all", paragraph: 3, lastParagraph: 3, spans: []),
        ]
        let text = SearchIndex.quoteText(quotes)
        #expect(text.hasPrefix("The first full quote here. … Then word word"))
        #expect(text.hasSuffix("word …"))
        #expect(text.count <= SearchIndex.quoteBudget + 2)
        #expect(!text.contains("short one") && !text.contains("Never"))
    }

    @Test func aCutWithoutSpacesKeepsCharactersWhole() {
        // Two scalars per emoji, so the cut at 600 falls inside one; four words and a capital, so not a fragment.
        let text = "A" + String(repeating: "👍🏽", count: 700) + " b c d"
        let cut = SearchIndex.quoteText([Quote(text: text, paragraph: 1, lastParagraph: 1, spans: [])])
        #expect(cut == "A" + String(repeating: "👍🏽", count: 299) + " …")
    }
}
