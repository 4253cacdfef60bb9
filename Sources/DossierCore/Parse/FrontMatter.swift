import Yams

/// A file split into its YAML front matter and its body, with line numbers kept so that every
/// diagnostic points at the right line of the *file*, not of the YAML block.
struct FrontMatterDocument {
    /// The YAML text between the `---` fences, or nil when the file has none.
    var yaml: String?
    /// 1-based file line of the first YAML line (the line after the opening fence).
    var yamlLine: Int
    var body: String
    /// 1-based file line of the body's first line.
    var bodyLine: Int

    /// Splits `text`. An opening `---` without a closing one is an error at the opening fence.
    /// Works on UTF-8 lines: splitting by `Character` costs more than the rest of parsing.
    static func split(_ text: String, path: String, diagnostics: inout [Diagnostic]) -> FrontMatterDocument {
        var text = text
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let bytes = Array(text.utf8)
        func lineEnd(from start: Int) -> Int {
            var i = start
            while i < bytes.count, bytes[i] != 0x0A { i += 1 }
            return i
        }
        func isFence(_ start: Int, _ end: Int, dots: Bool = false) -> Bool {
            var e = end
            if e > start, bytes[e - 1] == 0x0D { e -= 1 }
            guard e - start == 3 else { return false }
            let c: UInt8 = dots ? 0x2E : 0x2D
            return bytes[start] == c && bytes[start + 1] == c && bytes[start + 2] == c
        }
        let firstEnd = lineEnd(from: 0)
        guard isFence(0, firstEnd) else { return FrontMatterDocument(yaml: nil, yamlLine: 1, body: text, bodyLine: 1) }
        var start = firstEnd + 1
        var line = 2
        while start <= bytes.count {
            let end = lineEnd(from: start)
            if isFence(start, end) || isFence(start, end, dots: true) {
                let yaml = firstEnd + 1 < start ? String(decoding: bytes[(firstEnd + 1)..<(start - 1)], as: UTF8.self) : ""
                let body = end + 1 <= bytes.count ? String(decoding: bytes[min(end + 1, bytes.count)...], as: UTF8.self) : ""
                return FrontMatterDocument(yaml: yaml, yamlLine: 2, body: body, bodyLine: line + 1)
            }
            start = end + 1
            line += 1
        }
        diagnostics.append(.error(.parse, "front matter opened with '---' is never closed", at: SourceLocation(file: path, line: 1, column: 1),
                                  notes: ["add a line containing only '---' after the last front matter key"]))
        return FrontMatterDocument(yaml: nil, yamlLine: 1, body: String(decoding: bytes[min(firstEnd + 1, bytes.count)...], as: UTF8.self), bodyLine: 2)
    }
}

extension Substring {
    func trimmingTrailingCR() -> Substring { last == "\r" ? dropLast() : self }
}

/// Typed, located access to a YAML mapping: every wrong type or unknown key becomes a diagnostic
/// at the key's line and column in the file.
struct YAMLFields {
    let path: String
    /// Added to YAML line numbers to get file line numbers.
    let lineOffset: Int
    private(set) var entries: [(key: String, keyMark: SourceLocation, value: Node)] = []

    /// Parses `yaml` (nil or blank means no fields). Syntax errors are reported at their file position.
    init(yaml: String?, path: String, firstLine: Int, diagnostics: inout [Diagnostic]) {
        self.path = path
        self.lineOffset = firstLine - 1
        guard let yaml, !yaml.trimmingWhitespace().isEmpty else { return }
        let root: Node?
        do {
            // The basic resolver skips Yams' per-scalar regular expressions; Dossier reads every
            // value as text and parses dates, numbers and booleans itself.
            root = try Yams.compose(yaml: yaml, .basic, .default, .utf8)
        } catch {
            diagnostics.append(Self.diagnostic(for: error, path: path, lineOffset: lineOffset))
            return
        }
        guard let root else { return }
        guard case .mapping(let mapping) = root else {
            diagnostics.append(.error(.parse, "front matter must be a mapping of 'key: value' lines", at: location(of: root)))
            return
        }
        read(mapping, diagnostics: &diagnostics)
    }

    /// The fields of a mapping nested in `parent` (one correction, an entity's links), located in the same file.
    init(nested mapping: Node.Mapping, in parent: YAMLFields, diagnostics: inout [Diagnostic]) {
        path = parent.path
        lineOffset = parent.lineOffset
        read(mapping, diagnostics: &diagnostics)
    }

