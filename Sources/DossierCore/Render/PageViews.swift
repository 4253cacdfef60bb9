import TypedMustache

/// What every page's layout needs: titles, the relative root, canonical URL, navigation state.
struct PageView: TemplateValue {
    var root: String
    var title: String
    var documentTitle: String
    var description: String
    var canonicalURL: String
    var language: String
    var siteTitle: String
    var section: String
    var isHome: Bool { section == "home" }
    var isEntities: Bool { section == "entities" }
    var isTags: Bool { section == "tags" }
    var isQuotes: Bool { section == "quotes" }
    var isSearch: Bool { section == "search" }

    static let fields: [String: TemplateField<Self>] = [
        "root": .text { $0.root }, "title": .text { $0.title }, "documentTitle": .text { $0.documentTitle },
        "description": .text { $0.description }, "canonicalURL": .text { $0.canonicalURL }, "language": .text { $0.language },
        "siteTitle": .text { $0.siteTitle }, "isHome": .flag { $0.isHome }, "isEntities": .flag { $0.isEntities },
        "isTags": .flag { $0.isTags }, "isQuotes": .flag { $0.isQuotes }, "isSearch": .flag { $0.isSearch },
    ]
}

struct LinkView: TemplateValue, Hashable {
    var label: String
    var url: String
    static let fields: [String: TemplateField<Self>] = ["label": .text { $0.label }, "url": .text { $0.url }]
}

struct TagLinkView: TemplateValue, Hashable {
    var name: String
    var url: String
    var count: Int
    static let fields: [String: TemplateField<Self>] = ["name": .text { $0.name }, "url": .text { $0.url }, "count": .text { $0.count }]
}

/// A briefing as a card in lists (home page, tag and entity pages).
/// Hashable: incremental rebuilds fingerprint list pages by the cards they show.
struct BriefingCardView: TemplateValue, Hashable {
    var title: String
    var url: String
    var date: String?
    var dateISO: String?
    var source: String?
    var summaryHTML: String?
    var tags: [TagLinkView]
    /// Nil when zero, so the card says nothing rather than "0 notes".
    var noteCount: Int?
    var quoteCount: Int?
    /// The article's opening words, for a card with no summary to show.
    var excerpt: String?
    var isAnnotated: Bool

    static let fields: [String: TemplateField<Self>] = [
        "title": .text { $0.title }, "url": .text { $0.url }, "date": .optional { $0.date }, "dateISO": .optional { $0.dateISO },
        "source": .optional { $0.source }, "summaryHTML": .optional { $0.summaryHTML }, "tags": .list { $0.tags },
        "hasTags": .flag { !$0.tags.isEmpty }, "noteCount": .optional { $0.noteCount }, "quoteCount": .optional { $0.quoteCount },
        "excerpt": .optional { $0.excerpt }, "isAnnotated": .flag { $0.isAnnotated },
    ]
}

/// A briefing in a list: its pre-rendered card or row and, on entity pages, how often it mentions the entity.
struct BriefingListItemView: TemplateValue {
    var html: String
    var mentions: Int?
    static let fields: [String: TemplateField<Self>] = ["cardHTML": .text { $0.html }, "rowHTML": .text { $0.html }, "mentions": .optional { $0.mentions }]
}

struct PaginationView: TemplateValue {
    var pageNumber: Int
    var pageCount: Int
    var previousURL: String?
    var nextURL: String?
    var isPaginated: Bool { pageCount > 1 }
    static let fields: [String: TemplateField<Self>] = [
        "pageNumber": .text { $0.pageNumber }, "pageCount": .text { $0.pageCount }, "previousURL": .optional { $0.previousURL },
        "nextURL": .optional { $0.nextURL }, "isPaginated": .flag { $0.isPaginated },
    ]
}

