import Foundation
import Testing
@testable import DossierCore
@testable import DossierIO

@Suite struct LinkCheckTests {
    static func page(_ path: String, _ html: String) -> OutputFile { OutputFile(path: path, text: html) }

    @Test(arguments: [
        ("../../entities/a/", "entities/a/index.html", nil),
        ("#note-1", "briefings/x/index.html", "note-1"),
        ("index.json", "briefings/x/index.json", nil),
        ("./", "briefings/x/index.html", nil),
        ("../../", "index.html", nil),
        ("../../search/?q=a%20b#top", "search/index.html", "top"),
        ("/desk/tags/", "tags/index.html", nil),
        ("/desk/", "index.html", nil),
        ("../y/index.html#quote-2", "briefings/y/index.html", "quote-2"),
    ] as [(String, String, String?)])
    func resolvesRelativeLinks(href: String, path: String, fragment: String?) {
        guard case .target(let reference) = LinkCheck(basePath: "/desk/").resolve(href, from: "briefings/x/index.html") else {
            Issue.record("'\(href)' did not resolve")
            return
        }
        #expect(reference.path == path)
        #expect(reference.fragment == fragment)
    }

    @Test(arguments: ["https://example.org/", "mailto:desk@example.org", "//cdn.example.org/x.js", "data:,", ""])
    func externalLinksAreNotChecked(href: String) {
        guard case .external = LinkCheck().resolve(href, from: "index.html") else {
            Issue.record("'\(href)' should count as external")
            return
        }
    }

    @Test(arguments: ["../../../x/", "/elsewhere/"])
    func linksLeavingTheSiteAreErrors(href: String) {
        guard case .invalid = LinkCheck(basePath: "/desk/").resolve(href, from: "briefings/x/index.html") else {
            Issue.record("'\(href)' should be invalid")
            return
        }
    }

