import Dispatch

/// Parse and link stages: source tree in, `Site` and diagnostics out.
public enum SiteLinker {
    /// With a `cache` (incremental rebuilds), unchanged files are not parsed again and unchanged
    /// briefings not analysed again.
    public static func link(_ tree: SourceTree, options: BuildOptions, diagnostics: inout [Diagnostic], cache: LinkCache? = nil) -> Site {
        cache?.beginBuild()
        defer { cache?.finishBuild() }
        // Parse.
        var config = SiteConfigParser.parse(tree.siteConfig, diagnostics: &diagnostics)
        if let override = options.baseURL {
            if let normalized = SiteConfigParser.normalizeBaseURL(override) {
                config.baseURL = normalized
            } else {
                diagnostics.append(.error(.parse, "--base-url must be an absolute http(s) URL, got '\(override)'", at: nil))
            }
        }
        let entities = parseEntities(tree.entities, cache: cache, diagnostics: &diagnostics)
        var articles: [String: Article] = [:]
        let parsedArticles = concurrentMap(tree.articles) { file -> (Article?, [Diagnostic]) in
            var local: [Diagnostic] = []
            guard EntityParser.isValidSlug(file.stem) else {
                local.append(.error(.parse, "article file name '\(file.fileName)' cannot be used in a URL", at: SourceLocation(file: file.path),
                                    notes: ["rename it with lowercase letters, digits, '-' and '_' only, e.g. '\(Slug.make(file.stem)).txt'"]))
                return (nil, local)
            }
            guard let cache else { return (ArticleParser.parse(file, diagnostics: &local), local) }
            return cache.article(file) { (ArticleParser.parse(file, diagnostics: &local), local) }
        }
        for (article, local) in parsedArticles {
            diagnostics.append(contentsOf: local)
            if let article { articles[article.fileName] = article }
        }
        let annotations = pairAnnotations(tree.annotations, articles: articles, cache: cache, diagnostics: &diagnostics)

        // Link, one briefing per task.
        let matcher = EntityMatcher(entities: entities, diagnostics: &diagnostics)
        cache?.setRegistry(entities, linkMode: config.linkEntities, extractQuotes: options.extractQuotes)
        let texts = cache == nil ? [:] : Dictionary((tree.articles + tree.annotations).map { ($0.path, $0.text) }, uniquingKeysWith: { a, _ in a })
        let analyzer = BriefingAnalyzer(matcher: matcher, quoteExtractor: options.extractQuotes ? QuoteExtractor(entities: entities) : nil, linkMode: config.linkEntities)
        let work = articles.keys.sorted().compactMap { name -> (Article, Annotation?)? in
            let annotation = annotations[name]
            if annotation?.draft == true, !options.includeDrafts { return nil }
            return (articles[name]!, annotation)
        }
        let results = concurrentMap(work) { article, annotation in
            var local: [Diagnostic] = []
            guard let cache else { return (analyzer.analyze(article: article, annotation: annotation, diagnostics: &local), local) }
            return cache.analysis(article: article, articleText: texts[article.path] ?? "", annotation: annotation,
                                  annotationText: annotation.flatMap { texts[$0.path] }) {
                (analyzer.analyze(article: article, annotation: annotation, diagnostics: &local), local)
            }
        }
        var briefings: [Briefing] = []
        for (briefing, local) in results {
            briefings.append(briefing)
            diagnostics.append(contentsOf: local)
        }
        briefings.sort { a, b in
            switch (a.date, b.date) {
            case let (x?, y?) where x != y: return x > y
            case (_?, nil): return true
            case (nil, _?): return false
            default: return a.slug < b.slug
            }
        }

        // Cross-references.
        var entityBriefings = [[(briefing: Int, mentions: Int)]](repeating: [], count: entities.count)
        var totals = [Int](repeating: 0, count: entities.count)
        var tagIndex: [String: Int] = [:]
        var tags: [Site.TagGroup] = []
        for (b, briefing) in briefings.enumerated() {
            for (entity, count) in briefing.mentionCounts.sorted(by: { $0.key < $1.key }) {
                entityBriefings[entity].append((b, count))
                totals[entity] += count
            }
            for tag in briefing.tags {
                if let t = tagIndex[tag.slug] {
                    tags[t].briefings.append(b)
                } else {
                    tagIndex[tag.slug] = tags.count
                    tags.append(Site.TagGroup(slug: tag.slug, name: tag.name, briefings: [b]))
                }
            }
        }
        tags.sort { $0.slug < $1.slug }
        return Site(config: config, entities: entities, briefings: briefings, entityBriefings: entityBriefings,
                    entityMentionTotals: totals, tags: tags)
    }

    private static func parseEntities(_ files: [SourceFile], cache: LinkCache?, diagnostics: inout [Diagnostic]) -> [Entity] {
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

    /// Matches each annotation to its article by `article:` or by file stem.
    private static func pairAnnotations(_ files: [SourceFile], articles: [String: Article], cache: LinkCache?, diagnostics: inout [Diagnostic]) -> [String: Annotation] {
        var result: [String: Annotation] = [:]
        let parsed = concurrentMap(files.sorted(by: { $0.path < $1.path })) { file -> (SourceFile, Annotation, [Diagnostic]) in
            var local: [Diagnostic] = []
            guard let cache else { return (file, AnnotationParser.parse(file, diagnostics: &local), local) }
            let (annotation, diagnostics) = cache.annotation(file) { (AnnotationParser.parse(file, diagnostics: &local), local) }
            return (file, annotation, diagnostics)
        }
        for (file, annotation, local) in parsed {
            diagnostics.append(contentsOf: local)
            guard articles[annotation.articleFile] != nil else {
                var notes = ["an annotation annotates articles/\(annotation.articleFile); add that article or set 'article:' in the front matter"]
                if let guess = nearest(annotation.articleFile, in: Array(articles.keys)) { notes.insert("did you mean '\(guess)'?", at: 0) }
                diagnostics.append(.error(.link, "annotation's article '\(annotation.articleFile)' does not exist",
                                          at: annotation.articleLocation ?? SourceLocation(file: file.path), notes: notes))
                continue
            }
            if let other = result[annotation.articleFile] {
                diagnostics.append(.error(.link, "'\(annotation.articleFile)' is annotated twice, here and in \(other.path)",
                                          at: annotation.articleLocation ?? SourceLocation(file: file.path),
                                          notes: ["merge the two annotations into one file"]))
                continue
            }
            result[annotation.articleFile] = annotation
        }
        return result
    }
}

/// Maps in parallel and returns results in input order, so output never depends on scheduling.
func concurrentMap<T, R>(_ items: [T], _ transform: (T) -> R) -> [R] {
    guard items.count > 1 else { return items.map(transform) }
    var results = [R?](repeating: nil, count: items.count)
    results.withUnsafeMutableBufferPointer { buffer in
        let base = buffer.baseAddress!
        DispatchQueue.concurrentPerform(iterations: items.count) { i in
            base[i] = transform(items[i])
        }
    }
    return results.map { $0! }
}