struct IndexView: TemplateValue {
    var page: PageView
    var siteDescription: String
    var briefings: [BriefingListItemView]
    var pagination: PaginationView
    static let fields: [String: TemplateField<Self>] = [
        "page": .child { $0.page }, "siteDescription": .optional { $0.siteDescription.isEmpty ? nil : $0.siteDescription },
        "briefings": .list { $0.briefings }, "pagination": .child { $0.pagination },
    ]
}

struct EntityChipView: TemplateValue, Hashable {
    var name: String
    var url: String
    var kind: String
    var mentions: Int
    var description: String?
    static let fields: [String: TemplateField<Self>] = [
        "name": .text { $0.name }, "url": .text { $0.url }, "kind": .text { $0.kind }, "mentions": .text { $0.mentions },
        "description": .optional { $0.description },
    ]
}

struct EntityGroupView: TemplateValue {
    var title: String
    var kind: String
    /// The group's `partials/entity-chip` renderings, joined.
    var entitiesHTML: String
    static let fields: [String: TemplateField<Self>] = ["title": .text { $0.title }, "kind": .text { $0.kind }, "entitiesHTML": .text { $0.entitiesHTML }]
}

struct NoteView: TemplateValue {
    var number: Int
    var phrase: String
    var html: String
    static let fields: [String: TemplateField<Self>] = ["number": .text { $0.number }, "phrase": .text { $0.phrase }, "noteHTML": .text { $0.html }]
}

struct QuoteView: TemplateValue {
    var number: Int
    var paragraphs: [String]
    var speaker: String?
    var speakerURL: String?
    var anchorURL: String
    var briefingTitle: String?
    var briefingURL: String?
    var date: String?
    /// `verified`, `disputed`, `paraphrase`; nil while unverified (the default, not worth a label).
    var status: String?
    var isDisputed: Bool
    static let fields: [String: TemplateField<Self>] = [
        "number": .text { $0.number }, "paragraphs": .list { $0.paragraphs }, "speaker": .optional { $0.speaker },
        "speakerURL": .optional { $0.speakerURL }, "anchorURL": .text { $0.anchorURL }, "briefingTitle": .optional { $0.briefingTitle },
        "briefingURL": .optional { $0.briefingURL }, "date": .optional { $0.date }, "status": .optional { $0.status },
        "isDisputed": .flag { $0.isDisputed },
    ]
}

struct BriefingView: TemplateValue {
    var page: PageView
    var title: String
    var headlineHTML: String
    var showsHeadline: Bool
    var summaryHTML: String?
    var date: String?
    var dateISO: String?
    var briefed: String?
    var briefedISO: String?
    var source: String?
    var sourceURL: String?
    var author: String?
    var license: String?
    var tags: [TagLinkView]
    var proseHTML: String?
    var bodyHTML: String
    var notes: [NoteView]
    var quotes: [QuoteView]
    var entityGroups: [EntityGroupView]
    var previous: LinkView?
    var next: LinkView?
    var isAnnotated: Bool

    static let fields: [String: TemplateField<Self>] = [
        "page": .child { $0.page }, "title": .text { $0.title }, "headlineHTML": .text { $0.headlineHTML },
        "showsHeadline": .flag { $0.showsHeadline }, "summaryHTML": .optional { $0.summaryHTML }, "date": .optional { $0.date },
        "dateISO": .optional { $0.dateISO }, "briefed": .optional { $0.briefed }, "briefedISO": .optional { $0.briefedISO },
        "source": .optional { $0.source }, "sourceURL": .optional { $0.sourceURL }, "author": .optional { $0.author },
        "license": .optional { $0.license }, "tags": .list { $0.tags }, "hasTags": .flag { !$0.tags.isEmpty },
        "proseHTML": .optional { $0.proseHTML }, "bodyHTML": .text { $0.bodyHTML }, "notes": .list { $0.notes },
        "hasNotes": .flag { !$0.notes.isEmpty }, "quotes": .list { $0.quotes }, "hasQuotes": .flag { !$0.quotes.isEmpty },
        "entityGroups": .list { $0.entityGroups }, "previous": .optional { $0.previous }, "next": .optional { $0.next },
        "isAnnotated": .flag { $0.isAnnotated },
    ]
}

