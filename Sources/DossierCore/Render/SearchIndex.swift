import Foundation

/// The client-side search index, split so that one query downloads a small part of it, and made
/// of scripts (each calls a global the search page defines), so that it works from `file://`,
/// where `fetch` is blocked, and under any sub-path (every URL is relative to `search/`).
///
/// - `search/index.js`: the manifest (`window.DOSSIER_SEARCH_INDEX = {…}`, also as
///   `search/index.json`): entities and tags, the number of briefings, and which term shards exist.
/// - `search/shards/<key>.js`: `DOSSIER_SEARCH_SHARD(key, {term: postings, …})`, every indexed word
///   (folded as the client folds: accents and case do not matter) starting with `key`. Keys are
///   the first two letters of a word; a shard over `shardLimit` bytes is split by the next letter
///   (`split` in the manifest lists those keys; words no longer than a split key stay in its shard).
///   Postings are per briefing, in site order, each `delta × 16 + fields`, where delta is the
///   briefing's result number minus the previous posting's and fields are the bits of `Field`.
/// - `search/meta/<n>.js`: `DOSSIER_SEARCH_META(n, [slug, title, date, source, summary, [tag],
///   [entity], quotes, prose])`, what a result shows of the briefing numbered `n`, loaded only
///   for results shown.
///
/// Result numbers (`numbers`) rise in site order (newest first) but are not positions: they come
/// from the briefing's day and its place among that day's briefings, so adding or removing a
/// briefing renumbers none but the later ones of its own day, and leaves the other result files
/// and the postings of the words it lacks as they were.
///
/// ```
/// {"version": 3, "count": 123,
///  "entities": [[name, slug, kind, "alias|alias"], …], "tags": [[name, slug], …],
///  "shards": [key, …], "split": [key, …]}
/// ```
enum SearchIndex {
    /// Characters of quotation text, and of the analyst's prose, kept per briefing for snippets
    /// (every word of both is indexed): enough for the passages people search for, without letting
    /// the files a query loads grow with every long annotation.
    static let quoteBudget = 600
    static let proseBudget = 2000
    /// Bytes of a term shard above which it is split by the next letter (`BuildOptions.searchShardLimit`).
    static let shardLimit = 32_000
    /// Words longer than this (in Unicode scalars) are not indexed: run-together debris, not words.
    static let longestTerm = 40

    static let jsPath = "search/index.js"
    static let jsonPath = "search/index.json"
    static let globalName = "DOSSIER_SEARCH_INDEX"
    static let shardCallback = "DOSSIER_SEARCH_SHARD"
    static let metaCallback = "DOSSIER_SEARCH_META"

    /// Where a word appears in a briefing, as bits: results rank title over summary, source, entities
    /// and tags, over quotations, over the analyst's prose and notes.
    enum Field {
        static let title: UInt8 = 1
        static let summary: UInt8 = 2
        static let quotes: UInt8 = 4
        static let prose: UInt8 = 8
    }

    // MARK: Files

    /// The manifest, as a script and as JSON.
    static func manifestFiles(_ page: SearchPage) -> [OutputFile] {
        let entities = page.entities.map { face in
            let e = face.value
            return JSON.array([.string(e.name), .string(e.slug), .string(e.kind.rawValue), .string(e.aliases.joined(separator: "|"))])
        }
        let tags = page.tags.map { JSON.array([.string($0.name), .string($0.slug)]) }
        let json = JSON.object([
            ("version", .int(3)), ("count", .int(page.count)), ("entities", .array(entities)), ("tags", .array(tags)),
            ("shards", .array(page.shards.map(JSON.string))), ("split", .array(page.split.map(JSON.string))),
        ]).serialized()
        return [
            OutputFile(path: jsPath, text: "window.\(globalName) = \(json);\n"),
            OutputFile(path: jsonPath, text: json + "\n"),
        ]
    }

    static func shardFile(_ shard: SearchShard) -> OutputFile {
        var out = "window.\(shardCallback)("
        JSON.string(shard.key).write(to: &out)
        out += ",{"
        for (i, postings) in shard.terms.enumerated() {
            if i > 0 { out += "," }
            postings.value.write(to: &out)
        }
        out += "});\n"
        return OutputFile(path: shardPath(shard.key), text: out)
    }

    static func metaFile(_ meta: SearchMeta) -> OutputFile {
        OutputFile(path: metaPath(meta.number), text: "window.\(metaCallback)(\(meta.number),\(row(meta.row.value).serialized()));\n")
    }

