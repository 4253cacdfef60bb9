/// Partials, parents and blocks: expanded at compile time, memoised per scope type.
extension Compiler {
    /// `{{>name}}`, or `{{<name}}…{{/name}}` with its block overrides.
    ///
    /// A template is compiled once per scope type and overrides in force. Meeting the same
    /// combination again while it is still compiling is recursion: fine when a section pushed a
    /// child value on the way (the data decides when it ends; the renderer reaches back through
    /// a box), an error when none did (the same value would recurse forever).
    func include<S: ScopeChain>(_ name: String, _ placement: Placement, overrides: [Block], at position: SourcePosition, in scope: S.Type, _ context: CompileContext) -> Renderer<S>? {
        guard let template = templates[name] else {
            if !allowsMissingTemplates {
                report("no template named '\(name)'", suggestion: nearest(to: name, in: templates.keys), at: position, context)
            }
            return nil
        }
        usedTemplates.insert(name)
        guard var inner = nested(context, at: position) else { return nil }
        inner.template = name
        inner.strip = ""
        for block in overrides where inner.overrides[block.name] == nil {
            inner.overrides[block.name] = Override(block: block, template: context.template)
        }
        let key = MemoKey(template: name, scope: ObjectIdentifier(S.self), overrides: inner.overrides.mapValues(\.block.id))
        let render: Renderer<S>
        if let memo = memo[key] {
            guard let box = memo.box as? RecursionBox<S> else { preconditionFailure("memo keys include the scope type") }
            guard memo.isCompiling else { return indenting(box.renderer, placement, context) }
            guard memo.pushes < context.pushes else {
                report("'\(name)' includes itself without entering a section over a child value; rendering would never end", at: position, context)
                return nil
            }
            render = recursion(into: box, levels: inner.depth - memo.depth, through: name, at: position, context)
        } else {
            let box = RecursionBox<S>()
            let memo = Memo(box: box, pushes: context.pushes, depth: inner.depth)
            self.memo[key] = memo
            box.renderer = compile(template.nodes, in: S.self, inner)
            memo.isCompiling = false
            render = box.renderer
        }
        return indenting(render, placement, context)
    }

    /// `{{$name}}…{{/name}}` where a parent's block is filled: the override in force, reindented
    /// from where it was written to where it lands, or else the default content.
    func expand<S: ScopeChain>(_ block: Block, in scope: S.Type, _ context: CompileContext) -> Renderer<S>? {
        guard var inner = nested(context, at: block.position) else { return nil }
        guard let override = context.overrides[block.name] else {
            return compile(block.body, in: S.self, inner)
        }
        guard !context.expanding.contains(override.block.id) else {
            report("block '\(block.name)' is nested inside a block of the same name; rendering would never end", at: override.block.position, context)
            return nil
        }
        inner.expanding.insert(override.block.id)
        inner.template = override.template
        inner.strip = override.block.bodyIndentation ?? ""
        let body: [Node], indentation: String
        switch block.placement {
        case .standalone(let tagIndentation):
            // The override starts a line, indented as the default content is.
            body = override.block.body.startingLine
            indentation = block.bodyIndentation ?? tagIndentation
        case .inline(let leading):
            // The override continues the line; its later lines line up with the tag.
            body = override.block.body.continuingLine(stripping: inner.strip)
            indentation = leading ?? ""
        }
        return indenting(compile(body, in: S.self, inner), by: indentation.droppingIndentation(context.strip))
    }

    /// A standalone include indents every line it renders by the tag's indentation; an inline
    /// one starts mid-line and indents nothing.
    private func indenting<S>(_ render: Renderer<S>, _ placement: Placement, _ context: CompileContext) -> Renderer<S> {
        switch placement {
        case .standalone(let indentation):
            return indenting(render, by: indentation.droppingIndentation(context.strip))
        case .inline:
            return Renderer { scope, out in
                guard !out.indentation.isEmpty else { return render(scope, &out) }
                let outer = out.indentation
                out.indentation = ""
                render(scope, &out)
                out.indentation = outer
            }
        }
    }

    private func indenting<S>(_ render: Renderer<S>, by indentation: String) -> Renderer<S> {
        guard !indentation.isEmpty else { return render }
        return Renderer { scope, out in
            let outer = out.indentation
            out.indentation += indentation
            render(scope, &out)
            out.indentation = outer
        }
    }

    /// A recursive use: reaches the renderer through its box (filled once compiling ends), and
    /// counts the nesting it adds, failing the render past `maxRenderDepth`.
    private func recursion<S>(into box: RecursionBox<S>, levels: Int, through name: String, at position: SourcePosition, _ context: CompileContext) -> Renderer<S> {
        recursionBoxes.append(box)
        let limits = RecursionLimits(
            levels: levels,
            tooDeep: TemplateError(
                template: context.template, line: position.line, column: position.column,
                message: "rendering nests more than \(Self.maxRenderDepth) levels deep through '\(name)'; is the data cyclic or too deep?"),
            tooMany: TemplateError(
                template: context.template, line: position.line, column: position.column,
                message: "rendering recursed through '\(name)' more than \(Self.maxRecursions) times; does it recurse over a list its scope finds again at every level?"))
        return Renderer { [unowned box] scope, out in
            guard limits.enter(&out) else { return }
            out.depth += levels
            box.renderer(scope, &out)
            out.depth -= levels
        }
    }
}

/// The checks a recursive partial use makes before it renders, out of line: the renderer's own
/// frame is on the stack once per level of recursion.
final class RecursionLimits: Sendable {
    let levels: Int
    let tooDeep: TemplateError
    let tooMany: TemplateError

    init(levels: Int, tooDeep: TemplateError, tooMany: TemplateError) {
        self.levels = levels
        self.tooDeep = tooDeep
        self.tooMany = tooMany
    }

    /// Whether rendering may go one recursion further; records the failure when not.
    @inline(never)
    func enter(_ out: inout RenderBuffer) -> Bool {
        // After a failure the output is dropped: stop at once rather than walk the rest of the tree.
        guard out.failure == nil else { return false }
        guard out.depth + levels <= Compiler.maxRenderDepth else {
            if out.failure == nil { out.failure = tooDeep }
            return false
        }
        out.recursions += 1
        guard out.recursions <= Compiler.maxRecursions else {
            if out.failure == nil { out.failure = tooMany }
            return false
        }
        return true
    }
}

extension [Node] {
    /// The nodes as they start a line: with a line start first.
    var startingLine: [Node] {
        if case .lineStart? = first { self } else { [.lineStart] + self }
    }

    /// The nodes as they continue a line: without a first line start, but with the indentation
    /// it would have stripped from the text after it stripped all the same.
    func continuingLine(stripping indentation: String) -> [Node] {
        guard case .lineStart? = first else { return self }
        guard count > 1, case .text(let text) = self[1] else { return Array(dropFirst()) }
        return [.text(text.droppingIndentation(indentation))] + dropFirst(2)
    }
}
