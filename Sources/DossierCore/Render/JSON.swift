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
        String(decoding: bytes(pretty: pretty), as: UTF8.self)
    }

    /// `serialized` as UTF-8, written byte by byte: exports and the search index write megabytes of
    /// JSON, and appending to a `String` piece by piece cost several times as much.
    /// `endingLine`: a newline after the value, as a file ends.
    public func bytes(pretty: Bool = false, endingLine: Bool = false) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        write(to: &out, indent: pretty ? 0 : nil)
        if endingLine { out.append(UInt8(ascii: "\n")) }
        return out
    }

    private func write(to out: inout [UInt8], indent: Int?) {
        switch self {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .int(let n): out.append(contentsOf: String(n).utf8)
        case .string(let s): JSON.writeString(s, to: &out)
        case .raw(let text): out.append(contentsOf: text.utf8)
        case .array(let items):
            guard !items.isEmpty else { out.append(contentsOf: "[]".utf8); return }
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                JSON.newline(&out, indent.map { $0 + 1 })
                item.write(to: &out, indent: indent.map { $0 + 1 })
            }
            JSON.newline(&out, indent)
            out.append(UInt8(ascii: "]"))
        case .object(let pairs):
            guard !pairs.isEmpty else { out.append(contentsOf: "{}".utf8); return }
            out.append(UInt8(ascii: "{"))
            for (i, pair) in pairs.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                JSON.newline(&out, indent.map { $0 + 1 })
                JSON.writeString(pair.0, to: &out)
                out.append(UInt8(ascii: ":"))
                if indent != nil { out.append(UInt8(ascii: " ")) }
                pair.1.write(to: &out, indent: indent.map { $0 + 1 })
            }
            JSON.newline(&out, indent)
            out.append(UInt8(ascii: "}"))
        }
    }

    private static func newline(_ out: inout [UInt8], _ indent: Int?) {
        guard let indent else { return }
        out.append(UInt8(ascii: "\n"))
        for _ in 0..<(indent * 2) { out.append(UInt8(ascii: " ")) }
    }

    /// The bytes `writeString` looks at: `"`, `\\`, `<`, `>`, `&`, controls, and 0xE2 (which leads U+2028 and U+2029).
    private static let special: [Bool] = (0...255).map { $0 < 0x20 || [0x22, 0x5C, 0x3C, 0x3E, 0x26, 0xE2].contains($0) }

    /// Escapes quotes, backslashes and control characters; `<` `>` `&` too, so JSON is safe inside HTML;
    /// and U+2028, U+2029, which end lines in older JavaScript. Copies runs of plain bytes at once.
    static func writeString(_ s: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var s = s
        let special = JSON.special
        s.withUTF8 { utf8 in
            var plainStart = 0
            var i = 0
            let end = utf8.count
            func escape(_ text: StaticString, skipping count: Int) {
                if plainStart < i { out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[plainStart..<i])) }
                text.withUTF8Buffer { out.append(contentsOf: $0) }
                i += count
                plainStart = i
            }
            while i < end {
                let byte = utf8[i]
                // Most bytes need nothing: one table look-up passes them.
                guard special[Int(byte)] else {
                    i += 1
                    continue
                }
                switch byte {
                case 0x22: escape("\\\"", skipping: 1)
                case 0x5C: escape("\\\\", skipping: 1)
                case 0x0A: escape("\\n", skipping: 1)
                case 0x0D: escape("\\r", skipping: 1)
                case 0x09: escape("\\t", skipping: 1)
                case 0x3C: escape("\\u003c", skipping: 1)
                case 0x3E: escape("\\u003e", skipping: 1)
                case 0x26: escape("\\u0026", skipping: 1)
                case 0xE2 where i + 2 < end && utf8[i + 1] == 0x80 && utf8[i + 2] == 0xA8: escape("\\u2028", skipping: 3)
                case 0xE2 where i + 2 < end && utf8[i + 1] == 0x80 && utf8[i + 2] == 0xA9: escape("\\u2029", skipping: 3)
                case 0..<0x20:
                    if plainStart < i { out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[plainStart..<i])) }
                    let hex = Array("0123456789abcdef".utf8)
                    out.append(contentsOf: "\\u00".utf8)
                    out.append(hex[Int(byte >> 4)])
                    out.append(hex[Int(byte & 15)])
                    i += 1
                    plainStart = i
                default:
                    i += 1
                }
            }
            if plainStart < end { out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[plainStart..<end])) }
        }
        out.append(UInt8(ascii: "\""))
    }
}
