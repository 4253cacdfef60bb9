extension SpeakerResolver {
    /// A resolved speaker: the words of the article and, when known, the entity.
    struct Resolution: Equatable, Sendable {
        var speaker: String?
        /// Book index (`SpeakerBook`): an entity or a name found in the article.
        var entity: Int?
        /// Named by the attribution itself (`X said`, `said X`, `X:`), not through a pronoun, a role,
        /// the clause a phrase sits in, or the quotation before.
        var direct = true
        /// The reporter's words that attribute the quotation (`he said`), for the editor.
        var cue: String?

        static let unknown = Resolution(speaker: nil, entity: nil)
    }

    /// Resolves `cue`, read by `finder` in a paragraph whose bytes are `bytes`.
    func resolve(_ cue: SpeakerCue, finder: AttributionFinder, bytes: UnsafeBufferPointer<UInt8>) -> Resolution {
        let names = NameReader(finder: finder, bytes: bytes)
        switch cue {
        case .phrase(let range):
            return resolvePhrase(range, names)
        case .source(let phrase, let appositive):
            // `the Crown prosecutor, Mark Tedeschi,`: the person in the appositive, unless the phrase names one.
            if let appositive, let inAppositive = names.lastSpeakerMention(in: appositive),
               names.lastSpeakerMention(in: phrase).map({ finder.kind(ofMentionAt: $0) != .person && finder.kind(ofMentionAt: inAppositive) == .person }) ?? true {
                return resolvePhrase(appositive, names)
            }
            return resolvePhrase(phrase, names)
        case .pronoun(let p):
            let key = finder.block.key(p)
            let pronoun = AttributionLexicon.pronouns[key] ?? .none
            let gender: SpeakerBook.Gender = key == AttributionLexicon.Key.he ? .male : key == AttributionLexicon.Key.she ? .female : .unknown
            return Resolution(speaker: names.text(p..<(p + 1)), entity: resolvePronoun(pronoun, gender: gender, token: p, block: finder.block.block),
                              direct: false)
        case .relative(let r):
            let sentence = finder.block.sentence(containing: r)
            guard let t = names.lastSpeakerMention(in: max(sentence.lowerBound, r - AttributionFinder.reach)..<r) else { return .unknown }
            return names.resolution(ofMentionAt: t)
        case .sentenceSubject(let range):
            // The subject opens the sentence: looking at its first words is enough, and keeps long sentences linear.
            // A pronoun before any name is the subject (`However, on the document, it referred to …`).
            // `Asked whether he would negotiate, she was blunt:`: an opening participle or subordinate clause is not the subject.
            var range = range
            if let first = range.first, finder.block.isWord(first), Self.opensSubordinateClause(finder.block.tokens[first], names),
               let comma = range.prefix(AttributionFinder.reach).first(where: { finder.block.tokens[$0].kind == .comma }) {
                range = (comma + 1)..<range.upperBound
            }
            for t in range.prefix(AttributionFinder.reach) {
                let token = finder.block.tokens[t]
                if token.kind == .word, token.mention < 0, AttributionLexicon.pronouns[token.key] != nil {
                    return resolve(.pronoun(t), finder: finder, bytes: bytes)
                }
                if names.isMentionStart(t), names.isSpeakerKind(t), !names.isPrepositional(t) {
                    // `Army veteran Cole Harrington`, `White House spokesman`: a name qualifying a person is not the subject.
                    let after = names.mentionRun(t).upperBound + 1
                    if finder.kind(ofMentionAt: t) != .person, finder.block.isWord(after), !finder.block.tokens[after].isCapitalized,
                       AttributionLexicon.peopleWords.contains(finder.block.tokens[after].key) {
                        continue
                    }
                    return names.resolution(ofMentionAt: t)
                }
            }
            return .unknown
        case .clauseSubject(let range):
            // `Lee called the bill “a disaster”`, `who President Erdogan plans to “neutralise”`: the nearest
            // name in subject position, that is, not after a preposition and followed by a verb.
            for t in range.reversed().prefix(AttributionFinder.reach) where names.isMentionStart(t) && names.isSpeakerKind(t) && !names.isPrepositional(t) {
                let after = names.mentionRun(t).upperBound + 1
                guard after < range.upperBound, finder.block.isWord(after), !finder.block.tokens[after].isCapitalized,
                      !AttributionLexicon.prepositions.contains(finder.block.tokens[after].key),
                      !AttributionLexicon.headEndingPrepositions.contains(finder.block.tokens[after].key),
                      !Self.hasNounSuffix(names.text(after..<(after + 1))),
                      !AttributionLexicon.conjunctions.contains(finder.block.tokens[after].key),
                      !AttributionLexicon.determiners.contains(finder.block.tokens[after].key),
                      after - 1 < 0 || !names.isPossessive(after - 1) else { continue }
                var resolution = names.resolution(ofMentionAt: t)
                resolution.direct = false
                return resolution
            }
            // `Rishi Sunak's effort to clear the 'legacy backlog'`: the owner of an intention.
            for t in range.reversed().prefix(AttributionFinder.reach) where names.isMentionStart(t) && finder.kind(ofMentionAt: t) == .person {
                let end = names.mentionRun(t).upperBound
                if names.isPossessive(end), finder.block.isWord(end + 1), AttributionLexicon.intentionNouns.contains(finder.block.tokens[end + 1].key) {
                    var resolution = names.resolution(ofMentionAt: t)
                    resolution.direct = false
                    return resolution
                }
            }
            // `officials will scrap the interview to “streamline” processing`: a clause opened by people, then a verb.
            if let phrase = peopleSubject(opening: range, finder.block) {
                var resolution = resolvePhrase(phrase, names)
                resolution.direct = false
                return resolution.speaker == nil && resolution.entity == nil ? .unknown : resolution
            }
            return .unknown
        }
    }

    /// `collections`, `government`: the shape of a noun, not of the verb a subject needs.
    static func hasNounSuffix(_ word: String) -> Bool {
        let word = word.lowercased()
        return ["ions", "ion", "ment", "ments", "ness", "ity", "ities", "ship", "ships", "ance", "ence"].contains { word.hasSuffix($0) }
    }

    /// `Asked`, `Speaking to CNN`, `While`, `After`: a sentence opening that is not its subject.
    static func opensSubordinateClause(_ token: TokenizedBlock.Token, _ names: NameReader) -> Bool {
        guard token.mention < 0 else { return false }
        if AttributionLexicon.conjunctions.contains(token.key) || AttributionLexicon.prepositions.contains(token.key) { return true }
        let word = names.text(token.start, token.end).lowercased()
        return word.count > 4 && (word.hasSuffix("ed") || word.hasSuffix("ing"))
    }

    /// Things that carry their owner's own words: `X's statement said` quotes X.
    static let ownVoiceNouns: Set<String> = [
        "statement", "statements", "letter", "tweet", "tweets", "post", "posts", "website", "blog", "message", "announcement",
        "release", "speech", "remarks", "memo", "email", "account", "book", "memoir", "op-ed", "column", "video",
    ]

    /// Up to three words opening `range` that end in a noun for people or a body (`officials`, `the
    /// county's lawyers`), followed by an auxiliary or a lowercase word that is not a preposition.
    private func peopleSubject(opening range: Range<Int>, _ block: TokenizedBlock) -> Range<Int>? {
        let tokens = block.tokens
        var k = range.lowerBound
        while k < range.upperBound, k < range.lowerBound + 3, block.isWord(k), tokens[k].mention < 0 {
            let key = tokens[k].key
            if AttributionLexicon.peopleWords.contains(key) || AttributionLexicon.bodyNouns.contains(key) {
                let next = k + 1
                // `the girls were granted “parole”`: a passive subject did not say it.
                if AttributionLexicon.beForms.contains(block.key(next)), block.isWord(next + 1), AttributionLexicon.looksPassive(block.tokens[next + 1]) {
                    return nil
                }
                guard next < range.upperBound, block.isWord(next), !tokens[next].isCapitalized,
                      !AttributionLexicon.prepositions.contains(tokens[next].key), !AttributionLexicon.conjunctions.contains(tokens[next].key),
                      !AttributionLexicon.headEndingPrepositions.contains(tokens[next].key) else { return nil }
                return range.lowerBound..<next
            }
            guard AttributionLexicon.determiners.contains(key) || !tokens[k].isCapitalized else { return nil }
            k += 1
        }
        return nil
    }

    private func resolvePhrase(_ range: Range<Int>, _ names: NameReader) -> Resolution {
        let tokens = names.finder.block.tokens
        guard !range.isEmpty, range.upperBound <= tokens.count else { return .unknown }
        if let t = names.lastSpeakerMention(in: range) {
            let run = names.mentionRun(t)
            // `Lopez’s aides said`: the aides spoke, not Lopez; but `Cornyn's statement said` is Cornyn's own voice.
            if run.upperBound < range.upperBound - 1, names.isPossessive(run.upperBound),
               !Self.ownVoiceNouns.contains(names.text((range.upperBound - 1)..<range.upperBound).lowercased()) {
                return Resolution(speaker: names.text(range), entity: nil)
            }
            if let e = names.entity(at: t), !speakers.isEntity(e), speakers.kind(e) != .person,
               run.upperBound < range.upperBound - 1, !names.isPossessive(run.upperBound) {
                return Resolution(speaker: names.text(range), entity: nil)   // `A European diplomat`: an adjective, not a name
            }
            var resolution = names.resolution(ofMentionAt: t)
            if names.finder.kind(ofMentionAt: t) == .organization, tokens[range.upperBound - 1].mention != tokens[t].mention {
                resolution.speaker = names.text(range)   // `The Home Office letter`
            }
            return resolution
        }
        let text = names.text(range)
        let mentioned = range.filter { tokens[$0].mention >= 0 }
        if let first = mentioned.first, mentioned.allSatisfy({ tokens[$0].mention == tokens[first].mention }),
           range.allSatisfy({ tokens[$0].mention >= 0 || AttributionLexicon.determiners.contains(tokens[$0].key) }) {
            return Resolution(speaker: text, entity: names.entity(at: first))   // `Britain said`, `the Kurds say`
        }
        let definite = !AttributionLexicon.indefinites.contains(tokens[range.lowerBound].key)
        guard definite else { return Resolution(speaker: text, entity: nil) }  // `a US official`
        if let role = range.reversed().first(where: { tokens[$0].mention < 0 && AttributionLexicon.roles.contains(tokens[$0].key) }) {
            return Resolution(speaker: text, entity: resolveRole(tokens[role].key), direct: false)
        }
        let head = tokens[range.upperBound - 1].key
        // Only a bare `the company`, `the statement`: `the county school district` says more than that.
        let bare = range.count <= 2
        if bare, AttributionLexicon.bodyNouns.contains(head) || Self.ownVoiceNouns.contains(names.text((range.upperBound - 1)..<range.upperBound).lowercased()) {
            // `the company said`, `Tuesday's statement read`: the organisation named last.
            return Resolution(speaker: text, entity: resolveBody(head), direct: false)
        }
        let last = tokens[range.upperBound - 1]
        if last.isCapitalized, last.mention < 0, range.count <= 3 {
            let word = UnsafeBufferPointer(rebasing: names.bytes[last.start..<min(last.end, names.bytes.count)])
            return Resolution(speaker: text, entity: resolveSurname(last.key, spelled: word))
        }
        return Resolution(speaker: text, entity: nil)
    }
}

