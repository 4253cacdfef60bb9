import Testing
@testable import DossierCore

@Suite struct EntityMatcherTests {
    static let entities = [
        Entity(slug: "islamic-state", name: "Islamic State", kind: .organization, aliases: ["ISIS"]),
        Entity(slug: "state", name: "State", kind: .other),
        Entity(slug: "donald-trump", name: "Donald Trump", kind: .person, aliases: ["Trump", "Mr Trump", "President Trump"]),
        Entity(slug: "kurds", name: "Kurds", kind: .other),
        Entity(slug: "united-states", name: "United States", kind: .place, aliases: ["US"]),
        Entity(slug: "erdogan", name: "Recep Tayyip Erdoğan", kind: .person, aliases: ["Erdogan"]),
    ]

    let matcher: EntityMatcher = {
        var diagnostics: [Diagnostic] = []
        return EntityMatcher(entities: EntityMatcherTests.entities, diagnostics: &diagnostics)
    }()

    /// The matched text of every mention, with its entity slug.
    func found(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        return matcher.mentions(in: text).map { "\(String(decoding: bytes[$0.range], as: UTF8.self))=\(Self.entities[$0.entity].slug)" }
    }

    /// Overlapping names force the automaton through its failure links: after "United Stat"
    /// fails on "u", the scan must still find "States" and "Stat" inside the same bytes.
    @Test func failureLinksFindNamesInsideFailedLongerOnes() {
        let entities = [
            Entity(slug: "united-states-army", name: "United States Army", kind: .organization),
            Entity(slug: "states", name: "States", kind: .other),
            Entity(slug: "ted", name: "Ted", kind: .person),
            Entity(slug: "beijing", name: "北京", kind: .place, aliases: ["北京市"]),
            Entity(slug: "jing", name: "京都", kind: .place),
        ]
        var diagnostics: [Diagnostic] = []
        let matcher = EntityMatcher(entities: entities, diagnostics: &diagnostics)
        func found(_ text: String) -> [String] {
            let bytes = Array(text.utf8)
            return matcher.mentions(in: text).map { "\(String(decoding: bytes[$0.range], as: UTF8.self))=\(entities[$0.entity].slug)" }
        }
        #expect(found("United States Armada; United States Army; Ted") == ["States=states", "United States Army=united-states-army", "Ted=ted"])
        #expect(found("北京 北京市 京都") == ["北京=beijing", "北京市=beijing", "京都=jing"])
    }

    @Test func urlExclusionIsABinarySearchOverSortedRanges() {
        let urls = [2..<5, 10..<20, 30..<31]
        #expect(EntityMatcher.overlapsAny(0..<2, urls) == false)
        #expect(EntityMatcher.overlapsAny(4..<6, urls) == true)
        #expect(EntityMatcher.overlapsAny(5..<10, urls) == false)
        #expect(EntityMatcher.overlapsAny(19..<40, urls) == true)
        #expect(EntityMatcher.overlapsAny(31..<40, urls) == false)
        #expect(EntityMatcher.overlapsAny(0..<1, []) == false)
    }

    @Test func longestMatchWins() {
        #expect(found("Islamic State and the State") == ["Islamic State=islamic-state", "State=state"])
        #expect(found("President Trump met Mr Trump") == ["President Trump=donald-trump", "Mr Trump=donald-trump"])
    }

    @Test func possessivesWithStraightAndCurlyApostrophes() {
        #expect(found("Trump’s plan, Trump's aides and the Kurds' fate") == ["Trump=donald-trump", "Trump=donald-trump", "Kurds=kurds"])
    }

    @Test func wordBoundariesAndCase() {
        #expect(found("Trumpet, trump, USA, BUS, US-backed, (US)") == ["US=united-states", "US=united-states"])
        #expect(found("Kurdsville") == [])
    }

    @Test func nonASCIINamesAndNeighbours() {
        #expect(found("Recep Tayyip Erdoğan’s speech; «Erdogan»") == ["Recep Tayyip Erdoğan=erdogan", "Erdogan=erdogan"])
        #expect(found("éTrump") == [], "a letter before the name is not a boundary")
    }

    @Test func neverInsideURLs() {
        #expect(found("See https://example.com/Trump/US and www.ISIS.org, then Trump") == ["Trump=donald-trump"])
    }

    @Test func aliasClaimedTwiceIsAnErrorNamingBothFiles() {
        var a = Entity(slug: "a", name: "Alpha", kind: .person, aliases: ["AB"], path: "Content/entities/a.md")
        a.formLocations["AB"] = SourceLocation(file: a.path, line: 4, column: 3)
        var b = Entity(slug: "b", name: "Beta", kind: .person, aliases: ["AB"], path: "Content/entities/b.md")
        b.formLocations["AB"] = SourceLocation(file: b.path, line: 5, column: 11)
        var diagnostics: [Diagnostic] = []
        let matcher = EntityMatcher(entities: [a, b], diagnostics: &diagnostics)
        #expect(diagnostics.map(\.description) == [
            """
            Content/entities/b.md:5:11: error: alias 'AB' of 'Beta' is already claimed by 'Alpha' in Content/entities/a.md
            Content/entities/b.md:5:11: note: an alias can point to one entity only: remove it from one of Content/entities/b.md and Content/entities/a.md
            """,
        ])
        #expect(matcher.mentions(in: "AB").map(\.entity) == [0])
    }

    @Test func scalesToManyEntities() {
        let many = (0..<2000).map { Entity(slug: "e\($0)", name: "Name\($0) Person", kind: .person) }
        var diagnostics: [Diagnostic] = []
        let matcher = EntityMatcher(entities: many, diagnostics: &diagnostics)
        #expect(diagnostics.isEmpty)
        let mentions = matcher.mentions(in: "Name1999 Person met Name7 Person and Name19 Personal")
        #expect(mentions.map(\.entity) == [1999, 7])
    }
}
