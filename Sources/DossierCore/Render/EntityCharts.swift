import Foundation

/// The pictures on an entity page, drawn at build time as static SVG: mentions over time, and the
/// entities most often named with it. No script, no external file; deterministic coordinates
/// (one decimal); colours from the page's CSS (`currentColor` and classes), so they follow dark
/// mode and print. Each has a title and a description that say in words what it shows.
enum EntityCharts {
    /// A bar per month or year (`periods`, oldest first) of the mentions in that period.
    static func mentions(_ periods: [PeriodCount], name: String, strings: SiteStrings) -> String? {
        guard !periods.isEmpty, periods.contains(where: { $0.mentions > 0 }) else { return nil }
        let width = 640.0, height = 140.0, left = 36.0, bottom = 22.0, top = 10.0
        let peak = max(1, periods.map(\.mentions).max()!)
        let slot = (width - left) / Double(periods.count)
        let bar = max(1, slot * 0.72)
        let title = strings["mentionsOverTime"].filling("{name}", with: name)
        let described = periods.filter { $0.mentions > 0 }.map { "\(label($0, strings)): \(strings.count($0.mentions, "mentions"))" }
        var svg = "<svg class=\"chart chart-mentions\" viewBox=\"0 0 \(f(width)) \(f(height))\" role=\"img\" aria-labelledby=\"chart-mentions-title chart-mentions-desc\">"
        svg += "<title id=\"chart-mentions-title\">\(HTML.escape(title))</title>"
        svg += "<desc id=\"chart-mentions-desc\">\(HTML.escape(described.joined(separator: "; ")))</desc>"
        svg += "<line class=\"chart-axis\" x1=\"\(f(left))\" y1=\"\(f(height - bottom))\" x2=\"\(f(width))\" y2=\"\(f(height - bottom))\"/>"
        svg += "<text class=\"chart-label\" x=\"\(f(left - 6))\" y=\"\(f(top + 8))\" text-anchor=\"end\">\(peak)</text>"
        svg += "<text class=\"chart-label\" x=\"\(f(left - 6))\" y=\"\(f(height - bottom))\" text-anchor=\"end\">0</text>"
        for (i, period) in periods.enumerated() where period.mentions > 0 {
            let h = (height - bottom - top) * Double(period.mentions) / Double(peak)
            let x = left + Double(i) * slot + (slot - bar) / 2
            svg += "<rect class=\"chart-bar\" x=\"\(f(x))\" y=\"\(f(height - bottom - h))\" width=\"\(f(bar))\" height=\"\(f(h))\">"
            svg += "<title>\(HTML.escape("\(label(period, strings)): \(strings.count(period.mentions, "mentions")), \(strings.count(period.briefings, "briefingCount"))"))</title></rect>"
        }
        // The first and last periods' labels, and about four between.
        let step = max(1, periods.count / 5)
        var labelled = Array(stride(from: 0, to: periods.count, by: step)).filter { $0 == 0 || periods.count - 1 - $0 >= (step + 1) / 2 }
        if labelled.last != periods.count - 1 { labelled.append(periods.count - 1) }
        for i in labelled { svg += axisLabel(periods[i], at: left + (Double(i) + 0.5) * slot, y: height - 6, strings) }
        return svg + "</svg>"
    }

    /// The entity in the middle, the entities most often named with it around it, each joined by
    /// a line as thick as their shared briefings are many, each a link to its page.
    static func coMentions(_ related: [(name: String, url: String, kind: String, count: Int)], name: String, strings: SiteStrings) -> String? {
        guard !related.isEmpty else { return nil }
        let width = 640.0, height = 320.0, cx = 320.0, cy = 160.0, rx = 200.0, ry = 118.0
        let peak = Double(max(1, related.map(\.count).max()!))
        let title = strings["namedWith"].filling("{name}", with: name)
        let described = related.map { "\($0.name) (\(strings.count($0.count, "briefingCount")))" }.joined(separator: ", ")
        var svg = "<svg class=\"chart chart-graph\" viewBox=\"0 0 \(f(width)) \(f(height))\" role=\"img\" aria-labelledby=\"chart-graph-title chart-graph-desc\">"
        svg += "<title id=\"chart-graph-title\">\(HTML.escape(title))</title>"
        svg += "<desc id=\"chart-graph-desc\">\(HTML.escape(described))</desc>"
        var edges = "", nodes = ""
        for (i, other) in related.enumerated() {
            let angle = -Double.pi / 2 + 2 * Double.pi * Double(i) / Double(related.count)
            let x = cx + rx * cos(angle), y = cy + ry * sin(angle)
            edges += "<line class=\"graph-edge\" x1=\"\(f(cx))\" y1=\"\(f(cy))\" x2=\"\(f(x))\" y2=\"\(f(y))\" stroke-width=\"\(f(1 + 5 * Double(other.count) / peak))\"/>"
            let anchor = abs(cos(angle)) < 0.2 ? "middle" : cos(angle) > 0 ? "start" : "end"
            let dx = anchor == "middle" ? 0 : cos(angle) > 0 ? 10.0 : -10.0
            let dy = anchor == "middle" ? (sin(angle) > 0 ? 20.0 : -12.0) : 4.0
            nodes += "<a href=\"\(HTML.escape(other.url))\" class=\"graph-node graph-\(HTML.escape(other.kind))\">"
            nodes += "<circle cx=\"\(f(x))\" cy=\"\(f(y))\" r=\"6\"/>"
            nodes += "<text x=\"\(f(x + dx))\" y=\"\(f(y + dy))\" text-anchor=\"\(anchor)\">\(HTML.escape(short(other.name)))</text></a>"
        }
        svg += edges + nodes
        svg += "<circle class=\"graph-centre\" cx=\"\(f(cx))\" cy=\"\(f(cy))\" r=\"9\"/>"
        svg += "<text class=\"graph-centre-label\" x=\"\(f(cx))\" y=\"\(f(cy + 26))\" text-anchor=\"middle\">\(HTML.escape(short(name)))</text>"
        return svg + "</svg>"
    }

    /// "March 2019" or "2019".
    static func label(_ period: PeriodCount, _ strings: SiteStrings) -> String {
        guard let month = period.month else { return String(period.year) }
        return strings.monthName(month).map { "\($0) \(period.year)" } ?? "\(period.year)-\(month)"
    }

    private static func axisLabel(_ period: PeriodCount, at x: Double, y: Double, _ strings: SiteStrings) -> String {
        let text: String
        if let month = period.month {
            let year = period.year % 100 < 10 ? "0\(period.year % 100)" : "\(period.year % 100)"
            text = strings.monthName(month).map { "\($0.prefix(3)) \(year)" } ?? "\(period.year)-\(month)"
        } else {
            text = String(period.year)
        }
        return "<text class=\"chart-label\" x=\"\(f(x))\" y=\"\(f(y))\" text-anchor=\"middle\">\(HTML.escape(text))</text>"
    }

    /// Labels longer than 28 characters are cut at a space, with "…".
    private static func short(_ name: String) -> String {
        guard name.count > 28 else { return name }
        let cut = name.prefix(27)
        return (cut.lastIndex(of: " ").map { String(cut[..<$0]) } ?? String(cut)) + "…"
    }

    /// One decimal, no locale: the same bytes everywhere.
    private static func f(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let a = abs(tenths)
        return a % 10 == 0 ? "\(sign)\(a / 10)" : "\(sign)\(a / 10).\(a % 10)"
    }
}
