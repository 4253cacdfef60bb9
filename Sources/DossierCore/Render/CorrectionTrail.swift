/// A briefing's corrections as its page and `index.json` show them: each correction with the
/// places it changed, in the paragraph as received and as corrected.
struct CorrectionTrail {
    /// Where one correction changed the text. Offsets count Unicode scalars (code points) in the
    /// paragraph's text (lines joined by `\n`, trailing spaces trimmed), as received and as corrected.
    struct Place: Equatable {
        var paragraph: Int
        /// Line and column in the article file where the received text starts (1-based).
        var line: Int
        var column: Int
        var received: Range<Int>
        var corrected: Range<Int>
    }

    struct Entry {
        /// 1-based, in the annotation's order.
        var number: Int
        var correction: Correction
        var places: [Place]
        var isDeletion: Bool { correction.replace.trimmingWhitespace().isEmpty }
    }

    let entries: [Entry]

    init(article: CorrectedArticle) {
        var places = [[Place]](repeating: [], count: article.corrections.count)
        for block in article.blocks where !block.changes.isEmpty {
            let received = Array(block.receivedText.utf8), corrected = Array(block.text.utf8)
            for (change, span) in zip(block.changes, block.receivedRanges) {
                let start = Self.scalars(received, to: span.lowerBound)
                let lineStart = received[..<span.lowerBound].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
                let line = block.line + received[..<span.lowerBound].count(where: { $0 == 0x0A })
                let column = start - Self.scalars(received, to: lineStart) + 1
                let place = Place(
                    paragraph: block.index, line: line, column: column,
                    received: start..<(start + Self.scalars(received[span], to: span.count)),
                    corrected: Self.scalars(corrected, to: change.range.lowerBound)..<Self.scalars(corrected, to: change.range.upperBound))
                for number in change.corrections where number < places.count { places[number].append(place) }
            }
        }
        entries = article.corrections.enumerated().map { Entry(number: $0.offset + 1, correction: $0.element, places: places[$0.offset]) }
    }

    var isEmpty: Bool { entries.isEmpty }

    /// `index.json`'s `corrections`.
    func json() -> JSON {
        .array(entries.map { entry in
            .object([
                ("find", .string(entry.correction.find)), ("replace", .string(entry.correction.replace)),
                ("note", .optional(entry.correction.note)),
                ("where", .array(entry.places.map { place in
                    .object([
                        ("paragraph", .int(place.paragraph)), ("line", .int(place.line)), ("column", .int(place.column)),
                        ("received", .object([("start", .int(place.received.lowerBound)), ("end", .int(place.received.upperBound))])),
                        ("corrected", .object([("start", .int(place.corrected.lowerBound)), ("end", .int(place.corrected.upperBound))])),
                    ])
                })),
            ])
        })
    }

    static func scalars<Bytes: Collection>(_ bytes: Bytes, to offset: Int) -> Int where Bytes.Element == UInt8 {
        bytes.prefix(offset).count { $0 & 0xC0 != 0x80 }
    }
}

extension CorrectedArticle.Change {
    /// What the change removed and added, trimmed of the text both sides share, cut only at
    /// whitespace (so `Trmup` → `Trump` shows the word replaced, not two letters): the received
    /// text that is gone, and the UTF-8 range of `text` (the block's corrected text) that is new.
    func difference(in text: [UInt8]) -> (deleted: String, added: Range<Int>) {
        let a = Array(received.unicodeScalars)
        let b = Array(String(decoding: text[range], as: UTF8.self).unicodeScalars)
        func isCut(_ x: [Unicode.Scalar], _ i: Int) -> Bool {
            i == 0 || i == x.count || x[i - 1].properties.isWhitespace || x[i].properties.isWhitespace
        }
        var p = 0
        while p < a.count, p < b.count, a[p] == b[p] { p += 1 }
        while p > 0, !(isCut(a, p) && isCut(b, p)) { p -= 1 }
        var s = 0
        let limit = min(a.count, b.count) - p
        while s < limit, a[a.count - 1 - s] == b[b.count - 1 - s] { s += 1 }
        while s > 0, !(isCut(a, a.count - s) && isCut(b, b.count - s)) { s -= 1 }
        let deleted = String(String.UnicodeScalarView(a[p..<(a.count - s)]))
        let start = range.lowerBound + b[..<p].reduce(0) { $0 + UTF8.width($1) }
        let end = range.upperBound - b[(b.count - s)...].reduce(0) { $0 + UTF8.width($1) }
        return (deleted, start..<max(start, end))
    }
}
