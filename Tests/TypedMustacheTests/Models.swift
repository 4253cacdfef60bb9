import TypedMustache

struct Tag: TemplateValue {
    var name: String
    var url: String

    static let fields: [String: TemplateField<Tag>] = [
        "name": .text { $0.name },
        "url": .text { $0.url },
    ]
}

struct Site: TemplateValue {
    var name: String
    var root: String

    static let fields: [String: TemplateField<Site>] = [
        "name": .text { $0.name },
        "root": .text { $0.root },
    ]
}

struct Item: TemplateValue {
    var title: String
    var author: String?
    var tags: [Tag] = []
    var isDraft = false
    var notes: Int?

    static let fields: [String: TemplateField<Item>] = [
        "title": .text { $0.title },
        "author": .optional { $0.author },
        "tags": .list { $0.tags },
        "hasTags": .flag { !$0.tags.isEmpty },
        "isDraft": .flag { $0.isDraft },
        "notes": .optional { $0.notes },
    ]
}

struct Page: TemplateValue {
    var title: String
    var site: Site
    var items: [Item] = []
    var lede: String?
    var bodyHTML = ""

    static let fields: [String: TemplateField<Page>] = [
        "title": .text { $0.title },
        "site": .child { $0.site },
        "items": .list { $0.items },
        "count": .text { $0.items.count },
        "lede": .optional { $0.lede },
        "bodyHTML": .text { $0.bodyHTML },
    ]
}

/// A tree, for recursion through a partial.
struct Comment: TemplateValue {
    var text: String
    var replies: [Comment] = []

    static let fields: [String: TemplateField<Comment>] = [
        "text": .text { $0.text },
        "replies": .list { $0.replies },
    ]
}

struct Discussion: TemplateValue {
    var title: String
    var comments: [Comment]

    static let fields: [String: TemplateField<Discussion>] = [
        "title": .text { $0.title },
        "comments": .list { $0.comments },
    ]
}

extension Page {
    static let example = Page(
        title: "Briefings", site: Site(name: "Dossier", root: "../"),
        items: [
            Item(title: "Fish & <Chips>", author: "Ann", tags: [Tag(name: "food", url: "/tags/food/")], notes: 2),
            Item(title: "Draft", isDraft: true),
        ])
}
