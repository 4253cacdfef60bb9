import TypedMustache

/// The site's Mustache templates, each page template compiled once against the view it renders:
/// a name that resolves to nothing, a syntax error or a template that would recurse forever is an
/// error at `Templates/x.mustache:L:C` before anything renders, and rendering does no name lookups.
struct TemplateSet: Sendable {
    /// Templates every build needs; a missing one is an error naming the file to create.
    static let required = ["layout", "index", "briefing", "entities", "entity", "tags", "tag", "quotes", "404", "search", "story", "stories", "partials/card", "partials/row", "partials/entity-chip"]

    /// One compiled template per page kind; nil only when the set has errors (and nothing renders).
    struct Pages: Sendable {
        var index: Template<IndexView>
        var briefing: Template<BriefingView>
        var entities: Template<EntityIndexView>
        var entity: Template<EntityView>
        var tags: Template<TagIndexView>
        var tag: Template<TagView>
        var quotes: Template<QuotesIndexView>
        var search: Template<SearchPageView>
        var notFound: Template<NotFoundView>
        var story: Template<StoryView>
        var stories: Template<StoryIndexView>
        var card: Template<BriefingCardView>
        var row: Template<BriefingCardView>
        var entityChip: Template<EntityChipView>

        /// A hash of the texts of every template a job's pages are rendered from: its page
        /// template with the partials and parents it includes, and the fragments it shows.
        func sourceHash(for input: PageInput) -> Int {
            switch input {
            case .home: hashes.home
            case .briefing: hashes.briefing
            case .entityIndex: hashes.entities
            case .entity: hashes.entity
            case .tagIndex: hashes.tags
            case .tag: hashes.tag
            case .quotes: hashes.quotes
            case .search: hashes.search
            case .notFound: hashes.notFound
            case .story: hashes.story
            case .storyIndex: hashes.stories
            case .feed, .sitemap, .assets, .searchShard, .searchMeta: 0
            }
        }

        fileprivate var hashes = SourceHashes()
    }

    fileprivate struct SourceHashes: Sendable {
        var home = 0, briefing = 0, entities = 0, entity = 0, tags = 0, tag = 0, quotes = 0, search = 0, notFound = 0, story = 0, stories = 0
    }

    private static func hash(_ sources: [(name: String, text: String)]...) -> Int {
        var h = Hasher()
        for (name, text) in sources.joined() {
            h.combine(name)
            h.combine(text)
        }
        return h.finalize()
    }

    let pages: Pages?

    init(_ sources: [TemplateSource], diagnostics: inout [Diagnostic]) {
        let paths = Dictionary(sources.map { ($0.name, $0.file.path) }, uniquingKeysWith: { a, _ in a })
        let names = Set(paths.keys)
        var missing = false
        for name in Self.required where !names.contains(name) {
            missing = true
            diagnostics.append(.error(.render, "missing template '\(name)'", at: SourceLocation(file: "Templates/\(name).mustache"),
                                      notes: ["create Templates/\(name).mustache, or copy it from Dossier's default Templates/ folder"]))
        }
        let library: TemplateLibrary
        do {
            library = try TemplateLibrary(Dictionary(sources.map { ($0.name, $0.file.text) }, uniquingKeysWith: { a, _ in a }))
        } catch {
            diagnostics += error.errors.map { Self.diagnostic($0, paths) }
            pages = nil
            return
        }
        guard !missing else {
            pages = nil
            return
        }
        var errors: [TemplateError] = []
        func compile<V: TemplateValue>(_ name: String, _: V.Type) -> Template<V>? {
            do {
                return try library.compile(name, for: V.self)
            } catch {
                // A partial's error shows once, however many page templates include it.
                for found in error.errors where !errors.contains(found) { errors.append(found) }
                return nil
            }
        }
        let compiled = (
            compile("index", IndexView.self), compile("briefing", BriefingView.self), compile("entities", EntityIndexView.self),
            compile("entity", EntityView.self), compile("tags", TagIndexView.self), compile("tag", TagView.self),
            compile("quotes", QuotesIndexView.self), compile("search", SearchPageView.self), compile("404", NotFoundView.self),
            compile("partials/card", BriefingCardView.self), compile("partials/row", BriefingCardView.self),
            compile("partials/entity-chip", EntityChipView.self), compile("story", StoryView.self), compile("stories", StoryIndexView.self))
        diagnostics += errors.map { Self.diagnostic($0, paths) }
        guard let index = compiled.0, let briefing = compiled.1, let entities = compiled.2, let entity = compiled.3, let tags = compiled.4,
              let tag = compiled.5, let quotes = compiled.6, let search = compiled.7, let notFound = compiled.8, let card = compiled.9,
              let row = compiled.10, let entityChip = compiled.11, let story = compiled.12, let stories = compiled.13 else {
            pages = nil
            return
        }
        var made = Pages(index: index, briefing: briefing, entities: entities, entity: entity, tags: tags, tag: tag, quotes: quotes,
                             search: search, notFound: notFound, story: story, stories: stories, card: card, row: row, entityChip: entityChip)
        made.hashes = SourceHashes(
            home: Self.hash(index.sources, card.sources), briefing: Self.hash(briefing.sources, entityChip.sources),
            entities: Self.hash(entities.sources), entity: Self.hash(entity.sources, row.sources), tags: Self.hash(tags.sources),
            tag: Self.hash(tag.sources, row.sources), quotes: Self.hash(quotes.sources), search: Self.hash(search.sources),
            notFound: Self.hash(notFound.sources), story: Self.hash(story.sources, card.sources), stories: Self.hash(stories.sources))
        pages = made
    }

    /// A template error at its file, line and column, with the nearest valid name when there is one.
    private static func diagnostic(_ error: TemplateError, _ paths: [String: String]) -> Diagnostic {
        let file = paths[error.template] ?? "Templates/\(error.template).mustache"
        return .error(.render, error.message, at: SourceLocation(file: file, line: error.line, column: error.column),
                      notes: error.suggestion.map { ["did you mean '\($0)'?"] } ?? [])
    }

    /// Renders `view` with `template`. The engine throws only when partials recurse deeper than any
    /// real page nests; the page then says so in place of its content.
    static func render<V: TemplateValue>(_ view: V, with template: Template<V>) -> [UInt8] {
        do {
            return try template.renderUTF8(view)
        } catch {
            return Array("<!-- Dossier: \(HTML.escape(error.description)) -->\n".utf8)
        }
    }

    static func renderText<V: TemplateValue>(_ view: V, with template: Template<V>) -> String {
        String(decoding: render(view, with: template), as: UTF8.self)
    }
}
