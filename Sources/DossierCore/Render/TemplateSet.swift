import Mustache

/// The site's Mustache templates, parsed once; parse errors are reported at `Templates/x.mustache:L:C`.
struct TemplateSet: Sendable {
    /// Templates every build needs; a missing one is an error naming the file to create.
    static let required = ["layout", "index", "briefing", "entities", "entity", "tags", "tag", "quotes", "404", "search", "partials/card", "partials/row", "partials/entity-chip"]

    private let library: MustacheLibrary

    /// Every template starts in Dossier's HTML content type: the same escaping as Mustache's
    /// default (`& < > " '`), but byte-wise and allocation-free for text that needs none, which
    /// matters when a site renders millions of variables.
    private static let contentTypePragma: String = {
        MustacheContentTypes.register(EscapingHTML(), named: "DOSSIER_HTML")
        return "{{% CONTENT_TYPE: DOSSIER_HTML}}"
    }()

    init(_ sources: [TemplateSource], diagnostics: inout [Diagnostic]) {
        var library = MustacheLibrary()
        var names: Set<String> = []
        let pragma = Self.contentTypePragma
        for source in sources {
            names.insert(source.name)
            do {
                library.register(try MustacheTemplate(string: pragma + source.file.text), named: source.name)
            } catch let error as MustacheTemplate.ParserError {
                let line = error.context.lineNumber
                let column = line == 1 ? max(1, error.context.columnNumber - pragma.count) : error.context.columnNumber
                diagnostics.append(.error(
                    .render, "template syntax error: \(Self.describe(error.error))",
                    at: SourceLocation(file: source.file.path, line: line, column: column),
                    notes: ["in: \(error.context.line.replacingPrefix(pragma).trimmingWhitespace())"]))
            } catch {
                diagnostics.append(.error(.render, "template syntax error: \(error)", at: SourceLocation(file: source.file.path)))
            }
        }
        for name in Self.required where !names.contains(name) {
            diagnostics.append(.error(.render, "missing template '\(name)'", at: SourceLocation(file: "Templates/\(name).mustache"),
                                      notes: ["create Templates/\(name).mustache, or copy it from Dossier's default Templates/ folder"]))
        }
        self.library = library
    }

    func render(_ view: Any, with name: String) -> String {
        library.render(view, withTemplate: name) ?? ""
    }

    private static func describe(_ error: Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "\(error)" }
        switch error {
        case .sectionCloseNameIncorrect: return "section closed with a different name than it was opened with"
        case .unfinishedName: return "tag is not closed with '}}'"
        case .expectedSectionEnd: return "section is never closed; add {{/name}}"
        case .invalidSetDelimiter: return "invalid set-delimiter tag"
        case .transformAppliedToInheritanceSection: return "transforms cannot be applied to an inherited section"
        case .illegalTokenInsideInheritSection: return "only block definitions may appear inside {{<parent}}"
        case .textInsideInheritSection: return "only block definitions may appear inside {{<parent}}"
        case .invalidConfigVariableSyntax: return "invalid pragma syntax"
        case .unrecognisedConfigVariable: return "unknown pragma"
        }
    }
}

/// Mustache's HTML escaping, through `HTML.escape`.
struct EscapingHTML: MustacheContentType {
    func escapeText(_ text: String) -> String { HTML.escape(text) }
}

extension String {
    func replacingPrefix(_ prefix: String) -> String { hasPrefix(prefix) ? String(dropFirst(prefix.count)) : self }
}
