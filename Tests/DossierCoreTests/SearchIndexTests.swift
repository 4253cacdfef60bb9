import Foundation
import Testing
@testable import DossierCore

@Suite struct SearchIndexTests {
    /// The JSON a shard or meta script hands to its callback: `window.NAME(first, JSON);`.
    static func payload(_ script: String, callback: String) throws -> (first: String, json: Any) {
        let prefix = "window.\(callback)("
        #expect(script.hasPrefix(prefix) && script.hasSuffix(");\n"))
        let inner = script.dropFirst(prefix.count).dropLast(3)
        let comma = try #require(inner.firstIndex(of: ","))
        let json = try JSONSerialization.jsonObject(with: Data(inner[inner.index(after: comma)...].utf8), options: [.fragmentsAllowed])
        return (String(inner[..<comma]), json)
    }

    /// The result file of the briefing `slug` (`SearchIndex.numbers`), and its number.
    static func meta(_ site: Site, _ slug: String) -> (path: String, number: Int) {
        let number = SearchIndex.numbers(dates: site.briefings.map(\.date))[site.briefings.firstIndex { $0.slug == slug }!]
        return (SearchIndex.metaPath(number), number)
    }

    /// The sample's result numbers: talks (2024-03-02), then harbour (undated).
    static let sampleNumbers = SearchIndex.numbers(dates: [ISODate(year: 2024, month: 3, day: 2), nil])

    /// A shard's words with their postings decoded to (result number, fields).
    static func postings(_ files: [String: String], key: String) throws -> [String: [(Int, Int)]] {
        let script = try #require(files[SearchIndex.shardPath(key)], "no shard \(key)")
        let (first, json) = try payload(script, callback: "DOSSIER_SEARCH_SHARD")
        #expect(first == "\"\(key)\"")
        let terms = try #require(json as? [String: [Int]])
        return terms.mapValues { list in
            var n = 0
            return list.map { n += $0 >> 4; return (n, $0 & 15) }
        }
    }

    @Test func manifestIsAScriptAndTheSameJSON() throws {
        let files = TestSite.sample.build().files
        let js = try #require(files["search/index.js"])
        let json = try #require(files["search/index.json"])
        #expect(js == "window.DOSSIER_SEARCH_INDEX = " + json.dropLast() + ";\n")
        let data = try #require(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(data["version"] as? Int == 3)
        #expect(data["count"] as? Int == 2)
        let entities = try #require(data["entities"] as? [[String]])
        #expect(entities.first == ["Ana Ruiz", "ana-ruiz", "person", "Ruiz|Foreign Minister Ana Ruiz"])
        let shards = try #require(data["shards"] as? [String])
        #expect(shards == shards.sorted() && shards.contains("va") && shards.contains("ta"))
        // Every shard the manifest lists exists, and no other.
        let written = files.keys.filter { $0.hasPrefix("search/shards/") }.sorted()
        #expect(written == shards.map(SearchIndex.shardPath).sorted())
        #expect(data["split"] as? [String] == [])
    }

    @Test func metaHoldsWhatAResultShows() throws {
        let files = TestSite.sample.build().files
        let (talksNumber, harbourNumber) = (Self.sampleNumbers[0], Self.sampleNumbers[1])
        let talksScript = try #require(files[SearchIndex.metaPath(talksNumber)])
        let (number, json) = try Self.payload(talksScript, callback: "DOSSIER_SEARCH_META")
        #expect(number == "\(talksNumber)")
        let talks = try #require(json as? [Any])
        #expect(talks[0] as? String == "talks")
        #expect(talks[1] as? String == "Talks resume in Valdora")
        #expect(talks[2] as? String == "2024-03-02")
        #expect(talks[3] as? String == "Wire")
        #expect(talks[4] as? String == "The first meeting in a year; both sides call it constructive.")
        let data = try #require(JSONSerialization.jsonObject(with: Data(files["search/index.json"]!.utf8)) as? [String: Any])
        let entities = try #require(data["entities"] as? [[String]]), tags = try #require(data["tags"] as? [[String]])
        #expect((talks[5] as? [Int])?.map { tags[$0][0] } == ["Diplomacy", "talks"])
        // Entities most mentioned first (Ana Ruiz 3), ties in entity order (Northern League and Valdora 2 each).
        #expect((talks[6] as? [Int])?.map { entities[$0][1] } == ["ana-ruiz", "northern-league", "valdora"])
        #expect((talks[8] as? String)?.hasPrefix("Ana Ruiz has staked her term on these talks.") == true)
        #expect((talks[8] as? String)?.contains("The word both sides used") == true, "notes are prose too")
        #expect(talksNumber < harbourNumber, "numbers rise in site order")
        let harbourScript = try #require(files[SearchIndex.metaPath(harbourNumber)])
        let harbour = try #require(try Self.payload(harbourScript, callback: "DOSSIER_SEARCH_META").json as? [Any])
        #expect(harbour[2] as? String == "")
    }

