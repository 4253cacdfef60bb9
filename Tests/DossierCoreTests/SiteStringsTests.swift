import Testing
@testable import DossierCore

/// Dates and the interface's words in the site's language, from one table that `strings:` in
/// site.yml overrides. Expected texts are written out by hand.
@Suite struct SiteStringsTests {
    let date = ISODate(year: 2018, month: 12, day: 20)

    @Test func datesAreWrittenAsEachLanguageWritesThem() {
        #expect(SiteStrings(language: "en").date(date) == "20 December 2018")
        #expect(SiteStrings(language: "fr").date(date) == "20 décembre 2018")
        #expect(SiteStrings(language: "de").date(date) == "20. Dezember 2018")
        #expect(SiteStrings(language: "es").date(date) == "20 de diciembre de 2018")
        #expect(SiteStrings(language: "fr-CA").date(ISODate(year: 2024, month: 8, day: 1)) == "1 août 2024")
    }

    @Test func countedPhrasesFollowTheLanguagesPluralRule() {
        let en = SiteStrings(language: "en"), fr = SiteStrings(language: "fr"), de = SiteStrings(language: "de"), es = SiteStrings(language: "es")
        #expect([0, 1, 2].map { en.count($0, "mentions") } == ["0 mentions", "1 mention", "2 mentions"])
        #expect([0, 1, 2].map { fr.count($0, "mentions") } == ["0 mention", "1 mention", "2 mentions"])
        #expect([0, 1, 2].map { de.count($0, "mentions") } == ["0 Erwähnungen", "1 Erwähnung", "2 Erwähnungen"])
        #expect([1, 5].map { es.count($0, "quotes") } == ["1 cita", "5 citas"])
    }

    @Test func placeholdersAreFilledEverywhereTheyStand() {
        #expect("{n} of {n}".filling("{n}", with: "3") == "3 of 3")
        #expect("Mot-clé « {tag} »".filling("{tag}", with: "Été") == "Mot-clé « Été »")
        #expect("no placeholder".filling("{n}", with: "3") == "no placeholder")
        #expect("{n}".filling("{n}", with: "") == "")
        #expect("{{n}}".filling("{n}", with: "7") == "{7}")
    }

    @Test func everyBuiltInTableHasEveryKey() {
        let english = SiteStrings.english
        for table in [SiteStrings.french, SiteStrings.german, SiteStrings.spanish] {
            #expect(Set(table.words.keys) == Set(english.words.keys))
            #expect(Set(table.plurals.keys) == Set(english.plurals.keys))
        }
    }

    @Test func pagesUseTheSitesLanguageAndItsOverrides() throws {
        var site = TestSite.sample
        site.site = """
            title: Bureau
            base_url: https://example.org/desk/
            language: fr
            strings:
              quotes: Propos
              mentions: {one: "{n} occurrence", other: "{n} occurrences"}
            """
        let (files, diagnostics) = site.build()
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let page = try #require(files["briefings/talks/index.html"])
        #expect(page.contains(#"<html lang="fr">"#))
        #expect(page.contains(#"<time datetime="2024-03-02">2 mars 2024</time>"#))
        #expect(page.contains(">Propos</a>"), "the navigation, overridden")
        #expect(page.contains(">Dans cette note<"), "a built-in French word")
        #expect(!page.contains("In this briefing"))
        let entity = try #require(files["entities/ana-ruiz/index.html"])
        #expect(entity.contains("occurrence"))
        #expect(!entity.contains(" mentions<"))
    }

    @Test func aMisspeltStringOrAnUntranslatedLanguageIsSaid() {
        var site = TestSite.sample
        site.site = "title: T\nlanguage: pl\nstrings:\n  quotse: Cytaty\n"
        let diagnostics = site.diagnostics()
        #expect(diagnostics.contains { $0.hasPrefix("Content/site.yml:4:3: error: unknown key 'quotse' in strings\nContent/site.yml:4:3: note: did you mean 'quotes'?") },
                "\(diagnostics)")
        #expect(diagnostics.contains { $0.hasPrefix("Content/site.yml:2:11: warning: Dossier has no words for language 'pl'") }, "\(diagnostics)")
    }
}
