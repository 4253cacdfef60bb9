import DossierIO
import Foundation
import Testing
@testable import DossierCore

/// The loader reads only regular files inside their folder, and reads every line ending alike.
@Suite struct ContentLoaderSafetyTests {
    let root: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-loader-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url.appendingPathComponent("Content/articles"), withIntermediateDirectories: true)
        try! FileManager.default.createDirectory(at: url.appendingPathComponent("Templates/assets"), withIntermediateDirectories: true)
        try! "title: T\n".write(to: url.appendingPathComponent("Content/site.yml"), atomically: true, encoding: .utf8)
        return url
    }()

    func loader(allowingSiteLinks: Bool = false) -> ContentLoader {
        ContentLoader(contentDirectory: root.appendingPathComponent("Content"), templatesDirectory: root.appendingPathComponent("Templates"),
                      displayRoot: root, allowsLinksInsideSite: allowingSiteLinks)
    }

    func load(allowingSiteLinks: Bool = false) throws -> (SourceTree, [String]) {
        var diagnostics: [Diagnostic] = []
        let tree = try loader(allowingSiteLinks: allowingSiteLinks).load(diagnostics: &diagnostics)
        return (tree, diagnostics.map { String($0.description.prefix { $0 != "\n" }) })
    }

    func link(_ path: String, to target: String) throws {
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent(path).path, withDestinationPath: target)
    }

    @Test func aLinkLeavingItsFolderIsALocatedErrorAndItsTextIsNeverRead() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        try link("Content/articles/leak.txt", to: "/etc/passwd")
        try link("Templates/assets/env.css", to: "/proc/self/environ")
        let (tree, diagnostics) = try load()
        #expect(tree.articles.isEmpty)
        #expect(tree.assets["assets/env.css"] == nil)
        #expect(diagnostics.contains("Content/articles/leak.txt:1:1: error: refusing to read a link to '/etc/passwd', outside Content/"))
        #expect(diagnostics.contains { $0.hasPrefix("Templates/assets/env.css:1:1: error: refusing to read a link to '/proc/") })
    }

    @Test func linksInsideTheFolderAreReadAndTheFlagAllowsTheRestOfTheSite() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        try "Headline\n\nText.\n".write(to: root.appendingPathComponent("Content/articles/a.txt"), atomically: true, encoding: .utf8)
        try "Elsewhere\n\nText.\n".write(to: root.appendingPathComponent("shared.txt"), atomically: true, encoding: .utf8)
        try link("Content/articles/b.txt", to: "a.txt")
        try link("Content/articles/c.txt", to: "../../shared.txt")
        try link("Content/articles/d.txt", to: "/etc/hostname")

        let (strict, strictDiagnostics) = try load()
        #expect(strict.articles.map(\.path) == ["Content/articles/a.txt", "Content/articles/b.txt"])
        #expect(strictDiagnostics.filter { $0.contains("error:") }.count == 2)

        let (allowed, allowedDiagnostics) = try load(allowingSiteLinks: true)
        #expect(allowed.articles.map(\.path) == ["Content/articles/a.txt", "Content/articles/b.txt", "Content/articles/c.txt"])
        #expect(allowed.articles.last?.text == "Elsewhere\n\nText.\n")
        #expect(!allowedDiagnostics.contains { $0.contains("error:") })
        #expect(allowedDiagnostics.contains("Content/articles/d.txt:1:1: warning: skipped: it links to '/etc/hostname', outside the site"))
    }

    @Test func fifosAreRefusedWithoutBlocking() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(mkfifo(root.appendingPathComponent("Content/articles/pipe.txt").path, 0o644) == 0)
        let (tree, diagnostics) = try load()
        #expect(tree.articles.isEmpty)
        #expect(diagnostics.contains("Content/articles/pipe.txt:1:1: error: not a regular file (a FIFO)"))
    }

    @Test func aFolderLinkedToItselfIsNotFollowed() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        try "p { }".write(to: root.appendingPathComponent("Templates/assets/site.css"), atomically: true, encoding: .utf8)
        try link("Templates/assets/loop", to: ".")
        try link("Templates/loop2", to: "..")
        let (tree, diagnostics) = try load()
        #expect(tree.assets.keys.sorted() == ["assets/favicon.svg", "assets/search.js", "assets/site.css", "assets/style.css"], "the built-in ones and site.css")
        #expect(diagnostics.contains("Templates/assets/loop:1:1: warning: not following 'loop': it is a symbolic link to a folder"))
    }

    /// The seed site with every file in CRLF, and again in CR, builds byte for byte like the LF original.
    @Test(arguments: ["\r\n", "\r"]) func otherLineEndingsBuildTheSameSite(_ ending: String) throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let original = try SnapshotTests.fixtureSite("seed")
        var converted = original
        for keyPath in [\SourceTree.articles, \.annotations, \.entities] {
            converted[keyPath: keyPath] = original[keyPath: keyPath].map { file in
                var file = file
                file.text = file.text.replacingOccurrences(of: "\n", with: ending)
                return file
            }
        }
        // Through the loader, as a Windows checkout would be read.
        let content = root.appendingPathComponent("Content")
        for file in converted.articles + converted.annotations + converted.entities {
            let relative = file.path.split(separator: "/").suffix(2).joined(separator: "/")
            let url = content.appendingPathComponent(relative)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(file.text.utf8).write(to: url)
        }
        try Data(original.siteConfig!.text.replacingOccurrences(of: "\n", with: ending).utf8).write(to: content.appendingPathComponent("site.yml"))
        let loader = ContentLoader(contentDirectory: content, templatesDirectory: nil,
                                   displayRoot: root)
        var diagnostics: [Diagnostic] = []
        let loaded = try loader.load(diagnostics: &diagnostics)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(loaded.annotations.allSatisfy { !$0.text.contains("\r") })

        let expected = SiteBuilder.build(original)
        let actual = SiteBuilder.build(loaded)
        #expect(actual.diagnostics.map(\.message) == expected.diagnostics.map(\.message))
        let notes = try #require(expected.site?.briefings.first?.notes.count)
        #expect(notes > 0 && actual.site?.briefings.first?.notes.count == notes, "every anchored note kept")
        let expectedFiles = Dictionary(uniqueKeysWithValues: expected.files.map { ($0.path, $0.bytes) })
        for file in actual.files { #expect(expectedFiles[file.path] == file.bytes, "\(file.path)") }
        #expect(actual.files.count == expectedFiles.count)
    }

    @Test func staticFilesAreReadHiddenOnesIncludedAndLinksOutRefused() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let statics = root.appendingPathComponent("static")
        try FileManager.default.createDirectory(at: statics.appendingPathComponent(".well-known"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: statics.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try Data("example.org\n".utf8).write(to: statics.appendingPathComponent("CNAME"))
        try Data().write(to: statics.appendingPathComponent(".nojekyll"))
        try Data("Contact: x\n".utf8).write(to: statics.appendingPathComponent(".well-known/security.txt"))
        try Data("[core]".utf8).write(to: statics.appendingPathComponent(".git/config"))
        try link("static/secrets.txt", to: "/etc/hostname")
        let (tree, diagnostics) = try load()
        #expect(tree.staticFiles.keys.sorted() == [".nojekyll", ".well-known/security.txt", "CNAME"])
        #expect(tree.staticFiles["CNAME"] == StaticFile(source: "static/CNAME", bytes: Array("example.org\n".utf8)))
        #expect(diagnostics.contains("static/secrets.txt:1:1: error: refusing to read a link to '/etc/hostname', outside static/"))
    }
}
