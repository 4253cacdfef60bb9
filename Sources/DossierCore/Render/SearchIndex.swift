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
    let page: SearchPage
    /// Rows already serialized (`Fragments`); a row not there is serialized here.
    var rows: [Hashed<SearchRow>: String] = [:]

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
        let entities = page.entities.map { face in
            let e = face.value
            return JSON.array([.string(e.name), .string(e.slug), .string(e.kind.rawValue), .string(e.aliases.joined(separator: "|"))])
        }
        let tags = page.tags.map { JSON.array([.string($0.name), .string($0.slug)]) }
        let briefings = page.rows.map { row in JSON.raw(rows[row] ?? Self.row(row.value).serialized()) }
        return .object([("version", .int(1)), ("entities", .array(entities)), ("tags", .array(tags)), ("briefings", .array(briefings))])
    }

    /// `[slug, title, date, source, summary, [tag], [entity], quotes]`.
    static func row(_ row: SearchRow) -> JSON {
        .array([
            .string(row.slug), .string(Typography.curlingQuotes(row.title)), .string(row.date?.dateString ?? ""), .string(row.source ?? ""),
            .string(row.summary ?? ""), .array(row.tags.map(JSON.int)), .array(row.entities.map(JSON.int)), .string(row.quoteText),
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
