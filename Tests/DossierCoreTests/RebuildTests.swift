import Testing
@testable import DossierCore

/// The incremental builder against the plain one: after every edit, in any order, its files and
/// diagnostics must equal those of a clean build of the same tree. The edits cover each of its
/// fast paths (annotation and article text, entity descriptions, names and aliases) and the
/// changes it hands to a full link (files added or removed, drafts, kinds, errors).
@Suite struct RebuildTests {
    @Test(arguments: [1, 2, 3, 4, 5] as [UInt64])
    func randomEditsGiveWhatACleanBuildGives(seed: UInt64) {
        var generator = SplitMix64(seed: seed)
        var site = Self.site()
        let builder = SiteBuilder()
        var expected = Self.expectSame(builder, site, step: "initial", previous: [:])
        for step in 1...40 {
            let edit = Self.edits[Int(generator.next() % UInt64(Self.edits.count))]
            let label = edit.apply(&site, &generator)
            expected = Self.expectSame(builder, site, step: "seed \(seed), step \(step): \(edit.name) (\(label))", previous: expected)
        }
    }

    @Test func eachKindOfEditTakesItsPath() {
        var site = Self.site()
        let builder = SiteBuilder()
        _ = builder.build(site.tree)

        site.annotations["talks.md"]! += "\nThe talks go on.\n"
        var update = builder.build(site.tree)
        #expect(update.analysedBriefings == 1)
        // The line joins the last note, whose text the exports carry too. Search: the result's text,
        // the shard of the one new word ("go"; "talks" and "on" were already in its prose), and the
        // manifest, which lists the new shard.
        #expect(update.changed == ["briefings/talks/annotations.jsonld", "briefings/talks/index.html", "briefings/talks/index.json",
                                   "search/index.js", "search/index.json", SearchIndexTests.meta(update.site!, "talks").path, "search/shards/go.js"])

        site.entities["valdora.md"] = site.entities["valdora.md"]!.replacingOccurrences(of: "kind: place", with: "kind: place\ndescription: A small republic.")
        update = builder.build(site.tree)
        #expect(update.analysedBriefings == 7, "the briefings that mention Valdora")

        site.entities["northern-league.md"] = site.entities["northern-league.md"]!.replacingOccurrences(of: "kind: organization", with: "kind: organization\naliases: [the League]")
        update = builder.build(site.tree)
        #expect(update.analysedBriefings == 6, "those that mention the Northern League (no text holds 'the League')")
        #expect(update.changed.contains("search/index.js"))
    }


    @Test func templateEditsReachEveryFragment() {
        var site = Self.site()
        let builder = SiteBuilder()
        var files = Self.expectSame(builder, site, step: "initial", previous: [:])
        for template in ["partials/row", "partials/card", "partials/entity-chip"] {
            site.templateEdits[template] = "<!-- edited -->"
            files = Self.expectSame(builder, site, step: "edit \(template)", previous: files)
            #expect(files.values.contains { String(decoding: $0, as: UTF8.self).contains("<!-- edited -->") })
            site.templateEdits = [:]
            files = Self.expectSame(builder, site, step: "undo \(template)", previous: files)
        }
    }

    /// Annotation prose reaches the matcher through cmark (smart punctuation, entities decoded): a
    /// new alias found only there must still re-analyse the briefing, also on a later full link.
    @Test func newAliasesAreLookedForInTheTextTheMatcherRead() {
        var site = TestSite.sample
        site.annotations["harbour.md"] = "---\ntitle: Harbour\n---\nThe League's envoy came. Staff of AT&amp;T came.\n"
        let builder = SiteBuilder()
        var files = Self.expectSame(builder, site, step: "initial", previous: [:])
        site.entities["northern-league.md"] = "---\nname: Northern League\nkind: organization\naliases: [League’s envoy]\n---\n"
        files = Self.expectSame(builder, site, step: "curly alias", previous: files)
        site.entities["valdora.md"] = "---\nname: Valdora\nkind: place\naliases: [AT&T]\n---\n"
        files = Self.expectSame(builder, site, step: "alias with an entity", previous: files)
        site.articles["extra.txt"] = "Extra\n\nNothing here.\n"
        Self.expectSame(builder, site, step: "full link after", previous: files)
    }

    static func longSite() -> TestSite {
        var site = TestSite.sample
        site.site += "paginate: 7\n"
        for n in 1...104 {
            site.articles["p\(n).txt"] = "---\npublished: 2023-\(String(format: "%02d", 1 + n % 12))-\(String(format: "%02d", 1 + n % 28))\n---\nPiece \(n) in Valdora\n\n“We stay,” said Ana Ruiz on day \(n).\n"
            site.annotations["p\(n).md"] = "---\nsummary: S\(n).\ntags: [Talks]\n---\nOn Valdora.\n"
        }
        return site
    }

    /// Briefings moving across list-page boundaries (7 to a home page, 100 to an entity or tag page).
    @Test(arguments: [1, 2, 3, 4] as [UInt64])
    func listPagesAcrossBoundaries(seed: UInt64) {
        var g = SplitMix64(seed: seed)
        var site = Self.longSite()
        let builder = SiteBuilder()
        _ = Self.expectSame(builder, site, step: "initial", previous: [:])
        for step in 1...25 {
            let n = 1 + Int(g.next() % 104)
            let key = "p\(n).md"
            var label = ""
            switch g.next() % 6 {
            case 0:
                site.annotations[key] = "---\nsummary: Changed \(g.next() % 50).\ntags: [Talks]\n---\nOn Valdora.\n"; label = "summary \(key)"
            case 1:
                site.annotations[key] = "---\nsummary: S.\npublished: 202\(g.next() % 6)-0\(1 + g.next() % 9)-1\(g.next() % 9)\ntags: [Talks]\n---\nOn Valdora.\n"; label = "date \(key)"
            case 2:
                site.annotations[key] = "---\nsummary: S.\ntags: []\n---\nNothing.\n"; label = "untag \(key)"
            case 3:
                site.articles["p\(n).txt"] = "Piece \(n)\n\n“No,” said someone.\n"; label = "drop mentions p\(n)"
            case 4:
                if site.articles["p\(n).txt"] != nil { site.articles["p\(n).txt"] = nil; site.annotations[key] = nil; label = "remove p\(n)" }
                else { site.articles["p\(n).txt"] = "Piece \(n) in Valdora\n\n“Back,” said Ana Ruiz.\n"; label = "re-add p\(n)" }
            default:
                site.articles["p\(n).txt"] = "---\npublished: 2025-01-0\(1 + g.next() % 9)\n---\nPiece \(n) in Valdora\n\n“Yes,” said Ana Ruiz. “Again,” she said.\n"; label = "requote p\(n)"
            }
            _ = Self.expectSame(builder, site, step: "seed \(seed) step \(step): \(label)", previous: builder.files)
        }
    }

    // MARK: The site and its edits

    static func site() -> TestSite {
        var site = TestSite.sample
        let places = ["Valdora", "the harbour", "the capital"]
        for n in 1...5 {
            site.articles["report-\(n).txt"] = """
            ---
            source: Wire
            published: 2024-04-0\(n)
            ---
            Report \(n) from \(places[n % 3])

            Officials of the Northern League met in Valdora on day \(n).

            “We are not leaving,” said Ana Ruiz. The League’s spokesman said talks would go on.
            """
            if n % 2 == 1 {
                site.annotations["report-\(n).md"] = """
                ---
                title: Report \(n)
                summary: Day \(n) of the talks.
                tags: [Talks, Day \(n)]
                ---
                Ana Ruiz again.

                ### "met in Valdora"
                Where they met.
                """
            }
        }
        return site
    }

    struct Edit: Sendable {
        var name: String
        var apply: @Sendable (inout TestSite, inout SplitMix64) -> String
    }

    static let entityNames = ["Ana Ruiz", "Valdora", "Northern League", "Ruiz"]

    static let edits: [Edit] = [
        Edit(name: "append prose") { site, g in
            let key = pick(site.annotations.keys, &g)
            site.annotations[key]! += "\nMore on \(pick(entityNames, &g)) here.\n"
            return key
        },
        Edit(name: "change summary") { site, g in
            let key = pick(site.annotations.keys, &g)
            site.annotations[key] = replacingLine(site.annotations[key]!, prefix: "summary:", with: "summary: Revised \(g.next() % 100).")
            return key
        },
        Edit(name: "change tags") { site, g in
            let key = pick(site.annotations.keys, &g)
            let tags = ["[Talks]", "[Harbour, Talks]", "[Diplomacy]", "[]"]
            site.annotations[key] = replacingLine(site.annotations[key]!, prefix: "tags:", with: "tags: \(pick(tags, &g))")
            return key
        },
        Edit(name: "change date") { site, g in
            let key = pick(site.annotations.keys, &g)
            site.annotations[key] = replacingLine(site.annotations[key]!, prefix: "published:", with: "published: 2024-0\(1 + g.next() % 9)-1\(g.next() % 10)")
            return key
        },
        Edit(name: "toggle draft") { site, g in
            let key = pick(site.annotations.keys, &g)
            let text = site.annotations[key]!
            site.annotations[key] = text.contains("draft: true\n") ? text.replacingOccurrences(of: "draft: true\n", with: "")
                : text.replacingOccurrences(of: "---\n", with: "---\ndraft: true\n", options: .anchored)
            return key
        },
        Edit(name: "add quote to article") { site, g in
            let key = pick(site.articles.keys, &g)
            site.articles[key]! += "\n\n“It is over,” \(pick(entityNames, &g)) said on day \(g.next() % 30).\n"
            return key
        },
        Edit(name: "drop mentions from article") { site, g in
            let key = pick(site.articles.keys, &g)
            let name = pick(entityNames, &g)
            site.articles[key] = site.articles[key]!.replacingOccurrences(of: name, with: "someone")
            return "\(key), \(name)"
        },
        Edit(name: "describe entity") { site, g in
            let key = pick(site.entities.keys, &g)
            site.entities[key] = replacingLine(site.entities[key]!, prefix: "description:", with: "description: Revision \(g.next() % 100).",
                                               orInsertAfter: "kind:")
            return key
        },
        Edit(name: "add alias") { site, g in
            let key = pick(site.entities.keys, &g)
            let alias = pick(["the League", "the harbour", "the capital", "Wire", "officials"], &g)
            site.entities[key] = replacingLine(site.entities[key]!, prefix: "aliases:", with: "aliases: [\(alias)]", orInsertAfter: "kind:")
            return "\(key): \(alias)"
        },
        Edit(name: "rename entity") { site, g in
            let key = pick(site.entities.keys, &g)
            let name = pick(["Valdora Republic", "Ana Ruiz", "League of the North", "Harbour"], &g)
            site.entities[key] = replacingLine(site.entities[key]!, prefix: "name:", with: "name: \(name)")
            return "\(key): \(name)"
        },
        Edit(name: "change kind") { site, g in
            let key = pick(site.entities.keys, &g)
            site.entities[key] = replacingLine(site.entities[key]!, prefix: "kind:", with: "kind: \(pick(["person", "organization", "place"], &g))")
            return key
        },
        Edit(name: "add article") { site, g in
            let n = g.next() % 1000
            site.articles["extra-\(n).txt"] = "Extra \(n) in Valdora\n\nAna Ruiz said “yes” to the Northern League.\n"
            if n % 2 == 0 { site.annotations["extra-\(n).md"] = "---\ntags: [Extra]\n---\nOn Valdora.\n" }
            return "extra-\(n)"
        },
        Edit(name: "remove article") { site, g in
            guard site.articles.count > 2 else { return "kept" }
            let key = pick(site.articles.keys, &g)
            site.articles[key] = nil
            let stem = String(key.dropLast(".txt".count))
            site.annotations = site.annotations.filter { !$0.key.hasPrefix(stem + ".") && !$0.value.contains("article: \(key)") }
            return key
        },
        Edit(name: "break an anchor") { site, g in
            let key = pick(site.annotations.keys, &g)
            site.annotations[key]! += "\n### \"no such phrase\"\nBroken.\n"
            return key
        },
        Edit(name: "break front matter") { site, g in
            let key = pick(site.annotations.keys, &g)
            site.annotations[key] = site.annotations[key]!.replacingOccurrences(of: "---\n", with: "---\nbriefed: [unclosed\n", options: .anchored)
            return key
        },
        Edit(name: "repair annotations") { site, _ in
            for key in site.annotations.keys {
                site.annotations[key] = site.annotations[key]!.replacingOccurrences(of: "\n### \"no such phrase\"\nBroken.\n", with: "")
                    .replacingOccurrences(of: "briefed: [unclosed\n", with: "")
            }
            return "all"
        },
        Edit(name: "repair entities") { site, _ in
            site.entities = TestSite.sample.entities
            return "all"
        },
        Edit(name: "article front matter") { site, g in
            let key = pick(site.articles.keys, &g)
            let line = pick(["source: Other", "published: 2024-02-2\(g.next() % 10)", "author: Someone", "url: https://x.example/\(g.next() % 9)"], &g)
            let prefix = String(line.prefix(while: { $0 != ":" })) + ":"
            site.articles[key] = replacingLine(site.articles[key]!, prefix: prefix, with: line)
            return "\(key): \(line)"
        },
        Edit(name: "edit headline") { site, g in
            let key = pick(site.articles.keys, &g)
            var lines = site.articles[key]!.components(separatedBy: "\n")
            let i = lines.first == "---" ? (lines.dropFirst().firstIndex(of: "---")! + 1) : 0
            if i < lines.count { lines[i] = pick(["Headline \(g.next() % 5)", "Ana Ruiz speaks", "Valdora News", "The League’s day"], &g) }
            site.articles[key] = lines.joined(separator: "\n")
            return key
        },
        Edit(name: "tag case") { site, g in
            let key = pick(site.annotations.keys, &g)
            site.annotations[key] = replacingLine(site.annotations[key]!, prefix: "tags:", with: "tags: \(pick(["[talks]", "[TALKS]", "[Talks, talks]", "[Day 1]", "[day 1, Extra]"], &g))")
            return key
        },
        Edit(name: "correction") { site, g in
            let key = pick(site.annotations.keys, &g)
            let c = pick(["{find: \"Valdora\", replace: \"the capital\"}", "{find: \"said\", replace: \"the League’s envoy said\"}", "{find: \"Ana Ruiz\", replace: \"she\"}"], &g)
            site.annotations[key] = replacingLine(site.annotations[key]!, prefix: "corrections:", with: "corrections: [\(c)]")
            return "\(key): \(c)"
        },
        Edit(name: "prose with markup") { site, g in
            let key = pick(site.annotations.keys, &g)
            site.annotations[key]! += "\n" + pick(["The League's envoy spoke.", "*Ana* Ruiz and AT&amp;T.", "Valdora---again.", "\"Ruiz\" said so."], &g) + "\n"
            return key
        },
        Edit(name: "entity links/notes") { site, g in
            let key = pick(site.entities.keys, &g)
            let text = site.entities[key]!
            site.entities[key] = text + "\nMore notes \(g.next() % 10).\n"
            return key
        },
        Edit(name: "alias order / curly") { site, g in
            let key = pick(site.entities.keys, &g)
            let alias = pick(["[Ruiz, Foreign Minister Ana Ruiz]", "[Foreign Minister Ana Ruiz, Ruiz]", "[League’s envoy]", "[AT&T]", "[]"], &g)
            site.entities[key] = replacingLine(site.entities[key]!, prefix: "aliases:", with: "aliases: \(alias)", orInsertAfter: "kind:")
            return "\(key): \(alias)"
        },
        Edit(name: "paginate") { site, g in
            site.site = "title: Test Desk\nbase_url: https://example.org/desk/\npaginate: \(1 + g.next() % 4)\n"
            return "site"
        },
        Edit(name: "edit template") { site, g in
            let n = g.next() % 100
            site.templateEdits["partials/row"] = "<!-- row \(n) -->"
            return "partials/row"
        },
    ]

    // MARK: Helpers

    /// Builds `site` both ways and compares; returns the incremental builder's files for the next step.
    @discardableResult
    static func expectSame(_ builder: SiteBuilder, _ site: TestSite, step: String, previous: [String: [UInt8]]) -> [String: [UInt8]] {
        let tree = site.tree
        let clean = SiteBuilder.build(tree)
        let update = builder.build(tree)
        #expect(update.diagnostics.map(\.description) == clean.diagnostics.map(\.description), "\(step): diagnostics")
        if clean.succeeded {
            let files = Dictionary(uniqueKeysWithValues: clean.files.map { ($0.path, $0.bytes) })
            #expect(builder.files.keys.sorted() == files.keys.sorted(), "\(step): file list")
            for (path, bytes) in files where builder.files[path] != bytes {
                Issue.record("\(step): \(path) differs from a clean build")
            }
        } else {
            #expect(builder.files == previous, "\(step): a failed build must leave the files alone")
        }
        return builder.files
    }

    static func pick<C: Collection>(_ items: C, _ g: inout SplitMix64) -> C.Element where C.Element: Comparable {
        let sorted = items.sorted()
        return sorted[Int(g.next() % UInt64(sorted.count))]
    }

    /// `text` with its first line starting with `prefix` replaced, or the line added after the
    /// front-matter line starting with `anchor` (or at the top of the front matter).
    static func replacingLine(_ text: String, prefix: String, with line: String, orInsertAfter anchor: String? = nil) -> String {
        var lines = text.components(separatedBy: "\n")
        if let i = lines.firstIndex(where: { $0.hasPrefix(prefix) }) {
            lines[i] = line
        } else if let anchor, let i = lines.firstIndex(where: { $0.hasPrefix(anchor) }) {
            lines.insert(line, at: i + 1)
        } else if lines.first == "---" {
            lines.insert(line, at: 1)
        } else {
            lines.insert(contentsOf: ["---", line, "---"], at: 0)
        }
        return lines.joined(separator: "\n")
    }
}
