import Foundation

/// The verify stage: every internal `href` and `src` in the generated HTML must name an output
/// file, and every `#fragment` an `id` on the page it points to.
///
/// It reads only Dossier's own output (double-quoted attributes; text never contains a raw `"`
/// because every renderer escapes it), so a byte scanner for `href="…"`, `src="…"` and `id="…"`
/// is enough: no HTML parsing. Render workers scan the files they make (`scan`, pure); the
/// builder records the scans as batches of pages are rendered (`record`) and then verifies
/// (`finish`).
///
/// Two ways to keep what it learns:
/// - Once (a clean build): links are merged by target as they are recorded, so memory grows
///   with the distinct targets, not with every link of every page; each target is verified once.
/// - Tracking (the preview server): each page's links are kept, with the pages linking to each
///   file, so that a rebuild re-verifies only the pages it rendered and those linking to files
///   that appeared, went away or changed their ids.
///
/// Paths, hrefs and fragments are kept once each in `strings` and named by number everywhere
/// else: a large site has over a million links but few distinct strings among them.
public struct LinkCheck: Sendable {
    /// The path part of `base_url` (`/dossier/`): links that start with it (the 404 page's)
    /// resolve from the site root.
    public let basePath: String
    let tracksIncoming: Bool

    private var strings = StringTable()
    /// The output files, by number in `strings`.
    private var files: Set<Int32> = []
    /// Each page's ids, as `PageScan.key`s: 8 bytes an id rather than a string, for every page of the site.
    private var ids: [Int32: Set<Int>] = [:]
    /// Problems found within each page (bad paths, fragments missing on the page itself).
    private var local: [Int32: [Problem]] = [:]
    /// Once: each distinct target, with where it is first linked from and how many links point there.
    private var targets: [Target: TargetUse] = [:]
    /// Tracking: each page's links to other pages, the pages linking to each path, the problems
    /// of each page's links found by the last verification, and what the next one must cover.
    private var links: [Int32: [Link]] = [:]
    private var incoming: [Int32: Set<Int32>] = [:]
    private var broken: [Int32: [Problem]] = [:]
    private var pending: (pages: Set<Int32>, targets: Set<Int32>) = ([], [])

    /// Where a link points, as `resolve` answers.
    struct Reference: Hashable {
        var path: String
        var fragment: String?
    }

    /// Where a link points: a path and maybe a fragment, as numbers in `strings`.
    struct Target: Hashable, Sendable {
        static let noFragment: Int32 = -1
        var path: Int32
        var fragment: Int32
    }

    /// A page's link as tracking keeps it, in 20 bytes: the page is the key it is kept under.
    struct Link {
        var target: Target
        var href: Int32
        var line: Int32
        var column: Int32
    }

    /// Once: the first link to a target (by page, line, column) and how many links point there.
    struct TargetUse {
        var page: String
        var href: Int32
        var line: Int32
        var column: Int32
        var count: Int
    }

    struct Referrer: Hashable, Comparable {
        var page: String
        var line: Int
        var column: Int
        var href: String

        static func < (a: Referrer, b: Referrer) -> Bool { (a.page, a.line, a.column) < (b.page, b.line, b.column) }
    }

    /// One output file as a render worker scanned it.
    struct ScannedFile: Sendable {
        var path: String
        /// Nil for anything but HTML.
        var page: ScannedPage?
    }

    /// An HTML page's distinct links to other pages (each at its first use), the problems found
    /// within the page itself, and its ids (`PageScan.key`s). The links' strings are ranges of
    /// `text`: one buffer a page rather than strings for every link, until `record` numbers them.
    struct ScannedPage: Sendable {
        var text: [UInt8] = []
        var links: [ScannedLink] = []
        var local: [Problem] = []
        var ids: Set<Int> = []
    }

    /// A link to another page, its strings as ranges of the page's `text`.
    struct ScannedLink: Sendable {
        var path: Range<Int32>
        var fragment: Range<Int32>?
        var href: Range<Int32>
        var line: Int32
        var column: Int32
    }

    struct Problem: Sendable {
        var referrer: Referrer
        var message: String
        var notes: [String] = []
        /// Problems with the same target are reported once, at the first page linking there.
        var target: Target?
    }

    public init(basePath: String = "/", tracksIncoming: Bool = false) {
        self.basePath = SitePaths.normalizedBasePath(basePath)
        self.tracksIncoming = tracksIncoming
    }

