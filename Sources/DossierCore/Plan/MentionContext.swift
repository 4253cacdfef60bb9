/// The sentence in which a briefing first names each entity: the context an entity's timeline
/// shows for each briefing. Taken from the article as corrected (the headline only when the body
/// never names it), cut at sentence ends, and shortened around the name when long.
enum MentionContext {
    /// Longer sentences are cut to about this many bytes around the name, at spaces.
    static let maximumLength = 240

    /// A sentence as a piece of its block's text, which the briefing holds anyway: a site's
    /// timelines hold one context per entity per briefing, and a copy of each was the largest
    /// thing planning kept. The string is made when the entity page is rendered.
    struct Sentence: Hashable, Sendable {
        /// The bytes between the cuts, untrimmed.
        var piece: Substring
        var cutStart = false, cutEnd = false

        /// Trimmed, with "…" where it was cut.
        var text: String {
            (cutStart ? "… " : "") + String(piece).trimmingWhitespace() + (cutEnd ? " …" : "")
        }
    }

    /// Entity index → its sentence, for one briefing: two arrays in entity order, since a site
    /// holds one table per briefing and a small dictionary takes several times the bytes.
    struct Table: Hashable, Sendable {
        private var entities: [Int] = []
        private var sentences: [Sentence] = []

        init(_ byEntity: [Int: Sentence]) {
            entities = byEntity.keys.sorted()
            sentences = entities.map { byEntity[$0]! }
        }

        subscript(entity: Int) -> Sentence? {
            var low = 0, high = entities.count
            while low < high {
                let mid = (low + high) / 2
                if entities[mid] < entity { low = mid + 1 } else { high = mid }
            }
            return low < entities.count && entities[low] == entity ? sentences[low] : nil
        }
    }

    /// Entity index → the sentence of its first mention.
    static func sentences(in briefing: Briefing) -> Table {
        var result: [Int: Sentence] = [:]
        let blocks = briefing.article.blocks
        let order = Array(blocks.indices.dropFirst()) + (blocks.isEmpty ? [] : [0])
        for b in order where b < briefing.mentions.count {
            var bytes: [UInt8]?
            for mention in briefing.mentions[b] where result[mention.entity] == nil {
                if bytes == nil { bytes = Array(blocks[b].text.utf8) }
                result[mention.entity] = Cut(around: mention.range, in: bytes!).sentence(in: blocks[b].text)
            }
        }
        return Table(result)
    }

    /// The sentence of `text` holding the UTF-8 `range`, trimmed, with "…" where it was cut.
    static func sentence(around range: Range<Int>, in text: String) -> String {
        Cut(around: range, in: Array(text.utf8)).sentence(in: text).text
    }

    /// Where the sentence around a range starts and ends, and whether it was shortened at either end.
    private struct Cut {
        var start: Int, end: Int
        var cutStart = false, cutEnd = false

        init(around range: Range<Int>, in bytes: [UInt8]) {
            let lower = min(max(0, range.lowerBound), bytes.count), upper = min(max(lower, range.upperBound), bytes.count)
            start = lower
            while start > 0, !endsSentence(bytes, before: start) { start -= 1 }
            end = upper
            while end < bytes.count, !endsSentence(bytes, before: end) { end += 1 }
            if end - start > maximumLength {
                // Keep the name, with context on both sides, cut at spaces.
                let room = max(0, (maximumLength - (upper - lower)) / 2)
                if lower - start > room {
                    var s = lower - room
                    while s < lower, bytes[s] != 0x20 { s += 1 }
                    start = s; cutStart = true
                }
                if end - upper > room {
                    var e = upper + room
                    while e > upper, bytes[e] != 0x20 { e -= 1 }
                    end = e; cutEnd = true
                }
            }
        }

        /// The cut piece of `text` (whose bytes the cut was made in): cuts fall at ASCII bytes or
        /// at the mention's bounds, so on scalar boundaries.
        func sentence(in text: String) -> Sentence {
            let utf8 = text.utf8
            let lower = utf8.index(utf8.startIndex, offsetBy: start), upper = utf8.index(utf8.startIndex, offsetBy: end)
            return Sentence(piece: Substring(utf8[lower..<upper]), cutStart: cutStart, cutEnd: cutEnd)
        }
    }

    /// Whether a sentence ends just before `i`: after `.`, `!`, `?` or `…` (and any closing
    /// quotes or brackets) followed by a space, or at a line break.
    private static func endsSentence(_ bytes: [UInt8], before i: Int) -> Bool {
        guard i > 0, i < bytes.count else { return true }
        if bytes[i - 1] == 0x0A { return true }
        guard bytes[i] == 0x20 || bytes[i] == 0x0A else { return false }
        var j = i - 1
        // Closing quotes and brackets: " ' ) ] and the UTF-8 tails of ” ’ (E2 80 9D / 99).
        while j > 0 {
            if bytes[j] == 0x22 || bytes[j] == 0x27 || bytes[j] == 0x29 || bytes[j] == 0x5D { j -= 1; continue }
            if j >= 2, bytes[j - 2] == 0xE2, bytes[j - 1] == 0x80, bytes[j] == 0x9D || bytes[j] == 0x99 { j -= 3; continue }
            break
        }
        if bytes[j] == 0x2E || bytes[j] == 0x21 || bytes[j] == 0x3F { return !isAbbreviation(bytes, dotAt: j) }
        // … is E2 80 A6.
        return j >= 2 && bytes[j - 2] == 0xE2 && bytes[j - 1] == 0x80 && bytes[j] == 0xA6
    }

    /// `Mr.`, `Dr.`, `U.S.`: a dot after a one- or two-letter capitalised word, or after a single letter.
    private static func isAbbreviation(_ bytes: [UInt8], dotAt j: Int) -> Bool {
        guard bytes[j] == 0x2E else { return false }
        var k = j
        while k > 0, (bytes[k - 1] >= 0x41 && bytes[k - 1] <= 0x5A) || (bytes[k - 1] >= 0x61 && bytes[k - 1] <= 0x7A) { k -= 1 }
        let word = j - k
        guard word > 0, bytes[k] >= 0x41, bytes[k] <= 0x5A else { return false }
        if word == 1 { return true }
        let text = String(decoding: bytes[k..<j], as: UTF8.self)
        return ["Mr", "Mrs", "Ms", "Dr", "St", "Jr", "Sr", "Gen", "Col", "Lt", "Sgt", "Rep", "Sen", "Gov", "Prof", "Rev", "No", "Vol"].contains(text)
    }
}
