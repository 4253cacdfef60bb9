import Foundation
import Testing
@testable import DossierCore

@Suite struct QuoteExtractorTests {
    // MARK: - Fixtures

    @Test func fixturesAreThere() throws {
        let fixtures = QuoteFixture.all()
        #expect(fixtures.filter { $0.group == "seed" }.count == 1)
        #expect(fixtures.filter { $0.group == "wikinews" }.count >= 6)
        #expect(fixtures.filter { $0.group == "passages" }.count >= 12)
        for fixture in fixtures {
            let run = fixture.run()
            #expect(!run.diagnostics.hasErrors, "\(fixture.testDescription): \(run.diagnostics)")
        }
    }

    /// The seed article gives exactly the quotes a careful reader marks.
    @Test func seedIsExact() throws {
        let seed = try #require(QuoteFixture.all().first { $0.group == "seed" })
        let (quotes, entities, _) = seed.run()
        let expected = seed.document.quotes
        #expect(quotes.count == expected.count)
        for (got, want) in zip(quotes, expected) {
            #expect(got.text == want.text)
            #expect(got.paragraph == want.paragraph)
            #expect(got.lastParagraph == (want.lastParagraph ?? want.paragraph))
            let name = got.entity.map { entities[$0] }
            #expect(name?.surfaceForms.contains(want.speaker ?? "") == true, "speaker of \"\(want.text)\": got \(name?.name ?? "nil")")
            #expect(got.isFragment == want.fragment, "fragment flag of \"\(want.text)\"")
        }
    }

    /// Precision, recall and speaker accuracy over every hand-marked fixture, with the entity files
    /// the fixtures have, then with none at all, as a new site starts (speakers compared by name).
    @Test(arguments: [true, false]) func accuracyOverAllFixtures(withEntities: Bool) {
        var score = QuoteScore()
        var perGroup: [String: QuoteScore] = [:]
        for fixture in QuoteFixture.all() {
            let (quotes, entities, _) = fixture.run(withEntities: withEntities)
            score.add(fixture, quotes: quotes, entities: entities, byName: !withEntities || fixture.entityFiles.isEmpty)
            perGroup[fixture.group, default: QuoteScore()].add(fixture, quotes: quotes, entities: entities, byName: !withEntities || fixture.entityFiles.isEmpty)
        }
        let mode = withEntities ? "with entities" : "without entities"
        func line(_ label: String, _ s: QuoteScore) -> String {
            "\(label) \(mode): \(s.expected) marked, \(s.extracted) extracted, precision \(percent(s.precision)), recall \(percent(s.recall)), speaker accuracy \(percent(s.speakerAccuracy)) (\(s.speakersRight)/\(s.matched))"
        }
        for group in QuoteFixture.groups { if let s = perGroup[group] { print(line("quotes[\(group)]", s)) } }
        print(line("quotes[all]", score))
        for problem in score.problems { print("  \(mode): \(problem)") }
        #expect(score.precision >= 0.95)
        #expect(score.recall >= 0.95)
        #expect(score.speakerAccuracy >= 0.95)
    }

    private func percent(_ x: Double) -> String { String(format: "%.1f%%", x * 100) }
}
