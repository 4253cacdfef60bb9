/// Finds every mention of every entity in a text in one pass, whatever the number of entities.
///
/// An Aho–Corasick automaton over the UTF-8 bytes of all names and aliases, compiled to a dense
/// transition table on byte classes so that scanning costs one table lookup per byte. Matches
/// are case-sensitive, must sit on word boundaries (so possessives such as `Trump’s` and `Kurds'`
/// match their stem), never inside a URL, and the longest leftmost match wins
/// ("Islamic State" beats "State").
public struct EntityMatcher: Sendable {
    public let entities: [Entity]
    /// Pattern bytes' class; 0 is every byte that occurs in no pattern.
    private let byteClass: [UInt8]
    private let classCount: Int
    /// `transitions[state * classCount + class]`.
    private let transitions: [Int32]
    /// Pattern that ends exactly at a state, or -1.
    private let terminal: [Int32]
    /// Nearest proper suffix state that is terminal, or -1.
    private let outputLink: [Int32]
    private let patternEntity: [Int32]
    private let patternLength: [Int32]

    /// Builds the automaton. A surface form claimed by two entities is reported as an error naming
    /// both files, and the second claim is ignored so the rest of the build can go on.
    public init(entities: [Entity], diagnostics: inout [Diagnostic]) {
        self.entities = entities
        var owner: [String: Int] = [:]
        var patterns: [(bytes: [UInt8], entity: Int)] = []
        for (index, entity) in entities.enumerated() {
            for form in entity.surfaceForms {
                let form = form.trimmingWhitespace()
                guard !form.isEmpty else { continue }
                if let first = owner[form] {
                    if first != index {
                        let other = entities[first]
                        diagnostics.append(.error(
                            .link, "alias '\(form)' of '\(entity.name)' is already claimed by '\(other.name)' in \(other.path)",
                            at: entity.formLocations[form] ?? SourceLocation(file: entity.path),
                            notes: ["an alias can point to one entity only: remove it from one of \(entity.path) and \(other.path)"]))
                    }
                    continue
                }
                owner[form] = index
                patterns.append((Array(form.utf8), index))
            }
        }

        var byteClass = [UInt8](repeating: 0, count: 256)
        var classCount = 1
        for pattern in patterns {
            for byte in pattern.bytes where byteClass[Int(byte)] == 0 {
                byteClass[Int(byte)] = UInt8(classCount)
                classCount += 1
            }
        }

        // Trie.
        var children: [[Int32]] = [[Int32](repeating: -1, count: classCount)]
        var terminal: [Int32] = [-1]
        for (p, pattern) in patterns.enumerated() {
            var state = 0
            for byte in pattern.bytes {
                let c = Int(byteClass[Int(byte)])
                if children[state][c] < 0 {
                    children[state][c] = Int32(children.count)
                    children.append([Int32](repeating: -1, count: classCount))
                    terminal.append(-1)
                }
                state = Int(children[state][c])
            }
            terminal[state] = Int32(p)
        }

        // Breadth-first failure links, resolved into a full DFA.
        let stateCount = children.count
        var transitions = [Int32](repeating: 0, count: stateCount * classCount)
        var failure = [Int32](repeating: 0, count: stateCount)
        var outputLink = [Int32](repeating: -1, count: stateCount)
        var queue: [Int] = []
        queue.reserveCapacity(stateCount)
        for c in 0..<classCount {
            let child = children[0][c]
            if child > 0 {
                transitions[c] = child
                queue.append(Int(child))
            }
        }
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            let fail = Int(failure[state])
            outputLink[state] = terminal[fail] >= 0 ? Int32(fail) : outputLink[fail]
            for c in 0..<classCount {
                let child = children[state][c]
                if child >= 0 {
                    failure[Int(child)] = transitions[fail * classCount + c]
                    transitions[state * classCount + c] = child
                    queue.append(Int(child))
                } else {
                    transitions[state * classCount + c] = transitions[fail * classCount + c]
                }
            }
        }

