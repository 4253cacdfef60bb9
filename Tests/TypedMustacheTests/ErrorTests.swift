import Testing
import TypedMustache

@Suite struct CompileErrors {
    /// The errors compiling `source` as `page` reports, as `template:line:column: message[; did you mean …]`.
    private func errors(_ source: String, partials: [String: String] = [:]) -> [String] {
        do {
            _ = try Template<Page>(source, named: "page", partials: partials)
            return []
        } catch {
            return error.errors.map(\.description)
        }
    }

    @Test func unknownNamesAreErrorsWithPositionAndSuggestion() {
        #expect(errors("<h1>{{title}}</h1>\n<p>{{ titel }}</p>") == ["page.mustache:2:4: no field 'titel' on Page; did you mean 'title'?"])
        #expect(errors("{{#items}}\n  {{autor}}\n{{/items}}") == ["page.mustache:2:3: no field 'autor' on Item or Page; did you mean 'author'?"])
        #expect(errors("{{site.nmae}}") == ["page.mustache:1:1: no field 'nmae' on Site; did you mean 'name'?"])
        #expect(errors("{{#items}}{{^hasTag}}-{{/hasTag}}{{/items}}") == ["page.mustache:1:11: no field 'hasTag' on Item or Page; did you mean 'hasTags'?"])
        #expect(errors("{{#itmes}}-{{/itmes}}") == ["page.mustache:1:1: no field 'itmes' on Page; did you mean 'items'?"])
        #expect(errors("{{whatever}}") == ["page.mustache:1:1: no field 'whatever' on Page"])
    }

    @Test func theErrorCarriesItsParts() throws {
        let error = try #require(#expect(throws: TemplateErrors.self) { try Template<Page>("\n\n    {{nmae}}", named: "page") }).errors.first
        #expect(error == TemplateError(template: "page", line: 3, column: 5, message: "no field 'nmae' on Page", suggestion: nil))
        let suggested = try #require(#expect(throws: TemplateErrors.self) { try Template<Tag>("{{nmae}}", named: "tag") }).errors.first
        #expect(suggested?.suggestion == "name")
    }

