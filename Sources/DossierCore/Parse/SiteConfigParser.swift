/// Reads `site.yml` into a `SiteConfig`, rejecting unknown keys with a suggestion.
public enum SiteConfigParser {
    public static func parse(_ file: SourceFile?, diagnostics: inout [Diagnostic]) -> SiteConfig {
        var config = SiteConfig()
        guard let file else { return config }
        let fields = YAMLFields(yaml: file.text, path: file.path, firstLine: 1, diagnostics: &diagnostics)
        fields.rejectUnknownKeys(SiteConfig.knownKeys, what: "site.yml", diagnostics: &diagnostics)
        if let title = fields.string("title", diagnostics: &diagnostics) { config.title = title }
        if let description = fields.string("description", diagnostics: &diagnostics) { config.description = description }
        if let language = fields.string("language", diagnostics: &diagnostics) { config.language = language }
        config.author = fields.string("author", diagnostics: &diagnostics)
        config.templates = fields.string("templates", diagnostics: &diagnostics)
        if let paginate = fields.int("paginate", range: 1...10_000, diagnostics: &diagnostics) { config.paginate = paginate }
        if let base = fields.string("base_url", diagnostics: &diagnostics) {
            if base.utf8.count > SiteConfig.maximumBaseURLLength {
                diagnostics.append(.error(.parse, "'base_url' is \(base.utf8.count) characters long; at most \(SiteConfig.maximumBaseURLLength) are allowed",
                                          at: fields.location(of: fields.node("base_url")!.value),
                                          notes: ["every link in the feed and sitemap starts with it; use the site's real address"]))
            } else if let normalized = normalizeBaseURL(base) {
                config.baseURL = normalized
            } else {
                diagnostics.append(.error(.parse, "'base_url' must be an absolute http(s) URL, got '\(base)'",
                                          at: fields.location(of: fields.node("base_url")!.value),
                                          notes: ["for example: base_url: https://example.org/briefings/"]))
            }
        }
        if let mode = fields.string("link_entities", diagnostics: &diagnostics) {
            if let parsed = SiteConfig.LinkMode(rawValue: mode) {
                config.linkEntities = parsed
            } else {
                diagnostics.append(.error(.parse, "'link_entities' must be 'first' or 'all', got '\(mode)'",
                                          at: fields.location(of: fields.node("link_entities")!.value)))
            }
        }
        return config
    }

    /// `https://x.org/sub` → `https://x.org/sub/`; nil unless http(s) with a host.
    public static func normalizeBaseURL(_ url: String) -> String? {
        let url = url.trimmingWhitespace()
        guard let schemeEnd = url.range(of: "://") else { return nil }
        let scheme = url[..<schemeEnd.lowerBound].lowercased()
        guard scheme == "http" || scheme == "https" else { return nil }
        let rest = url[schemeEnd.upperBound...]
        guard let host = rest.split(separator: "/").first, !host.isEmpty, !url.contains(where: { $0.isWhitespace }) else { return nil }
        return url.hasSuffix("/") ? url : url + "/"
    }
}
