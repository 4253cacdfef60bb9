/// An article after its annotation's corrections: same paragraph numbering as received, with
/// editorial insertions remembered so they render in brackets.
public struct CorrectedArticle: Sendable, Hashable {
    public struct Block: Sendable, Hashable {
        public var index: Int
        public var text: String
        public var line: Int
        /// UTF-8 ranges of editorial insertions, brackets included.
        public var insertions: [Range<Int>]
        /// A paragraph emptied by corrections (`READ MORE:`) keeps its number but is not shown.
        public var isEmpty: Bool { text.allSatisfy { $0.isWhitespace } }
    }

    public var blocks: [Block]

    /// Applies `corrections` in order; each replaces every occurrence of its `find` (normalised
    /// whitespace, quotes and dashes; case-sensitive). A `find` that matches nothing is an error.
    public init(article: Article, corrections: [Correction], diagnostics: inout [Diagnostic]) {
        blocks = article.paragraphs.map { Block(index: $0.index, text: $0.text, line: $0.line, insertions: []) }
        // Normalised views are rebuilt only for blocks a correction changed.
        var normalized = [NormalizedText?](repeating: nil, count: blocks.count)
        var index: TrigramIndex?
        if TrigramIndex.pays(patterns: corrections.count, texts: blocks.count) {
            for b in blocks.indices { normalized[b] = NormalizedText(blocks[b].text) }
            index = TrigramIndex(normalized.map { $0! })
        }
        var suggestionsLeft = Self.closestPassageLimit
        for correction in corrections {
            let pattern = NormalizedText.pattern(correction.find)
            var applied = 0
            for b in index?.candidates(for: pattern) ?? Array(blocks.indices) {
                if normalized[b] == nil { normalized[b] = NormalizedText(blocks[b].text) }
                let occurrences = normalized[b]!.occurrences(of: pattern)
                guard !occurrences.isEmpty else { continue }
                for range in occurrences.reversed() {
                    blocks[b].replace(range, with: correction.replace)
                    applied += 1
                }
                normalized[b] = nil
                if index != nil {
                    normalized[b] = NormalizedText(blocks[b].text)
                    index!.add(normalized[b]!, at: b)
                }
            }
            if applied == 0 {
                var notes = ["corrections repair text that appears in \(article.path); copy the damaged passage exactly"]
                suggestionsLeft -= 1
                if suggestionsLeft >= 0, let closest = closestPassage(to: pattern, in: blocks) {
                    notes.insert("closest passage: \"\(closest.text)\" (paragraph \(closest.paragraph))", at: 0)
                }
                diagnostics.append(.error(.link, "correction finds no \"\(correction.find)\" in \(article.fileName)", at: correction.location, notes: notes))
            }
        }
    }

    /// How many phrases of one article get a "closest passage" note: each search costs the whole
    /// article, and a real mistake is never one of thousands.
    static let closestPassageLimit = 20

    func closestPassage(to pattern: [Unicode.Scalar], in blocks: [Block]) -> (text: String, paragraph: Int)? {
        var best: (String, Int, Int)?
        for block in blocks where !block.isEmpty {
            if let found = NormalizedText(block.text).closestPassage(to: pattern, in: block.text), best == nil || found.distance < best!.2 {
                best = (found.text, block.index, found.distance)
            }
        }
        guard let best, best.2 <= max(3, pattern.count / 2) else { return nil }
        return (best.0, best.1)
    }
}

extension CorrectedArticle.Block {
    /// Replaces a UTF-8 range, turning `[word]` in the replacement into an editorial insertion.
    mutating func replace(_ range: Range<Int>, with replacement: String) {
        var bytes = Array(text.utf8)
        let inserted = Array(replacement.utf8)
        bytes.replaceSubrange(range, with: inserted)
        text = String(decoding: bytes, as: UTF8.self)
        let delta = inserted.count - range.count
        insertions = insertions.compactMap { span in
            if span.upperBound <= range.lowerBound { return span }
            if span.lowerBound >= range.upperBound { return (span.lowerBound + delta)..<(span.upperBound + delta) }
            return nil
        }
        var open: Int?
        for (i, byte) in inserted.enumerated() {
            if byte == UInt8(ascii: "[") {
                open = i
            } else if byte == UInt8(ascii: "]"), let start = open {
                insertions.append((range.lowerBound + start)..<(range.lowerBound + i + 1))
                open = nil
            }
        }
        insertions.sort { $0.lowerBound < $1.lowerBound }
    }
}

extension Article {
    var fileName: String { SourceFile.fileName(of: path) }
}
