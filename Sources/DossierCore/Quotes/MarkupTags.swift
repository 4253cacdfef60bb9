/// Where the tags of markup that survived scraping lie in a paragraph (`<tweet id="12" lang="en">`).
struct MarkupTags {
    private var ranges: [Range<Int>] = []

    init(_ bytes: [UInt8]) {
        guard bytes.contains(UInt8(ascii: "<")) else { return }
        var i = 0
        while i < bytes.count {
            guard bytes[i] == UInt8(ascii: "<"), i + 1 < bytes.count else { i += 1; continue }
            let next = bytes[i + 1]
            guard (next >= 65 && next <= 90) || (next >= 97 && next <= 122) || next == UInt8(ascii: "/") || next == UInt8(ascii: "!") else {
                i += 1
                continue
            }
            var j = i + 1
            while j < bytes.count, j - i < 2_000, bytes[j] != UInt8(ascii: ">"), bytes[j] != UInt8(ascii: "<"), bytes[j] != 0x0A { j += 1 }
            if j < bytes.count, bytes[j] == UInt8(ascii: ">") {
                ranges.append(i..<(j + 1))
                i = j + 1
            } else {
                i += 1
            }
        }
    }

    func contains(_ offset: Int) -> Bool {
        var low = 0
        var high = ranges.count
        while low < high {
            let mid = (low + high) / 2
            if ranges[mid].upperBound <= offset { low = mid + 1 } else { high = mid }
        }
        return low < ranges.count && ranges[low].contains(offset)
    }
}
