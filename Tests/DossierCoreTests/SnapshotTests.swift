import DossierIO
import Foundation
import Testing
@testable import DossierCore

/// Tier 3: the seed briefing as a fixture site on disk, loaded by the real loader, compared with
/// golden output that was reviewed by eye.
@Suite struct SnapshotTests {
    static func fixtureSite(_ name: String) throws -> SourceTree {
        let fixtures = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        let content = fixtures.appendingPathComponent("sites").appendingPathComponent(name)
        let loader = ContentLoader(contentDirectory: content, templatesDirectory: nil,
                                   displayRoot: content.deletingLastPathComponent())
        var diagnostics: [Diagnostic] = []
        let tree = try loader.load(diagnostics: &diagnostics)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        return tree
    }

    @Test func seedBriefingPage() throws {
        let files = SiteBuilder.build(try Self.fixtureSite("seed")).files
        let byPath = Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0.text) })
        assertSnapshot(try #require(byPath["briefings/syria-withdrawal/index.html"]), named: "seed/briefing.html")
        assertSnapshot(try #require(byPath["briefings/syria-withdrawal/index.json"]), named: "seed/briefing.json")
        assertSnapshot(try #require(byPath["feed.xml"]), named: "seed/feed.xml")
        // Fails on missing and on unexpected output files.
        assertSnapshot(files.map(\.path).sorted().joined(separator: "\n") + "\n", named: "seed/files.txt")
    }
}
