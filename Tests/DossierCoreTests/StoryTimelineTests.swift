import Foundation
import Testing
@testable import DossierCore

/// Stories over time, entity timelines and pictures, and the feeds of stories, entities and tags.
/// Expected texts are written by hand from the small sites below.
@Suite struct StoryTimelineTests {
    /// Three briefings of one story over three months, naming Ana Ruiz, the Northern League and Valdora.
    static var storySite: TestSite {
        var site = TestSite.sample
        site.stories["valdora-talks.md"] = """
            ---
            title: The Valdora talks
            description: Ana Ruiz's bet on talks with the Northern League.
            ---
            Followed from the *first* meeting.
            """
        site.annotations["talks.md"] = site.annotations["talks.md"]!.replacingOccurrences(of: "tags:", with: "story: valdora-talks\ntags:")
        site.articles["walkout.txt"] = """
            ---
            published: 2024-04-10
            ---
            League walks out of talks

            The Northern League left the talks in Valdora on Wednesday. “We will not return,” said Tomas Berg.
            """
        site.annotations["walkout.md"] = "---\nstory: valdora-talks\n---\nThe walkout ends the first round.\n"
        site.articles["deal.txt"] = """
            ---
            published: 2024-05-20
            ---
            A deal at last

            Tomas Berg signed the agreement in the capital.
            """
        site.annotations["deal.md"] = "---\nstory: valdora-talks\n---\nThe deal.\n"
        site.entities["tomas-berg.md"] = "---\nname: Tomas Berg\nkind: person\naliases: [Berg]\n---\n"
        return site
    }

    @Test func aStoryPageIsADatedTimelineWithWhatEachBriefingBringsAndLeaves() throws {
        let (files, diagnostics) = Self.storySite.build()
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let page = try #require(files["stories/valdora-talks/index.html"])
        let talks = try #require(page.range(of: "Talks resume in Valdora")), walkout = try #require(page.range(of: "League walks out of talks")),
            deal = try #require(page.range(of: "A deal at last"))
        #expect(talks.lowerBound < walkout.lowerBound && walkout.lowerBound < deal.lowerBound, "oldest first")
        #expect(page.contains("3 briefings, oldest first."))
        #expect(page.contains("Followed from the <em>first</em> meeting."))
        // The walkout brings Tomas Berg in, quoted for the first time; the deal no longer names the League or Valdora.
        let walkoutStep = String(page[walkout.lowerBound..<deal.lowerBound])
        #expect(walkoutStep.contains(">New</dt><dd><ul class=\"entity-list\"><li><a class=\"entity person\" href=\"../../entities/tomas-berg/\">Tomas Berg</a>"))
        #expect(walkoutStep.contains(">New voices</dt>"))
        #expect(walkoutStep.contains("Ana Ruiz</a></li></ul></dd>"), "Ana Ruiz, named in the first briefing only, leaves")
        let dealStep = String(page[deal.lowerBound...])
        #expect(dealStep.contains(">No longer mentioned</dt>"))
        #expect(dealStep.contains("Northern League</a>") && dealStep.contains("Valdora</a>"))
        #expect(files["briefings/walkout/index.html"]!.contains(#"Part of the story <a href="../../stories/valdora-talks/">The Valdora talks</a>"#))
        #expect(files["stories/index.html"]!.contains(#"<a href="valdora-talks/">The Valdora talks</a>"#))
        #expect(files["stories/index.html"]!.contains("3 briefings · 2 March 2024 – 20 May 2024"))
        #expect(files["sitemap.xml"]!.contains("<loc>https://example.org/desk/stories/valdora-talks/</loc>"))
    }