    /// What the link check needs of `file`: its links resolved, its ids. Pure, for any thread.
    func scan(_ file: OutputFile) -> ScannedFile {
        guard file.path.hasSuffix(".html") else { return ScannedFile(path: file.path, page: nil) }
        let scan = PageScan(file.bytes)
        var page = ScannedPage(ids: scan.ids)
        // Pages repeat links (entity chips, tags); each distinct one is resolved once, at its first use.
        var seen = StringTable(capacity: scan.links.count)
        let depth = SitePaths.depth(of: file.path)
        let pageLength = file.path.utf8.count
        file.bytes.withUnsafeBytes { bytes in
            for link in scan.links {
                let href = UnsafeRawBufferPointer(rebasing: bytes[link.value])
                guard seen.insert(href).inserted else { continue }
                func referrer() -> Referrer {
                    Referrer(page: file.path, line: link.line, column: link.column, href: String(decoding: href, as: UTF8.self))
                }
                // The path, then the fragment if any, then (for a link to another page) the href.
                let start = page.text.count
                var pathEnd = start
                if let fragment = Self.resolvePlain(href, from: file.path, depth: depth, appendingPathTo: &page.text) {
                    pathEnd = page.text.count
                    page.text.append(contentsOf: href[fragment])
                } else {
                    switch resolveGeneral(String(decoding: href, as: UTF8.self), from: file.path) {
                    case .external: continue
                    case .invalid(let reason):
                        page.local.append(Problem(referrer: referrer(), message: reason))
                        continue
                    case .target(let reference):
                        page.text += reference.path.utf8
                        pathEnd = page.text.count
                        if let fragment = reference.fragment { page.text += fragment.utf8 }
                    }
                }
                // Resolved fragments are never empty: what follows the path is the fragment.
                let fragment = pathEnd < page.text.count ? pathEnd..<page.text.count : nil
                if pathEnd - start == pageLength, page.text[start..<pathEnd].elementsEqual(file.path.utf8) {
                    // Same-page fragments are checked here, so only other pages' ids need keeping.
                    if let fragment {
                        let missing = page.text.withUnsafeBytes { !scan.ids.contains(PageScan.key(UnsafeRawBufferPointer(rebasing: $0[fragment]))) }
                        if missing {
                            let id = String(decoding: page.text[fragment], as: UTF8.self)
                            page.local.append(Problem(referrer: referrer(), message: "\(file.path) has no element with id '\(id)'"))
                        }
                    }
                    page.text.removeSubrange(start...)
                    continue
                }
                let hrefStart = page.text.count
                page.text.append(contentsOf: href)
                page.links.append(ScannedLink(path: Int32(start)..<Int32(pathEnd), fragment: fragment.map { Int32($0.lowerBound)..<Int32($0.upperBound) },
                                              href: Int32(hrefStart)..<Int32(page.text.count), line: Int32(link.line), column: Int32(link.column)))
            }
        }
        return ScannedFile(path: file.path, page: page)
    }

    /// Takes in a batch of rendered files. Without tracking, each path may be recorded once.
    mutating func record(_ scanned: [ScannedFile]) {
        for file in scanned {
            let path = strings.number(file.path)
            if files.insert(path).inserted { pending.targets.insert(path) }
            if ids[path] != file.page?.ids { pending.targets.insert(path) }
            ids[path] = file.page?.ids
            local[path] = file.page.flatMap { $0.local.isEmpty ? nil : $0.local }
            guard let page = file.page else { continue }
            guard tracksIncoming else {
                mergeByTarget(page, of: file.path)
                continue
            }
            let kept = page.text.withUnsafeBytes { text in
                page.links.map { Link(target: target(of: $0, in: text), href: strings.number(text[$0.href]), line: $0.line, column: $0.column) }
            }
            // Only the targets the page stopped or started linking to: most pages rendered again
            // link where they did, to files that thousands of pages link to.
            let now = Set(kept.map(\.target.path))
            var added = now
            if let old = links[path] {
                let before = Set(old.map(\.target.path))
                forgetIncoming(of: path, to: before.subtracting(now))
                added.subtract(before)
            }
            links[path] = kept
            for target in added { incoming[target, default: []].insert(path) }
            pending.pages.insert(path)
        }
    }

    /// Once: counts `page`'s links by target, keeping each target's first link (by page, line,
    /// column). Only the hrefs of first links are numbered.
    private mutating func mergeByTarget(_ scanned: ScannedPage, of page: String) {
        scanned.text.withUnsafeBytes { text in
            for link in scanned.links {
                let target = self.target(of: link, in: text)
                guard let index = targets.index(forKey: target) else {
                    targets[target] = TargetUse(page: page, href: strings.number(text[link.href]), line: link.line, column: link.column, count: 1)
                    continue
                }
                let first = targets.values[index]
                if (page, link.line, link.column) < (first.page, first.line, first.column) {
                    targets.values[index] = TargetUse(page: page, href: strings.number(text[link.href]), line: link.line, column: link.column, count: first.count + 1)
                } else {
                    targets.values[index].count += 1
                }
            }
        }
    }

