import TypedMustache

/// The render stage: a job's input in, its files out. Sees only the input, the site's settings,
/// the compiled templates and the fragments rendered before the pages (see `Fragments`).
struct PageRenderer: Sendable {
    let config: SiteConfig
    let pages: TemplateSet.Pages
    let fragments: Fragments

    func render(_ input: PageInput) -> [OutputFile] {
        switch input {
        case .home(let page): [homePage(page)]
        case .briefing(let page): briefingFiles(page)
        case .entityIndex(let page): [entityIndexPage(page)]
        case .entity(let page): entityFiles(page)
        case .tagIndex(let page): [tagIndexPage(page)]
        case .tag(let page): tagFiles(page)
        case .quotes(let page): [quotesPage(page)]
        case .storyIndex(let page): [storyIndexPage(page)]
        case .story(let page): storyFiles(page)
        case .search(let page): [searchPage(page)] + SearchIndex.manifestFiles(page)
        case .searchShard(let shard): [SearchIndex.shardFile(shard)]
        case .searchMeta(let meta): [SearchIndex.metaFile(meta)]
        case .feed(let feed): [SiteFeeds.atom(config: config, feed)]
        case .sitemap(let sitemap): SiteFeeds.files(config: config, sitemap)
        case .notFound: [notFoundPage()]
        case .assets(let files): files.value
        }
    }

    // MARK: Paths

    /// Page `n` of a list whose first page lives at `base`.
    static func listPath(_ base: String, _ n: Int) -> String {
        n == 1 ? base + "index.html" : base + "page/\(n)/index.html"
    }

    static func homePath(_ n: Int) -> String { listPath("", n) }
    static func entityPath(_ slug: String, _ n: Int) -> String { listPath("entities/\(slug)/", n) }
    static func tagPath(_ slug: String, _ n: Int) -> String { listPath("tags/\(slug)/", n) }

    // MARK: Shared pieces

    func pageView(path: String, title: String, description: String? = nil, section: String) -> PageView {
        let depth = SitePaths.depth(of: path)
        let canonical = config.baseURL + (path.hasSuffix("index.html") ? String(path.dropLast("index.html".count)) : path)
        return PageView(
            root: SitePaths.root(from: depth), title: title,
            documentTitle: section == "home" && title == config.title ? title : "\(title) · \(config.title)",
            description: description ?? config.description, canonicalURL: canonical, language: config.language,
            siteTitle: config.title, section: section, t: StringsView(strings: config.strings))
    }

    static func cardView(_ card: BriefingCard, depth: Int, strings: SiteStrings) -> BriefingCardView {
        BriefingCardView(
            title: Typography.curlingQuotes(card.title), url: SitePaths.briefing(card.slug, from: depth),
            date: card.date.map(strings.date), dateISO: card.date?.dateString, source: card.source,
            summaryHTML: card.summaryHTML, tags: tagLinks(card.tags, depth: depth),
            noteCount: card.noteCount == 0 ? nil : card.noteCount, quoteCount: card.quoteCount == 0 ? nil : card.quoteCount,
            noteLabel: card.noteCount == 0 ? nil : strings.count(card.noteCount, "notes"),
            quoteLabel: card.quoteCount == 0 ? nil : strings.count(card.quoteCount, "quotes"), tagsLabel: strings["tags"],
            excerpt: card.summaryHTML == nil ? card.excerpt : nil, isAnnotated: card.isAnnotated,
            statusLabel: card.isAnnotated ? nil : strings["notAnnotated"])
    }

    static func tagLinks(_ tags: [Briefing.Tag], depth: Int) -> [TagLinkView] {
        tags.map { TagLinkView(name: $0.name, url: SitePaths.tag($0.slug, from: depth), count: 0) }
    }

    static func chipView(_ face: EntityFace, depth: Int, mentions: Int, strings: SiteStrings) -> EntityChipView {
        EntityChipView(name: face.name, url: SitePaths.entity(face.slug, from: depth), kind: face.kind.rawValue,
                       mentions: mentions, description: face.description, mentionsTitle: strings["mentionsTitle"])
    }

