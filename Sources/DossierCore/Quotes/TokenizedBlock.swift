/// A paragraph cut into words, punctuation and masked quotations, with its sentence boundaries.
///
/// Attribution reads the reporter's words around a quotation, never the words inside it, so each
/// quotation (and each quoted name) is a single opaque token here.
struct TokenizedBlock: Sendable {
    enum Kind: UInt8, Sendable {
        case word, comma, semicolon, colon, stop, openParenthesis, closeParenthesis, dash, ellipsis, quote
    }

    struct Token: Sendable {
        var kind: Kind
        var start: Int
        var end: Int
        var key: WordKey = .none
        var isCapitalized = false
        var isNumeric = false
        /// Lowercase, six letters or more, ending in "ly": the shape of an adverb (`repeatedly`).
        var hasAdverbShape = false
        /// Index into the block's mentions, or -1.
        var mention = -1
        /// Id of the masked quotation, or -1.
        var quote = -1
        /// A period that does not end a sentence (`Mr.`, `J.`, `D-Ore.,`).
        var isAbbreviation = false
    }

    /// A stretch of text that tokenizes as one `.quote` token.
    struct Region: Sendable {
        var range: Range<Int>
        var id: Int
        /// The quoted words end with `.`, `!` or `?`, so the sentence may end with the quotation.
        var endsSentence: Bool
    }

    let block: Int
    private(set) var tokens: [Token] = []
    /// Index of the first token of each sentence, ascending; starts with 0 when there are tokens.
    private(set) var sentenceStarts: [Int] = []

    init(block: Int, bytes: UnsafeBufferPointer<UInt8>, regions: [Region], mentions: [Mention]) {
        self.block = block
        tokenize(bytes, regions: regions)
        attach(mentions)
        splitSentences(bytes, regions: regions)
    }

    /// The sentence holding token `t`, as a token range.
    func sentence(containing t: Int) -> Range<Int> {
        var low = 0
        var high = sentenceStarts.count
        while low + 1 < high {
            let mid = (low + high) / 2
            if sentenceStarts[mid] <= t { low = mid } else { high = mid }
        }
        let start = sentenceStarts.isEmpty ? 0 : sentenceStarts[low]
        let end = low + 1 < sentenceStarts.count ? sentenceStarts[low + 1] : tokens.count
        return start..<end
    }

    /// Whether token `t` opens a sentence (a binary search of `sentenceStarts`, which needs no set).
    func isSentenceStart(_ t: Int) -> Bool {
        !sentenceStarts.isEmpty && sentence(containing: t).lowerBound == t
    }

    /// Marks `range` as one more mention, number `m` of the block's list: a name found in the text.
    mutating func markMention(_ m: Int, tokens range: Range<Int>) {
        for t in range where tokens[t].kind == .word { tokens[t].mention = m }
    }

    func isWord(_ t: Int) -> Bool { t >= 0 && t < tokens.count && tokens[t].kind == .word }

    func key(_ t: Int) -> WordKey { isWord(t) ? tokens[t].key : .none }

    // MARK: - Tokenizing

