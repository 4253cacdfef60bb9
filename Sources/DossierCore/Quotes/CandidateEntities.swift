/// Proper names seen in articles that no entity file covers, for `dossier check` to suggest.
///
/// A name is a run of capitalised words (`Hamdullah Mohib`, `University of Southern Indiana`, with
/// `of`, `de`, `van`… allowed inside) outside every entity mention. Role words and honorifics split
/// runs and are dropped with the capitalised words that qualify them (`Environment Minister John Baird`
/// gives `John Baird`); sentence-initial common
/// words (`The`, `In`, `A`), month and day names are skipped; a single word counts only if it also
/// appears in the middle of a sentence, since a capital at the start of a sentence proves nothing.
/// Headlines are skipped: their capitals are typographic.
public enum CandidateEntities {
    /// Candidate names with their number of occurrences, most frequent first, then by name.
    ///
    /// - Parameters:
    ///   - articles: corrected articles (call after corrections, like entity linking).
    ///   - mentions: `mentions[a][b]` are the entity mentions in `articles[a].blocks[b].text`.
    public static func find(in articles: [CorrectedArticle], mentions: [[[Mention]]]) -> [(name: String, count: Int)] {
        var tally = Tally()
        for (a, article) in articles.enumerated() {
            for (b, block) in article.blocks.enumerated() where b > 0 && !block.isEmpty {
                let blockMentions = a < mentions.count && b < mentions[a].count ? mentions[a][b] : []
                var text = block.text
                text.withUTF8 { bytes in
                    let tokens = TokenizedBlock(block: b, bytes: bytes, regions: [], mentions: blockMentions)
                    collect(tokens, bytes: bytes, into: &tally)
                }
            }
        }
        return tally.result()
    }

    private struct Tally {
        var counts: [String: (count: Int, words: Int, midSentence: Bool)] = [:]

        mutating func add(_ name: String, words: Int, midSentence: Bool) {
            var entry = counts[name] ?? (0, words, false)
            entry.count += 1
            entry.midSentence = entry.midSentence || midSentence
            counts[name] = entry
        }

        func result() -> [(name: String, count: Int)] {
            counts.filter { $0.value.words > 1 || $0.value.midSentence }
                .map { (name: $0.key, count: $0.value.count) }
                .sorted { $0.count != $1.count ? $0.count > $1.count : $0.name < $1.name }
        }
    }

    private static func collect(_ block: TokenizedBlock, bytes: UnsafeBufferPointer<UInt8>, into tally: inout Tally) {
        let tokens = block.tokens
        var sentenceInitial = Set(block.sentenceStarts.compactMap { start in
            tokens[start...].firstIndex { $0.kind == .word }
        })
        for (t, token) in tokens.enumerated() where token.kind == .colon && t + 1 < tokens.count && tokens[t + 1].kind == .word {
            sentenceInitial.insert(t + 1)
        }
        var run: [Int] = []
        func flush() {
            defer { run.removeAll(keepingCapacity: true) }
            while let last = run.last, isConnector(tokens[last]) { run.removeLast() }
            guard let first = run.first else { return }
            var words = run
            if sentenceInitial.contains(first), AttributionLexicon.commonCapitalised.contains(tokens[first].key) {
                words.removeFirst()
            }
            guard let start = words.first, let end = words.last else { return }
            let capitalised = words.filter { tokens[$0].isCapitalized }
            if capitalised.count == 1, AttributionLexicon.commonCapitalised.contains(tokens[start].key) { return }
            let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[tokens[start].start..<NameFinder.nameEnd(tokens[end], bytes)]), as: UTF8.self)
            tally.add(name, words: capitalised.count, midSentence: !sentenceInitial.contains(start))
        }
        for (t, token) in tokens.enumerated() {
            guard token.kind == .word, token.mention < 0 else { flush(); continue }
            if token.isCapitalized, isTitle(token) {
                run.removeAll(keepingCapacity: true)   // `Prime Minister`, `Shadow Home Secretary`: part of the title
            } else if isNameWord(token, bytes) {
                run.append(t)
            } else if !run.isEmpty, isConnector(token), t + 1 < tokens.count, isNameWord(tokens[t + 1], bytes), tokens[t + 1].mention < 0 {
                run.append(t)
            } else {
                flush()
            }
        }
        flush()
    }

    /// A capitalised word that can be part of a name: not a month, a day, a role or an honorific, no digits.
    private static func isNameWord(_ token: TokenizedBlock.Token, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard token.isCapitalized, token.end - token.start >= 2 else { return false }
        let key = token.key
        if AttributionLexicon.months.contains(key) || AttributionLexicon.weekdays.contains(key)
            || AttributionLexicon.roles.contains(key) || AttributionLexicon.honorifics.contains(key) {
            return false
        }
        return NameFinder.spellsAName(token, bytes)
    }

    private static func isTitle(_ token: TokenizedBlock.Token) -> Bool {
        AttributionLexicon.roles.contains(token.key) || AttributionLexicon.honorifics.contains(token.key)
    }

    private static func isConnector(_ token: TokenizedBlock.Token) -> Bool {
        token.kind == .word && !token.isCapitalized && NameFinder.connectors.contains(token.key)
    }

}
