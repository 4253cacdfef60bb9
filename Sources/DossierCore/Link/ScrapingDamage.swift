/// Finds scraping damage that survives an article's corrections: empty parentheses, `READ MORE:`
/// debris paragraphs, a preposition directly followed by another ("deployed to in 2014"), and a
/// paragraph that starts in lowercase (its first words were lost).
///
/// Works on the corrected text, so damage that a correction repairs is never reported. Positions
/// point into the article file as received.
public enum ScrapingDamage {
    /// One finding, located in the article file.
    public struct Finding: Sendable, Hashable {
        public enum Kind: Sendable, Hashable {
            case emptyParentheses, debrisLine, doublePreposition, lowercaseStart
        }

        public var kind: Kind
        public var message: String
        public var location: SourceLocation
        /// The damaged passage as it appears in the article.
        public var passage: String
    }

    /// Warnings for every finding, each with a note showing how to repair it with a correction.
    public static func diagnostics(in corrected: CorrectedArticle, original: Article) -> [Diagnostic] {
        findings(in: corrected, original: original).map { finding in
            let fix: String
            switch finding.kind {
            case .emptyParentheses, .doublePreposition:
                fix = "restore the lost words with a correction: {find: \"\(finding.passage)\", replace: \"…[word]…\"}"
            case .debrisLine:
                fix = "delete it with a correction: {find: \"\(finding.passage)\", replace: \"\"}"
            case .lowercaseStart:
                fix = "the paragraph's first words were probably lost; restore them with a correction: {find: \"\(finding.passage)\", replace: \"[Word] \(finding.passage)\"}"
            }
            return .warning(.link, finding.message, at: finding.location, notes: [fix])
        }
    }

    public static func findings(in corrected: CorrectedArticle, original: Article) -> [Finding] {
        var results: [Finding] = []
        let originals = Dictionary(original.paragraphs.map { ($0.index, $0) }, uniquingKeysWith: { a, _ in a })
        for block in corrected.blocks where !block.isEmpty {
            let source = originals[block.index]
            // UTF-8 line splitting: this runs over every paragraph of every article.
            let lines = Self.lines(block.text)
            // The received paragraph's lines, split once per paragraph, on the first finding.
            var received: [ReceivedLine]?
            /// Maps a match in a corrected line to the same passage in the article as received.
            func location(line l: Int, offset: String.Index, passage: String) -> SourceLocation {
                if received == nil { received = (source.map { Self.lines($0.text) } ?? []).map(ReceivedLine.init) }
                let column = l < received!.count ? received![l].column(of: passage, at: offset, correctedLine: lines[l]) : nil
                return SourceLocation(file: original.path, line: block.line + l, column: column ?? 1)
            }

            // Debris labels are short; only short paragraphs and lowercase starts need the trimmed text.
            let firstLetter = block.text.unicodeScalars.first { !$0.isUnicodeWhitespace }
            let mayBeDebris = block.text.utf8.count < 64
            let mayStartLowercase = firstLetter.map { $0.isUnicodeLowercase } ?? false
            let trimmed = mayBeDebris || mayStartLowercase ? block.text.trimmingWhitespace() : ""
            if mayBeDebris, isDebrisLabel(trimmed) {
                let l = lines.firstIndex { !$0.allSatisfy(\.isWhitespace) } ?? 0
                let start = lines[l].firstIndex { !$0.isWhitespace } ?? lines[l].startIndex
                results.append(Finding(kind: .debrisLine, message: "scraping debris '\(trimmed)' left in the article",
                                       location: location(line: l, offset: start, passage: trimmed), passage: trimmed))
                continue
            }
            if mayStartLowercase, let first = trimmed.first, first.isLowercase, startsWithLostWords(trimmed) {
                let l = lines.firstIndex { !$0.allSatisfy(\.isWhitespace) } ?? 0
                let start = lines[l].firstIndex { !$0.isWhitespace } ?? lines[l].startIndex
                let words = trimmed.split(separator: " ", maxSplits: 4).prefix(4).joined(separator: " ")
                results.append(Finding(kind: .lowercaseStart, message: "paragraph starts in lowercase: the words before \"\(words)\" may have been lost in scraping",
                                       location: location(line: l, offset: start, passage: words), passage: words))
            }
            for (l, line) in lines.enumerated() {
                for range in emptyParentheses(in: line) {
                    let passage = context(around: range, in: line)
                    results.append(Finding(kind: .emptyParentheses, message: "empty parentheses: a word was probably lost in scraping",
                                           location: location(line: l, offset: range.lowerBound, passage: String(line[range])), passage: passage))
                }
                for (range, pair) in doublePrepositions(in: line) {
                    let passage = context(around: range, in: line)
                    results.append(Finding(kind: .doublePreposition, message: "'\(pair)' has a preposition followed by another: a word was probably lost in scraping",
                                           location: location(line: l, offset: range.lowerBound, passage: String(line[range])), passage: passage))
                }
            }
        }
        return results
    }

