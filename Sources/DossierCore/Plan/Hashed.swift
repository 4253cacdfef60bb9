/// A value with its hash computed once. Page inputs repeat the same card or chip on many pages,
/// and every rebuild hashes every input: hashing a card's strings once per analysis, not once per
/// page per rebuild, is what keeps fingerprinting 10,000 briefings' pages within milliseconds.
struct Hashed<Value: Hashable & Sendable>: Hashable, Sendable {
    let value: Value
    private let hash: Int

    init(_ value: Value) {
        self.value = value
        hash = value.hashValue
    }

    static func == (a: Self, b: Self) -> Bool { a.hash == b.hash && a.value == b.value }

    func hash(into hasher: inout Hasher) { hasher.combine(hash) }
}

/// A briefing's whole analysis, equal only to itself. Briefings are immutable and a new analysis
/// is a new object with a new serial number, so a page input may hold the object rather than the
/// dozens of fields its page shows; the serial (not the address, which is reused) is its hash.
struct BriefingRef: Hashable, Sendable {
    let briefing: Briefing

    static func == (a: Self, b: Self) -> Bool { a.briefing === b.briefing }

    func hash(into hasher: inout Hasher) { hasher.combine(briefing.serial) }
}

/// An item of a list with the count shown beside it (mentions, shared briefings).
struct Counted<Item: Hashable & Sendable>: Hashable, Sendable {
    var item: Item
    var count: Int
}