    /// `[slug, title, date, source, summary, [tag], [entity], quotes, prose]`; `date` is ISO 8601 or
    /// empty, entities are numbered in the manifest's list, most mentioned first.
    static func row(_ row: SearchRow) -> JSON {
        .array([
            .string(row.slug), .string(Typography.curlingQuotes(row.title)), .string(row.date?.dateString ?? ""), .string(row.source ?? ""),
            .string(row.summary ?? ""), .array(row.tags.map(JSON.int)), .array(row.entities.map(JSON.int)), .string(row.quoteText),
            .string(row.proseText),
        ])
    }

    static func metaPath(_ number: Int) -> String { "search/meta/\(number).js" }

    /// Briefings of one day share a block of `slots` numbers, a power of two (at least 4) that
    /// holds the busiest day; days are numbered back from the year 10000, undated briefings last.
    /// Numbers are below 2^31 / 16 while a day has at most 32 briefings, and whole numbers in
    /// JavaScript in any case.
    static func numbers(dates: [ISODate?]) -> [Int] {
        let lastDay = 10_000 * 372
        // Each briefing's day (undated ones share a day after every date) and its place among that
        // day's briefings, counted per day: unique even if one day's briefings were not together.
        let days = dates.map { $0.map { $0.year * 372 + ($0.month - 1) * 31 + ($0.day - 1) } }
        var seen: [Int?: Int] = [:]
        let places = days.map { day in
            defer { seen[day, default: 0] += 1 }
            return seen[day, default: 0]
        }
        let busiest = seen.filter { $0.key != nil }.values.max() ?? 0
        var slots = 4
        while slots < busiest { slots *= 2 }
        var numbers: [Int] = []
        numbers.reserveCapacity(dates.count)
        for (day, place) in zip(days, places) {
            numbers.append(day.map { (lastDay - $0) * slots + place } ?? (lastDay + 1) * slots + place)
        }
        return numbers
    }

    /// `search/shards/<name>.js`: letters a–z and digits as they are, any other scalar as `_hex_`
    /// (search.js names files the same way).
    static func shardPath(_ key: String) -> String {
        var name = ""
        for scalar in key.unicodeScalars {
            switch scalar {
            case "a"..."z", "0"..."9": name.unicodeScalars.append(scalar)
            default: name += "_" + String(scalar.value, radix: 16) + "_"
            }
        }
        return "search/shards/\(name).js"
    }

    // MARK: Words

    /// Case, accents (combining marks U+0300–U+036F after canonical decomposition) do not matter:
    /// the same as search.js's `fold`, so both sides agree on every word and shard key.
    static func fold(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars where !(0x300...0x36F).contains(scalar.value) {
            scalars.append(scalar)
        }
        return String(scalars).lowercased()
    }

