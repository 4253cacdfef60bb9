import Testing
@testable import DossierCore

@Suite struct PipelineTests {
    @Test func sampleSiteBuildsEveryPage() throws {
        let (files, diagnostics) = TestSite.sample.build()
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        for path in [
            "index.html", "briefings/talks/index.html", "briefings/talks/index.json", "briefings/harbour/index.html",
            "entities/index.html", "entities/ana-ruiz/index.html", "entities/valdora/index.html", "tags/index.html",
            "tags/diplomacy/index.html", "tags/talks/index.html", "quotes/index.html", "404.html", "feed.xml", "sitemap.xml", "robots.txt",
        ] {
            #expect(files[path] != nil, "missing \(path)")
        }
        let index = try #require(files["index.html"])
        // Newest first: talks (2024-03-02) before the undated harbour article.
        let talks = try #require(index.range(of: "Talks resume in Valdora"))
        let harbour = try #require(index.range(of: "Harbour reopens in Valdora"))
        #expect(talks.lowerBound < harbour.lowerBound)
        #expect(index.contains(#"href="briefings/talks/""#))
    }

    @Test func briefingPageLinksEntitiesAnchorsAndInsertions() throws {
        let page = try #require(TestSite.sample.build().files["briefings/talks/index.html"])
        // First mention in the article body links; the later possessive mention does not.
        #expect(page.contains(#"<a class="entity person" href="../../entities/ana-ruiz/" title="Ana Ruiz — Foreign minister of Valdora.">Foreign Minister Ana Ruiz</a> met <ins class="editorial" title="Editorial insertion">[senior]</ins> officials of the <a class="entity organization" href="../../entities/northern-league/" title="Northern League">Northern League</a> in <a class="entity place" href="../../entities/valdora/" title="Valdora">Valdora</a> on Monday."#))
        // The quoted word sits inside the anchored phrase that contains it.
        #expect(page.contains(#"the talks <mark class="anchor" id="anchor-1">were “<span id="quote-1" class="quote fragment""#))
        #expect(page.contains(##">constructive</span>”</mark><sup class="note-ref"><a id="ref-1" href="#note-1" aria-label="Note 1">1</a></sup>."##))
        #expect(page.contains(##"<aside class="note" id="note-1" tabindex="-1" aria-label="Note 1"><a class="note-back" href="#ref-1""##))
        // Annotation prose: entity links inside cmark's AST, not in links or code.
        #expect(page.contains(#"<a href="../../entities/ana-ruiz/" title="Ana Ruiz — Foreign minister of Valdora.">Ana Ruiz</a> has staked"#))
        #expect(page.contains("<code>Valdora</code>"))
        #expect(page.contains(#"<p class="standfirst">The first meeting in a year; both sides call it <em>constructive</em>.</p>"#))
        #expect(page.contains(#"href="../../tags/diplomacy/">Diplomacy</a>"#))
        #expect(page.contains(#"<a rel="prev" href="../../briefings/harbour/"><span>Older</span> Harbour reopens in Valdora</a>"#))
    }

