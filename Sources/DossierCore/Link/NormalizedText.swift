/// Text with whitespace runs, quote styles and dashes folded, keeping a map back to the original
/// UTF-8 offsets, so that a phrase typed with straight quotes finds curly ones in the article.
struct NormalizedText {
    private(set) var scalars: [Unicode.Scalar] = []
    /// UTF-8 offset in the original where each normalized scalar starts…
    private(set) var starts: [Int] = []
    /// …and ends.
    private(set) var ends: [Int] = []

    /// - Parameter dropBrackets: also ignore `[` and `]`, so an anchored phrase may leave out the
    ///   brackets of an editorial insertion.
    /// - Parameter keepOffsets: false when only the folded scalars are wanted (a pattern, or a
    ///   containment test), which saves two arrays as long as the text.
    init(_ text: String, dropBrackets: Bool = false, skipping skipped: [Range<Int>] = [], keepOffsets: Bool = true) {
        // Skipped ranges in order, passed with one cursor: looking through all of them for every
        // scalar cost text × insertions.
        let skipped = skipped.count > 1 ? skipped.sorted { $0.lowerBound < $1.lowerBound } : skipped
        let capacity = text.utf8.count
        var starts: [Int] = [], ends: [Int] = []
        // Decoded straight from the UTF-8 bytes into uninitialised storage: this runs over every
        // paragraph of every article with notes, and `unicodeScalars` plus three checked appends
        // per scalar cost more than the rest of anchoring.
        var text = text
        scalars = text.withUTF8 { bytes in
            Array(unsafeUninitializedCapacity: capacity) { buffer, count in
                guard keepOffsets else {
                    count = Self.normalize(bytes, dropBrackets: dropBrackets, skipped: skipped, into: buffer, starts: nil, ends: nil)
                    return
                }
                starts = Array(unsafeUninitializedCapacity: capacity) { startBuffer, startCount in
                    ends = Array(unsafeUninitializedCapacity: capacity) { endBuffer, endCount in
                        count = Self.normalize(bytes, dropBrackets: dropBrackets, skipped: skipped, into: buffer, starts: startBuffer, ends: endBuffer)
                        endCount = count
                    }
                    startCount = count
                }
            }
        }
        self.starts = starts
        self.ends = ends
    }

    /// The folding loop of `init`: writes the folded scalars (and, when `starts` and `ends` are
    /// given, their original UTF-8 bounds) and returns how many there are. `bytes` is valid UTF-8.
    private static func normalize(_ bytes: UnsafeBufferPointer<UInt8>, dropBrackets: Bool, skipped: [Range<Int>],
                             into scalars: UnsafeMutableBufferPointer<Unicode.Scalar>,
                             starts: UnsafeMutableBufferPointer<Int>?, ends: UnsafeMutableBufferPointer<Int>?) -> Int {
        var count = 0
        @inline(__always) func append(_ scalar: Unicode.Scalar, _ start: Int, _ end: Int) {
            scalars.initializeElement(at: count, to: scalar)
            if let starts, let ends {
                starts.initializeElement(at: count, to: start)
                ends.initializeElement(at: count, to: end)
            }
            count += 1
        }
        var pendingStart = -1, pendingEnd = -1
        var nextSkip = 0
        var offset = 0
        let n = bytes.count
        while offset < n {
            let lead = bytes[offset]
            let scalar: Unicode.Scalar
            let width: Int
            if lead < 0x80 {
                scalar = Unicode.Scalar(lead)
                width = 1
            } else {
                var value: UInt32
                if lead < 0xE0 {
                    width = 2; value = UInt32(lead & 0x1F)
                } else if lead < 0xF0 {
                    width = 3; value = UInt32(lead & 0x0F)
                } else {
                    width = 4; value = UInt32(lead & 0x07)
                }
                for k in 1..<width { value = value << 6 | UInt32(bytes[offset + k] & 0x3F) }
                scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
            }
            defer { offset += width }
            if nextSkip < skipped.count {
                while nextSkip < skipped.count, skipped[nextSkip].upperBound <= offset { nextSkip += 1 }
                if nextSkip < skipped.count, skipped[nextSkip].contains(offset) { continue }
            }
            if isSpace(scalar) {
                if pendingStart < 0 { pendingStart = offset }
                pendingEnd = offset + width
                continue
            }
            if dropBrackets, lead == UInt8(ascii: "[") || lead == UInt8(ascii: "]") { continue }
            if pendingStart >= 0 {
                if count > 0 { append(" ", pendingStart, pendingEnd) }
                pendingStart = -1
            }
            append(fold(scalar), offset, offset + width)
        }
        return count
    }

    /// Whether `pattern` occurs in the folded text (offsets not needed).
    func contains(_ pattern: [Unicode.Scalar]) -> Bool {
        guard !pattern.isEmpty, pattern.count <= scalars.count else { return pattern.isEmpty }
        return Self.firstMatch(of: pattern, in: scalars, from: 0) != nil
    }

