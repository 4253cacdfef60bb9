import TypedMustache

/// The render stage: a linked `Site` and its templates in, every output file out.
struct SiteRenderer: Sendable {
    let site: Site
    let pages: TemplateSet.Pages
    /// Full builds: each briefing's card (at the depth of the home page that shows it) and row (at
    /// the depth of a first list page), rendered once up front, in parallel: a large site repeats
    /// them hundreds of thousands of times. Nil in incremental rebuilds.
    private let cards: [String]?
    private let rows: [String]?
    /// Every other card and row, rendered on first use; kept across incremental rebuilds.
    private let fragments: BriefingFragmentMemory

    /// Entity chips (`partials/entity-chip`) by entity, depth and count: briefing pages show
    /// dozens each, and the same chip recurs across thousands of pages.
    private let chips = FragmentCache<ChipKey>()

    struct ChipKey: Hashable, Sendable {
        var entity: Int
        var depth: Int
        var count: Int
    }

    /// Speakers' quote lists (entity pages, the quotes page) show this many of the newest quotes.
    static let quoteListLimit = 50

    /// Entity and tag pages list this many briefings per page.
    static let listPageSize = 100

    /// Search-index rows kept across incremental rebuilds.
    private let searchRows: SearchRowCache?

    /// With `fragmentMemory` (incremental rebuilds), fragments are rendered as pages need them and
    /// kept there; without, every card and row is rendered up front.
    init(site: Site, pages: TemplateSet.Pages, searchRows: SearchRowCache? = nil, fragmentMemory: BriefingFragmentMemory? = nil) {
        self.site = site
        self.pages = pages
        self.searchRows = searchRows
        fragments = fragmentMemory ?? BriefingFragmentMemory()
        if fragmentMemory == nil {
            let paginate = site.config.paginate
            cards = concurrentMap(Array(site.briefings.indices)) {
                TemplateSet.renderText(Self.card(site.briefings[$0], depth: Self.homeDepth(of: $0, paginate: paginate)), with: pages.card)
            }
            rows = concurrentMap(site.briefings) { TemplateSet.renderText(Self.card($0, depth: 2), with: pages.row) }
        } else {
            cards = nil
            rows = nil
        }
    }

    /// Folder depth of the home page that lists briefing `b`: the first page is the site root.
    static func homeDepth(of b: Int, paginate: Int) -> Int {
        b < paginate ? 0 : 2
    }

    /// Every page as an independent job, so callers can render in parallel and write each file
    /// as soon as it exists instead of holding the whole site in memory.
    func jobs() -> [@Sendable () -> [OutputFile]] {
        keyedJobs().map(\.render)
    }

    /// The same jobs with a stable key and the templates each renders with, for incremental rebuilds.
    /// Lists are one job per page, so an edit re-renders the pages that show the briefing, not
    /// every page of a tag with thousands of briefings.
    func keyedJobs() -> [RenderJob] {
        var jobs: [RenderJob] = []
        for n in 1...Self.pageCount(site.briefings.count, size: config.paginate) {
            jobs.append(RenderJob(.index(page: n), templates: ["index", "partials/card"]) { [indexPage(n)] })
        }
        for b in site.briefings.indices {
            jobs.append(RenderJob(.briefing(site.briefings[b].slug), subject: b, templates: ["briefing", "partials/entity-chip"]) { briefingFiles(b) })
        }
        jobs.append(RenderJob(.entityIndex, templates: ["entities"]) { [entityIndexPage()] })
        for e in site.entities.indices {
            for n in 1...Self.pageCount(site.entityBriefings[e].count, size: Self.listPageSize) {
                jobs.append(RenderJob(.entity(site.entities[e].slug, page: n), subject: e, templates: ["entity", "partials/row"]) {
                    [entityPage(e, n)]
                })
            }
        }
        jobs.append(RenderJob(.tagIndex, templates: ["tags"]) { [tagIndexPage()] })
        for t in site.tags.indices {
            for n in 1...Self.pageCount(site.tags[t].briefings.count, size: Self.listPageSize) {
                jobs.append(RenderJob(.tag(site.tags[t].slug, page: n), subject: t, templates: ["tag", "partials/row"]) { [tagPage(t, n)] })
            }
        }
        jobs.append(RenderJob(.quotes, templates: ["quotes"]) { [quotesPage()] })
        jobs.append(RenderJob(.notFound, templates: ["404"]) { [notFoundPage()] })
        jobs.append(RenderJob(.search, templates: ["search"]) { [searchPage()] + SearchIndex(site: site, rows: searchRows).files() })
        jobs.append(RenderJob(.feeds, templates: []) { SiteFeeds(site: site).files() })
        return jobs
    }