    /// The numbers of a scanned link's path and fragment.
    private mutating func target(of link: ScannedLink, in text: UnsafeRawBufferPointer) -> Target {
        Target(path: strings.number(text[link.path]), fragment: link.fragment.map { strings.number(text[$0]) } ?? Target.noFragment)
    }

    /// Takes in the files that went away, and (when tracking) verifies the pages recorded since
    /// the last call and those linking to files that appeared, went away or changed their ids.
    mutating func finish(removed: [String] = []) {
        for name in removed {
            guard let path = strings.existing(name), files.remove(path) != nil else { continue }
            pending.targets.insert(path)
            ids[path] = nil
            local[path] = nil
            if let old = links.removeValue(forKey: path) { forgetIncoming(of: path, to: Set(old.map(\.target.path))) }
            broken[path] = nil
            pending.pages.remove(path)
        }
        guard tracksIncoming else { return }
        var affected = pending.pages
        for path in pending.targets { affected.formUnion(incoming[path] ?? []) }
        pending = ([], [])
        let check = self
        let list = Array(affected)
        let found = concurrentMap(list) { page in
            (check.links[page] ?? []).compactMap { link in
                check.problem(with: link.target, href: link.href).map { found in
                    Problem(referrer: Referrer(page: check.strings[page], line: Int(link.line), column: Int(link.column), href: check.strings[link.href]),
                            message: found.message, notes: found.notes, target: link.target)
                }
            }
        }
        for (path, problems) in zip(list, found) { broken[path] = problems.isEmpty ? nil : problems }
    }

    /// `record` and `finish` in one step.
    mutating func update(_ scanned: [ScannedFile], removed: [String] = []) {
        record(scanned)
        finish(removed: removed)
    }

    /// `path` no longer links to `targets`.
    private mutating func forgetIncoming(of path: Int32, to targets: Set<Int32>) {
        for target in targets {
            incoming[target]?.remove(path)
            if incoming[target]?.isEmpty == true { incoming[target] = nil }
        }
    }