    /// Pagination links for page `position` of the list at `base`, from a page at `depth`.
    func pagination(_ position: ListPosition, base: String, depth: Int) -> PaginationView {
        let n = position.number
        func url(_ k: Int) -> String { SitePaths.prefix(depth) + base + (k == 1 ? "" : "page/\(k)/") }
        return PaginationView(pageNumber: n, pageCount: position.count,
                              previousURL: n > 1 ? url(n - 1) : nil, nextURL: n < position.count ? url(n + 1) : nil,
                              label: pageOf(n, position.count))
    }

    /// A story's, entity's or tag's feed title: "Site: Name".
    func feedTitle(_ name: String) -> String {
        config.strings["feedOf"].filling("{site}", with: config.title).filling("{name}", with: name)
    }

    /// "Page 2 of 5" in the site's language.
    func pageOf(_ n: Int, _ count: Int) -> String {
        config.strings["pageOf"].filling("{page}", with: String(n)).filling("{count}", with: String(count))
    }

    func quoteView(_ entry: QuoteEntry, depth: Int, onBriefingPage: Bool) -> QuoteView {
        let briefingURL = SitePaths.briefing(entry.briefingSlug, from: depth)
        return QuoteView(
            number: entry.number, paragraphs: entry.text.pieces(separatedBy: "\n\n"), speaker: entry.speaker,
            speakerURL: entry.speakerSlug.map { SitePaths.entity($0, from: depth) },
            anchorURL: onBriefingPage ? "#quote-\(entry.number)" : briefingURL + "#quote-\(entry.number)",
            briefingTitle: Typography.curlingQuotes(entry.briefingTitle), briefingURL: briefingURL, date: entry.date.map(config.strings.date),
            status: entry.status == .unverified ? nil : entry.status.rawValue, isDisputed: entry.status == .disputed,
            jumpLabel: config.strings.count(entry.number, "showQuote"))
    }

    // MARK: Pages

    private func homePage(_ input: HomePage) -> OutputFile {
        let path = Self.homePath(input.position.number)
        let depth = SitePaths.depth(of: path)
        let n = input.position.number
        let view = IndexView(
            page: pageView(path: path, title: n == 1 ? config.title : "\(config.title) · \(pageOf(n, input.position.count))", section: "home"),
            siteDescription: config.description,
            briefings: input.cards.map { BriefingListItemView(html: fragments.card($0, depth: depth, row: false), mentions: nil) },
            pagination: pagination(input.position, base: "", depth: depth))
        return OutputFile(path: path, bytes: TemplateSet.render(view, with: pages.index))
    }