    /// Letters, digits and marks make words (search.js: `[\p{L}\p{N}\p{M}]`).
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            return ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber, .nonspacingMark, .spacingMark, .enclosingMark:
            return true
        default:
            return false
        }
    }

    /// The indexed words of `text`, folded: runs of word scalars, except single ASCII characters
    /// and words over `longestTerm` scalars.
    ///
    /// Fast for ASCII: the text is cut at ASCII characters that are not letters or digits, an
    /// all-ASCII piece is lowercased byte by byte, and only a piece holding other characters goes
    /// through Unicode folding (decomposition, marks removed, lowercasing), which is where the
    /// time went. The same words as folding the whole text: ASCII separators end words either way.
    static func words(_ text: String, into body: (String) -> Void) {
        let bytes = Array(text.utf8)
        var start = 0
        var ascii = true
        func isASCIIWordByte(_ b: UInt8) -> Bool { (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) }
        // One buffer for every ASCII word's lowercase bytes (words of up to 15 bytes then become
        // strings without allocating).
        var lowered = [UInt8](repeating: 0, count: longestTerm)
        func piece(_ end: Int) {
            defer { start = end + 1; ascii = true }
            let count = end - start
            guard count > 0 else { return }
            if ascii {
                guard count > 1, count <= longestTerm else { return }
                for i in 0..<count {
                    let b = bytes[start + i]
                    lowered[i] = (b >= 0x41 && b <= 0x5A) ? b + 32 : b
                }
                body(String(decoding: lowered[0..<count], as: UTF8.self))
            } else {
                foldedWords(String(decoding: bytes[start..<end], as: UTF8.self), into: body)
            }
        }
        for i in 0..<bytes.count {
            let b = bytes[i]
            if b < 0x80 {
                if !isASCIIWordByte(b) { piece(i) }
            } else {
                ascii = false
            }
        }
        piece(bytes.count)
    }

    /// `words` the slow, general way: fold, then cut at every scalar that is not a word scalar.
    static func foldedWords(_ text: String, into body: (String) -> Void) {
        let folded = fold(text)
        var word = String.UnicodeScalarView()
        var count = 0
        func flush() {
            defer { word = String.UnicodeScalarView(); count = 0 }
            guard count > 0, count <= longestTerm, count > 1 || !word.first!.isASCII else { return }
            body(String(word))
        }
        for scalar in folded.unicodeScalars {
            if isWordScalar(scalar) {
                word.append(scalar)
                count += 1
            } else {
                flush()
            }
        }
        flush()
    }

    /// A briefing's words with the fields they appear in, sorted by word.
    static func terms(title: String, summary: [String], quotes: [String], prose: String) -> SearchTerms {
        var fields: [String: UInt8] = [:]
        words(title) { fields[$0, default: 0] |= Field.title }
        for text in summary { words(text) { fields[$0, default: 0] |= Field.summary } }
        for text in quotes { words(text) { fields[$0, default: 0] |= Field.quotes } }
        words(prose) { fields[$0, default: 0] |= Field.prose }
        return SearchTerms(fields.map { SearchTerm(term: $0.key, fields: $0.value) }.sorted { $0.term < $1.term })
    }

    /// The shard a word's postings live in before splitting: its first two scalars.
    static func rootKey(_ term: String) -> String {
        String(String.UnicodeScalarView(term.unicodeScalars.prefix(2)))
    }

    /// The shards of one root key's terms (sorted by term): one shard while it fits in `limit`
    /// bytes, else split by the next scalar, recursively; split keys are added to `split`.
    static func shards(root: String, terms: [Hashed<SearchPostings>], limit: Int, split: inout [String]) -> [SearchShard] {
        var out: [SearchShard] = []
        func place(_ key: String, _ length: Int, _ terms: ArraySlice<Hashed<SearchPostings>>) {
            let size = terms.reduce(0) { $0 + $1.value.bytes }
            guard size > limit, terms.contains(where: { $0.value.term.unicodeScalars.count > length }) else {
                out.append(SearchShard(key: key, terms: Array(terms)))
                return
            }
            split.append(key)
            var residue: [Hashed<SearchPostings>] = []
            var groups: [(key: String, terms: [Hashed<SearchPostings>])] = []
            for term in terms {
                let scalars = term.value.term.unicodeScalars
                guard scalars.count > length else { residue.append(term); continue }
                let child = String(String.UnicodeScalarView(scalars.prefix(length + 1)))
                if groups.last?.key == child { groups[groups.count - 1].terms.append(term) } else { groups.append((child, [term])) }
            }
            if !residue.isEmpty { out.append(SearchShard(key: key, terms: residue)) }
            // Sorted by term, so each child's terms are together; children in the same order.
            for group in groups { place(group.key, length + 1, group.terms[...]) }
        }
        place(root, root.unicodeScalars.count, terms[...])
        return out
    }

    // MARK: Snippet text

    /// Full quotes (fragments are in the text anyway), in text order, whitespace runs as one
    /// space, cut at a word boundary after `quoteBudget` characters (Unicode scalars).
    static func quoteText(_ quotes: [Quote]) -> String {
        cut(quotes.lazy.filter { !$0.isFragment }.map(\.text), budget: quoteBudget)
    }

    /// The annotation's prose and notes (`Briefing.proseText`, a paragraph a line), cut like quotes
    /// to `proseBudget`.
    /// Lines are split on the byte: a line feed is always a character of its own, and breaking the
    /// whole prose into characters cost more than cutting it. Only the lines the cut reads are made.
    static func proseText(_ text: String) -> String {
        cut(text.utf8.split(separator: UInt8(ascii: "\n")).lazy.map { String(Substring($0)) }, budget: proseBudget, separator: " ")
    }

    /// Pieces joined by `separator`, whitespace runs as one space, cut at a word boundary after `budget`
    /// Unicode scalars. Scalar by scalar rather than by grapheme: over every quote of a large site,
    /// grapheme breaking made this the slowest part of the index; and on UTF-8 bytes, decoding only
    /// what may be white space, since appending to a scalar view re-encoded every scalar.
    static func cut(_ pieces: some Sequence<String>, budget: Int, separator: String = " … ") -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(budget + 64)
        let separatorBytes = Array(separator.utf8), separatorCount = separator.unicodeScalars.count
        var count = 0
        for var piece in pieces {
            var pendingSpace = false
            var started = false
            piece.withUTF8 { utf8 in
                var i = 0
                while i < utf8.count {
                    let lead = utf8[i]
                    let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
                    let white = switch length {
                    case 1: isWhitespace(UInt32(lead))
                    case 2: isWhitespace(UInt32(lead & 0x1F) << 6 | UInt32(utf8[i + 1] & 0x3F))
                    case 3: isWhitespace(UInt32(lead & 0x0F) << 12 | UInt32(utf8[i + 1] & 0x3F) << 6 | UInt32(utf8[i + 2] & 0x3F))
                    default: false
                    }
                    if white {
                        pendingSpace = started
                        i += length
                        continue
                    }
                    if !started, !bytes.isEmpty {
                        bytes.append(contentsOf: separatorBytes)
                        count += separatorCount
                    } else if pendingSpace {
                        bytes.append(0x20)
                        count += 1
                    }
                    pendingSpace = false
                    started = true
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[i..<(i + length)]))
                    count += 1
                    i += length
                }
            }
            if count >= budget { break }
        }
        let text = String(decoding: bytes, as: UTF8.self)
        guard count > budget else { return text }
        var end = text.unicodeScalars.index(text.startIndex, offsetBy: budget)
        // At the last space; without one (say, Chinese), never inside a character such as an emoji sequence.
        if let space = text.unicodeScalars[..<end].lastIndex(of: " ") {
            end = space
        } else {
            while end > text.startIndex, String.Index(end, within: text) == nil { end = text.unicodeScalars.index(before: end) }
        }
        return String(text[..<end]) + " …"
    }

    /// Unicode's White_Space property, without a property-table lookup for every scalar.
    private static func isWhitespace(_ value: UInt32) -> Bool {
        switch value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }
}

