/// Builds the node tree from line items: matches opening and closing tags, gathers a parent's
/// block overrides, and measures each block body's indentation for reindentation.
struct TreeBuilder {
    /// Deeper nesting could not compile anyway; refusing it here points at the tag that is too deep.
    static let maxNesting = CompileContext.maxDepth

    private enum Kind {
        case root
        case section(Name, inverted: Bool)
        case parent
        case block(isOverride: Bool)

        var noun: String {
            switch self {
            case .root: "template"
            case .section: "section"
            case .parent: "parent"
            case .block: "block"
            }
        }
    }

    private struct Frame {
        var kind: Kind
        var tag: Tag
        var placement: Placement
        var nodes: [Node] = []
        var overrides: [Block] = []
        var bodyIndentation: String?
    }

    private let template: String
    private let positions: SourcePositions
    private var frames: [Frame]
    private var pendingLine: (indentation: String, closesFirst: Bool)?

    init(template: String, positions: SourcePositions) {
        self.template = template
        self.positions = positions
        frames = [Frame(kind: .root, tag: Tag(kind: .section, content: "", offset: 0), placement: .inline(indentation: nil))]
    }

    mutating func add(_ item: LineItem) throws(ParseFailure) {
        switch item {
        case .text(let text):
            if pendingLine?.closesFirst == false { applyPendingLine() }
            append(.text(text))
        case .lineStart:
            append(.lineStart)
        case .sourceLine(let indentation, let closesFirst):
            pendingLine = (indentation, closesFirst)
        case .tag(let tag, _) where tag.kind == .close:
            let lineBelongsOutside = pendingLine?.closesFirst == true
            if !lineBelongsOutside { applyPendingLine() }
            try close(tag)
            applyPendingLine()
        case .tag(let tag, let placement):
            applyPendingLine()
            try open(tag, placement)
        }
    }

    consuming func finish() throws(ParseFailure) -> [Node] {
        guard frames.count == 1, let root = frames.first else {
            let innermost = frames[frames.count - 1]
            throw ParseFailure(offset: innermost.tag.offset, message: "\(innermost.kind.noun) '\(innermost.tag.content)' is never closed; expected '{{/\(innermost.tag.content)}}'")
        }
        return root.nodes
    }

    private mutating func open(_ tag: Tag, _ placement: Placement) throws(ParseFailure) {
        if case .parent = frames[frames.count - 1].kind, tag.kind != .block, tag.kind != .comment, tag.kind != .delimiters {
            throw ParseFailure(offset: tag.offset, message: "only block overrides ('{{$name}}') may appear inside a parent ('{{<\(frames[frames.count - 1].tag.content)}}')")
        }
        let position = positions.position(of: tag.offset)
        switch tag.kind {
        case .comment, .delimiters, .close:
            return
        case .variable, .unescaped:
            append(.variable(try name(tag), escaped: tag.kind == .variable, position))
        case .section, .inverted:
            try push(Frame(kind: .section(try name(tag), inverted: tag.kind == .inverted), tag: tag, placement: placement))
        case .partial:
            append(.partial(try templateName(tag), placement, position))
        case .parent:
            _ = try templateName(tag)
            try push(Frame(kind: .parent, tag: tag, placement: placement))
        case .block:
            _ = try templateName(tag)
            let isOverride = if case .parent = frames[frames.count - 1].kind { true } else { false }
            try push(Frame(kind: .block(isOverride: isOverride), tag: tag, placement: placement))
        }
    }

    private mutating func close(_ tag: Tag) throws(ParseFailure) {
        guard frames.count > 1 else {
            throw ParseFailure(offset: tag.offset, message: "'{{/\(tag.content)}}' closes nothing")
        }
        let frame = frames.removeLast()
        guard frame.tag.content == tag.content else {
            let opened = positions.position(of: frame.tag.offset)
            throw ParseFailure(offset: tag.offset, message: "'{{/\(tag.content)}}' does not close \(frame.kind.noun) '\(frame.tag.content)' (opened at \(opened.line):\(opened.column)); expected '{{/\(frame.tag.content)}}'")
        }
        let position = positions.position(of: frame.tag.offset)
        switch frame.kind {
        case .root:
            return
        case .section(let name, let inverted):
            append(.section(name, inverted: inverted, body: frame.nodes, position))
        case .parent:
            append(.parent(frame.tag.content, frame.placement, overrides: frame.overrides, position))
        case .block(let isOverride):
            let block = Block(
                name: frame.tag.content, body: frame.nodes, id: BlockID(template: template, offset: frame.tag.offset),
                placement: frame.placement, bodyIndentation: frame.bodyIndentation, position: position)
            guard isOverride else { return append(.block(block)) }
            guard !frames[frames.count - 1].overrides.contains(where: { $0.name == block.name }) else {
                throw ParseFailure(offset: frame.tag.offset, message: "block '\(block.name)' is overridden twice in the same parent")
            }
            frames[frames.count - 1].overrides.append(block)
        }
    }

    private mutating func push(_ frame: Frame) throws(ParseFailure) {
        guard frames.count <= Self.maxNesting else {
            throw ParseFailure(offset: frame.tag.offset, message: "tags nest more than \(Self.maxNesting) levels deep")
        }
        frames.append(frame)
    }

    /// Text inside a parent but outside its blocks is ignored, as the spec says.
    private mutating func append(_ node: Node) {
        if case .parent = frames[frames.count - 1].kind { return }
        if case .text(let text) = node, case .text(let previous)? = frames[frames.count - 1].nodes.last {
            frames[frames.count - 1].nodes[frames[frames.count - 1].nodes.count - 1] = .text(previous + text)
            return
        }
        frames[frames.count - 1].nodes.append(node)
    }

    /// A source line started inside every open block: narrow their common indentation to it.
    private mutating func applyPendingLine() {
        guard let line = pendingLine else { return }
        pendingLine = nil
        for index in frames.indices {
            guard case .block = frames[index].kind else { continue }
            frames[index].bodyIndentation = frames[index].bodyIndentation.map { $0.commonPrefix(with: line.indentation) } ?? line.indentation
        }
    }

    private func name(_ tag: Tag) throws(ParseFailure) -> Name {
        guard let name = Name(tag.content) else {
            throw ParseFailure(offset: tag.offset, message: "'\(tag.content)' is not a name; expected a name such as 'title', 'page.title' or '.'")
        }
        return name
    }

    private func templateName(_ tag: Tag) throws(ParseFailure) -> String {
        guard !tag.content.isEmpty, !tag.content.contains(where: \.isWhitespace) else {
            throw ParseFailure(offset: tag.offset, message: "'\(tag.content)' is not a template or block name")
        }
        return tag.content
    }
}

extension String {
    func commonPrefix(with other: String) -> String {
        String(zip(self, other).prefix { $0 == $1 }.map(\.0))
    }
}
