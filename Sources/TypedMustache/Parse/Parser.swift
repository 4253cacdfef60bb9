/// A template's parsed nodes.
struct ParsedTemplate: Sendable {
    var nodes: [Node]
    /// Source size, a first guess at how much output to reserve.
    var sourceSize: Int { source.utf8.count }
    /// The text parsed, which compiled templates report among their `sources`.
    var source: String
}

/// Parses a template's source: lexing, the standalone rule, then the tree.
enum Parser {
    static func parse(_ source: String, named name: String) throws(TemplateError) -> ParsedTemplate {
        let positions = SourcePositions(source)
        do {
            var lexer = Lexer(source)
            var builder = TreeBuilder(template: name, positions: positions)
            for item in Lines.items(try lexer.tokens()) { try builder.add(item) }
            return ParsedTemplate(nodes: try builder.finish(), source: source)
        } catch {
            let position = positions.position(of: error.offset)
            throw TemplateError(template: name, line: position.line, column: position.column, message: error.message)
        }
    }
}

/// Turns byte offsets into lines and columns, counting columns in Unicode scalars.
struct SourcePositions {
    private let bytes: [UInt8]
    private let lineStarts: [Int]

    init(_ source: String) {
        let bytes = Array(source.utf8)
        self.bytes = bytes
        lineStarts = [0] + bytes.indices.filter { bytes[$0] == UInt8(ascii: "\n") }.map { $0 + 1 }
    }

    func position(of offset: Int) -> SourcePosition {
        let line = lineStarts.lastIndex { $0 <= offset } ?? 0
        let column = bytes[lineStarts[line]..<offset].count { $0 & 0xC0 != 0x80 }
        return SourcePosition(line: line + 1, column: column + 1)
    }
}
