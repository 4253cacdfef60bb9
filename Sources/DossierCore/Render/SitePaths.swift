/// Where each page lives, and relative links between pages so the site works under any sub-path.
public enum SitePaths {
    public static func briefing(_ slug: String) -> String { "briefings/\(slug)/index.html" }
    public static func briefingJSON(_ slug: String) -> String { "briefings/\(slug)/index.json" }
    /// The briefing's notes as a W3C Web Annotation collection.
    public static func briefingAnnotations(_ slug: String) -> String { "briefings/\(slug)/\(WebAnnotations.fileName)" }
    public static func entityPage(_ slug: String) -> String { "entities/\(slug)/index.html" }
    public static func tagPage(_ slug: String) -> String { "tags/\(slug)/index.html" }

    /// The path part of a base URL: `/dossier/` for `https://example.org/dossier/`.
    public static func basePath(of baseURL: String) -> String {
        guard let scheme = baseURL.range(of: "://") else { return "/" }
        let rest = baseURL[scheme.upperBound...]
        guard let slash = rest.firstIndex(of: "/") else { return "/" }
        return normalizedBasePath(String(rest[slash...]))
    }

    /// `/`, or `/a/b/` with one slash at each end, however the path was written (`dossier`, `/dossier`).
    public static func normalizedBasePath(_ path: String) -> String {
        let parts = path.split(separator: "/").filter { !$0.isEmpty }
        return parts.isEmpty ? "/" : "/" + parts.joined(separator: "/") + "/"
    }

    /// `../` repeated for a page `depth` folders below the root (`briefings/x/index.html` is 2).
    public static func root(from depth: Int) -> String {
        depth == 0 ? "./" : String(repeating: "../", count: depth)
    }

    static func prefix(_ depth: Int) -> String { depth == 0 ? "" : String(repeating: "../", count: depth) }

    public static func entity(_ slug: String, from depth: Int) -> String { prefix(depth) + "entities/\(slug)/" }
    public static func briefing(_ slug: String, from depth: Int) -> String { prefix(depth) + "briefings/\(slug)/" }
    public static func tag(_ slug: String, from depth: Int) -> String { prefix(depth) + "tags/\(slug)/" }

    /// Depth of an output path: number of folders above the file.
    public static func depth(of path: String) -> Int { path.split(separator: "/").count - 1 }
}