    private func briefingFiles(_ input: BriefingPage) -> [OutputFile] {
        let briefing = input.briefing.briefing
        let entities = EntityFaces(input.entities)
        let path = SitePaths.briefing(briefing.slug)
        let canonical = pageView(path: path, title: briefing.title, section: "briefing").canonicalURL
        let citation = Citation(config: config, briefing: briefing, url: canonical)
        let article = ArticleHTML(briefing: briefing, entities: entities, linkMode: config.linkEntities, strings: config.strings, citation: citation)
        let notes = article.orderedNotes.map { NoteView(number: $0.number, phrase: $0.note.note.phrase, html: $0.html) }
        let quotes = BriefingParts.quotes(of: briefing) { (entities[$0].value.name, entities[$0].value.slug) }.filter { !$0.isFragment }
            .map { quote in
                var view = quoteView(quote.entry.value, depth: 2, onBriefingPage: true)
                view.citation = citation.text(.quote(view.number))
                return view
            }
        let trail = CorrectionTrail(article: briefing.article)
        func neighbour(_ link: NeighbourLink?) -> LinkView? {
            link.map { LinkView(label: Typography.curlingQuotes($0.title), url: SitePaths.briefing($0.slug, from: 2)) }
        }
        let headline = briefing.article.blocks.first?.text ?? ""
        // Titles are set with typographic quotes, as summaries are; the headline as received is not.
        let title = Typography.curlingQuotes(briefing.title)
        let showsHeadline = briefing.title != headline.replacingNewlines()
        var page = pageView(path: path, title: title, description: briefing.summaryText, section: "briefing")
        page.openGraphType = "article"
        page.published = (briefing.briefed ?? briefing.date)?.rfc3339
        page.articleTags = briefing.tags.map(\.name)
        page.linkedData = LinkedData(config: config).briefing(briefing, url: page.canonicalURL, entities: entities).serialized()
        page.annotationsURL = WebAnnotations.fileName
        let view = BriefingView(
            page: page,
            title: title, headlineHTML: article.headlineHTML(curlingQuotes: !showsHeadline),
            showsHeadline: showsHeadline,
            summaryHTML: briefing.summaryHTML,
            date: briefing.date.map(config.strings.date), dateISO: briefing.date?.dateString,
            briefed: briefing.briefed.map(config.strings.date), briefedISO: briefing.briefed?.dateString,
            source: briefing.provenance.source, sourceURL: briefing.provenance.url, author: briefing.provenance.author,
            license: briefing.provenance.license, tags: Self.tagLinks(briefing.tags, depth: 2),
            proseHTML: briefing.proseHTML.isEmpty ? nil : briefing.proseHTML, bodyHTML: article.bodyHTML(),
            notes: notes, quotes: quotes, entityGroups: entityGroups(briefing.sortedMentions, entities),
            previous: neighbour(input.previous), next: neighbour(input.next), isAnnotated: briefing.annotationPath != nil,
            story: input.story.map { LinkView(label: $0.title, url: "../../stories/\($0.slug)/") },
            citation: citation.text(), corrections: correctionViews(trail),
            hasChanges: briefing.article.blocks.contains { !$0.changes.isEmpty },
            correctionsLabel: config.strings.count(trail.entries.count, "correctionsCount"))
        return [
            OutputFile(path: path, bytes: TemplateSet.render(view, with: pages.briefing)),
            OutputFile(path: SitePaths.briefingJSON(briefing.slug), bytes: BriefingExport(briefing: briefing, entities: entities, trail: trail).json().bytes(pretty: true, endingLine: true)),
            OutputFile(path: SitePaths.briefingAnnotations(briefing.slug),
                       bytes: WebAnnotations(config: config).collection(briefing, noteHTML: briefing.noteHTML, pageURL: page.canonicalURL).bytes(pretty: true, endingLine: true)),
        ]
    }

    /// The corrections list: each correction with the paragraphs it changed, each paragraph once.
    private func correctionViews(_ trail: CorrectionTrail) -> [CorrectionView] {
        trail.entries.map { entry in
            var seen = Set<Int>()
            let places = entry.places.map(\.paragraph).filter { seen.insert($0).inserted }.map { paragraph in
                paragraph == 0 ? PlaceView(label: config.strings["inHeadline"], url: nil)
                               : PlaceView(label: config.strings.numbered("inParagraph", paragraph), url: "#p\(paragraph)")
            }
            return CorrectionView(number: entry.number, find: entry.correction.find, replace: entry.correction.replace,
                                  isDeletion: entry.isDeletion, note: entry.correction.note, places: places)
        }
    }

    /// A briefing page's entities grouped by kind, most mentioned first, each group's chips joined.
    private func entityGroups(_ counts: [(entity: Int, count: Int)], _ entities: EntityFaces) -> [EntityGroupView] {
        EntityKind.allCases.compactMap { kind in
            let members = counts.map { (face: entities[$0.entity], count: $0.count) }.filter { $0.face.value.kind == kind }
                .sorted { ($1.count, $0.face.value.name) < ($0.count, $1.face.value.name) }
            guard !members.isEmpty else { return nil }
            return EntityGroupView(title: config.strings[kind.stringKeys.many], kind: kind.rawValue,
                                   entitiesHTML: members.map { fragments.chip($0.face, depth: 2, count: $0.count) }.joined())
        }
    }

