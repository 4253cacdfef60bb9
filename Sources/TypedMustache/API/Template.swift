/// A template compiled to render `Root` values: every name in it already resolved to an
/// accessor, so rendering is appends and closure calls, with no lookups or casts.
///
/// ```swift
/// let library = try TemplateLibrary(["page": "<h1>{{title}}</h1>{{#tags}}<a>{{.}}</a>{{/tags}}"])
/// let page = try library.compile("page", for: Page.self)
/// let html = try page.render(Page(title: "Hello", tags: ["a", "b"]))
/// ```
public struct Template<Root: TemplateValue>: Sendable {
    public let name: String
    /// Every template this one was compiled from, itself and the partials and parents it includes
    /// (transitively), with their texts, sorted by name: what its output depends on besides the
    /// value rendered, so a build can tell which pages an edited template touches.
    public let sources: [(name: String, text: String)]
    private let render: Renderer<Scope<Root, Bottom>>
    /// Keeps alive the boxes through which recursive partials reach their own renderers.
    private let recursionBoxes: [AnyObject & Sendable]
    /// The size of the last output, reserved up front for the next one.
    private let sizeHint: SizeHint

    init(name: String, sources: [(name: String, text: String)], render: Renderer<Scope<Root, Bottom>>,
         recursionBoxes: [AnyObject & Sendable], sizeHint: Int) {
        self.name = name
        self.sources = sources
        self.render = render
        self.recursionBoxes = recursionBoxes
        self.sizeHint = SizeHint(sizeHint)
    }

    /// Compiles `source` on its own, with `partials` for the partials and parents it names.
    public init(_ source: String, named name: String = "template", partials: [String: String] = [:]) throws(TemplateErrors) {
        var sources = partials
        sources[name] = source
        self = try TemplateLibrary(sources).compile(name)
    }

    /// Renders `value`.
    ///
    /// - Throws: only when recursion through partials nests deeper than the data should allow
    ///   (a cycle in the data, for instance); the error names the partial.
    public func render(_ value: Root) throws(TemplateError) -> String {
        String(decoding: try renderUTF8(value), as: UTF8.self)
    }

    /// Renders `value` as UTF-8 bytes, ready to write to a file without the validating copy
    /// that making a `String` of them costs (a tenth of the time of a large page).
    public func renderUTF8(_ value: Root) throws(TemplateError) -> [UInt8] {
        var out = RenderBuffer(capacity: sizeHint.value)
        withUnsafePointer(to: value) { root in
            withUnsafePointer(to: Bottom()) { bottom in withFrame(root, over: bottom, &out, render) }
        }
        if let failure = out.failure { throw failure }
        sizeHint.value = out.bytes.count
        // A reservation sized by a much larger page before would stay with this output as long as it
        // is kept (a preview server keeps every page): hand back a tight copy instead.
        if out.bytes.capacity > 2 * out.bytes.count + 4096 { return Array(out.bytes) }
        return out.bytes
    }
}
