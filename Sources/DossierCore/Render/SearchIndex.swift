/// The client-side search index: `search/index.js` (a script that sets a global, so search works
/// from `file://` where `fetch` is blocked) and the same data as `search/index.json` for other tools.
///
/// Compact by construction, for sites of 10,000 briefings: positional arrays instead of keyed
/// objects, entities and tags listed once and referenced by number, paths rebuilt from slugs in
/// the client, and quotes cut to `quoteBudget` characters per briefing.
///
/// ```
/// {"version": 1,
///  "entities": [[name, slug, kind, "alias|alias"], …],
///  "tags": [[name, slug], …],
///  "briefings": [[slug, title, date, source, summary, [tag], [entity], quotes], …]}
/// ```
/// `date` is ISO 8601 or empty; entity numbers are in order of mentions, most first.
struct SearchIndex {
    let site: Site

    /// Characters of quotation text kept per briefing: enough for the words people search for,
    /// without letting the index grow with every long quote.
    static let quoteBudget = 600

    static let jsPath = "search/index.js"
    static let jsonPath = "search/index.json"
    static let globalName = "DOSSIER_SEARCH_INDEX"

    func files() -> [OutputFile] {
        let json = self.json().serialized()
        return [
            OutputFile(path: Self.jsPath, text: "window.\(Self.globalName) = \(json);\n"),
            OutputFile(path: Self.jsonPath, text: json + "\n"),
        ]
    }

    func json() -> JSON {
        let tagNumbers = Dictionary(uniqueKeysWithValues: site.tags.enumerated().map { ($0.element.slug, $0.offset) })
        let entities = site.entities.map { e in
            JSON.array([.string(e.name), .string(e.slug), .string(e.kind.rawValue), .string(e.aliases.joined(separator: "|"))])
        }
        let tags = site.tags.map { JSON.array([.string($0.name), .string($0.slug)]) }
        let briefings = site.briefings.map { b -> JSON in
            let mentioned = b.mentionCounts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { JSON.int($0.key) }
            return .array([
                .string(b.slug), .string(b.title), .string(b.date?.dateString ?? ""), .string(b.provenance.source ?? ""),
                .string(b.summaryText ?? ""),
                .array(b.tags.compactMap { tagNumbers[$0.slug].map(JSON.int) }),
                .array(mentioned),
                .string(Self.quoteText(b.quotes)),
            ])
        }
        return .object([("version", .int(1)), ("entities", .array(entities)), ("tags", .array(tags)), ("briefings", .array(briefings))])
    }

    /// Full quotes (fragments are in the text anyway), in text order, cut at a word boundary.
    static func quoteText(_ quotes: [Quote]) -> String {
        var text = ""
        for quote in quotes where !quote.isFragment {
            let flat = quote.text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
            text += (text.isEmpty ? "" : " … ") + flat
            if text.count >= quoteBudget { break }
        }
        guard text.count > quoteBudget else { return text }
        let cut = text.prefix(quoteBudget)
        return String(cut[..<(cut.lastIndex(of: " ") ?? cut.endIndex)]) + " …"
    }
}
