/// Applies the editor's `quotes:` entries to the quotations detected in one article: the editor's
/// word on a speaker, a status or a false quotation is final.
enum QuoteEditor {
    /// The detected quotes with the overrides applied, dropped ones removed, in text order. Runs on
    /// the quotes as detected: an entry's `(n)` counts them, dropped ones included.
    static func apply(_ overrides: [QuoteOverride], to quotes: [Quote], entities: [Entity], articlePath: String,
                      diagnostics: inout [Diagnostic]) -> [Quote] {
        guard !overrides.isEmpty else { return quotes }
        var quotes = quotes
        var dropped = Set<Int>()
        let texts = quotes.map { NormalizedText($0.text, dropBrackets: true, keepOffsets: false) }
        var slugs: [String: Int]?
        var suggestionsLeft = CorrectedArticle.closestPassageLimit
        for override in overrides {
            let pattern = NormalizedText.pattern(override.quote, dropBrackets: true)
            guard !pattern.isEmpty, override.occurrence >= 1 else {
                diagnostics.append(.error(.parse, "quote entry \"\(override.quote)\" has no words to find", at: override.location,
                                          notes: ["'quote' is a few words from the quotation as the article has them; (n) counts from 1"]))
                continue
            }
            let holding = quotes.indices.filter { texts[$0].contains(pattern) }
            guard override.occurrence <= holding.count else {
                suggestionsLeft -= 1
                diagnostics.append(notFound(override, holding: holding.count, pattern: pattern, quotes: suggestionsLeft >= 0 ? quotes : [],
                                            articlePath: articlePath))
                continue
            }
            let q = holding[override.occurrence - 1]
            if override.drop {
                dropped.insert(q)
                continue
            }
            switch override.speaker {
            case .unchanged:
                break
            case .none:
                quotes[q].speaker = nil
                quotes[q].entity = nil
                quotes[q].cue = nil
                quotes[q].attributedBy = .editor
            case .named(let name):
                if slugs == nil { slugs = Dictionary(entities.enumerated().map { ($1.slug, $0) }, uniquingKeysWith: { a, _ in a }) }
                let entity = slugs?[name]
                // `angus-kng`: a slug-shaped speaker must name an entity; a name with spaces is text.
                if entity == nil, Slug.make(name) == name, name.contains("-") {
                    let nearest = entities.map(\.slug).min { editDistance(Array($0.utf8), Array(name.utf8)) < editDistance(Array($1.utf8), Array(name.utf8)) }
                    diagnostics.append(.error(.link, "speaker '\(name)' is not an entity's slug", at: override.location,
                                              notes: (nearest.map { ["did you mean '\($0)'?"] } ?? []) + ["write a name with spaces (\"Jane Roe\") for a speaker without an entity file"]))
                    continue
                }
                quotes[q].entity = entity
                quotes[q].speaker = entity.map { entities[$0].name } ?? name
                quotes[q].cue = nil
                quotes[q].attributedBy = .editor
            }
            if override.speaker != .unchanged { quotes[q].isDirect = quotes[q].speaker != nil }
            if let status = override.status { quotes[q].status = status }
        }
        return quotes.enumerated().filter { !dropped.contains($0.offset) }.map(\.element)
    }

    private static func notFound(_ override: QuoteOverride, holding: Int, pattern: [Unicode.Scalar], quotes: [Quote], articlePath: String) -> Diagnostic {
        if holding > 0 {
            let times = holding == 1 ? "one detected quotation" : "\(holding) detected quotations"
            return .error(.link, "quote \"\(override.quote)\" is in \(times) of \(articlePath), but (\(override.occurrence)) asks for number \(override.occurrence)",
                          at: override.location, notes: ["use a number from 1 to \(holding)"])
        }
        var notes: [String] = []
        var best: (text: String, distance: Int)?
        for quote in quotes.prefix(200) {
            let text = NormalizedText(quote.text, dropBrackets: true)
            if let found = text.closestPassage(to: pattern, in: quote.text), best == nil || found.distance < best!.distance { best = found }
        }
        if let best, best.distance <= max(3, pattern.count / 2) {
            notes.append("closest quotation: \"\(best.text)\"")
        }
        notes.append("'quote' must be words from inside one detected quotation; quote marks, dashes and spacing may differ, letter case may not")
        return .error(.link, "quote \"\(override.quote)\" matches no quotation detected in \(articlePath)", at: override.location, notes: notes)
    }

    /// The words of an entry that finds quote `q` of `quotes`: its first words, with `(n)` when
    /// earlier quotes hold them too (looking back at most 200 quotes, enough for any real article).
    static func entryWords(for q: Int, in quotes: [Quote]) -> String {
        let words = quotes[q].text.split(whereSeparator: { $0 == " " || $0 == "\n" }).prefix(6).joined(separator: " ")
        let pattern = NormalizedText.pattern(words, dropBrackets: true)
        let earlier = quotes[max(0, q - 200)..<q].filter { NormalizedText($0.text, dropBrackets: true, keepOffsets: false).contains(pattern) }.count
        return earlier > 0 ? "\(words) (\(earlier + 1))" : words
    }
}