    @Test func everyFieldIsIndexedWithItsRank() throws {
        var site = TestSite.sample
        site.annotations["talks.md"]! += "\nThe last holdout fell at Baghuz.\n"
        let files = site.build().files
        let (talks, harbour) = (Self.sampleNumbers[0], Self.sampleNumbers[1])
        let ba = try Self.postings(files, key: "ba")
        #expect(ba["baghuz"]?.map { $0.0 } == [talks] && ba["baghuz"]?.first?.1 == Int(SearchIndex.Field.prose))
        let ta = try Self.postings(files, key: "ta")
        // "talks": title, tags and prose of the first briefing.
        #expect(ta["talks"]?.first?.0 == talks)
        #expect(ta["talks"]?.first?.1 == Int(SearchIndex.Field.title | SearchIndex.Field.summary | SearchIndex.Field.prose))
        let va = try Self.postings(files, key: "va")
        #expect(va["valdora"]?.map { $0.0 } == [talks, harbour], "both briefings")
        let co = try Self.postings(files, key: "co")
        #expect(co["constructive"]?.first?.1 == Int(SearchIndex.Field.summary | SearchIndex.Field.quotes))
        let wi = try Self.postings(files, key: "wi")
        #expect(wi["wire"]?.first?.1 == Int(SearchIndex.Field.summary | SearchIndex.Field.prose), "the source ranks with the summary; link text is prose")
    }

    @Test func wordsAreFoldedAsTheClientFoldsThem() {
        var words: [String] = []
        SearchIndex.words("Kurds’ ÉLYSÉE naïve İstanbul x 2014 中文 a-b C'est") { words.append($0) }
        // Single ASCII characters are not indexed; accents and case fold; apostrophes and dashes split.
        #expect(words == ["kurds", "elysee", "naive", "istanbul", "2014", "中文", "est"])
        // The ASCII fast path gives the words of folding the whole text.
        for text in ["Kurds’ ÉLYSÉE naïve İstanbul x 2014 中文 a-b C'est", "ΟΔΟΣ Σοφία", "Straße ǄEMAL", "plain ascii only, 42 words!", "ﬁne ﬂow", "e\u{301}te\u{301}"] {
            var fast: [String] = [], slow: [String] = []
            SearchIndex.words(text) { fast.append($0) }
            SearchIndex.foldedWords(text) { slow.append($0) }
            #expect(fast == slow, "\(text)")
        }
        #expect(SearchIndex.shardPath("ab") == "search/shards/ab.js")
        #expect(SearchIndex.shardPath("中文") == "search/shards/_4e2d__6587_.js")
        #expect(SearchIndex.rootKey("baghuz") == "ba" && SearchIndex.rootKey("中") == "中")
    }

    @Test func textCannotBreakOutOfTheScript() throws {
        var site = TestSite.sample
        site.annotations["talks.md"] = site.annotations["talks.md"]!.replacingOccurrences(
            of: "title: Talks resume in Valdora", with: "title: \"</script><script>alert(1)</script> &\"")
        let files = site.build().files
        let meta = try #require(files[SearchIndex.metaPath(Self.sampleNumbers[0])])
        #expect(!meta.contains("</script>"))
        #expect(meta.contains(#"\u003c/script\u003e\u003cscript\u003ealert(1)\u003c/script\u003e \u0026"#))
        #expect(!files.filter { $0.key.hasPrefix("search/") && $0.key.hasSuffix(".js") }.values.contains { $0.contains("</script>") })
    }

    @Test func searchPageLoadsTheIndexAndTheClient() throws {
        let page = try #require(TestSite.sample.build().files["search/index.html"])
        #expect(page.contains(#"<script src="index.js" defer></script>"#))
        #expect(page.contains(#"<script src="../assets/search.js" defer></script>"#))
        #expect(page.contains(#"<label for="search-input">"#))
        #expect(page.contains(#"role="status" aria-live="polite""#))
        #expect(page.contains(#"<a href="../search/" aria-current="page">Search</a>"#))
        #expect(page.contains(#""searchInAnalysis":"In the analysis:""#))
    }

