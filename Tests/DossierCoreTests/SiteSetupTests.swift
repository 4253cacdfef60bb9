import DossierIO
import DossierTheme
import Foundation
import Testing
@testable import DossierCore

/// A site outside this repository: found from where the command runs, built with the theme the
/// binary carries, its own templates replacing the built-in ones file by file.
@Suite struct SiteSetupTests {
    let root: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-site-\(UUID().uuidString)").standardizedFileURL
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    func write(_ path: String, _ text: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    func writeStarter() throws {
        for (path, text) in SiteStarter.files { try write(path, text) }
    }

    @Test func theEmbeddedThemeIsTheThemeFolderByteForByte() throws {
        let folder = TestSite.repositoryRoot.appendingPathComponent("Sources/DossierTheme/Theme")
        var onDisk: [String: String] = [:]
        let walker = FileManager.default.enumerator(atPath: folder.path)!
        while let path = walker.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path, isDirectory: &isDirectory), !isDirectory.boolValue {
                onDisk[path] = try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
            }
        }
        #expect(onDisk.count >= 19)
        #expect(Dictionary(uniqueKeysWithValues: BuiltinTheme.files.map { ($0.path, $0.text) }) == onDisk)
        #expect(BuiltinTheme.files.map(\.path) == onDisk.keys.sorted())
    }

    @Test func theStarterSiteBuildsWithoutAWordAndShowsEveryKindOfAnnotation() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        try writeStarter()
        var diagnostics: [Diagnostic] = []
        let folders = try SiteFolders.locate(site: nil, content: nil, templates: nil, output: nil, workingDirectory: root)
        let tree = try folders.loader(displayRoot: root, allowsLinksInsideSite: false).load(diagnostics: &diagnostics)
        var options = BuildOptions()
        options.reviewsQuotes = true  // as `dossier check` does
        let build = SiteBuilder.build(tree, options: options)
        #expect((diagnostics + build.diagnostics).map(\.description) == [])
        let page = try #require(build.files.first { $0.path == "briefings/new-zealand-flag/index.html" }?.text)
        #expect(page.contains("class=\"anchor\""), "an anchored note")
        #expect(!page.contains("The current flag of New Zealand. The current"), "the caption deleted")
        #expect(page.contains("strong rationale"))
        #expect(build.files.contains { $0.path == "entities/john-key/index.html" })
        #expect(build.files.contains { $0.path == ".nojekyll" })
        #expect(build.files.contains { $0.path == "assets/favicon.svg" })
    }

    @Test func aSiteIsFoundFromAnyFolderInsideItOrNamedWithSite() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        try writeStarter()
        let deep = root.appendingPathComponent("Content/articles")
        let found = try SiteFolders.locate(site: nil, content: nil, templates: nil, output: nil, workingDirectory: deep)
        #expect(found.root.path == root.path)
        #expect(found.content.path == root.appendingPathComponent("Content").path)
        #expect(found.output.path == root.appendingPathComponent("Output").path)
        #expect(found.templates == nil)
        let elsewhere = FileManager.default.temporaryDirectory
        let named = try SiteFolders.locate(site: root.path, content: nil, templates: nil, output: "out", workingDirectory: elsewhere)
        #expect(named.root.path == root.path)
        #expect(named.output.path == elsewhere.appendingPathComponent("out").standardizedFileURL.path)
        #expect(throws: SiteFolders.LocateError.self) {
            try SiteFolders.locate(site: root.appendingPathComponent("missing").path, content: nil, templates: nil, output: nil, workingDirectory: elsewhere)
        }
        // --content alone: the site is the folder holding it, so Templates/ and Output/ sit beside it.
        let byContent = try SiteFolders.locate(site: nil, content: root.appendingPathComponent("Content").path, templates: nil, output: nil, workingDirectory: elsewhere)
        #expect(byContent.output.path == root.appendingPathComponent("Output").path)
    }

    @Test func aSitesTemplatesReplaceTheBuiltInOnesFileByFileAndTheirErrorsNameThem() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        try writeStarter()
        try write("Templates/assets/style.css", "body { color: teal; }\n")
        try write("Templates/partials/card.mustache", "<article>{{title}} {{nmae}}</article>\n")
        var diagnostics: [Diagnostic] = []
        let folders = try SiteFolders.locate(site: root.path, content: nil, templates: nil, output: nil, workingDirectory: root)
        let tree = try folders.loader(displayRoot: root, allowsLinksInsideSite: false).load(diagnostics: &diagnostics)
        #expect(tree.assets["assets/style.css"] == Array("body { color: teal; }\n".utf8))
        #expect(tree.assets["assets/search.js"] == Array(BuiltinTheme.files.first { $0.path == "assets/search.js" }!.text.utf8))
        #expect(tree.templates.first { $0.name == "partials/card" }?.file.path == "Templates/partials/card.mustache")
        #expect(tree.templates.first { $0.name == "layout" }?.file.path == "(built-in theme)/layout.mustache")
        let errors = SiteBuilder.build(tree, options: BuildOptions()).diagnostics.map(\.description)
        #expect(errors.first?.hasPrefix("Templates/partials/card.mustache:1:20: error: no field 'nmae'") == true, "\(errors)")
    }

    @Test func templatesNamedInSiteYmlMustExist() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        try writeStarter()
        try write("Content/site.yml", "title: T\ntemplates: theme/mine\n")
        let folders = try SiteFolders.locate(site: root.path, content: nil, templates: nil, output: nil, workingDirectory: root)
        #expect(folders.templates?.path == root.appendingPathComponent("theme/mine").path)
        var diagnostics: [Diagnostic] = []
        #expect(throws: LoadError.self) { try folders.loader(displayRoot: root, allowsLinksInsideSite: false).load(diagnostics: &diagnostics) }
        try write("theme/mine/partials/card.mustache", "<article>{{title}}</article>\n")
        let tree = try folders.loader(displayRoot: root, allowsLinksInsideSite: false).load(diagnostics: &diagnostics)
        #expect(tree.templates.first { $0.name == "partials/card" }?.file.path == "theme/mine/partials/card.mustache")
    }
}
