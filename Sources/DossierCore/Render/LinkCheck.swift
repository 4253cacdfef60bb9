import Foundation

/// The built-in link check: every internal `href` and `src` in the generated HTML must name an
/// output file, and every `#fragment` an `id` on the page it points to.
///
/// It reads only Dossier's own output (double-quoted attributes; text never contains a raw `"`
/// because every renderer escapes it), so a byte scanner for `href="…"`, `src="…"` and `id="…"`
/// is enough: no HTML parsing. Pages are recorded as the render jobs produce them, from any
/// thread; call `diagnostics()` once every job has run and before the output is published.
public final class LinkCheck: @unchecked Sendable {
    /// The path part of `base_url` (`/dossier/`): links that start with it (the 404 page's)
    /// resolve from the site root.
    public let basePath: String

    private let lock = NSLock()
    private var files: Set<String> = []
    private var ids: [String: Set<String>] = [:]
    /// Each distinct target, with where it is first linked from (smallest page path) and how many links point at it.
    private var references: [Reference: (first: Referrer, count: Int)] = [:]
    private var problems: [Referrer: String] = [:]
    /// Output paths written twice: a `static/` file where the site writes a page of its own.
    private var collisions: Set<String> = []
    /// Output path → `static/` file.
    private let staticSources: [String: String]

    struct Reference: Hashable {
        var path: String
        var fragment: String?
    }

    struct Referrer: Hashable, Comparable {
        var page: String
        var line: Int
        var column: Int
        var href: String

        static func < (a: Referrer, b: Referrer) -> Bool { (a.page, a.line, a.column) < (b.page, b.line, b.column) }
    }

    public init(basePath: String = "/", staticSources: [String: String] = [:]) {
        self.basePath = SitePaths.normalizedBasePath(basePath)
        self.staticSources = staticSources
    }

    /// Records output files: their paths, and for HTML pages their links and ids.
    public func record(_ batch: [OutputFile]) {
        var scans: [(path: String, scan: PageScan)] = []
        for file in batch where file.path.hasSuffix(".html") {
            scans.append((file.path, PageScan(file.bytes)))
        }
        var refs: [Reference: (first: Referrer, count: Int)] = [:]
        var local: [Referrer: String] = [:]
        for (path, scan) in scans {
            // Pages repeat links (entity chips, tags); each distinct one is resolved once, at its first use.
            var seen: Set<String> = []
            for link in scan.links where seen.insert(link.value).inserted {
                let referrer = Referrer(page: path, line: link.line, column: link.column, href: link.value)
                switch resolve(link.value, from: path) {
                case .external: continue
                case .invalid(let reason): local[referrer] = reason
                case .target(let reference) where reference.path == path:
                    // Same-page fragments are checked here, so only other pages' ids need keeping.
                    if let fragment = reference.fragment, !scan.ids.contains(fragment) {
                        local[referrer] = "\(path) has no element with id '\(fragment)'"
                    }
                case .target(let reference):
                    if let known = refs[reference] {
                        refs[reference] = (min(known.first, referrer), known.count + 1)
                    } else {
                        refs[reference] = (referrer, 1)
                    }
                }
            }
        }
        lock.lock()
        defer { lock.unlock() }
        for file in batch where !files.insert(file.path).inserted { collisions.insert(file.path) }
        for (path, scan) in scans { ids[path] = scan.ids }
        for (reference, seen) in refs {
            if let known = references[reference] {
                references[reference] = (min(known.first, seen.first), known.count + seen.count)
            } else {
                references[reference] = seen
            }
        }
        problems.merge(local) { a, _ in a }
    }

