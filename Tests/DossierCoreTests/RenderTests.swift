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

/// Templates are compiled against the views they render: a name that resolves to nothing, or a
/// template that would recurse forever, is an error at its place before anything renders.
@Suite struct TemplateCompileTests {
    func diagnostics(_ edits: [String: String]) -> [String] {
        var site = TestSite.sample
        site.templateEdits = edits
        return site.diagnostics()
    }

    /// `{{nmae}}` no longer renders as nothing: it names the field it meant, in its scope.
    @Test func aMisspeltNameIsAnErrorWithTheNearestField() {
        let base = TestSite.defaultTemplates.first { $0.name == "partials/card" }!
        let line = base.file.text.split(separator: "\n", omittingEmptySubsequences: false).count
        #expect(diagnostics(["partials/card": "<h2>{{titel}}</h2>{{#tags}}{{nmae}}{{/tags}}"]) == [
            """
            Templates/partials/card.mustache:\(line):5: error: no field 'titel' on BriefingCardView
            Templates/partials/card.mustache:\(line):5: note: did you mean 'title'?
            """,
            """
            Templates/partials/card.mustache:\(line):28: error: no field 'nmae' on TagLinkView or BriefingCardView
            Templates/partials/card.mustache:\(line):28: note: did you mean 'name'?
            """,
        ])
    }

    /// swift-mustache overflowed the stack on a block nested in a block of the same name (found by
    /// fuzzing); the compiled engine renders it like any block.
    @Test func aBlockInsideABlockOfTheSameNameRenders() {
        var site = TestSite.sample
        site.templateEdits = ["404": "{{$main}}{{$main}}x{{/main}}{{/main}}\n"]
        let (files, diagnostics) = site.build()
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(files["404.html"]?.hasSuffix("</html>\nx\n") == true, "\(files["404.html"]?.suffix(40) ?? "")")
    }

    @Test func aPartialThatIncludesItselfOutsideASection() {
        let base = TestSite.defaultTemplates.first { $0.name == "partials/card" }!
        let line = base.file.text.split(separator: "\n", omittingEmptySubsequences: false).count
        #expect(diagnostics(["partials/card": "{{>partials/card}}"]) == [
            "Templates/partials/card.mustache:\(line):1: error: 'partials/card' includes itself without entering a section over a child value; rendering would never end",
        ])
        #expect(diagnostics(["partials/card": "{{#tags}}{{>partials/card}}{{/tags}}"]).allSatisfy { !$0.contains("would never end") },
                "inside a section over a child value the recursion ends with the data")
    }
}