    // MARK: Shared pieces

    private var config: SiteConfig { site.config }

    func pageView(path: String, title: String, description: String? = nil, section: String) -> PageView {
        let depth = SitePaths.depth(of: path)
        let canonical = config.baseURL + (path.hasSuffix("index.html") ? String(path.dropLast("index.html".count)) : path)
        return PageView(
            root: SitePaths.root(from: depth), title: title,
            documentTitle: section == "home" && title == config.title ? title : "\(title) · \(config.title)",
            description: description ?? config.description, canonicalURL: canonical, language: config.language,
            siteTitle: config.title, section: section)
    }

    static func card(_ briefing: Briefing, depth: Int) -> BriefingCardView {
        let fullQuotes = briefing.quotes.filter { !$0.isFragment }.count
        return BriefingCardView(
            title: briefing.title, url: SitePaths.briefing(briefing.slug, from: depth),
            date: briefing.date?.displayString, dateISO: briefing.date?.dateString, source: briefing.provenance.source,
            summaryHTML: briefing.summaryHTML, tags: tagLinks(briefing.tags, depth: depth),
            noteCount: briefing.notes.isEmpty ? nil : briefing.notes.count, quoteCount: fullQuotes == 0 ? nil : fullQuotes)
    }

    func cardItem(_ b: Int, depth: Int) -> BriefingListItemView {
        let html = cards.flatMap { depth == Self.homeDepth(of: b, paginate: config.paginate) ? $0[b] : nil }
        return BriefingListItemView(html: html ?? fragment(pages.card, b, depth), mentions: nil)
    }

    func rowItem(_ b: Int, depth: Int, mentions: Int? = nil) -> BriefingListItemView {
        BriefingListItemView(html: rows.flatMap { depth == 2 ? $0[b] : nil } ?? fragment(pages.row, b, depth), mentions: mentions)
    }

    /// A briefing's card or row at `depth`, kept across rebuilds under the template's name.
    private func fragment(_ template: Template<BriefingCardView>, _ b: Int, _ depth: Int) -> String {
        fragments.value(for: site.briefings[b], template: template.name, depth: depth) {
            TemplateSet.renderText(Self.card(site.briefings[b], depth: depth), with: template)
        }
    }

    static func tagLinks(_ tags: [Briefing.Tag], depth: Int) -> [TagLinkView] {
        tags.map { TagLinkView(name: $0.name, url: SitePaths.tag($0.slug, from: depth), count: 0) }
    }

    func chip(_ e: Int, depth: Int, mentions: Int) -> EntityChipView {
        Self.chip(site.entities[e], depth: depth, mentions: mentions)
    }

    static func chip(_ entity: Entity, depth: Int, mentions: Int) -> EntityChipView {
        EntityChipView(name: entity.name, url: SitePaths.entity(entity.slug, from: depth), kind: entity.kind.rawValue,
                       mentions: mentions, description: entity.description)
    }

    /// How a briefing page links to the briefings before and after it.
    static func neighbourLink(_ briefing: Briefing) -> LinkView {
        LinkView(label: briefing.title, url: SitePaths.briefing(briefing.slug, from: 2))
    }

    func chipHTML(_ e: Int, depth: Int, mentions: Int) -> String {
        chips.value(for: ChipKey(entity: e, depth: depth, count: mentions)) {
            TemplateSet.renderText(chip(e, depth: depth, mentions: mentions), with: pages.entityChip)
        }
    }

