/// Splits a plain-text article into headline and paragraphs. The text is never read as Markdown.
public enum ArticleParser {
    public static let frontMatterKeys = Provenance.keys

    public static func parse(_ file: SourceFile, diagnostics: inout [Diagnostic]) -> Article? {
        let document = FrontMatterDocument.split(file.text, path: file.path, diagnostics: &diagnostics)
        let fields = YAMLFields(yaml: document.yaml, path: file.path, firstLine: document.yamlLine, diagnostics: &diagnostics)
        fields.rejectUnknownKeys(frontMatterKeys, what: "article front matter", diagnostics: &diagnostics)
        let provenance = Provenance(fields: fields, diagnostics: &diagnostics)
        if let problem = Slug.lengthProblem(file.stem, what: "the file name") {
            diagnostics.append(.error(.parse, problem, at: SourceLocation(file: file.path), notes: ["rename the article and its annotation to a shorter slug"]))
            return nil
        }
        let paragraphs = splitParagraphs(document.body, firstLine: document.bodyLine)
        guard !paragraphs.isEmpty else {
            diagnostics.append(.error(.parse, "article has no text", at: SourceLocation(file: file.path, line: document.bodyLine, column: 1),
                                      notes: ["the first non-empty line is the headline; paragraphs follow, separated by blank lines"]))
            return nil
        }
        return Article(slug: file.stem, path: file.path, provenance: provenance, paragraphs: paragraphs, sha256: SHA256.hex(file.text))
    }

    /// Paragraphs are runs of non-blank lines; lines are trimmed of trailing spaces and `\r`,
    /// and kept joined by `\n` (soft breaks). Works on UTF-8 bytes for speed; a line holding only
    /// Unicode spaces (NBSP) also separates paragraphs.
    static func splitParagraphs(_ body: String, firstLine: Int) -> [Paragraph] {
        let bytes = Array(body.utf8)
        var paragraphs: [Paragraph] = []
        var current: [UInt8] = []
        var startLine = firstLine
        var lineNumber = firstLine
        func flush() {
            guard !current.isEmpty else { return }
            paragraphs.append(Paragraph(index: paragraphs.count, text: String(decoding: current, as: UTF8.self), line: startLine))
            current.removeAll(keepingCapacity: true)
        }
        var start = 0
        while start <= bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            var trimmed = end
            while trimmed > start, bytes[trimmed - 1] == 0x20 || bytes[trimmed - 1] == 0x09 || bytes[trimmed - 1] == 0x0D { trimmed -= 1 }
            if isBlank(bytes[start..<trimmed]) {
                flush()
            } else {
                if current.isEmpty { startLine = lineNumber } else { current.append(0x0A) }
                current.append(contentsOf: bytes[start..<trimmed])
            }
            lineNumber += 1
            start = end + 1
        }
        flush()
        return paragraphs.withoutSpareCapacity()
    }

    private static func isBlank(_ line: ArraySlice<UInt8>) -> Bool {
        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x0B || $0 == 0x0C }) { return true }
        guard line.contains(where: { $0 >= 0x80 }) else { return false }
        return String(decoding: line, as: UTF8.self).unicodeScalars.allSatisfy { $0.properties.isWhitespace }
    }
}
