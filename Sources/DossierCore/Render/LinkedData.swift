/// schema.org structured data for a briefing page (JSON-LD): search engines and link previews
/// read it as an `AnalysisNewsArticle` that `isBasedOn` the source article, is `about` the
/// entities it mentions most and `mentions` the others. The JSON is serialised with `<`, `>`
/// and `&` escaped, so no text can close the `<script>` element that carries it.
struct LinkedData {
    let config: SiteConfig

    func briefing(_ briefing: Briefing, url: String, entities: EntityFaces) -> JSON {
        var article: [(String, JSON)] = [("@type", .string("NewsArticle"))]
        let headline = (briefing.article.blocks.first?.text ?? "").replacingNewlines()
        if !headline.isEmpty { article.append(("headline", .string(headline))) }
        if let source = briefing.provenance.url { article.append(("url", .string(source))) }
        if let published = briefing.provenance.published { article.append(("datePublished", .string(published.description))) }
        if let author = briefing.provenance.author { article.append(("author", .object([("@type", .string("Person")), ("name", .string(author))]))) }
        if let source = briefing.provenance.source { article.append(("publisher", .object([("@type", .string("Organization")), ("name", .string(source))]))) }
        if let license = briefing.provenance.license { article.append(("license", .string(license))) }

        // Most mentioned first; the leading ones (up to three, all with the top counts) are what it is about.
        let ranked = briefing.sortedMentions.sorted { ($1.count, entities[$0.entity].value.name) < ($0.count, entities[$1.entity].value.name) }
        let about = ranked.prefix(3).map { thing(entities[$0.entity].value) }
        let mentions = ranked.dropFirst(3).map { thing(entities[$0.entity].value) }

        var data: [(String, JSON)] = [
            ("@context", .string("https://schema.org")),
            ("@type", .string("AnalysisNewsArticle")),
            ("headline", .string(briefing.title)),
        ]
        if let summary = briefing.summaryText { data.append(("description", .string(summary))) }
        data += [("url", .string(url)), ("mainEntityOfPage", .string(url)), ("inLanguage", .string(config.language))]
        if let date = briefing.briefed ?? briefing.date { data.append(("datePublished", .string(date.description))) }
        data.append(("author", .object([("@type", .string("Organization")), ("name", .string(config.author ?? config.title))])))
        data.append(("publisher", .object([("@type", .string("Organization")), ("name", .string(config.title)), ("url", .string(config.baseURL))])))
        if !briefing.tags.isEmpty { data.append(("keywords", .array(briefing.tags.map { .string($0.name) }))) }
        data.append(("isBasedOn", .object(article)))
        if !about.isEmpty { data.append(("about", .array(about))) }
        if !mentions.isEmpty { data.append(("mentions", .array(mentions))) }
        return .object(data)
    }

    private func thing(_ face: EntityFace) -> JSON {
        let type = switch face.kind {
        case .person: "Person"
        case .organization: "Organization"
        case .place: "Place"
        case .event: "Event"
        case .other: "Thing"
        }
        var pairs: [(String, JSON)] = [("@type", .string(type)), ("name", .string(face.name)),
                                       ("url", .string(config.baseURL + "entities/\(face.slug)/"))]
        if let description = face.description { pairs.append(("description", .string(description))) }
        if !face.sameAs.isEmpty { pairs.append(("sameAs", .array(face.sameAs.map(JSON.string)))) }
        return .object(pairs)
    }
}
