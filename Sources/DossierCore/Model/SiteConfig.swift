/// Site-wide settings from `Content/site.yml`.
public struct SiteConfig: Sendable, Hashable {
    public enum LinkMode: String, Sendable, CaseIterable {
        /// The first mention in each block of text (headline, annotation, each note, article) links.
        case first
        /// Every mention links.
        case all
    }

    public var title: String
    public var description: String
    /// Absolute root URL with a trailing slash; used only for feed, sitemap and canonical links.
    public var baseURL: String
    public var language: String
    public var author: String?
    public var linkEntities: LinkMode
    /// Briefings per index page.
    public var paginate: Int
    /// The site's own templates folder, relative to the folder holding `Content/` (default
    /// `Templates`, used when it exists); read by the loader, not the renderer.
    public var templates: String?
    /// The interface's words in `language`, with `strings:` applied.
    public var strings: SiteStrings

    public init(
        title: String = "Dossier", description: String = "", baseURL: String = "https://example.org/",
        language: String = "en", author: String? = nil, linkEntities: LinkMode = .first, paginate: Int = 20
    ) {
        self.title = title
        self.description = description
        self.baseURL = baseURL
        self.language = language
        self.author = author
        self.linkEntities = linkEntities
        self.paginate = paginate
        self.strings = SiteStrings(language: language)
    }

    /// Keys accepted in `site.yml`; anything else is an error with the nearest of these suggested.
    /// Longer is surely a mistake (URLs past 2,000 characters break in browsers and crawlers).
    public static let maximumBaseURLLength = 1000

    public static let knownKeys = ["title", "description", "base_url", "language", "author", "link_entities", "paginate", "templates", "strings"]
}
