import Foundation
import Testing
@testable import DossierCore

/// The editor's `quotes:` entries in an annotation's front matter, and what the pages, `index.json`
/// and `dossier check` make of quotes that no editor has confirmed.
@Suite struct QuoteEditorTests {
    /// A site whose one article has a directly attributed quote, one attributed through `she`, a
    /// bare one continuing it, and a false one.
    static func site(quotes: String) -> TestSite {
        var site = TestSite.sample
        site.articles["talks.txt"] = """
        Ministers meet as talks resume

        “We will be back next week,” said Ana Ruiz. The minister left early.

        “Nothing is agreed,” she said. “Nothing at all.”

        Crowds waved signs reading “Handle With Care”.
        """
        site.annotations["talks.md"] = "---\ntitle: Talks resume\n\(quotes)---\nProse.\n"
        return site
    }

    static func briefing(_ site: TestSite) -> (Briefing?, [Diagnostic]) {
        let result = SiteBuilder.build(site.tree, options: BuildOptions())
        return (result.site?.briefings.first { $0.slug == "talks" }, result.diagnostics)
    }

    @Test func detectedQuotesWithoutEditor() throws {
        let (briefing, diagnostics) = Self.briefing(Self.site(quotes: ""))
        let quotes = try #require(briefing?.quotes)
        #expect(!diagnostics.hasErrors)
        #expect(quotes.map(\.text) == ["We will be back next week,", "Nothing is agreed, … Nothing at all.", "Handle With Care"])
        #expect(quotes.map(\.speaker) == ["Ana Ruiz", "Ana Ruiz", nil])
        #expect(quotes.map(\.cue) == ["said Ana Ruiz", "she said", nil])
        #expect(quotes.map(\.isDirect) == [true, false, false])
        #expect(quotes.allSatisfy { $0.status == .unverified && $0.attributedBy == .article })
    }

    @Test func editorSetsSpeakerStatusAndDrops() throws {
        let (briefing, diagnostics) = Self.briefing(Self.site(quotes: """
            quotes:
              - {quote: "Nothing is agreed", speaker: ana-ruiz, status: verified}
              - {quote: "back next week", speaker: null, status: disputed}
              - {quote: "Handle With Care", drop: true}

            """))
        #expect(!diagnostics.hasErrors, "\(diagnostics)")
        let quotes = try #require(briefing?.quotes)
        #expect(quotes.count == 2)
        #expect(quotes[0].speaker == nil && quotes[0].entity == nil && quotes[0].status == .disputed && quotes[0].attributedBy == .editor)
        #expect(quotes[1].speaker == "Ana Ruiz" && quotes[1].status == .verified && quotes[1].attributedBy == .editor && quotes[1].isConfirmedSpeaker)
    }

    @Test func dropAndNamedSpeakerAsText() throws {
        let (briefing, diagnostics) = Self.briefing(Self.site(quotes: """
            quotes:
              - {quote: "Handle With Care", drop: true}
              - {quote: "Nothing at all", speaker: "a Valdoran official"}

            """))
        #expect(!diagnostics.hasErrors, "\(diagnostics)")
        let quotes = try #require(briefing?.quotes)
        #expect(quotes.map(\.text) == ["We will be back next week,", "Nothing is agreed, … Nothing at all."])
        #expect(quotes[1].speaker == "a Valdoran official" && quotes[1].entity == nil && quotes[1].attributedBy == .editor)
    }

