/// An article after its annotation's corrections: same paragraph numbering as received, with
/// editorial insertions remembered so they render in brackets, and every change remembered with
/// the text it replaced, so the page can show the article as received and as corrected.
public struct CorrectedArticle: Sendable, Hashable {
    public struct Block: Sendable, Hashable {
        public var index: Int
        public var text: String
        public var line: Int
        /// UTF-8 ranges of editorial insertions, brackets included.
        public var insertions: [Range<Int>]
        /// What corrections changed here, in text order, none overlapping.
        public var changes: [Change] = []
        /// A paragraph emptied by corrections (`READ MORE:`) keeps its number but is not shown.
        public var isEmpty: Bool { text.allSatisfy { $0.isWhitespace } }
    }

    /// One place where corrections changed the text.
    public struct Change: Sendable, Hashable {
        /// The corrections (indexes into `corrections`) that made it, ascending: more than one when
        /// a later correction rewrote text an earlier one had changed.
        public var corrections: [Int]
        /// UTF-8 range of the block's corrected text that replaced `received`; empty for a deletion.
        public var range: Range<Int>
        /// The text that was there as received.
        public var received: String
    }

    public var blocks: [Block]
    /// The corrections applied, in the annotation's order.
    public var corrections: [Correction]
    /// SHA-256 of the article file as received (see `Article.sha256`).
    public var receivedSHA256: String?

    /// Applies `corrections` in order; each replaces every occurrence of its `find` (normalised
    /// whitespace, quotes and dashes; case-sensitive). A `find` that matches nothing is an error.
    public init(article: Article, corrections: [Correction], diagnostics: inout [Diagnostic]) {
        blocks = article.paragraphs.map { Block(index: $0.index, text: $0.text, line: $0.line, insertions: []) }
        self.corrections = corrections
        receivedSHA256 = article.sha256
        // Normalised views are rebuilt only for blocks a correction changed.
        var normalized = [NormalizedText?](repeating: nil, count: blocks.count)
        var index: TrigramIndex?
        if TrigramIndex.pays(patterns: corrections.count, texts: blocks.count) {
            for b in blocks.indices { normalized[b] = NormalizedText(blocks[b].text) }
            index = TrigramIndex(normalized.map { $0! })
        }
        var suggestionsLeft = Self.closestPassageLimit
        for (number, correction) in corrections.enumerated() {
            let pattern = NormalizedText.pattern(correction.find)
            var applied = 0
            for b in index?.candidates(for: pattern) ?? Array(blocks.indices) {
                if normalized[b] == nil { normalized[b] = NormalizedText(blocks[b].text) }
                let occurrences = normalized[b]!.occurrences(of: pattern)
                guard !occurrences.isEmpty else { continue }
                for range in occurrences.reversed() {
                    blocks[b].replace(range, with: correction.replace, correction: number)
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
    /// Replaces a UTF-8 range, turning `[word]` in the replacement into an editorial insertion
    /// and remembering the text replaced as a `Change` of correction number `correction`.
    mutating func replace(_ range: Range<Int>, with replacement: String, correction: Int) {
        var bytes = Array(text.utf8)
        let inserted = Array(replacement.utf8)
        recordChange(range, inserted: inserted.count, correction: correction, bytes: bytes)
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

extension CorrectedArticle.Block {
    /// Folds the replacement of `range` by `inserted` bytes into `changes`: a change it overlaps
    /// becomes part of the new one, whose `received` text is then rebuilt from the received pieces.
    private mutating func recordChange(_ range: Range<Int>, inserted: Int, correction: Int, bytes: [UInt8]) {
        var lower = range.lowerBound, upper = range.upperBound
        var absorbed: [CorrectedArticle.Change] = [], kept: [CorrectedArticle.Change] = []
        for change in changes {
            let c = change.range
            let inside = c.isEmpty ? c.lowerBound > range.lowerBound && c.lowerBound < range.upperBound
                                   : c.lowerBound < range.upperBound && range.lowerBound < c.upperBound
            if inside {
                absorbed.append(change)
                lower = min(lower, c.lowerBound)
                upper = max(upper, c.upperBound)
            } else {
                kept.append(change)
            }
        }
        var received: [UInt8] = []
        var cursor = lower
        for change in absorbed {
            received += bytes[cursor..<change.range.lowerBound]
            received += change.received.utf8
            cursor = change.range.upperBound
        }
        received += bytes[cursor..<upper]
        let delta = inserted - range.count
        changes = kept.map { change in
            guard change.range.lowerBound >= range.upperBound else { return change }
            var moved = change
            moved.range = (change.range.lowerBound + delta)..<(change.range.upperBound + delta)
            return moved
        }
        let numbers = Set(absorbed.flatMap(\.corrections) + [correction]).sorted()
        changes.append(.init(corrections: numbers, range: lower..<(upper + delta), received: String(decoding: received, as: UTF8.self)))
        changes.sort { ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound) }
    }

    /// The block's text as received: the corrected text with every change undone.
    public var receivedText: String {
        guard !changes.isEmpty else { return text }
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        var cursor = 0
        for change in changes {
            out += bytes[cursor..<change.range.lowerBound]
            out += change.received.utf8
            cursor = change.range.upperBound
        }
        out += bytes[cursor...]
        return String(decoding: out, as: UTF8.self)
    }

    /// Each change's UTF-8 range in `receivedText` (same order as `changes`).
    public var receivedRanges: [Range<Int>] {
        var shift = 0
        return changes.map { change in
            let start = change.range.lowerBound + shift
            shift += change.received.utf8.count - change.range.count
            return start..<(start + change.received.utf8.count)
        }
    }
}

extension Article {
    var fileName: String { SourceFile.fileName(of: path) }
}
