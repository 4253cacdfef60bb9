/// A set of templates parsed once, by name, from which templates are compiled for the types
/// they render. Partials (`{{>name}}`) and parents (`{{<name}}`) name other templates in it.
public struct TemplateLibrary: Sendable {
    let templates: [String: ParsedTemplate]
    let allowsMissingTemplates: Bool

    /// Parses every template, reporting the syntax errors of all of them.
    ///
    /// - Parameter allowsMissingTemplates: whether a partial or parent naming no template renders
    ///   nothing (as the Mustache spec suggests) instead of failing to compile.
    public init(_ sources: [String: String], allowsMissingTemplates: Bool = false) throws(TemplateErrors) {
        var templates: [String: ParsedTemplate] = [:]
        var errors: [TemplateError] = []
        for (name, source) in sources.sorted(by: { $0.key < $1.key }) {
            do {
                templates[name] = try Parser.parse(source, named: name)
            } catch {
                errors.append(error)
            }
        }
        guard errors.isEmpty else { throw TemplateErrors(errors) }
        self.templates = templates
        self.allowsMissingTemplates = allowsMissingTemplates
    }

    /// The templates' names, sorted.
    public var names: [String] {
        templates.keys.sorted()
    }

    /// Compiles the template `name` to render `Root` values, with the partials and parents it
    /// uses. Reports every name that resolves to nothing, with the nearest valid one.
    public func compile<Root: TemplateValue>(_ name: String, for root: Root.Type = Root.self) throws(TemplateErrors) -> Template<Root> {
        guard let template = templates[name] else {
            throw TemplateErrors([TemplateError(
                template: name, line: 1, column: 1, message: "no template named '\(name)'", suggestion: nearest(to: name, in: templates.keys))])
        }
        let compiler = Compiler(templates: templates, allowsMissingTemplates: allowsMissingTemplates)
        let render = compiler.compile(template.nodes, in: Scope<Root, Bottom>.self, CompileContext(template: name))
        guard compiler.errors.isEmpty else {
            throw TemplateErrors(compiler.errors.sorted { ($0.template, $0.line, $0.column) < ($1.template, $1.line, $1.column) })
        }
        let used = compiler.usedTemplates.union([name]).sorted()
        return Template(name: name, sources: used.map { ($0, templates[$0]!.source) }, render: render,
                        recursionBoxes: compiler.recursionBoxes, sizeHint: template.sourceSize)
    }
}
