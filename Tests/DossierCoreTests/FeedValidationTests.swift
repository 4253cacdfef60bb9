import Foundation
import Testing
@testable import DossierCore

/// Feed and sitemap against their published schemas, with the real validator (`xmllint`, from
/// Debian's libxml2-utils). A missing validator fails the test: it never silently passes.
@Suite struct FeedValidationTests {
    static let schemas = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/schemas")

    static var xmllint: String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/xmllint" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs xmllint on `text` with `--relaxng` or `--schema`; returns its exit status and output.
    static func validate(_ text: String, _ option: String, _ schema: String) throws -> (status: Int32, output: String)? {
        guard let xmllint else {
            Issue.record("xmllint not found on PATH: install it with `apt-get install libxml2-utils` (scripts/setup and .ci/validate do)")
            return nil
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-\(UUID().uuidString).xml")
        try Data(text.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: xmllint)
        process.arguments = ["--noout", option, schemas.appendingPathComponent(schema).path, file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }

    /// The sample site plus awkward text: markup characters, an undated briefing, a control character.
    static var site: TestSite {
        var site = TestSite.sample
        site.site = "title: \"Desk <&> 'Quotes'\"\ndescription: A & B\nbase_url: https://example.org/desk/\nauthor: Ed \"Desk\"\nlanguage: en-GB\n"
        site.articles["odd.txt"] = "Odd <b>headline</b> & \u{0007}bell\n\nText.\n"
        return site
    }

    @Test(arguments: [("feed.xml", "--relaxng", "atom.rng"), ("sitemap.xml", "--schema", "sitemap.xsd")])
    func outputValidatesAgainstItsSchema(file: String, option: String, schema: String) throws {
        let (files, diagnostics) = Self.site.build()
        #expect(!diagnostics.hasErrors, "\(diagnostics)")
        let text = try #require(files[file])
        guard let (status, output) = try Self.validate(text, option, schema) else { return }
        #expect(status == 0, "\(file) does not validate against \(schema):\n\(output)")
    }

    @Test func emptySiteFeedValidates() throws {
        var site = TestSite()
        site.site += "author: Desk\n"
        let (files, _) = site.build()
        for (file, option, schema) in [("feed.xml", "--relaxng", "atom.rng"), ("sitemap.xml", "--schema", "sitemap.xsd")] {
            guard let (status, output) = try Self.validate(try #require(files[file]), option, schema) else { return }
            #expect(status == 0, "\(file):\n\(output)")
        }
    }

    /// The schema really checks: a feed without its required `id` fails.
    @Test func validatorRejectsAnInvalidFeed() throws {
        let feed = try #require(Self.site.build().files["feed.xml"])
        let broken = feed.replacingOccurrences(of: "<id>https://example.org/desk/</id>", with: "")
        #expect(broken != feed)
        guard let (status, _) = try Self.validate(broken, "--relaxng", "atom.rng") else { return }
        #expect(status != 0)
    }

    @Test func feedUsesAbsoluteURLsAndContentDates() throws {
        let feed = try #require(TestSite.sample.build().files["feed.xml"])
        #expect(feed.contains(#"<link rel="alternate" type="text/html" href="https://example.org/desk/briefings/talks/"/>"#))
        #expect(feed.contains("<updated>2024-03-03T00:00:00Z</updated>"))
        #expect(feed.contains("<summary>The first meeting in a year; both sides call it constructive.</summary>"))
        // Identical input, identical bytes: no build clock anywhere.
        #expect(feed == TestSite.sample.build().files["feed.xml"])
    }
}
