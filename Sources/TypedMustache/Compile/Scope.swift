/// The Mustache context stack as a type: `Scope<Item, Scope<Page, Bottom>>` is an `Item` inside
/// a section over a `Page`. Templates compile against such a type, so a name is looked up once,
/// at compile time, innermost frame first, and becomes an accessor such as
/// `{ f($0.pointee.tail.pointee.head) }`.
protocol ScopeChain: SendableMetatype {
    /// The field `name` resolves to, searching frames innermost first.
    static func field(named name: String) -> TemplateField<Self>?
    /// What `{{.}}` means: the innermost frame's own field.
    static var selfField: TemplateField<Self>? { get }
    /// The frames' type names and field names, innermost first, for error messages.
    static var frames: [(type: String, fieldNames: [String])] { get }
    /// Whether one of the frames holds a `type` value.
    static func hasFrame(of type: Any.Type) -> Bool
    /// Calls `visitor` with this chain minus its frame of type `Pushed`, if any. A section that
    /// pushes a `Pushed` value shadows that frame entirely (`field(named:)` depends on the type
    /// alone), so dropping it keeps chains short and makes recursion reach the same scope type
    /// again, which is what lets a recursive partial's compilation terminate.
    static func removing<Pushed, Visitor: ScopeVisitor>(_ pushed: Pushed.Type, _ visitor: Visitor) -> Visitor.Result
    where Visitor.Chain == Self
}

/// Calls its last argument with the chain `Rest` derived from `Chain`, which lives on the stack
/// only for that call.
typealias Reframing<Chain, Rest> = @Sendable (
    UnsafePointer<Chain>, inout RenderBuffer, (UnsafePointer<Rest>, inout RenderBuffer) -> Void
) -> Void

/// Receives a scope chain type that is only known once `ScopeChain.removing` has walked it.
protocol ScopeVisitor {
    associatedtype Chain
    associatedtype Result
    func visit<Rest: ScopeChain>(_ reframe: @escaping Reframing<Chain, Rest>) -> Result
}

/// The bottom of every chain: no value, no names.
struct Bottom: ScopeChain {
    static func field(named name: String) -> TemplateField<Self>? { nil }
    static var selfField: TemplateField<Self>? { nil }
    static var frames: [(type: String, fieldNames: [String])] { [] }
    static func hasFrame(of type: Any.Type) -> Bool { false }

    static func removing<Pushed, Visitor: ScopeVisitor>(_ pushed: Pushed.Type, _ visitor: Visitor) -> Visitor.Result
    where Visitor.Chain == Self {
        visitor.visit { chain, out, body in body(chain, &out) }
    }
}

/// A frame: the current value `head`, inside the outer frames `tail`.
///
/// Frames point at the values they render rather than holding copies: a render borrows its
/// root value, the list elements and the children it steps into, and the frames themselves,
/// for exactly as long as it renders them (`withUnsafePointer`, `withUnsafeBufferPointer`);
/// a scope never outlives that. A frame is thus two words whatever its types, built and read
/// without type metadata or reference counting, and fields read values in place: copying the
/// page into every card's frame once cost more than rendering the card.
struct Scope<Head: TemplateValue, Tail: ScopeChain>: ScopeChain {
    let head: UnsafePointer<Head>
    let tail: UnsafePointer<Tail>

    static func field(named name: String) -> TemplateField<Self>? {
        if let field = Head.field(named: name) { return field.pulledBack(byPointer: { $0.pointee.head }) }
        return Tail.field(named: name)?.pulledBack(byPointer: { $0.pointee.tail })
    }

    static var selfField: TemplateField<Self>? {
        Head.selfField?.pulledBack(byPointer: { $0.pointee.head })
    }

    static var frames: [(type: String, fieldNames: [String])] {
        [(String(describing: Head.self), Head.fieldNames)] + Tail.frames
    }

    static func hasFrame(of type: Any.Type) -> Bool {
        type == Head.self || Tail.hasFrame(of: type)
    }

    static func removing<Pushed, Visitor: ScopeVisitor>(_ pushed: Pushed.Type, _ visitor: Visitor) -> Visitor.Result
    where Visitor.Chain == Self {
        if Pushed.self == Head.self { return visitor.visit { chain, out, body in body(chain.pointee.tail, &out) } }
        guard Tail.hasFrame(of: Pushed.self) else { return visitor.visit { chain, out, body in body(chain, &out) } }
        return Tail.removing(pushed, KeepingHead<Head, Tail, Visitor>(base: visitor))
    }
}

/// Calls `body` with a frame of `head` over `tail`, on the stack for the duration of the call.
@inline(__always)
func withFrame<Head, Tail>(_ head: UnsafePointer<Head>, over tail: UnsafePointer<Tail>, _ out: inout RenderBuffer, _ body: Renderer<Scope<Head, Tail>>) {
    // An inout-to-pointer argument rather than `withUnsafePointer(to:)`, a generic function that
    // is not inlined here and would look the frame's metadata up on every call.
    var frame = Scope(head: head, tail: tail)
    body(&frame, &out)
}

/// Puts the head back on top of a chain from which a deeper frame was removed.
private struct KeepingHead<Head: TemplateValue, Tail: ScopeChain, Base: ScopeVisitor>: ScopeVisitor where Base.Chain == Scope<Head, Tail> {
    let base: Base

    func visit<Rest: ScopeChain>(_ reframe: @escaping Reframing<Tail, Rest>) -> Base.Result {
        base.visit { (chain: UnsafePointer<Scope<Head, Tail>>, out: inout RenderBuffer, body: (UnsafePointer<Scope<Head, Rest>>, inout RenderBuffer) -> Void) in
            let head = chain.pointee.head
            reframe(chain.pointee.tail, &out) { rest, out in
                var frame = Scope(head: head, tail: rest)
                body(&frame, &out)
            }
        }
    }
}
