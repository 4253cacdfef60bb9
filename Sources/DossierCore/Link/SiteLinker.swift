import Foundation
import Synchronization

/// Parse and link stages: source tree in, `Site` and diagnostics out.
public enum SiteLinker {
    /// With a `cache` (incremental rebuilds), unchanged files are not parsed again and unchanged
    /// briefings not analysed again.
    public static func link(_ tree: SourceTree, options: BuildOptions, diagnostics: inout [Diagnostic], cache: LinkCache? = nil) -> Site {
        let linked = LinkedSite(tree, options: options, cache: cache)
        diagnostics.append(contentsOf: linked.diagnostics)
        return linked.site
    }
}

/// The link stage's result together with what a rebuild needs to redo only part of it: the parsed
/// files, the analyzer, and the diagnostics filed by the file or briefing they came from.
struct LinkedSite {
    private(set) var site: Site
    private let options: BuildOptions
    private var analyzer: BriefingAnalyzer
    /// Parsed files by path; articles that did not parse are absent.
    private var articles: [String: Article]
    private var annotations: [String: Annotation]
    /// The annotation paired with each article, by the article's file name.
    private var pairing: [String: Annotation]
    /// Position of each source file in the tree, articles by file name and annotations by path
    /// (`update` requires unchanged paths, so positions stay valid).
    private var articlePositions: [String: Int]
    private let annotationPositions: [String: Int]
    /// Config problems; entity and alias problems; annotation pairing problems; parse problems by
    /// file path; analysis problems by article file name. Only non-empty lists are kept.
    private var configDiagnostics: [Diagnostic]
    private var entityDiagnostics: [Diagnostic]
    private var pairingDiagnostics: [Diagnostic]
    /// Story files' problems, and annotations naming a story that does not exist.
    private var storyDiagnostics: [Diagnostic] = []
    private var stories: [Story] = []
    private var fileDiagnostics: [String: [Diagnostic]]
    private var briefingDiagnostics: [String: [Diagnostic]]

    /// Every problem, unsorted. Within one file, parse problems come before pairing and analysis
    /// ones, as the stages ran: display sorting (by location, stable) then gives one order.
    var diagnostics: [Diagnostic] {
        var all = configDiagnostics + entityDiagnostics + storyDiagnostics
        for path in fileDiagnostics.keys.sorted() { all += fileDiagnostics[path]! }
        all += pairingDiagnostics
        for name in briefingDiagnostics.keys.sorted() { all += briefingDiagnostics[name]! }
        return all
    }

