/// Reads one `stories/<slug>.md` file: `title` (required) and `description` in front matter,
/// the introduction below.
public enum StoryParser {
    public static let frontMatterKeys = ["title", "description"]

    public static func parse(_ file: SourceFile, diagnostics: inout [Diagnostic]) -> Story? {
        let document = FrontMatterDocument.split(file.text, path: file.path, diagnostics: &diagnostics)
        let fields = YAMLFields(yaml: document.yaml, path: file.path, firstLine: document.yamlLine, diagnostics: &diagnostics)
        fields.rejectUnknownKeys(frontMatterKeys, what: "story front matter", diagnostics: &diagnostics)
        let start = SourceLocation(file: file.path, line: 1, column: 1)
        if let problem = Slug.lengthProblem(file.stem, what: "the file name") {
            diagnostics.append(.error(.parse, problem, at: start, notes: ["rename the file to a shorter slug"]))
            return nil
        }
        guard EntityParser.isValidSlug(file.stem) else {
            diagnostics.append(.error(.parse, "story file name '\(file.fileName)' is not a valid slug", at: start,
                                      notes: ["use lowercase letters, digits and hyphens, e.g. 'syria-withdrawal.md'"]))
            return nil
        }
        guard let title = fields.string("title", diagnostics: &diagnostics)?.trimmingWhitespace(), !title.isEmpty else {
            diagnostics.append(.error(.parse, "story has no 'title'", at: start, notes: ["add 'title: The story's name' to the front matter"]))
            return nil
        }
        return Story(slug: file.stem, title: title, description: fields.string("description", diagnostics: &diagnostics),
                     introMarkdown: document.body, path: file.path)
    }
}