    /// A line of the article as received, with a column cursor: findings come in increasing
    /// offsets, so counting from the previous finding keeps a line with thousands of them linear.
    private struct ReceivedLine {
        let text: String
        private var cursor: (index: String.Index, column: Int)
        private var unchanged: Bool?
        private var searchFrom: String.Index

        init(_ text: String) {
            self.text = text
            cursor = (text.startIndex, 1)
            searchFrom = text.startIndex
        }

        /// The column of a finding at `offset` in the corrected line: the same offset when
        /// corrections left the line alone, else where `passage` occurs (after the previous one
        /// first); nil when it no longer occurs.
        mutating func column(of passage: String, at offset: String.Index, correctedLine: String) -> Int? {
            if unchanged == nil { unchanged = text == correctedLine }
            if unchanged! { return column(of: offset) }
            guard let range = text[searchFrom...].range(of: passage) ?? text.range(of: passage) else { return nil }
            searchFrom = range.upperBound
            return column(of: range.lowerBound)
        }

        private mutating func column(of index: String.Index) -> Int {
            if index < cursor.index { cursor = (text.startIndex, 1) }
            cursor = (index, cursor.column + text.unicodeScalars.distance(from: cursor.index, to: index))
            return cursor.column
        }
    }

    private static func lines(_ text: String) -> [String] {
        // Most paragraphs are one line: no copy then.
        guard text.containsByte(UInt8(ascii: "\n")) else { return [text] }
        return text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
    }

    /// `READ MORE:`, `RELATED:`, `WATCH:`: an all-caps label ending in a colon, alone in its paragraph.
    static func isDebrisLabel(_ text: String) -> Bool {
        guard text.hasSuffix(":"), !text.contains("\n") else { return false }
        let label = text.dropLast()
        let letters = label.filter(\.isLetter)
        guard letters.count >= 2, !letters.contains(where: \.isLowercase) else { return false }
        return label.allSatisfy { $0.isLetter || $0.isNumber || $0 == " " || $0 == "-" || $0 == "'" || $0 == "’" || $0 == "&" }
    }

    /// A lowercase start that is not a brand name (`iPhone`, `eBay`) or a web address.
    private static func startsWithLostWords(_ text: String) -> Bool {
        let word = text.prefix { !$0.isWhitespace }
        if word.dropFirst().contains(where: \.isUppercase) { return false }
        if word.hasPrefix("http") || word.hasPrefix("www.") { return false }
        return true
    }

    private static func emptyParentheses(in line: String) -> [Range<String.Index>] {
        guard mayHoldEmptyParentheses(line) else { return [] }
        var found: [Range<String.Index>] = []
        var i = line.startIndex
        while let open = line[i...].firstIndex(of: "(") {
            var j = line.index(after: open)
            while j < line.endIndex, line[j] == " " || line[j] == "\u{00A0}" { j = line.index(after: j) }
            if j < line.endIndex, line[j] == ")" {
                found.append(open..<line.index(after: j))
                i = line.index(after: j)
            } else {
                i = line.index(after: open)
            }
        }
        return found
    }

    private static let prepositions: Set<Substring> = ["to", "in", "at", "on", "of", "for", "from", "with", "by", "into", "onto", "upon"]
    /// Pairs that occur in correct English ("moved on to", "gave in to", "let in on").
    private static let idioms: Set<String> = ["on to", "in to", "in on", "in at", "on in", "by in", "to on"]

