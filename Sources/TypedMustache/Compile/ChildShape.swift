/// How a field reaches a child value of type `Child`, which the compiler needs in order to
/// compile the sections that step into it.
@usableFromInline
enum ChildShape<Root, Child: TemplateValue>: Sendable {
    case one(@Sendable (UnsafePointer<Root>) -> Child)
    /// Children in a `Child?`.
    case optional(any ChildrenAccess<Root, Child>)
    /// Children in a `[Child]`.
    case list(any ChildrenAccess<Root, Child>)
    /// As in JSON: text, the children a section renders, and the value dotted names step into.
    case dynamic(
        text: @Sendable (UnsafePointer<Root>) -> String, sections: any ChildrenAccess<Root, Child>,
        member: @Sendable (UnsafePointer<Root>) -> Child?)
}

/// A `ChildShape` with its child type hidden, so `TemplateField<Root>` need not name it.
/// Passing the existential to a generic function opens it and recovers `Child`, at compile time only.
@usableFromInline
protocol ChildAccess<Root>: Sendable {
    associatedtype Root
    associatedtype Child: TemplateValue
    var shape: ChildShape<Root, Child> { get }
    func pulledBack<Outer>(byPointer project: @escaping @Sendable (UnsafePointer<Outer>) -> UnsafePointer<Root>) -> any ChildAccess<Outer>
    func pulledBack<Outer>(byChild parent: @escaping @Sendable (UnsafePointer<Outer>) -> Root) -> any ChildAccess<Outer>
    func pulledBack<Outer>(byOptionalChild parent: @escaping @Sendable (UnsafePointer<Outer>) -> Root?) -> any ChildAccess<Outer>
}

extension ChildShape: ChildAccess {
    @usableFromInline
    var shape: Self { self }

    @usableFromInline
    func pulledBack<Outer>(byPointer project: @escaping @Sendable (UnsafePointer<Outer>) -> UnsafePointer<Root>) -> any ChildAccess<Outer> {
        switch self {
        case .one(let get): ChildShape<Outer, Child>.one { get(project($0)) }
        case .optional(let children): ChildShape<Outer, Child>.optional(children.pulledBack(byPointer: project))
        case .list(let children): ChildShape<Outer, Child>.list(children.pulledBack(byPointer: project))
        case .dynamic(let text, let sections, let member):
            ChildShape<Outer, Child>.dynamic(
                text: { text(project($0)) }, sections: sections.pulledBack(byPointer: project), member: { member(project($0)) })
        }
    }

    @usableFromInline
    func pulledBack<Outer>(byChild parent: @escaping @Sendable (UnsafePointer<Outer>) -> Root) -> any ChildAccess<Outer> {
        switch self {
        case .one(let get): ChildShape<Outer, Child>.one { var value = parent($0); return get(&value) }
        case .optional(let children): ChildShape<Outer, Child>.optional(children.pulledBack(byChild: parent))
        case .list(let children): ChildShape<Outer, Child>.list(children.pulledBack(byChild: parent))
        case .dynamic(let text, let sections, let member):
            ChildShape<Outer, Child>.dynamic(
                text: { var value = parent($0); return text(&value) }, sections: sections.pulledBack(byChild: parent),
                member: { var value = parent($0); return member(&value) })
        }
    }

    @usableFromInline
    func pulledBack<Outer>(byOptionalChild parent: @escaping @Sendable (UnsafePointer<Outer>) -> Root?) -> any ChildAccess<Outer> {
        switch self {
        case .one(let get): ChildShape<Outer, Child>.optional(ChildrenGetter { parent($0).map { withUnsafePointer(to: $0, get) } })
        case .optional(let children): ChildShape<Outer, Child>.optional(children.pulledBack(byOptionalChild: parent))
        case .list(let children): ChildShape<Outer, Child>.list(children.pulledBack(byOptionalChild: parent))
        case .dynamic(let text, let sections, let member):
            ChildShape<Outer, Child>.dynamic(
                text: { parent($0).map { withUnsafePointer(to: $0, text) } ?? "" },
                sections: sections.pulledBack(byOptionalChild: parent),
                member: { parent($0).flatMap { withUnsafePointer(to: $0, member) } })
        }
    }
}

/// Reads the children (a `Child?` or `[Child]`) of a `Root`, keeping the container's type as a
/// generic parameter: closures that render them capture its metadata once, where naming
/// `Optional<Child>` or `Array<Child>` inside them would look the metadata up on every call.
@usableFromInline
protocol ChildrenAccess<Root, Child>: Sendable {
    associatedtype Root
    associatedtype Child
    associatedtype Children: ChildContainer where Children.Child == Child
    var get: @Sendable (UnsafePointer<Root>) -> Children { get }
    func pulledBack<Outer>(byPointer project: @escaping @Sendable (UnsafePointer<Outer>) -> UnsafePointer<Root>) -> any ChildrenAccess<Outer, Child>
    func pulledBack<Outer>(byChild parent: @escaping @Sendable (UnsafePointer<Outer>) -> Root) -> any ChildrenAccess<Outer, Child>
    func pulledBack<Outer>(byOptionalChild parent: @escaping @Sendable (UnsafePointer<Outer>) -> Root?) -> any ChildrenAccess<Outer, Child>
}

@usableFromInline
struct ChildrenGetter<Root, Children: ChildContainer>: ChildrenAccess {
    @usableFromInline
    let get: @Sendable (UnsafePointer<Root>) -> Children

    @usableFromInline
    init(_ get: @escaping @Sendable (UnsafePointer<Root>) -> Children) {
        self.get = get
    }

    @usableFromInline
    func pulledBack<Outer>(byPointer project: @escaping @Sendable (UnsafePointer<Outer>) -> UnsafePointer<Root>) -> any ChildrenAccess<Outer, Children.Child> {
        ChildrenGetter<Outer, Children> { [get] in get(project($0)) }
    }

    @usableFromInline
    func pulledBack<Outer>(byChild parent: @escaping @Sendable (UnsafePointer<Outer>) -> Root) -> any ChildrenAccess<Outer, Children.Child> {
        ChildrenGetter<Outer, Children> { [get] in
            var value = parent($0)
            return get(&value)
        }
    }

    @usableFromInline
    func pulledBack<Outer>(byOptionalChild parent: @escaping @Sendable (UnsafePointer<Outer>) -> Root?) -> any ChildrenAccess<Outer, Children.Child> {
        ChildrenGetter<Outer, Children> { [get] in parent($0).map { withUnsafePointer(to: $0, get) } ?? .none }
    }
}

/// `Child?` and `[Child]`, as sections see them: children to render with, or none.
@usableFromInline
protocol ChildContainer: SendableMetatype {
    associatedtype Child
    static var none: Self { get }
    var isEmpty: Bool { get }
    /// Calls `body` with each child, borrowed in place for the duration of the call.
    func withEachChild(_ body: (UnsafePointer<Child>) -> Void)
}

extension Optional: ChildContainer {
    @usableFromInline
    var isEmpty: Bool {
        if case .none = self { true } else { false }
    }

    @usableFromInline
    func withEachChild(_ body: (UnsafePointer<Wrapped>) -> Void) {
        if case .some(var child) = self { body(&child) }
    }
}

extension Array: ChildContainer {
    @usableFromInline
    static var none: Self { [] }

    @usableFromInline
    func withEachChild(_ body: (UnsafePointer<Element>) -> Void) {
        withUnsafeBufferPointer { elements in
            guard let first = elements.baseAddress else { return }
            for offset in 0..<elements.count { body(first + offset) }
        }
    }
}