/// Reads names and their surroundings in one tokenized paragraph.
struct NameReader {
    let finder: AttributionFinder
    let bytes: UnsafeBufferPointer<UInt8>

    private var tokens: [TokenizedBlock.Token] { finder.block.tokens }

    func text(_ start: Int, _ end: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<min(end, bytes.count)]), as: UTF8.self)
    }

    /// The words of `range` as written, a line break inside read as a space (`Jane⏎Roe`).
    func text(_ range: Range<Int>) -> String {
        let start = tokens[range.lowerBound].start
        let end = max(start, tokens[range.upperBound - 1].end)
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<min(end, bytes.count)]), as: UTF8.self).replacingNewlines()
    }

    func entity(at t: Int) -> Int? {
        let m = tokens[t].mention
        guard m >= 0, m < finder.mentions.count, finder.speakers.contains(finder.mentions[m].entity) else { return nil }
        return finder.mentions[m].entity
    }

    func isSpeakerKind(_ t: Int) -> Bool {
        finder.kind(ofMentionAt: t) == .person || finder.kind(ofMentionAt: t) == .organization
    }

    func isMentionStart(_ t: Int) -> Bool {
        tokens[t].mention >= 0 && (t == 0 || tokens[t - 1].mention != tokens[t].mention)
    }

    /// The last token in `range` that belongs to a person or organisation mention.
    func lastSpeakerMention(in range: Range<Int>) -> Int? {
        range.reversed().first(where: isSpeakerKind)
    }

    /// `Lopez’s`, `Lopez's`, `Kurds’`: the word at `t` is a possessive.
    func isPossessive(_ t: Int) -> Bool {
        let word = text(t..<(t + 1))
        return word.hasSuffix("’s") || word.hasSuffix("'s") || word.hasSuffix("s’") || word.hasSuffix("s'")
    }

    /// The tokens of the mention that token `t` belongs to.
    func mentionRun(_ t: Int) -> ClosedRange<Int> {
        var first = t
        var last = t
        let m = tokens[t].mention
        while first > 0, tokens[first - 1].mention == m { first -= 1 }
        while last + 1 < tokens.count, tokens[last + 1].mention == m { last += 1 }
        return first...last
    }

    /// The mention at `t` as written, with up to two honorifics before it (`Ambassador Mohib`).
    func resolution(ofMentionAt t: Int) -> SpeakerResolver.Resolution {
        let run = mentionRun(t)
        var first = run.lowerBound
        var added = 0
        while added < 2, first > 0, tokens[first - 1].kind == .word, tokens[first - 1].mention < 0, tokens[first - 1].isCapitalized,
              AttributionLexicon.honorifics.contains(tokens[first - 1].key) {
            first -= 1
            added += 1
        }
        // End at the mention itself, leaving out a possessive (`Cornyn's statement` → `Cornyn`).
        let m = tokens[t].mention
        let end = m >= 0 && m < finder.mentions.count ? min(finder.mentions[m].range.upperBound, tokens[run.upperBound].end) : tokens[run.upperBound].end
        let start = tokens[first].start
        let speaker = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<max(start, min(end, bytes.count))]), as: UTF8.self).replacingNewlines()
        return SpeakerResolver.Resolution(speaker: speaker, entity: entity(at: t))
    }

    /// True when a preposition governs the name starting at `t` (`by ISIS militants`, `from Turkey`).
    func isPrepositional(_ t: Int) -> Bool {
        var k = t - 1
        var steps = 0
        while k >= 0, steps < 4, tokens[k].kind == .word, tokens[k].mention < 0,
              tokens[k].isCapitalized || tokens[k].key == AttributionLexicon.Key.the,
              !AttributionLexicon.prepositions.contains(tokens[k].key) {   // `During Prime Minister's Questions`
            k -= 1
            steps += 1
        }
        return finder.block.isWord(k)
            && (AttributionLexicon.prepositions.contains(tokens[k].key) || tokens[k].key == AttributionLexicon.Key.as)
    }

    /// Role words around a person's mention: `Health Minister Priya Nair`, `Helen Marsh, the senator for …,`.
    func titles(around run: ClosedRange<Int>) -> [WordKey] {
        var found: [WordKey] = []
        var k = run.lowerBound - 1
        while k >= 0, run.lowerBound - k <= 5, tokens[k].kind == .word || tokens[k].isAbbreviation, tokens[k].mention < 0 {
            if tokens[k].kind != .word { k -= 1; continue }   // `Sen.`
            let key = tokens[k].key
            if AttributionLexicon.determiners.contains(key) || AttributionLexicon.prepositions.contains(key)
                || AttributionLexicon.conjunctions.contains(key) {
                break
            }
            if tokens[k].isCapitalized || AttributionLexicon.roles.contains(key) || AttributionLexicon.honorifics.contains(key) {
                found.append(key)
            }
            k -= 1
        }
        var j = run.upperBound + 1
        if j < tokens.count, tokens[j].kind == .comma {
            j += 1
            let limit = j + 6
            while j < tokens.count, j < limit, tokens[j].kind == .word {
                if AttributionLexicon.roles.contains(tokens[j].key) { found.append(tokens[j].key) }
                j += 1
            }
        }
        return found
    }

}
