/// A note tied to the exact stretch of article text it comments on.
public struct ResolvedNote: Sendable, Hashable {
    public var note: AnchoredNote
    public var span: ParagraphSpan
}

/// Finds each anchored note's phrase in the corrected article.
enum AnchorResolver {
    /// Matches are tried on the corrected text (editorial brackets optional), then on the text
    /// without editorial insertions, so a phrase copied from the article as received still anchors.
    static func resolve(_ notes: [AnchoredNote], in article: CorrectedArticle, articlePath: String, diagnostics: inout [Diagnostic]) -> [ResolvedNote] {
        guard !notes.isEmpty else { return [] }
        let indexed = TrigramIndex.pays(patterns: notes.count, texts: article.blocks.count)
        var withBrackets = FoldedBlocks(article, skippingInsertions: false, indexed: indexed)
        var withoutInsertions: FoldedBlocks?
        var resolved: [ResolvedNote] = []
        var suggestionsLeft = CorrectedArticle.closestPassageLimit
        // Phrases some note numbers (`(2)`): their other notes chose the first knowingly.
        let numbered = Set(notes.filter(\.occurrenceWritten).map { NormalizedText.pattern($0.phrase, dropBrackets: true).map(\.value) })
        for note in notes {
            let pattern = NormalizedText.pattern(note.phrase, dropBrackets: true)
            var found = withBrackets.occurrences(of: pattern, in: article)
            if found.isEmpty {
                if withoutInsertions == nil { withoutInsertions = FoldedBlocks(article, skippingInsertions: true, indexed: indexed) }
                found = withoutInsertions!.occurrences(of: pattern, in: article)
            }
            if note.occurrence <= found.count {
                resolved.append(ResolvedNote(note: note, span: found[note.occurrence - 1]))
                if found.count > 1, !note.occurrenceWritten, !numbered.contains(pattern.map(\.value)) {
                    diagnostics.append(ambiguous(note, found, in: article, articlePath: articlePath))
                }
            } else if found.isEmpty {
                var notes: [String] = []
                suggestionsLeft -= 1
                if suggestionsLeft >= 0, let closest = article.closestPassage(to: pattern, in: article.blocks) {
                    notes.append("closest passage: \"\(closest.text)\" (paragraph \(closest.paragraph))")
                }
                notes.append("the phrase must appear in the article as corrected; quote marks, dashes and spacing may differ, letter case may not")
                diagnostics.append(.error(.link, "anchored phrase \"\(note.phrase)\" not found in \(articlePath)", at: note.location, notes: notes))
            } else {
                let times = found.count == 1 ? "once" : "\(found.count) times"
                diagnostics.append(.error(.link, "anchored phrase \"\(note.phrase)\" occurs only \(times) in \(articlePath), but (\(note.occurrence)) asks for occurrence \(note.occurrence)",
                                          at: note.location, notes: ["use an occurrence from 1 to \(found.count)"]))
            }
        }
        return resolved
    }

    /// How many occurrences an ambiguity warning lists before summing up the rest.
    static let listedOccurrences = 5

    /// A phrase found more than once with no `(n)`: the note takes the first, perhaps not the one meant.
    private static func ambiguous(_ note: AnchoredNote, _ found: [ParagraphSpan], in article: CorrectedArticle, articlePath: String) -> Diagnostic {
        var notes = found.prefix(listedOccurrences).enumerated().map { n, span in
            "(\(n + 1)) paragraph \(span.paragraph): \(context(of: span, in: article))"
        }
        if found.count > listedOccurrences { notes.append("… and \(found.count - listedOccurrences) more") }
        notes.append("choose one by its number: ### \"\(note.phrase)\" (2); write (1) to keep the first")
        return .warning(.link, "anchored phrase \"\(note.phrase)\" occurs \(found.count) times in \(articlePath); the note is attached to the first",
                        at: note.location, notes: notes)
    }

    /// The occurrence with a few words either side, on one line: `…the group’s «recruiting tool» for…`.
    static func context(of span: ParagraphSpan, in article: CorrectedArticle, width: Int = 30) -> String {
        let blocks = article.blocks
        guard let block = blocks.indices.contains(span.paragraph) && blocks[span.paragraph].index == span.paragraph
                ? blocks[span.paragraph] : blocks.first(where: { $0.index == span.paragraph }) else { return "" }
        let utf8 = Array(block.text.utf8)
        func text(_ range: Range<Int>) -> String { String(decoding: utf8[range], as: UTF8.self).replacingNewlines() }
        let before = text(0..<span.range.lowerBound), after = text(span.range.upperBound..<utf8.count)
        // Cut at a space so that no word is shown in part.
        func wholeWords<S: StringProtocol>(_ part: S, atStart: Bool) -> String {
            let cut = atStart ? part.firstIndex(of: " ").map { part[part.index(after: $0)...] } : part.lastIndex(of: " ").map { part[..<$0] }
            return String(cut ?? part[...])
        }
        let head = before.count > width ? "…" + wholeWords(before.suffix(width), atStart: true) : before
        let tail = after.count > width ? wholeWords(after.prefix(width), atStart: false) + "…" : after
        return "\"\(head)«\(text(span.range))»\(tail)\""
    }

    /// The article's paragraphs folded for matching, brackets dropped (and insertions skipped, for
    /// the second try). Offsets back into the text are worked out only for the paragraphs a phrase
    /// occurs in: notes are few, paragraphs many, and the offset arrays cost more than the folding.
    private struct FoldedBlocks {
        let skippingInsertions: Bool
        let texts: [NormalizedText]
        let index: TrigramIndex?
        var withOffsets: [NormalizedText?]

        init(_ article: CorrectedArticle, skippingInsertions: Bool, indexed: Bool) {
            self.skippingInsertions = skippingInsertions
            texts = article.blocks.map { NormalizedText($0.text, dropBrackets: true, skipping: skippingInsertions ? $0.insertions : [], keepOffsets: false) }
            index = indexed ? TrigramIndex(texts) : nil
            withOffsets = Array(repeating: nil, count: texts.count)
        }

        mutating func occurrences(of pattern: [Unicode.Scalar], in article: CorrectedArticle) -> [ParagraphSpan] {
            var spans: [ParagraphSpan] = []
            for i in index?.candidates(for: pattern) ?? Array(texts.indices) where texts[i].contains(pattern) {
                let block = article.blocks[i]
                if withOffsets[i] == nil {
                    withOffsets[i] = NormalizedText(block.text, dropBrackets: true, skipping: skippingInsertions ? block.insertions : [])
                }
                for range in withOffsets[i]!.occurrences(of: pattern) {
                    spans.append(ParagraphSpan(paragraph: block.index, range: range))
                }
            }
            return spans
        }
    }
}