    /// Links the whole tree, reusing `cache`'s parses and analyses where their inputs are unchanged.
    init(_ tree: SourceTree, options: BuildOptions, cache: LinkCache?) {
        cache?.beginBuild()
        defer { cache?.finishBuild() }
        self.options = options
        var configDiagnostics: [Diagnostic] = []
        var config = SiteConfigParser.parse(tree.siteConfig, diagnostics: &configDiagnostics)
        if let override = options.baseURL {
            if override.utf8.count > SiteConfig.maximumBaseURLLength {
                configDiagnostics.append(.error(.parse, "--base-url is \(override.utf8.count) characters long; at most \(SiteConfig.maximumBaseURLLength) are allowed", at: nil))
            } else if let normalized = SiteConfigParser.normalizeBaseURL(override) {
                config.baseURL = normalized
            } else {
                configDiagnostics.append(.error(.parse, "--base-url must be an absolute http(s) URL, got '\(override)'", at: nil))
            }
        }
        var entityDiagnostics: [Diagnostic] = []
        let entities = Self.parseEntities(tree.entities, cache: cache, diagnostics: &entityDiagnostics)
        let matcher = EntityMatcher(entities: entities, diagnostics: &entityDiagnostics)
        cache?.setRegistry(entities, linkMode: config.linkEntities, extractQuotes: options.extractQuotes)
        analyzer = BriefingAnalyzer(matcher: matcher, quoteExtractor: options.extractQuotes ? QuoteExtractor(entities: entities) : nil,
                                    linkMode: config.linkEntities, quoteClock: options.quoteClock)
        self.configDiagnostics = configDiagnostics
        self.entityDiagnostics = entityDiagnostics

        fileDiagnostics = [:]
        let parsedArticles = concurrentMap(tree.articles) { Self.parseArticle($0, cache: cache) }
        articles = [:]
        var articlesByName: [String: Article] = [:]
        for (file, (article, local)) in zip(tree.articles, parsedArticles) {
            if !local.isEmpty { fileDiagnostics[file.path] = local }
            if let article {
                articles[file.path] = article
                articlesByName[article.fileName] = article
            }
        }
        let sortedAnnotations = tree.annotations.sorted(by: { $0.path < $1.path })
        let parsedAnnotations = concurrentMap(sortedAnnotations) { Self.parseAnnotation($0, cache: cache) }
        var annotations: [String: Annotation] = [:]
        for (file, (annotation, local)) in zip(sortedAnnotations, parsedAnnotations) {
            if !local.isEmpty { fileDiagnostics[file.path] = local }
            annotations[file.path] = annotation
        }
        self.annotations = annotations
        var pairingDiagnostics: [Diagnostic] = []
        let pairing = Self.pair(parsedAnnotations.map(\.0), articles: articlesByName, diagnostics: &pairingDiagnostics)
        let articlePositions = Dictionary(tree.articles.enumerated().map { ($0.element.fileName, $0.offset) }, uniquingKeysWith: { a, _ in a })
        let annotationPositions = Dictionary(tree.annotations.enumerated().map { ($0.element.path, $0.offset) }, uniquingKeysWith: { a, _ in a })
        (self.pairing, self.pairingDiagnostics, self.articlePositions, self.annotationPositions) = (pairing, pairingDiagnostics, articlePositions, annotationPositions)

        // Link, one briefing per task.
        let work = articlesByName.keys.sorted().compactMap { name -> Article? in
            options.leavesOut(articlesByName[name], pairing[name]) ? nil : articlesByName[name]
        }
        let heldBack = articlesByName.keys.count { options.isScheduled(articlesByName[$0], pairing[$0]) && !(pairing[$0]?.draft == true && !options.includeDrafts) }
        let analyzer = analyzer
        let results = concurrentMap(work) { article in
            let annotation = pairing[article.fileName]
            return Self.analyze(article, articleText: articlePositions[article.fileName].map { tree.articles[$0].text } ?? "",
                                annotation: annotation, annotationText: annotation.flatMap { annotationPositions[$0.path] }.map { tree.annotations[$0].text },
                                analyzer: analyzer, cache: cache)
        }
        briefingDiagnostics = [:]
        var briefings: [Briefing] = []
        briefings.reserveCapacity(results.count)
        for (article, (briefing, local)) in zip(work, results) {
            briefings.append(briefing)
            if !local.isEmpty { briefingDiagnostics[article.fileName] = local }
        }
        briefings.sort(by: Briefing.precedes)
        site = Site(config: config, entities: entities, briefings: briefings)
        site.heldBack = heldBack
        (stories, storyDiagnostics) = Self.stories(tree.stories, annotations: Array(pairing.values))
        site.stories = Site.group(stories, site.briefings)
        for story in stories where !site.stories.contains(where: { $0.story.slug == story.slug }) {
            storyDiagnostics.append(.warning(.link, "story '\(story.slug)' has no briefing", at: SourceLocation(file: story.path),
                                             notes: ["add 'story: \(story.slug)' to the front matter of the annotations that belong to it"]))
        }
    }

