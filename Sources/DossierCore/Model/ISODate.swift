/// A calendar date (optionally with a time) as written in front matter, kept as text so that no
/// clock or time zone enters the build.
public struct ISODate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int
    /// `HH:MM[:SS]` and zone as written (`T14:30:00Z`), or nil for a plain date.
    public var time: String?

    public init(year: Int, month: Int, day: Int, time: String? = nil) {
        self.year = year
        self.month = month
        self.day = day
        self.time = time
    }

    /// Parses `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM[:SS][Z|±HH:MM]`; nil when malformed or not a real date.
    public init?(parsing text: String) {
        let s = Array(text.trimmingWhitespace().utf8)
        guard s.count >= 10, s[4] == UInt8(ascii: "-"), s[7] == UInt8(ascii: "-") else { return nil }
        func number(_ r: Range<Int>) -> Int? {
            var n = 0
            for b in s[r] {
                guard b >= 48, b <= 57 else { return nil }
                n = n * 10 + Int(b - 48)
            }
            return n
        }
        guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10), (1...12).contains(m) else { return nil }
        let days = [31, (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard (1...days[m - 1]).contains(d) else { return nil }
        var time: String? = nil
        if s.count > 10 {
            guard s[10] == UInt8(ascii: "T") || s[10] == UInt8(ascii: " ") else { return nil }
            let rest = String(decoding: s[11...], as: UTF8.self)
            guard ISODate.isValidTime(rest) else { return nil }
            time = rest
        }
        self.init(year: y, month: m, day: d, time: time)
    }

    private static func isValidTime(_ t: String) -> Bool {
        let b = Array(t.utf8)
        guard b.count >= 5, b[2] == UInt8(ascii: ":") else { return false }
        let digits = b.filter { $0 >= 48 && $0 <= 57 }.count
        return digits >= 4 && b.allSatisfy { ($0 >= 48 && $0 <= 57) || ":+-Z.".utf8.contains($0) }
    }

    /// `2018-12-20`.
    public var dateString: String {
        func pad(_ n: Int, _ w: Int) -> String { String(repeating: "0", count: max(0, w - String(n).count)) + String(n) }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// RFC 3339 timestamp for Atom and sitemaps; a plain date becomes midnight UTC.
    public var rfc3339: String {
        guard let time else { return dateString + "T00:00:00Z" }
        var t = time
        if t.count == 5 { t += ":00" }
        let hasZone = t.hasSuffix("Z") || t.dropFirst(5).contains("+") || t.dropFirst(5).contains("-")
        return dateString + "T" + t + (hasZone ? "" : "Z")
    }

    /// `20 December 2018`, the way a newsroom writes dates.
    public var displayString: String {
        let names = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        return "\(day) \(names[month - 1]) \(year)"
    }

    public var description: String { time.map { dateString + "T" + $0 } ?? dateString }

    public static func < (lhs: ISODate, rhs: ISODate) -> Bool {
        (lhs.year, lhs.month, lhs.day, lhs.time ?? "") < (rhs.year, rhs.month, rhs.day, rhs.time ?? "")
    }
}
