import DossierCore
import Foundation

/// Reads `Content/` and `Templates/` into a `SourceTree`: the only place the build reads the disk.
public struct ContentLoader {
    public var contentDirectory: URL
    public var templatesDirectory: URL
    /// Paths in diagnostics are made relative to this folder (the current directory).
    public var displayRoot: URL

    public init(contentDirectory: URL, templatesDirectory: URL, displayRoot: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)) {
        self.contentDirectory = contentDirectory.standardizedFileURL
        self.templatesDirectory = templatesDirectory.standardizedFileURL
        self.displayRoot = displayRoot.standardizedFileURL
    }

    /// Environment failures (a missing folder) throw; a file that is not UTF-8 is a diagnostic.
    public func load(diagnostics: inout [Diagnostic]) throws -> SourceTree {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: contentDirectory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw LoadError.missingDirectory(display(contentDirectory), what: "content")
        }
        guard fm.fileExists(atPath: templatesDirectory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw LoadError.missingDirectory(display(templatesDirectory), what: "templates")
        }
        var tree = SourceTree()
        tree.siteConfig = try siteConfig(diagnostics: &diagnostics)
        for folder in Self.contentFolders {
            tree[keyPath: folder.files] = try files(in: folder.name, extension: folder.ext, diagnostics: &diagnostics)
        }
        tree.templates = try templateFiles(diagnostics: &diagnostics)
        tree.assets = try assets()
        return tree
    }

    /// The folders of `Content/` a build reads, the extension their files need, and where they go.
    public static let contentFolders: [(name: String, ext: String, files: WritableKeyPath<SourceTree, [SourceFile]>)] = [
        ("articles", "txt", \.articles), ("annotations", "md", \.annotations), ("entities", "md", \.entities),
    ]

    /// `site.yml`, or nil with a warning when there is none.
    public func siteConfig(diagnostics: inout [Diagnostic]) throws -> SourceFile? {
        let url = contentDirectory.appendingPathComponent("site.yml")
        guard FileManager.default.fileExists(atPath: url.path) else {
            diagnostics.append(.warning(.load, "no site.yml; using default title and base URL", at: SourceLocation(file: display(contentDirectory))))
            return nil
        }
        return try read(url, diagnostics: &diagnostics)
    }

    /// The files of `Content/<folder>/` with extension `ext`, by name; other names are warned about
    /// (hidden files and editors' `~` and `.swp` files quietly skipped). `reuse(display, absolute)`
    /// may return a file already read, so that listing a folder again reads only what changed.
    /// Plain string paths: URL operations on every name of a 10,000-file folder cost more than a rebuild.
    public func files(in folder: String, extension ext: String, diagnostics: inout [Diagnostic],
                      reuse: (_ display: String, _ absolute: String) -> SourceFile? = { _, _ in nil }) throws -> [SourceFile] {
        let directory = contentDirectory.appendingPathComponent(folder)
        let directoryPath = directory.path
        guard FileManager.default.fileExists(atPath: directoryPath) else { return [] }
        let prefix = display(directory) + "/"
        var result: [SourceFile] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: directoryPath).sorted() where !name.hasPrefix(".") {
            let absolute = directoryPath + "/" + name
            guard name.hasSuffix("." + ext) else {
                if !name.hasSuffix("~"), !name.hasSuffix(".swp") {
                    diagnostics.append(.warning(.load, "ignoring '\(name)': files in \(folder)/ must end in .\(ext)", at: SourceLocation(file: prefix + name)))
                }
                continue
            }
            if let kept = reuse(prefix + name, absolute) {
                result.append(kept)
            } else if let file = try read(URL(fileURLWithPath: absolute), diagnostics: &diagnostics) {
                result.append(file)
            }
        }
        return result
    }

    func templateFiles(diagnostics: inout [Diagnostic]) throws -> [TemplateSource] {
        var result: [TemplateSource] = []
        guard let enumerator = FileManager.default.enumerator(at: templatesDirectory, includingPropertiesForKeys: nil) else { return [] }
        var urls: [URL] = []
        for case let url as URL in enumerator where url.pathExtension == "mustache" { urls.append(url) }
        for url in urls.sorted(by: { $0.path < $1.path }) {
            if let file = try read(url, diagnostics: &diagnostics) {
                // Templates are named by their path under Templates/ without extension: "briefing", "partials/card".
                let relative = url.standardizedFileURL.path.dropFirst(templatesDirectory.path.count + 1)
                result.append(TemplateSource(name: String(relative.dropLast(".mustache".count)), file: file))
            }
        }
        return result
    }

    func assets() throws -> [String: [UInt8]] {
        let directory = templatesDirectory.appendingPathComponent("assets")
        guard let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: [.isRegularFileKey]) else { return [:] }
        var result: [String: [UInt8]] = [:]
        for case let url as URL in enumerator {
            guard (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true else { continue }
            let relative = String(url.standardizedFileURL.path.dropFirst(directory.standardizedFileURL.path.count + 1))
            result["assets/" + relative] = Array(try Data(contentsOf: url))
        }
        return result
    }

    /// One file, checked for UTF-8 (not being UTF-8 is a diagnostic; not being readable throws).
    public func read(_ url: URL, diagnostics: inout [Diagnostic]) throws -> SourceFile? {
        let data = try Data(contentsOf: url)
        guard let text = String(data: data, encoding: .utf8) else {
            diagnostics.append(.error(.load, "file is not valid UTF-8", at: SourceLocation(file: display(url)),
                                      notes: ["save the file as UTF-8 (e.g. iconv -f latin1 -t utf-8)"]))
            return nil
        }
        return SourceFile(path: display(url), text: text)
    }

    /// A path relative to the display root when inside it, so errors read `Content/articles/x.txt`.
    public func display(_ url: URL) -> String {
        let path = url.standardizedFileURL.path
        let root = displayRoot.path.hasSuffix("/") ? displayRoot.path : displayRoot.path + "/"
        return path.hasPrefix(root) ? String(path.dropFirst(root.count)) : path
    }
}

public enum LoadError: Error, CustomStringConvertible {
    case missingDirectory(String, what: String)

    public var description: String {
        switch self {
        case let .missingDirectory(path, what): "\(what) folder '\(path)' does not exist"
        }
    }
}