    /// Entities grouped by kind, most mentioned first, each group's chips joined once.
    func entityGroups(_ counts: [(entity: Int, count: Int)], depth: Int) -> [EntityGroupView] {
        EntityKind.allCases.compactMap { kind in
            let members = counts.filter { site.entities[$0.entity].kind == kind }
                .sorted { ($1.count, site.entities[$0.entity].name) < ($0.count, site.entities[$1.entity].name) }
            guard !members.isEmpty else { return nil }
            return EntityGroupView(title: kind.pluralTitle, kind: kind.rawValue,
                                   entitiesHTML: members.map { chipHTML($0.entity, depth: depth, mentions: $0.count) }.joined())
        }
    }

    func quoteView(_ quote: Quote, number: Int, in b: Int, depth: Int, onBriefingPage: Bool) -> QuoteView {
        let briefing = site.briefings[b]
        let briefingURL = SitePaths.briefing(briefing.slug, from: depth)
        return QuoteView(
            number: number, paragraphs: quote.text.components(separatedBy: "\n\n"),
            speaker: quote.entity.map { site.entities[$0].name } ?? quote.speaker,
            speakerURL: quote.entity.map { SitePaths.entity(site.entities[$0].slug, from: depth) },
            anchorURL: onBriefingPage ? "#quote-\(number)" : briefingURL + "#quote-\(number)",
            briefingTitle: briefing.title, briefingURL: briefingURL, date: briefing.date?.displayString,
            status: quote.status == .unverified ? nil : quote.status.rawValue, isDisputed: quote.status == .disputed)
    }

    /// Pages a list of `count` items fills, `size` to a page; an empty list still has its page.
    static func pageCount(_ count: Int, size: Int) -> Int {
        max(1, (count + size - 1) / size)
    }

    /// Positions of the items on page `n`.
    static func pageRange(_ n: Int, count: Int, size: Int) -> Range<Int> {
        min(count, (n - 1) * size)..<min(count, n * size)
    }

    /// Page `n` of `items` in pages of `size`; page 1 lives at `base`, page n at `base/page/n/`.
    func page<T>(_ n: Int, of items: [T], size: Int, base: String, render: (_ slice: ArraySlice<T>, _ path: String, _ pagination: PaginationView) -> [UInt8]) -> OutputFile {
        let pageCount = Self.pageCount(items.count, size: size)
        let path = n == 1 ? base + "index.html" : base + "page/\(n)/index.html"
        let depth = SitePaths.depth(of: path)
        func url(_ k: Int) -> String { SitePaths.prefix(depth) + base + (k == 1 ? "" : "page/\(k)/") }
        let pagination = PaginationView(pageNumber: n, pageCount: pageCount,
                                        previousURL: n > 1 ? url(n - 1) : nil, nextURL: n < pageCount ? url(n + 1) : nil)
        let slice = items[Self.pageRange(n, count: items.count, size: size)]
        return OutputFile(path: path, bytes: render(slice, path, pagination))
    }

    // MARK: Pages

    private func indexPage(_ n: Int) -> OutputFile {
        page(n, of: Array(site.briefings.indices), size: config.paginate, base: "") { slice, path, pagination in
            let depth = SitePaths.depth(of: path)
            let title = pagination.pageNumber == 1 ? config.title : "\(config.title), page \(pagination.pageNumber)"
            let view = IndexView(page: pageView(path: path, title: title, section: "home"), siteDescription: config.description,
                                 briefings: slice.map { cardItem($0, depth: depth) }, pagination: pagination)
            return TemplateSet.render(view, with: pages.index)
        }
    }

