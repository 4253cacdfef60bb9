import Testing
import TypedMustache

@Suite struct TypedRendering {
    private func render(_ source: String, _ page: Page = .example, partials: [String: String] = [:]) throws -> String {
        try Template<Page>(source, named: "page", partials: partials).render(page)
    }

    @Test func interpolatesAndEscapes() throws {
        var page = Page.example
        page.bodyHTML = "<p>it's \"here\" & there</p>"
        #expect(try render("{{bodyHTML}}", page) == "&lt;p&gt;it&#39;s &quot;here&quot; &amp; there&lt;/p&gt;")
        #expect(try render("{{{bodyHTML}}}|{{&bodyHTML}}", page) == "<p>it's \"here\" & there</p>|<p>it's \"here\" & there</p>")
        #expect(try render("{{title}}, {{count}} items") == "Briefings, 2 items")
    }

    @Test func resolvesNamesUpTheStackInnermostFirst() throws {
        // `title` is on Item (inner) and Page (outer): the item's wins; `site` is only on Page.
        #expect(try render("{{#items}}{{title}} on {{site.name}} in {{count}}; {{/items}}") == "Fish &amp; &lt;Chips&gt; on Dossier in 2; Draft on Dossier in 2; ")
    }

    @Test func dottedNamesStepThroughChildren() throws {
        #expect(try render("{{site.name}} at {{site.root}}") == "Dossier at ../")
        #expect(try render("{{#site}}{{name}} / {{title}}{{/site}}") == "Dossier / Briefings")
    }

    @Test func dottedNamesThroughAMissingValueRenderNothing() throws {
        struct Holder: TemplateValue {
            var site: Site?
            static let fields: [String: TemplateField<Holder>] = ["site": .optional { $0.site }]
        }
        let template = try Template<Holder>("[{{site.name}}]{{#site}}({{root}}){{/site}}{{^site}}none{{/site}}")
        #expect(try template.render(Holder(site: Site(name: "Dossier", root: "/"))) == "[Dossier](/)")
        #expect(try template.render(Holder(site: nil)) == "[]none")
    }

    @Test func delimitersAndCommentsWorkInTypedTemplates() throws {
        #expect(try render("{{! a comment }}{{=<% %>=}}<% title %> <%{ title }%><%={{ }}=%> {{site.name}}") == "Briefings Briefings Dossier")
    }

    @Test func optionalSectionsPushTheValueWhenPresent() throws {
        let source = "{{#items}}[{{#author}}by {{.}} ({{title}}){{/author}}{{^author}}anonymous{{/author}}]{{/items}}"
        #expect(try render(source) == "[by Ann (Fish &amp; &lt;Chips&gt;)][anonymous]")
        #expect(try render("{{#items}}{{author}};{{/items}}") == "Ann;;")
        #expect(try render("{{#items}}{{#notes}}{{notes}} notes{{/notes}}{{/items}}") == "2 notes")
    }

    @Test func listSectionsRepeatAndInvertedOnesRenderWhenEmpty() throws {
        let source = "{{#items}}{{#hasTags}}<ul>{{#tags}}<li><a href=\"{{url}}\">{{name}}</a></li>{{/tags}}</ul>{{/hasTags}}{{^tags}}none{{/tags}}|{{/items}}"
        #expect(try render(source) == "<ul><li><a href=\"/tags/food/\">food</a></li></ul>|none|")
        #expect(try render("{{^items}}empty{{/items}}", Page(title: "", site: Page.example.site)) == "empty")
    }

    @Test func flagSections() throws {
        #expect(try render("{{#items}}{{#isDraft}}draft{{/isDraft}}{{^isDraft}}final{{/isDraft}} {{/items}}") == "final draft ")
    }

    @Test func partialsCompileAgainstTheScopeTheyAreUsedIn() throws {
        let partials = ["tag": "<a href=\"{{url}}\">{{name}}</a> of {{title}}"]
        #expect(try render("{{#items}}{{#tags}}{{>tag}}{{/tags}}{{/items}}", partials: partials) == "<a href=\"/tags/food/\">food</a> of Fish &amp; &lt;Chips&gt;")
    }

