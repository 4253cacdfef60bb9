/// One name a template can use on a `Root` value: what it renders as text, whether it opens a
/// section, and which child value sections and dotted names step into.
///
/// Fields are declared with the static functions below. The kind decides which tags compile:
/// a flag cannot be interpolated and text cannot open a section, so such mistakes are compile
/// errors with the tag's position rather than silently empty output.
///
/// The functions are inlinable so that the small adapter each wraps around its closure (the
/// engine reads values in place, through pointers) is specialised for `Root` where the field is
/// declared, rather than run as generic code that copies the value on every read.
public struct TemplateField<Root>: Sendable {
    @usableFromInline
    enum Kind: Sendable {
        case text(@Sendable (UnsafePointer<Root>) -> String)
        case flag(@Sendable (UnsafePointer<Root>) -> Bool)
        /// A value with fields of its own; the existential keeps the child type until the
        /// compiler opens it, once, at compile time.
        case child(any ChildAccess<Root>)
    }

    @usableFromInline
    let kind: Kind

    @usableFromInline
    init(kind: Kind) {
        self.kind = kind
    }

    /// Text: `{{x}}` renders it HTML-escaped, `{{{x}}}` and `{{&x}}` as is.
    @inlinable
    public static func text(_ get: @escaping @Sendable (Root) -> String) -> Self {
        Self(kind: .text { get($0.pointee) })
    }

    /// A number or other value rendered through its description, such as a count.
    @inlinable
    public static func text<Value: LosslessStringConvertible & SendableMetatype>(_ get: @escaping @Sendable (Root) -> Value) -> Self {
        Self(kind: .text { String(describing: get($0.pointee)) })
    }

    /// A condition: `{{#x}}…{{/x}}` renders when it is true, `{{^x}}…{{/x}}` when it is false.
    @inlinable
    public static func flag(_ get: @escaping @Sendable (Root) -> Bool) -> Self {
        Self(kind: .flag { get($0.pointee) })
    }

    /// A value that is always there: `{{#x}}` renders once with it as the context, and `{{x.name}}`
    /// reaches its fields. `{{x}}` renders its `selfText`.
    @inlinable
    public static func child<Child: TemplateValue>(_ get: @escaping @Sendable (Root) -> Child) -> Self {
        Self(kind: .child(ChildShape.one { get($0.pointee) }))
    }

    /// A value that may be missing: `{{#x}}` renders once with it as the context when it is there,
    /// `{{^x}}` when it is not; `{{x}}` renders its `selfText`, or nothing.
    @inlinable
    public static func optional<Child: TemplateValue>(_ get: @escaping @Sendable (Root) -> Child?) -> Self {
        Self(kind: .child(ChildShape.optional(ChildrenGetter { get($0.pointee) })))
    }

    /// A list: `{{#x}}` renders once per element with it as the context, `{{^x}}` when it is empty.
    @inlinable
    public static func list<Child: TemplateValue>(_ get: @escaping @Sendable (Root) -> [Child]) -> Self {
        Self(kind: .child(ChildShape.list(ChildrenGetter { get($0.pointee) })))
    }

    /// A value whose kind is only known when rendering, as in JSON: `{{x}}` renders `text`,
    /// `{{#x}}` renders once per element of `sections` (none means falsy), and `{{x.name}}` looks
    /// `name` up on `member`. Typed view models should not need it.
    @inlinable
    public static func dynamic<Child: TemplateValue>(
        text: @escaping @Sendable (Root) -> String,
        sections: @escaping @Sendable (Root) -> [Child],
        member: @escaping @Sendable (Root) -> Child
    ) -> Self {
        Self(kind: .child(ChildShape.dynamic(
            text: { text($0.pointee) }, sections: ChildrenGetter { sections($0.pointee) }, member: { member($0.pointee) })))
    }
}

extension TemplateField {
    /// This field read in place through a pointer to `Root`, as scope frames hold their values:
    /// how a name found in an outer frame becomes one accessor, composed at compile time.
    func pulledBack<Outer>(byPointer project: @escaping @Sendable (UnsafePointer<Outer>) -> UnsafePointer<Root>) -> TemplateField<Outer> {
        switch kind {
        case .text(let get): .init(kind: .text { get(project($0)) })
        case .flag(let get): .init(kind: .flag { get(project($0)) })
        case .child(let access): .init(kind: .child(access.pulledBack(byPointer: project)))
        }
    }

    /// This field read on a child value that `get` returns, as in `a.b`.
    func pulledBack<Outer>(byChild get: @escaping @Sendable (UnsafePointer<Outer>) -> Root) -> TemplateField<Outer> {
        // `&child` passes a pointer to the local without calling generic `withUnsafePointer`.
        switch kind {
        case .text(let text): .init(kind: .text { var child = get($0); return text(&child) })
        case .flag(let flag): .init(kind: .flag { var child = get($0); return flag(&child) })
        case .child(let access): .init(kind: .child(access.pulledBack(byChild: get)))
        }
    }

    /// This field read on a child value that may be missing: then text is empty, flags are
    /// false, and children are missing. Such chains are rare, and the closures composed here
    /// name `Root?`, so each call costs a metadata cache lookup.
    func pulledBack<Outer>(byOptionalChild get: @escaping @Sendable (UnsafePointer<Outer>) -> Root?) -> TemplateField<Outer> {
        switch kind {
        case .text(let text): .init(kind: .text { get($0).map { withUnsafePointer(to: $0, text) } ?? "" })
        case .flag(let flag): .init(kind: .flag { get($0).map { withUnsafePointer(to: $0, flag) } ?? false })
        case .child(let access): .init(kind: .child(access.pulledBack(byOptionalChild: get)))
        }
    }
}
