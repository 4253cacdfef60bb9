import DossierTheme
import Foundation
@testable import DossierCore

/// An in-memory site for whole-pipeline tests, written as strings in the test itself.
struct TestSite {
    var site = "title: Test Desk\nbase_url: https://example.org/desk/\n"
    var articles: [String: String] = [:]
    var annotations: [String: String] = [:]
    var entities: [String: String] = [:]
    var stories: [String: String] = [:]
    /// Text appended to default templates, by template name.
    var templateEdits: [String: String] = [:]

    /// The built-in theme's templates, named as a site's own `Templates/` would name them.
    static let defaultTemplates: [TemplateSource] = BuiltinTheme.files.compactMap { path, text in
        guard path.hasSuffix(".mustache") else { return nil }
        return TemplateSource(name: String(path.dropLast(".mustache".count)), file: SourceFile(path: "Templates/" + path, text: text))
    }

    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The built-in theme's assets (stylesheet, scripts, favicon), so pages' links to them resolve.
    static let defaultAssets: [String: [UInt8]] = Dictionary(uniqueKeysWithValues: BuiltinTheme.files.filter { $0.path.hasPrefix("assets/") }.map { ($0.path, Array($0.text.utf8)) })

    var tree: SourceTree {
        var tree = SourceTree(
            siteConfig: SourceFile(path: "Content/site.yml", text: site),
            articles: articles.sorted { $0.key < $1.key }.map { SourceFile(path: "Content/articles/\($0.key)", text: $0.value) },
            annotations: annotations.sorted { $0.key < $1.key }.map { SourceFile(path: "Content/annotations/\($0.key)", text: $0.value) },
            entities: entities.sorted { $0.key < $1.key }.map { SourceFile(path: "Content/entities/\($0.key)", text: $0.value) },
            templates: Self.defaultTemplates.map { template in
                guard let edit = templateEdits[template.name] else { return template }
                return TemplateSource(name: template.name, file: SourceFile(path: template.file.path, text: template.file.text + edit))
            })
        tree.assets = Self.defaultAssets
        tree.stories = stories.sorted { $0.key < $1.key }.map { SourceFile(path: "Content/stories/\($0.key)", text: $0.value) }
        return tree
    }

    func build(_ options: BuildOptions = BuildOptions()) -> (files: [String: String], diagnostics: [Diagnostic]) {
        let result = SiteBuilder.build(tree, options: options)
        var files: [String: String] = [:]
        for file in result.files { files[file.path] = file.text }
        return (files, result.diagnostics)
    }

    /// Diagnostics printed as the CLI prints them (without colour).
    func diagnostics(_ options: BuildOptions = BuildOptions()) -> [String] {
        SiteBuilder.build(tree, options: options).diagnostics.map(\.description)
    }
}

extension TestSite {
    /// A small valid site: one annotated article, one plain article, three entities.
    static var sample: TestSite {
        var site = TestSite()
        site.articles["talks.txt"] = """
        ---
        source: Wire
        url: https://example.com/talks
        published: 2024-03-02
        ---
        Ministers meet as talks resume

        Foreign Minister Ana Ruiz met officials of the Northern League in Valdora on Monday.
        Ruiz’s aides said the talks were “constructive”.

        The Northern League’s spokesman said the group would return next week.
        """
        site.articles["harbour.txt"] = """
        Harbour reopens in Valdora

        The harbour of Valdora reopened on Tuesday after repairs.
        """
        site.annotations["talks.md"] = """
        ---
        title: Talks resume in Valdora
        summary: The first meeting in a year; both sides call it *constructive*.
        published: 2024-03-02
        briefed: 2024-03-03
        tags: [Diplomacy, talks]
        corrections:
          - {find: "met officials of", replace: "met [senior] officials of"}
        ---
        Ana Ruiz has staked her term on these talks. See [the wire](https://example.com/wire) and `Valdora`.

        ### "were “constructive”"
        The word both sides used; Valdora’s press repeated it.
        """
        site.entities["ana-ruiz.md"] = """
        ---
        name: Ana Ruiz
        kind: person
        aliases: [Ruiz, Foreign Minister Ana Ruiz]
        description: Foreign minister of Valdora.
        links:
          wikipedia: https://en.wikipedia.org/wiki/Example
        ---
        Career diplomat.
        """
        site.entities["northern-league.md"] = "---\nname: Northern League\nkind: organization\n---\n"
        site.entities["valdora.md"] = "---\nname: Valdora\nkind: place\n---\n"
        return site
    }
}

/// Swift Testing has a `SourceLocation` too; in these tests the name means Dossier's.
typealias SourceLocation = DossierCore.SourceLocation
