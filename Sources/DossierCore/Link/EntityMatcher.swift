/// Finds every mention of every entity in a text in one pass, whatever the number of entities.
///
/// An Aho–Corasick automaton over the UTF-8 bytes of all names and aliases: a dense 256-entry
/// table for the root (where most bytes of a text end up) and sorted edge lists for every other
/// state, so memory grows with the alias bytes, not with alias bytes × alphabet (a dense table
/// needed 1.5 GB for 1.7 MB of non-Latin aliases), and scanning stays linear in the text through
/// failure links. Matches are case-sensitive, must sit on word boundaries (so possessives such
/// as `Trump’s` and `Kurds'` match their stem), never inside a URL, and the longest leftmost
/// match wins ("Islamic State" beats "State").
public struct EntityMatcher: Sendable {
    public let entities: [Entity]
    /// Child of the root for each byte, or 0.
    private let rootNext: [Int32]
    /// State `s`'s edges are `edgeByte[edgeStart[s]..<edgeStart[s + 1]]`, sorted by byte.
    private let edgeStart: [Int32]
    private let edgeByte: [UInt8]
    private let edgeTarget: [Int32]
    /// Longest proper suffix of a state that is also a state.
    private let failure: [Int32]
    /// Pattern that ends exactly at a state, or -1.
    private let terminal: [Int32]
    /// Nearest proper suffix state that is terminal, or -1.
    private let outputLink: [Int32]
    private let patternEntity: [Int32]
    private let patternLength: [Int32]

    /// Builds the automaton in time linear in the alias bytes (plus sorting each state's edges).
    /// A surface form claimed by two entities is reported as an error naming both files, and the
    /// second claim is ignored so the rest of the build can go on.
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

        // Trie, with edges keyed by state and byte while it grows.
        var child: [Int: Int32] = [:]
        var terminal: [Int32] = [-1]
        var edges: [(state: Int32, byte: UInt8, target: Int32)] = []
        for (p, pattern) in patterns.enumerated() {
            var state = 0
            for byte in pattern.bytes {
                let key = state << 8 | Int(byte)
                if let next = child[key] {
                    state = Int(next)
                } else {
                    let next = Int32(terminal.count)
                    child[key] = next
                    terminal.append(-1)
                    edges.append((Int32(state), byte, next))
                    state = Int(next)
                }
            }
            terminal[state] = Int32(p)
        }
        child = [:]

        // Edge lists by state (counting sort), each sorted by byte.
        let stateCount = terminal.count
        var edgeStart = [Int32](repeating: 0, count: stateCount + 1)
        for edge in edges { edgeStart[Int(edge.state) + 1] += 1 }
        for s in 0..<stateCount { edgeStart[s + 1] += edgeStart[s] }
        var fill = edgeStart
        var edgeByte = [UInt8](repeating: 0, count: edges.count)
        var edgeTarget = [Int32](repeating: 0, count: edges.count)
        for edge in edges {
            let slot = Int(fill[Int(edge.state)])
            edgeByte[slot] = edge.byte
            edgeTarget[slot] = edge.target
            fill[Int(edge.state)] += 1
        }
        edges = []
        for s in 0..<stateCount where edgeStart[s + 1] - edgeStart[s] > 1 {
            let range = Int(edgeStart[s])..<Int(edgeStart[s + 1])
            let sorted = range.sorted { edgeByte[$0] < edgeByte[$1] }
            let bytes = sorted.map { edgeByte[$0] }, targets = sorted.map { edgeTarget[$0] }
            edgeByte.replaceSubrange(range, with: bytes)
            edgeTarget.replaceSubrange(range, with: targets)
        }
        var rootNext = [Int32](repeating: 0, count: 256)
        for e in Int(edgeStart[0])..<Int(edgeStart[1]) { rootNext[Int(edgeByte[e])] = edgeTarget[e] }

        // Breadth-first failure and output links.
        var failure = [Int32](repeating: 0, count: stateCount)
        var outputLink = [Int32](repeating: -1, count: stateCount)
        var queue: [Int32] = Array(edgeTarget[Int(edgeStart[0])..<Int(edgeStart[1])])
        queue.reserveCapacity(stateCount)
        var head = 0
        while head < queue.count {
            let state = Int(queue[head])
            head += 1
            for e in Int(edgeStart[state])..<Int(edgeStart[state + 1]) {
                let next = Int(edgeTarget[e])
                var f = Int(failure[state])
                var link: Int32 = 0
                while true {
                    if let t = Self.step(from: f, byte: edgeByte[e], rootNext, edgeStart, edgeByte, edgeTarget) { link = t; break }
                    if f == 0 { break }
                    f = Int(failure[f])
                }
                failure[next] = link
                outputLink[next] = terminal[Int(link)] >= 0 ? link : outputLink[Int(link)]
                queue.append(Int32(next))
            }
        }

        self.rootNext = rootNext
        self.edgeStart = edgeStart
        self.edgeByte = edgeByte
        self.edgeTarget = edgeTarget
        self.failure = failure
        self.terminal = terminal
        self.outputLink = outputLink
        self.patternEntity = patterns.map { Int32($0.entity) }
        self.patternLength = patterns.map { Int32($0.bytes.count) }
    }

    /// The state reached from `state` by `byte` along a trie edge, or nil (never nil from the
    /// root for a byte some pattern starts with).
    @inline(__always)
    private static func step(from state: Int, byte: UInt8, _ rootNext: [Int32], _ edgeStart: [Int32], _ edgeByte: [UInt8], _ edgeTarget: [Int32]) -> Int32? {
        if state == 0 {
            let t = rootNext[Int(byte)]
            return t > 0 ? t : nil
        }
        var low = Int(edgeStart[state]), high = Int(edgeStart[state + 1])
        if high - low <= 8 {
            while low < high {
                if edgeByte[low] == byte { return edgeTarget[low] }
                low += 1
            }
            return nil
        }
        while low < high {
            let mid = (low + high) / 2
            if edgeByte[mid] < byte { low = mid + 1 } else { high = mid }
        }
        return low < Int(edgeStart[state + 1]) && edgeByte[low] == byte ? edgeTarget[low] : nil
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
        var state = 0
        for i in 0..<bytes.count {
            let byte = bytes[i]
            while true {
                if let next = Self.step(from: state, byte: byte, rootNext, edgeStart, edgeByte, edgeTarget) { state = Int(next); break }
                if state == 0 { break }
                state = Int(failure[state])
            }
            guard state != 0 else { continue }
            var s = terminal[state] >= 0 ? state : Int(outputLink[state])
            while s >= 0 {
                let p = Int(terminal[s])
                let end = i + 1
                let start = end - Int(patternLength[p])
                if Self.isBoundary(before: start, in: bytes), Self.isBoundary(after: end, in: bytes),
                   !Self.overlapsAny(start..<end, excluded) {
                    candidates.append(Mention(entity: Int(patternEntity[p]), range: start..<end))
                }
                s = Int(outputLink[s])
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

    /// Whether `range` overlaps one of `sorted` (ascending, disjoint): a binary search, so a text
    /// with thousands of URLs and mentions stays n log n.
    static func overlapsAny(_ range: Range<Int>, _ sorted: [Range<Int>]) -> Bool {
        guard !sorted.isEmpty else { return false }
        var low = 0, high = sorted.count
        while low < high {
            let mid = (low + high) / 2
            if sorted[mid].upperBound <= range.lowerBound { low = mid + 1 } else { high = mid }
        }
        return low < sorted.count && sorted[low].lowerBound < range.upperBound
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