        self.byteClass = byteClass
        self.classCount = classCount
        self.transitions = transitions
        self.terminal = terminal
        self.outputLink = outputLink
        self.patternEntity = patterns.map { Int32($0.entity) }
        self.patternLength = patterns.map { Int32($0.bytes.count) }
    }

    /// Every mention in `text`, leftmost-longest, non-overlapping, in text order.
    public func mentions(in text: String) -> [Mention] {
        guard !patternEntity.isEmpty else { return [] }
        var text = text
        return text.withUTF8 { mentions(in: $0) }
    }

    /// Same as `mentions(in:)` over raw UTF-8.
    public func mentions(in bytes: UnsafeBufferPointer<UInt8>) -> [Mention] {
        guard !patternEntity.isEmpty else { return [] }
        var candidates: [Mention] = []
        let excluded = Self.urlRanges(in: bytes)
        transitions.withUnsafeBufferPointer { table in
            byteClass.withUnsafeBufferPointer { classes in
                var state = 0
                for i in 0..<bytes.count {
                    state = Int(table[state * classCount + Int(classes[Int(bytes[i])])])
                    guard state != 0 else { continue }
                    var s = terminal[state] >= 0 ? state : Int(outputLink[state])
                    while s >= 0 {
                        let p = Int(terminal[s])
                        let end = i + 1
                        let start = end - Int(patternLength[p])
                        if Self.isBoundary(before: start, in: bytes), Self.isBoundary(after: end, in: bytes),
                           !excluded.contains(where: { $0.overlaps(start..<end) }) {
                            candidates.append(Mention(entity: Int(patternEntity[p]), range: start..<end))
                        }
                        s = Int(outputLink[s])
                    }
                }
            }
        }
        guard candidates.count > 1 else { return candidates }
        candidates.sort { ($0.range.lowerBound, -$0.range.count) < ($1.range.lowerBound, -$1.range.count) }
        var chosen: [Mention] = []
        chosen.reserveCapacity(candidates.count)
        var covered = 0
        for candidate in candidates where candidate.range.lowerBound >= covered {
            chosen.append(candidate)
            covered = candidate.range.upperBound
        }
        return chosen
    }

    /// True when the scalar ending just before `offset` is not part of a word.
    static func isBoundary(before offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard offset > 0 else { return true }
        var start = offset - 1
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        guard let scalar = decodeScalar(bytes, at: start) else { return true }
        return !scalar.isWordCharacter
    }

    /// True when the scalar starting at `offset` is not part of a word.
    static func isBoundary(after offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard offset < bytes.count else { return true }
        guard let scalar = decodeScalar(bytes, at: offset) else { return true }
        return !scalar.isWordCharacter
    }

    static func decodeScalar(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Unicode.Scalar? {
        let b0 = bytes[offset]
        if b0 < 0x80 { return Unicode.Scalar(b0) }
        var length = 0
        var value: UInt32 = 0
        if b0 & 0xE0 == 0xC0 { length = 2; value = UInt32(b0 & 0x1F) }
        else if b0 & 0xF0 == 0xE0 { length = 3; value = UInt32(b0 & 0x0F) }
        else if b0 & 0xF8 == 0xF0 { length = 4; value = UInt32(b0 & 0x07) }
        else { return nil }
        guard offset + length <= bytes.count else { return nil }
        for k in 1..<length { value = value << 6 | UInt32(bytes[offset + k] & 0x3F) }
        return Unicode.Scalar(value)
    }

    /// Byte ranges of bare URLs (`http://…`, `https://…`, `www.…` up to whitespace), where no entity may match.
    static func urlRanges(in bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var i = 0
        let n = bytes.count
        func hasPrefix(_ p: StaticString, at i: Int) -> Bool {
            let count = p.utf8CodeUnitCount
            guard i + count <= n else { return false }
            let start = p.utf8Start
            for k in 0..<count where bytes[i + k] != start[k] { return false }
            return true
        }
        while i < n {
            let b = bytes[i]
            if (b == UInt8(ascii: "h") && (hasPrefix("http://", at: i) || hasPrefix("https://", at: i)))
                || (b == UInt8(ascii: "w") && hasPrefix("www.", at: i) && (i == 0 || bytes[i - 1] < 0x80 && !isASCIIAlnum(bytes[i - 1]))) {
                var end = i
                while end < n, bytes[end] != 0x20, bytes[end] != 0x0A, bytes[end] != 0x09 { end += 1 }
                ranges.append(i..<end)
                i = end
            } else {
                i += 1
            }
        }
        return ranges
    }

    private static func isASCIIAlnum(_ b: UInt8) -> Bool {
        (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122)
    }
}
