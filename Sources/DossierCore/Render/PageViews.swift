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
    /// Open Graph's `og:type`: `article` for briefings, `website` for the rest.
    var openGraphType = "website"
    /// `og:locale` (`fr_FR`), only when `language` names a region: a bare `en` says none.
    var openGraphLocale: String? {
        let parts = language.split(whereSeparator: { $0 == "-" || $0 == "_" })
        return parts.count == 2 ? "\(parts[0].lowercased())_\(parts[1].uppercased())" : nil
    }
    /// A briefing's date and tags for `article:` meta tags, and its schema.org JSON-LD.
    var published: String?
    var articleTags: [String] = []
    var linkedData: String?
    /// A briefing's W3C Web Annotation collection, relative to the page (`<link rel="alternate">`).
    var annotationsURL: String?
    /// The site's words (`{{page.t.quotes}}`): see `SiteStrings`.
    var t: StringsView
    /// The page's own Atom feed (an entity's, tag's or story's), relative, with its title.
    var feed: LinkView?
    var isHome: Bool { section == "home" }
    var isEntities: Bool { section == "entities" }
    var isTags: Bool { section == "tags" }
    var isQuotes: Bool { section == "quotes" }
    var isSearch: Bool { section == "search" }
    var isStories: Bool { section == "stories" }

    static let fields: [String: TemplateField<Self>] = [
        "root": .text { $0.root }, "title": .text { $0.title }, "documentTitle": .text { $0.documentTitle },
        "description": .text { $0.description }, "canonicalURL": .text { $0.canonicalURL }, "language": .text { $0.language },
        "siteTitle": .text { $0.siteTitle }, "openGraphType": .text { $0.openGraphType }, "openGraphLocale": .optional { $0.openGraphLocale },
        "published": .optional { $0.published }, "articleTags": .list { $0.articleTags }, "linkedData": .optional { $0.linkedData },
        "t": .child { $0.t }, "feed": .optional { $0.feed }, "annotationsURL": .optional { $0.annotationsURL },
        "isHome": .flag { $0.isHome }, "isEntities": .flag { $0.isEntities },
        "isTags": .flag { $0.isTags }, "isQuotes": .flag { $0.isQuotes }, "isSearch": .flag { $0.isSearch }, "isStories": .flag { $0.isStories },
    ]
}

/// The site's words as template fields, one per `SiteStrings` key: a misspelt key is an error
/// when templates load, like any other name.
struct StringsView: TemplateValue {
    var strings: SiteStrings
    static let fields: [String: TemplateField<Self>] = Dictionary(uniqueKeysWithValues: SiteStrings.wordKeys.map { key in
        (key, TemplateField<Self>.text { $0.strings[key] })
    })
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
    /// "2 notes", "1 quote" in the site's language; nil when zero.
    var noteLabel: String?
    var quoteLabel: String?
    /// The tag list's accessible name.
    var tagsLabel: String
    /// The article's opening words, for a card with no summary to show.
    var excerpt: String?
    var isAnnotated: Bool
    /// "Article, not yet annotated" in the site's language, for a card without annotation.
    var statusLabel: String?

    static let fields: [String: TemplateField<Self>] = [
        "title": .text { $0.title }, "url": .text { $0.url }, "date": .optional { $0.date }, "dateISO": .optional { $0.dateISO },
        "source": .optional { $0.source }, "summaryHTML": .optional { $0.summaryHTML }, "tags": .list { $0.tags },
        "hasTags": .flag { !$0.tags.isEmpty }, "noteCount": .optional { $0.noteCount }, "quoteCount": .optional { $0.quoteCount },
        "noteLabel": .optional { $0.noteLabel }, "quoteLabel": .optional { $0.quoteLabel }, "tagsLabel": .text { $0.tagsLabel },
        "excerpt": .optional { $0.excerpt }, "isAnnotated": .flag { $0.isAnnotated }, "statusLabel": .optional { $0.statusLabel },
    ]
}

/// A briefing in a list: its pre-rendered card or row and, on entity pages, how often it mentions the entity.
struct BriefingListItemView: TemplateValue {
    var html: String
    var mentions: Int?
    /// "3 mentions" in the site's language.
    var mentionsLabel: String?
    /// On an entity's timeline: the sentence that first names it.
    var context: String?
    static let fields: [String: TemplateField<Self>] = [
        "cardHTML": .text { $0.html }, "rowHTML": .text { $0.html }, "mentions": .optional { $0.mentions }, "mentionsLabel": .optional { $0.mentionsLabel },
        "context": .optional { $0.context },
    ]
}