    private mutating func tokenize(_ bytes: UnsafeBufferPointer<UInt8>, regions: [Region]) {
        tokens.reserveCapacity(bytes.count / 5)
        var r = 0
        var i = 0
        let n = bytes.count
        while i < n {
            if r < regions.count, i >= regions[r].range.lowerBound {
                let region = regions[r]
                r += 1
                if region.range.upperBound > i {
                    tokens.append(Token(kind: .quote, start: region.range.lowerBound, end: region.range.upperBound, quote: region.id))
                    i = region.range.upperBound
                }
                continue
            }
            let limit = r < regions.count ? regions[r].range.lowerBound : n
            let byte = bytes[i]
            if byte < 0x80 {
                switch byte {
                case 0x20, 0x09, 0x0A, 0x0D:
                    i += 1
                case UInt8(ascii: ","):
                    tokens.append(Token(kind: .comma, start: i, end: i + 1)); i += 1
                case UInt8(ascii: ";"):
                    tokens.append(Token(kind: .semicolon, start: i, end: i + 1)); i += 1
                case UInt8(ascii: ":"):
                    tokens.append(Token(kind: .colon, start: i, end: i + 1)); i += 1
                case UInt8(ascii: "."):
                    var end = i + 1
                    while end < limit, bytes[end] == UInt8(ascii: ".") { end += 1 }
                    tokens.append(Token(kind: end - i > 1 ? .ellipsis : .stop, start: i, end: end)); i = end
                case UInt8(ascii: "!"), UInt8(ascii: "?"):
                    tokens.append(Token(kind: .stop, start: i, end: i + 1)); i += 1
                case UInt8(ascii: "("), UInt8(ascii: "["):
                    tokens.append(Token(kind: .openParenthesis, start: i, end: i + 1)); i += 1
                case UInt8(ascii: ")"), UInt8(ascii: "]"):
                    tokens.append(Token(kind: .closeParenthesis, start: i, end: i + 1)); i += 1
                case UInt8(ascii: "-"):
                    // A spaced hyphen is a dash; one stuck to a word (`claim- 'legacy`) is debris.
                    if i == 0 || bytes[i - 1] == 0x20 || bytes[i - 1] == 0x09 || bytes[i - 1] == 0x0A {
                        tokens.append(Token(kind: .dash, start: i, end: i + 1))
                    }
                    i += 1
                default:
                    if Self.isASCIIWordByte(byte) {
                        i = word(from: i, limit: limit, bytes)
                    } else {
                        i += 1
                    }
                }
                continue
            }
            var length = 1
            if byte & 0xE0 == 0xC0 { length = 2 } else if byte & 0xF0 == 0xE0 { length = 3 } else if byte & 0xF8 == 0xF0 { length = 4 }
            let scalar = EntityMatcher.decodeScalar(bytes, at: i)
            switch scalar {
            case "\u{2013}", "\u{2014}", "\u{2015}":
                tokens.append(Token(kind: .dash, start: i, end: i + length))
                i += length
            case "\u{2026}":
                tokens.append(Token(kind: .ellipsis, start: i, end: i + length))
                i += length
            default:
                let kind = QuoteMarkReader.classify(scalar)
                if kind == .letter || kind == .digit {
                    i = word(from: i, limit: limit, bytes)
                } else {
                    i += length
                }
            }
        }
    }

    /// Appends the word starting at `start` and returns the offset after it. Internal apostrophes and
    /// hyphens (`don’t`, `US-backed`), a trailing possessive apostrophe (`Kurds'`) and digit groups
    /// (`2,000`, `3.5`) stay inside the word.
    private mutating func word(from start: Int, limit: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var i = start
        var firstScalarUppercase = false
        var isNumeric = false
        var first = true
        while i < limit {
            let byte = bytes[i]
            if byte < 0x80 {
                if Self.isASCIIWordByte(byte) {
                    if first {
                        firstScalarUppercase = byte >= 65 && byte <= 90
                        isNumeric = byte >= 48 && byte <= 57
                        first = false
                    }
                    i += 1
                    continue
                }
                let nextIsWord = i + 1 < limit && Self.startsWord(bytes, at: i + 1)
                if byte == UInt8(ascii: "'") || byte == UInt8(ascii: "-") {
                    if nextIsWord { i += 1; continue }
                    if byte == UInt8(ascii: "'"), i > start, bytes[i - 1] == UInt8(ascii: "s") { i += 1 }
                    break
                }
                if (byte == UInt8(ascii: ",") || byte == UInt8(ascii: ".")), i > start, Self.isDigit(bytes[i - 1]),
                   i + 1 < limit, Self.isDigit(bytes[i + 1]) {
                    i += 1
                    continue
                }
                break
            }
            if byte == 0xE2, i + 2 < limit, bytes[i + 1] == 0x80, bytes[i + 2] == 0x99 || bytes[i + 2] == 0x98 {
                if i + 3 < limit, Self.startsWord(bytes, at: i + 3) { i += 3; continue }
                if i > start, bytes[i - 1] == UInt8(ascii: "s") { i += 3 }
                break
            }
            if byte == 0xE2, i + 2 < limit, bytes[i + 1] == 0x80, bytes[i + 2] == 0x91 || bytes[i + 2] == 0x90 {
                if i + 3 < limit, Self.startsWord(bytes, at: i + 3) { i += 3; continue }
                break
            }
            let scalar = EntityMatcher.decodeScalar(bytes, at: i)
            let kind = QuoteMarkReader.classify(scalar)
            guard kind == .letter || kind == .digit, let scalar else { break }
            if first {
                firstScalarUppercase = scalar.properties.isUppercase
                isNumeric = kind == .digit
                first = false
            }
            i += UTF8.width(scalar)
        }
        if i == start { return start + 1 }
        let adverbShape = !firstScalarUppercase && i - start >= 6 && bytes[i - 1] == UInt8(ascii: "y") && bytes[i - 2] == UInt8(ascii: "l")
        tokens.append(Token(kind: .word, start: start, end: i, key: WordKey(bytes, start..<i),
                            isCapitalized: firstScalarUppercase, isNumeric: isNumeric, hasAdverbShape: adverbShape))
        return i
    }

