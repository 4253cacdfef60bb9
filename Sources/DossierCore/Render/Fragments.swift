/// Pieces many pages repeat (briefing cards and rows, entity chips),
/// rendered in parallel before the pages and merged here, so that pages only read them. A builder
/// keeps them across rebuilds, keyed by content: an edit renders the pieces it changed, and the
/// hundred rows of an entity page are not rendered again because one of them changed.
struct Fragments: Sendable {
    struct CardKey: Hashable, Sendable {
        var card: Hashed<BriefingCard>
        var depth: Int
        var isRow: Bool
    }

    struct ChipKey: Hashable, Sendable {
        var face: Hashed<EntityFace>
        var depth: Int
        var count: Int
    }

    /// The words the pieces were rendered with: other words (a new `language` or `strings:`)
    /// render them all again.
    private var strings: SiteStrings?
    private var cards: [CardKey: String] = [:]
    private var chips: [ChipKey: String] = [:]
    /// How many pieces were kept after the last pruning, to tell when to prune again.
    private var keptAfterPruning = 0

    var count: Int { cards.count + chips.count }

    func card(_ card: Hashed<BriefingCard>, depth: Int, row: Bool) -> String {
        cards[CardKey(card: card, depth: depth, isRow: row)]!
    }

    func chip(_ face: Hashed<EntityFace>, depth: Int, count: Int) -> String {
        chips[ChipKey(face: face, depth: depth, count: count)]!
    }

    /// Renders, in parallel, the pieces `inputs` show that are not here yet.
    mutating func add(for inputs: [PageInput], pages: TemplateSet.Pages, strings: SiteStrings) {
        if self.strings != strings { self = Fragments(); self.strings = strings }
        let needed = Needed(inputs)
        let newCards = needed.cards.filter { cards[$0] == nil }
        let newChips = needed.chips.filter { chips[$0] == nil }
        let cardHTML = concurrentMap(newCards) { key in
            TemplateSet.renderText(PageRenderer.cardView(key.card.value, depth: key.depth, strings: strings), with: key.isRow ? pages.row : pages.card)
        }
        let chipHTML = concurrentMap(newChips) { key in
            TemplateSet.renderText(PageRenderer.chipView(key.face.value, depth: key.depth, mentions: key.count, strings: strings), with: pages.entityChip)
        }
        for (key, html) in zip(newCards, cardHTML) { cards[key] = html }
        for (key, html) in zip(newChips, chipHTML) { chips[key] = html }
    }

    /// Drops the pieces no input of the whole site shows any more, once they have grown to half
    /// again what was kept last time: edits leave old cards behind. After a build that rendered
    /// every page, everything here is live: pass `everyPageRendered` to skip the search.
    mutating func prune(keeping jobs: [RenderJob], everyPageRendered: Bool) {
        if everyPageRendered { keptAfterPruning = count }
        guard count > keptAfterPruning + keptAfterPruning / 2 + 64 else { return }
        let live = Needed(jobs.lazy.map(\.input))
        let liveCards = Set(live.cards), liveChips = Set(live.chips)
        cards = cards.filter { liveCards.contains($0.key) }
        chips = chips.filter { liveChips.contains($0.key) }
        keptAfterPruning = count
    }

    /// The distinct pieces some inputs show.
    private struct Needed {
        var cards: [CardKey] = []
        var chips: [ChipKey] = []

        init(_ inputs: some Sequence<PageInput>) {
            var cardSet: Set<CardKey> = [], chipSet: Set<ChipKey> = []
            for input in inputs {
                switch input {
                case .home(let page):
                    let depth = SitePaths.depth(of: PageRenderer.homePath(page.position.number))
                    for card in page.cards { cardSet.insert(CardKey(card: card, depth: depth, isRow: false)) }
                case .entity(let page):
                    let depth = SitePaths.depth(of: PageRenderer.entityPath(page.entity.value.slug, page.position.number))
                    for row in page.rows { cardSet.insert(CardKey(card: row.item, depth: depth, isRow: true)) }
                case .tag(let page):
                    let depth = SitePaths.depth(of: PageRenderer.tagPath(page.tag.slug, page.position.number))
                    for row in page.rows { cardSet.insert(CardKey(card: row, depth: depth, isRow: true)) }
                case .briefing(let page):
                    let faces = EntityFaces(page.entities)
                    for (e, count) in page.briefing.briefing.sortedMentions { chipSet.insert(ChipKey(face: faces[e], depth: 2, count: count)) }
                case .story(let page):
                    for step in page.steps { cardSet.insert(CardKey(card: step.card, depth: 2, isRow: false)) }
                case .entityIndex, .tagIndex, .quotes, .feed, .sitemap, .notFound, .assets, .search, .searchShard, .searchMeta, .storyIndex:
                    break
                }
            }
            cards = Array(cardSet)
            chips = Array(chipSet)
        }
    }
}