    /// Where `pattern` (not empty) next occurs in `scalars` at or after `from`. On buffers, without
    /// a slice per candidate: every note and correction is looked for in every paragraph it may be in.
    private static func firstMatch(of pattern: [Unicode.Scalar], in scalars: [Unicode.Scalar], from start: Int) -> Int? {
        scalars.withUnsafeBufferPointer { text in
            pattern.withUnsafeBufferPointer { pattern in
                let first = pattern[0], m = pattern.count
                var i = start
                while i + m <= text.count {
                    if text[i] == first {
                        var k = 1
                        while k < m, text[i + k] == pattern[k] { k += 1 }
                        if k == m { return i }
                    }
                    i += 1
                }
                return nil
            }
        }
    }

    @inline(__always) static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 { return scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r" || scalar.value == 0x0B || scalar.value == 0x0C }
        return scalar.properties.isWhitespace
    }

    static func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        guard scalar.value >= 0x80 else { return scalar }
        return switch scalar {
        case "\u{201C}", "\u{201D}", "\u{201E}", "\u{201F}", "\u{2033}", "\u{00AB}", "\u{00BB}": "\""
        case "\u{2018}", "\u{2019}", "\u{201A}", "\u{201B}", "\u{2032}", "\u{02BC}": "'"
        case "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2015}", "\u{2212}": "-"
        default: scalar
        }
    }

    /// The phrase as the matcher compares it.
    static func pattern(_ phrase: String, dropBrackets: Bool = false) -> [Unicode.Scalar] {
        NormalizedText(phrase, dropBrackets: dropBrackets, keepOffsets: false).scalars
    }

    /// Original UTF-8 ranges of every occurrence of `pattern`, left to right, non-overlapping.
    func occurrences(of pattern: [Unicode.Scalar]) -> [Range<Int>] {
        guard !pattern.isEmpty, pattern.count <= scalars.count else { return [] }
        var result: [Range<Int>] = []
        var from = 0
        while let i = Self.firstMatch(of: pattern, in: scalars, from: from) {
            result.append(starts[i]..<ends[i + pattern.count - 1])
            from = i + pattern.count
        }
        return result
    }

    /// The passage of this text closest to `pattern` by edit distance, tried at word starts, with its distance.
    func closestPassage(to pattern: [Unicode.Scalar], in original: String) -> (text: String, distance: Int)? {
        guard !pattern.isEmpty, !scalars.isEmpty else { return nil }
        let lowered = pattern.map { Self.lower($0) }
        var best: (start: Int, end: Int, distance: Int)?
        for i in scalars.indices where i == 0 || scalars[i - 1] == " " {
            for length in [pattern.count - 1, pattern.count, pattern.count + 1] where length > 0 && i + length <= scalars.count {
                let window = scalars[i..<(i + length)].map { Self.lower($0) }
                let d = editDistance(window, lowered)
                if best == nil || d < best!.distance { best = (i, i + length, d) }
            }
        }
        guard var best else { return nil }
        // Show whole words: a passage cut mid-word reads as a typo of its own.
        while best.end < scalars.count, scalars[best.end].isWordCharacter { best.end += 1 }
        let utf8 = Array(original.utf8)
        return (String(decoding: utf8[starts[best.start]..<ends[best.end - 1]], as: UTF8.self), best.distance)
    }

    private static func lower(_ s: Unicode.Scalar) -> Unicode.Scalar {
        s.properties.lowercaseMapping.unicodeScalars.first ?? s
    }
}

/// Which of a list of normalised texts may hold a pattern: each text's trigrams are posted once,
/// and a pattern is looked for only in the texts that hold its rarest trigram. Corrections and
/// anchored notes are each looked for in every paragraph; without this, an article with
/// thousands of both costs paragraphs × patterns.
///
/// Postings only grow: a text that changes has its new trigrams added, and a stale posting just
/// makes a text a candidate that the caller's scan then rules out.
struct TrigramIndex {
    private var postings: [UInt64: [Int32]] = [:]
    private var posted: [Set<UInt64>]

    /// Worth building only when the direct scan would be large.
    static func pays(patterns: Int, texts: Int) -> Bool { patterns * texts > 4096 }

    init(_ texts: [NormalizedText]) {
        posted = Array(repeating: [], count: texts.count)
        for (i, text) in texts.enumerated() { add(text, at: i) }
    }

    mutating func add(_ text: NormalizedText, at i: Int) {
        let scalars = text.scalars
        guard scalars.count >= 3 else { return }
        for k in 0..<(scalars.count - 2) {
            let key = Self.key(scalars[k], scalars[k + 1], scalars[k + 2])
            if posted[i].insert(key).inserted { postings[key, default: []].append(Int32(i)) }
        }
    }

    /// Indices of the texts that may hold `pattern`, ascending: all of them for a pattern
    /// shorter than a trigram.
    func candidates(for pattern: [Unicode.Scalar]) -> [Int] {
        guard pattern.count >= 3 else { return Array(posted.indices) }
        var best: [Int32]?
        for k in 0..<(pattern.count - 2) {
            guard let list = postings[Self.key(pattern[k], pattern[k + 1], pattern[k + 2])] else { return [] }
            if best == nil || list.count < best!.count { best = list }
        }
        return (best ?? []).map(Int.init).sorted()
    }

    @inline(__always) static func key(_ a: Unicode.Scalar, _ b: Unicode.Scalar, _ c: Unicode.Scalar) -> UInt64 {
        UInt64(a.value) << 42 | UInt64(b.value) << 21 | UInt64(c.value)
    }
}
