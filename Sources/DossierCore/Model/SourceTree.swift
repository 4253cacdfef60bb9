/// A text file as loaded from disk: its project-relative path and its contents.
public struct SourceFile: Hashable, Sendable {
    public var path: String
    public var text: String

    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }

    /// The file name without folder and extension; it is the slug of articles and entities.
    /// Byte-wise: asked for every file on every incremental rebuild.
    public var stem: String {
        let utf8 = path.utf8
        let start = utf8.lastIndex(of: UInt8(ascii: "/")).map { utf8.index(after: $0) } ?? utf8.startIndex
        let name = utf8[start...]
        guard let dot = name.lastIndex(of: UInt8(ascii: ".")), dot != start else { return String(Substring(name)) }
        return String(Substring(utf8[start..<dot]))
    }

    public var fileName: String { Self.fileName(of: path) }

    /// The last component of `path`.
    public static func fileName(of path: String) -> String {
        let utf8 = path.utf8
        let start = utf8.lastIndex(of: UInt8(ascii: "/")).map { utf8.index(after: $0) } ?? utf8.startIndex
        return String(Substring(utf8[start...]))
    }
}

/// Everything a build reads, held in memory so the core never touches the file system.
///
/// The loader fills it from `Content/` and `Templates/`; tests build it from string literals.
public struct SourceTree: Sendable {
    public var siteConfig: SourceFile?
    public var articles: [SourceFile]
    public var annotations: [SourceFile]
    public var entities: [SourceFile]
    /// `Content/stories/`: one file per story.
    public var stories: [SourceFile] = []
    public var templates: [TemplateSource]
    /// Static assets copied verbatim (CSS, JS), keyed by output path.
    public var assets: [String: [UInt8]]
    /// The site's `static/` folder, copied verbatim (CNAME, `.nojekyll`, images, PDFs), keyed by
    /// output path; a file here replaces a template asset of the same path.
    public var staticFiles: [String: StaticFile]

    public init(
        siteConfig: SourceFile? = nil, articles: [SourceFile] = [], annotations: [SourceFile] = [],
        entities: [SourceFile] = [], templates: [TemplateSource] = [], assets: [String: [UInt8]] = [:],
        staticFiles: [String: StaticFile] = [:]
    ) {
        self.siteConfig = siteConfig
        self.articles = articles
        self.annotations = annotations
        self.entities = entities
        self.templates = templates
        self.assets = assets
        self.staticFiles = staticFiles
    }

    /// Template assets and static files together, as output files in path order.
    public var copiedFiles: [OutputFile] {
        var all = assets
        for (path, file) in staticFiles { all[path] = file.bytes }
        return all.sorted { $0.key < $1.key }.map { OutputFile(path: $0.key, bytes: $0.value) }
    }

    /// Output path → the static file's own path, for errors about it.
    public var staticSources: [String: String] { staticFiles.mapValues(\.source) }

    /// Drops the text of articles and annotations, which linking has parsed (the largest part of
    /// a tree): a build that is not followed by another needs no more of it than the paths.
    mutating func releaseParsedText() {
        articles = articles.map { SourceFile(path: $0.path, text: "") }
        annotations = annotations.map { SourceFile(path: $0.path, text: "") }
    }
}

/// A file of `static/`: its bytes and its path for diagnostics.
public struct StaticFile: Hashable, Sendable {
    public var source: String
    public var bytes: [UInt8]

    public init(source: String, bytes: [UInt8]) {
        self.source = source
        self.bytes = bytes
    }
}

/// A Mustache template: its name for partials (`layout`, `partials/card`) and its file for errors.
public struct TemplateSource: Hashable, Sendable {
    public var name: String
    public var file: SourceFile

    public init(name: String, file: SourceFile) {
        self.name = name
        self.file = file
    }
}
