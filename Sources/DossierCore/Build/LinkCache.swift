import Foundation

/// Parse and analysis results of earlier builds, reused when their inputs are unchanged; the
/// memory of `IncrementalBuilder`. Values only: it never reads the disk.
///
/// Files are looked up by path and compared by text (cheap when the caller keeps unchanged files'
/// strings, as the preview server's source tree does). A briefing's analysis is reused when its
/// article and annotation texts, the entity registry's names, aliases and kinds, the link mode and
/// the descriptions of the entities it mentions are all unchanged, or when `LinkedSite.update`
/// has shown a registry change cannot affect it (`renewRegistry`).
public final class LinkCache: @unchecked Sendable {
    private struct Entry<Value> {
        var text: String
        var value: Value
        var diagnostics: [Diagnostic]
        var generation: Int
    }

    private struct AnalysisInputs: Equatable {
        var articleText: String
        var annotationPath: String?
        var annotationText: String?
        var registry: Int
    }

    private struct Analysis {
        var inputs: AnalysisInputs
        var briefing: Briefing
        var diagnostics: [Diagnostic]
        /// Descriptions of the entities the briefing mentions or quotes: they appear in link titles.
        var descriptions: [Int: String?]
        var generation: Int
    }

    private let lock = NSLock()
    private var articles: [String: Entry<Article?>] = [:]
    private var annotations: [String: Entry<Annotation>] = [:]
    private var entities: [String: Entry<Entity?>] = [:]
    private var analyses: [String: Analysis] = [:]
    private var generation = 0
    private var registry = 0
    /// Descriptions of the registry's entities by index: all an analysis needs to know of them.
    private var registryDescriptions: [String?] = []
    /// Analyses run during the current build (the rest were reused).
    public private(set) var analysedCount = 0

    public init() {}

    /// Starts a build; entries not used by it are dropped at `finishBuild()`.
    func beginBuild() {
        lock.withLock {
            generation += 1
            analysedCount = 0
        }
    }

    /// Starts a rebuild that reads only the files it knows changed: nothing is dropped after it.
    func beginStep() {
        lock.withLock { analysedCount = 0 }
    }

    func finishBuild() {
        lock.withLock {
            articles = articles.filter { $0.value.generation == generation }
            annotations = annotations.filter { $0.value.generation == generation }
            entities = entities.filter { $0.value.generation == generation }
            analyses = analyses.filter { $0.value.generation == generation }
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
        lock.withLock {
            registry = hasher.finalize()
            registryDescriptions = entities.map(\.description)
        }
    }

    /// Like `setRegistry`, for a change the caller has shown to leave the analyses of every article
    /// but those in `redone` as they are: their cached analyses are carried over to the new registry.
    func renewRegistry(_ entities: [Entity], linkMode: SiteConfig.LinkMode, extractQuotes: Bool, except redone: Set<String>) {
        let old = lock.withLock { registry }
        setRegistry(entities, linkMode: linkMode, extractQuotes: extractQuotes)
        lock.withLock {
            guard registry != old else { return }
            for key in analyses.keys where !redone.contains(key) && analyses[key]!.inputs.registry == old {
                analyses[key]!.inputs.registry = registry
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

    private func cached<Value>(_ file: SourceFile, in table: ReferenceWritableKeyPath<LinkCache, [String: Entry<Value>]>,
                               parse: () -> (Value, [Diagnostic])) -> (Value, [Diagnostic]) {
        lock.lock()
        let previous = self[keyPath: table][file.path]
        let current = generation
        lock.unlock()
        if let previous, previous.text == file.text {
            lock.withLock { self[keyPath: table][file.path]?.generation = current }
            return (previous.value, previous.diagnostics)
        }
        let (value, diagnostics) = parse()
        lock.withLock { self[keyPath: table][file.path] = Entry(text: file.text, value: value, diagnostics: diagnostics, generation: current) }
        return (value, diagnostics)
    }

    func analysis(article: Article, articleText: String, annotation: Annotation?, annotationText: String?,
                  analyze: () -> (Briefing, [Diagnostic])) -> (Briefing, [Diagnostic]) {
        // The lock is held only to read and write the tables: comparisons happen outside it, since
        // every briefing of the site asks at once on each rebuild.
        lock.lock()
        let inputs = AnalysisInputs(articleText: articleText, annotationPath: annotation?.path, annotationText: annotationText, registry: registry)
        let entities = registryDescriptions
        let previous = analyses[article.path]
        let current = generation
        lock.unlock()
        if let previous, previous.inputs == inputs,
           previous.descriptions.allSatisfy({ entities.indices.contains($0.key) && entities[$0.key] == $0.value }) {
            lock.withLock { analyses[article.path]?.generation = current }
            return (previous.briefing, previous.diagnostics)
        }
        let (briefing, diagnostics) = analyze()
        let descriptions = Dictionary(uniqueKeysWithValues: briefing.shownEntities.filter { entities.indices.contains($0) }.map { ($0, entities[$0]) })
        lock.withLock {
            analysedCount += 1
            analyses[article.path] = Analysis(inputs: inputs, briefing: briefing, diagnostics: diagnostics, descriptions: descriptions,
                                              generation: current)
        }
        return (briefing, diagnostics)
    }
}