    /// One error per broken target, at the first page (by path) that links to it, sorted by page.
    public func diagnostics() -> [Diagnostic] {
        lock.lock()
        defer { lock.unlock() }
        var found: [(Referrer, Diagnostic)] = []
        func report(_ referrer: Referrer, _ message: String, count: Int = 1, notes: [String] = []) {
            var notes = notes
            if count > 1 { notes.append("\(count - 1) more link\(count == 2 ? "" : "s") to the same target") }
            found.append((referrer, .error(.render, "broken link '\(referrer.href)' in \(referrer.page): \(message)",
                                           at: SourceLocation(file: referrer.page, line: referrer.line, column: referrer.column), notes: notes)))
        }
        for (referrer, reason) in problems { report(referrer, reason) }
        var clashes: [Diagnostic] = []
        for path in collisions.sorted() {
            let source = staticSources[path] ?? path
            clashes.append(.error(.load, "static file '\(source)' has the path of a page Dossier generates, '\(path)'", at: SourceLocation(file: source),
                                  notes: ["rename or move it: the generated page would be lost"]))
        }
        for (reference, seen) in references {
            guard files.contains(reference.path) else {
                var notes: [String] = []
                if files.contains(reference.path + "/index.html") { notes.append("did you mean '\(seen.first.href.split(separator: "#")[0])/'?") }
                report(seen.first, "no file '\(reference.path)' in the output", count: seen.count, notes: notes)
                continue
            }
            guard let fragment = reference.fragment, let pageIDs = ids[reference.path] else { continue }
            if !pageIDs.contains(fragment) {
                report(seen.first, "\(reference.path) has no element with id '\(fragment)'", count: seen.count)
            }
        }
        return clashes + found.sorted { $0.0 < $1.0 }.map(\.1)
    }

    /// Checks already-rendered files (tests, the preview server).
    public static func check(_ files: [OutputFile], basePath: String = "/") -> [Diagnostic] {
        let check = LinkCheck(basePath: basePath)
        check.record(files)
        return check.diagnostics()
    }

    // MARK: Resolution

    enum Resolution {
        case external
        case target(Reference)
        case invalid(String)
    }

    /// Resolves a link as written on `page` to an output path and fragment.
    func resolve(_ raw: String, from page: String) -> Resolution {
        if let fast = Self.resolvePlain(raw, from: page) { return .target(fast) }
        let href = Self.decodeEntities(raw)
        if href.isEmpty || Self.hasScheme(href) || href.hasPrefix("//") { return .external }
        var rest = Substring(href)
        var fragment: String?
        if let hash = rest.firstIndex(of: "#") {
            let value = rest[rest.index(after: hash)...]
            fragment = value.isEmpty ? nil : value.utf8.contains(UInt8(ascii: "%")) ? (String(value).removingPercentEncoding ?? String(value)) : String(value)
            rest = rest[..<hash]
        }
        if let query = rest.firstIndex(of: "?") { rest = rest[..<query] }
        guard let decoded = rest.utf8.contains(UInt8(ascii: "%")) ? String(rest).removingPercentEncoding : String(rest) else { return .invalid("malformed percent-encoding") }
        var components: [Substring]
        if decoded.hasPrefix("/") {
            guard decoded.hasPrefix(basePath) else { return .invalid("absolute path outside the site's base path '\(basePath)'") }
            components = []
            rest = Substring(decoded.dropFirst(basePath.count))
        } else {
            components = page.split(separator: "/").dropLast()
            rest = Substring(decoded)
        }
        if rest.isEmpty {
            // `#x` or `?q` alone stays on the page; `/base/` alone is the home page.
            return .target(Reference(path: decoded.hasPrefix("/") ? "index.html" : page, fragment: fragment))
        }
        let parts = rest.split(separator: "/", omittingEmptySubsequences: false)
        for (i, part) in parts.enumerated() {
            switch part {
            case "", ".": if i == parts.count - 1 || part == "." { continue } else { return .invalid("empty path segment") }
            case "..":
                guard !components.isEmpty else { return .invalid("leaves the site's root folder") }
                components.removeLast()
            default: components.append(part)
            }
        }
        let isFolder = rest.hasSuffix("/") || parts.last == "." || parts.last == ".."
        let path = (components + (isFolder ? ["index.html"] : [])).joined(separator: "/")
        return .target(Reference(path: path, fragment: fragment))
    }

    /// The links Dossier writes (`../` × n, then a plain path, maybe a `#fragment`), resolved
    /// without allocating components; nil for anything else, which takes the general path.
    static func resolvePlain(_ href: String, from page: String) -> Reference? {
        let slash = UInt8(ascii: "/"), dot = UInt8(ascii: ".")
        return href.utf8.withContiguousStorageIfAvailable { b -> Reference? in
            let n = b.count
            guard n > 0, b[0] != slash else { return nil }
            var i = 0
            var ups = 0
            while i + 2 < n, b[i] == dot, b[i + 1] == dot, b[i + 2] == slash {
                ups += 1
                i += 3
            }
            var hash = n
            var j = i
            while j < n {
                let c = b[j]
                if c == UInt8(ascii: "#") { hash = j; break }
                if c == UInt8(ascii: "%") || c == UInt8(ascii: "&") || c == UInt8(ascii: "?") || c == UInt8(ascii: ":") { return nil }
                if c == dot, j == i || b[j - 1] == slash { return nil }
                j += 1
            }
            let pageBytes = page.utf8
            let depth = pageBytes.reduce(0) { $0 + ($1 == slash ? 1 : 0) }
            guard ups <= depth else { return nil }
            let fragment = hash + 1 < n ? String(decoding: UnsafeBufferPointer(rebasing: b[(hash + 1)...]), as: UTF8.self) : nil
            if ups == 0, hash == 0 { return Reference(path: page, fragment: fragment) }
            // The page's first `depth - ups` folders, then the link's path.
            var keep = depth - ups
            var end = pageBytes.startIndex
            while keep > 0, end != pageBytes.endIndex {
                if pageBytes[end] == slash { keep -= 1 }
                end = pageBytes.index(after: end)
            }
            var path = String(page[..<end])
            path += String(decoding: UnsafeBufferPointer(rebasing: b[i..<hash]), as: UTF8.self)
            if hash == i || b[hash - 1] == slash { path += "index.html" }
            return Reference(path: path, fragment: fragment)
        } ?? nil
    }

    private static func hasScheme(_ s: String) -> Bool {
        for (i, c) in s.utf8.enumerated() {
            switch c {
            case UInt8(ascii: ":"): return i > 0
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"): continue
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."): if i == 0 { return false }
            default: return false
            }
        }
        return false
    }

    /// The character references our escapers produce.
    static func decodeEntities(_ s: String) -> String {
        guard s.utf8.contains(UInt8(ascii: "&")) else { return s }
        return s.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}

/// The `href`, `src` and `id` attribute values of one generated page, with 1-based positions.
struct PageScan {
    struct Link {
        var value: String
        var line: Int
        var column: Int
    }

    var links: [Link] = []
    var ids: Set<String> = []

    init(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { b in
            let n = b.count
            var line = 1
            var lineStart = 0
            var i = 0
            while i < n {
                let c = b[i]
                if c == 10 {
                    line += 1
                    lineStart = i + 1
                } else if c == UInt8(ascii: "="), i + 1 < n, b[i + 1] == UInt8(ascii: "\"") {
                    let kind = Self.attribute(before: i, in: b)
                    if kind != .other {
                        let start = i + 2
                        var end = start
                        while end < n, b[end] != UInt8(ascii: "\"") { end += 1 }
                        let value = String(decoding: UnsafeBufferPointer(rebasing: b[start..<end]), as: UTF8.self)
                        if kind == .id {
                            ids.insert(LinkCheck.decodeEntities(value))
                        } else {
                            let nameLength = kind == .href ? 4 : 3
                            links.append(Link(value: value, line: line, column: i - nameLength - lineStart + 1))
                        }
                        i = end
                        continue
                    }
                }
                i += 1
            }
        }
    }

    enum Attribute { case href, src, id, other }

    /// Which attribute ends just before the `=` at `i`: `href`, `src` or `id` preceded by whitespace.
    private static func attribute(before i: Int, in b: UnsafeBufferPointer<UInt8>) -> Attribute {
        func matches(_ name: StaticString) -> Bool {
            let length = name.utf8CodeUnitCount
            guard i > length else { return false }
            let start = i - length
            let space = b[start - 1]
            guard space == 32 || space == 10 || space == 9 || space == 13 else { return false }
            return name.withUTF8Buffer { name in
                for k in 0..<length where b[start + k] | 0x20 != name[k] { return false }
                return true
            }
        }
        if matches("href") { return .href }
        if matches("src") { return .src }
        if matches("id") { return .id }
        return .other
    }
}

extension RenderPlan {
    /// The same jobs, each also recording what it rendered into `check`, so the link check runs
    /// while a streaming writer writes and finishes with `check.diagnostics()` before the swap.
    public func recordingLinks(into check: LinkCheck) -> RenderPlan {
        RenderPlan(jobs: jobs.map { job in
            { let files = job(); check.record(files); return files }
        })
    }
}

extension SiteBuilder.Result {
    /// A link check for this site's output: links under `base_url`'s path resolve from the site root.
    public func makeLinkCheck() -> LinkCheck {
        LinkCheck(basePath: site.map { SitePaths.basePath(of: $0.config.baseURL) } ?? "/", staticSources: staticSources)
    }
}
