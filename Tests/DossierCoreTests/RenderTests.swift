import Testing
@testable import DossierCore

@Suite struct RenderTests {
    @Test func overlappingSpansNestCorrectly() {
        // quote [0,20) contains anchor [5,15) which crosses link [10,18)
        var markup = InlineMarkup(text: "0123456789abcdefghijkl")
        markup.spans.append(.init(range: 0..<20, level: InlineMarkup.quoteLevel, firstOpen: "<q id=1>", open: "<q>", close: "</q>"))
        markup.spans.append(.init(range: 5..<15, level: InlineMarkup.anchorLevel, firstOpen: "<m id=2>", open: "<m>", close: "</m>"))
        markup.spans.append(.init(range: 10..<18, level: InlineMarkup.linkLevel, firstOpen: "<a>", open: "<a>", close: "</a>"))
        markup.markers.append((15, "<sup>1</sup>"))
        #expect(markup.render() == "<q id=1>01234<m id=2>56789<a>abcde</a></m><sup>1</sup><a>fgh</a>ij</q>kl")
    }

    @Test func textIsEscaped() {
        var markup = InlineMarkup(text: "<script>alert('x')</script> & \"q\"")
        markup.spans.append(.init(range: 1..<7, level: 2, firstOpen: "<b>", open: "<b>", close: "</b>"))
        #expect(markup.render() == "&lt;<b>script</b>&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;")
    }

    @Test func markdownIsSafeAndLinksEntitiesOutsideLinksAndCode() {
        let html = Markdown.html("Ruiz met [Ruiz](https://x.org) and `Ruiz`.\n\n<script>alert(1)</script>\n\n[x](javascript:alert(1))") { text in
            var links: [Markdown.InsertedLink] = []
            var search = text.utf8.startIndex
            let bytes = Array(text.utf8)
            while let r = text[search...].range(of: "Ruiz") {
                let start = text.utf8.distance(from: text.utf8.startIndex, to: r.lowerBound)
                links.append(.init(range: start..<(start + 4), url: "../../entities/ana-ruiz/", title: "Ana \"R\""))
                search = r.upperBound
            }
            _ = bytes
            return links
        }
        #expect(html == """
            <p><a href="../../entities/ana-ruiz/" title="Ana &quot;R&quot;">Ruiz</a> met <a href="https://x.org">Ruiz</a> and <code>Ruiz</code>.</p>
            <!-- raw HTML omitted -->
            <p><a href="">x</a></p>

            """)
    }

    @Test func jsonEscapesAndKeepsKeyOrder() {
        let json = JSON.object([("b", .string("</script>\n\"")), ("a", .array([.int(1), .null, .bool(true)]))])
        #expect(json.serialized() == #"{"b":"\u003c/script\u003e\n\"","a":[1,null,true]}"#)
        #expect(JSON.string("Erdoğan’s\u{2028}tab\there\u{1}\\ & “x”").serialized() == #""Erdoğan’s\u2028tab\there\u0001\\ \u0026 “x”""#)
    }
}

/// Templates whose rendering would recurse until the stack overflows are errors at load (fuzzing
/// found the first: a block nested in a block of the same name).
@Suite struct EndlessTemplateTests {
    func diagnostics(_ edits: [String: String]) -> [String] {
        var site = TestSite.sample
        site.templateEdits = edits
        return site.diagnostics().map { String($0.prefix { $0 != "\n" }) }
    }

    @Test func aBlockInsideABlockOfTheSameName() {
        var site = TestSite.sample
        site.templateEdits = ["404": ""]
        let base = TestSite.defaultTemplates.first { $0.name == "404" }!
        let lines = base.file.text.split(separator: "\n", omittingEmptySubsequences: false).count
        let found = diagnostics(["404": "{{$main}}{{$main}}x{{/main}}{{/main}}\n"])
        #expect(found.contains("Templates/404.mustache:\(lines):10: error: block 'main' is nested inside a block of the same name; rendering would never end"), "\(found)")
    }

    @Test func aPartialThatIncludesItselfOutsideASection() {
        let found = diagnostics(["partials/card": "{{>partials/card}}"])
        #expect(found.contains { $0.contains("error: template 'partials/card' includes 'partials/card', which includes 'partials/card' again") }, "\(found)")
        #expect(diagnostics(["partials/card": "{{#children}}{{>partials/card}}{{/children}}"]).allSatisfy { !$0.contains("would never end") },
                "inside a section the recursion ends with the data")
    }

    @Test func tagsAreFoundWithTheirPlace() {
        let tags = TemplateSet.tags(in: "a {{x}}\n  {{{ y }}} {{#s}}")
        #expect(tags.map(\.text) == ["x", "y", "#s"])
        #expect(tags.map { [$0.line, $0.column] } == [[1, 3], [2, 3], [2, 13]])
    }
}