    // MARK: Size

    /// A site of `count` briefings whose annotations hold a few hundred words each, drawn from a
    /// vocabulary where some words are in every briefing and most in a few, as in real prose.
    static func largeSite(_ count: Int) -> TestSite {
        var generator = SplitMix64(seed: 7)
        let common = ["the", "that", "their", "there", "these", "them", "then", "they", "this", "those", "through", "than"]
        let syllables = ["ka", "lo", "mer", "din", "sa", "vor", "tel", "bru", "an", "qui", "zo", "res", "mal", "fen", "gor", "li", "the", "tha"]
        var rare: [String] = []
        for _ in 0..<3000 {
            var word = ""
            for _ in 0..<(2 + Int(generator.next() % 3)) { word += syllables[Int(generator.next() % UInt64(syllables.count))] }
            rare.append(word)
        }
        var site = TestSite()
        for b in 0..<count {
            let slug = String(format: "b%05d", b)
            var prose: [String] = []
            for i in 0..<300 {
                prose.append(i % 3 == 0 ? common[Int(generator.next() % UInt64(common.count))] : rare[Int(generator.next() % UInt64(rare.count))])
            }
            let day = 1 + b % 28, month = 1 + (b / 28) % 12
            site.articles["\(slug).txt"] = "Headline \(rare[b % rare.count]) number \(b)\n\nThe body of article \(b).\n"
            site.annotations["\(slug).md"] = """
            ---
            title: Briefing \(rare[(b * 7) % rare.count]) \(b)
            summary: A summary naming \(rare[(b * 13) % rare.count]) and \(rare[(b * 17) % rare.count]).
            published: 2020-\(String(format: "%02d-%02d", month, day))
            tags: [t\(b % 20)]
            ---
            \(prose.joined(separator: " ")).
            """
        }
        return site
    }

    /// The most one query downloads: the manifest, the largest shard (a query's words each load one
    /// shard, so this is a one-word query) and the fifty largest results' metadata.
    static func largestQuery(_ files: [String: String]) -> (total: Int, manifest: Int, shard: Int, meta: Int, shards: Int) {
        let manifest = files["search/index.js"]!.utf8.count
        let shards = files.filter { $0.key.hasPrefix("search/shards/") }.map { $0.value.utf8.count }
        let metas = files.filter { $0.key.hasPrefix("search/meta/") }.map { $0.value.utf8.count }.sorted(by: >)
        let meta = metas.prefix(50).reduce(0, +)
        return (manifest + shards.max()! + meta, manifest, shards.max()!, meta, shards.count)
    }

    /// The shard bound at 1/25 of the 10,000-briefing site the limit is set for (300 KB a query
    /// there): a proportionally smaller shard limit keeps every shard holding more than one word
    /// under it, and one query's download under a proportional budget. The manifest and fifty
    /// results' metadata do not shrink with the site, so their share is not scaled.
    @Test func oneQueryDownloadsABoundedPart() throws {
        let count = 400
        var options = BuildOptions()
        options.searchShardLimit = SearchIndex.shardLimit * count / 10_000
        let files = Self.largeSite(count).build(options).files
        let manifest = try #require(JSONSerialization.jsonObject(with: Data(files["search/index.json"]!.utf8)) as? [String: Any])
        #expect((manifest["split"] as? [String])?.contains("th") == true, "the common words' shard is split")
        for (path, text) in files where path.hasPrefix("search/shards/") {
            let words = text.components(separatedBy: "\":[").count - 1
            #expect(words == 1 || text.utf8.count <= options.searchShardLimit + 64, "\(path): \(text.utf8.count) bytes, \(words) words")
        }
        let query = Self.largestQuery(files)
        let metaBudget = 50 * (SearchIndex.proseBudget + SearchIndex.quoteBudget + 600)
        #expect(query.total <= query.manifest + options.searchShardLimit * 2 + metaBudget, "\(query)")
        #expect(query.shard <= 300_000 * count / 10_000, "\(query)")
    }

    /// Sixty briefings built once with small term shards (2,000 bytes), so that edits show which shards they touch.
    static func builtLargeSite() -> (TestSite, BuildOptions, SiteBuilder) {
        let site = Self.largeSite(60)
        var options = BuildOptions()
        options.searchShardLimit = 2000
        let builder = SiteBuilder(options: options)
        _ = builder.build(site.tree)
        return (site, options, builder)
    }