    private mutating func read(_ mapping: Node.Mapping, diagnostics: inout [Diagnostic]) {
        var seen: Set<String> = []
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            let mark = location(of: keyNode)
            if !seen.insert(key).inserted {
                diagnostics.append(.error(.parse, "duplicate key '\(key)'", at: mark, notes: ["each key may appear once; remove one of them"]))
                continue
            }
            entries.append((key, mark, value))
        }
    }

    func location(of node: Node) -> SourceLocation {
        guard let mark = node.mark else { return SourceLocation(file: path, line: lineOffset + 1, column: 1) }
        return SourceLocation(file: path, line: mark.line + lineOffset, column: mark.column)
    }

    static func diagnostic(for error: Error, path: String, lineOffset: Int) -> Diagnostic {
        if let yamlError = error as? YamlError {
            switch yamlError {
            case let .scanner(context, problem, mark, yaml), let .parser(context, problem, mark, yaml), let .composer(context, problem, mark, yaml):
                var message = "invalid YAML: \(problem)"
                if let context { message += " \(context.text)" }
                // A problem found only at the end of the block (an unclosed bracket or quote) is
                // reported where the unclosed construct starts.
                let lineCount = yaml.split(separator: "\n", omittingEmptySubsequences: false).count
                let at = mark.line > lineCount - (yaml.hasSuffix("\n") ? 1 : 0) ? (context?.mark ?? mark) : mark
                return .error(.parse, message, at: SourceLocation(file: path, line: at.line + lineOffset, column: at.column),
                              notes: ["front matter is YAML: check indentation, and quote values that contain ': ' or start with a quote or bracket"])
            case let .duplicatedKeysInMapping(duplicates, context):
                return .error(.parse, "duplicate key \(duplicates.map { "'\($0)'" }.joined(separator: ", "))",
                              at: SourceLocation(file: path, line: context.mark.line + lineOffset, column: context.mark.column))
            default:
                break
            }
        }
        return .error(.parse, "invalid YAML: \(error)", at: SourceLocation(file: path, line: lineOffset + 1, column: 1))
    }

    /// Reports every key not in `known`, suggesting the nearest known one.
    func rejectUnknownKeys(_ known: [String], what: String, diagnostics: inout [Diagnostic]) {
        for entry in entries where !known.contains(entry.key) {
            var notes: [String] = []
            if let suggestion = nearest(entry.key, in: known) { notes.append("did you mean '\(suggestion)'?") }
            notes.append("valid keys in \(what): \(known.joined(separator: ", "))")
            diagnostics.append(.error(.parse, "unknown key '\(entry.key)' in \(what)", at: entry.keyMark, notes: notes))
        }
    }

    /// The key is written, even with a null value (`speaker: null`).
    func hasKey(_ key: String) -> Bool {
        entries.contains { $0.key == key }
    }

    func node(_ key: String) -> (mark: SourceLocation, value: Node)? {
        guard let entry = entries.first(where: { $0.key == key }) else { return nil }
        if case .scalar(let s) = entry.value, s.style == .plain, ["", "~", "null", "Null", "NULL"].contains(s.string) {
            return nil
        }
        return (entry.keyMark, entry.value)
    }

    func string(_ key: String, diagnostics: inout [Diagnostic]) -> String? {
        guard let (_, value) = node(key) else { return nil }
        guard case .scalar(let scalar) = value else {
            // `[Syria] troops` unquoted is YAML list syntax, and editorial brackets are common here.
            diagnostics.append(.error(.parse, "'\(key)' must be text, not a \(value.kindName)", at: location(of: value),
                                      notes: ["put text that starts with [ or { in quotes: \(key): \"[Syria] troops\""]))
            return nil
        }
        return scalar.string
    }

    func bool(_ key: String, diagnostics: inout [Diagnostic]) -> Bool? {
        guard let (_, value) = node(key) else { return nil }
        switch value.scalar?.string {
        case "true", "yes", "True", "TRUE": return true
        case "false", "no", "False", "FALSE": return false
        default:
            diagnostics.append(.error(.parse, "'\(key)' must be true or false", at: location(of: value)))
            return nil
        }
    }

    func int(_ key: String, range: ClosedRange<Int>, diagnostics: inout [Diagnostic]) -> Int? {
        guard let (_, value) = node(key) else { return nil }
        guard let n = value.scalar.flatMap({ Int($0.string) }), range.contains(n) else {
            diagnostics.append(.error(.parse, "'\(key)' must be a whole number from \(range.lowerBound) to \(range.upperBound)", at: location(of: value)))
            return nil
        }
        return n
    }

    func date(_ key: String, diagnostics: inout [Diagnostic]) -> ISODate? {
        guard let text = string(key, diagnostics: &diagnostics) else { return nil }
        guard let date = ISODate(parsing: text) else {
            diagnostics.append(.error(.parse, "'\(key)' is not a valid date: '\(text)'", at: location(of: node(key)!.value),
                                      notes: ["write dates as ISO 8601: 2018-12-20 or 2018-12-20T14:30:00Z"]))
            return nil
        }
        return date
    }

    /// A list of strings; a single string is accepted as a one-element list.
    func stringList(_ key: String, diagnostics: inout [Diagnostic]) -> [String] {
        guard let (_, value) = node(key) else { return [] }
        switch value {
        case .scalar(let s): return [s.string]
        case .sequence(let seq):
            var result: [String] = []
            for item in seq {
                if case .scalar(let s) = item { result.append(s.string) } else {
                    diagnostics.append(.error(.parse, "items of '\(key)' must be text, not a \(item.kindName)", at: location(of: item)))
                }
            }
            return result
        default:
            diagnostics.append(.error(.parse, "'\(key)' must be a list", at: location(of: value), notes: ["write it as [a, b] or as lines starting with '- '"]))
            return []
        }
    }
}

extension Node {
    var kindName: String {
        switch self {
        case .scalar: "value"
        case .mapping: "mapping"
        case .sequence: "list"
        case .alias: "alias"
        }
    }
}
