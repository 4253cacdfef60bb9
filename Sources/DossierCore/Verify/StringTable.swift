import Foundation

/// Distinct strings, each kept once in one byte buffer and named by a number.
///
/// The link check meets the same paths, hrefs and fragments on thousands of pages; kept here they
/// cost their bytes and a few more, once, and each link holds 4-byte numbers rather than strings
/// of its own. Strings are looked up by their UTF-8 bytes, so callers need not make a `String`
/// to find one. Nothing is ever taken out: the numbers stay valid for the table's life.
struct StringTable: Sendable {
    /// The strings' bytes, one after another; string `n` ends at `ends[n]`.
    private var bytes: [UInt8] = []
    private var ends: [Int32] = []
    /// Open addressing with linear probing: each slot holds a string's number, or -1. At most
    /// half of them are used.
    private var slots: [Int32]

    /// A table that takes `capacity` strings before it grows (which hashes them all again).
    init(capacity: Int = 8) {
        var count = 16
        while count < 2 * capacity { count *= 2 }
        slots = [Int32](repeating: -1, count: count)
    }

    var count: Int { ends.count }

    /// The number of `string`, which is added if new.
    mutating func number(_ string: UnsafeRawBufferPointer) -> Int32 { insert(string).number }

    mutating func number(_ string: String) -> Int32 {
        var string = string
        return string.withUTF8 { number(UnsafeRawBufferPointer($0)) }
    }

    /// The number of `string`, and whether it was added by this call.
    mutating func insert(_ string: UnsafeRawBufferPointer) -> (number: Int32, inserted: Bool) {
        let slot = self.slot(for: string)
        if slots[slot] >= 0 { return (slots[slot], false) }
        let number = Int32(ends.count)
        bytes.append(contentsOf: string)
        ends.append(Int32(bytes.count))
        slots[slot] = number
        if ends.count * 2 > slots.count { grow() }
        return (number, true)
    }

    /// The number of `string` if it is in the table.
    func existing(_ string: String) -> Int32? {
        var string = string
        return string.withUTF8 { utf8 in
            let n = slots[slot(for: UnsafeRawBufferPointer(utf8))]
            return n >= 0 ? n : nil
        }
    }

    subscript(number: Int32) -> String {
        withBytes(of: number) { String(decoding: $0, as: UTF8.self) }
    }

    func withBytes<R>(of number: Int32, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        let range = self.range(of: number)
        return bytes.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[range])) }
    }

    private func range(of number: Int32) -> Range<Int> {
        Int(number == 0 ? 0 : ends[Int(number) - 1])..<Int(ends[Int(number)])
    }

    /// The slot holding `string`, or the empty one where it belongs.
    private func slot(for string: UnsafeRawBufferPointer) -> Int {
        let mask = slots.count - 1
        // The link check's own byte hash (SipHash, seeded per process).
        var i = PageScan.key(string) & mask
        return bytes.withUnsafeBytes { stored in
            while true {
                let n = slots[i]
                if n < 0 { return i }
                let range = self.range(of: n)
                if range.count == string.count, range.isEmpty || memcmp(stored.baseAddress! + range.lowerBound, string.baseAddress!, range.count) == 0 { return i }
                i = (i + 1) & mask
            }
        }
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for n in 0..<Int32(ends.count) {
            var i = withBytes(of: n, PageScan.key) & mask
            while slots[i] >= 0 { i = (i + 1) & mask }
            slots[i] = n
        }
    }
}