    private static func isASCIIWordByte(_ b: UInt8) -> Bool {
        (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122)
    }

    private static func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }

    private static func startsWord(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        guard i < bytes.count else { return false }
        let b = bytes[i]
        if b < 0x80 { return isASCIIWordByte(b) }
        let kind = QuoteMarkReader.classify(EntityMatcher.decodeScalar(bytes, at: i))
        return kind == .letter || kind == .digit
    }

    // MARK: - Mentions and sentences

    private mutating func attach(_ mentions: [Mention]) {
        guard !mentions.isEmpty else { return }
        var m = 0
        for t in tokens.indices where tokens[t].kind == .word {
            while m < mentions.count, mentions[m].range.upperBound <= tokens[t].start { m += 1 }
            guard m < mentions.count else { break }
            if mentions[m].range.lowerBound < tokens[t].end { tokens[t].mention = m }
        }
    }

    private mutating func splitSentences(_ bytes: UnsafeBufferPointer<UInt8>, regions: [Region]) {
        guard !tokens.isEmpty else { return }
        sentenceStarts = [0]
        var endsSentence: [Int: Bool] = [:]
        for region in regions where region.endsSentence { endsSentence[region.id] = true }
        for t in 0..<(tokens.count - 1) {
            let token = tokens[t]
            let boundary: Bool
            switch token.kind {
            case .stop:
                let abbreviation = isAbbreviation(period: t, bytes)
                tokens[t].isAbbreviation = abbreviation
                boundary = !abbreviation && startsSentence(t + 1)
            case .quote:
                boundary = endsSentence[token.quote] == true && startsSentence(t + 1) && !attributionFollows(t + 1)
            default:
                boundary = false
            }
            if boundary { sentenceStarts.append(t + 1) }
        }
    }

    private func startsSentence(_ t: Int) -> Bool {
        let token = tokens[t]
        switch token.kind {
        case .word: return token.isCapitalized || token.isNumeric
        case .quote, .openParenthesis: return true
        default: return false
        }
    }

    /// A period right after `Mr`, an initial (`L. Ron Hubbard`, `U.S.`) or another known abbreviation,
    /// or one that a comma follows (`Sen. Jane Roe, D-Ore., said`).
    private func isAbbreviation(period t: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes[tokens[t].start] == UInt8(ascii: "."), t > 0, tokens[t - 1].kind == .word,
              tokens[t - 1].end == tokens[t].start else { return false }
        if t + 1 < tokens.count, tokens[t + 1].kind == .comma { return true }
        // `D-N.Y.`, `U.S.`: a letter straight after the period.
        let after = tokens[t].end
        if after < bytes.count, (bytes[after] >= 65 && bytes[after] <= 90) || (bytes[after] >= 97 && bytes[after] <= 122) { return true }
        let word = tokens[t - 1]
        if word.end - word.start == 1 { return true }
        return AttributionLexicon.abbreviations.contains(word.key)
    }

    /// A speech verb within the next few words (`"…hours." Rathbun asserted`) keeps the sentence going.
    private func attributionFollows(_ t: Int) -> Bool {
        var i = t
        while i < tokens.count, i < t + 6 {
            let token = tokens[i]
            guard token.kind == .word || token.kind == .comma else { return false }
            if token.kind == .word, AttributionLexicon.speechVerbs[token.key] != nil { return true }
            i += 1
        }
        return false
    }
}