/// One word of a briefing and the fields (`SearchIndex.Field` bits) it appears in.
struct SearchTerm: Hashable, Sendable {
    var term: String
    var fields: UInt8
}

/// A briefing's words (title, summary, source, entity names, tags, quotes, prose and notes) with
/// their fields, in order, packed into two buffers: a site has about a hundred words a briefing,
/// and an array of `SearchTerm`s took 24 bytes a word (and an allocation for each word over 15
/// bytes), three times what the words' bytes take.
struct SearchTerms: RandomAccessCollection, Hashable, Sendable {
    /// Every word's UTF-8 bytes, one after the other.
    private var bytes: [UInt8] = []
    /// Per word: where it ends in `bytes`, shifted left 4 bits, or-ed with its fields.
    private var ends: [UInt32] = []

    init() {}

    init(_ terms: [SearchTerm]) {
        bytes.reserveCapacity(terms.reduce(0) { $0 + $1.term.utf8.count })
        ends.reserveCapacity(terms.count)
        for term in terms {
            bytes += term.term.utf8
            ends.append(UInt32(bytes.count) << 4 | UInt32(term.fields & 15))
        }
    }

    var startIndex: Int { 0 }
    var endIndex: Int { ends.count }

    subscript(i: Int) -> SearchTerm {
        let start = i == 0 ? 0 : Int(ends[i - 1] >> 4)
        return SearchTerm(term: String(decoding: bytes[start..<Int(ends[i] >> 4)], as: UTF8.self), fields: UInt8(ends[i] & 15))
    }
}

/// One word's postings: every briefing holding it, as `result number << 4 | fields`, ascending; and the
/// bytes it takes in its shard (`"term":[…],`), which decides splitting.
struct SearchPostings: Hashable, Sendable {
    var term: String
    var postings: [UInt64]
    var bytes: Int

    init(term: String, postings: [UInt64]) {
        self.term = term
        self.postings = postings
        var bytes = term.utf8.count + 6
        var previous: UInt64 = 0
        for p in postings {
            bytes += Self.digits(((p >> 4) - previous) << 4 | (p & 15)) + 1
            previous = p >> 4
        }
        self.bytes = bytes
    }

    private static func digits(_ n: UInt64) -> Int {
        var n = n, d = 1
        while n >= 10 { n /= 10; d += 1 }
        return d
    }

    /// `"term":[delta×16+fields,…]`.
    func write(to out: inout String) {
        JSON.string(term).write(to: &out)
        out += ":["
        var previous: UInt64 = 0
        for (i, p) in postings.enumerated() {
            if i > 0 { out += "," }
            out += String(((p >> 4) - previous) << 4 | (p & 15))
            previous = p >> 4
        }
        out += "]"
    }
}

extension JSON {
    /// Compact, appended to `out`.
    func write(to out: inout String) {
        out += serialized()
    }
}
