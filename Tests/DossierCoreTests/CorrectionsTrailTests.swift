import DossierIO
import Foundation
import Testing
@testable import DossierCore

/// SHA-256 against the published test vectors (FIPS 180-2 appendix B) and digests from `sha256sum`.
@Suite struct SHA256Tests {
    @Test(arguments: [
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        // Padding edges: 55 bytes fit one block, 56 need two, 64 fill one exactly.
        (String(repeating: "a", count: 55), "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"),
        (String(repeating: "a", count: 56), "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"),
        (String(repeating: "a", count: 64), "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"),
        ("Ünïcödé “q”", "6ccf94ebe9f208313ae64213f1fdaae35e1dc4b786e755f78d981c9333ef9258"),
    ])
    func knownDigests(text: String, digest: String) {
        #expect(SHA256.hex(text) == digest)
    }

    @Test func oneMillionAs() {
        var hash = SHA256()
        let chunk = [UInt8](repeating: UInt8(ascii: "a"), count: 1000)
        for _ in 0..<1000 { hash.update(chunk) }
        let hex = hash.finalize().map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
        #expect(hex == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }
}

/// The corrections trail: deletions marked in the text, the corrections listed on the page with
/// their notes, and `index.json` carrying them with their places and the article's digest.
@Suite struct CorrectionsTrailTests {
    /// Exactly the bytes whose digest `sha256sum` gave below.
    static let article = [
        "Damaged headline", "",
        "Troops were deployed to in 2014 by the Islamic State () terror group.", "",
        "READ MORE:", "",
        "The Trmup plan <script>alert(1)</script> stands.", "",
    ].joined(separator: "\n")
    static let articleSHA256 = "bade6f62a8899163413cf9ed87f839306b4cdce28760e32509ecf6c7026a7641"