    @Test func everyErrorIsReportedNotJustTheFirst() {
        #expect(errors("{{titel}}\n{{#items}}{{tilte}}{{/items}}\n{{>missing}}") == [
            "page.mustache:1:1: no field 'titel' on Page; did you mean 'title'?",
            "page.mustache:2:11: no field 'tilte' on Item or Page; did you mean 'title'?",
            "page.mustache:3:1: no template named 'missing'",
        ])
    }

    @Test func errorsInPartialsPointIntoThePartial() {
        #expect(errors("{{#items}}\n{{>card}}\n{{/items}}", partials: ["card": "<h2>{{title}}</h2>\n{{#tags}}{{nme}}{{/tags}}"]) == [
            "card.mustache:2:10: no field 'nme' on Tag, Item or Page; did you mean 'name'?",
        ])
        #expect(errors("{{>crad}}", partials: ["card": ""]) == ["page.mustache:1:1: no template named 'crad'; did you mean 'card'?"])
    }

    @Test func fieldsMustBeUsedAsTheirKindAllows() {
        #expect(errors("{{items}}") == ["page.mustache:1:1: 'items' is a list, which has no text; render its elements with '{{#items}}…{{/items}}'"])
        #expect(errors("{{#title}}x{{/title}}") == ["page.mustache:1:1: 'title' is text, which cannot open a section; sections need a flag, an optional, a list or a child value"])
        #expect(errors("{{#items}}{{isDraft}}{{/items}}") == ["page.mustache:1:11: 'isDraft' is a flag, which has no text; use it as a section, as in '{{#isDraft}}…{{/isDraft}}'"])
        #expect(errors("{{site}}") == ["page.mustache:1:1: 'site' is a Site, which has no text; name one of its fields such as 'site.name'"])
        #expect(errors("{{items.title}}") == ["page.mustache:1:1: 'items' is a list; reach its elements' fields inside '{{#items}}…{{/items}}'"])
        #expect(errors("{{title.size}}") == ["page.mustache:1:1: 'title' is text, which has no field 'size'"])
        #expect(errors("{{#site}}{{.}}{{/site}}") == ["page.mustache:1:10: '.' has no text to render here: Site has no text of its own"])
    }

    @Test func syntaxErrorsHaveLineAndColumn() {
        #expect(errors("a\n  {{#items}}x") == ["page.mustache:2:3: section 'items' is never closed; expected '{{/items}}'"])
        #expect(errors("{{#items}}\n{{/tags}}") == ["page.mustache:2:1: '{{/tags}}' does not close section 'items' (opened at 1:1); expected '{{/items}}'"])
        #expect(errors("x {{/items}}") == ["page.mustache:1:3: '{{/items}}' closes nothing"])
        #expect(errors("é {{=<%>=}}") == ["page.mustache:1:3: invalid delimiter change; expected two delimiters, as in '{{=<% %>=}}'"])
        #expect(errors("{{=<% %>=}}\n<%title") == ["page.mustache:2:1: tag is never closed; expected '%>'"])
        #expect(errors("{{a b}}") == ["page.mustache:1:1: 'a b' is not a name; expected a name such as 'title', 'page.title' or '.'"])
        #expect(errors("{{<layout}}{{title}}{{/layout}}", partials: ["layout": ""]) == ["page.mustache:1:12: only block overrides ('{{$name}}') may appear inside a parent ('{{<layout}}')"])
    }

    @Test func syntaxErrorsOfEveryTemplateAreReported() throws {
        let failure = try #require(#expect(throws: TemplateErrors.self) { try TemplateLibrary(["a": "{{#x}}", "b": "{{/y}}", "c": "fine"]) })
        #expect(failure.errors.map(\.description) == [
            "a.mustache:1:1: section 'x' is never closed; expected '{{/x}}'",
            "b.mustache:1:1: '{{/y}}' closes nothing",
        ])
    }

    @Test func selfInclusionWithoutAChildSectionIsRejected() {
        #expect(errors("{{>a}}", partials: ["a": "x{{>a}}"]) == ["a.mustache:1:2: 'a' includes itself without entering a section over a child value; rendering would never end"])
        #expect(errors("{{>a}}", partials: ["a": "{{>b}}", "b": "{{#items}}{{>a}}{{/items}}{{>a}}"]) == ["b.mustache:1:27: 'a' includes itself without entering a section over a child value; rendering would never end"])
        // A flag does not change the data, so it cannot end the recursion either.
        #expect(errors("{{#items}}{{>a}}{{/items}}", partials: ["a": "{{#isDraft}}{{>a}}{{/isDraft}}"]) == ["a.mustache:1:13: 'a' includes itself without entering a section over a child value; rendering would never end"])
        #expect(errors("{{<p}}{{/p}}", partials: ["p": "{{<p}}{{/p}}"]) == ["p.mustache:1:1: 'p' includes itself without entering a section over a child value; rendering would never end"])
        #expect(errors("{{<p}}{{$b}}{{$b}}x{{/b}}{{/b}}{{/p}}", partials: ["p": "{{$b}}{{/b}}"]) == ["page.mustache:1:7: block 'b' is nested inside a block of the same name; rendering would never end"])
    }

    @Test func nestingTooDeepIsAnErrorNotACrash() {
        let deepSections = String(repeating: "{{#site}}", count: 100) + String(repeating: "{{/site}}", count: 100)
        #expect(errors(deepSections) == ["page.mustache:1:577: tags nest more than 64 levels deep"])
        var chain: [String: String] = [:]
        for index in 0..<300 { chain["p\(index)"] = "{{>p\(index + 1)}}" }
        chain["p300"] = "end"
        #expect(errors("{{>p0}}", partials: chain) == ["p63.mustache:1:1: templates nest more than 64 levels deep"])
    }

    @Test func compilingAnUnknownTemplateNamesTheNearest() throws {
        let library = try TemplateLibrary(["page": "", "layout": ""])
        let failure = try #require(#expect(throws: TemplateErrors.self) { try library.compile("pgae", for: Page.self) })
        #expect(failure.description == "pgae.mustache:1:1: no template named 'pgae'; did you mean 'page'?")
    }
}