    /// Whether the bytes of `line` hold `(`, spaces or no-break spaces, then `)`: what every match
    /// of `emptyParentheses` is made of, so lines without it skip the walk over characters.
    private static func mayHoldEmptyParentheses(_ line: String) -> Bool {
        var line = line
        return line.withUTF8 { bytes in
            var i = 0
            while i < bytes.count {
                guard bytes[i] == UInt8(ascii: "(") else { i += 1; continue }
                var j = i + 1
                while j < bytes.count {
                    if bytes[j] == 0x20 { j += 1 } else if bytes[j] == 0xC2, j + 1 < bytes.count, bytes[j + 1] == 0xA0 { j += 2 } else { break }
                }
                if j < bytes.count, bytes[j] == UInt8(ascii: ")") { return true }
                i += 1
            }
            return false
        }
    }

    /// `prepositions` packed as `packed(_:_:)` does, for comparing without making a `Substring`.
    private static let packedPrepositions: [UInt32] = prepositions.map { word in
        word.utf8.reduce(into: UInt32(0)) { $0 = $0 << 8 | UInt32($1) }
    }

    /// The word's bytes in one integer (words of at most four bytes): equal only for equal bytes.
    @inline(__always) private static func packed(_ bytes: UnsafeBufferPointer<UInt8>, _ word: Range<Int>) -> UInt32 {
        var key: UInt32 = 0
        for i in word { key = key << 8 | UInt32(bytes[i]) }
        return key
    }

    private static func doublePrepositions(in line: String) -> [(Range<String.Index>, String)] {
        // Byte-wise, word by word with no arrays of words: this runs over every line of every
        // article, and a pair is found in few. Bytes of non-ASCII characters count as word bytes,
        // so "éto" is never read as "to".
        var found: [(Range<String.Index>, String)] = []
        var text = line
        text.withUTF8 { bytes in
            func isWordByte(_ b: UInt8) -> Bool { b >= 0x80 || (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
            // The word before, or nil when it cannot be a preposition (more than four bytes, or not
            // starting with a lowercase ASCII letter) or there is none.
            var previous: Range<Int>?
            var i = 0
            while i < bytes.count {
                guard isWordByte(bytes[i]) else { i += 1; continue }
                var j = i
                while j < bytes.count, isWordByte(bytes[j]) { j += 1 }
                let word: Range<Int>? = j - i <= 4 && bytes[i] >= 0x61 && bytes[i] <= 0x7A ? i..<j : nil
                // Only a plain space between the two words: punctuation ("to, in") is a different sentence part.
                if let a = previous, let b = word, b.lowerBound == a.upperBound + 1, bytes[a.upperBound] == 0x20,
                   packedPrepositions.contains(packed(bytes, a)), packedPrepositions.contains(packed(bytes, b)) {
                    let pair = "\(String(decoding: UnsafeBufferPointer(rebasing: bytes[a]), as: UTF8.self)) \(String(decoding: UnsafeBufferPointer(rebasing: bytes[b]), as: UTF8.self))"
                    if !idioms.contains(pair) {
                        let utf8 = line.utf8
                        found.append((utf8.index(utf8.startIndex, offsetBy: a.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: b.upperBound), pair))
                    }
                }
                previous = word
                i = j
            }
        }
        return found
    }

    /// The damaged passage with a word of context on each side, for a `find:` that is likely unique.
    private static func context(around range: Range<String.Index>, in line: String) -> String {
        var start = range.lowerBound
        var end = range.upperBound
        func skipBack() { while start > line.startIndex, !line[line.index(before: start)].isWhitespace { start = line.index(before: start) } }
        if start > line.startIndex { start = line.index(before: start); while start > line.startIndex, line[start].isWhitespace { start = line.index(before: start) }; skipBack() }
        if end < line.endIndex {
            while end < line.endIndex, line[end].isWhitespace { end = line.index(after: end) }
            while end < line.endIndex, !line[end].isWhitespace { end = line.index(after: end) }
        }
        return String(line[start..<end])
    }
}
