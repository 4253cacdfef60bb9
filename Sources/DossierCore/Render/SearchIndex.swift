import Foundation

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
    /// Rows kept from the previous build (incremental rebuilds); nil serializes every row.
    var rows: SearchRowCache?

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
        let tagLists = site.briefings.map { $0.tags.compactMap { tagNumbers[$0.slug] } }
        let briefings: [JSON]
        if let rows {
            briefings = rows.rows(site.briefings, tags: tagLists) { .raw(Self.row(site.briefings[$0], tags: tagLists[$0]).serialized()) }
        } else {
            briefings = zip(site.briefings, tagLists).map { Self.row($0, tags: $1) }
        }
        return .object([("version", .int(1)), ("entities", .array(entities)), ("tags", .array(tags)), ("briefings", .array(briefings))])
    }

    /// `[slug, title, date, source, summary, [tag], [entity], quotes]`.
    static func row(_ b: Briefing, tags: [Int]) -> JSON {
        let mentioned = b.mentionCounts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { JSON.int($0.key) }
        return .array([
            .string(b.slug), .string(b.title), .string(b.date?.dateString ?? ""), .string(b.provenance.source ?? ""),
            .string(b.summaryText ?? ""), .array(tags.map(JSON.int)), .array(mentioned), .string(quoteText(b.quotes)),
        ])
    }

    /// Full quotes (fragments are in the text anyway), in text order, whitespace runs as one
    /// space, cut at a word boundary after `quoteBudget` characters (Unicode scalars).
    ///
    /// Scalar by scalar rather than by grapheme: over every quote of a large site, grapheme
    /// breaking made this the slowest part of the index.
    static func quoteText(_ quotes: [Quote]) -> String {
        var scalars = String.UnicodeScalarView()
        var count = 0
        for quote in quotes where !quote.isFragment {
            var pendingSpace = false
            var started = false
            for scalar in quote.text.unicodeScalars {
                if isWhitespace(scalar) {
                    pendingSpace = started
                    continue
                }
                if !started, !scalars.isEmpty {
                    scalars.append(contentsOf: " … ".unicodeScalars)
                    count += 3
                } else if pendingSpace {
                    scalars.append(" ")
                    count += 1
                }
                pendingSpace = false
                started = true
                scalars.append(scalar)
                count += 1
            }
            if count >= quoteBudget { break }
        }
        let text = String(scalars)
        guard count > quoteBudget else { return text }
        var end = text.unicodeScalars.index(text.startIndex, offsetBy: quoteBudget)
        // At the last space; without one (say, Chinese), never inside a character such as an emoji sequence.
        if let space = text.unicodeScalars[..<end].lastIndex(of: " ") {
            end = space
        } else {
            while end > text.startIndex, String.Index(end, within: text) == nil { end = text.unicodeScalars.index(before: end) }
        }
        return String(text[..<end]) + " …"
    }

    /// Unicode's White_Space property, without a property-table lookup for every scalar.
    private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }
}

/// Serialized search-index rows of the previous build by briefing object, so that a rebuild
/// serializes again only the briefings analysed anew (or whose tags were renumbered): the index of
/// a 10,000-briefing site is 8 MB. Entries hold their briefings, so an object identifier is never
/// reused by another briefing while it is a key here.
final class SearchRowCache: @unchecked Sendable {
    private let lock = NSLock()
    private var rows: [ObjectIdentifier: (briefing: Briefing, tags: [Int], row: JSON)] = [:]

    init() {}

    /// The rows of `briefings`, made by `make(index)` where none is kept; afterwards only these are kept.
    func rows(_ briefings: [Briefing], tags: [[Int]], make: (Int) -> JSON) -> [JSON] {
        lock.withLock {
            var next: [ObjectIdentifier: (briefing: Briefing, tags: [Int], row: JSON)] = [:]
            next.reserveCapacity(briefings.count)
            let result = briefings.indices.map { b -> JSON in
                let id = ObjectIdentifier(briefings[b])
                let row: JSON
                if let kept = rows[id], kept.tags == tags[b] { row = kept.row } else { row = make(b) }
                next[id] = (briefings[b], tags[b], row)
                return row
            }
            rows = next
            return result
        }
    }
}
