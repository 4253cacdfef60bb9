/// One render job of a site, named so that an incremental rebuild can tell which page it renders
/// and skip it when nothing it depends on changed.
public struct RenderJob: Sendable {
    /// Stable across rebuilds: briefings, entities and tags are named by slug, not position; list
    /// pages by number.
    public enum Key: Hashable, Sendable {
        case index(page: Int), briefing(String), entityIndex, entity(String, page: Int), tagIndex, tag(String, page: Int), quotes, notFound, feeds, search, assets
    }

    public var key: Key
    /// Index of the briefing, entity or tag the job renders (in `Site`'s arrays), so fingerprints
    /// need no lookup by slug; 0 for site-wide jobs.
    public var subject: Int
    /// Templates the job renders with; the partials and layouts they include count too.
    public var templates: [String]
    public var render: @Sendable () -> [OutputFile]

    public init(_ key: Key, subject: Int = 0, templates: [String], render: @escaping @Sendable () -> [OutputFile]) {
        self.key = key
        self.subject = subject
        self.templates = templates
        self.render = render
    }
}