    private func entityIndexPage(_ input: EntityIndexPage) -> OutputFile {
        let path = "entities/index.html"
        var groups: [EntityDirectoryGroupView] = []
        for kind in EntityKind.allCases {
            let chips = input.entities.filter { $0.item.value.kind == kind }
                .sorted { ($1.count, $0.item.value.name) < ($0.count, $1.item.value.name) }
                .map { Self.chipView($0.item.value, depth: 1, mentions: $0.count, strings: config.strings) }
            if !chips.isEmpty { groups.append(EntityDirectoryGroupView(title: config.strings[kind.stringKeys.many], kind: kind.rawValue, entities: chips)) }
        }
        let view = EntityIndexView(page: pageView(path: path, title: config.strings["entities"], section: "entities"), groups: groups,
                                   count: input.entities.count, lede: config.strings.count(input.entities.count, "entitiesLede"))
        return OutputFile(path: path, bytes: TemplateSet.render(view, with: pages.entities))
    }

    /// An entity's page and, with page 1, its feed.
    private func entityFiles(_ input: EntityPage) -> [OutputFile] {
        let entity = input.entity.value
        let path = Self.entityPath(entity.slug, input.position.number)
        let depth = SitePaths.depth(of: path)
        let notesHTML = Markdown.html(entity.notesMarkdown)
        let feedPath = "entities/\(entity.slug)/feed.xml"
        let feedTitle = feedTitle(entity.name)
        var page = pageView(path: path, title: entity.name, description: entity.description, section: "entities")
        page.feed = LinkView(label: feedTitle, url: SitePaths.prefix(depth) + feedPath)
        let related = input.related.map { Self.chipView($0.item.value, depth: depth, mentions: $0.count, strings: config.strings) }
        let view = EntityView(
            page: page,
            name: entity.name, kind: entity.kind.rawValue, kindTitle: config.strings[entity.kind.stringKeys.one],
            description: entity.description, aliases: entity.aliases,
            links: entity.links.map { LinkView(label: $0.label, url: $0.url) },
            notesHTML: notesHTML.isEmpty ? nil : notesHTML, mentions: input.mentions,
            briefings: input.rows.enumerated().map { i, row in
                BriefingListItemView(html: fragments.card(row.item, depth: depth, row: true), mentions: row.count,
                                     mentionsLabel: config.strings.count(row.count, "mentions"), context: (input.contexts[safe: i] ?? nil)?.text)
            },
            quotes: input.quotes.map { quoteView($0.value, depth: depth, onBriefingPage: false) },
            moreQuotes: input.moreQuotes > 0 ? input.moreQuotes : nil,
            mentionsLabel: config.strings.count(input.mentions, "mentions"),
            moreQuotesLabel: input.moreQuotes > 0 ? config.strings.count(input.moreQuotes, "moreQuotes") : nil,
            related: related,
            pagination: pagination(input.position, base: "entities/\(entity.slug)/", depth: depth),
            chartHTML: EntityCharts.mentions(input.chart, name: entity.name, strings: config.strings),
            graphHTML: EntityCharts.coMentions(related.map { ($0.name, $0.url, $0.kind, $0.mentions) }, name: entity.name, strings: config.strings))
        var files = [OutputFile(path: path, bytes: TemplateSet.render(view, with: pages.entity))]
        if input.position.number == 1 {
            files.append(OutputFile(path: feedPath, text: SiteFeeds.atom(config: config, title: feedTitle, subtitle: entity.description,
                                                                         page: "entities/\(entity.slug)/", feed: feedPath, entries: input.feed.map(\.value))))
        }
        return files
    }