    /// The stories of `files`, and an error for every annotation naming one that is not there.
    private static func stories(_ files: [SourceFile], annotations: [Annotation]) -> ([Story], [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let stories = files.sorted { $0.path < $1.path }.compactMap { StoryParser.parse($0, diagnostics: &diagnostics) }
        let slugs = stories.map(\.slug)
        for annotation in annotations.sorted(by: { $0.path < $1.path }) {
            guard let story = annotation.story, !slugs.contains(story) else { continue }
            var notes = ["create Content/stories/\(story).md with a 'title:' to start the story"]
            if let guess = nearest(story, in: slugs) { notes.insert("did you mean '\(guess)'?", at: 0) }
            diagnostics.append(.error(.link, "no story '\(story)'", at: annotation.storyLocation ?? SourceLocation(file: annotation.path), notes: notes))
        }
        return (stories, diagnostics)
    }

    /// Applies a change to `tree` since `previous` (the tree this site was linked from) by parsing
    /// and analysing only the changed articles and annotations. Returns false, having changed
    /// nothing, for any other change (config, entities, files added, removed or re-paired, drafts
    /// switched, pairing errors): then link the tree from scratch, with the same cache.
    mutating func update(to tree: SourceTree, from previous: SourceTree, cache: LinkCache) -> Bool {
        guard pairingDiagnostics.isEmpty, tree.siteConfig == previous.siteConfig,
              let changedEntities = Self.changedFiles(tree.entities, previous.entities),
              let changedAnnotations = Self.changedFiles(tree.annotations, previous.annotations),
              Self.changedFiles(tree.stories, previous.stories)?.isEmpty == true
        else { return false }
        // Articles may also come and go, if no annotation is paired with them.
        var changedArticles: [SourceFile], addedArticles: [Article] = [], removedArticles: [Article] = []
        if let changed = Self.changedFiles(tree.articles, previous.articles) {
            changedArticles = changed
        } else {
            let before = Dictionary(previous.articles.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
            let now = Set(tree.articles.map(\.path))
            guard before.count == previous.articles.count, now.count == tree.articles.count else { return false }
            changedArticles = []
            var names = Set(articlePositions.keys)
            for file in previous.articles where !now.contains(file.path) {
                guard let article = articles[file.path], pairing[article.fileName] == nil else { return false }
                removedArticles.append(article)
                names.remove(article.fileName)
            }
            for file in tree.articles {
                guard let old = before[file.path] else {
                    let (article, local) = Self.parseArticle(file, cache: cache)
                    guard let article, local.isEmpty, names.insert(article.fileName).inserted else { return false }
                    addedArticles.append(article)
                    continue
                }
                if old.text != file.text { changedArticles.append(file) }
            }
        }
        cache.beginStep()
        if changedEntities.isEmpty, changedArticles.isEmpty, changedAnnotations.isEmpty, addedArticles.isEmpty, removedArticles.isEmpty { return true }
        var registry: RegistryChange?
        if !changedEntities.isEmpty {
            guard entityDiagnostics.isEmpty, let change = registryChange(changedEntities, tree: tree, cache: cache) else { return false }
            registry = change
        }

        var newArticles: [String: (Article, [Diagnostic])] = [:]
        var affected = registry?.briefings ?? []
        for file in changedArticles {
            guard let old = articles[file.path] else { return false }
            let (article, local) = Self.parseArticle(file, cache: cache)
            // A briefing that moves in or out of the schedule changes the site's list: linked anew.
            guard let article, options.isScheduled(article, pairing[article.fileName]) == options.isScheduled(old, pairing[old.fileName]) else { return false }
            newArticles[file.path] = (article, local)
            affected.insert(article.fileName)
        }
        var newAnnotations: [String: (Annotation, [Diagnostic])] = [:]
        for file in changedAnnotations {
            guard let old = annotations[file.path] else { return false }
            let (annotation, local) = Self.parseAnnotation(file, cache: cache)
            let article = articlePositions[annotation.articleFile].flatMap { self.articles[tree.articles[$0].path] }
            guard annotation.articleFile == old.articleFile, annotation.draft == old.draft, annotation.story == old.story,
                  options.isScheduled(article, annotation) == options.isScheduled(article, old) else { return false }
            newAnnotations[file.path] = (annotation, local)
            affected.insert(annotation.articleFile)
        }

        // Commit: nothing below can fail.
        if !addedArticles.isEmpty || !removedArticles.isEmpty {
            articlePositions = Dictionary(tree.articles.enumerated().map { ($0.element.fileName, $0.offset) }, uniquingKeysWith: { a, _ in a })
            for article in removedArticles {
                articles[article.path] = nil
                fileDiagnostics[article.path] = nil
                briefingDiagnostics[article.fileName] = nil
                if options.isScheduled(article, nil) { site.heldBack -= 1 }
            }
            for article in addedArticles {
                articles[article.path] = article
                if options.isScheduled(article, nil) { site.heldBack += 1 }
                affected.insert(article.fileName)
            }
        }
        if let registry {
            site.entities = registry.entities
            analyzer = registry.analyzer
            let redone = Set(registry.briefings.compactMap { articlePositions[$0].map { tree.articles[$0].path } })
            cache.renewRegistry(registry.entities, linkMode: site.config.linkEntities, extractQuotes: options.extractQuotes, except: redone)
        }
        for (path, (article, local)) in newArticles {
            articles[path] = article
            fileDiagnostics[path] = local.isEmpty ? nil : local
        }
        for (path, (annotation, local)) in newAnnotations {
            annotations[path] = annotation
            pairing[annotation.articleFile] = annotation
            fileDiagnostics[path] = local.isEmpty ? nil : local
        }
        // Local copies: the parallel closure below cannot capture a mutating `self`.
        let (pairing, articles, annotationPositions, analyzer, options) = (pairing, articles, annotationPositions, analyzer, options)
        let work = affected.sorted().compactMap { name -> (name: String, article: Article, text: String)? in
            guard let position = articlePositions[name], let article = articles[tree.articles[position].path] else { return nil }
            if options.leavesOut(article, pairing[name]) { return nil }
            return (name, article, tree.articles[position].text)
        }
        let results = concurrentMap(work) { name, article, text in
            let annotation = pairing[name]
            return Self.analyze(article, articleText: text, annotation: annotation,
                                annotationText: annotation.flatMap { annotationPositions[$0.path] }.map { tree.annotations[$0].text },
                                analyzer: analyzer, cache: cache)
        }
        var replaced: [Briefing] = []
        for (item, (briefing, local)) in zip(work, results) {
            briefingDiagnostics[item.name] = local.isEmpty ? nil : local
            replaced.append(briefing)
        }
        // In place when order and tags stay; else the site is cross-referenced anew.
        let gone = Set(removedArticles.map(\.path))
        var pending: [(index: Int, briefing: Briefing)] = []
        var added: [Briefing] = []
        for briefing in replaced {
            guard let b = site.briefings.firstIndex(where: { $0.articlePath == briefing.articlePath }) else { added.append(briefing); continue }
            if pending.isEmpty, added.isEmpty, gone.isEmpty, site.replaceBriefing(at: b, with: briefing) { continue }
            pending.append((b, briefing))
        }
        if !pending.isEmpty || !added.isEmpty || !gone.isEmpty {
            var briefings = site.briefings
            for (b, briefing) in pending { briefings[b] = briefing }
            briefings.removeAll { gone.contains($0.articlePath) }
            briefings += added
            let heldBack = site.heldBack
            site = Site(config: site.config, entities: site.entities, briefings: briefings.sorted(by: Briefing.precedes))
            site.heldBack = heldBack
            site.stories = Site.group(stories, site.briefings)
        }
        return true
    }

    /// New entities and what they change, when entity files changed but each still parses cleanly
    /// under its old slug and kind and no alias is claimed twice.
    private struct RegistryChange {
        var entities: [Entity]
        var analyzer: BriefingAnalyzer
        /// Article file names of the briefings to analyse again: those that mention or quote a
        /// changed entity, or whose text contains a name or alias that was added or removed.
        var briefings: Set<String>
    }

    private func registryChange(_ files: [SourceFile], tree: SourceTree, cache: LinkCache) -> RegistryChange? {
        var entities = site.entities
        var changed: Set<Int> = []
        var forms: Set<String> = []
        for file in files {
            var local: [Diagnostic] = []
            let (parsed, diagnostics) = cache.entity(file) { (EntityParser.parse(file, diagnostics: &local), local) }
            guard let entity = parsed, diagnostics.isEmpty, let e = entities.firstIndex(where: { $0.path == file.path }),
                  entities[e].slug == entity.slug, entities[e].kind == entity.kind else { return nil }
            let before = Set(entities[e].surfaceForms.map { $0.trimmingWhitespace() })
            forms.formUnion(before.symmetricDifference(entity.surfaceForms.map { $0.trimmingWhitespace() }).filter { !$0.isEmpty })
            entities[e] = entity
            changed.insert(e)
        }
        var diagnostics: [Diagnostic] = []
        let matcher = EntityMatcher(entities: entities, diagnostics: &diagnostics)
        guard diagnostics.isEmpty else { return nil }
        let analyzer = BriefingAnalyzer(matcher: matcher, quoteExtractor: options.extractQuotes ? QuoteExtractor(entities: entities) : nil,
                                        linkMode: site.config.linkEntities, quoteClock: options.quoteClock)
        // Matches can change only where an added or removed form occurs in the text the matcher
        // read: the corrected article's blocks and the annotation's text nodes.
        let needles = forms.map { Array($0.utf8) }
        let changedEntities = changed
        let hits = concurrentMap(site.briefings) { briefing -> Bool in
            if briefing.shownEntities.contains(where: changedEntities.contains) { return true }
            guard !needles.isEmpty else { return false }
            let texts = briefing.article.blocks.map(\.text) + [briefing.annotationText]
            return texts.contains { text in needles.contains { text.containsBytes($0) } }
        }
        var briefings: Set<String> = []
        for (briefing, hit) in zip(site.briefings, hits) where hit { briefings.insert(SourceFile.fileName(of: briefing.articlePath)) }
        return RegistryChange(entities: entities, analyzer: analyzer, briefings: briefings)
    }

    // MARK: Steps

    private static func parseArticle(_ file: SourceFile, cache: LinkCache?) -> (Article?, [Diagnostic]) {
        var local: [Diagnostic] = []
        guard EntityParser.isValidSlug(file.stem) else {
            local.append(.error(.parse, "article file name '\(file.fileName)' cannot be used in a URL", at: SourceLocation(file: file.path),
                                notes: ["rename it with lowercase letters, digits, '-' and '_' only, e.g. '\(Slug.make(file.stem)).txt'"]))
            return (nil, local)
        }
        guard let cache else { return (ArticleParser.parse(file, diagnostics: &local), local) }
        return cache.article(file) { (ArticleParser.parse(file, diagnostics: &local), local) }
    }

    private static func parseAnnotation(_ file: SourceFile, cache: LinkCache?) -> (Annotation, [Diagnostic]) {
        var local: [Diagnostic] = []
        guard let cache else { return (AnnotationParser.parse(file, diagnostics: &local), local) }
        return cache.annotation(file) { (AnnotationParser.parse(file, diagnostics: &local), local) }
    }

    private static func analyze(_ article: Article, articleText: String, annotation: Annotation?, annotationText: String?,
                                analyzer: BriefingAnalyzer, cache: LinkCache?) -> (Briefing, [Diagnostic]) {
        var local: [Diagnostic] = []
        guard let cache else { return (analyzer.analyze(article: article, annotation: annotation, diagnostics: &local), local) }
        return cache.analysis(article: article, articleText: articleText, annotation: annotation, annotationText: annotationText) {
            (analyzer.analyze(article: article, annotation: annotation, diagnostics: &local), local)
        }
    }

    static func parseEntities(_ files: [SourceFile], cache: LinkCache?, diagnostics: inout [Diagnostic]) -> [Entity] {
        var entities: [Entity] = []
        let parsed = concurrentMap(files.sorted(by: { $0.path < $1.path })) { file -> (Entity?, [Diagnostic]) in
            var local: [Diagnostic] = []
            guard let cache else { return (EntityParser.parse(file, diagnostics: &local), local) }
            return cache.entity(file) { (EntityParser.parse(file, diagnostics: &local), local) }
        }
        for (entity, local) in parsed {
            diagnostics.append(contentsOf: local)
            if let entity { entities.append(entity) }
        }
        return entities
    }

    /// Matches each annotation (in path order) to its article by `article:` or by file stem.
    private static func pair(_ annotations: [Annotation], articles: [String: Article], diagnostics: inout [Diagnostic]) -> [String: Annotation] {
        var result: [String: Annotation] = [:]
        for annotation in annotations {
            guard articles[annotation.articleFile] != nil else {
                var notes = ["an annotation annotates articles/\(annotation.articleFile); add that article or set 'article:' in the front matter"]
                if let guess = nearest(annotation.articleFile, in: Array(articles.keys)) { notes.insert("did you mean '\(guess)'?", at: 0) }
                diagnostics.append(.error(.link, "annotation's article '\(annotation.articleFile)' does not exist",
                                          at: annotation.articleLocation ?? SourceLocation(file: annotation.path), notes: notes))
                continue
            }
            if let other = result[annotation.articleFile] {
                diagnostics.append(.error(.link, "'\(annotation.articleFile)' is annotated twice, here and in \(other.path)",
                                          at: annotation.articleLocation ?? SourceLocation(file: annotation.path),
                                          notes: ["merge the two annotations into one file"]))
                continue
            }
            result[annotation.articleFile] = annotation
        }
        return result
    }

    /// The files of `current` whose text differs from `previous`, or nil when the lists differ in
    /// paths. Positional, and cheap for unchanged files: their strings share storage.
    private static func changedFiles(_ current: [SourceFile], _ previous: [SourceFile]) -> [SourceFile]? {
        guard current.count == previous.count else { return nil }
        var changed: [SourceFile] = []
        for (now, before) in zip(current, previous) {
            guard now.path == before.path else { return nil }
            if now.text != before.text { changed.append(now) }
        }
        return changed
    }
}

/// Maps in parallel and returns results in input order, so output never depends on scheduling.
///
/// Workers map contiguous chunks and hand each chunk's results back under a lock, once per chunk:
/// values merged, no memory shared while mapping. Sixteen chunks per core balance uneven work.
public func concurrentMap<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
    guard items.count > 1 else { return items.map(transform) }
    let chunkCount = min(items.count, ProcessInfo.processInfo.activeProcessorCount * 16)
    let chunks = Mutex([[R]](repeating: [], count: chunkCount))
    DispatchQueue.concurrentPerform(iterations: chunkCount) { c in
        let part = items[(c * items.count / chunkCount)..<((c + 1) * items.count / chunkCount)].map(transform)
        chunks.withLock { $0[c] = part }
    }
    return chunks.withLock { $0.flatMap { $0 } }
}
