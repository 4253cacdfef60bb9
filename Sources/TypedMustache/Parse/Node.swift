/// A 1-based line and column (in Unicode scalars) in a template's source.
struct SourcePosition: Hashable, Sendable {
    var line: Int
    var column: Int
}

/// A name in a tag: `.` for the current context, or `a.b.c`.
enum Name: Sendable, CustomStringConvertible {
    case implicit
    case path([String])

    /// Parses tag content; nil when it is not a name (empty, or with spaces or empty parts).
    init?(_ content: String) {
        if content == "." {
            self = .implicit
            return
        }
        let parts = content.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard !content.isEmpty, !parts.contains(where: { $0.isEmpty || $0.contains(where: \.isWhitespace) }) else { return nil }
        self = .path(parts)
    }

    var description: String {
        switch self {
        case .implicit: "."
        case .path(let parts): parts.joined(separator: ".")
        }
    }
}

/// Where a tag stood on its line, which decides how the content it expands to is indented.
enum Placement: Sendable {
    /// Alone on its line (which the output drops), after this whitespace.
    case standalone(indentation: String)
    /// Among other content; `indentation` is the whitespace before it when nothing else is.
    case inline(indentation: String?)
}

/// Identifies a block definition across templates, so overrides can be compared and memoised.
struct BlockID: Hashable, Sendable {
    var template: String
    var offset: Int
}

/// A `{{$name}}…{{/name}}` block: a parameter site in a parent template, or an override inside
/// `{{<parent}}…{{/parent}}`.
struct Block: Sendable {
    var name: String
    var body: [Node]
    var id: BlockID
    var placement: Placement
    /// The whitespace common to the start of every non-blank source line in the body, if any
    /// line starts inside it: what the spec's block reindentation removes and adds.
    var bodyIndentation: String?
    var position: SourcePosition
}

/// A parsed template: text, tags and their nested contents, with standalone lines removed.
indirect enum Node: Sendable {
    case text(String)
    /// A source line starts here: indentation of standalone partials and blocks goes here.
    case lineStart
    case variable(Name, escaped: Bool, SourcePosition)
    case section(Name, inverted: Bool, body: [Node], SourcePosition)
    case partial(String, Placement, SourcePosition)
    case parent(String, Placement, overrides: [Block], SourcePosition)
    case block(Block)
}
