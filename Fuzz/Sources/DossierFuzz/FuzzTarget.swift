import DossierCore
import Foundation

/// One libFuzzer entry point for every target; `DOSSIER_FUZZ_TARGET` picks which input the bytes
/// become, the rest of the site being a small fixed one, so each run goes through the real
/// pipeline (parse, link, quotes, anchors, render) from that input.
enum FuzzTarget: String, CaseIterable {
    /// The bytes are an article as received (parse, entities, scraping damage, rendering; the
    /// quote extractor off, so time goes to the rest).
    case article
    /// An entity file: front matter (YAML) and body.
    case frontmatter
    /// An annotation: front matter, corrections, prose, notes.
    case annotation
    /// An article rich in quotations, with the quote extractor on and entities registered.
    case quotes
    /// The notes section of an annotation: anchored phrases against the fixed article.
    case anchors
    /// The briefing page's Mustache template.
    case template

    static let current: FuzzTarget = {
        let name = ProcessInfo.processInfo.environment["DOSSIER_FUZZ_TARGET"] ?? ""
        guard let target = FuzzTarget(rawValue: name) else {
            fatalError("set DOSSIER_FUZZ_TARGET to one of: \(allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return target
    }()

    static let fixedArticle = """
    ---
    source: Wire
    published: 2024-03-02
    ---
    Ministers meet as talks resume

    Foreign Minister Ana Ruiz met officials of the Northern League in Valdora on Monday. "We are here to stay," Ruiz said.

    "It is constructive," the spokesman said. "We will return."
    """
    static let fixedAnnotation = """
    ---
    title: Talks resume
    tags: [Diplomacy]
    corrections:
      - {find: "met officials of", replace: "met [senior] officials of"}
    ---
    Ana Ruiz has staked her term on these talks.

    ### "here to stay"
    A note.
    """
    static let entities = [
        "Content/entities/ana-ruiz.md": "---\nname: Ana Ruiz\nkind: person\naliases: [Ruiz]\n---\nDiplomat.\n",
        "Content/entities/northern-league.md": "---\nname: Northern League\nkind: organization\n---\n",
        "Content/entities/valdora.md": "---\nname: Valdora\nkind: place\n---\n",
    ]
    static let templates: [TemplateSource] = {
        let root = ProcessInfo.processInfo.environment["DOSSIER_TEMPLATES"] ?? "Sources/DossierTheme/Theme"
        let url = URL(fileURLWithPath: root)
        var result: [TemplateSource] = []
        let enumerator = FileManager.default.enumerator(atPath: root)
        while let path = enumerator?.nextObject() as? String {
            guard path.hasSuffix(".mustache"), let text = try? String(contentsOf: url.appendingPathComponent(path), encoding: .utf8) else { continue }
            result.append(TemplateSource(name: String(path.dropLast(".mustache".count)), file: SourceFile(path: "Templates/" + path, text: text)))
        }
        precondition(!result.isEmpty, "no templates under \(root); set DOSSIER_TEMPLATES")
        return result.sorted { $0.name < $1.name }
    }()

    func tree(_ input: String) -> SourceTree {
        var article = Self.fixedArticle, annotation = Self.fixedAnnotation
        var entities = Self.entities
        var templates = Self.templates
        var site = "title: Fuzz\nbase_url: https://example.org/\n"
        var stories: [SourceFile] = []
        switch self {
        case .article, .quotes: article = input
        case .frontmatter:
            // The same bytes as an entity, a story and the site's settings (strings: included).
            entities["Content/entities/fuzzed.md"] = input
            stories = [SourceFile(path: "Content/stories/fuzzed.md", text: input)]
            site = input
            annotation = annotation.replacingOccurrences(of: "---\n", with: "---\nstory: fuzzed\n", options: .anchored)
        case .annotation: annotation = input
        case .anchors: annotation = "---\ntitle: T\n---\nProse.\n\n" + input
        case .template:
            templates = templates.map { $0.name == "briefing" ? TemplateSource(name: "briefing", file: SourceFile(path: $0.file.path, text: input)) : $0 }
        }
        var tree = SourceTree(
            siteConfig: SourceFile(path: "Content/site.yml", text: site),
            articles: [SourceFile(path: "Content/articles/talks.txt", text: article)],
            annotations: [SourceFile(path: "Content/annotations/talks.md", text: annotation)],
            entities: entities.sorted { $0.key < $1.key }.map { SourceFile(path: $0.key, text: $0.value) },
            templates: templates)
        tree.stories = stories
        return tree
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    // Bytes become text the way the loader makes them: invalid UTF-8 is refused there, so
    // repaired here; line endings and control characters normalised.
    let raw = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let text = SourceText.normalized(raw, path: "fuzz").text
    let target = FuzzTarget.current
    let options = BuildOptions(extractQuotes: target != .article)
    var diagnostics: [Diagnostic] = []
    var bytes = 0
    if ProcessInfo.processInfo.environment["DOSSIER_FUZZ_RENDER"] == "0" {
        _ = SiteLinker.link(target.tree(text), options: options, diagnostics: &diagnostics)
    } else {
        let result = SiteBuilder.build(target.tree(text), options: options)
        for file in result.files { bytes &+= file.bytes.count }
        diagnostics = result.diagnostics
    }
    // The one invariant beyond "no crash, no hang": diagnostics print on one line each
    // (plus notes), with control characters escaped (tabs are text).
    for d in diagnostics where d.description.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\n" && $0 != "\t" }) {
        fatalError("diagnostic with a raw control character: \(d.description.debugDescription)")
    }
    return bytes == -1 ? 1 : 0
}
