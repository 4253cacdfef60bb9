/// Compiles parsed templates against the scope type they render, collecting every error.
///
/// Each tag's name is resolved here, once; what comes out is a tree of closures specialised by
/// the scope's generic type, with no names, casts or `Any` left for rendering.
final class Compiler {
    /// Recursion through partials, in levels of nesting, beyond which rendering stops with an
    /// error instead of exhausting the stack: about 300 KiB in a debug build, 120 KiB optimised.
    /// A tree rendered by a recursive partial takes two levels (section and partial) per depth.
    static let maxRenderDepth = 200
    /// Recursive partial uses per render, beyond which rendering stops with an error: a partial
    /// that recurses over a list its own scope finds again (say, a parent's) branches at every
    /// level, and would take time and memory exponential in the depth long before reaching it.
    static let maxRecursions = 100_000

    let templates: [String: ParsedTemplate]
    let allowsMissingTemplates: Bool
    private(set) var errors: [TemplateError] = []
    /// Boxes that recursive partial uses reach back into; the compiled template keeps them alive.
    var recursionBoxes: [AnyObject & Sendable] = []
    /// The templates compiled in (partials and parents, transitively), for `Template.sources`.
    var usedTemplates: Set<String> = []

    struct MemoKey: Hashable {
        var template: String
        var scope: ObjectIdentifier
        var overrides: [String: BlockID]
    }

    final class Memo {
        let box: AnyObject
        let pushes: Int
        let depth: Int
        var isCompiling = true

        init(box: AnyObject, pushes: Int, depth: Int) {
            self.box = box
            self.pushes = pushes
            self.depth = depth
        }
    }

    /// Partials and parents compiled so far, per scope type and overrides in force.
    var memo: [MemoKey: Memo] = [:]

    init(templates: [String: ParsedTemplate], allowsMissingTemplates: Bool) {
        self.templates = templates
        self.allowsMissingTemplates = allowsMissingTemplates
    }

    func compile<S: ScopeChain>(_ nodes: [Node], in scope: S.Type, _ context: CompileContext) -> Renderer<S> {
        var steps: [Step<S>] = []
        var stripsNextText = false
        for node in nodes {
            var render: Renderer<S>?
            switch node {
            case .text(let text):
                steps.appendText(stripsNextText ? text.droppingIndentation(context.strip) : text)
            case .lineStart:
                steps.append(.lineStart)
                stripsNextText = !context.strip.isEmpty
                continue
            case .variable(let name, let escaped, let position):
                render = variable(name, escaped: escaped, at: position, in: S.self, context)
            case .section(let name, let inverted, let body, let position):
                render = section(name, inverted: inverted, body: body, at: position, in: S.self, context)
            case .partial(let name, let placement, let position):
                render = include(name, placement, overrides: [], at: position, in: S.self, context)
            case .parent(let name, let placement, let overrides, let position):
                render = include(name, placement, overrides: overrides, at: position, in: S.self, context)
            case .block(let block):
                render = expand(block, in: S.self, context)
            }
            stripsNextText = false
            if let render { steps.append(.render(render)) }
        }
        return Step.body(steps)
    }

    func report(_ message: String, suggestion: String? = nil, at position: SourcePosition, _ context: CompileContext) {
        let error = TemplateError(template: context.template, line: position.line, column: position.column, message: message, suggestion: suggestion)
        if !errors.contains(error) { errors.append(error) }
    }

    /// The context one level deeper, or nil (with an error) past `CompileContext.maxDepth`.
    func nested(_ context: CompileContext, at position: SourcePosition) -> CompileContext? {
        guard context.depth < CompileContext.maxDepth else {
            report("templates nest more than \(CompileContext.maxDepth) levels deep", at: position, context)
            return nil
        }
        var inner = context
        inner.depth += 1
        return inner
    }

    // MARK: Names

    /// Resolves a name in scope `S`: `.` is the innermost value; the first part of a dotted name
    /// is looked up innermost frame first, each later part on the value before it.
    func resolve<S: ScopeChain>(_ name: Name, in scope: S.Type, at position: SourcePosition, _ context: CompileContext) -> TemplateField<S>? {
        guard case .path(let parts) = name else {
            guard let field = S.selfField else {
                report("'.' has no text to render here: \(S.frames.first?.type ?? "the context") has no text of its own", at: position, context)
                return nil
            }
            return field
        }
        guard var field = S.field(named: parts[0]) else {
            let frames = S.frames
            let types = frames.map(\.type)
            let on = types.count > 1 ? types.dropLast().joined(separator: ", ") + " or " + types.last! : types.first ?? "the context"
            report("no field '\(parts[0])' on \(on)", suggestion: nearest(to: parts[0], in: frames.flatMap(\.fieldNames)), at: position, context)
            return nil
        }
        for index in parts.indices.dropFirst() {
            let path = parts[..<index].joined(separator: ".")
            switch field.kind {
            case .text:
                report("'\(path)' is text, which has no field '\(parts[index])'", at: position, context)
                return nil
            case .flag:
                report("'\(path)' is a flag, which has no field '\(parts[index])'", at: position, context)
                return nil
            case .child(let access):
                guard let member = member(parts[index], of: access, path: path, at: position, context) else { return nil }
                field = member
            }
        }
        return field
    }

    private func member<Access: ChildAccess>(_ name: String, of access: Access, path: String, at position: SourcePosition, _ context: CompileContext) -> TemplateField<Access.Root>? {
        if case .list = access.shape {
            report("'\(path)' is a list; reach its elements' fields inside '{{#\(path)}}…{{/\(path)}}'", at: position, context)
            return nil
        }
        guard let field = Access.Child.field(named: name) else {
            report("no field '\(name)' on \(Access.Child.self)", suggestion: nearest(to: name, in: Access.Child.fieldNames), at: position, context)
            return nil
        }
        switch access.shape {
        case .one(let get): return field.pulledBack(byChild: get)
        case .optional(let children): return field.pulledBack(byOptionalChild: Self.optional(children))
        case .dynamic(_, _, let get): return field.pulledBack(byOptionalChild: get)
        case .list: return nil
        }
    }

    /// The child in a `Child?` container, as an optional.
    private static func optional<Children: ChildrenAccess>(_ children: Children) -> @Sendable (UnsafePointer<Children.Root>) -> Children.Child? {
        let get = children.get
        return { root in
            var child: Children.Child?
            get(root).withEachChild { child = $0.pointee }
            return child
        }
    }
}

extension String {
    /// Without as much of `indentation` as it starts with.
    func droppingIndentation(_ indentation: String) -> String {
        String(dropFirst(commonPrefix(with: indentation).count))
    }
}
