/// A value with its hash computed once, held by reference. Page inputs repeat the same card or
/// chip on many pages, and every rebuild hashes every input: hashing a card's strings once per
/// analysis, not once per page per rebuild, is what keeps fingerprinting 10,000 briefings' pages
/// within milliseconds; sharing one copy keeps the 200,000 rows of their entity pages small.
struct Hashed<Value: Hashable & Sendable>: Hashable, Sendable {
    private let box: Box

    private final class Box: Sendable {
        let value: Value
        let hash: Int

        init(_ value: Value) {
            self.value = value
            hash = value.hashValue
        }
    }

    init(_ value: Value) {
        box = Box(value)
    }

    var value: Value { box.value }

    static func == (a: Self, b: Self) -> Bool { a.box === b.box || (a.box.hash == b.box.hash && a.box.value == b.box.value) }

    func hash(into hasher: inout Hasher) { hasher.combine(box.hash) }
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
