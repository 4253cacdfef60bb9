extension Provenance {
    /// Keys shared by articles' and annotations' front matter.
    static let keys = ["source", "url", "published", "author", "license"]

    init(fields: YAMLFields, diagnostics: inout [Diagnostic]) {
        self.init(
            source: fields.string("source", diagnostics: &diagnostics),
            url: fields.string("url", diagnostics: &diagnostics),
            published: fields.date("published", diagnostics: &diagnostics),
            author: fields.string("author", diagnostics: &diagnostics),
            license: fields.string("license", diagnostics: &diagnostics))
        if let url, !Self.isWebURL(url) {
            diagnostics.append(.error(.parse, "'url' must be an absolute http(s) URL, got '\(url)'", at: fields.location(of: fields.node("url")!.value)))
            self.url = nil
        }
    }

    /// Only http(s) URLs are ever put in an `href` from front matter, so no `javascript:` can get in.
    static func isWebURL(_ url: String) -> Bool {
        let lower = url.lowercased()
        return (lower.hasPrefix("https://") || lower.hasPrefix("http://")) && !url.contains(where: { $0.isWhitespace })
    }

    /// Annotation values win over the article's own.
    func overridden(by other: Provenance) -> Provenance {
        Provenance(source: other.source ?? source, url: other.url ?? url, published: other.published ?? published,
                   author: other.author ?? author, license: other.license ?? license)
    }
}
