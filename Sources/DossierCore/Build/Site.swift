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

    public struct TagGroup: Sendable {
        public var slug: String
        public var name: String
        public var briefings: [Int]
    }

    /// Entities most often mentioned in the same briefings as `entity`, most shared first.
    public func coMentions(of entity: Int, limit: Int = 12) -> [(entity: Int, briefings: Int)] {
        var shared: [Int: Int] = [:]
        for (b, _) in entityBriefings[entity] {
            for other in briefings[b].mentionCounts.keys where other != entity { shared[other, default: 0] += 1 }
        }
        return shared.map { ($0.key, $0.value) }
            .sorted { ($1.1, entities[$0.0].name) < ($0.1, entities[$1.0].name) }
            .prefix(limit).map { $0 }
    }
}
