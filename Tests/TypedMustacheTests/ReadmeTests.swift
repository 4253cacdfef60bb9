import Testing
import TypedMustache

/// The README's example, as written there.
@Suite struct Readme {
    struct Tag: TemplateValue {
        var name: String
        static let fields: [String: TemplateField<Tag>] = ["name": .text { $0.name }]
    }

    struct Card: TemplateValue {
        var title: String
        var author: String?
        var tags: [Tag]
        static let fields: [String: TemplateField<Card>] = [
            "title": .text { $0.title },
            "author": .optional { $0.author },
            "tags": .list { $0.tags },
            "hasTags": .flag { !$0.tags.isEmpty },
        ]
    }

    @Test func example() throws {
        let library = try TemplateLibrary([
            "card": "<h2>{{title}}</h2>{{#author}} by {{.}}{{/author}}{{#hasTags}}<ul>{{#tags}}{{>tag}}{{/tags}}</ul>{{/hasTags}}",
            "tag": "<li>{{name}} ({{title}})</li>",
        ])
        let card = try library.compile("card", for: Card.self)
        let html = try card.render(Card(title: "Fish & chips", author: nil, tags: [Tag(name: "food")]))
        #expect(html == "<h2>Fish &amp; chips</h2><ul><li>food (Fish &amp; chips)</li></ul>")
        #expect(try card.render(Card(title: "T", author: "Ann", tags: [])) == "<h2>T</h2> by Ann")
    }

    @Test func misspelling() throws {
        let library = try TemplateLibrary(["card": "<h2>{{titel}}</h2>"])
        let failure = try #require(#expect(throws: TemplateErrors.self) { try library.compile("card", for: Card.self) })
        #expect(failure.description == "card.mustache:1:5: no field 'titel' on Card; did you mean 'title'?")
    }
}
