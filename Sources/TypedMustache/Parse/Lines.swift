/// What the tree builder sees: the template's tokens, line by line, with standalone lines
/// already reduced to their tags.
enum LineItem {
    case text(String)
    /// A kept line starts (where a standalone partial's indentation goes).
    case lineStart
    /// A non-blank source line starts with this whitespace; `closesFirst` when its first tag,
    /// before anything but whitespace, is a closing tag (the line then belongs to the outer block).
    case sourceLine(indentation: String, closesFirst: Bool)
    case tag(Tag, Placement)
}

/// Applies the spec's standalone rule: a line holding only whitespace and one tag that renders
/// nothing (section, inverted, closing, comment, partial, parent, block, delimiters) is removed
/// from the output, its newline included. Inheritance tags may share such a line
/// (`{{<parent}}{{$block}}`), except a block opened and closed on the same line, which renders
/// its content inline.
enum Lines {
    static func items(_ tokens: [Token]) -> [LineItem] {
        var items: [LineItem] = []
        for line in split(tokens) {
            let indentation = leadingWhitespace(line.pieces)
            let firstTag = line.pieces.lazy.compactMap(\.tag).first
            let isBlank = line.pieces.allSatisfy { $0.text?.isWhitespace ?? false }
            let closesFirst = firstTag?.kind == .close && leadingTextIsWhitespace(line.pieces, before: firstTag!.offset)
            if isStandalone(line.pieces) {
                items.append(.sourceLine(indentation: indentation, closesFirst: closesFirst))
                for case .tag(let tag) in line.pieces { items.append(.tag(tag, .standalone(indentation: indentation))) }
                continue
            }
            if !line.pieces.isEmpty { items.append(.lineStart) }
            if !isBlank { items.append(.sourceLine(indentation: indentation, closesFirst: closesFirst)) }
            var onlyWhitespaceSoFar = true
            for piece in line.pieces {
                switch piece {
                case .text(let text):
                    items.append(.text(text))
                    onlyWhitespaceSoFar = onlyWhitespaceSoFar && text.isWhitespace
                case .tag(let tag):
                    items.append(.tag(tag, .inline(indentation: onlyWhitespaceSoFar ? indentation : nil)))
                    onlyWhitespaceSoFar = false
                }
            }
            if !line.ending.isEmpty { items.append(.text(line.ending)) }
        }
        return items
    }

    private struct Line {
        var pieces: [Token] = []
        /// `\n`, `\r\n`, or empty for the last line.
        var ending = ""
    }

    private static func split(_ tokens: [Token]) -> [Line] {
        var lines: [Line] = []
        var current = Line()
        for token in tokens {
            guard case .text(let text) = token else {
                current.pieces.append(token)
                continue
            }
            let segments = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            for (index, segment) in segments.enumerated() {
                var segment = segment
                let endsLine = index < segments.count - 1
                if endsLine, segment.last == UInt8(ascii: "\r") {
                    segment = segment.dropLast()
                    current.ending = "\r\n"
                } else if endsLine {
                    current.ending = "\n"
                }
                if !segment.isEmpty { current.pieces.append(.text(String(decoding: segment, as: UTF8.self))) }
                if endsLine {
                    lines.append(current)
                    current = Line()
                }
            }
        }
        if !current.pieces.isEmpty { lines.append(current) }
        return lines
    }

    private static func isStandalone(_ pieces: [Token]) -> Bool {
        let tags = pieces.compactMap(\.tag)
        guard !tags.isEmpty, pieces.allSatisfy({ $0.text?.isWhitespace ?? true }) else { return false }
        if tags.count == 1 { return tags[0].kind.canStandAlone }
        let inheritanceOnly = tags.allSatisfy { $0.kind == .parent || $0.kind == .block || $0.kind == .close }
        let opensAndClosesBlock = tags.indices.contains { i in
            tags[i].kind == .block && tags[(i + 1)...].contains { $0.kind == .close && $0.content == tags[i].content }
        }
        return inheritanceOnly && !opensAndClosesBlock
    }

    private static func leadingWhitespace(_ pieces: [Token]) -> String {
        guard case .text(let text)? = pieces.first else { return "" }
        return String(text.prefix { $0 == " " || $0 == "\t" })
    }

    private static func leadingTextIsWhitespace(_ pieces: [Token], before offset: Int) -> Bool {
        pieces.prefix { $0.tag?.offset != offset }.allSatisfy { $0.text?.isWhitespace ?? false }
    }
}

extension Token {
    var tag: Tag? {
        if case .tag(let tag) = self { tag } else { nil }
    }

    var text: String? {
        if case .text(let text) = self { text } else { nil }
    }
}

extension String {
    /// Only spaces and tabs (the whitespace the standalone rule allows around a tag).
    var isWhitespace: Bool {
        allSatisfy { $0 == " " || $0 == "\t" }
    }
}
