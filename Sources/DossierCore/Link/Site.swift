/// The whole site after the link stage: every briefing analysed and the cross-references between
/// briefings, entities and tags that the pages need. Immutable input to the render stage.
public struct Site: Sendable {
    public var config: SiteConfig
    public var entities: [Entity]
    /// Newest first; ties broken by slug so the order is stable.
    public var briefings: [Briefing]
    /// Per entity index: the briefings that mention it (indices into `briefings`) with counts.
    public var entityBriefings: [[(briefing: Int, mentions: Int)]]
    /// Per entity index: total mentions across the site.
    public var entityMentionTotals: [Int]
    /// Tags by slug, with the display name first used and the briefings carrying it.
    public var tags: [TagGroup]
    /// Briefings dated after the build's date and left out (`--future` includes them).
    public var heldBack = 0
    /// Stories by slug, each with its briefings (indices into `briefings`, site order); a story
    /// with no briefing is left out.
    public var stories: [StoryGroup] = []

    public struct StoryGroup: Sendable {
        public var story: Story
        public var briefings: [Int]
    }

    /// Groups `briefings` by the stories they name (unknown names were reported when linking).
    static func group(_ stories: [Story], _ briefings: [Briefing]) -> [StoryGroup] {
        var members: [String: [Int]] = [:]
        for (b, briefing) in briefings.enumerated() { if let slug = briefing.story { members[slug, default: []].append(b) } }
        return stories.sorted { $0.slug < $1.slug }.compactMap { story in members[story.slug].map { StoryGroup(story: story, briefings: $0) } }
    }

    public struct TagGroup: Sendable {
        public var slug: String
        public var name: String
        public var briefings: [Int]
    }

    /// Cross-references `briefings` (already in site order) with the entities they mention and their tags.
    init(config: SiteConfig, entities: [Entity], briefings: [Briefing]) {
        var entityBriefings = [[(briefing: Int, mentions: Int)]](repeating: [], count: entities.count)
        var totals = [Int](repeating: 0, count: entities.count)
        var tagIndex: [String: Int] = [:]
        var tags: [TagGroup] = []
        for (b, briefing) in briefings.enumerated() {
            for (entity, count) in briefing.sortedMentions {
                entityBriefings[entity].append((b, count))
                totals[entity] += count
            }
            for tag in briefing.tags {
                if let t = tagIndex[tag.slug] {
                    tags[t].briefings.append(b)
                } else {
                    tagIndex[tag.slug] = tags.count
                    tags.append(TagGroup(slug: tag.slug, name: tag.name, briefings: [b]))
                }
            }
        }
        tags.sort { $0.slug < $1.slug }
        self.config = config
        self.entities = entities
        self.briefings = briefings
        self.entityBriefings = entityBriefings
        self.entityMentionTotals = totals
        self.tags = tags
    }

    /// Puts `briefing` in place of the briefing at `b` and updates the cross-references of the
    /// entities either mentions, when that keeps the site order and the tag pages as they are (same
    /// slug, date and tags). Returns false, having changed nothing, otherwise.
    mutating func replaceBriefing(at b: Int, with briefing: Briefing) -> Bool {
        let old = briefings[b]
        guard old.slug == briefing.slug, old.date == briefing.date, old.tags == briefing.tags else { return false }
        for (e, count) in old.sortedMentions {
            let i = Self.position(of: b, in: entityBriefings[e])
            entityBriefings[e].remove(at: i)
            entityMentionTotals[e] -= count
        }
        for (e, count) in briefing.sortedMentions {
            entityBriefings[e].insert((b, count), at: Self.position(of: b, in: entityBriefings[e]))
            entityMentionTotals[e] += count
        }
        briefings[b] = briefing
        return true
    }

    /// Where briefing `b` is, or would go, in a list sorted by briefing index.
    private static func position(of b: Int, in list: [(briefing: Int, mentions: Int)]) -> Int {
        var low = 0, high = list.count
        while low < high {
            let middle = (low + high) / 2
            if list[middle].briefing < b { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Entities most often mentioned in the same briefings as `entity`, most shared first.
    public func coMentions(of entity: Int, limit: Int = 12) -> [(entity: Int, briefings: Int)] {
        var shared: [Int: Int] = [:]
        for (b, _) in entityBriefings[entity] {
            for (other, _) in briefings[b].sortedMentions where other != entity { shared[other, default: 0] += 1 }
        }
        return shared.map { ($0.key, $0.value) }
            .sorted { ($1.1, entities[$0.0].name) < ($0.1, entities[$1.0].name) }
            .prefix(limit).map { $0 }
    }
}
