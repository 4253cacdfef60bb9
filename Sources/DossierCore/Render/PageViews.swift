/// What every page's layout needs: titles, the relative root, canonical URL, navigation state.
struct PageView: ViewModel {
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

    static let fields: [String: PartialKeyPath<Self>] = [
        "root": \.root, "title": \.title, "documentTitle": \.documentTitle, "description": \.description,
        "canonicalURL": \.canonicalURL, "language": \.language, "siteTitle": \.siteTitle,
        "isHome": \.isHome, "isEntities": \.isEntities, "isTags": \.isTags, "isQuotes": \.isQuotes, "isSearch": \.isSearch,
    ]
}

struct LinkView: ViewModel, Hashable {
    var label: String
    var url: String
    static let fields: [String: PartialKeyPath<Self>] = ["label": \.label, "url": \.url]
}

struct TagLinkView: ViewModel, Hashable {
    var name: String
    var url: String
    var count: Int
    static let fields: [String: PartialKeyPath<Self>] = ["name": \.name, "url": \.url, "count": \.count]
}

/// A briefing as a card in lists (home page, tag and entity pages).
/// Hashable: incremental rebuilds fingerprint list pages by the cards they show.
struct BriefingCardView: ViewModel, Hashable {
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

    static let fields: [String: PartialKeyPath<Self>] = [
        "title": \.title, "url": \.url, "date": \.date, "dateISO": \.dateISO, "source": \.source, "summaryHTML": \.summaryHTML,
        "tags": \.tags, "noteCount": \.noteCount, "quoteCount": \.quoteCount,
    ]
}

/// A briefing in a list: its pre-rendered card or row and, on entity pages, how often it mentions the entity.
struct BriefingListItemView: ViewModel {
    var html: String
    var mentions: Int?
    static let fields: [String: PartialKeyPath<Self>] = ["cardHTML": \.html, "rowHTML": \.html, "mentions": \.mentions]
}

struct PaginationView: ViewModel {
    var pageNumber: Int
    var pageCount: Int
    var previousURL: String?
    var nextURL: String?
    var isPaginated: Bool { pageCount > 1 }
    static let fields: [String: PartialKeyPath<Self>] = [
        "pageNumber": \.pageNumber, "pageCount": \.pageCount, "previousURL": \.previousURL, "nextURL": \.nextURL, "isPaginated": \.isPaginated,
    ]
}

struct IndexView: ViewModel {
    var page: PageView
    var siteDescription: String
    var briefings: [BriefingListItemView]
    var pagination: PaginationView
    static let fields: [String: PartialKeyPath<Self>] = [
        "page": \.page, "siteDescription": \.siteDescription, "briefings": \.briefings, "pagination": \.pagination,
    ]
}

struct EntityChipView: ViewModel, Hashable {
    var name: String
    var url: String
    var kind: String
    var mentions: Int
    var description: String?
    static let fields: [String: PartialKeyPath<Self>] = [
        "name": \.name, "url": \.url, "kind": \.kind, "mentions": \.mentions, "description": \.description,
    ]
}

struct EntityGroupView: ViewModel {
    var title: String
    var kind: String
    /// The group's `partials/entity-chip` renderings, joined.
    var entitiesHTML: String
    static let fields: [String: PartialKeyPath<Self>] = ["title": \.title, "kind": \.kind, "entitiesHTML": \.entitiesHTML]
}

struct NoteView: ViewModel {
    var number: Int
    var phrase: String
    var html: String
    static let fields: [String: PartialKeyPath<Self>] = ["number": \.number, "phrase": \.phrase, "noteHTML": \.html]
}

struct QuoteView: ViewModel {
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
    static let fields: [String: PartialKeyPath<Self>] = [
        "number": \.number, "paragraphs": \.paragraphs, "speaker": \.speaker, "speakerURL": \.speakerURL,
        "anchorURL": \.anchorURL, "briefingTitle": \.briefingTitle, "briefingURL": \.briefingURL, "date": \.date,
        "status": \.status, "isDisputed": \.isDisputed,
    ]
}

struct BriefingView: ViewModel {
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

    static let fields: [String: PartialKeyPath<Self>] = [
        "page": \.page, "title": \.title, "headlineHTML": \.headlineHTML, "showsHeadline": \.showsHeadline, "summaryHTML": \.summaryHTML,
        "date": \.date, "dateISO": \.dateISO, "briefed": \.briefed, "briefedISO": \.briefedISO, "source": \.source,
        "sourceURL": \.sourceURL, "author": \.author, "license": \.license, "tags": \.tags, "proseHTML": \.proseHTML,
        "bodyHTML": \.bodyHTML, "notes": \.notes, "quotes": \.quotes, "entityGroups": \.entityGroups,
        "previous": \.previous, "next": \.next, "isAnnotated": \.isAnnotated,
    ]
}

/// Entities of one kind on the entities index, with descriptions.
struct EntityDirectoryGroupView: ViewModel {
    var title: String
    var kind: String
    var entities: [EntityChipView]
    static let fields: [String: PartialKeyPath<Self>] = ["title": \.title, "kind": \.kind, "entities": \.entities]
}

struct EntityIndexView: ViewModel {
    var page: PageView
    var groups: [EntityDirectoryGroupView]
    var count: Int
    static let fields: [String: PartialKeyPath<Self>] = ["page": \.page, "groups": \.groups, "count": \.count]
}

struct EntityView: ViewModel {
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

    static let fields: [String: PartialKeyPath<Self>] = [
        "page": \.page, "name": \.name, "kind": \.kind, "kindTitle": \.kindTitle, "description": \.description,
        "aliases": \.aliases, "aliasList": \.aliasList, "links": \.links, "notesHTML": \.notesHTML, "mentions": \.mentions, "briefings": \.briefings,
        "quotes": \.quotes, "moreQuotes": \.moreQuotes, "related": \.related, "pagination": \.pagination,
    ]
}

struct TagIndexView: ViewModel {
    var page: PageView
    var tags: [TagLinkView]
    static let fields: [String: PartialKeyPath<Self>] = ["page": \.page, "tags": \.tags]
}

struct TagView: ViewModel {
    var page: PageView
    var name: String
    var briefings: [BriefingListItemView]
    var pagination: PaginationView
    static let fields: [String: PartialKeyPath<Self>] = ["page": \.page, "name": \.name, "briefings": \.briefings, "pagination": \.pagination]
}

struct SpeakerQuotesView: ViewModel {
    var name: String
    var url: String?
    var anchor: String
    var quotes: [QuoteView]
    /// Quotes left out of the list, if any.
    var more: Int?
    static let fields: [String: PartialKeyPath<Self>] = ["name": \.name, "url": \.url, "anchor": \.anchor, "quotes": \.quotes, "more": \.more]
}

struct QuotesIndexView: ViewModel {
    var page: PageView
    var speakers: [SpeakerQuotesView]
    var count: Int
    static let fields: [String: PartialKeyPath<Self>] = ["page": \.page, "speakers": \.speakers, "count": \.count]
}

struct NotFoundView: ViewModel {
    var page: PageView
    static let fields: [String: PartialKeyPath<Self>] = ["page": \.page]
}

struct SearchPageView: ViewModel {
    var page: PageView
    var count: Int
    static let fields: [String: PartialKeyPath<Self>] = ["page": \.page, "count": \.count]
}
