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
        config.strings = strings(fields, language: config.language, diagnostics: &diagnostics)
        return config
    }

    /// The site's words: the built-in table for `language`, with `strings:` over it. A word is
    /// text; a counted phrase is `{one: "{n} mention", other: "{n} mentions"}`.
    static func strings(_ fields: YAMLFields, language: String, diagnostics: inout [Diagnostic]) -> SiteStrings {
        var words: [String: String] = [:]
        var plurals: [String: SiteStrings.Plural] = [:]
        if let (_, node) = fields.node("strings") {
            guard case .mapping(let mapping) = node else {
                diagnostics.append(.error(.parse, "'strings' must be a mapping of words, e.g. 'quotes: Citations'", at: fields.location(of: node)))
                return SiteStrings(language: language)
            }
            let nested = YAMLFields(nested: mapping, in: fields, diagnostics: &diagnostics)
            let wordKeys = SiteStrings.wordKeys, pluralKeys = SiteStrings.pluralKeys
            nested.rejectUnknownKeys(wordKeys + pluralKeys, what: "strings", diagnostics: &diagnostics)
            for key in wordKeys {
                if let text = nested.string(key, diagnostics: &diagnostics) { words[key] = text }
            }
            if let months = words["months"], months.split(separator: ",").count != 12 {
                diagnostics.append(.error(.parse, "'months' must name the twelve months, separated by commas",
                                          at: nested.location(of: nested.node("months")!.value)))
                words["months"] = nil
            }
            for key in pluralKeys {
                guard let (_, value) = nested.node(key) else { continue }
                if case .mapping(let forms) = value {
                    let pair = YAMLFields(nested: forms, in: nested, diagnostics: &diagnostics)
                    pair.rejectUnknownKeys(["one", "other"], what: "'\(key)'", diagnostics: &diagnostics)
                    let one = pair.string("one", diagnostics: &diagnostics), other = pair.string("other", diagnostics: &diagnostics)
                    if let one, let other {
                        plurals[key] = SiteStrings.Plural(one: one, other: other)
                    } else {
                        diagnostics.append(.error(.parse, "'\(key)' needs both 'one' and 'other'", at: nested.location(of: value),
                                                  notes: ["for example: \(key): {one: \"{n} mention\", other: \"{n} mentions\"}"]))
                    }
                } else if let text = nested.string(key, diagnostics: &diagnostics) {
                    plurals[key] = SiteStrings.Plural(one: text, other: text)
                }
            }
        }
        if !SiteStrings.isBuiltIn(language) {
            let missing = SiteStrings.wordKeys.filter { words[$0] == nil } + SiteStrings.pluralKeys.filter { plurals[$0] == nil }
            if !missing.isEmpty {
                diagnostics.append(.warning(.parse, "Dossier has no words for language '\(language)'; \(missing.count) of them stay in English",
                                            at: fields.node("language").map { fields.location(of: $0.value) } ?? SourceLocation(file: fields.path),
                                            notes: ["built in: en, fr, de, es; translate the rest under 'strings:' in site.yml (missing: \(missing.prefix(6).joined(separator: ", "))\(missing.count > 6 ? ", …" : ""))"]))
            }
        }
        return SiteStrings(language: language, overrides: words, pluralOverrides: plurals)
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
