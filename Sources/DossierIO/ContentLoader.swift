import DossierCore
import DossierTheme
import Foundation

/// Reads `Content/` and `Templates/` into a `SourceTree`: the only place the build reads the disk.
/// Templates and assets come from the built-in theme, each replaced by the site's file of the
/// same path where it has one.
public struct ContentLoader: Sendable {
    public var contentDirectory: URL
    /// The site's own templates; when it does not exist, the built-in theme is used as it is.
    public var templatesDirectory: URL
    /// Whether `templatesDirectory` was named (`--templates`, `templates:`), so must exist.
    public var templatesRequired: Bool
    /// Paths in diagnostics are made relative to this folder (the current directory).
    public var displayRoot: URL
    /// Whether a symbolic link may point elsewhere inside the site (the folder holding
    /// `Content/`); links that leave the site are then skipped with a warning instead of failing.
    public var allowsLinksInsideSite: Bool

    /// `templatesDirectory` defaults to `Templates/` beside `contentDirectory`, used if it exists.
    public init(contentDirectory: URL, templatesDirectory: URL? = nil, templatesRequired: Bool = false,
                displayRoot: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
                allowsLinksInsideSite: Bool = false) {
        self.contentDirectory = contentDirectory.standardizedFileURL
        self.templatesDirectory = (templatesDirectory ?? contentDirectory.deletingLastPathComponent().appendingPathComponent("Templates")).standardizedFileURL
        self.templatesRequired = templatesDirectory != nil && templatesRequired
        self.displayRoot = displayRoot.standardizedFileURL
        self.allowsLinksInsideSite = allowsLinksInsideSite
    }