    @Test func aMisspeltStoryIsAnErrorAndAStoryWithoutBriefingsAWarning() {
        var site = Self.storySite
        site.annotations["deal.md"] = "---\nstory: valdora-talk\n---\nThe deal.\n"
        site.stories["empty.md"] = "---\ntitle: Nothing yet\n---\n"
        let diagnostics = site.diagnostics()
        #expect(diagnostics.contains("""
            Content/annotations/deal.md:2:8: error: no story 'valdora-talk'
            Content/annotations/deal.md:2:8: note: did you mean 'valdora-talks'?
            Content/annotations/deal.md:2:8: note: create Content/stories/valdora-talk.md with a 'title:' to start the story
            """), "\(diagnostics)")
        #expect(diagnostics.contains { $0.hasPrefix("Content/stories/empty.md:1:1: warning: story 'empty' has no briefing") })
    }

    @Test func everyFeedValidatesAndIsLinkedFromItsPage() throws {
        let (files, _) = Self.storySite.build()
        let feeds = files.keys.filter { $0.hasSuffix("feed.xml") }.sorted()
        #expect(feeds.contains("stories/valdora-talks/feed.xml") && feeds.contains("entities/tomas-berg/feed.xml") && feeds.contains("tags/diplomacy/feed.xml"))
        for feed in feeds {
            guard let (status, output) = try FeedValidationTests.validate(files[feed]!, "--relaxng", "atom.rng") else { return }
            #expect(status == 0, "\(feed):\n\(output)")
        }
        let story = try #require(files["stories/valdora-talks/feed.xml"])
        #expect(story.contains("<title>Test Desk: The Valdora talks</title>"))
        #expect(story.contains(#"<link rel="self" type="application/atom+xml" href="https://example.org/desk/stories/valdora-talks/feed.xml"/>"#))
        #expect(story.components(separatedBy: "<entry>").count == 4)
        #expect(files["entities/tomas-berg/index.html"]!.contains(#"<link rel="alternate" type="application/atom+xml" title="Test Desk: Tomas Berg" href="../../entities/tomas-berg/feed.xml">"#))
        #expect(files["stories/valdora-talks/index.html"]!.contains(#"<link rel="alternate" type="application/atom+xml" title="Test Desk: The Valdora talks" href="feed.xml">"#))
    }

    @Test func anEntityTimelineShowsTheSentenceThatNamesItAndPictures() throws {
        let (files, _) = Self.storySite.build()
        let page = try #require(files["entities/tomas-berg/index.html"])
        #expect(page.contains(#"<blockquote class="row-context">Tomas Berg signed the agreement in the capital.</blockquote>"#))
        #expect(page.contains(#"<blockquote class="row-context">“We will not return,” said Tomas Berg.</blockquote>"#))
        // Two months with a mention (April, May) over a two-month span: two bars, and the words for them.
        #expect(page.components(separatedBy: "<rect class=\"chart-bar\"").count == 3)
        #expect(page.contains("<desc id=\"chart-mentions-desc\">April 2024: 1 mention; May 2024: 1 mention</desc>"))
        let ruiz = try #require(files["entities/ana-ruiz/index.html"])
        #expect(ruiz.contains(#"<a href="../../entities/northern-league/" class="graph-node graph-organization">"#))
    }

    @Test func aSentenceIsCutAtItsEndsAndAroundTheNameWhenLong() {
        let text = "Dr. Ana Ruiz met Mr. Berg. Then she left. The end"
        let berg = text.utf8.count - " Then she left. The end".utf8.count - "Berg.".utf8.count
        #expect(MentionContext.sentence(around: berg..<(berg + 4), in: text) == "Dr. Ana Ruiz met Mr. Berg.")
        let end = text.utf8.count - 3
        #expect(MentionContext.sentence(around: end..<(end + 3), in: text) == "The end")
        let long = String(repeating: "word ", count: 80) + "Valdora " + String(repeating: "more ", count: 80) + "stop."
        let at = 400
        let cut = MentionContext.sentence(around: at..<(at + 7), in: long)
        #expect(cut.hasPrefix("… word") && cut.hasSuffix("more …") && cut.contains("Valdora"))
        #expect(cut.utf8.count <= MentionContext.maximumLength + 10)
    }

    @Test func chartsCountByMonthOverShortSpansAndByYearOverLongOnes() {
        let months = SitePlanner.chart([(ISODate(year: 2024, month: 1, day: 5), 2), (ISODate(year: 2024, month: 3, day: 1), 1), (nil, 9)])
        #expect(months == [PeriodCount(year: 2024, month: 1, briefings: 1, mentions: 2), PeriodCount(year: 2024, month: 2, briefings: 0, mentions: 0),
                           PeriodCount(year: 2024, month: 3, briefings: 1, mentions: 1)])
        let years = SitePlanner.chart([(ISODate(year: 2015, month: 1, day: 1), 1), (ISODate(year: 2018, month: 6, day: 1), 3), (ISODate(year: 2018, month: 7, day: 1), 1)])
        #expect(years.map(\.year) == [2015, 2016, 2017, 2018] && years.map(\.month) == [nil, nil, nil, nil])
        #expect(years.map(\.mentions) == [1, 0, 0, 4] && years.map(\.briefings) == [1, 0, 0, 2])
    }

    @Test func namesInPicturesAreEscaped() {
        let strings = SiteStrings(language: "en")
        let svg = EntityCharts.coMentions([(name: "<script>alert(1)</script>", url: "../x/", kind: "person", count: 2)], name: "A & B", strings: strings)!
        #expect(!svg.contains("<script>"))
        #expect(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(svg.contains("A &amp; B"))
    }
}