    private func briefingFiles(_ b: Int) -> [OutputFile] {
        let briefing = site.briefings[b]
        let path = SitePaths.briefing(briefing.slug)
        let article = ArticleHTML(briefing: briefing, entities: site.entities, linkMode: config.linkEntities)
        let notes = article.orderedNotes.map { NoteView(number: $0.number, phrase: $0.note.note.phrase, html: $0.html) }
        let quotes = briefing.quotes.enumerated().filter { !$0.element.isFragment }
            .map { quoteView($0.element, number: $0.offset + 1, in: b, depth: 2, onBriefingPage: true) }
        let groups = entityGroups(briefing.mentionCounts.map { ($0.key, $0.value) }, depth: 2)
        func neighbour(_ i: Int) -> LinkView? {
            site.briefings.indices.contains(i) ? Self.neighbourLink(site.briefings[i]) : nil
        }
        let headline = briefing.article.blocks.first?.text ?? ""
        let description = briefing.summaryText
        let view = BriefingView(
            page: pageView(path: path, title: briefing.title, description: description, section: "briefing"),
            title: briefing.title, headlineHTML: article.headlineHTML(),
            showsHeadline: briefing.title != headline.replacingNewlines(),
            summaryHTML: briefing.summaryHTML,
            date: briefing.date?.displayString, dateISO: briefing.date?.dateString,
            briefed: briefing.briefed?.displayString, briefedISO: briefing.briefed?.dateString,
            source: briefing.provenance.source, sourceURL: briefing.provenance.url, author: briefing.provenance.author,
            license: briefing.provenance.license, tags: Self.tagLinks(briefing.tags, depth: 2),
            proseHTML: briefing.proseHTML.isEmpty ? nil : briefing.proseHTML, bodyHTML: article.bodyHTML(),
            notes: notes, quotes: quotes, entityGroups: groups,
            // Newest first: "previous" is the older briefing, "next" the newer one.
            previous: neighbour(b + 1), next: neighbour(b - 1), isAnnotated: briefing.annotationPath != nil)
        return [
            OutputFile(path: path, bytes: TemplateSet.render(view, with: pages.briefing)),
            OutputFile(path: SitePaths.briefingJSON(briefing.slug), text: BriefingExport(briefing: briefing, entities: site.entities).json().serialized(pretty: true) + "\n"),
        ]
    }

    private func entityIndexPage() -> OutputFile {
        let path = "entities/index.html"
        var groups: [EntityDirectoryGroupView] = []
        for kind in EntityKind.allCases {
            let chips = site.entities.indices.filter { site.entities[$0].kind == kind }
                .sorted { (site.entityMentionTotals[$1], site.entities[$0].name) < (site.entityMentionTotals[$0], site.entities[$1].name) }
                .map { chip($0, depth: 1, mentions: site.entityMentionTotals[$0]) }
            if !chips.isEmpty { groups.append(EntityDirectoryGroupView(title: kind.pluralTitle, kind: kind.rawValue, entities: chips)) }
        }
        let view = EntityIndexView(page: pageView(path: path, title: "Entities", section: "entities"), groups: groups, count: site.entities.count)
        return OutputFile(path: path, bytes: TemplateSet.render(view, with: pages.entities))
    }

    private func entityPage(_ e: Int, _ n: Int) -> OutputFile {
        let entity = site.entities[e]
        // Page 1 also shows what the entity said, across all its briefings, and who it appears with.
        var quotes: [(Quote, Int, Int)] = []
        if n == 1 {
            for (b, _) in site.entityBriefings[e] {
                // Only what the article or the editor says the entity said: a quote given to it through a pronoun,
                // a role or the quotation before waits for an editor (`dossier check` lists those).
                for (q, quote) in site.briefings[b].quotes.enumerated() where quote.entity == e && quote.isConfirmedSpeaker {
                    quotes.append((quote, q + 1, b))
                }
            }
        }
        let notesHTML = Markdown.html(entity.notesMarkdown)
        return page(n, of: site.entityBriefings[e], size: Self.listPageSize, base: "entities/\(entity.slug)/") { slice, path, pagination in
            let depth = SitePaths.depth(of: path)
            let view = EntityView(
                page: pageView(path: path, title: entity.name, description: entity.description, section: "entities"),
                name: entity.name, kind: entity.kind.rawValue, kindTitle: entity.kind.rawValue.capitalized,
                description: entity.description, aliases: entity.aliases,
                links: entity.links.map { LinkView(label: $0.label, url: $0.url) },
                notesHTML: notesHTML.isEmpty ? nil : notesHTML, mentions: site.entityMentionTotals[e],
                briefings: slice.map { rowItem($0.briefing, depth: depth, mentions: $0.mentions) },
                quotes: quotes.prefix(Self.quoteListLimit).map { quoteView($0.0, number: $0.1, in: $0.2, depth: depth, onBriefingPage: false) },
                moreQuotes: quotes.count > Self.quoteListLimit ? quotes.count - Self.quoteListLimit : nil,
                related: n == 1 ? site.coMentions(of: e).map { chip($0.entity, depth: depth, mentions: $0.briefings) } : [],
                pagination: pagination)
            return TemplateSet.render(view, with: pages.entity)
        }
    }