    /// A `quote` matching nothing is an error at its line, with the closest quotation; a number past
    /// the quotations holding the words is one too.
    @Test func unmatchedEntriesAreLocatedErrors() {
        let site = Self.site(quotes: """
            quotes:
              - {quote: "Nothing is agred", speaker: ana-ruiz}
              - {quote: "Nothing (2)", status: verified}
              - {quote: "Nothing", status: paraphrased}
              - {quote: "", speaker: ana-ruiz}

            """)
        #expect(site.diagnostics() == [
            """
            Content/annotations/talks.md:4:5: error: quote "Nothing is agred" matches no quotation detected in Content/articles/talks.txt
            Content/annotations/talks.md:4:5: note: closest quotation: "Nothing is agreed"
            Content/annotations/talks.md:4:5: note: 'quote' must be words from inside one detected quotation; quote marks, dashes and spacing may differ, letter case may not
            """,
            """
            Content/annotations/talks.md:5:5: error: quote "Nothing" is in one detected quotation of Content/articles/talks.txt, but (2) asks for number 2
            Content/annotations/talks.md:5:5: note: use a number from 1 to 1
            """,
            """
            Content/annotations/talks.md:6:32: error: unknown quote status 'paraphrased'
            Content/annotations/talks.md:6:32: note: use one of: verified, disputed, paraphrase
            """,
            """
            Content/annotations/talks.md:7:5: error: quote entry has no 'quote' words
            Content/annotations/talks.md:7:5: note: 'quote' is a few words from the quotation as the article has them
            """,
        ])
    }

    /// `index.json` carries the status, who attributed the quote and the cue; the page marks a disputed
    /// quote; the entity's "What they said" lists only quotes named directly or by the editor.
    @Test func outputsShowStatusAndOnlyConfirmedQuotesOnEntityPages() throws {
        let unconfirmed = Self.site(quotes: "")
        let (files, diagnostics) = unconfirmed.build()
        #expect(!diagnostics.hasErrors)
        let entityPage = try #require(files["entities/ana-ruiz/index.html"])
        #expect(entityPage.contains("We will be back next week,"))
        #expect(!entityPage.contains("Nothing is agreed"))
        let quotes = try Self.exportedQuotes(files)
        #expect(quotes[1]["speaker"] as? String == "Ana Ruiz" && quotes[1]["entity"] as? String == "ana-ruiz")
        #expect(quotes[1]["cue"] as? String == "she said" && quotes[1]["status"] as? String == "unverified")
        #expect(quotes[1]["attributed_by"] as? String == "article")

        let confirmed = Self.site(quotes: "quotes:\n  - {quote: \"Nothing is agreed\", speaker: ana-ruiz, status: disputed}\n")
        let (edited, _) = confirmed.build()
        #expect(try #require(edited["entities/ana-ruiz/index.html"]).contains("Nothing is agreed"))
        let editedQuotes = try Self.exportedQuotes(edited)
        #expect(editedQuotes[1]["cue"] is NSNull && editedQuotes[1]["status"] as? String == "disputed")
        #expect(editedQuotes[1]["attributed_by"] as? String == "editor")
        let page = try #require(edited["briefings/talks/index.html"])
        #expect(page.contains(#"<span class="quote-status quote-status-disputed">disputed</span>"#))
        #expect(page.contains(#"<li id="sidebar-quote-2" class="disputed">"#))
    }

    static func exportedQuotes(_ files: [String: String]) throws -> [[String: Any]] {
        let data = Data(try #require(files["briefings/talks/index.json"]).utf8)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return try #require(object["quotes"] as? [[String: Any]])
    }

    /// `dossier check` warns at the quotation's place in the article, with the entry that confirms it.
    @Test func reviewWarnsAtTheQuotationWithTheEntryToConfirmIt() throws {
        let result = SiteBuilder.build(Self.site(quotes: "").tree, options: BuildOptions())
        let site = try #require(result.site)
        #expect(QuoteReview.warnings(in: site).map(\.description) == [
            """
            Content/articles/talks.txt:5:2: warning: quotation "Nothing is agreed, … Nothing at…" is attributed to Ana Ruiz by "she said", not by name
            Content/articles/talks.txt:5:2: note: confirm or correct it under quotes: in Content/annotations/talks.md: - {quote: "Nothing is agreed, … Nothing at", speaker: "ana-ruiz", status: verified}
            """,
        ])
        let confirmed = SiteBuilder.build(Self.site(quotes: "quotes:\n  - {quote: \"Nothing is agreed\", status: verified, speaker: ana-ruiz}\n").tree,
                                          options: BuildOptions())
        #expect(QuoteReview.warnings(in: try #require(confirmed.site)).isEmpty)
    }

    /// A slug-shaped speaker must name an entity; an entry whose words fold to nothing finds nothing.
    @Test func misspeltSlugsAndEmptyEntriesAreErrors() {
        let site = Self.site(quotes: """
            quotes:
              - {quote: "Nothing is agreed", speaker: ana-ruis}
              - {quote: "[ ]", drop: true}

            """)
        #expect(site.diagnostics() == [
            """
            Content/annotations/talks.md:4:5: error: speaker 'ana-ruis' is not an entity's slug
            Content/annotations/talks.md:4:5: note: did you mean 'ana-ruiz'?
            Content/annotations/talks.md:4:5: note: write a name with spaces ("Jane Roe") for a speaker without an entity file
            """,
            """
            Content/annotations/talks.md:5:5: error: quote entry "[ ]" has no words to find
            Content/annotations/talks.md:5:5: note: 'quote' is a few words from the quotation as the article has them; (n) counts from 1
            """,
        ])
    }

    /// Words from an article cannot end the YAML comment line `dossier new` writes them on.
    @Test func scaffoldQuotingEscapesLineBreaksAndControls() {
        #expect(AnnotationScaffold.yamlQuoted("Jane\nRoe \"J\" \\ \u{1B}") == #""Jane\nRoe \"J\" \\ \u001B""#)
    }
}