struct PaginationView: TemplateValue {
    var pageNumber: Int
    var pageCount: Int
    var previousURL: String?
    var nextURL: String?
    /// "Page 2 of 5" in the site's language.
    var label: String
    var isPaginated: Bool { pageCount > 1 }
    static let fields: [String: TemplateField<Self>] = [
        "pageNumber": .text { $0.pageNumber }, "pageCount": .text { $0.pageCount }, "previousURL": .optional { $0.previousURL },
        "nextURL": .optional { $0.nextURL }, "label": .text { $0.label }, "isPaginated": .flag { $0.isPaginated },
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
    /// The word the count stands for ("mentions"), for its tooltip.
    var mentionsTitle: String
    static let fields: [String: TemplateField<Self>] = [
        "name": .text { $0.name }, "url": .text { $0.url }, "kind": .text { $0.kind }, "mentions": .text { $0.mentions },
        "description": .optional { $0.description }, "mentionsTitle": .text { $0.mentionsTitle },
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
    /// "Show quote 3 in the text", for the jump link's label.
    var jumpLabel: String
    /// On its briefing page: the quote's plain-text citation, URL and fragment included.
    var citation: String? = nil
    static let fields: [String: TemplateField<Self>] = [
        "citation": .optional { $0.citation },
        "number": .text { $0.number }, "paragraphs": .list { $0.paragraphs }, "speaker": .optional { $0.speaker }, "jumpLabel": .text { $0.jumpLabel },
        "speakerURL": .optional { $0.speakerURL }, "anchorURL": .text { $0.anchorURL }, "briefingTitle": .optional { $0.briefingTitle },
        "briefingURL": .optional { $0.briefingURL }, "date": .optional { $0.date }, "status": .optional { $0.status },
        "isDisputed": .flag { $0.isDisputed },
    ]
}

/// One correction in a briefing's corrections list: what the source said, what it became, why.
struct CorrectionView: TemplateValue {
    var number: Int
    var find: String
    var replace: String
    var isDeletion: Bool
    var note: String?
    /// Where it applied: "paragraph 15" linking to `#p15`, the headline without a link.
    var places: [PlaceView]
    static let fields: [String: TemplateField<Self>] = [
        "number": .text { $0.number }, "find": .text { $0.find }, "replace": .text { $0.replace },
        "isDeletion": .flag { $0.isDeletion }, "note": .optional { $0.note }, "places": .list { $0.places },
    ]
}

/// Where a correction applied: a paragraph's label and link (none for the headline).
struct PlaceView: TemplateValue {
    var label: String
    var url: String?
    static let fields: [String: TemplateField<Self>] = ["label": .text { $0.label }, "url": .optional { $0.url }]
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
    /// The story it belongs to.
    var story: LinkView?
    /// The briefing's plain-text citation (absolute URL).
    var citation: String
    var corrections: [CorrectionView]
    /// Whether corrections changed the text, so the page offers "as received" and "as corrected".
    var hasChanges: Bool
    /// "3 corrections", the corrections list's heading.
    var correctionsLabel: String

    static let fields: [String: TemplateField<Self>] = [
        "citation": .text { $0.citation }, "corrections": .list { $0.corrections }, "hasCorrections": .flag { !$0.corrections.isEmpty },
        "hasChanges": .flag { $0.hasChanges }, "correctionsLabel": .text { $0.correctionsLabel },
        "page": .child { $0.page }, "title": .text { $0.title }, "headlineHTML": .text { $0.headlineHTML },
        "showsHeadline": .flag { $0.showsHeadline }, "summaryHTML": .optional { $0.summaryHTML }, "date": .optional { $0.date },
        "dateISO": .optional { $0.dateISO }, "briefed": .optional { $0.briefed }, "briefedISO": .optional { $0.briefedISO },
        "source": .optional { $0.source }, "sourceURL": .optional { $0.sourceURL }, "author": .optional { $0.author },
        "license": .optional { $0.license }, "tags": .list { $0.tags }, "hasTags": .flag { !$0.tags.isEmpty },
        "proseHTML": .optional { $0.proseHTML }, "bodyHTML": .text { $0.bodyHTML }, "notes": .list { $0.notes },
        "hasNotes": .flag { !$0.notes.isEmpty }, "quotes": .list { $0.quotes }, "hasQuotes": .flag { !$0.quotes.isEmpty },
        "entityGroups": .list { $0.entityGroups }, "previous": .optional { $0.previous }, "next": .optional { $0.next },
        "isAnnotated": .flag { $0.isAnnotated }, "story": .optional { $0.story },
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
    var lede: String
    static let fields: [String: TemplateField<Self>] = [
        "page": .child { $0.page }, "groups": .list { $0.groups }, "count": .text { $0.count }, "lede": .text { $0.lede },
    ]
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
    /// "12 mentions" and "… and 3 earlier quotes …" in the site's language.
    var mentionsLabel: String
    var moreQuotesLabel: String?
    var related: [EntityChipView]
    var pagination: PaginationView
    /// Page 1: the mentions chart and the co-mention graph, as inline SVG.
    var chartHTML: String?
    var graphHTML: String?

    static let fields: [String: TemplateField<Self>] = [
        "page": .child { $0.page }, "name": .text { $0.name }, "kind": .text { $0.kind }, "kindTitle": .text { $0.kindTitle },
        "description": .optional { $0.description }, "aliases": .list { $0.aliases }, "aliasList": .text { $0.aliasList },
        "hasAliases": .flag { !$0.aliases.isEmpty }, "links": .list { $0.links }, "hasLinks": .flag { !$0.links.isEmpty },
        "notesHTML": .optional { $0.notesHTML }, "mentions": .text { $0.mentions }, "briefings": .list { $0.briefings },
        "quotes": .list { $0.quotes }, "hasQuotes": .flag { !$0.quotes.isEmpty }, "moreQuotes": .optional { $0.moreQuotes },
        "mentionsLabel": .text { $0.mentionsLabel }, "moreQuotesLabel": .optional { $0.moreQuotesLabel }, "related": .list { $0.related }, "hasRelated": .flag { !$0.related.isEmpty }, "pagination": .child { $0.pagination },
        "chartHTML": .optional { $0.chartHTML }, "graphHTML": .optional { $0.graphHTML },
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
    /// "… and 3 earlier quotes" (followed, where the speaker has a page, by a link to it).
    var moreLabel: String?
    var moreWithPageLabel: String?
    static let fields: [String: TemplateField<Self>] = [
        "name": .text { $0.name }, "url": .optional { $0.url }, "anchor": .text { $0.anchor }, "quotes": .list { $0.quotes },
        "more": .optional { $0.more }, "moreLabel": .optional { $0.moreLabel }, "moreWithPageLabel": .optional { $0.moreWithPageLabel },
    ]
}

struct QuotesIndexView: TemplateValue {
    var page: PageView
    var speakers: [SpeakerQuotesView]
    var count: Int
    var lede: String
    static let fields: [String: TemplateField<Self>] = [
        "page": .child { $0.page }, "speakers": .list { $0.speakers }, "count": .text { $0.count }, "lede": .text { $0.lede },
    ]
}

struct StoryStepView: TemplateValue {
    var cardHTML: String
    var quotes: [QuoteView]
    var entering: [EntityChipView]
    var leaving: [EntityChipView]
    var newSpeakers: [EntityChipView]
    var isFirst: Bool
    static let fields: [String: TemplateField<Self>] = [
        "cardHTML": .text { $0.cardHTML }, "quotes": .list { $0.quotes }, "hasQuotes": .flag { !$0.quotes.isEmpty },
        "entering": .list { $0.entering }, "leaving": .list { $0.leaving }, "newSpeakers": .list { $0.newSpeakers },
        "hasChanges": .flag { !$0.entering.isEmpty || !$0.leaving.isEmpty || !$0.newSpeakers.isEmpty },
        "hasEntering": .flag { !$0.entering.isEmpty }, "hasLeaving": .flag { !$0.leaving.isEmpty },
        "hasNewSpeakers": .flag { !$0.newSpeakers.isEmpty }, "isFirst": .flag { $0.isFirst },
    ]
}

struct StoryView: TemplateValue {
    var page: PageView
    var title: String
    var description: String?
    var introHTML: String?
    var lede: String
    var steps: [StoryStepView]
    static let fields: [String: TemplateField<Self>] = [
        "page": .child { $0.page }, "title": .text { $0.title }, "description": .optional { $0.description },
        "introHTML": .optional { $0.introHTML }, "lede": .text { $0.lede }, "steps": .list { $0.steps },
    ]
}

struct StorySummaryView: TemplateValue {
    var title: String
    var url: String
    var description: String?
    var countLabel: String
    var span: String?
    static let fields: [String: TemplateField<Self>] = [
        "title": .text { $0.title }, "url": .text { $0.url }, "description": .optional { $0.description },
        "countLabel": .text { $0.countLabel }, "span": .optional { $0.span },
    ]
}

struct StoryIndexView: TemplateValue {
    var page: PageView
    var stories: [StorySummaryView]
    static let fields: [String: TemplateField<Self>] = ["page": .child { $0.page }, "stories": .list { $0.stories }]
}

struct NotFoundView: TemplateValue {
    var page: PageView
    static let fields: [String: TemplateField<Self>] = ["page": .child { $0.page }]
}

struct SearchPageView: TemplateValue {
    var page: PageView
    var count: Int
    var lede: String
    /// The words search.js shows, as JSON (escaped for a <script> element).
    var wordsJSON: String
    static let fields: [String: TemplateField<Self>] = [
        "page": .child { $0.page }, "count": .text { $0.count }, "lede": .text { $0.lede }, "wordsJSON": .text { $0.wordsJSON },
    ]
}