    private func tagIndexPage() -> OutputFile {
        let path = "tags/index.html"
        let tags = site.tags.map { TagLinkView(name: $0.name, url: SitePaths.tag($0.slug, from: 1), count: $0.briefings.count) }
        return OutputFile(path: path, bytes: TemplateSet.render(TagIndexView(page: pageView(path: path, title: "Tags", section: "tags"), tags: tags), with: pages.tags))
    }

    private func tagPage(_ t: Int, _ n: Int) -> OutputFile {
        let tag = site.tags[t]
        return page(n, of: tag.briefings, size: Self.listPageSize, base: "tags/\(tag.slug)/") { slice, path, pagination in
            let depth = SitePaths.depth(of: path)
            let view = TagView(page: pageView(path: path, title: "Tagged “\(tag.name)”", section: "tags"), name: tag.name,
                               briefings: slice.map { rowItem($0, depth: depth) }, pagination: pagination)
            return TemplateSet.render(view, with: pages.tag)
        }
    }

    /// Quotes grouped by speaker, most quoted first; each speaker shows the newest
    /// `quoteListLimit` quotes and says how many more there are (a large site has thousands).
    private func quotesPage() -> OutputFile {
        let path = "quotes/index.html"
        var bySpeaker: [String: (url: String?, quotes: [(Quote, Int, Int)])] = [:]
        var count = 0
        for (b, briefing) in site.briefings.enumerated() {
            for (q, quote) in briefing.quotes.enumerated() where !quote.isFragment {
                let name = quote.entity.map { site.entities[$0].name } ?? quote.speaker ?? "Unattributed"
                bySpeaker[name, default: (quote.entity.map { SitePaths.entity(site.entities[$0].slug, from: 1) }, [])].quotes.append((quote, q + 1, b))
                count += 1
            }
        }
        var anchors: Set<String> = []
        let speakers = bySpeaker.sorted { ($1.value.quotes.count, $0.key) < ($0.value.quotes.count, $1.key) }.map { name, entry in
            var anchor = "speaker-" + (Slug.make(name).isEmpty ? "unnamed" : Slug.make(name))
            while !anchors.insert(anchor).inserted { anchor += "-x" }
            let shown = entry.quotes.prefix(Self.quoteListLimit).map { quoteView($0.0, number: $0.1, in: $0.2, depth: 1, onBriefingPage: false) }
            return SpeakerQuotesView(name: name, url: entry.url, anchor: anchor, quotes: Array(shown),
                                     more: entry.quotes.count > shown.count ? entry.quotes.count - shown.count : nil)
        }
        let view = QuotesIndexView(page: pageView(path: path, title: "Quotes", section: "quotes"), speakers: speakers, count: count)
        return OutputFile(path: path, bytes: TemplateSet.render(view, with: pages.quotes))
    }

    private func searchPage() -> OutputFile {
        let path = "search/index.html"
        let view = SearchPageView(page: pageView(path: path, title: "Search", section: "search"), count: site.briefings.count)
        return OutputFile(path: path, bytes: TemplateSet.render(view, with: pages.search))
    }

    private func notFoundPage() -> OutputFile {
        let path = "404.html"
        var page = pageView(path: path, title: "Page not found", section: "404")
        // A 404 page is served at any depth, so its links start from the site's own base path.
        page.root = SitePaths.basePath(of: config.baseURL)
        return OutputFile(path: path, bytes: TemplateSet.render(NotFoundView(page: page), with: pages.notFound))
    }
}
