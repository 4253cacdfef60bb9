/// A JSON value with object keys kept in the order written, so exported data is byte-stable and
/// reads in the order the spec lists the fields.
public indirect enum JSON: Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case string(String)
    case array([JSON])
    case object([(String, JSON)])
    /// JSON text serialized earlier (compact), written as is: rows a rebuild kept from the last one.
    case raw(String)

    public static func optional(_ value: String?) -> JSON { value.map(JSON.string) ?? .null }

    /// Pretty-printed with two-space indentation, or compact.
    public func serialized(pretty: Bool = false) -> String {
        var out = ""
        write(to: &out, indent: pretty ? 0 : nil)
        return out
    }

    private func write(to out: inout String, indent: Int?) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let n): out += String(n)
        case .string(let s): JSON.writeString(s, to: &out)
        case .raw(let text): out += text
        case .array(let items):
            guard !items.isEmpty else { out += "[]"; return }
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                JSON.newline(&out, indent.map { $0 + 1 })
                item.write(to: &out, indent: indent.map { $0 + 1 })
            }
            JSON.newline(&out, indent)
            out += "]"
        case .object(let pairs):
            guard !pairs.isEmpty else { out += "{}"; return }
            out += "{"
            for (i, pair) in pairs.enumerated() {
                if i > 0 { out += "," }
                JSON.newline(&out, indent.map { $0 + 1 })
                JSON.writeString(pair.0, to: &out)
                out += indent == nil ? ":" : ": "
                pair.1.write(to: &out, indent: indent.map { $0 + 1 })
            }
            JSON.newline(&out, indent)
            out += "}"
        }
    }

    private static func newline(_ out: inout String, _ indent: Int?) {
        guard let indent else { return }
        out += "\n" + String(repeating: "  ", count: indent)
    }

    /// Escapes quotes, backslashes and control characters; `<` `>` `&` too, so JSON is safe inside HTML.
    /// Copies runs of plain bytes at once: exports and the search index write megabytes of text.
    static func writeString(_ s: String, to out: inout String) {
        out += "\""
        var plainStart = s.utf8.startIndex
        var i = plainStart
        let utf8 = s.utf8
        func flush(upTo end: String.Index) {
            if plainStart < end { out += s[plainStart..<end] }
        }
        while i < utf8.endIndex {
            let byte = utf8[i]
            var escape: String?
            switch byte {
            case 0x22: escape = "\\\""
            case 0x5C: escape = "\\\\"
            case 0x0A: escape = "\\n"
            case 0x0D: escape = "\\r"
            case 0x09: escape = "\\t"
            case 0x3C: escape = "\\u003c"
            case 0x3E: escape = "\\u003e"
            case 0x26: escape = "\\u0026"
            case 0xE2:
                // U+2028 and U+2029 (E2 80 A8/A9) end lines in older JavaScript.
                let next = utf8.index(after: i)
                if next < utf8.endIndex, utf8[next] == 0x80 {
                    let last = utf8.index(after: next)
                    if last < utf8.endIndex, utf8[last] == 0xA8 || utf8[last] == 0xA9 {
                        flush(upTo: i)
                        out += utf8[last] == 0xA8 ? "\\u2028" : "\\u2029"
                        i = utf8.index(after: last)
                        plainStart = i
                        continue
                    }
                }
            default:
                if byte < 0x20 {
                    let hex = String(byte, radix: 16)
                    escape = "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                }
            }
            if let escape {
                flush(upTo: i)
                out += escape
                i = utf8.index(after: i)
                plainStart = i
            } else {
                i = utf8.index(after: i)
            }
        }
        flush(upTo: utf8.endIndex)
        out += "\""
    }
}
