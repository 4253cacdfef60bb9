import Yams

/// Reads one `entities/<slug>.md` file.
public enum EntityParser {
    public static let frontMatterKeys = ["name", "kind", "aliases", "description", "links"]

    public static func parse(_ file: SourceFile, diagnostics: inout [Diagnostic]) -> Entity? {
        guard let (document, fields) = slugFile(file, keys: frontMatterKeys, what: "entity", example: "angus-king.md", diagnostics: &diagnostics) else { return nil }
        let start = SourceLocation(file: file.path, line: 1, column: 1)
        guard let name = fields.string("name", diagnostics: &diagnostics)?.trimmingWhitespace(), !name.isEmpty else {
            diagnostics.append(.error(.parse, "entity has no 'name'", at: start, notes: ["add 'name: Full Name' to the front matter"]))
            return nil
        }
        var kind = EntityKind.other
        if let text = fields.string("kind", diagnostics: &diagnostics) {
            if let parsed = EntityKind(rawValue: text) {
                kind = parsed
            } else {
                let names = EntityKind.allCases.map(\.rawValue)
                var notes = ["valid kinds: \(names.joined(separator: ", "))"]
                if let guess = nearest(text, in: names) { notes.insert("did you mean '\(guess)'?", at: 0) }
                diagnostics.append(.error(.parse, "unknown entity kind '\(text)'", at: fields.location(of: fields.node("kind")!.value), notes: notes))
            }
        } else {
            diagnostics.append(.error(.parse, "entity '\(name)' has no 'kind'", at: start,
                                      notes: ["add 'kind:' with one of person, organization, place, event, other"]))
        }
        var links: [ExternalLink] = []
        if let (_, node) = fields.node("links") {
            if case .mapping(let mapping) = node {
                for (key, value) in mapping {
                    let label = key.string ?? ""
                    guard let url = value.string, Provenance.isWebURL(url) else {
                        diagnostics.append(.error(.parse, "link '\(label)' must be an absolute http(s) URL", at: fields.location(of: value)))
                        continue
                    }
                    links.append(ExternalLink(label: label, url: url))
                }
            } else {
                diagnostics.append(.error(.parse, "'links' must be a mapping of label: URL", at: fields.location(of: node),
                                          notes: ["for example:\n  links:\n    wikipedia: https://en.wikipedia.org/wiki/Syria"]))
            }
        }
        var aliases: [String] = []
        for alias in fields.stringList("aliases", diagnostics: &diagnostics) {
            let alias = alias.trimmingWhitespace()
            if !alias.isEmpty, alias != name, !aliases.contains(alias) { aliases.append(alias) }
        }
        var entity = Entity(
            slug: file.stem, name: name, kind: kind, aliases: aliases,
            description: fields.string("description", diagnostics: &diagnostics),
            links: links, notesMarkdown: document.body, path: file.path, bodyLine: document.bodyLine)
        if let (_, node) = fields.node("name") { entity.formLocations[name] = fields.location(of: node) }
        if let (_, node) = fields.node("aliases"), case .sequence(let items) = node {
            for item in items { if let text = item.string { entity.formLocations[text.trimmingWhitespace()] = fields.location(of: item) } }
        }
        return entity
    }

    /// The front matter of a file named by its slug (an entity's, a story's), with unknown keys
    /// reported; nil, with an error, when the file name is too long or not a valid slug.
    static func slugFile(_ file: SourceFile, keys: [String], what: String, example: String,
                         diagnostics: inout [Diagnostic]) -> (document: FrontMatterDocument, fields: YAMLFields)? {
        let document = FrontMatterDocument.split(file.text, path: file.path, diagnostics: &diagnostics)
        let fields = YAMLFields(yaml: document.yaml, path: file.path, firstLine: document.yamlLine, diagnostics: &diagnostics)
        fields.rejectUnknownKeys(keys, what: "\(what) front matter", diagnostics: &diagnostics)
        let start = SourceLocation(file: file.path, line: 1, column: 1)
        if let problem = Slug.lengthProblem(file.stem, what: "the file name") {
            diagnostics.append(.error(.parse, problem, at: start, notes: ["rename the file to a shorter slug"]))
            return nil
        }
        guard isValidSlug(file.stem) else {
            diagnostics.append(.error(.parse, "\(what) file name '\(file.fileName)' is not a valid slug", at: start,
                                      notes: ["use lowercase letters, digits and hyphens, e.g. '\(example)'"]))
            return nil
        }
        return (document, fields)
    }

    /// Slugs become URL path segments, so they are kept to a safe alphabet.
    public static func isValidSlug(_ slug: String) -> Bool {
        !slug.isEmpty && slug.utf8.allSatisfy { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 45 || $0 == 95 }
    }
}
