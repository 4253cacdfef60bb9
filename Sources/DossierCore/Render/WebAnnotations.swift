/// `briefings/<slug>/annotations.jsonld`: the briefing's anchored notes as a W3C Web Annotation
/// collection (https://www.w3.org/TR/annotation-model/), so annotation tools (Hypothesis and
/// others) can show them on the source article.
///
/// Each note's target is the source article (`url` from the article's or annotation's front
/// matter; the briefing page when there is none) with a `TextQuoteSelector` (exact text and 32
/// characters either side) and a `TextPositionSelector`, both in the article **as received**: its
/// paragraphs before corrections, headline first, joined by one blank line (`"\n\n"`), counted in
/// Unicode code points. For an article file with single blank lines and no trailing spaces that is
/// exactly the file's text after its front matter. Notes anchor in the corrected text; their ranges
/// are mapped back through the corrections (`CorrectedArticle.Block.receivedRange`).
struct WebAnnotations {
    let config: SiteConfig

    /// Characters of context on either side in a `TextQuoteSelector`, as Hypothesis records.
    static let contextLength = 32
    static let fileName = "annotations.jsonld"

    /// One note's place in the received text.
    struct Selection: Equatable {
        var start: Int
        var end: Int
        var exact: String
        var prefix: String
        var suffix: String
    }

    /// The article as received, as the selectors count it.
    static func receivedText(_ article: CorrectedArticle) -> String {
        article.blocks.map(\.received).joined(separator: "\n\n")
    }

    /// Where each note of `briefing` lies in the received text, in the order of `briefing.notes`.
    static func selections(_ briefing: Briefing) -> [Selection] {
        let blocks = briefing.article.blocks
        // Code-point offset of each block's start in the received text.
        var blockStart: [Int: Int] = [:]
        var offset = 0
        for block in blocks {
            blockStart[block.index] = offset
            offset += block.received.unicodeScalars.count + 2
        }
        let scalars = Array(receivedText(briefing.article).unicodeScalars)
        func string(_ range: Range<Int>) -> String {
            var s = String.UnicodeScalarView()
            s.append(contentsOf: scalars[range])
            return String(s)
        }
        // Code points before each UTF-8 offset of a block's received text, built once per block
        // that has notes: converting a prefix per note would cost notes × paragraph length.
        var codePointsBefore: [Int: [Int]] = [:]
        func codePoints(_ b: Int) -> [Int] {
            if let table = codePointsBefore[b] { return table }
            var table: [Int] = []
            let utf8 = blocks[b].received.utf8
            table.reserveCapacity(utf8.count + 1)
            var count = 0
            for byte in utf8 {
                table.append(count)
                if byte & 0xC0 != 0x80 { count += 1 }
            }
            table.append(count)
            // An offset inside a scalar counts it as begun: ranges end on scalar boundaries anyway.
            codePointsBefore[b] = table
            return table
        }
        return briefing.notes.map { note in
            guard let b = blocks.indices.contains(note.span.paragraph) && blocks[note.span.paragraph].index == note.span.paragraph
                    ? note.span.paragraph : blocks.firstIndex(where: { $0.index == note.span.paragraph }),
                  let base = blockStart[note.span.paragraph] else {
                return Selection(start: 0, end: 0, exact: "", prefix: "", suffix: "")
            }
            let range = blocks[b].receivedRange(note.span.range)
            let table = codePoints(b)
            let start = base + table[range.lowerBound], end = base + table[range.upperBound]
            return Selection(
                start: start, end: end, exact: string(start..<end),
                prefix: string(max(0, start - contextLength)..<start), suffix: string(end..<min(scalars.count, end + contextLength)))
        }
    }

    /// The collection for one briefing; `pageURL` is the briefing page's absolute URL.
    func collection(_ briefing: Briefing, noteHTML: [String], pageURL: String) -> JSON {
        let id = pageURL + Self.fileName
        let source = briefing.provenance.url ?? pageURL
        let creator: JSON = .object([("type", .string("Organization")), ("name", .string(config.author ?? config.title))])
        let selections = Self.selections(briefing)
        // Numbered as on the page (text order), so `#note-3` here is note 3 there.
        let order = briefing.notes.indices.sorted {
            (briefing.notes[$0].span.paragraph, briefing.notes[$0].span.range.lowerBound, $0)
                < (briefing.notes[$1].span.paragraph, briefing.notes[$1].span.range.lowerBound, $1)
        }
        let items: [JSON] = order.enumerated().map { number, i in
            let note = briefing.notes[i].note
            let selection = selections[i]
            var annotation: [(String, JSON)] = [
                ("id", .string("\(id)#note-\(number + 1)")),
                ("type", .string("Annotation")),
                ("motivation", .string("commenting")),
                ("creator", creator),
            ]
            if let briefed = briefing.briefed { annotation.append(("created", .string(briefed.description + "T00:00:00Z"))) }
            annotation += [
                ("body", .object([
                    ("type", .string("Choice")),
                    ("items", .array([
                        textualBody(noteHTML[i], format: "text/html"),
                        textualBody(note.markdown.trimmingWhitespace(), format: "text/markdown"),
                    ])),
                ])),
                ("target", .object([
                    ("source", .string(source)),
                    ("selector", .array([
                        .object([
                            ("type", .string("TextQuoteSelector")), ("exact", .string(selection.exact)),
                            ("prefix", .string(selection.prefix)), ("suffix", .string(selection.suffix)),
                        ]),
                        .object([("type", .string("TextPositionSelector")), ("start", .int(selection.start)), ("end", .int(selection.end))]),
                    ])),
                ])),
            ]
            return .object(annotation)
        }
        var collection: [(String, JSON)] = [
            ("@context", .string("http://www.w3.org/ns/anno.jsonld")),
            ("id", .string(id)),
            ("type", .string("AnnotationCollection")),
            ("label", .string(briefing.title)),
            ("creator", creator),
            ("total", .int(items.count)),
        ]
        if !items.isEmpty {
            collection.append(("first", .object([
                ("id", .string(id + "#page-1")), ("type", .string("AnnotationPage")), ("startIndex", .int(0)), ("items", .array(items)),
            ])))
        }
        return .object(collection)
    }

    private func textualBody(_ value: String, format: String) -> JSON {
        .object([("type", .string("TextualBody")), ("value", .string(value)), ("format", .string(format)), ("language", .string(config.language))])
    }
}