    @Test func jsonExportHasTheSpecKeys() throws {
        let json = try #require(TestSite.sample.build().files["briefings/talks/index.json"])
        // Counted by hand: Ana Ruiz twice in the article and once in the prose; Valdora once in the
        // article and once in the note (the `Valdora` code span does not count).
        let head = try #require(json.components(separatedBy: "  \"quotes\": ").first)
        #expect(head == """
            {
              "title": "Talks resume in Valdora",
              "published": "2024-03-02",
              "source": "Wire",
              "url": "https://example.com/talks",
              "sha256": "9f5991e74b285dbd4555c3c17bb4d76402445f57c4a90d3a1f6d6a6906780a28",
              "tags": [
                "Diplomacy",
                "talks"
              ],
              "entities": [
                {
                  "slug": "ana-ruiz",
                  "name": "Ana Ruiz",
                  "kind": "person",
                  "mentions": 3
                },
                {
                  "slug": "northern-league",
                  "name": "Northern League",
                  "kind": "organization",
                  "mentions": 2
                },
                {
                  "slug": "valdora",
                  "name": "Valdora",
                  "kind": "place",
                  "mentions": 2
                }
              ],
              "notes": [
                {
                  "phrase": "were “constructive”",
                  "occurrence": 1,
                  "paragraph": 1,
                  "markdown": "The word both sides used; Valdora’s press repeated it.",
                  "html": "\\u003cp\\u003eThe word both sides used; \\u003ca href=\\"../../entities/valdora/\\" title=\\"Valdora\\"\\u003eValdora\\u003c/a\\u003e’s press repeated it.\\u003c/p\\u003e\\n"
                }
              ],
              "annotations": "annotations.jsonld",

            """)
    }

    @Test func linkAllModeLinksEveryMention() throws {
        var site = TestSite.sample
        site.site += "link_entities: all\n"
        let page = try #require(site.build().files["briefings/talks/index.html"])
        #expect(page.contains(#"<a class="entity person" href="../../entities/ana-ruiz/" title="Ana Ruiz — Foreign minister of Valdora.">Ruiz</a>’s aides"#))
    }

    @Test func entityPageConnectsBriefings() throws {
        let page = try #require(TestSite.sample.build().files["entities/valdora/index.html"])
        #expect(page.contains("Talks resume in Valdora"))
        #expect(page.contains("Harbour reopens in Valdora"))
        #expect(page.contains(#"href="../../entities/ana-ruiz/">Ana Ruiz</a>"#), "co-mentioned entities")
    }

    @Test func draftsAreLeftOutUnlessAsked() {
        var site = TestSite.sample
        site.annotations["talks.md"] = site.annotations["talks.md"]!.replacingOccurrences(of: "tags:", with: "draft: true\ntags:")
        #expect(site.build().files["briefings/talks/index.html"] == nil)
        #expect(site.build(BuildOptions(includeDrafts: true)).files["briefings/talks/index.html"] != nil)
    }

    /// Published 2024-03-02, briefed 2024-03-03: held back on the 2nd (briefed later), shown on the 3rd.
    @Test func briefingsDatedAfterTheBuildsDateWaitUnlessAsked() throws {
        let site = TestSite.sample
        let early = BuildOptions(today: ISODate(year: 2024, month: 3, day: 2))
        let held = SiteBuilder.build(site.tree, options: early)
        #expect(held.files.first { $0.path == "briefings/talks/index.html" } == nil)
        #expect(!(held.files.first { $0.path == "index.html" }?.text.contains("Ministers meet") ?? true))
        #expect(held.site?.heldBack == 1)
        let shown = SiteBuilder.build(site.tree, options: BuildOptions(today: ISODate(year: 2024, month: 3, day: 3)))
        #expect(shown.files.contains { $0.path == "briefings/talks/index.html" })
        #expect(shown.site?.heldBack == 0)
        var future = early
        future.includeFuture = true
        #expect(SiteBuilder.build(site.tree, options: future).files.contains { $0.path == "briefings/talks/index.html" })
    }

    @Test func noInputCanInjectMarkup() throws {
        let evil = "<script>alert(1)</script>\"'&"
        // YAML single-quoted scalars double their single quotes.
        let quoted = "'" + evil.replacingOccurrences(of: "'", with: "''") + "'"
        var site = TestSite()
        site.site = "title: \(quoted)\nbase_url: https://example.org/\n"
        site.articles["x.txt"] = "---\nsource: \(quoted)\nauthor: \(quoted)\nlicense: \(quoted)\n---\n\(evil) headline\n\n\(evil) body with Evil<b>Corp</b>.\n"
        site.annotations["x.md"] = "---\ntitle: \(quoted)\nsummary: \(quoted)\ntags: [\(quoted)]\n---\n\(evil)\n\n[click](javascript:alert(1))\n\n### \"body with Evil<b>Corp</b>\"\n\(evil)\n"
        site.entities["evil.md"] = "---\nname: 'Evil<b>Corp</b>'\nkind: organization\ndescription: \(quoted)\n---\n\(evil)\n"
        let (files, diagnostics) = site.build()
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(files.count > 10)
        #expect(files["briefings/x/index.html"]?.contains("&lt;script&gt;alert(1)&lt;/script&gt;") == true)
        for (path, text) in files where path.hasSuffix(".html") || path.hasSuffix(".xml") || path.hasSuffix(".json") {
            #expect(!text.contains("<script>alert"), "\(path) contains an injected script")
            #expect(!text.contains("<b>Corp"), "\(path) contains injected markup")
            #expect(!text.contains("javascript:"), "\(path) contains a javascript: URL")
        }
    }

    @Test func outputIsDeterministic() {
        let first = SiteBuilder.build(TestSite.sample.tree).files
        let second = SiteBuilder.build(TestSite.sample.tree).files
        #expect(first == second)
        #expect(first.map(\.path) == second.map(\.path))
    }

    @Test func everyProblemIsReportedAtOnce() {
        var site = TestSite.sample
        site.site = "title: X\nbase_url: https://x.org/\nlinks_entities: first\n"
        site.annotations["orphan.md"] = "---\ntitle: Orphan\n---\nText.\n"
        site.annotations["talks.md"] = site.annotations["talks.md"]!.replacingOccurrences(of: "### \"were “constructive”\"", with: "### \"were constructiv\"")
        site.entities["ruiz-twin.md"] = "---\nname: Ruiz Twin\nkind: person\naliases: [Ruiz]\n---\n"
        #expect(site.diagnostics() == [
            """
            Content/annotations/orphan.md:1:1: error: annotation's article 'orphan.txt' does not exist
            Content/annotations/orphan.md:1:1: note: an annotation annotates articles/orphan.txt; add that article or set 'article:' in the front matter
            """,
            """
            Content/annotations/talks.md:12:1: error: anchored phrase "were constructiv" not found in Content/articles/talks.txt
            Content/annotations/talks.md:12:1: note: closest passage: "were “constructive" (paragraph 1)
            Content/annotations/talks.md:12:1: note: the phrase must appear in the article as corrected; quote marks, dashes and spacing may differ, letter case may not
            """,
            """
            Content/entities/ruiz-twin.md:4:11: error: alias 'Ruiz' of 'Ruiz Twin' is already claimed by 'Ana Ruiz' in Content/entities/ana-ruiz.md
            Content/entities/ruiz-twin.md:4:11: note: an alias can point to one entity only: remove it from one of Content/entities/ruiz-twin.md and Content/entities/ana-ruiz.md
            """,
            """
            Content/site.yml:3:1: error: unknown key 'links_entities' in site.yml
            Content/site.yml:3:1: note: did you mean 'link_entities'?
            Content/site.yml:3:1: note: valid keys in site.yml: title, description, base_url, language, author, link_entities, paginate, templates, strings
            """,
        ])
    }

    @Test func templateErrorsNameTheTemplateLine() {
        var tree = TestSite.sample.tree
        let index = tree.templates.firstIndex { $0.name == "index" }!
        tree.templates[index].file.text = "<h1>{{page.title}}</h1>\n{{#briefings}}\n<p>{{title}}</p>\n"
        tree.templates.removeAll { $0.name == "tags" }
        let diagnostics = SiteBuilder.build(tree).diagnostics.map(\.description)
        #expect(diagnostics == [
            "Templates/index.mustache:2:1: error: section 'briefings' is never closed; expected '{{/briefings}}'",
            """
            Templates/tags.mustache:1:1: error: missing template 'tags'
            Templates/tags.mustache:1:1: note: create Templates/tags.mustache, or copy it from Dossier's default Templates/ folder
            """,
        ])
    }

    /// `static/` is copied through as it is, over a template asset of the same path; a static file
    /// where Dossier writes a page of its own is an error naming the file.
    @Test func staticFilesAreCopiedAndMayNotReplaceAGeneratedPage() {
        var tree = TestSite.sample.tree
        tree.assets["assets/style.css"] = Array("theme".utf8)
        tree.staticFiles = [
            "CNAME": StaticFile(source: "static/CNAME", bytes: Array("example.org\n".utf8)),
            "assets/style.css": StaticFile(source: "static/assets/style.css", bytes: Array("mine".utf8)),
        ]
        let result = SiteBuilder.build(tree)
        let files = Dictionary(result.files.map { ($0.path, $0.bytes) }, uniquingKeysWith: { a, _ in a })
        #expect(files["CNAME"] == Array("example.org\n".utf8))
        #expect(files["assets/style.css"] == Array("mine".utf8))

        tree.staticFiles["feed.xml"] = StaticFile(source: "static/feed.xml", bytes: Array("<feed/>".utf8))
        let clashing = SiteBuilder.build(tree)
        #expect(clashing.diagnostics.map(\.description).contains(
            "static/feed.xml:1:1: error: static file 'static/feed.xml' has the path of a page Dossier generates, 'feed.xml'\n"
                + "static/feed.xml:1:1: note: rename or move it: the generated page would be lost"))
    }
}
