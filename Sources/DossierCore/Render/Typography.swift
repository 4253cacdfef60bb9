/// Typographic quotes for display text that is not Markdown (briefing titles and headlines):
/// straight `"` and `'` become curly, as cmark's smart punctuation already makes them in
/// summaries and annotation prose. Dashes and everything else are left as written.
enum Typography {
    /// `text` with its straight quotes and apostrophes curled.
    static func curlingQuotes(_ text: String) -> String {
        let replacements = quoteReplacements(in: text)
        guard !replacements.isEmpty else { return text }
        var out = [UInt8]()
        out.reserveCapacity(text.utf8.count + 2 * replacements.count)
        for (offset, byte) in text.utf8.enumerated() {
            if let curly = replacements[offset] { out.append(contentsOf: curly.utf8) } else { out.append(byte) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The curly mark for each straight quote in `text`, by UTF-8 offset. Offsets, not a new
    /// string, so that markup over the text's byte ranges (quotes, anchors, links) stays put.
    ///
    /// A quote opens at the start, after a space or after opening punctuation; otherwise it
    /// closes. A `'` between two letters or digits, or after one and before the end, a space or
    /// punctuation, is an apostrophe (`Trump's`, `Kurds'`), which is the closing mark.
    static func quoteReplacements(in text: String) -> [Int: String] {
        let bytes = Array(text.utf8)
        var result: [Int: String] = [:]
        for (i, byte) in bytes.enumerated() where byte == 0x22 || byte == 0x27 {
            // After another straight quote, a mark opens if that one did: `"'Hi,' she said"`.
            let opens = i == 0 || opensAfter(bytes, before: i)
                || ((bytes[i - 1] == 0x22 || bytes[i - 1] == 0x27) && (result[i - 1] == "\u{201C}" || result[i - 1] == "\u{2018}"))
            if byte == 0x22 {
                result[i] = opens ? "\u{201C}" : "\u{201D}"
            } else {
                result[i] = opens ? "\u{2018}" : "\u{2019}"
            }
        }
        return result
    }

    /// Whether the text before offset `i` leaves a quote mark there opening: it follows a space
    /// or an opening bracket, dash or quote.
    private static func opensAfter(_ bytes: [UInt8], before i: Int) -> Bool {
        let previous = bytes[i - 1]
        switch previous {
        case 0x20, 0x09, 0x0A, 0x28, 0x5B, 0x7B, 0x2D, 0x2F: return true // space, tab, newline ( [ { - /
        default: break
        }
        // Multi-byte characters before the quote: no-break space, en and em dash, opening curly quotes.
        for opener in ["\u{00A0}", "\u{2013}", "\u{2014}", "\u{201C}", "\u{2018}"] {
            let marker = Array(opener.utf8)
            if i >= marker.count, Array(bytes[(i - marker.count)..<i]) == marker { return true }
        }
        return false
    }
}
