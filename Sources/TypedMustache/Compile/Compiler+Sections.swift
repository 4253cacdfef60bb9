/// Variables and sections: what each kind of field allows, and the closures it compiles to.
///
/// Every closure built here names only types that are generic parameters of the function
/// building it, whose metadata it captures once (naming `Scope<Child, Rest>` or `[Child]` inside
/// would look their metadata up on every call), and reads values in place through pointers.
/// Rendering is then closure calls and appends: no lookups, casts, or copies of the values.
extension Compiler {
    func variable<S: ScopeChain>(_ name: Name, escaped: Bool, at position: SourcePosition, in scope: S.Type, _ context: CompileContext) -> Renderer<S>? {
        guard let field = resolve(name, in: S.self, at: position, context) else { return nil }
        switch field.kind {
        case .text(let get):
            return Self.text(get, escaped: escaped)
        case .flag:
            report("'\(name)' is a flag, which has no text; use it as a section, as in '{{#\(name)}}…{{/\(name)}}'", at: position, context)
            return nil
        case .child(let access):
            return interpolation(of: access, named: name, escaped: escaped, at: position, context)
        }
    }

    func section<S: ScopeChain>(_ name: Name, inverted: Bool, body: [Node], at position: SourcePosition, in scope: S.Type, _ context: CompileContext) -> Renderer<S>? {
        guard let field = resolve(name, in: S.self, at: position, context), let inner = nested(context, at: position) else { return nil }
        switch field.kind {
        case .text:
            report("'\(name)' is text, which cannot open a section; sections need a flag, an optional, a list or a child value", at: position, context)
            return nil
        case .flag(let get):
            let body = compile(body, in: S.self, inner)
            if inverted { return Renderer { scope, out in if !get(scope) { body(scope, &out) } } }
            return Renderer { scope, out in if get(scope) { body(scope, &out) } }
        case .child(let access):
            return section(over: access, inverted: inverted, body: body, inner)
        }
    }

    private func section<Access: ChildAccess>(over access: Access, inverted: Bool, body: [Node], _ context: CompileContext) -> Renderer<Access.Root>?
    where Access.Root: ScopeChain {
        if inverted { return invertedSection(over: access.shape, body: compile(body, in: Access.Root.self, context)) }
        var pushing = context
        pushing.pushes += 1
        return Access.Root.removing(Access.Child.self, SectionCompiler(shape: access.shape, body: body, compiler: self, context: pushing))
    }

    private static func text<S>(_ get: @escaping @Sendable (UnsafePointer<S>) -> String, escaped: Bool) -> Renderer<S> {
        if escaped { return Renderer { scope, out in out.appendEscaped(get(scope)) } }
        return Renderer { scope, out in out.append(get(scope)) }
    }

    private func interpolation<Access: ChildAccess>(of access: Access, named name: Name, escaped: Bool, at position: SourcePosition, _ context: CompileContext) -> Renderer<Access.Root>? {
        if case .dynamic(let text, _, _) = access.shape { return Self.text(text, escaped: escaped) }
        if case .list = access.shape {
            report("'\(name)' is a list, which has no text; render its elements with '{{#\(name)}}…{{/\(name)}}'", at: position, context)
            return nil
        }
        guard let selfText = Access.Child.selfText else {
            let example = Access.Child.fieldNames.first.map { " such as '\(name).\($0)'" } ?? ""
            report("'\(name)' is a \(Access.Child.self), which has no text; name one of its fields\(example)", at: position, context)
            return nil
        }
        switch access.shape {
        case .one(let get): return Self.text({ selfText(get($0)) }, escaped: escaped)
        case .optional(let children): return Self.text(of: children, selfText, escaped: escaped)
        case .list, .dynamic: return nil
        }
    }

    /// The text of a child that may be missing: nothing when it is.
    private static func text<Children: ChildrenAccess>(of children: Children, _ selfText: @escaping @Sendable (Children.Child) -> String, escaped: Bool) -> Renderer<Children.Root> {
        text(of: children.get, selfText, escaped: escaped)
    }

    /// Generic over the container, like the closures below, so they have its type and
    /// conformance at hand rather than fetching them through an associated type on every call.
    private static func text<Root, Container: ChildContainer>(
        of get: @escaping @Sendable (UnsafePointer<Root>) -> Container, _ selfText: @escaping @Sendable (Container.Child) -> String, escaped: Bool
    ) -> Renderer<Root> {
        if escaped { return Renderer { scope, out in get(scope).withEachChild { out.appendEscaped(selfText($0.pointee)) } } }
        return Renderer { scope, out in get(scope).withEachChild { out.append(selfText($0.pointee)) } }
    }

    /// `{{^x}}`: renders in the same scope when the child is missing or the list is empty.
    private func invertedSection<S, Child>(over shape: ChildShape<S, Child>, body: Renderer<S>) -> Renderer<S>? {
        switch shape {
        case .one: nil
        case .optional(let children), .list(let children), .dynamic(_, let children, _): Self.whenEmpty(children, body)
        }
    }

    private static func whenEmpty<Children: ChildrenAccess>(_ children: Children, _ body: Renderer<Children.Root>) -> Renderer<Children.Root> {
        whenEmpty(children.get, body)
    }

    private static func whenEmpty<Root, Container: ChildContainer>(_ get: @escaping @Sendable (UnsafePointer<Root>) -> Container, _ body: Renderer<Root>) -> Renderer<Root> {
        Renderer { scope, out in if get(scope).isEmpty { body(scope, &out) } }
    }
}

/// Compiles a section body once the chain it pushes onto is known (minus the frame the pushed
/// child shadows), and wraps it in the test or loop its field's shape calls for.
private struct SectionCompiler<S: ScopeChain, Child: TemplateValue>: ScopeVisitor {
    let shape: ChildShape<S, Child>
    let body: [Node]
    let compiler: Compiler
    let context: CompileContext

    func visit<Rest: ScopeChain>(_ reframe: @escaping Reframing<S, Rest>) -> Renderer<S> {
        let body = compiler.compile(body, in: Scope<Child, Rest>.self, context)
        switch shape {
        case .one(let get):
            return Renderer { scope, out in
                var child = get(scope)
                reframe(scope, &out) { rest, out in withFrame(&child, over: rest, &out, body) }
            }
        case .optional(let children), .list(let children), .dynamic(_, let children, _):
            return Self.forEach(children, body, reframe)
        }
    }

    private static func forEach<Children: ChildrenAccess, Rest>(
        _ children: Children, _ body: Renderer<Scope<Child, Rest>>, _ reframe: @escaping Reframing<S, Rest>
    ) -> Renderer<S> where Children.Root == S, Children.Child == Child {
        forEach(children.get, body, reframe)
    }

    /// Renders `body` once per child, each on top of the same outer frames. Generic over the
    /// container itself, so the closure has its type and conformance at hand.
    private static func forEach<Container: ChildContainer, Rest>(
        _ get: @escaping @Sendable (UnsafePointer<S>) -> Container, _ body: Renderer<Scope<Child, Rest>>,
        _ reframe: @escaping Reframing<S, Rest>
    ) -> Renderer<S> where Container.Child == Child {
        return Renderer { scope, out in
            let children = get(scope)
            guard !children.isEmpty else { return }
            reframe(scope, &out) { rest, out in
                children.withEachChild { withFrame($0, over: rest, &out, body) }
            }
        }
    }
}
