/// Reads one `stories/<slug>.md` file: `title` (required) and `description` in front matter,
/// the introduction below.
public enum StoryParser {
    public static let frontMatterKeys = ["title", "description"]

    public static func parse(_ file: SourceFile, diagnostics: inout [Diagnostic]) -> Story? {
        guard let (document, fields) = EntityParser.slugFile(file, keys: frontMatterKeys, what: "story", example: "syria-withdrawal.md",
                                                             diagnostics: &diagnostics) else { return nil }
        let start = SourceLocation(file: file.path, line: 1, column: 1)
        guard let title = fields.string("title", diagnostics: &diagnostics)?.trimmingWhitespace(), !title.isEmpty else {
            diagnostics.append(.error(.parse, "story has no 'title'", at: start, notes: ["add 'title: The story's name' to the front matter"]))
            return nil
        }
        return Story(slug: file.stem, title: title, description: fields.string("description", diagnostics: &diagnostics),
                     introMarkdown: document.body, path: file.path)
    }
}
