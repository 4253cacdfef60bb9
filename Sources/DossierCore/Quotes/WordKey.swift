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

    /// A key for any word, for telling names apart: the packed word when it packs, else a hash of
    /// its bytes folded to ASCII lowercase, marked so that it can never equal a packed word. Keeps
    /// the first letter in the low byte, so initials compare as they do for packed words.
    static func identifying(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> WordKey {
        let packed = WordKey(bytes, range)
        guard packed == .none, !range.isEmpty else { return packed }
        var hash: UInt64 = 0xcbf29ce484222325
        for i in range {
            let byte = bytes[i] >= 65 && bytes[i] <= 90 ? bytes[i] + 32 : bytes[i]
            hash = (hash ^ UInt64(byte)) &* 0x100000001b3
        }
        let first = bytes[range.lowerBound] >= 65 && bytes[range.lowerBound] <= 90 ? bytes[range.lowerBound] + 32 : bytes[range.lowerBound]
        return WordKey(low: (hash << 8) | UInt64(first), high: 0xFF00_0000_0000_0000 | (hash >> 8))
    }

    /// The word's first byte, lowercase (also for hashed keys).
    var firstByte: UInt8 { UInt8(truncatingIfNeeded: low) }

    /// More than one letter (hashed keys are always long words).
    var isLongerThanOneLetter: Bool { high != 0 || low > 0xFF }

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
