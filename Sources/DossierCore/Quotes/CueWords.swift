/// The reporter's words that attribute a quotation, as an editor checks them (`he said`,
/// `said spokesman John Doe`, `Jane Roe, The Daily Ledger`).
struct CueWords {
    let finder: AttributionFinder
    let bytes: UnsafeBufferPointer<UInt8>

    private var tokens: [TokenizedBlock.Token] { finder.block.tokens }

    /// The attribution right after quotation token `q`, up to the punctuation that ends it.
    func after(_ q: Int) -> String? {
        var start = q + 1
        if start < tokens.count, tokens[start].kind == .comma || tokens[start].kind == .dash { start += 1 }
        var end = start
        var words = 0
        while end < tokens.count, words < Self.longest {
            let token = tokens[end]
            if token.kind == .word {
                words += 1
            } else if !(token.kind == .stop && token.isAbbreviation) {
                break
            }
            end += 1
        }
        return text(start..<end)
    }

    /// The attribution before quotation token `q`, from token `start` of its sentence.
    func before(_ q: Int, from start: Int, in sentence: Range<Int>) -> String? {
        var end = min(q, tokens.count)
        while end > start, tokens[end - 1].kind != .word { end -= 1 }
        var begin = max(start, sentence.lowerBound)
        // Another quotation in between is not part of the cue.
        if let quote = (begin..<end).last(where: { tokens[$0].kind == .quote }) { begin = quote + 1 }
        var words = 0
        var k = end
        while k > begin, words < Self.longest {
            k -= 1
            if tokens[k].kind == .word { words += 1 }
        }
        return text(max(begin, k)..<end)
    }

    private func text(_ range: Range<Int>) -> String? {
        guard !range.isEmpty, range.upperBound <= tokens.count else { return nil }
        let start = tokens[range.lowerBound].start
        let end = min(bytes.count, tokens[range.upperBound - 1].end)
        guard start < end else { return nil }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self).replacingNewlines()
    }

    private static let longest = 12
}
