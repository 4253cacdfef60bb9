/// Plain text with possibly overlapping marked-up ranges (quotes, anchors, entity links,
/// insertions), rendered as correctly nested HTML: where ranges cross, the inner element is
/// closed and reopened, and only its first piece carries the `id`.
struct InlineMarkup {
    struct Span {
        var range: Range<Int>
        /// Breaks ties between spans over the same text: lower levels go outside (see the constants below).
        var level: Int
        /// Opening tag for the first piece (may carry an id) and for later pieces.
        var firstOpen: String
        var open: String
        var close: String
    }

    static let quoteLevel = 0, anchorLevel = 1, insertionLevel = 2, linkLevel = 3

    var text: String
    var spans: [Span] = []
    /// HTML inserted at an offset (note markers), placed outside any link.
    var markers: [(offset: Int, html: String)] = []
    /// Text to set in place of single bytes of `text`, by UTF-8 offset (typographic quotes),
    /// so that the ranges above keep pointing into `text` as written.
    var replacements: [Int: String] = [:]

    init(text: String) { self.text = text }

    func render() -> String {
        // Most paragraphs carry no markup: escaping alone returns the text itself when it needs none.
        guard !spans.isEmpty || !markers.isEmpty || !replacements.isEmpty else { return HTML.escape(text) }
        let bytes = Array(text.utf8)
        // Outer first: a span that starts earlier (or starts together and ends later) encloses the
        // other; levels only break ties, so crossing spans are split as little as possible.
        let spans = self.spans.enumerated()
            .filter { !$0.element.range.isEmpty && $0.element.range.upperBound <= bytes.count }
            .sorted {
                ($0.element.range.lowerBound, -$0.element.range.upperBound, $0.element.level, $0.offset)
                    < ($1.element.range.lowerBound, -$1.element.range.upperBound, $1.element.level, $1.offset)
            }
            .map(\.element)
        var boundaries = Set([0, bytes.count])
        for span in spans { boundaries.insert(span.range.lowerBound); boundaries.insert(span.range.upperBound) }
        for marker in markers where marker.offset <= bytes.count { boundaries.insert(marker.offset) }
        let points = boundaries.sorted()

        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 256 * spans.count)
        var stack: [Int] = []
        var opened = Set<Int>()
        func closeDown(to count: Int) {
            while stack.count > count { out.append(contentsOf: spans[stack.removeLast()].close.utf8) }
        }
        for (p, point) in points.enumerated() {
            let active = point < bytes.count ? spans.indices.filter { spans[$0].range.contains(point) } : []
            var common = 0
            while common < stack.count, common < active.count, stack[common] == active[common] { common += 1 }
            closeDown(to: common)
            let here = markers.filter { $0.offset == point }
            if !here.isEmpty {
                if let firstLink = stack.firstIndex(where: { spans[$0].level >= Self.linkLevel }) { closeDown(to: firstLink) }
                for marker in here { out.append(contentsOf: marker.html.utf8) }
            }
            for index in active[stack.count...] {
                out.append(contentsOf: (opened.insert(index).inserted ? spans[index].firstOpen : spans[index].open).utf8)
                stack.append(index)
            }
            if p + 1 < points.count { appendText(bytes, point..<points[p + 1], to: &out) }
        }
        closeDown(to: 0)
        return String(decoding: out, as: UTF8.self)
    }

    private func appendText(_ bytes: [UInt8], _ range: Range<Int>, to out: inout [UInt8]) {
        guard !replacements.isEmpty else { return HTML.append(bytes[range], to: &out) }
        var start = range.lowerBound
        for offset in range where replacements[offset] != nil {
            HTML.append(bytes[start..<offset], to: &out)
            HTML.append(replacements[offset]!.utf8, to: &out)
            start = offset + 1
        }
        HTML.append(bytes[start..<range.upperBound], to: &out)
    }
}