    @Test func standalonePartialsAreIndented() throws {
        let partials = ["list": "<ul>\n{{#items}}\n  <li>{{title}}</li>\n{{/items}}\n</ul>\n"]
        #expect(try render("<main>\n  {{>list}}\n</main>\n", partials: partials) == """
            <main>
              <ul>
                <li>Fish &amp; &lt;Chips&gt;</li>
                <li>Draft</li>
              </ul>
            </main>

            """)
    }

    @Test func parentsTakeBlockOverridesAndRenderInTheChildScope() throws {
        let partials = ["layout": "<title>{{$title}}{{site.name}}{{/title}}</title>\n<main>\n  {{$main}}\n  {{/main}}\n</main>\n"]
        let source = "{{<layout}}\n{{$title}}{{title}} · {{site.name}}{{/title}}\n{{$main}}\n<h1>{{title}}</h1>\n{{/main}}\n{{/layout}}\n"
        #expect(try render(source, partials: partials) == "<title>Briefings · Dossier</title>\n<main>\n  <h1>Briefings</h1>\n</main>\n")
        // A block opened and closed on one line is inline: the override's lines follow its own newline.
        let inline = ["layout": "<main>\n{{$main}}{{/main}}\n</main>"]
        #expect(try render(source, partials: inline) == "<main>\n<h1>Briefings</h1>\n\n</main>")
    }

    @Test func recursionThroughAChildListRendersATree() throws {
        let thread = Discussion(title: "T", comments: [
            Comment(text: "a", replies: [Comment(text: "a1", replies: [Comment(text: "a1x")]), Comment(text: "a2")]),
            Comment(text: "b"),
        ])
        let comment = "<li>{{text}} in {{title}}{{#replies}}<ul>{{>comment}}</ul>{{/replies}}</li>"
        let template = try Template<Discussion>("<ul>{{#comments}}{{>comment}}{{/comments}}</ul>", partials: ["comment": comment])
        #expect(try template.render(thread) == "<ul><li>a in T<ul><li>a1 in T<ul><li>a1x in T</li></ul></li></ul><ul><li>a2 in T</li></ul></li><li>b in T</li></ul>")
    }

    @Test func dataDeeperThanTheRecursionLimitFailsTheRenderInsteadOfTheProcess() throws {
        var deep = Comment(text: "leaf")
        for _ in 0..<2_000 { deep = Comment(text: "node", replies: [deep]) }
        let template = try Template<Discussion>("{{#comments}}{{>comment}}{{/comments}}", partials: ["comment": "{{text}}{{#replies}}{{>comment}}{{/replies}}"])
        let error = #expect(throws: TemplateError.self) { try template.render(Discussion(title: "", comments: [deep])) }
        #expect(error?.message.hasPrefix("rendering nests more than 200 levels deep through 'comment'") == true)
        #expect(error.map { "\($0.template):\($0.line):\($0.column)" } == "comment:1:21")
    }

    @Test func rendersConcurrently() async throws {
        let template = try Template<Page>("{{#items}}{{title}}{{/items}}")
        let outputs = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<8 { group.addTask { try template.render(.example) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(Set(outputs) == ["Fish &amp; &lt;Chips&gt;Draft"])
    }

    /// What a build fingerprints pages by: every template the output depends on, and no other.
    @Test func aTemplateListsTheTemplatesItWasCompiledFrom() throws {
        let partials = ["layout": "<main>{{$body}}{{/body}}</main>", "card": "<h2>{{title}}</h2>", "unused": "x"]
        let template = try Template<Page>("{{<layout}}{{$body}}{{#items}}{{>card}}{{/items}}{{/body}}{{/layout}}", named: "page", partials: partials)
        #expect(template.sources.map(\.name) == ["card", "layout", "page"])
        #expect(template.sources.map(\.text) == ["<h2>{{title}}</h2>", "<main>{{$body}}{{/body}}</main>",
                                                  "{{<layout}}{{$body}}{{#items}}{{>card}}{{/items}}{{/body}}{{/layout}}"])
    }
}