    private func tagIndexPage(_ input: TagIndexPage) -> OutputFile {
        let path = "tags/index.html"
        let tags = input.tags.map { TagLinkView(name: $0.item.name, url: SitePaths.tag($0.item.slug, from: 1), count: $0.count) }
        return OutputFile(path: path, bytes: TemplateSet.render(TagIndexView(page: pageView(path: path, title: config.strings["tags"], section: "tags"), tags: tags), with: pages.tags))
    }

    /// A tag's page and, with page 1, its feed.
    private func tagFiles(_ input: TagPage) -> [OutputFile] {
        let path = Self.tagPath(input.tag.slug, input.position.number)
        let depth = SitePaths.depth(of: path)
        let feedPath = "tags/\(input.tag.slug)/feed.xml"
        let feedTitle = feedTitle(input.tag.name)
        var page = pageView(path: path, title: config.strings["tagged"].filling("{tag}", with: input.tag.name), section: "tags")
        page.feed = LinkView(label: feedTitle, url: SitePaths.prefix(depth) + feedPath)
        let view = TagView(page: page, name: input.tag.name,
                           briefings: input.rows.map { BriefingListItemView(html: fragments.card($0, depth: depth, row: true), mentions: nil) },
                           pagination: pagination(input.position, base: "tags/\(input.tag.slug)/", depth: depth))
        var files = [OutputFile(path: path, bytes: TemplateSet.render(view, with: pages.tag))]
        if input.position.number == 1 {
            files.append(OutputFile(path: feedPath, text: SiteFeeds.atom(config: config, title: feedTitle, subtitle: nil,
                                                                         page: "tags/\(input.tag.slug)/", feed: feedPath, entries: input.feed.map(\.value))))
        }
        return files
    }

    /// Quotes grouped by speaker, most quoted first; each speaker shows the newest
    /// `quoteListLimit` quotes and says how many more there are (a large site has thousands).
    private func quotesPage(_ input: QuotesPage) -> OutputFile {
        let path = "quotes/index.html"
        var bySpeaker: [String: (url: String?, quotes: [QuoteEntry])] = [:]
        for quote in input.quotes {
            let entry = quote.value
            let name = entry.speaker ?? Self.capitalizingFirst(config.strings["unattributed"])
            bySpeaker[name, default: (entry.speakerSlug.map { SitePaths.entity($0, from: 1) }, [])].quotes.append(entry)
        }
        var anchors: Set<String> = []
        let speakers = bySpeaker.sorted { ($1.value.quotes.count, $0.key) < ($0.value.quotes.count, $1.key) }.map { name, group in
            var anchor = "speaker-" + (Slug.make(name).isEmpty ? "unnamed" : Slug.make(name))
            while !anchors.insert(anchor).inserted { anchor += "-x" }
            let shown = group.quotes.prefix(SitePlanner.quoteListLimit).map { quoteView($0, depth: 1, onBriefingPage: false) }
            let more = group.quotes.count - shown.count
            return SpeakerQuotesView(name: name, url: group.url, anchor: anchor, quotes: Array(shown), more: more > 0 ? more : nil,
                                     moreLabel: more > 0 ? config.strings.count(more, "moreQuotes") : nil,
                                     moreWithPageLabel: more > 0 ? config.strings.count(more, "moreQuotesOf") : nil)
        }
        let view = QuotesIndexView(page: pageView(path: path, title: config.strings["quotes"], section: "quotes"), speakers: speakers,
                                   count: input.quotes.count, lede: config.strings.count(input.quotes.count, "quotesLede"))
        return OutputFile(path: path, bytes: TemplateSet.render(view, with: pages.quotes))
    }

    private func storyIndexPage(_ input: StoryIndexPage) -> OutputFile {
        let path = "stories/index.html"
        let strings = config.strings
        let stories = input.stories.map { story in
            let span: String? = switch (story.first, story.last) {
            case let (first?, last?) where first != last: "\(strings.date(first)) – \(strings.date(last))"
            case let (first?, _): strings.date(first)
            default: nil
            }
            return StorySummaryView(title: story.title, url: "\(story.slug)/", description: story.description,
                                    countLabel: strings.count(story.count, "briefingCount"), span: span)
        }
        let view = StoryIndexView(page: pageView(path: path, title: strings["stories"], section: "stories"), stories: stories)
        return OutputFile(path: path, bytes: TemplateSet.render(view, with: pages.stories))
    }