    /// An edit to one annotation's prose rewrites its result's metadata and the shards of the words
    /// it added or removed, not the whole index.
    @Test func anEditRewritesOnlyTheShardsOfItsWords() throws {
        let (built, options, builder) = Self.builtLargeSite()
        var site = built
        let shardCount = builder.files.keys.filter { $0.hasPrefix("search/shards/") }.count
        #expect(shardCount > 100)
        site.annotations["b00010.md"]! += "\nZanzibar qualms.\n"
        let update = builder.build(site.tree)
        let search = update.changed.filter { $0.hasPrefix("search/") }
        // The words come after the prose kept for snippets (`proseBudget`): the result's text is as it was.
        #expect(!search.contains(Self.meta(update.site!, "b00010").path), "\(search)")
        #expect(search.contains(SearchIndex.shardPath("za")) && search.contains { $0.hasPrefix("search/shards/qu") }, "\(search)")
        // The new words' shards, and the manifest as script and JSON (it lists the new shard "za").
        #expect(search.count <= 4, "\(search)")
        #expect(search.contains("search/index.js"))
        #expect(update.renderedJobs < 10, "jobs made again: \(update.renderedJobs)")
        let clean = SiteBuilder.build(site.tree, options: options)
        for file in clean.files where file.path.hasPrefix("search/") { #expect(builder.files[file.path] == file.bytes, "\(file.path)") }
        #expect(clean.files.filter { $0.path.hasPrefix("search/") }.count == builder.files.keys.filter { $0.hasPrefix("search/") }.count)
    }

    /// Adding a briefing, then removing it, rewrites its own result file and the shards of its
    /// words: the other results keep their numbers, so their files and postings stay as they were.
    @Test func addingOrRemovingABriefingRenumbersNoOtherResult() throws {
        let (built, options, builder) = Self.builtLargeSite()
        var site = built
        let shardCount = builder.files.keys.filter { $0.hasPrefix("search/shards/") }.count
        let metas = Set(builder.files.keys.filter { $0.hasPrefix("search/meta/") })
        for step in ["add", "remove"] {
            if step == "add" {
                site.articles["zz-new.txt"] = "---\npublished: 2020-06-15\n---\nZanzibar qualms\n\nA new article about zanzibar.\n"
            } else {
                site.articles["zz-new.txt"] = nil
            }
            let update = builder.build(site.tree)
            let search = update.changed.filter { $0.hasPrefix("search/") } + update.removed.filter { $0.hasPrefix("search/") }
            let meta = search.filter { $0.hasPrefix("search/meta/") }
            #expect(meta.count == 1 && !metas.contains(meta[0]), "\(step): \(meta)")
            #expect(search.filter { $0.hasPrefix("search/shards/") }.count < shardCount / 4, "\(step): \(search)")
            let clean = SiteBuilder.build(site.tree, options: options)
            #expect(clean.files.count == builder.files.count, "\(step)")
            for file in clean.files { #expect(builder.files[file.path] == file.bytes, "\(step): \(file.path)") }
        }
    }

    @Test func quotesAreCutToTheBudgetOnAWordBoundary() {
        let words = "Then " + Array(repeating: "word", count: 400).joined(separator: " ")
        let quotes = [
            Quote(text: "short one", paragraph: 1, lastParagraph: 1, spans: []),
            Quote(text: "The first\nfull quote here.", paragraph: 1, lastParagraph: 1, spans: []),
            Quote(text: words, paragraph: 2, lastParagraph: 2, spans: []),
            Quote(text: "Never reached at all", paragraph: 3, lastParagraph: 3, spans: []),
        ]
        let text = SearchIndex.quoteText(quotes)
        #expect(text.hasPrefix("The first full quote here. … Then word word"))
        #expect(text.hasSuffix("word …"))
        #expect(text.count <= SearchIndex.quoteBudget + 2)
        #expect(!text.contains("short one") && !text.contains("Never"))
    }

    @Test func aCutWithoutSpacesKeepsCharactersWhole() {
        // Two scalars per emoji, so the cut at 600 falls inside one; four words and a capital, so not a fragment.
        let text = "A" + String(repeating: "👍🏽", count: 700) + " b c d"
        let cut = SearchIndex.quoteText([Quote(text: text, paragraph: 1, lastParagraph: 1, spans: [])])
        #expect(cut == "A" + String(repeating: "👍🏽", count: 299) + " …")
    }
}
