import Foundation

extension String {
    func trimmingWhitespace() -> String {
        // Most strings have nothing to trim: a first and last byte that are ASCII and not white
        // space mean first and last characters that are not either.
        if let first = utf8.first, let last = utf8.last, first < 0x80, last < 0x80,
           !(first == 0x20 || (0x09...0x0D).contains(first)), !(last == 0x20 || (0x09...0x0D).contains(last)) {
            return self
        }
        var scalars = Substring(self)
        while let f = scalars.first, f.isWhitespace { scalars.removeFirst() }
        while let l = scalars.last, l.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }

    /// Whether the UTF-8 of this string holds `byte`: a `memchr`, where `utf8.contains` walks the
    /// view generically.
    func containsByte(_ byte: UInt8) -> Bool {
        var text = self
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return false }
            return memchr(base, Int32(byte), bytes.count) != nil
        }
    }

    /// Lines joined by single spaces: a title or headline written over several lines.
    func replacingNewlines() -> String { split(whereSeparator: { $0.isNewline }).joined(separator: " ") }

    /// The pieces between occurrences of `separator` (not empty), found left to right without
    /// overlap, empty pieces kept: `components(separatedBy:)` on bytes, without Foundation.
    func pieces(separatedBy separator: String) -> [String] {
        let text = Array(utf8), pattern = Array(separator.utf8)
        var pieces: [String] = []
        var start = 0, i = 0
        while i + pattern.count <= text.count {
            if text[i] == pattern[0], text[i..<(i + pattern.count)].elementsEqual(pattern) {
                pieces.append(String(decoding: text[start..<i], as: UTF8.self))
                i += pattern.count
                start = i
            } else {
                i += 1
            }
        }
        pieces.append(String(decoding: text[start...], as: UTF8.self))
        return pieces
    }

    /// Whether the UTF-8 bytes of `needle` (not empty) occur in this string: the test rebuilds run
    /// over every briefing for a new alias, where Unicode-aware `contains` is many times slower.
    func containsBytes(_ needle: [UInt8]) -> Bool {
        var text = self
        return text.withUTF8 { haystack in
            needle.withUnsafeBufferPointer { pattern in
                guard let base = haystack.baseAddress, let first = pattern.first, haystack.count >= pattern.count else { return false }
                var start = 0
                while start <= haystack.count - pattern.count {
                    guard let hit = memchr(base + start, Int32(first), haystack.count - pattern.count - start + 1) else { return false }
                    if memcmp(hit, pattern.baseAddress!, pattern.count) == 0 { return true }
                    start = base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) + 1
                }
                return false
            }
        }
    }
}

extension Unicode.Scalar {
    // `properties.isWhitespace`, `.isAlphabetic` and `.isLowercase` with ASCII answered without the
    // Unicode tables: per-scalar tests over quotations and paragraphs spent most of their time there.

    /// `properties.isWhitespace`: in ASCII, tab to carriage return and space.
    var isUnicodeWhitespace: Bool {
        value < 0x80 ? value == 0x20 || (value >= 0x09 && value <= 0x0D) : properties.isWhitespace
    }

    /// `properties.isAlphabetic`: in ASCII, the letters.
    var isUnicodeAlphabetic: Bool {
        value < 0x80 ? (value >= 0x41 && value <= 0x5A) || (value >= 0x61 && value <= 0x7A) : properties.isAlphabetic
    }

    /// `properties.isLowercase`: in ASCII, `a` to `z`.
    var isUnicodeLowercase: Bool {
        value < 0x80 ? value >= 0x61 && value <= 0x7A : properties.isLowercase
    }

    /// Letters, digits and marks: what counts as "inside a word" for entity and phrase boundaries.
    var isWordCharacter: Bool {
        if value < 0x80 {
            return (value >= 0x30 && value <= 0x39) || (value >= 0x41 && value <= 0x5A) || (value >= 0x61 && value <= 0x7A)
        }
        let p = properties
        return p.isAlphabetic || p.numericType != nil || p.generalCategory == .nonspacingMark
    }
}

/// Levenshtein distance, for "did you mean" suggestions, closest passages and misspelt surnames.
/// With `limit`, gives up (returning `limit + 1`) once every path exceeds it.
func editDistance<T: Equatable>(_ a: [T], _ b: [T], limit: Int = .max) -> Int {
    guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        var rowMinimum = i
        for j in 1...b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            rowMinimum = min(rowMinimum, current[j])
        }
        if rowMinimum > limit { return limit + 1 }
        swap(&previous, &current)
    }
    return previous[b.count]
}

/// The candidate closest to `word`, when it is close enough to be a plausible typo.
func nearest(_ word: String, in candidates: [String]) -> String? {
    let scored = candidates.map { ($0, editDistance(Array(word.lowercased()), Array($0.lowercased()))) }
    guard let best = scored.min(by: { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }) else { return nil }
    return best.1 <= max(2, word.count / 2) ? best.0 : nil
}

extension String {
    /// Every `placeholder` (`{n}`, `{title}`) replaced by `value`. Byte by byte: Foundation's
    /// `replacingOccurrences` bridges through NSString and showed at 7% of a 10,000-briefing build,
    /// called for every date, count and citation.
    func filling(_ placeholder: String, with value: String) -> String {
        let needle = Array(placeholder.utf8)
        guard let first = needle.first else { return self }
        var out: [UInt8] = []
        var replaced = false
        var i = utf8.startIndex
        let bytes = utf8
        var run = i
        while i < bytes.endIndex {
            if bytes[i] == first, bytes[i...].starts(with: needle) {
                out.append(contentsOf: bytes[run..<i])
                out.append(contentsOf: value.utf8)
                i = bytes.index(i, offsetBy: needle.count)
                run = i
                replaced = true
            } else {
                i = bytes.index(after: i)
            }
        }
        guard replaced else { return self }
        out.append(contentsOf: bytes[run...])
        return String(decoding: out, as: UTF8.self)
    }
}
