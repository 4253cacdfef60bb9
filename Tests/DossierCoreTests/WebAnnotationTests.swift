import Foundation
import Testing
@testable import DossierCore

/// `annotations.jsonld`: every selector must select, in the article as received, what it says.
@Suite struct WebAnnotationTests {
    /// The article as the selectors count it, computed from the file alone: its text after the
    /// front matter, without the final newline.
    static func receivedText(ofFile text: String) -> [Unicode.Scalar] {
        var body = Substring(text)
        if body.hasPrefix("---\n"), let close = body.dropFirst(4).range(of: "\n---\n") {
            body = body[close.upperBound...]
        }
        while body.last == "\n" { body.removeLast() }
        while body.first == "\n" { body.removeFirst() }
        return Array(body.unicodeScalars)
    }

    struct Checked {
        var exact: [String] = []
        var sources: [String] = []
    }

    /// Checks every selector of `jsonld` against `text`; returns the exact texts, in order.
    @discardableResult
    static func checkSelectors(_ jsonld: String, against text: [Unicode.Scalar], file: String) throws -> Checked {
        let root = try #require(try JSONSerialization.jsonObject(with: Data(jsonld.utf8)) as? [String: Any])
        #expect(root["@context"] as? String == "http://www.w3.org/ns/anno.jsonld")
        #expect(root["type"] as? String == "AnnotationCollection")
        let total = try #require(root["total"] as? Int)
        let items = (root["first"] as? [String: Any])?["items"] as? [[String: Any]] ?? []
        #expect(items.count == total)
        func slice(_ a: Int, _ b: Int) -> String {
            var s = String.UnicodeScalarView()
            s.append(contentsOf: text[max(0, a)..<min(text.count, b)])
            return String(s)
        }
        var checked = Checked()
        for item in items {
            #expect(item["type"] as? String == "Annotation")
            #expect(item["motivation"] as? String == "commenting")
            let target = try #require(item["target"] as? [String: Any])
            checked.sources.append(try #require(target["source"] as? String))
            let selectors = try #require(target["selector"] as? [[String: Any]])
            let quote = try #require(selectors.first { $0["type"] as? String == "TextQuoteSelector" })
            let position = try #require(selectors.first { $0["type"] as? String == "TextPositionSelector" })
            let start = try #require(position["start"] as? Int), end = try #require(position["end"] as? Int)
            let exact = try #require(quote["exact"] as? String)
            #expect(0 <= start && start < end && end <= text.count, "\(file): \(start)..<\(end)")
            #expect(slice(start, end) == exact, "\(file): text[\(start)..<\(end)]")
            #expect(quote["prefix"] as? String == slice(start - 32, start), "\(file): prefix of \(exact)")
            #expect(quote["suffix"] as? String == slice(end, end + 32), "\(file): suffix of \(exact)")
            let body = try #require(item["body"] as? [String: Any])
            let formats = (body["items"] as? [[String: Any]] ?? []).compactMap { $0["format"] as? String }
            #expect(formats == ["text/html", "text/markdown"])
            checked.exact.append(exact)
        }
        return checked
    }

    /// Every note of the demo site (a copy of `Content/` in the fixtures).
    @Test func everyDemoSelectorSelectsItsText() throws {
        let tree = try SnapshotTests.fixtureSite("demo")
        let result = SiteBuilder.build(tree)
        #expect(!result.diagnostics.contains { $0.severity == .error }, "\(result.diagnostics)")
        let files = Dictionary(uniqueKeysWithValues: result.files.map { ($0.path, $0.text) })
        var notes = 0
        for article in tree.articles {
            let slug = article.stem
            let jsonld = try #require(files["briefings/\(slug)/annotations.jsonld"], "no annotations.jsonld for \(slug)")
            let checked = try Self.checkSelectors(jsonld, against: Self.receivedText(ofFile: article.text), file: article.path)
            let annotation = tree.annotations.first { $0.stem == slug }
            let headings = annotation?.text.split(separator: "\n").filter { $0.hasPrefix("### \"") }.count ?? 0
            #expect(checked.exact.count == headings, "\(slug)")
            notes += headings
            let page = try #require(files["briefings/\(slug)/index.html"])
            #expect(page.contains("<link rel=\"alternate\" type=\"application/ld+json\" title=\"W3C Web Annotations\" href=\"annotations.jsonld\">"))
        }
        #expect(notes > 30)
        // The seed article has no url: its notes target the briefing page.
        let syria = try #require(files["briefings/syria-withdrawal/annotations.jsonld"])
        let checked = try Self.checkSelectors(syria, against: Self.receivedText(ofFile: tree.articles.first { $0.stem == "syria-withdrawal" }!.text), file: "syria")
        #expect(Set(checked.sources) == ["https://example.org/dossier/briefings/syria-withdrawal/"])
        // Corrections insert "[Donald Trump] " and delete "() " before these two in the same paragraph.
        #expect(checked.exact.contains("handed a victory") && checked.exact.contains("recruiting tool"))
    }

    /// The fixture copy of the demo stays the demo.
    @Test func demoFixtureMatchesContent() throws {
        let content = TestSite.repositoryRoot.appendingPathComponent("Content")
        guard FileManager.default.fileExists(atPath: content.path) else { return }
        let fixture = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil)).appendingPathComponent("sites/demo")
        for folder in ["articles", "annotations", "stories"] {
            let names = try FileManager.default.contentsOfDirectory(atPath: content.appendingPathComponent(folder).path).sorted()
            #expect(try FileManager.default.contentsOfDirectory(atPath: fixture.appendingPathComponent(folder).path).sorted() == names)
            for name in names {
                let a = try Data(contentsOf: content.appendingPathComponent(folder).appendingPathComponent(name))
                let b = try Data(contentsOf: fixture.appendingPathComponent(folder).appendingPathComponent(name))
                #expect(a == b, "Tests/DossierCoreTests/Fixtures/sites/demo/\(folder)/\(name) differs from Content/: copy it again")
            }
        }
    }

    static let article = """
        ---
        url: https://example.com/news/harbour
        ---
        Harbour reopens

        The mayor () said on Tuesday the harbour would reopen. READ MORE: Ferries The harbour of reopened after repairs, said the harbour master.

        “The harbour is open,” the harbour master said. Ships can dock at the harbour now. Café owners cheered the harbour 🚢 news.
        """

    @Test func correctionsBeforeAndInsideNotesMapToTheReceivedText() throws {
        var site = TestSite()
        site.articles["harbour.txt"] = Self.article
        site.annotations["harbour.md"] = """
        ---
        corrections:
          - {find: "The mayor () said", replace: "The mayor said"}
          - {find: "READ MORE: Ferries ", replace: ""}
          - {find: "harbour of reopened", replace: "harbour of [Valdora] reopened"}
          - {find: "Café owners", replace: "The café owners"}
        ---
        Prose.

        ### "would reopen"
        After a deletion in the same paragraph.

        ### "The harbour of Valdora reopened"
        Takes in an insertion, after a deleted passage.

        ### "Valdora"
        Only inserted text: anchored to the word it was inserted at.

        ### "the harbour master"
        The first, numbered by default.

        ### "the harbour" (5)
        The fifth.

        ### "harbour 🚢 news" (1)
        After an emoji and an insertion.
        """
        let (files, diagnostics) = site.build()
        #expect(!diagnostics.contains { $0.severity == .error }, "\(diagnostics)")
        let jsonld = try #require(files["briefings/harbour/annotations.jsonld"])
        let checked = try Self.checkSelectors(jsonld, against: Self.receivedText(ofFile: Self.article), file: "harbour.txt")
        // In text order, as numbered on the page.
        #expect(checked.exact == ["would reopen", "The harbour of reopened", "reopened", "the harbour master", "the harbour", "harbour 🚢 news"])
        #expect(Set(checked.sources) == ["https://example.com/news/harbour"])
        // "the harbour" (5) is the fifth in the corrected text, after four in the received text too.
        let text = Self.receivedText(ofFile: Self.article)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(jsonld.utf8)) as? [String: Any])
        let items = try #require((root["first"] as? [String: Any])?["items"] as? [[String: Any]])
        let fifth = try #require((items[4]["target"] as? [String: Any])?["selector"] as? [[String: Any]])
        let start = try #require(fifth[1]["start"] as? Int)
        let before = String(String.UnicodeScalarView(text[..<start]))
        #expect(before.components(separatedBy: "the harbour").count - 1 == 4)
        #expect(items.map { $0["id"] as? String } == (1...6).map { "https://example.org/desk/briefings/harbour/annotations.jsonld#note-\($0)" })
        // index.json links it and carries each note's text.
        let json = try #require(files["briefings/harbour/index.json"])
        #expect(json.contains("\"annotations\": \"annotations.jsonld\""))
        #expect(json.contains("\"markdown\": \"The fifth.\"") && json.contains("\"html\": \"\\u003cp\\u003eThe fifth.\\u003c/p\\u003e\\n\""))
    }

    @Test func aBriefingWithoutNotesHasAnEmptyCollection() throws {
        var site = TestSite()
        site.articles["plain.txt"] = "Plain\n\nNothing to say.\n"
        let jsonld = try #require(site.build().files["briefings/plain/annotations.jsonld"])
        try Self.checkSelectors(jsonld, against: Self.receivedText(ofFile: "Plain\n\nNothing to say.\n"), file: "plain.txt")
        #expect(jsonld.contains("\"total\": 0") && !jsonld.contains("\"first\""))
    }

    // MARK: No silent mistakes

    @Test func anUnquotedHeadingAmongTheNotesIsAWarning() {
        var site = TestSite()
        site.articles["ship.txt"] = "Ship\n\nThe Gigaloader sailed. It docked.\n"
        site.annotations["ship.md"] = """
        ---
        summary: S
        ---
        ## Analysis

        ### Background
        A prose heading before the notes is fine.

        ### "sailed"
        A note.

        ### Gigaloader
        Meant as a note.

        ## Sources

        ### Wire copy
        A prose heading after the notes section is fine too.
        """
        let printed = site.diagnostics()
        #expect(printed == [[
            "Content/annotations/ship.md:12:1: warning: heading 'Gigaloader' among the anchored notes is not a quoted phrase, so it starts no note",
            "Content/annotations/ship.md:12:1: note: to anchor a note to the phrase, quote it: ### \"Gigaloader\"",
            "Content/annotations/ship.md:12:1: note: as written, the heading and its text are shown with the analysis above the notes; to keep it as a heading there, move it above the first note",
        ].joined(separator: "\n")])
    }

    @Test func aPhraseFoundTwiceWithoutANumberIsAWarningListingBoth() {
        var site = TestSite()
        site.articles["ship.txt"] = "Ship\n\nThe ship sailed at dawn.\n\nLater the ship sailed again, and the crew slept.\n"
        site.annotations["ship.md"] = "---\nsummary: S\n---\n### \"ship sailed\"\nWhich one?\n\n### \"crew\"\nOnce.\n"
        #expect(site.diagnostics() == [[
            "Content/annotations/ship.md:4:1: warning: anchored phrase \"ship sailed\" occurs 2 times in Content/articles/ship.txt; the note is attached to the first",
            "Content/annotations/ship.md:4:1: note: (1) paragraph 1: \"The «ship sailed» at dawn.\"",
            "Content/annotations/ship.md:4:1: note: (2) paragraph 2: \"Later the «ship sailed» again, and the crew slept.\"",
            "Content/annotations/ship.md:4:1: note: choose one by its number: ### \"ship sailed\" (2); write (1) to keep the first",
        ].joined(separator: "\n")])
        site.annotations["ship.md"] = "---\nsummary: S\n---\n### \"ship sailed\" (1)\nThe first.\n"
        #expect(site.diagnostics().isEmpty)
        // A sibling note numbering the same phrase shows the first was chosen knowingly.
        site.annotations["ship.md"] = "---\nsummary: S\n---\n### \"ship sailed\"\nThe first.\n\n### \"ship sailed\" (2)\nThe second.\n"
        #expect(site.diagnostics().isEmpty)
    }
}
