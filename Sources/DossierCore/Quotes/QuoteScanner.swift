/// A quotation as delimited by its marks, before attribution.
struct RawQuote: Sendable {
    /// Where the words inside the marks lie, one piece per paragraph, trimmed of surrounding spaces.
    struct Piece: Sendable {
        /// Position in `CorrectedArticle.blocks` (not the paragraph number).
        var block: Int
        var range: Range<Int>
    }

    var pieces: [Piece]
    /// Offset of the opening mark in the first block.
    var openStart: Int
    /// Offset just after the closing mark in the last block (the block's end when the mark is missing).
    var closeEnd: Int
}

/// Pairs quotation marks across an article's paragraphs in one pass.
///
/// Marks are paired with a stack per paragraph, so nested quotes stay inside their outer quote.
/// A quote still open at the end of a paragraph continues only under the newspaper convention
/// (the next paragraph opens with a mark of the same family); otherwise it is dropped with
/// everything inside it, so an unbalanced mark never swallows the rest of the article. Two repairs
/// for common typing slips, both only for a double quote opened where a quotation is announced
/// (paragraph start, after a colon or a speech verb): when the next paragraph lost its opening mark
/// but has the closing one first, the quote continues into it; otherwise its closing mark was lost,
/// and it runs to the end of its paragraph. Headlines never carry a quote into the body.
struct QuoteScanner {
    private struct Open {
        var family: QuoteFamily
        var contentStart: Int
        var possessiveClose: QuoteMark?
        /// Opened at the paragraph start, after a colon, a comma, a sentence end, a dash or a speech verb.
        var sentenceLevel: Bool
        /// Opened right where a quotation is announced (paragraph start, colon, speech verb).
        var announced: Bool
        /// Carried into a paragraph that lost its opening mark (it only has the closing one).
        var continuesWithoutMark = false
        var pieces: [RawQuote.Piece]
        var openStart: Int
    }

    static let maximumDepth = 8

    private(set) var quotes: [RawQuote] = []
    private var stack: [Open] = []
    private var carried: Open?

    /// Scans the non-empty blocks in order; `texts[i]` is `nil` for an emptied block.
    static func scan(_ texts: [[UInt8]?]) -> [RawQuote] {
        var scanner = QuoteScanner()
        var nextNonEmpty = [Int?](repeating: nil, count: texts.count)
        var following: Int?
        for b in texts.indices.reversed() {
            nextNonEmpty[b] = following
            if texts[b] != nil { following = b }
        }
        for b in texts.indices {
            guard let bytes = texts[b] else { continue }
            let next = nextNonEmpty[b].flatMap { texts[$0] }
            bytes.withUnsafeBufferPointer { buffer in
                if let next {
                    next.withUnsafeBufferPointer { scanner.scanBlock(buffer, block: b, next: $0) }
                } else {
                    scanner.scanBlock(buffer, block: b, next: nil)
                }
            }
        }
        return scanner.quotes.sorted { ($0.pieces[0].block, $0.openStart) < ($1.pieces[0].block, $1.openStart) }
    }

    private mutating func scanBlock(_ bytes: UnsafeBufferPointer<UInt8>, block: Int, next: UnsafeBufferPointer<UInt8>?) {
        let marks = QuoteMarkReader.marks(in: bytes)
        stack.removeAll(keepingCapacity: true)
        var m = 0
        if var open = carried {
            if open.continuesWithoutMark {
                open.contentStart = Self.firstNonSpace(bytes)
                open.continuesWithoutMark = false
                stack.append(open)
            } else if let first = marks.first, first.start == Self.firstNonSpace(bytes) {
                open.contentStart = first.end
                stack.append(open)
                m = 1
            }
        }
        carried = nil
        while m < marks.count {
            var mark = marks[m]
            m += 1
            if mark.canClose, !mark.canOpen, bytes[mark.start] == 0x22, !stack.contains(where: { $0.family == .double }),
               Self.followsAttribution(mark.start, in: bytes) {
                // `Wilkins said," [Warhol] liked…"`: an opening mark typed on the wrong side of its space.
                mark.canOpen = true
                mark.canClose = false
            }
            let top = stack.lastIndex(where: { $0.family == mark.family })
            if mark.canClose, let k = top, !(mark.canOpen && k != stack.count - 1) {
                if mark.isPossessiveLike && !mark.canOpen {
                    stack[k].possessiveClose = mark   // decided later: a plainer closing mark may follow
                } else {
                    close(k, at: mark, in: bytes, block: block)
                }
            } else if mark.canOpen {
                if let last = stack.last, last.family == mark.family, let pending = last.possessiveClose {
                    close(stack.count - 1, at: pending, in: bytes, block: block)
                }
                // Real nesting is two or three deep; past that the marks are debris, and a bounded stack keeps this linear.
                if stack.count < Self.maximumDepth { stack.append(open(mark, in: bytes, block: block)) }
            }
        }
        finishBlock(bytes, block: block, next: next)
    }

    private func open(_ mark: QuoteMark, in bytes: UnsafeBufferPointer<UInt8>, block: Int) -> Open {
        let context = Self.context(before: mark.start, in: bytes)
        return Open(family: mark.family, contentStart: mark.end, possessiveClose: nil,
                    sentenceLevel: context != .inline, announced: context == .announced,
                    pieces: [], openStart: mark.start)
    }

    private mutating func close(_ k: Int, at mark: QuoteMark, in bytes: UnsafeBufferPointer<UInt8>, block: Int) {
        let open = stack[k]
        stack.removeSubrange(k...)
        guard k == 0 else { return }   // a nested quote is part of its outer quote
        var pieces = open.pieces
        pieces.append(RawQuote.Piece(block: block, range: Self.trimmed(open.contentStart..<mark.start, in: bytes)))
        quotes.append(RawQuote(pieces: pieces, openStart: open.openStart, closeEnd: mark.end))
    }

