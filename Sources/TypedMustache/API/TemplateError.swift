/// A problem in a template, at a 1-based line and column of its source.
///
/// Compiling reports every problem it finds (see `TemplateErrors`), so a site generator can print
/// them all at once, compiler-style, instead of stopping at the first.
public struct TemplateError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The template's name in its library, such as `layout` or `partials/card`.
    public var template: String
    public var line: Int
    public var column: Int
    /// What is wrong, lowercase, with identifiers in quotes.
    public var message: String
    /// The nearest valid name when the problem is a name that resolves to nothing.
    public var suggestion: String?

    public init(template: String, line: Int, column: Int, message: String, suggestion: String? = nil) {
        self.template = template
        self.line = line
        self.column = column
        self.message = message
        self.suggestion = suggestion
    }

    /// `page.mustache:12:5: no field 'nmae' on BriefingPage; did you mean 'name'?`
    public var description: String {
        "\(template).mustache:\(line):\(column): \(message)" + (suggestion.map { "; did you mean '\($0)'?" } ?? "")
    }
}

/// Every problem found while parsing or compiling templates, in source order per template.
public struct TemplateErrors: Error, Sendable, CustomStringConvertible {
    public var errors: [TemplateError]

    public init(_ errors: [TemplateError]) {
        self.errors = errors
    }

    public var description: String {
        errors.map(\.description).joined(separator: "\n")
    }
}