/// Entities of one kind on the entities index, with descriptions.
struct EntityDirectoryGroupView: TemplateValue {
    var title: String
    var kind: String
    var entities: [EntityChipView]
    static let fields: [String: TemplateField<Self>] = ["title": .text { $0.title }, "kind": .text { $0.kind }, "entities": .list { $0.entities }]
}

struct EntityIndexView: TemplateValue {
    var page: PageView
    var groups: [EntityDirectoryGroupView]
    var count: Int
    static let fields: [String: TemplateField<Self>] = ["page": .child { $0.page }, "groups": .list { $0.groups }, "count": .text { $0.count }]
}

struct EntityView: TemplateValue {
    var page: PageView
    var name: String
    var kind: String
    var kindTitle: String
    var description: String?
    var aliases: [String]
    var aliasList: String { aliases.joined(separator: ", ") }
    var links: [LinkView]
    var notesHTML: String?
    var mentions: Int
    var briefings: [BriefingListItemView]
    var quotes: [QuoteView]
    /// Older quotes not listed on the page, if any.
    var moreQuotes: Int?
    var related: [EntityChipView]
    var pagination: PaginationView

    static let fields: [String: TemplateField<Self>] = [
        "page": .child { $0.page }, "name": .text { $0.name }, "kind": .text { $0.kind }, "kindTitle": .text { $0.kindTitle },
        "description": .optional { $0.description }, "aliases": .list { $0.aliases }, "aliasList": .text { $0.aliasList },
        "hasAliases": .flag { !$0.aliases.isEmpty }, "links": .list { $0.links }, "hasLinks": .flag { !$0.links.isEmpty },
        "notesHTML": .optional { $0.notesHTML }, "mentions": .text { $0.mentions }, "briefings": .list { $0.briefings },
        "quotes": .list { $0.quotes }, "hasQuotes": .flag { !$0.quotes.isEmpty }, "moreQuotes": .optional { $0.moreQuotes },
        "related": .list { $0.related }, "hasRelated": .flag { !$0.related.isEmpty }, "pagination": .child { $0.pagination },
    ]
}

struct TagIndexView: TemplateValue {
    var page: PageView
    var tags: [TagLinkView]
    static let fields: [String: TemplateField<Self>] = ["page": .child { $0.page }, "tags": .list { $0.tags }]
}

struct TagView: TemplateValue {
    var page: PageView
    var name: String
    var briefings: [BriefingListItemView]
    var pagination: PaginationView
    static let fields: [String: TemplateField<Self>] = [
        "page": .child { $0.page }, "name": .text { $0.name }, "briefings": .list { $0.briefings }, "pagination": .child { $0.pagination },
    ]
}

struct SpeakerQuotesView: TemplateValue {
    var name: String
    var url: String?
    var anchor: String
    var quotes: [QuoteView]
    /// Quotes left out of the list, if any.
    var more: Int?
    static let fields: [String: TemplateField<Self>] = [
        "name": .text { $0.name }, "url": .optional { $0.url }, "anchor": .text { $0.anchor }, "quotes": .list { $0.quotes },
        "more": .optional { $0.more },
    ]
}

struct QuotesIndexView: TemplateValue {
    var page: PageView
    var speakers: [SpeakerQuotesView]
    var count: Int
    static let fields: [String: TemplateField<Self>] = ["page": .child { $0.page }, "speakers": .list { $0.speakers }, "count": .text { $0.count }]
}

struct NotFoundView: TemplateValue {
    var page: PageView
    static let fields: [String: TemplateField<Self>] = ["page": .child { $0.page }]
}

struct SearchPageView: TemplateValue {
    var page: PageView
    var count: Int
    static let fields: [String: TemplateField<Self>] = ["page": .child { $0.page }, "count": .text { $0.count }]
}
