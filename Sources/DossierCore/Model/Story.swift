/// A story an analyst follows over weeks: `Content/stories/<slug>.md` (title, description, an
/// introduction in Markdown), joined by the briefings whose annotation says `story: <slug>`.
public struct Story: Sendable, Hashable {
    public var slug: String
    public var title: String
    public var description: String?
    public var introMarkdown: String
    public var path: String

    public init(slug: String, title: String, description: String? = nil, introMarkdown: String = "", path: String = "") {
        self.slug = slug
        self.title = title
        self.description = description
        self.introMarkdown = introMarkdown
        self.path = path
    }
}
