/// What a tag does, from the sigil after its opening delimiter.
enum TagKind: Equatable {
    case variable, unescaped, section, inverted, close, comment, partial, parent, block, delimiters

    /// Tags that render nothing where they stand, so a line holding only one of them (and
    /// whitespace) disappears from the output, as the spec's standalone rule says.
    var canStandAlone: Bool {
        self != .variable && self != .unescaped
    }
}

/// One `{{…}}` tag: its kind, its trimmed content without sigil, and where it starts.
struct Tag {
    var kind: TagKind
    var content: String
    /// Byte offset of the opening delimiter in the template's UTF-8 source.
    var offset: Int
}

/// A piece of template source: literal text or a tag.
enum Token {
    case text(String)
    case tag(Tag)
}

/// A syntax error at a byte offset, before the template's name and line are known.
struct ParseFailure: Error {
    var offset: Int
    var message: String
}

/// Splits a template into text and tags, following `{{=<% %>=}}` delimiter changes as it goes.
struct Lexer {
    private let source: [UInt8]
    private var index = 0
    private var open: [UInt8] = Array("{{".utf8)
    private var close: [UInt8] = Array("}}".utf8)

    init(_ source: String) {
        self.source = Array(source.utf8)
    }

    mutating func tokens() throws(ParseFailure) -> [Token] {
        var tokens: [Token] = []
        while index < source.count {
            guard let start = find(open, from: index) else {
                tokens.append(.text(text(index..<source.count)))
                break
            }
            if start > index { tokens.append(.text(text(index..<start))) }
            tokens.append(.tag(try tag(at: start)))
        }
        return tokens
    }

    private mutating func tag(at start: Int) throws(ParseFailure) -> Tag {
        var contentStart = start + open.count
        var closing = close
        if contentStart < source.count, source[contentStart] == UInt8(ascii: "{") {
            contentStart += 1
            closing = [UInt8(ascii: "}")] + close
        }
        guard let end = find(closing, from: contentStart) else {
            throw ParseFailure(offset: start, message: "tag is never closed; expected '\(String(decoding: closing, as: UTF8.self))'")
        }
        index = end + closing.count
        let raw = text(contentStart..<end)
        if closing.count > close.count { return Tag(kind: .unescaped, content: raw.trimmed, offset: start) }

        let kind: TagKind
        switch raw.first {
        case "#": kind = .section
        case "^": kind = .inverted
        case "/": kind = .close
        case "!": kind = .comment
        case ">": kind = .partial
        case "<": kind = .parent
        case "$": kind = .block
        case "&": kind = .unescaped
        case "=": kind = .delimiters
        default: return Tag(kind: .variable, content: raw.trimmed, offset: start)
        }
        let tag = Tag(kind: kind, content: String(raw.dropFirst()).trimmed, offset: start)
        if kind == .delimiters { try setDelimiters(from: tag) }
        return tag
    }

    /// `{{=<% %>=}}`: two new delimiters, separated by whitespace, neither containing `=`.
    private mutating func setDelimiters(from tag: Tag) throws(ParseFailure) {
        let parts = tag.content.hasSuffix("=") ? tag.content.dropLast().split(whereSeparator: \.isWhitespace) : []
        guard parts.count == 2, !parts.contains(where: { $0.contains("=") }) else {
            throw ParseFailure(offset: tag.offset, message: "invalid delimiter change; expected two delimiters, as in '{{=<% %>=}}'")
        }
        open = Array(parts[0].utf8)
        close = Array(parts[1].utf8)
    }

    private func find(_ needle: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, source.count >= needle.count else { return nil }
        var i = start
        let last = source.count - needle.count
        while i <= last {
            if source[i] == first, source[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }

    private func text(_ range: Range<Int>) -> String {
        String(decoding: source[range], as: UTF8.self)
    }
}

extension String {
    /// Without leading and trailing spaces, tabs and line breaks.
    var trimmed: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
