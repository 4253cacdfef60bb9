/// Which pair of marks a quotation uses; a closing mark only closes an opening mark of its own family.
enum QuoteFamily: UInt8, Sendable {
    /// `“…”`, `"…"`, `''…''` (wire copy), `„…“`, `«…»`.
    case double
    /// `‘…’`, `'…'`.
    case single
}

/// A quotation mark in a paragraph, with the directions its neighbours allow.
///
/// Apostrophes (`don’t`, `’90s`, `rock ’n’ roll`) never become marks; a closing single mark right
/// after an "s" (`the Kurds’ `) is flagged because it may be a plural possessive instead.
struct QuoteMark: Sendable {
    var start: Int
    var end: Int
    var family: QuoteFamily
    var canOpen: Bool
    var canClose: Bool
    var isPossessiveLike: Bool
}

/// Finds the quotation marks of a paragraph in one pass over its bytes.
enum QuoteMarkReader {
    /// What sits next to a mark; decides whether the mark opens, closes or is an apostrophe.
    enum Neighbour {
        case edge, space, letter, digit, openPunctuation, dash, closePunctuation, mark, other
    }

    /// Every quotation mark in `bytes`, in order.
    static func marks(in bytes: UnsafeBufferPointer<UInt8>) -> [QuoteMark] {
        var marks: [QuoteMark] = []
        let n = bytes.count
        var i = 0
        while i < n {
            let byte = bytes[i]
            if byte == 0x22 {
                marks.append(straightDouble(bytes, start: i, end: i + 1))
                i += 1
            } else if byte == 0x27 {
                if i + 1 < n, bytes[i + 1] == 0x27 {
                    marks.append(straightDouble(bytes, start: i, end: i + 2))
                    i += 2
                } else {
                    if let mark = single(bytes, start: i, end: i + 1, curly: nil) { marks.append(mark) }
                    i += 1
                }
            } else if byte == 0xE2, i + 2 < n, bytes[i + 1] == 0x80 {
                let third = bytes[i + 2]
                switch third {
                case 0x9C, 0x9E: // “ „
                    marks.append(curlyDouble(bytes, start: i, end: i + 3, opening: true))
                case 0x9D: // ”
                    marks.append(curlyDouble(bytes, start: i, end: i + 3, opening: false))
                case 0x98: // ‘
                    if let mark = single(bytes, start: i, end: i + 3, curly: true) { marks.append(mark) }
                case 0x99: // ’
                    if let mark = single(bytes, start: i, end: i + 3, curly: false) { marks.append(mark) }
                default:
                    break
                }
                i += 3
            } else if byte == 0xC2, i + 1 < n, bytes[i + 1] == 0xAB || bytes[i + 1] == 0xBB {
                marks.append(curlyDouble(bytes, start: i, end: i + 2, opening: bytes[i + 1] == 0xAB))
                i += 2
            } else {
                i += 1
            }
        }
        return marks
    }

    /// True when the mark at `start` may open: something follows it and nothing word-like precedes it.
    static func leftFlanking(_ before: Neighbour, _ after: Neighbour) -> Bool {
        switch after {
        case .edge, .space, .closePunctuation: return false
        default: break
        }
        switch before {
        case .edge, .space, .openPunctuation, .dash, .mark, .other: return true
        default: return false
        }
    }

    /// True when the mark may close: it follows text and is followed by a space, punctuation or the end.
    static func rightFlanking(_ before: Neighbour, _ after: Neighbour) -> Bool {
        switch before {
        case .edge, .space, .openPunctuation: return false
        default: break
        }
        switch after {
        case .edge, .space, .closePunctuation, .dash, .mark, .other: return true
        default: return false
        }
    }

    private static func straightDouble(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int) -> QuoteMark {
        let before = neighbour(before: start, in: bytes)
        let after = neighbour(after: end, in: bytes)
        var open = leftFlanking(before, after)
        var close = rightFlanking(before, after)
        if !open && !close {
            // `a"b` or a mark between spaces: the pairing decides.
            open = true
            close = true
        }
        return QuoteMark(start: start, end: end, family: .double, canOpen: open, canClose: close, isPossessiveLike: false)
    }

