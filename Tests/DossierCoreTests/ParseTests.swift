import Testing
@testable import DossierCore

@Suite struct ParseTests {
    @Test func articleIsPlainTextNotMarkdown() throws {
        var diagnostics: [Diagnostic] = []
        let file = SourceFile(path: "Content/articles/x.txt", text: "# Not a heading *really*\n\n1. not a list\n<b>not html</b>\nsecond line\n\n\n_third_ paragraph\u{00A0}\n")
        let article = try #require(ArticleParser.parse(file, diagnostics: &diagnostics))
        #expect(diagnostics.isEmpty)
        #expect(article.headline == "# Not a heading *really*")
        #expect(article.paragraphs.map(\.text) == ["# Not a heading *really*", "1. not a list\n<b>not html</b>\nsecond line", "_third_ paragraph\u{00A0}"])
        #expect(article.paragraphs.map(\.line) == [1, 3, 8])
    }

    @Test func frontMatterLinesAreFileLines() throws {
        var diagnostics: [Diagnostic] = []
        let file = SourceFile(path: "Content/articles/x.txt", text: "---\nsource: Wire\npublished: 2024-02-30\n---\nHeadline\n\nBody.\n")
        let article = try #require(ArticleParser.parse(file, diagnostics: &diagnostics))
        #expect(article.provenance.source == "Wire")
        #expect(article.paragraphs.map(\.line) == [5, 7])
        #expect(diagnostics.map(\.description) == [
            """
            Content/articles/x.txt:3:12: error: 'published' is not a valid date: '2024-02-30'
            Content/articles/x.txt:3:12: note: write dates as ISO 8601: 2018-12-20 or 2018-12-20T14:30:00Z
            """,
        ])
    }

    @Test func unknownKeysSuggestTheNearestOne() {
        var diagnostics: [Diagnostic] = []
        let config = SiteConfigParser.parse(SourceFile(path: "Content/site.yml", text: "title: Desk\nlink_entity: all\nbase_url: example.org\n"), diagnostics: &diagnostics)
        #expect(config.title == "Desk")
        #expect(diagnostics.map(\.description) == [
            """
            Content/site.yml:2:1: error: unknown key 'link_entity' in site.yml
            Content/site.yml:2:1: note: did you mean 'link_entities'?
            Content/site.yml:2:1: note: valid keys in site.yml: title, description, base_url, language, author, link_entities, paginate, templates, strings
            """,
            """
            Content/site.yml:3:11: error: 'base_url' must be an absolute http(s) URL, got 'example.org'
            Content/site.yml:3:11: note: for example: base_url: https://example.org/briefings/
            """,
        ])
    }

    @Test func yamlSyntaxErrorPointsIntoTheFile() {
        var diagnostics: [Diagnostic] = []
        _ = AnnotationParser.parse(SourceFile(path: "Content/annotations/a.md", text: "---\ntitle: T\ntags: [a, b\n---\nBody\n"), diagnostics: &diagnostics)
        #expect(diagnostics.first?.location == SourceLocation(file: "Content/annotations/a.md", line: 3, column: 7))
        #expect(diagnostics.first?.message.hasPrefix("invalid YAML: did not find expected ',' or ']'") == true)
    }

    @Test func unclosedFrontMatter() {
        var diagnostics: [Diagnostic] = []
        _ = EntityParser.parse(SourceFile(path: "Content/entities/x.md", text: "---\nname: X\nkind: place\n"), diagnostics: &diagnostics)
        #expect(diagnostics.first?.description == """
            Content/entities/x.md:1:1: error: front matter opened with '---' is never closed
            Content/entities/x.md:1:1: note: add a line containing only '---' after the last front matter key
            """)
    }

    @Test func annotationNotesAndProse() {
        var diagnostics: [Diagnostic] = []
        let text = """
        ---
        title: T
        corrections:
          - {find: "deployed to in", replace: "deployed to [Syria] in"}
        ---
        Bottom line first.

        ## Analysis
        Prose.

        ```
        ### "inside code is not a note"
        ```

        ### "recruiting tool"
        King's framing.

        ### “deployed to” (2)
        Second one.
        """
        let annotation = AnnotationParser.parse(SourceFile(path: "Content/annotations/a.md", text: text), diagnostics: &diagnostics)
        #expect(diagnostics.isEmpty)
        #expect(annotation.articleFile == "a.txt")
        #expect(annotation.corrections == [Correction(find: "deployed to in", replace: "deployed to [Syria] in",
                                                      location: SourceLocation(file: "Content/annotations/a.md", line: 4, column: 5))])
        #expect(annotation.notes.map(\.phrase) == ["recruiting tool", "deployed to"])
        #expect(annotation.notes.map(\.occurrence) == [1, 2])
        #expect(annotation.notes.map(\.location.line) == [15, 18])
        #expect(annotation.notes[0].markdown.trimmingWhitespace() == "King's framing.")
        #expect(annotation.prose.contains("### \"inside code is not a note\""))
        #expect(!annotation.prose.contains("King's framing"))
    }

    /// Unquoted `[Syria]` is a YAML list: it must be an error, never an empty replacement that
    /// silently deletes the damaged passage.
    @Test func correctionsReadTheirFieldsLikeFrontMatter() {
        var diagnostics: [Diagnostic] = []
        let text = """
        ---
        corrections:
          - {find: "deployed to in", replace: [Syria]}
          - {find: "a", replace: "b", fnd: "c"}
          - {find: "x"}
        ---
        """
        let annotation = AnnotationParser.parse(SourceFile(path: "a.md", text: text), diagnostics: &diagnostics)
        #expect(annotation.corrections.map(\.find) == ["a"], "no correction deletes text on a typing mistake")
        #expect(diagnostics.map(\.description) == [
            "a.md:3:39: error: 'replace' must be text, not a list\na.md:3:39: note: put text that starts with [ or { in quotes: replace: \"[Syria] troops\"",
            "a.md:4:31: error: unknown key 'fnd' in a correction\na.md:4:31: note: did you mean 'find'?\na.md:4:31: note: valid keys in a correction: find, replace, note",
            "a.md:5:5: error: correction of 'x' has no 'replace'\na.md:5:5: note: use replace: \"\" to delete the text",
        ])
    }

    @Test(arguments: [
        ("### \"phrase", "anchored note heading has no closing quote"),
        ("### \"phrase\" (two)", "unexpected '(two)' after the anchored phrase"),
        ("### \"phrase\" (0)", "unexpected '(0)' after the anchored phrase"),
    ])
    func malformedNoteHeadings(heading: String, message: String) {
        var diagnostics: [Diagnostic] = []
        _ = AnnotationParser.parse(SourceFile(path: "a.md", text: "---\ntitle: T\n---\n\(heading)\nNote.\n"), diagnostics: &diagnostics)
        #expect(diagnostics.map(\.message) == [message])
        #expect(diagnostics.first?.location == SourceLocation(file: "a.md", line: 4, column: 1))
    }

    @Test func entityKindTypoAndBadLink() {
        var diagnostics: [Diagnostic] = []
        let entity = EntityParser.parse(SourceFile(path: "Content/entities/x.md", text: "---\nname: X\nkind: persn\nlinks:\n  wiki: javascript:alert(1)\n---\n"), diagnostics: &diagnostics)
        #expect(entity?.links == [])
        #expect(diagnostics.map(\.description) == [
            """
            Content/entities/x.md:3:7: error: unknown entity kind 'persn'
            Content/entities/x.md:3:7: note: did you mean 'person'?
            Content/entities/x.md:3:7: note: valid kinds: person, organization, place, event, other
            """,
            "Content/entities/x.md:5:9: error: link 'wiki' must be an absolute http(s) URL",
        ])
    }

    @Test(arguments: [
        ("2018-12-20", "2018-12-20T00:00:00Z", "20 December 2018"),
        ("2018-12-20T14:30", "2018-12-20T14:30:00Z", "20 December 2018"),
        ("2024-02-29T08:00:00+01:00", "2024-02-29T08:00:00+01:00", "29 February 2024"),
    ])
    func dates(text: String, rfc3339: String, display: String) throws {
        let date = try #require(ISODate(parsing: text))
        #expect(date.rfc3339 == rfc3339)
        #expect(date.displayString == display)
    }

    @Test(arguments: ["2023-02-29", "2018-13-01", "20-12-2018", "2018-12-20x", "yesterday"])
    func invalidDates(text: String) {
        #expect(ISODate(parsing: text) == nil)
    }

    @Test func slugs() {
        #expect(Slug.make("Middle East & Africa") == "middle-east-africa")
        #expect(Slug.make("Erdoğan’s Türkiye") == "erdogan-s-turkiye")
        #expect(Slug.make("!!!") == "")
    }
}

/// Limits that protect users: what `build` could not write is an error `check` reports, located.
@Suite struct LimitTests {
    @Test func aTagTooLongForAPageNameIsALocatedError() {
        var site = TestSite.sample
        let tag = String(repeating: "word ", count: 60)
        site.annotations["talks.md"] = "---\ntags: [ok, \"\(tag)\"]\n---\nProse.\n"
        let diagnostics = site.diagnostics()
        #expect(diagnostics.contains { $0.hasPrefix("Content/annotations/talks.md:2:7: error: tag 'word word word word word word word word …' makes a page name of 299 characters; at most 100 are allowed") },
                "\(diagnostics)")
    }

    @Test func aLongBaseURLIsALocatedError() {
        var site = TestSite.sample
        site.site = "title: T\nbase_url: https://example.org/\(String(repeating: "a", count: 1000))/\n"
        let diagnostics = site.diagnostics()
        #expect(diagnostics.contains { $0.hasPrefix("Content/site.yml:2:11: error: 'base_url' is 1021 characters long; at most 1000 are allowed") }, "\(diagnostics)")
    }

    @Test func aLongArticleFileNameIsALocatedError() {
        var site = TestSite.sample
        let stem = String(repeating: "x", count: 101)
        site.articles[stem + ".txt"] = "Headline\n\nText.\n"
        #expect(site.diagnostics().contains { $0.hasPrefix("Content/articles/\(stem).txt:1:1: error: the file name makes a page name of 101 characters; at most 100 are allowed") })
    }
}
