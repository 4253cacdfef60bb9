/// Splits a plain-text article into headline and paragraphs. The text is never read as Markdown.
public enum ArticleParser {
    public static let frontMatterKeys = Provenance.keys

    public static func parse(_ file: SourceFile, diagnostics: inout [Diagnostic]) -> Article? {
        let document = FrontMatterDocument.split(file.text, path: file.path, diagnostics: &diagnostics)
        let fields = YAMLFields(yaml: document.yaml, path: file.path, firstLine: document.yamlLine, diagnostics: &diagnostics)
        fields.rejectUnknownKeys(frontMatterKeys, what: "article front matter", diagnostics: &diagnostics)
        let provenance = Provenance(fields: fields, diagnostics: &diagnostics)
        let paragraphs = splitParagraphs(document.body, firstLine: document.bodyLine)
        guard !paragraphs.isEmpty else {
            diagnostics.append(.error(.parse, "article has no text", at: SourceLocation(file: file.path, line: document.bodyLine, column: 1),
                                      notes: ["the first non-empty line is the headline; paragraphs follow, separated by blank lines"]))
            return nil
        }
        return Article(slug: file.stem, path: file.path, provenance: provenance, paragraphs: paragraphs)
    }

    /// Paragraphs are runs of non-blank lines; lines are trimmed of trailing spaces and `\r`,
    /// and kept joined by `\n` (soft breaks).
    static func splitParagraphs(_ body: String, firstLine: Int) -> [Paragraph] {
        var paragraphs: [Paragraph] = []
        var current: [Substring] = []
        var startLine = firstLine
        var lineNumber = firstLine
        func flush() {
            guard !current.isEmpty else { return }
            paragraphs.append(Paragraph(index: paragraphs.count, text: current.joined(separator: "\n"), line: startLine))
            current.removeAll()
        }
        for rawLine in body.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = rawLine.trimmingTrailingCR()
            while let last = line.last, last == " " || last == "\t" { line = line.dropLast() }
            if line.allSatisfy({ $0.isWhitespace }) {
                flush()
            } else {
                if current.isEmpty { startLine = lineNumber }
                current.append(line)
            }
            lineNumber += 1
        }
        flush()
        return paragraphs
    }
}