    @Test func brokenLinksAndFragmentsAreErrorsNamingPageAndTarget() {
        let files = [
            Self.page("index.html", """
                <!DOCTYPE html>
                <a href="briefings/x/">x</a> <a href="briefings/gone/">gone</a>
                <a href="#top" id="top">top</a> <a class="x" href="#nowhere">?</a>
                <a href="briefings/x/#note-1">n</a><a href="briefings/x/#note-9">n</a>
                """),
            Self.page("briefings/x/index.html", #"<aside id="note-1"></aside><a href="../../briefings/gone/">again</a><img src="../../assets/none.png" alt="">"#),
        ]
        let diagnostics = LinkCheck.check(files)
        // One error per target, at the first page (by path) that links there.
        #expect(diagnostics.map(\.description) == [
            "briefings/x/index.html:1:31: error: broken link '../../briefings/gone/' in briefings/x/index.html: no file 'briefings/gone/index.html' in the output\n"
                + "briefings/x/index.html:1:31: note: 1 more link to the same target",
            "briefings/x/index.html:1:74: error: broken link '../../assets/none.png' in briefings/x/index.html: no file 'assets/none.png' in the output",
            "index.html:3:46: error: broken link '#nowhere' in index.html: index.html has no element with id 'nowhere'",
            "index.html:4:39: error: broken link 'briefings/x/#note-9' in index.html: briefings/x/index.html has no element with id 'note-9'",
        ])
    }

    static let brokenSite = [
        page("index.html", """
            <!DOCTYPE html>
            <a href="briefings/x/">x</a> <a href="briefings/gone/">gone</a> <a href="tags">t</a>
            <a href="#top" id="top">top</a> <a class="x" href="#nowhere">?</a>
            <a href="briefings/x/#note-1">n</a><a href="briefings/x/#note-9">n</a><a href="briefings/x/#note-9">again</a>
            """),
        page("briefings/x/index.html", #"<aside id="note-1"></aside><a href="../../briefings/gone/">again</a><img src="../../assets/none.png" alt=""><a href="../../briefings/gone/?q=1#a">b</a>"#),
        page("briefings/y/index.html", #"<a href="../x/index.html#note-9">n</a> <a href="../gone/">gone</a> <a href="/elsewhere/">out</a>"#),
        page("tags/index.html", ""),
    ]

    @Test func trackingGivesTheDiagnosticsOfACleanCheck() {
        var tracking = LinkCheck(tracksIncoming: true)
        tracking.update(Self.brokenSite.map(tracking.scan))
        let clean = LinkCheck.check(Self.brokenSite).map(\.description)
        #expect(clean.count == 7)
        #expect(tracking.diagnostics().map(\.description) == clean)
    }

    @Test func trackingReverifiesPagesLinkingToFilesThatComeAndGo() {
        var tracking = LinkCheck(tracksIncoming: true)
        tracking.update(Self.brokenSite.map(tracking.scan))
        let gone = Self.page("briefings/gone/index.html", #"<p id="a">here</p>"#)
        let fixed = Self.page("briefings/x/index.html", #"<aside id="note-1"></aside><aside id="note-9"></aside><a href="../../briefings/gone/?q=1#a">b</a>"#)
        tracking.update([gone, fixed].map(tracking.scan))
        // Only `tags` (no slash), `#nowhere` and the link outside the base path remain.
        #expect(tracking.diagnostics().map(\.description) == LinkCheck.check(Self.brokenSite.filter { $0.path != fixed.path } + [gone, fixed]).map(\.description))
        #expect(tracking.diagnostics().count == 3)
        tracking.update([], removed: [gone.path, "never/there.html"])
        let all = Self.brokenSite.filter { $0.path != fixed.path } + [fixed]
        #expect(tracking.diagnostics().map(\.description) == LinkCheck.check(all).map(\.description))
        #expect(tracking.diagnostics().count == 5)
    }

    @Test func folderLinkWithoutSlashSuggestsTheSlash() {
        let diagnostics = LinkCheck.check([Self.page("index.html", #"<a href="tags">t</a>"#), Self.page("tags/index.html", "")])
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.notes == ["did you mean 'tags/'?"])
    }

    static func files(_ site: TestSite) -> (files: [OutputFile], result: SiteBuilder.Build) {
        let result = SiteBuilder.build(site.tree)
        return (result.files, result)
    }

    @Test func sampleSiteHasNoBrokenLinks() throws {
        let (files, result) = Self.files(TestSite.sample)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(files.contains { $0.path == "search/index.html" })
        #expect(LinkCheck.check(files, basePath: "/desk/").isEmpty)
    }

    @Test func brokenLinkInAnnotationFailsTheCheck() {
        var site = TestSite.sample
        site.annotations["talks.md"]! += "\n\nSee [the harbour](../harbor/) and [note](#note-7).\n"
        let (files, result) = Self.files(site)
        // The build's own link check finds them, as an independent check of its files does.
        #expect(LinkCheck.check(files, basePath: "/desk/").map(\.description) == result.diagnostics.map(\.description))
        #expect(result.diagnostics.map(\.message) == [
            "broken link '../harbor/' in briefings/talks/index.html: no file 'briefings/harbor/index.html' in the output",
            "broken link '#note-7' in briefings/talks/index.html: briefings/talks/index.html has no element with id 'note-7'",
        ])
    }

    @Test func indexPaginatesByTheConfiguredPageSize() throws {
        var site = TestSite.sample
        site.site += "paginate: 1\n"
        site.articles["third.txt"] = "---\npublished: 2020-01-01\n---\nThird story\n\nText.\n"
        let (files, result) = Self.files(site)
        let paths = Set(files.map(\.path))
        #expect(paths.isSuperset(of: ["index.html", "page/2/index.html", "page/3/index.html"]))
        #expect(!paths.contains("page/4/index.html"))
        let page2 = try #require(files.first { $0.path == "page/2/index.html" }?.text)
        #expect(page2.contains(#"<a rel="prev" href="../../">← Newer</a>"#))
        #expect(page2.contains(#"<a rel="next" href="../../page/3/">Older →</a>"#))
        #expect(page2.contains(#"href="../../briefings/"#))
        #expect(LinkCheck.check(files, basePath: "/desk/").isEmpty)
    }

    @Test func longTagAndEntityListsPaginateByAHundred() throws {
        var site = TestSite()
        site.entities["valdora.md"] = "---\nname: Valdora\nkind: place\n---\n"
        for i in 0..<(SitePlanner.listPageSize + 1) {
            let name = String(format: "story-%03d", i)
            site.articles["\(name).txt"] = "Story \(i) in Valdora\n\nValdora again.\n"
            site.annotations["\(name).md"] = "---\ntags: [busy]\n---\nA note.\n"
        }
        let (files, _) = Self.files(site)
        let paths = Set(files.map(\.path))
        #expect(paths.isSuperset(of: ["tags/busy/index.html", "tags/busy/page/2/index.html", "entities/valdora/page/2/index.html"]))
        #expect(!paths.contains("tags/busy/page/3/index.html"))
        let last = try #require(files.first { $0.path == "tags/busy/page/2/index.html" }?.text)
        #expect(last.components(separatedBy: "class=\"row-title\"").count - 1 == 1)
        #expect(LinkCheck.check(files, basePath: "/desk/").isEmpty)
    }

    @Test func writerRefusesToPublishASiteWithBrokenLinks() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-linkcheck-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("Output")
        let writer = OutputWriter(outputDirectory: output)
        try writer.write([Self.page("index.html", "<p>first build</p>")])

        var check = LinkCheck()
        let page = Self.page("index.html", #"<a href="missing/">x</a>"#)
        let published = try writer.write { staging in
            try staging.write([page])
            check.update([check.scan(page)])
            return !check.diagnostics().hasErrors
        }
        #expect(!published)
        let kept = try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(kept == "<p>first build</p>")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).sorted() == ["Output"])
    }
}
