import Synchronization

/// Parse and analysis results of earlier builds, reused when their inputs are unchanged; the
/// memory of `SiteBuilder`. Values only: it never reads the disk.
///
/// Files are looked up by path and compared by text (cheap when the caller keeps unchanged files'
/// strings, as the preview server's source tree does). A briefing's analysis is reused when its
/// article and annotation texts, the entity registry's names, aliases and kinds, the link mode and
/// the descriptions of the entities it mentions are all unchanged, or when `LinkedSite.update`
/// has shown a registry change cannot affect it (`renewRegistry`).
public final class LinkCache: Sendable {
    private struct Entry<Value: Sendable>: Sendable {
        var text: String
        var value: Value
        var diagnostics: [Diagnostic]
        var generation: Int
    }

    private struct AnalysisInputs: Equatable, Sendable {
        var articleText: String
        var annotationPath: String?
        var annotationText: String?
        var registry: Int
    }

    private struct Analysis: Sendable {
        var inputs: AnalysisInputs
        var briefing: Briefing
        var diagnostics: [Diagnostic]
        /// Descriptions of the entities the briefing mentions or quotes: they appear in link titles.
        var descriptions: [Int: String?]
        var generation: Int
    }

    private struct State: Sendable {
        var articles: [String: Entry<Article?>] = [:]
        var annotations: [String: Entry<Annotation>] = [:]
        var entities: [String: Entry<Entity?>] = [:]
        var analyses: [String: Analysis] = [:]
        var generation = 0
        var registry = 0
        /// Descriptions of the registry's entities by index: all an analysis needs to know of them.
        var registryDescriptions: [String?] = []
        /// Analyses run during the current build (the rest were reused).
        var analysedCount = 0
    }

    /// Held only to read and write the tables: parsing, analysing and comparing happen outside
    /// it, since every briefing of the site asks at once on each rebuild.
    private let state = Mutex(State())

    /// Analyses run during the current build (the rest were reused).
    public var analysedCount: Int { state.withLock { $0.analysedCount } }

    public init() {}

    /// Starts a build; entries not used by it are dropped at `finishBuild()`.
    func beginBuild() {
        state.withLock {
            $0.generation += 1
            $0.analysedCount = 0
        }
    }

    /// Starts a rebuild that reads only the files it knows changed: nothing is dropped after it.
    func beginStep() {
        state.withLock { $0.analysedCount = 0 }
    }

    func finishBuild() {
        state.withLock { state in
            let generation = state.generation
            state.articles = state.articles.filter { $0.value.generation == generation }
            state.annotations = state.annotations.filter { $0.value.generation == generation }
            state.entities = state.entities.filter { $0.value.generation == generation }
            state.analyses = state.analyses.filter { $0.value.generation == generation }
        }
    }

    /// Call after entities are parsed and before any `analysis`.
    func setRegistry(_ entities: [Entity], linkMode: SiteConfig.LinkMode, extractQuotes: Bool) {
        var hasher = Hasher()
        hasher.combine(linkMode.rawValue)
        hasher.combine(extractQuotes)
        for entity in entities {
            hasher.combine(entity.slug)
            hasher.combine(entity.name)
            hasher.combine(entity.kind)
            hasher.combine(entity.aliases)
        }
        let registry = hasher.finalize()
        state.withLock {
            $0.registry = registry
            $0.registryDescriptions = entities.map(\.description)
        }
    }

    /// Like `setRegistry`, for a change the caller has shown to leave the analyses of every article
    /// but those in `redone` as they are: their cached analyses are carried over to the new registry.
    func renewRegistry(_ entities: [Entity], linkMode: SiteConfig.LinkMode, extractQuotes: Bool, except redone: Set<String>) {
        let old = state.withLock { $0.registry }
        setRegistry(entities, linkMode: linkMode, extractQuotes: extractQuotes)
        state.withLock { state in
            guard state.registry != old else { return }
            for key in state.analyses.keys where !redone.contains(key) && state.analyses[key]!.inputs.registry == old {
                state.analyses[key]!.inputs.registry = state.registry
            }
        }
    }

    func article(_ file: SourceFile, parse: () -> (Article?, [Diagnostic])) -> (Article?, [Diagnostic]) {
        cached(file, in: \.articles, parse: parse)
    }

    func annotation(_ file: SourceFile, parse: () -> (Annotation, [Diagnostic])) -> (Annotation, [Diagnostic]) {
        cached(file, in: \.annotations, parse: parse)
    }

    func entity(_ file: SourceFile, parse: () -> (Entity?, [Diagnostic])) -> (Entity?, [Diagnostic]) {
        cached(file, in: \.entities, parse: parse)
    }

    private func cached<Value: Sendable>(_ file: SourceFile, in table: WritableKeyPath<State, [String: Entry<Value>]> & Sendable,
                                         parse: () -> (Value, [Diagnostic])) -> (Value, [Diagnostic]) {
        let (previous, current) = state.withLock { ($0[keyPath: table][file.path], $0.generation) }
        if let previous, previous.text == file.text {
            state.withLock { $0[keyPath: table][file.path]?.generation = current }
            return (previous.value, previous.diagnostics)
        }
        let (value, diagnostics) = parse()
        let entry = Entry(text: file.text, value: value, diagnostics: diagnostics, generation: current)
        state.withLock { $0[keyPath: table][file.path] = entry }
        return (value, diagnostics)
    }

    func analysis(article: Article, articleText: String, annotation: Annotation?, annotationText: String?,
                  analyze: () -> (Briefing, [Diagnostic])) -> (Briefing, [Diagnostic]) {
        let (registry, entities, previous, current) = state.withLock {
            ($0.registry, $0.registryDescriptions, $0.analyses[article.path], $0.generation)
        }
        let inputs = AnalysisInputs(articleText: articleText, annotationPath: annotation?.path, annotationText: annotationText, registry: registry)
        if let previous, previous.inputs == inputs,
           previous.descriptions.allSatisfy({ entities.indices.contains($0.key) && entities[$0.key] == $0.value }) {
            state.withLock { $0.analyses[article.path]?.generation = current }
            return (previous.briefing, previous.diagnostics)
        }
        let (briefing, diagnostics) = analyze()
        let descriptions = Dictionary(uniqueKeysWithValues: briefing.shownEntities.filter { entities.indices.contains($0) }.map { ($0, entities[$0]) })
        let analysis = Analysis(inputs: inputs, briefing: briefing, diagnostics: diagnostics, descriptions: descriptions, generation: current)
        state.withLock {
            $0.analysedCount += 1
            $0.analyses[article.path] = analysis
        }
        return (briefing, diagnostics)
    }
}
