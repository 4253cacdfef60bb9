import DossierCore
import DossierIO
import DossierServer
import Foundation
import Testing

/// A copy of the repository's demo site in a temporary folder, with the built-in theme's files as
/// its own `Templates/` (so tests can edit them), edited the way a user would.
final class ScratchSite {
    let root: URL
    var content: URL { root.appendingPathComponent("Content") }
    var templates: URL { root.appendingPathComponent("Templates") }
    var loader: ContentLoader { ContentLoader(contentDirectory: content, templatesDirectory: templates, displayRoot: root) }

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for (from, to) in [("Content", "Content"), ("Sources/DossierTheme/Theme", "Templates")] {
            try FileManager.default.copyItem(at: Self.repository.appendingPathComponent(from), to: root.appendingPathComponent(to))
        }
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    func url(_ path: String) -> URL { root.appendingPathComponent(path) }

    func text(_ path: String) throws -> String { try String(contentsOf: url(path), encoding: .utf8) }

    /// Saves like an editor that writes a temporary file and renames it over the original.
    func save(_ path: String, _ text: String) throws {
        let temporary = url(path).deletingLastPathComponent().appendingPathComponent(".\(url(path).lastPathComponent).swp-tmp")
        try text.write(to: temporary, atomically: false, encoding: .utf8)
        _ = rename(temporary.path, url(path).path)
    }

    func edit(_ path: String, _ change: (String) -> String) throws -> Set<String> {
        try save(path, change(try text(path)))
        return [url(path).standardizedFileURL.path]
    }

    /// What a clean full build of the folder produces.
    func cleanBuild(options: BuildOptions) throws -> [String: [UInt8]] {
        var diagnostics: [Diagnostic] = []
        let tree = try loader.load(diagnostics: &diagnostics)
        let result = SiteBuilder.build(tree, options: options)
        #expect(result.succeeded, "\(result.diagnostics)")
        return Dictionary(uniqueKeysWithValues: result.files.map { ($0.path, $0.bytes) })
    }
}

@Suite struct IncrementalBuildTests {
    let options = BuildOptions(baseURL: "http://127.0.0.1:8000/")

    func expectSameAsCleanBuild(_ session: PreviewSession, _ site: ScratchSite, _ step: String) throws {
        let clean = try site.cleanBuild(options: options)
        #expect(session.store.paths == clean.keys.sorted(), "\(step): different files")
        for (path, bytes) in clean where session.store.file(at: path)?.contents != bytes {
            Issue.record("\(step): \(path) differs from a clean build")
        }
    }

