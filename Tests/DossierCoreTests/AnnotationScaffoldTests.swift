import Testing
@testable import DossierCore

@Suite struct AnnotationScaffoldTests {
    @Test func scaffoldListsQuotesAndUncoveredNames() throws {
        let site = TestSite.sample
        var text = site.articles["talks.txt"]!
        text += "\n\n“We will be back next week,” said Ana Ruiz. Carlos Mendez of the Harbour Authority agreed.\n"
        var diagnostics: [Diagnostic] = []
        let scaffold = try #require(AnnotationScaffold.make(
            article: SourceFile(path: "Content/articles/talks.txt", text: text),
            entities: site.tree.entities, diagnostics: &diagnostics))
        #expect(diagnostics.isEmpty)
        #expect(scaffold.hasPrefix("---\ntitle: \"Ministers meet as talks resume\"\nsummary: \"\"\npublished: 2024-03-02\n"))
        #expect(scaffold.contains("""
            # Detected quotes (2); check each speaker:
            #  - [ ] ¶1 Ruiz’s aides (no entity): “constructive”
            #  - [ ] ¶3 Ana Ruiz (ana-ruiz): “We will be back next week,”
            #
            # Candidate entities without an entity file (mentions):
            #  - Carlos Mendez (1)
            #  - Harbour Authority (1)
            ---
            """))
    }
}