    private static func curlyDouble(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int, opening: Bool) -> QuoteMark {
        let before = neighbour(before: start, in: bytes)
        let after = neighbour(after: end, in: bytes)
        let left = leftFlanking(before, after)
        let right = rightFlanking(before, after)
        // A curly mark means what it says unless its surroundings clearly say the opposite (a typesetting slip).
        let open = opening ? !(right && !left) : (left && !right)
        return QuoteMark(start: start, end: end, family: .double, canOpen: open, canClose: !open, isPossessiveLike: false)
    }

    /// `curly` is true for ‘, false for ’, nil for a straight apostrophe.
    private static func single(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int, curly: Bool?) -> QuoteMark? {
        let before = neighbour(before: start, in: bytes)
        let after = neighbour(after: end, in: bytes)
        let wordBefore = before == .letter || before == .digit
        let wordAfter = after == .letter || after == .digit
        if wordBefore && wordAfter { return nil }                        // don’t, it's
        if after == .digit && !wordBefore { return nil }                 // ’90s, '97
        let left = leftFlanking(before, after)
        let right = rightFlanking(before, after)
        if curly == true {
            // ‘ opens unless it plainly closes.
            let open = !(right && !left)
            return QuoteMark(start: start, end: end, family: .single, canOpen: open, canClose: !open,
                             isPossessiveLike: !open && isPossessiveLike(bytes, start: start, after: after))
        }
        if left {
            if after == .letter && startsElision(bytes, at: end) { return nil }   // ’n’, ’em, 'tis
            return QuoteMark(start: start, end: end, family: .single, canOpen: true, canClose: false, isPossessiveLike: false)
        }
        if right {
            return QuoteMark(start: start, end: end, family: .single, canOpen: false, canClose: true,
                             isPossessiveLike: isPossessiveLike(bytes, start: start, after: after))
        }
        return nil
    }

    private static func isPossessiveLike(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, after: Neighbour) -> Bool {
        guard start > 0, after == .space || after == .edge else { return false }
        let previous = bytes[start - 1]
        return previous == UInt8(ascii: "s") || previous == UInt8(ascii: "S") || previous == UInt8(ascii: "z")
    }

    private static func startsElision(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
        var end = offset
        while end < bytes.count, end - offset < 6, isASCIILetter(bytes[end]) { end += 1 }
        guard end > offset, end == bytes.count || !isASCIILetter(bytes[end]) else { return false }
        return AttributionLexicon.elisions.contains(WordKey(bytes, offset..<end))
    }

    static func isASCIILetter(_ b: UInt8) -> Bool { (b >= 65 && b <= 90) || (b >= 97 && b <= 122) }

    static func neighbour(before offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Neighbour {
        guard offset > 0 else { return .edge }
        var start = offset - 1
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return classify(EntityMatcher.decodeScalar(bytes, at: start))
    }

    static func neighbour(after offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Neighbour {
        guard offset < bytes.count else { return .edge }
        return classify(EntityMatcher.decodeScalar(bytes, at: offset))
    }

    static func classify(_ scalar: Unicode.Scalar?) -> Neighbour {
        guard let scalar else { return .other }
        switch scalar {
        case " ", "\t", "\n", "\r", "\u{A0}", "\u{2009}", "\u{202F}", "\u{2002}", "\u{2003}": return .space
        case "\"", "'", "\u{201C}", "\u{201D}", "\u{2018}", "\u{2019}", "\u{201E}", "\u{AB}", "\u{BB}": return .mark
        case "(", "[", "{": return .openPunctuation
        case ")", "]", "}", ".", ",", ";", ":", "!", "?", "\u{2026}": return .closePunctuation
        case "-", "/", "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2015}": return .dash
        default: break
        }
        if scalar.isASCII {
            let v = scalar.value
            if v >= 48 && v <= 57 { return .digit }
            if (v >= 65 && v <= 90) || (v >= 97 && v <= 122) { return .letter }
            return .other
        }
        let properties = scalar.properties
        if properties.isWhitespace { return .space }
        if properties.numericType != nil { return .digit }
        if properties.isAlphabetic || properties.generalCategory == .nonspacingMark { return .letter }
        return .other
    }
}
