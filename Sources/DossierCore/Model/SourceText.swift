/// What every input's text goes through before any parser sees it, so that a file saved on
/// Windows (CRLF), by classic Mac tools (CR) or with stray control bytes reads exactly like
/// a clean LF file: the parsers split on `\n` and would otherwise lose headings ending in `\r`.
public enum SourceText {
    /// The replacement for control characters: visible in the page, harmless in HTML and XML.
    public static let replacement: Unicode.Scalar = "\u{FFFD}"

    /// `text` with CRLF and lone CR turned into LF, and control characters (C0 other than tab
    /// and newline, DEL, C1) replaced by U+FFFD; one warning per file names the first replaced
    /// character's line and column (in Unicode scalars, as every diagnostic counts) and how many
    /// there were. Text that needs neither is returned as it is, without a copy.
    public static func normalized(_ text: String, path: String) -> (text: String, diagnostics: [Diagnostic]) {
        var needsWork = false
        for byte in text.utf8 where byte < 0x20 && byte != 0x0A && byte != 0x09 || byte == 0x7F || byte == 0xC2 {
            // 0xC2 leads U+0080…U+00BF, which holds the C1 controls; checked precisely below.
            needsWork = true
            break
        }
        guard needsWork, text.unicodeScalars.contains(where: { $0 == "\r" || isControl($0) }) else { return (text, []) }

        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(text.utf8.count)
        var line = 1, column = 1
        var replaced = 0
        var first: SourceLocation?
        var firstScalar: Unicode.Scalar?
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            if scalar == "\r" {
                scalars.append("\n")
                line += 1; column = 1
                previousWasCR = true
                continue
            }
            defer { previousWasCR = false }
            if scalar == "\n" {
                if previousWasCR { continue }  // the LF of a CRLF: the CR already ended the line
                scalars.append("\n")
                line += 1; column = 1
                continue
            }
            if isControl(scalar) {
                replaced += 1
                if first == nil {
                    first = SourceLocation(file: path, line: line, column: column)
                    firstScalar = scalar
                }
                scalars.append(replacement)
            } else {
                scalars.append(scalar)
            }
            column += 1
        }
        var diagnostics: [Diagnostic] = []
        if let first, let firstScalar {
            let what = replaced == 1 ? "control character \(codePoint(firstScalar))" : "\(replaced) control characters (the first \(codePoint(firstScalar)))"
            diagnostics.append(.warning(.load, "\(what) replaced by U+FFFD", at: first,
                                        notes: ["control characters are not text; remove them from the file (a copy from a terminal or a binary file?)"]))
        }
        return (String(scalars), diagnostics)
    }

    /// C0 controls other than tab, newline and carriage return, DEL, and the C1 controls.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return (v < 0x20 && v != 0x09 && v != 0x0A && v != 0x0D) || (v >= 0x7F && v <= 0x9F)
    }

    static func codePoint(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// `text` safe to print on a terminal: control characters (escape sequences, backspaces,
    /// newlines that would forge a diagnostic line) become visible `\u{…}` escapes.
    public static func escapingControlCharacters(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { isControl($0) || $0 == "\n" || $0 == "\r" }) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case _ where isControl(scalar): result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