    /// Environment failures (a missing folder) throw; a file that is not UTF-8 is a diagnostic.
    public func load(diagnostics: inout [Diagnostic]) throws -> SourceTree {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: contentDirectory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw LoadError.missingDirectory(display(contentDirectory), what: "content")
        }
        if templatesRequired, !(fm.fileExists(atPath: templatesDirectory.path, isDirectory: &isDirectory) && isDirectory.boolValue) {
            throw LoadError.missingDirectory(display(templatesDirectory), what: "templates")
        }
        var tree = SourceTree()
        tree.siteConfig = try siteConfig(diagnostics: &diagnostics)
        for folder in Self.contentFolders {
            tree[keyPath: folder.files] = try files(in: folder.name, extension: folder.ext, diagnostics: &diagnostics)
        }
        tree.templates = try templateFiles(diagnostics: &diagnostics)
        tree.assets = try assets(diagnostics: &diagnostics)
        tree.staticFiles = try staticFiles(diagnostics: &diagnostics)
        return tree
    }

    /// The folders of `Content/` a build reads, the extension their files need, and where they go.
    public static var contentFolders: [(name: String, ext: String, files: WritableKeyPath<SourceTree, [SourceFile]>)] {
        [("articles", "txt", \.articles), ("annotations", "md", \.annotations), ("entities", "md", \.entities), ("stories", "md", \.stories)]
    }

    /// `site.yml`, or nil with a warning when there is none.
    public func siteConfig(diagnostics: inout [Diagnostic]) throws -> SourceFile? {
        let url = contentDirectory.appendingPathComponent("site.yml")
        guard FileManager.default.fileExists(atPath: url.path) else {
            diagnostics.append(.warning(.load, "no site.yml; using default title and base URL", at: SourceLocation(file: display(contentDirectory))))
            return nil
        }
        return try read(url, inside: contentDirectory, diagnostics: &diagnostics)
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
        let gate = gate(inside: contentDirectory)
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directoryPath)
        } catch {
            throw LoadError.unreadable(display(directory), Self.errnoCode(of: error))
        }
        // Files kept from the last listing, and those to read (in parallel: 20,000 files are
        // checked, read, validated and normalised in half the time on two cores).
        var slots: [SourceFile?] = []
        var unread: [(slot: Int, absolute: String, display: String)] = []
        for name in names.sorted() where !name.hasPrefix(".") {
            let absolute = directoryPath + "/" + name
            guard name.hasSuffix("." + ext) else {
                if !name.hasSuffix("~"), !name.hasSuffix(".swp") {
                    diagnostics.append(.warning(.load, "ignoring '\(name)': files in \(folder)/ must end in .\(ext)", at: SourceLocation(file: prefix + name)))
                }
                continue
            }
            if let kept = reuse(prefix + name, absolute) {
                slots.append(kept)
            } else {
                unread.append((slots.count, absolute, prefix + name))
                slots.append(nil)
            }
        }
        let outcomes = concurrentMap(unread) { Self.read(path: $0.absolute, display: $0.display, through: gate) }
        for (file, outcome) in zip(unread, outcomes) {
            switch outcome {
            case .read(let source, let found):
                diagnostics += found
                slots[file.slot] = source
            case .failed(let code): throw LoadError.unreadable(file.display, code)
            }
        }
        return slots.compactMap { $0 }
    }

    private enum ReadOutcome: Sendable {
        /// The file (nil when refused) and what was found reading it.
        case read(SourceFile?, [Diagnostic])
        case failed(Int32)
    }

    /// `read(_:through:diagnostics:)` for a path whose display name is known: any thread.
    private static func read(path: String, display: String, through gate: FileGate) -> ReadOutcome {
        switch gate.open(path) {
        case .opened(let bytes):
            let (file, found) = sourceFile(bytes, display: display)
            return .read(file, found)
        case .refused(let problem): return .read(nil, [diagnostic(for: problem, display: display)])
        case .failed(let code): return .failed(code)
        }
    }

    /// A file's bytes as source text: checked for UTF-8 and normalised by `SourceText`.
    private static func sourceFile(_ bytes: [UInt8], display: String) -> (SourceFile?, [Diagnostic]) {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            return (nil, [.error(.load, "file is not valid UTF-8", at: SourceLocation(file: display),
                                 notes: ["save the file as UTF-8 (e.g. iconv -f latin1 -t utf-8)"])])
        }
        let normalized = SourceText.normalized(text, path: display)
        return (SourceFile(path: display, text: normalized.text), normalized.diagnostics)
    }

    /// Why `FileGate` refused a file, reported at the file.
    private static func diagnostic(for problem: FileGate.Problem, display: String) -> Diagnostic {
        let location = SourceLocation(file: display)
        switch problem.severity {
        case .error: return .error(.load, problem.message, at: location, notes: problem.notes)
        case .warning: return .warning(.load, problem.message, at: location, notes: problem.notes)
        }
    }

    /// How diagnostics name a file of the built-in theme: no site has it on disk.
    public static let builtinThemeFolder = "(built-in theme)"

    /// The built-in templates with the site's `.mustache` files under `Templates/` in place of
    /// those of the same name; named by their path without extension.
    public func templateFiles(diagnostics: inout [Diagnostic]) throws -> [TemplateSource] {
        var byName: [String: TemplateSource] = [:]
        for (path, text) in BuiltinTheme.files where path.hasSuffix(".mustache") && !path.hasPrefix("assets/") {
            let name = String(path.dropLast(".mustache".count))
            byName[name] = TemplateSource(name: name, file: SourceFile(path: Self.builtinThemeFolder + "/" + path, text: text))
        }
        let gate = gate(inside: templatesDirectory)
        for relative in try walk(templatesDirectory, skipping: "assets", diagnostics: &diagnostics) where relative.hasSuffix(".mustache") {
            let url = templatesDirectory.appendingPathComponent(relative)
            if let file = try read(url, through: gate, diagnostics: &diagnostics) {
                // Templates are named by their path under Templates/ without extension: "briefing", "partials/card".
                let name = String(relative.dropLast(".mustache".count))
                byName[name] = TemplateSource(name: name, file: file)
            }
        }
        return byName.keys.sorted().map { byName[$0]! }
    }

    /// `static/` beside `Content/`: copied through as it is.
    public var staticDirectory: URL { contentDirectory.deletingLastPathComponent().appendingPathComponent("static") }

    /// Every file of `static/` (hidden ones too: `.nojekyll`, `.well-known/`; not `.git` or
    /// `.DS_Store`), keyed by output path.
    public func staticFiles(diagnostics: inout [Diagnostic]) throws -> [String: StaticFile] {
        var result: [String: StaticFile] = [:]
        let gate = gate(inside: staticDirectory)
        for relative in try walk(staticDirectory, includingHidden: true, diagnostics: &diagnostics) {
            let url = staticDirectory.appendingPathComponent(relative)
            if let bytes = try readBytes(url, through: gate, diagnostics: &diagnostics) {
                result[relative] = StaticFile(source: display(url), bytes: bytes)
            }
        }
        return result
    }

    /// The built-in theme's `assets/` with the site's `Templates/assets/` over them, keyed by
    /// output path, copied byte for byte.
    public func assets(diagnostics: inout [Diagnostic]) throws -> [String: [UInt8]] {
        let directory = templatesDirectory.appendingPathComponent("assets")
        var result: [String: [UInt8]] = [:]
        for (path, text) in BuiltinTheme.files where path.hasPrefix("assets/") { result[path] = Array(text.utf8) }
        let gate = gate(inside: templatesDirectory)
        for relative in try walk(directory, diagnostics: &diagnostics) {
            let url = directory.appendingPathComponent(relative)
            if let bytes = try readBytes(url, through: gate, diagnostics: &diagnostics) { result["assets/" + relative] = bytes }
        }
        return result
    }

    /// The relative paths of the files under `directory`, sorted, hidden names skipped. Folders
    /// that are symbolic links are not entered (a `-> .` link would never end); files that are
    /// links are listed, and `read` decides whether their target may be read.
    func walk(_ directory: URL, skipping skipped: String? = nil, includingHidden: Bool = false, diagnostics: inout [Diagnostic]) throws -> [String] {
        var result: [String] = []
        var pending = [""]
        while let relative = pending.popLast() {
            let path = relative.isEmpty ? directory.path : directory.path + "/" + relative
            let names: [String]
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: path)
            } catch {
                if relative.isEmpty, !FileManager.default.fileExists(atPath: path) { return [] }
                throw LoadError.unreadable(display(URL(fileURLWithPath: path)), Self.errnoCode(of: error))
            }
            for name in names where (includingHidden ? name != ".git" && name != ".DS_Store" : !name.hasPrefix(".")) && !(relative.isEmpty && name == skipped) {
                let child = relative.isEmpty ? name : relative + "/" + name
                var info = stat()
                guard lstat(directory.path + "/" + child, &info) == 0 else { continue }
                switch info.st_mode & S_IFMT {
                case S_IFDIR: pending.append(child)
                case S_IFLNK:
                    var target = stat()
                    if stat(directory.path + "/" + child, &target) == 0, target.st_mode & S_IFMT == S_IFDIR {
                        diagnostics.append(.warning(.load, "not following '\(name)': it is a symbolic link to a folder",
                                                    at: SourceLocation(file: display(directory.appendingPathComponent(child))),
                                                    notes: ["move or copy the folder here instead of linking it"]))
                    } else {
                        result.append(child)
                    }
                default: result.append(child)
                }
            }
        }
        return result.sorted()
    }

    /// One text file, checked for UTF-8 and normalised by `SourceText` (line endings, control
    /// characters). Not being UTF-8, or a file `FileGate` refuses, is a diagnostic and gives nil;
    /// an unreadable file throws. `root`: the folder the file must really be in (nil for a path
    /// the user named on the command line).
    public func read(_ url: URL, inside root: URL?, diagnostics: inout [Diagnostic]) throws -> SourceFile? {
        try read(url, through: gate(inside: root), diagnostics: &diagnostics)
    }

    func read(_ url: URL, through gate: FileGate, diagnostics: inout [Diagnostic]) throws -> SourceFile? {
        guard let bytes = try readBytes(url, through: gate, diagnostics: &diagnostics) else { return nil }
        let (file, found) = Self.sourceFile(bytes, display: display(url))
        diagnostics += found
        return file
    }

    /// The gate for files that must really be inside `root` (nil: any regular file).
    func gate(inside root: URL?) -> FileGate {
        FileGate(root: root?.path, site: allowsLinksInsideSite ? contentDirectory.deletingLastPathComponent().path : nil)
    }

    func readBytes(_ url: URL, through gate: FileGate, diagnostics: inout [Diagnostic]) throws -> [UInt8]? {
        switch gate.open(url.path) {
        case .opened(let bytes): return bytes
        case .refused(let problem):
            diagnostics.append(Self.diagnostic(for: problem, display: display(url)))
            return nil
        case .failed(let code): throw LoadError.unreadable(display(url), code)
        }
    }

    /// The POSIX error behind a Foundation error, for a one-line message (EIO when there is none).
    public static func errnoCode(of error: Error) -> Int32 {
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain { return Int32(underlying.code) }
        if ns.domain == NSPOSIXErrorDomain { return Int32(ns.code) }
        switch ns.code {
        case NSFileReadNoPermissionError: return EACCES
        case NSFileReadNoSuchFileError: return ENOENT
        default: return EIO
        }
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
    case unreadable(String, Int32)

    public var description: String {
        let text = switch self {
        case let .missingDirectory(path, what): "\(what) folder '\(path)' does not exist"
        case let .unreadable(path, code):
            "cannot read '\(path)': \(String(cString: strerror(code)))"
                + (code == EACCES || code == EPERM ? " (give the user running dossier read permission)" : "")
        }
        return SourceText.escapingControlCharacters(text)
    }
}
