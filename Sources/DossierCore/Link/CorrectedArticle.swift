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
        /// What the corrections changed, in text order: enough to map an offset of `text` back to
        /// `received` (see `receivedRange`). Empty for a paragraph no correction touched.
        var edits: [Edit] = []
        /// The paragraph as received, kept only once a correction changed it.
        private var original: String?
        /// The paragraph's text as received, before corrections.
        public var received: String { original ?? text }

        /// What corrections changed here, in text order, none overlapping, with their numbers:
        /// what the page's corrections trail marks (`edits` is the finer map for selectors).
        public var changes: [Change] = []

        init(index: Int, text: String, line: Int, insertions: [Range<Int>]) {
            self.index = index
            self.text = text
            self.line = line
            self.insertions = insertions
        }
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
        if original == nil { original = text }
        var bytes = Array(text.utf8)
        let inserted = Array(replacement.utf8)
        recordEdit(replacing: range, of: bytes, with: inserted)
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

/// One change a correction made to a paragraph: `corrected` in the corrected text stands where
/// `original` was in the received text (UTF-8 offsets; either may be empty).
struct Edit: Sendable, Hashable {
    var corrected: Range<Int>
    var original: Range<Int>
    var delta: Int { original.count - corrected.count }
}

extension CorrectedArticle.Block {
    /// The stretch of `received` that a range of the corrected `text` comes from (UTF-8 offsets).
    ///
    /// Text copied through maps exactly; a bound inside a correction's change widens to the whole
    /// change, so a phrase that takes in an insertion (`deployed to [Syria] in 2014`) maps to the
    /// damaged passage (`deployed to in 2014`), and one that only skips deleted debris excludes it.
    /// A range that lies wholly in inserted text maps to the passage its correction replaced.
    public func receivedRange(_ range: Range<Int>) -> Range<Int> {
        var start = range.lowerBound, end = range.upperBound
        var startShift = 0, endShift = 0
        var startInside: Edit?, endInside: Edit?
        for edit in edits {
            let c = edit.corrected
            if c.lowerBound < range.lowerBound && range.lowerBound < c.upperBound { startInside = edit }
            else if c.upperBound <= range.lowerBound { startShift += edit.delta }
            if c.lowerBound < range.upperBound && range.upperBound < c.upperBound { endInside = edit }
            else if c.upperBound < range.upperBound || (c.upperBound == range.upperBound && !c.isEmpty) { endShift += edit.delta }
        }
        start = startInside?.original.lowerBound ?? start + startShift
        end = endInside?.original.upperBound ?? end + endShift
        if end <= start, let edit = edits.first(where: { $0.corrected.lowerBound <= range.lowerBound && range.upperBound <= $0.corrected.upperBound }) {
            // Only inserted text: the passage the correction replaced, or the word it was inserted at.
            let widened = edit.original.isEmpty ? Self.word(around: edit.original.lowerBound, in: Array(received.utf8)) : edit.original
            return widened
        }
        return start..<max(start, end)
    }

    /// The word touching a UTF-8 offset (or the offset itself in white space).
    private static func word(around offset: Int, in bytes: [UInt8]) -> Range<Int> {
        func isWordByte(_ b: UInt8) -> Bool { !(b == 0x20 || b == 0x0A || b == 0x09) }
        var lower = offset, upper = offset
        while lower > 0, isWordByte(bytes[lower - 1]) { lower -= 1 }
        while upper < bytes.count, isWordByte(bytes[upper]) { upper += 1 }
        if lower == upper, upper < bytes.count { upper += 1 }
        return lower..<upper
    }

    /// Notes a replacement in `edits`: the bytes it shares with what it replaces at either end are
    /// not part of the change (`deployed to in 2014` → `deployed to [Syria] in 2014` inserts
    /// `[Syria] `), and a change touching earlier ones merges with them.
    fileprivate mutating func recordEdit(replacing range: Range<Int>, of bytes: [UInt8], with replacement: [UInt8]) {
        let old = bytes[range]
        var prefix = 0
        while prefix < old.count, prefix < replacement.count, old[old.startIndex + prefix] == replacement[prefix] { prefix += 1 }
        // Keep the bounds on scalar boundaries: a shared lead byte is not a shared character.
        while prefix > 0, prefix < old.count, old[old.startIndex + prefix] & 0xC0 == 0x80 { prefix -= 1 }
        while prefix > 0, prefix < replacement.count, replacement[prefix] & 0xC0 == 0x80 { prefix -= 1 }
        var suffix = 0
        while suffix < old.count - prefix, suffix < replacement.count - prefix,
              old[old.endIndex - 1 - suffix] == replacement[replacement.count - 1 - suffix] { suffix += 1 }
        while suffix > 0, old[old.endIndex - suffix] & 0xC0 == 0x80 { suffix -= 1 }
        let r0 = range.lowerBound + prefix, r1 = range.upperBound - suffix
        let insertedCount = replacement.count - prefix - suffix
        guard r1 - r0 != 0 || insertedCount != 0 else { return }
        // Edits touching [r0, r1] merge into one; by construction every edit's original start is its
        // corrected start plus the deltas of the edits before it.
        var before = 0, merged: [Edit] = [], after: [Edit] = [], kept: [Edit] = []
        for edit in edits {
            if edit.corrected.upperBound < r0 {
                before += edit.delta
                kept.append(edit)
            } else if edit.corrected.lowerBound > r1 {
                after.append(edit)
            } else {
                merged.append(edit)
            }
        }
        let c0 = min(r0, merged.first?.corrected.lowerBound ?? r0)
        let c1 = max(r1, merged.last?.corrected.upperBound ?? r1)
        let o0 = c0 + before
        let o1 = o0 + (c1 - c0) + merged.reduce(0) { $0 + $1.delta }
        let shift = insertedCount - (r1 - r0)
        kept.append(Edit(corrected: c0..<(c1 + shift), original: o0..<o1))
        kept += after.map { Edit(corrected: ($0.corrected.lowerBound + shift)..<($0.corrected.upperBound + shift), original: $0.original) }
        edits = kept
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

    /// The block's text as received (the corrected text with every change undone).
    public var receivedText: String { received }

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
