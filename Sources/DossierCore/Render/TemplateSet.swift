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
        diagnostics += Self.endlessRecursion(in: sources)
        for name in Self.required where !names.contains(name) {
            diagnostics.append(.error(.render, "missing template '\(name)'", at: SourceLocation(file: "Templates/\(name).mustache"),
                                      notes: ["create Templates/\(name).mustache, or copy it from Dossier's default Templates/ folder"]))
        }
        self.library = library
    }

    /// Templates whose rendering would never end (swift-mustache recurses until the stack
    /// overflows, found by fuzzing): a block `{{$x}}` inside a block of the same name, and a
    /// partial or parent that includes itself, directly or through others, outside any section
    /// (inside one, the recursion can end when the data does). Templates that change delimiters
    /// are not checked.
    static func endlessRecursion(in sources: [TemplateSource]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var edges: [String: [(target: String, location: SourceLocation)]] = [:]
        for source in sources {
            var stack: [(kind: Character, name: String)] = []
            for tag in tags(in: source.file.text) {
                guard let kind = tag.text.first else { continue }
                let name = String(tag.text.dropFirst()).trimmingWhitespace()
                let location = SourceLocation(file: source.file.path, line: tag.line, column: tag.column)
                switch kind {
                case "=": return diagnostics
                case "#", "^", "$", "<":
                    if kind == "$", stack.contains(where: { $0.kind == "$" && $0.name == name }) {
                        diagnostics.append(.error(.render, "block '\(name)' is nested inside a block of the same name; rendering would never end",
                                                  at: location, notes: ["rename the inner block or close the outer one first with {{/\(name)}}"]))
                    }
                    if kind == "<", !stack.contains(where: { $0.kind == "#" || $0.kind == "^" }) {
                        edges[source.name, default: []].append((name, location))
                    }
                    stack.append((kind, name))
                case "/":
                    if let open = stack.lastIndex(where: { $0.name == name }) { stack.removeSubrange(open..<stack.count) }
                case ">":
                    if !stack.contains(where: { $0.kind == "#" || $0.kind == "^" }) { edges[source.name, default: []].append((name, location)) }
                default: continue
                }
            }
        }
        // A cycle of unconditional includes, reported once at the include that closes it.
        var state: [String: Int] = [:]  // 1: on the path, 2: done
        func visit(_ name: String) {
            state[name] = 1
            for edge in edges[name] ?? [] {
                switch state[edge.target] {
                case 1:
                    diagnostics.append(.error(.render, "template '\(name)' includes '\(edge.target)', which includes '\(name)' again; rendering would never end",
                                              at: edge.location, notes: ["put the include inside a section, or remove it"]))
                case nil: visit(edge.target)
                default: break
                }
            }
            state[name] = 2
        }
        for name in edges.keys.sorted() where state[name] == nil { visit(name) }
        return diagnostics
    }

    /// The Mustache tags of `text` with the default delimiters: their inside (without braces or
    /// the triple mustache's third brace) and where they start.
    static func tags(in text: String) -> [(text: String, line: Int, column: Int)] {
        var result: [(String, Int, Int)] = []
        let scalars = Array(text.unicodeScalars)
        var i = 0, line = 1, column = 1
        while i < scalars.count {
            if scalars[i] == "{", i + 1 < scalars.count, scalars[i + 1] == "{" {
                let (startLine, startColumn) = (line, column)
                var j = i + 2
                while j + 1 < scalars.count, !(scalars[j] == "}" && scalars[j + 1] == "}") { j += 1 }
                guard j + 1 < scalars.count else { break }
                var inside = String(String.UnicodeScalarView(scalars[(i + 2)..<j]))
                if inside.hasPrefix("{") { inside.removeFirst() }
                result.append((inside.trimmingWhitespace(), startLine, startColumn))
                for k in i..<(j + 2) { if scalars[k] == "\n" { line += 1; column = 1 } else { column += 1 } }
                i = j + 2
                continue
            }
            if scalars[i] == "\n" { line += 1; column = 1 } else { column += 1 }
            i += 1
        }
        return result
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
