import CCmark
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#else
import Darwin
#endif

/// The one place that talks to cmark: Markdown in, safe HTML out.
///
/// cmark runs in its default safe mode (raw HTML and `javascript:` URLs are dropped), with
/// `VALIDATE_UTF8` and `SMART` punctuation. Entity links are added as real link nodes in the AST,
/// never by editing HTML.
enum Markdown {
    /// A heading at the top level of a document, as written.
    struct Heading {
        var level: Int
        /// 1-based line within the Markdown text.
        var line: Int
        var column: Int
        /// The heading's text content, with inline markup flattened (smart punctuation off).
        var text: String
    }

    /// A link to add over a byte range of a text node.
    struct InsertedLink {
        var range: Range<Int>
        var url: String
        var title: String
    }

    private static let renderOptions = CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_SMART

    /// Top-level headings of `markdown`, found by cmark so that `###` inside code blocks is ignored.
    static func headings(in markdown: String) -> [Heading] {
        guard let document = parse(markdown, options: CMARK_OPT_VALIDATE_UTF8) else { return [] }
        defer { cmark_node_free(document) }
        var result: [Heading] = []
        var node = cmark_node_first_child(document)
        while let current = node {
            if cmark_node_get_type(current) == CMARK_NODE_HEADING {
                result.append(Heading(
                    level: Int(cmark_node_get_heading_level(current)),
                    line: Int(cmark_node_get_start_line(current)),
                    column: Int(cmark_node_get_start_column(current)),
                    text: plainText(of: current)))
            }
            node = cmark_node_next(current)
        }
        return result
    }

    /// Renders `markdown` to HTML. `links` is called once per text node outside links and code,
    /// in document order, and returns the links to insert there.
    static func html(_ markdown: String, links: ((String) -> [InsertedLink])? = nil) -> String {
        guard let document = parse(markdown, options: renderOptions) else { return "" }
        defer { cmark_node_free(document) }
        if let links { insertLinks(into: document, using: links) }
        guard let buffer = cmark_render_html(document, renderOptions) else { return "" }
        defer { free(buffer) }
        return String(cString: buffer)
    }

    /// Renders inline Markdown (a summary line) without the wrapping `<p>`.
    static func inlineHTML(_ markdown: String) -> String {
        var html = self.html(markdown)
        if html.hasPrefix("<p>"), html.hasSuffix("</p>\n") {
            html = String(html.dropFirst(3).dropLast(5))
        }
        return html
    }

    /// Plain text of a Markdown snippet (for meta descriptions and feeds), smart punctuation applied.
    static func plainText(_ markdown: String) -> String {
        guard let document = parse(markdown, options: renderOptions) else { return markdown }
        defer { cmark_node_free(document) }
        return plainText(of: document).trimmingWhitespace()
    }

    /// Plain text of a Markdown document, one line per paragraph, heading or list item.
    static func plainParagraphs(_ markdown: String) -> String {
        guard !markdown.allSatisfy(\.isWhitespace), let document = parse(markdown, options: renderOptions) else { return "" }
        defer { cmark_node_free(document) }
        return plainText(of: document, blockSeparator: "\n").trimmingWhitespace()
    }

    private static func parse(_ markdown: String, options: Int32) -> OpaquePointer? {
        var markdown = markdown
        return markdown.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                cmark_parse_document(chars.baseAddress, chars.count, options)
            }
        }
    }

    private static func plainText(of root: OpaquePointer, blockSeparator: String = " ") -> String {
        var text = ""
        guard let iterator = cmark_iter_new(root) else { return text }
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                if let literal = cmark_node_get_literal(node) { text += String(cString: literal) }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                text += " "
            case CMARK_NODE_PARAGRAPH where !text.isEmpty, CMARK_NODE_HEADING where !text.isEmpty:
                text += blockSeparator
            default:
                break
            }
        }
        return text
    }

    private static func insertLinks(into document: OpaquePointer, using links: (String) -> [InsertedLink]) {
        // Collect first: the tree must not change under the iterator.
        var textNodes: [OpaquePointer] = []
        guard let iterator = cmark_iter_new(document) else { return }
        var linkDepth = 0
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE {
                linkDepth += event == CMARK_EVENT_ENTER ? 1 : -1
            } else if type == CMARK_NODE_TEXT, event == CMARK_EVENT_ENTER, linkDepth == 0 {
                textNodes.append(node)
            }
        }
        cmark_iter_free(iterator)

        for node in textNodes {
            guard let literal = cmark_node_get_literal(node) else { continue }
            let text = String(cString: literal)
            let inserted = links(text).sorted { $0.range.lowerBound < $1.range.lowerBound }
            guard !inserted.isEmpty else { continue }
            let bytes = Array(text.utf8)
            var cursor = 0
            for link in inserted where link.range.lowerBound >= cursor && link.range.upperBound <= bytes.count {
                if link.range.lowerBound > cursor {
                    insertText(bytes[cursor..<link.range.lowerBound], before: node)
                }
                guard let linkNode = cmark_node_new(CMARK_NODE_LINK) else { continue }
                cmark_node_set_url(linkNode, link.url)
                cmark_node_set_title(linkNode, link.title)
                if let label = textNode(bytes[link.range]) { cmark_node_append_child(linkNode, label) }
                cmark_node_insert_before(node, linkNode)
                cursor = link.range.upperBound
            }
            let rest = String(decoding: bytes[cursor...], as: UTF8.self)
            if rest.isEmpty {
                cmark_node_free(node)
            } else {
                cmark_node_set_literal(node, rest)
            }
        }
    }

    private static func textNode(_ bytes: ArraySlice<UInt8>) -> OpaquePointer? {
        guard let node = cmark_node_new(CMARK_NODE_TEXT) else { return nil }
        cmark_node_set_literal(node, String(decoding: bytes, as: UTF8.self))
        return node
    }

    private static func insertText(_ bytes: ArraySlice<UInt8>, before node: OpaquePointer) {
        if let text = textNode(bytes) { cmark_node_insert_before(node, text) }
    }
}