    /// What is wrong with a link to `target` written as `href`, given every file and id known now, if anything.
    private func problem(with target: Target, href: Int32) -> (message: String, notes: [String])? {
        guard files.contains(target.path) else {
            let path = strings[target.path]
            var notes: [String] = []
            if let folder = strings.existing(path + "/index.html"), files.contains(folder) {
                notes.append("did you mean '\(strings[href].split(separator: "#")[0])/'?")
            }
            return ("no file '\(path)' in the output", notes)
        }
        guard target.fragment != Target.noFragment, let pageIDs = ids[target.path] else { return nil }
        if pageIDs.contains(strings.withBytes(of: target.fragment, PageScan.key)) { return nil }
        return ("\(strings[target.path]) has no element with id '\(strings[target.fragment])'", [])
    }

    /// One error per broken target, at the first page (by path) that links to it, sorted by page.
    public func diagnostics() -> [Diagnostic] {
        var found: [(problem: Problem, count: Int)] = local.values.joined().map { ($0, 1) }
        if tracksIncoming {
            var byTarget: [Target: (first: Problem, count: Int)] = [:]
            for problem in broken.values.joined() {
                guard let target = problem.target else { continue }
                if let known = byTarget[target] {
                    byTarget[target] = (problem.referrer < known.first.referrer ? problem : known.first, known.count + 1)
                } else {
                    byTarget[target] = (problem, 1)
                }
            }
            found += byTarget.values.map { ($0.first, $0.count) }
        } else {
            for (target, use) in targets {
                guard let problem = problem(with: target, href: use.href) else { continue }
                let referrer = Referrer(page: use.page, line: Int(use.line), column: Int(use.column), href: strings[use.href])
                found.append((Problem(referrer: referrer, message: problem.message, notes: problem.notes, target: target), use.count))
            }
        }
        return found.sorted { $0.problem.referrer < $1.problem.referrer }.map { problem, count in
            var notes = problem.notes
            if count > 1 { notes.append("\(count - 1) more link\(count == 2 ? "" : "s") to the same target") }
            let referrer = problem.referrer
            return .error(.verify, "broken link '\(referrer.href)' in \(referrer.page): \(problem.message)",
                          at: SourceLocation(file: referrer.page, line: referrer.line, column: referrer.column), notes: notes)
        }
    }

    /// Checks already-rendered files (tests).
    public static func check(_ files: [OutputFile], basePath: String = "/") -> [Diagnostic] {
        var check = LinkCheck(basePath: basePath)
        check.update(files.map(check.scan))
        return check.diagnostics()
    }

    // MARK: Resolution

    enum Resolution {
        case external
        case target(Reference)
        case invalid(String)
    }

    /// Resolves a link as written on `page` to an output path and fragment. `depth`: the page's
    /// folders (`SitePaths.depth(of:)`), when the caller resolves many links of one page.
    func resolve(_ raw: String, from page: String, depth: Int? = nil) -> Resolution {
        var path: [UInt8] = []
        let plain = Array(raw.utf8).withUnsafeBytes { href in
            Self.resolvePlain(href, from: page, depth: depth ?? SitePaths.depth(of: page), appendingPathTo: &path).map { fragment in
                Reference(path: String(decoding: path, as: UTF8.self), fragment: fragment.isEmpty ? nil : String(decoding: href[fragment], as: UTF8.self))
            }
        }
        if let plain { return .target(plain) }
        return resolveGeneral(raw, from: page)
    }

    /// Any link `resolvePlain` does not take: character references, percent-encoding, queries,
    /// absolute paths, `.` and `..` anywhere, links leaving the site.
    private func resolveGeneral(_ raw: String, from page: String) -> Resolution {
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
    /// without making strings: appends the path to `text` and answers where the fragment is in
    /// `href` (empty: none). Nil, appending nothing, for anything else, which takes the general path.
    static func resolvePlain(_ href: UnsafeRawBufferPointer, from page: String, depth: Int, appendingPathTo text: inout [UInt8]) -> Range<Int>? {
        let slash = UInt8(ascii: "/"), dot = UInt8(ascii: ".")
        let b = href
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
        guard ups <= depth else { return nil }
        let fragment = hash + 1 < n ? (hash + 1)..<n : n..<n
        let pageBytes = page.utf8
        if ups == 0, hash == 0 {
            text += pageBytes
            return fragment
        }
        // The page's first `depth - ups` folders, then the link's path.
        var keep = depth - ups
        var end = pageBytes.startIndex
        while keep > 0, end != pageBytes.endIndex {
            if pageBytes[end] == slash { keep -= 1 }
            end = pageBytes.index(after: end)
        }
        text += pageBytes[..<end]
        text += b[i..<hash]
        if hash == i || b[hash - 1] == slash { text += "index.html".utf8 }
        return fragment
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
        /// Where the value is in the page's bytes: a page's links are made strings only as needed.
        var value: Range<Int>
        var line: Int
        var column: Int
    }

    var links: [Link] = []
    /// The page's ids as keys (`key`).
    var ids: Set<Int> = []

    /// An id's key: a 64-bit hash of its text (SipHash, seeded per process), which is all a link
    /// check needs of the ids of 45,000 pages. Two different ids of one page share a key with a
    /// chance under 2⁻⁵⁰, the only way a missing fragment could pass unnoticed.
    static func key(_ id: String) -> Int {
        var id = id
        return id.withUTF8 { key(UnsafeRawBufferPointer($0)) }
    }

    static func key(_ bytes: UnsafeRawBufferPointer) -> Int {
        var hasher = Hasher()
        hasher.combine(bytes: bytes)
        return hasher.finalize()
    }

    init(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { b in
            let n = b.count
            guard let base = b.baseAddress else { return }
            var line = 1
            var lineStart = 0
            var i = 0
            // From `=` to `=` with memchr, counting the line feeds passed on the way (also by memchr):
            // every generated page goes through here, so the scan runs at memory speed.
            func offset(_ found: UnsafeMutableRawPointer) -> Int { UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found)) }
            while i < n {
                let equals = memchr(base + i, Int32(UInt8(ascii: "=")), n - i).map(offset) ?? n
                while i < equals, let feed = memchr(base + i, 10, equals - i).map(offset) {
                    line += 1
                    lineStart = feed + 1
                    i = feed + 1
                }
                i = equals
                guard i < n else { break }
                if i + 1 < n, b[i + 1] == UInt8(ascii: "\"") {
                    let kind = Self.attribute(before: i, in: b)
                    if kind != .other {
                        let start = i + 2
                        var end = start
                        while end < n, b[end] != UInt8(ascii: "\"") { end += 1 }
                        let bytes = UnsafeBufferPointer(rebasing: b[start..<end])
                        if kind == .id {
                            // Hashed from the page's bytes; only an id with a character reference is decoded first.
                            ids.insert(bytes.contains(UInt8(ascii: "&")) ? Self.key(LinkCheck.decodeEntities(String(decoding: bytes, as: UTF8.self)))
                                                                         : Self.key(UnsafeRawBufferPointer(bytes)))
                        } else {
                            let nameLength = kind == .href ? 4 : 3
                            links.append(Link(value: start..<end, line: line, column: i - nameLength - lineStart + 1))
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

private extension UnsafeRawBufferPointer {
    /// The bytes of a scanned page's string.
    subscript(span: Range<Int32>) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: self[Int(span.lowerBound)..<Int(span.upperBound)])
    }
}
