/// A word folded to lowercase ASCII and packed into two integers.
///
/// Attribution looks every word up in small lexicons (speech verbs, titles, prepositions); packing
/// the word lets those look-ups hash 16 bytes instead of allocating a `String` per word.
/// Words longer than 16 bytes or with non-ASCII letters get `.none`, which no lexicon contains.
struct WordKey: Hashable, Sendable {
    var low: UInt64
    var high: UInt64

    static let none = WordKey(low: 0, high: 0)

    init(low: UInt64, high: UInt64) {
        self.low = low
        self.high = high
    }

    /// Packs `bytes[range]`, folding ASCII capitals to lowercase and curly apostrophes to `'`.
    init(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        var low: UInt64 = 0
        var high: UInt64 = 0
        var count = 0
        var i = range.lowerBound
        while i < range.upperBound {
            var byte = bytes[i]
            if byte >= 0x80 {
                // ’ (E2 80 99) and ‘ (E2 80 98) fold to a straight apostrophe; other scalars do not pack.
                guard byte == 0xE2, i + 2 < range.upperBound, bytes[i + 1] == 0x80,
                      bytes[i + 2] == 0x99 || bytes[i + 2] == 0x98 else {
                    self = .none
                    return
                }
                byte = UInt8(ascii: "'")
                i += 2
            } else if byte >= 65 && byte <= 90 {
                byte += 32
            }
            guard count < 16 else {
                self = .none
                return
            }
            if count < 8 {
                low |= UInt64(byte) << (8 * UInt64(count))
            } else {
                high |= UInt64(byte) << (8 * UInt64(count - 8))
            }
            count += 1
            i += 1
        }
        self.low = low
        self.high = high
    }

    /// The packed bytes, lowercase, without the padding.
    var bytes: [UInt8] {
        var result: [UInt8] = []
        for word in [low, high] {
            for i in 0..<8 {
                let byte = UInt8(truncatingIfNeeded: word >> (8 * UInt64(i)))
                guard byte != 0 else { return result }
                result.append(byte)
            }
        }
        return result
    }

    /// The key of a lexicon entry.
    init(_ word: String) {
        var word = word
        self = word.withUTF8 { WordKey($0, 0..<$0.count) }
    }
}

extension Set where Element == WordKey {
    init(words: [String]) {
        self.init(words.map(WordKey.init))
    }
}