    static var site: TestSite {
        var site = TestSite()
        site.site = "title: Test Desk\nbase_url: https://example.org/desk/\nauthor: Desk Author\n"
        site.articles["trail.txt"] = article
        site.annotations["trail.md"] = #"""
            ---
            title: Trail test
            source: Wire
            published: 2024-03-02
            briefed: 2024-03-03
            corrections:
              - {find: "deployed to in 2014", replace: "deployed to [Syria] in 2014", note: "The place name was lost in scraping."}
              - {find: "Islamic State () terror", replace: "Islamic State terror"}
              - {find: "READ MORE:", replace: ""}
              - find: "Trmup plan <script>alert(1)</script>"
                replace: "Trump plan <img src=x onerror=alert(2)>"
                note: "<script>alert(\"n\")</script> & \"q\""
            ---
            **Bottom line:** a test.
            """#
        return site
    }

    static func built() throws -> [String: String] {
        let (files, diagnostics) = site.build()
        #expect(!diagnostics.contains { $0.severity == .error }, "\(diagnostics.map(\.description))")
        return files
    }

    @Test func deletionsAreMarkedWhereTheTextWas() throws {
        let html = try #require(try Self.built()["briefings/trail/index.html"])
        // `()` deleted between the words it sat between, labelled for screen readers.
        #expect(html.contains(##"Islamic State <del class="correction" title="Deleted by correction 2"><span class="visually-hidden">deleted: </span>() <span class="visually-hidden"> end of deletion</span></del>terror"##))
        // The paragraph the correction emptied stays, deleted, with its number.
        #expect(html.contains(##"<p id="p2" class="deleted-paragraph"><del class="correction" title="Deleted by correction 3"><span class="visually-hidden">deleted: </span>READ MORE:"##))
        // Insertions stay editorial insertions; a misspelling fixed is the word deleted and the word inserted.
        #expect(html.contains(##"deployed to <ins class="editorial" title="Editorial insertion">[Syria]</ins> in 2014"##))
        #expect(html.contains(##"The <del class="correction" title="Deleted by correction 4"><span class="visually-hidden">deleted: </span>Trmup plan &lt;script&gt;alert(1)&lt;/script&gt;<span class="visually-hidden"> end of deletion</span></del><ins class="correction" title="Changed by correction 4">Trump plan &lt;img src=x onerror=alert(2)&gt;</ins> stands."##))
        // The reader switches between the versions without a script.
        #expect(html.contains(##"<input type="radio" name="trail-view" id="trail-received" value="received">"##))
        #expect(html.contains(##"<input type="radio" name="trail-view" id="trail-corrected" value="corrected" checked>"##))
        #expect(!html.contains("<script>alert"))
    }

    @Test func thePageListsTheCorrectionsWithTheirNotes() throws {
        let html = try #require(try Self.built()["briefings/trail/index.html"])
        #expect(html.contains(##"<h2 id="corrections-heading">Corrections <span class="count">(4 corrections)</span></h2>"##))
        #expect(html.contains(##"<li id="correction-1">"##))
        #expect(html.contains(##"<dt>As received</dt><dd><del class="trail-find">deployed to in 2014</del></dd>"##))
        #expect(html.contains(##"<dt>Corrected to</dt><dd><ins class="trail-replace">deployed to [Syria] in 2014</ins></dd>"##))
        #expect(html.contains(##"<dt>Why</dt><dd class="trail-note">The place name was lost in scraping.</dd>"##))
        #expect(html.contains(##"<dt>Corrected to</dt><dd><span class="trail-deleted">Deleted</span></dd>"##))
        #expect(html.contains(##"<a href="#p2">paragraph 2</a>"##))
    }

    @Test func hostileTextInACorrectionIsEscapedEverywhere() throws {
        let files = try Self.built()
        let html = try #require(files["briefings/trail/index.html"])
        #expect(!html.contains("<script>alert"))
        #expect(!html.contains("<img src=x"))
        #expect(html.contains(##"<del class="trail-find">Trmup plan &lt;script&gt;alert(1)&lt;/script&gt;</del>"##))
        #expect(html.contains(##"<ins class="trail-replace">Trump plan &lt;img src=x onerror=alert(2)&gt;</ins>"##))
        #expect(html.contains(##"<dd class="trail-note">&lt;script&gt;alert(&quot;n&quot;)&lt;/script&gt; &amp; &quot;q&quot;</dd>"##))
        let json = try #require(files["briefings/trail/index.json"])
        #expect(!json.contains("<script>"))
        #expect(json.contains(#""note": "\u003cscript\u003ealert(\"n\")\u003c/script\u003e \u0026 \"q\"""#))
    }

    @Test func indexJSONCarriesTheCorrectionsAndTheDigestAsReceived() throws {
        let json = try #require(try Self.built()["briefings/trail/index.json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        // The digest `sha256sum` gives for the article's bytes.
        #expect(object["sha256"] as? String == Self.articleSHA256)
        let corrections = try #require(object["corrections"] as? [[String: Any]])
        #expect(corrections.map { $0["find"] as? String } == ["deployed to in 2014", "Islamic State () terror", "READ MORE:", "Trmup plan <script>alert(1)</script>"])
        #expect(corrections.map { $0["replace"] as? String } == ["deployed to [Syria] in 2014", "Islamic State terror", "", "Trump plan <img src=x onerror=alert(2)>"])
        #expect(corrections[0]["note"] as? String == "The place name was lost in scraping.")
        #expect(corrections[1]["note"] is NSNull)
        func place(_ n: Int) throws -> [String: Any] { try #require((corrections[n]["where"] as? [[String: Any]])?.first) }
        func span(_ p: [String: Any], _ key: String) -> [Int?] {
            let s = p[key] as? [String: Any]
            return [s?["start"] as? Int, s?["end"] as? Int]
        }
        // Counted by hand in "Troops were deployed to in 2014 by the Islamic State () terror group.".
        let first = try place(0), second = try place(1), third = try place(2)
        #expect([first["paragraph"], first["line"], first["column"]] as? [Int] == [1, 3, 13])
        #expect(span(first, "received") == [12, 31] && span(first, "corrected") == [12, 39])
        #expect([second["paragraph"], second["line"], second["column"]] as? [Int] == [1, 3, 40])
        #expect(span(second, "received") == [39, 62] && span(second, "corrected") == [47, 67])
        #expect([third["paragraph"], third["line"], third["column"]] as? [Int] == [2, 5, 1])
        #expect(span(third, "received") == [0, 10] && span(third, "corrected") == [0, 0])
    }

    /// The digest is of the text as loaded: a CRLF file hashes like its LF twin.
    @Test func theDigestIgnoresLineEndings() {
        let crlf = SourceText.normalized(Self.article.replacingOccurrences(of: "\n", with: "\r\n"), path: "a.txt").text
        var diagnostics: [Diagnostic] = []
        let article = ArticleParser.parse(SourceFile(path: "Content/articles/a.txt", text: crlf), diagnostics: &diagnostics)
        #expect(article?.sha256 == Self.articleSHA256)
    }

    @Test func aCorrectionRejectsUnknownKeysAndTakesANote() {
        var diagnostics: [Diagnostic] = []
        let annotation = AnnotationParser.parse(SourceFile(path: "Content/annotations/a.md", text: """
            ---
            corrections:
              - {find: "a b", replace: "a [x] b", nots: "typo"}
              - {find: "c", replace: "", note: "  debris  "}
            ---
            """), diagnostics: &diagnostics)
        #expect(diagnostics.map(\.description) == [
            "Content/annotations/a.md:3:39: error: unknown key 'nots' in a correction\nContent/annotations/a.md:3:39: note: did you mean 'note'?\nContent/annotations/a.md:3:39: note: valid keys in a correction: find, replace, note",
        ])
        #expect(annotation.corrections.last?.note == "debris")
    }

    @Test func aPassageCitationNamesTheBriefingTheSourceAndTheFragment() throws {
        let html = try #require(try Self.built()["briefings/trail/index.html"])
        let paragraph = "Desk Author. “Trail test”, Test Desk, briefed 3 March 2024. Paragraph 1. Source: Wire, 2 March 2024. https://example.org/desk/briefings/trail/#p1"
        #expect(html.contains(##"<a class="permalink" href="#p1" aria-label="Link to paragraph 1">¶</a><span class="passage-cite"><span class="cite-label">Cite as:</span> <span class="citation">"## + paragraph.replacingOccurrences(of: "“", with: "“") + "</span></span></p>"))
        #expect(html.contains("<p class=\"citation\">Desk Author. “Trail test”, Test Desk, briefed 3 March 2024. Source: Wire, 2 March 2024. https://example.org/desk/briefings/trail/</p>"))
    }
}

/// Every paragraph, note and quote of the demo's briefings has an id, a permalink and unique ids.
@Suite struct CitablePassageTests {
    static func demo() throws -> [String: String] {
        let content = TestSite.repositoryRoot.appendingPathComponent("Content")
        let loader = ContentLoader(contentDirectory: content, templatesDirectory: nil, displayRoot: TestSite.repositoryRoot)
        var diagnostics: [Diagnostic] = []
        let tree = try loader.load(diagnostics: &diagnostics)
        let result = SiteBuilder.build(tree, options: BuildOptions())
        #expect(!result.diagnostics.contains { $0.severity == .error })
        return Dictionary(uniqueKeysWithValues: result.files.filter { $0.path.hasPrefix("briefings/") && $0.path.hasSuffix("/index.html") }.map { ($0.path, $0.text) })
    }

    static func matches(_ pattern: String, in text: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: pattern)
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { String(text[Range($0.range(at: 1), in: text)!]) }
    }

    @Test func idsArePresentUniqueAndEachPassageHasAPermalink() throws {
        let pages = try Self.demo()
        #expect(pages.count >= 3)
        for (path, html) in pages.sorted(by: { $0.key < $1.key }) {
            let ids = Self.matches(##" id="([^"]+)""##, in: html)
            #expect(Set(ids).count == ids.count, "duplicate ids on \(path): \(Dictionary(grouping: ids, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted())")
            for fragment in Self.matches(##"href="#([^"]*)""##, in: html) {
                #expect(ids.contains(fragment), "\(path): #\(fragment) names no id")
            }
            let paragraphs = Self.matches(##"<p id="(p\d+)">"##, in: html)
            #expect(!paragraphs.isEmpty, "\(path) has no paragraph ids")
            for id in paragraphs + Self.matches(##"<aside class="note" id="(note-\d+)""##, in: html) {
                #expect(html.contains("<a class=\"permalink\" href=\"#\(id)\""), "\(path): \(id) has no permalink")
            }
            for quote in Self.matches(##"<li id="sidebar-quote-(\d+)""##, in: html) {
                #expect(html.contains("/#quote-\(quote)</p></details>"), "\(path): quote \(quote) has no citation")
            }
        }
    }
}
