import DossierCore
import Foundation

/// Where a site's folders are. A site is a folder holding `Content/` (with `site.yml`),
/// optionally `Templates/` and `static/`, and the `Output/` a build writes; commands find it
/// from `--site`, or from the current folder or the nearest folder above it holding
/// `Content/site.yml`, as git finds its repository. Options naming a folder override its place.
public struct SiteFolders: Sendable, Equatable {
    public var root: URL
    public var content: URL
    /// `nil`: `Templates/` beside `Content/` when it exists, else the built-in theme alone.
    public var templates: URL?
    public var output: URL

    /// `site`, `content`, `templates`, `output`: the command's options (relative to
    /// `workingDirectory`); `templates:` in `site.yml` names a folder relative to the site.
    public static func locate(site: String?, content: String?, templates: String?, output: String?,
                              workingDirectory: URL) throws(LocateError) -> SiteFolders {
        func resolve(_ path: String, against base: URL) -> URL {
            (path.hasPrefix("/") ? URL(fileURLWithPath: path) : base.appendingPathComponent(path)).standardizedFileURL
        }
        let root: URL
        if let site {
            root = resolve(site, against: workingDirectory)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw .missingSite(site)
            }
        } else if let content {
            root = resolve(content, against: workingDirectory).deletingLastPathComponent()
        } else {
            root = enclosingSite(of: workingDirectory) ?? workingDirectory.standardizedFileURL
        }
        let contentFolder = content.map { resolve($0, against: workingDirectory) } ?? root.appendingPathComponent("Content")
        var templatesFolder = templates.map { resolve($0, against: workingDirectory) }
        if templatesFolder == nil, let named = configuredTemplates(in: contentFolder) {
            templatesFolder = resolve(named, against: root)
        }
        return SiteFolders(root: root, content: contentFolder, templates: templatesFolder,
                           output: output.map { resolve($0, against: workingDirectory) } ?? root.appendingPathComponent("Output"))
    }

    /// The nearest folder from `folder` upwards that holds `Content/site.yml`.
    static func enclosingSite(of folder: URL) -> URL? {
        var candidate = folder.standardizedFileURL
        while true {
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("Content/site.yml").path) { return candidate }
            let parent = candidate.deletingLastPathComponent()
            if parent.path == candidate.path { return nil }
            candidate = parent
        }
    }

    /// `templates:` of the site's `site.yml`, if any (its other settings are the build's concern).
    static func configuredTemplates(in content: URL) -> String? {
        guard let text = try? String(contentsOf: content.appendingPathComponent("site.yml"), encoding: .utf8) else { return nil }
        var ignored: [Diagnostic] = []
        return SiteConfigParser.parse(SourceFile(path: "site.yml", text: text), diagnostics: &ignored).templates
    }

    /// The loader for this site: its templates must exist only where they were named.
    public func loader(displayRoot: URL, allowsLinksInsideSite: Bool) -> ContentLoader {
        ContentLoader(contentDirectory: content, templatesDirectory: templates, templatesRequired: templates != nil,
                      displayRoot: displayRoot, allowsLinksInsideSite: allowsLinksInsideSite)
    }

    public enum LocateError: Error, CustomStringConvertible {
        case missingSite(String)

        public var description: String {
            switch self {
            case .missingSite(let path): "site folder '\(SourceText.escapingControlCharacters(path))' does not exist (create one with 'dossier init \(SourceText.escapingControlCharacters(path))')"
            }
        }
    }
}