    private mutating func finishBlock(_ bytes: UnsafeBufferPointer<UInt8>, block: Int, next: UnsafeBufferPointer<UInt8>?) {
        // Possessive-like marks close what nothing else closed; other unclosed inner quotes were stray marks.
        while let top = stack.last {
            if let pending = top.possessiveClose {
                close(stack.count - 1, at: pending, in: bytes, block: block)
            } else if stack.count > 1 {
                stack.removeLast()
            } else {
                break
            }
        }
        guard var open = stack.first else { return }
        stack.removeAll(keepingCapacity: true)
        let piece = RawQuote.Piece(block: block, range: Self.trimmed(open.contentStart..<bytes.count, in: bytes))
        let isHeadline = block == 0
        if !isHeadline, open.sentenceLevel || !open.pieces.isEmpty, let next, Self.opensWith(open.family, next) {
            open.pieces.append(piece)
            carried = open
        } else if !isHeadline, open.announced || !open.pieces.isEmpty, let next, Self.closesFirst(open.family, next) {
            // `said, "We will win.` then a paragraph without its opening mark that ends `…soon."`.
            open.pieces.append(piece)
            open.continuesWithoutMark = true
            carried = open
        } else if !isHeadline, !open.pieces.isEmpty || (open.family == .double && open.announced) {
            open.pieces.append(piece)
            quotes.append(RawQuote(pieces: open.pieces, openStart: open.openStart, closeEnd: bytes.count))
        }
    }

    /// True when the paragraph's first visible character is an opening mark of `family`.
    private static func opensWith(_ family: QuoteFamily, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = firstNonSpace(bytes)
        guard let mark = QuoteMarkReader.marks(in: UnsafeBufferPointer(rebasing: bytes[start..<min(bytes.count, start + 8)])).first else {
            return false
        }
        return mark.start == 0 && mark.family == family && mark.canOpen
    }

    /// True when the first mark of `family` in the paragraph can only close: its opening mark was lost.
    private static func closesFirst(_ family: QuoteFamily, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = QuoteMarkReader.marks(in: bytes).first(where: { $0.family == family }) else { return false }
        return first.canClose && !first.canOpen && !first.isPossessiveLike
    }

    private static func firstNonSpace(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var i = 0
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A || bytes[i] == 0x0D { i += 1 }
        return i
    }

    /// Where an opening mark sits in its sentence.
    enum OpeningContext { case announced, sentenceLevel, inline }

    static func context(before offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> OpeningContext {
        var i = offset
        while i > 0, bytes[i - 1] == 0x20 || bytes[i - 1] == 0x09 || bytes[i - 1] == 0x0A { i -= 1 }
        guard i > 0 else { return .announced }
        let previous = bytes[i - 1]
        if previous == UInt8(ascii: ":") { return .announced }
        if previous == UInt8(ascii: ","), endsWithSpeechVerb(bytes, before: i - 1) { return .announced }   // `said, "…`
        if previous == UInt8(ascii: ",") || previous == UInt8(ascii: ".") || previous == UInt8(ascii: "!")
            || previous == UInt8(ascii: "?") || previous == UInt8(ascii: "(") || previous == UInt8(ascii: "-") {
            return .sentenceLevel
        }
        if previous >= 0x80 {
            var start = i - 1
            while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
            if QuoteMarkReader.classify(EntityMatcher.decodeScalar(bytes, at: start)) == .dash { return .sentenceLevel }
            return .inline
        }
        return endsWithSpeechVerb(bytes, before: i) ? .announced : .inline
    }

    /// True when the ASCII word ending at `end` is a speech verb (`said`, `told`).
    private static func endsWithSpeechVerb(_ bytes: UnsafeBufferPointer<UInt8>, before end: Int) -> Bool {
        var start = end
        while start > 0, QuoteMarkReader.isASCIILetter(bytes[start - 1]) { start -= 1 }
        return start < end && AttributionLexicon.speechVerbs[WordKey(bytes, start..<end)] != nil
    }

    /// True when the mark at `offset` sits right after `said,` or `said:`, or after a comma or colon and
    /// before a space and a capital (`communities," For example…`): it opens, its space typed on the wrong side.
    private static func followsAttribution(_ offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard offset >= 2, bytes[offset - 1] == UInt8(ascii: ",") || bytes[offset - 1] == UInt8(ascii: ":") else { return false }
        if endsWithSpeechVerb(bytes, before: offset - 1) { return true }
        return offset + 2 < bytes.count && bytes[offset + 1] == 0x20 && bytes[offset + 2] >= 65 && bytes[offset + 2] <= 90
    }

    static func trimmed(_ range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        var lower = range.lowerBound
        var upper = max(range.lowerBound, range.upperBound)
        while lower < upper, isSpace(bytes, at: lower) { lower += bytes[lower] == 0xC2 ? 2 : 1 }
        while upper > lower {
            if bytes[upper - 1] == 0x20 || bytes[upper - 1] == 0x09 || bytes[upper - 1] == 0x0A || bytes[upper - 1] == 0x0D {
                upper -= 1
            } else if upper - 2 >= lower, bytes[upper - 2] == 0xC2, bytes[upper - 1] == 0xA0 {
                upper -= 2
            } else {
                break
            }
        }
        return lower..<upper
    }

    private static func isSpace(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        let b = bytes[i]
        return b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || (b == 0xC2 && i + 1 < bytes.count && bytes[i + 1] == 0xA0)
    }
}