    /// A story's page and its feed.
    private func storyFiles(_ input: StoryPage) -> [OutputFile] {
        let story = input.story
        let path = "stories/\(story.slug)/index.html"
        let feedPath = "stories/\(story.slug)/feed.xml"
        let strings = config.strings
        let feedTitle = feedTitle(story.title)
        var page = pageView(path: path, title: story.title, description: story.description, section: "stories")
        page.feed = LinkView(label: feedTitle, url: "feed.xml")
        func chips(_ faces: [Hashed<EntityFace>]) -> [EntityChipView] {
            faces.map { Self.chipView($0.value, depth: 2, mentions: 0, strings: strings) }
        }
        let intro = Markdown.html(story.introMarkdown)
        let view = StoryView(
            page: page, title: story.title, description: story.description, introHTML: intro.isEmpty ? nil : intro,
            lede: strings.count(input.steps.count, "storyLede"),
            steps: input.steps.enumerated().map { i, step in
                StoryStepView(cardHTML: fragments.card(step.card, depth: 2, row: false),
                              quotes: step.quotes.map { quote in
                                  // Under its briefing's card: the quote need not name the briefing again.
                                  var view = quoteView(quote.value, depth: 2, onBriefingPage: false)
                                  view.briefingTitle = nil
                                  return view
                              },
                              entering: chips(step.entering), leaving: chips(step.leaving), newSpeakers: chips(step.newSpeakers), isFirst: i == 0)
            })
        return [
            OutputFile(path: path, bytes: TemplateSet.render(view, with: pages.story)),
            OutputFile(path: feedPath, text: SiteFeeds.atom(config: config, title: feedTitle, subtitle: story.description,
                                                            page: "stories/\(story.slug)/", feed: feedPath, entries: input.feed.map(\.value))),
        ]
    }

    private func searchPage(_ input: SearchPage) -> OutputFile {
        let path = "search/index.html"
        let strings = config.strings
        let words = JSON.object(["searchUnavailable", "searchMentions", "searchInAnalysis", "months", "dateFormat", "wordsLeftOut"].map { ($0, .string(strings[$0])) }
            + ["briefingsMatch", "entitiesMatch", "showMore"].map { key in
                (key, .array([.string(strings.forms(key).one), .string(strings.forms(key).other)]))
            } + [("zeroIsOne", .bool(strings.countsZeroAsOne))])
        let view = SearchPageView(page: pageView(path: path, title: strings["search"], section: "search"), count: input.count,
                                  lede: strings.count(input.count, "searchLede"), wordsJSON: words.serialized())
        return OutputFile(path: path, bytes: TemplateSet.render(view, with: pages.search))
    }

    private func notFoundPage() -> OutputFile {
        let path = "404.html"
        var page = pageView(path: path, title: config.strings["pageNotFound"], section: "404")
        // A 404 page is served at any depth, so its links start from the site's own base path.
        page.root = SitePaths.basePath(of: config.baseURL)
        return OutputFile(path: path, bytes: TemplateSet.render(NotFoundView(page: page), with: pages.notFound))
    }
}

/// The entities a briefing page shows, by their position in the site's entities (as mentions
/// and quotes name them).
struct EntityFaces: Sendable {
    private let byIndex: [Int: Hashed<EntityFace>]

    init(_ faces: [Hashed<EntityFace>]) {
        byIndex = Dictionary(faces.map { ($0.value.index, $0) }, uniquingKeysWith: { a, _ in a })
    }

    subscript(index: Int) -> Hashed<EntityFace> { byIndex[index]! }
}

extension PageRenderer {
    static func capitalizingFirst(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }
}

extension EntityFace {
    var linkTitle: String { Entity.linkTitle(name: name, description: description) }
}