    @Test func editsGiveTheSameSiteAsACleanBuild() async throws {
        let site = try ScratchSite()
        let session = try PreviewSession(loader: site.loader, options: options)
        try expectSameAsCleanBuild(session, site, "initial")
        let total = await session.files.count
        // Every page carries the layout (the search index's shards and results are scripts).
        let pages = await session.files.keys.filter { $0.hasSuffix(".html") }.count

        // Edit an annotation's prose so that it newly mentions an entity.
        var report = try await session.rebuild(changed: site.edit("Content/annotations/syria-withdrawal.md") {
            $0 + "\nThe move pleased Moscow and the Taliban alike; see also Jordan.\n"
        })
        #expect(report.update.analysedBriefings == 1)
        #expect(report.update.changed.contains("briefings/syria-withdrawal/index.html"))
        #expect(report.update.changed.count < total / 4, "\(report.update.changed)")
        try expectSameAsCleanBuild(session, site, "edit annotation")

        // Add an entity alias.
        report = try await session.rebuild(changed: site.edit("Content/entities/russia.md") {
            $0.replacingOccurrences(of: "aliases: []", with: "aliases: [Moscow]")
        })
        try expectSameAsCleanBuild(session, site, "add alias")

        // Edit an entity's description: only pages showing it change.
        report = try await session.rebuild(changed: site.edit("Content/entities/russia.md") {
            $0.replacingOccurrences(of: "description: Transcontinental country", with: "description: Large transcontinental country")
        })
        #expect(report.update.analysedBriefings < 11)
        try expectSameAsCleanBuild(session, site, "edit entity description")

        // Delete an article and its annotation.
        try FileManager.default.removeItem(at: site.url("Content/articles/ozone-crops.txt"))
        try FileManager.default.removeItem(at: site.url("Content/annotations/ozone-crops.md"))
        report = try await session.rebuild(changed: [site.url("Content/articles/ozone-crops.txt").path, site.url("Content/annotations/ozone-crops.md").path])
        #expect(report.update.removed.contains("briefings/ozone-crops/index.html"))
        try expectSameAsCleanBuild(session, site, "delete article")

        // Rename an article and its annotation.
        try FileManager.default.moveItem(at: site.url("Content/articles/hajj-stampede.txt"), to: site.url("Content/articles/hajj-crush.txt"))
        report = try await session.rebuild(changed: [site.url("Content/articles/hajj-stampede.txt").path, site.url("Content/articles/hajj-crush.txt").path])
        try expectSameAsCleanBuild(session, site, "rename article")
        try FileManager.default.moveItem(at: site.url("Content/annotations/korea-quasi-war.md"), to: site.url("Content/annotations/korea.md"))
        _ = try site.edit("Content/annotations/korea.md") { $0.replacingOccurrences(of: "---\n", with: "---\narticle: korea-quasi-war.txt\n", options: .anchored) }
        report = try await session.rebuild(changed: [site.url("Content/annotations/korea-quasi-war.md").path, site.url("Content/annotations/korea.md").path])
        try expectSameAsCleanBuild(session, site, "rename annotation")

        // Edit a template.
        report = try await session.rebuild(changed: site.edit("Templates/partials/row.mustache") { $0 + "<!-- row -->\n" })
        try expectSameAsCleanBuild(session, site, "edit template")
        report = try await session.rebuild(changed: site.edit("Templates/layout.mustache") { $0.replacingOccurrences(of: "{{page.t.builtWith}}", with: "{{page.t.builtWith}}, edited") })
        #expect(report.update.changed.count > pages / 2, "every page uses the layout")
        try expectSameAsCleanBuild(session, site, "edit layout")

        // A broken anchor fails the rebuild; the last good site stays, and fixing it recovers.
        let before = session.store.file(at: "briefings/syria-withdrawal/index.html")?.contents
        report = try await session.rebuild(changed: site.edit("Content/annotations/syria-withdrawal.md") { $0 + "\n### \"no such phrase anywhere\"\nNote.\n" })
        #expect(report.diagnostics.hasErrors)
        #expect(session.store.currentFailure?.contains("no such phrase anywhere") == true)
        #expect(session.store.file(at: "briefings/syria-withdrawal/index.html")?.contents == before)
        report = try await session.rebuild(changed: site.edit("Content/annotations/syria-withdrawal.md") { $0.replacingOccurrences(of: "\n### \"no such phrase anywhere\"\nNote.\n", with: "") })
        #expect(!report.diagnostics.hasErrors)
        #expect(session.store.currentFailure == nil)
        try expectSameAsCleanBuild(session, site, "recovered")

        // A broken link fails the rebuild as it fails `dossier build`, at the page and column.
        report = try await session.rebuild(changed: site.edit("Content/annotations/syria-withdrawal.md") { $0 + "\nSee [the harbour](../harbour/).\n" })
        #expect(report.diagnostics.map(\.message).contains(
            "broken link '../harbour/' in briefings/syria-withdrawal/index.html: no file 'briefings/harbour/index.html' in the output"))
        #expect(session.store.currentFailure?.contains("../harbour/") == true)
        #expect(session.store.file(at: "briefings/syria-withdrawal/index.html")?.contents == before)
        report = try await session.rebuild(changed: site.edit("Content/annotations/syria-withdrawal.md") { $0.replacingOccurrences(of: "\nSee [the harbour](../harbour/).\n", with: "") })
        #expect(!report.diagnostics.hasErrors)
        try expectSameAsCleanBuild(session, site, "broken link fixed")

        // A page that links to one that goes away fails: the pages linking to a removed file are verified again.
        try FileManager.default.removeItem(at: site.url("Content/entities/russia.md"))
        report = try await session.rebuild(changed: [site.url("Content/entities/russia.md").path])
        try expectSameAsCleanBuild(session, site, "entity removed")
    }

    @Test func nothingChangedRendersNothing() async throws {
        let site = try ScratchSite()
        let session = try PreviewSession(loader: site.loader, options: options)
        let report = try await session.rebuild(changed: [site.url("Content/articles/syria-withdrawal.txt").path])
        #expect(report.update.analysedBriefings == 0)
        #expect(report.update.renderedJobs == 0)
        #expect(report.update.changed.isEmpty)
    }
}

@Suite struct LiveSourceTreeTests {
    @Test func editsAreReadInPlaceAndPassingFilesIgnored() throws {
        let site = try ScratchSite()
        var live = try LiveSourceTree(loader: site.loader)
        let before = live.tree.annotations.map(\.path)

        // An editor's probe file that comes and goes, next to a real save.
        let probe = site.url("Content/annotations/4913")
        try "x".write(to: probe, atomically: false, encoding: .utf8)
        try FileManager.default.removeItem(at: probe)
        var changed = try site.edit("Content/annotations/syria-withdrawal.md") { $0 + "\nEdited.\n" }
        changed.insert(probe.path)
        try live.refresh(changed: changed)
        #expect(live.tree.annotations.map(\.path) == before)
        #expect(live.tree.annotations.first { $0.path.hasSuffix("syria-withdrawal.md") }?.text.hasSuffix("\nEdited.\n") == true)
        #expect(live.diagnostics.isEmpty)

        // A stray file that stays is reported, and forgotten once deleted.
        let stray = site.url("Content/articles/notes.doc")
        try "x".write(to: stray, atomically: false, encoding: .utf8)
        try live.refresh(changed: [stray.path])
        #expect(live.diagnostics.map(\.message) == ["ignoring 'notes.doc': files in articles/ must end in .txt"])
        try FileManager.default.removeItem(at: stray)
        try live.refresh(changed: [stray.path])
        #expect(live.diagnostics.isEmpty)

        // A new article is listed.
        let added = site.url("Content/articles/new-one.txt")
        try "New one\n\nText.\n".write(to: added, atomically: false, encoding: .utf8)
        try live.refresh(changed: [added.path])
        #expect(live.tree.articles.contains { $0.path.hasSuffix("articles/new-one.txt") })
    }

    /// A folder created inside articles/ is reported as a fresh load reports it.
    @Test func aNewFolderIsReportedLikeAFreshLoad() throws {
        let site = try ScratchSite()
        var live = try LiveSourceTree(loader: site.loader)
        let folder = site.url("Content/articles/old-stuff")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
        try live.refresh(changed: [folder.path])
        let fresh = try LiveSourceTree(loader: site.loader)
        #expect(!fresh.diagnostics.isEmpty)
        #expect(live.diagnostics.map(\.description) == fresh.diagnostics.map(\.description))
    }
}
