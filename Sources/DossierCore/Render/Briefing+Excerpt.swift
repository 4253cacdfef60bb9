extension Briefing {
    /// The opening words of the article after the headline, for a card that has no summary to
    /// show (an un-annotated briefing): at most `words` words, with an ellipsis when cut. Short
    /// paragraphs before the first real one (datelines such as "Thursday, January 12, 2006") are
    /// skipped.
    func excerpt(words: Int = 36) -> String? {
        let paragraphs = article.blocks.dropFirst().filter { !$0.isEmpty }
            .map { $0.text.split(whereSeparator: { $0.isWhitespace }) }
        guard let all = paragraphs.first(where: { $0.count >= 12 }) ?? paragraphs.first else { return nil }
        guard all.count > words else { return all.joined(separator: " ") }
        var cut = all.prefix(words).joined(separator: " ")
        while let last = cut.last, ",;:–—-".contains(last) { cut.removeLast() }
        return cut + "…"
    }
}
