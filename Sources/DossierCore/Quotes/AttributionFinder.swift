/// How the reporter's words around a quotation point at its speaker, before resolution to an entity.
enum SpeakerCue: Equatable, Sendable {
    /// A noun phrase naming the speaker (`Senator King`, `a US official`, `The US Senator`); token range.
    case phrase(Range<Int>)
    /// A noun phrase after `said`, `according to`, `quoting`, `in the words of`, with a following
    /// comma-separated stretch that may hold the name (`the Crown prosecutor, Mark Tedeschi,`).
    case source(Range<Int>, appositive: Range<Int>?)
    /// `he`, `she`, `they`, `it` at this token.
    case pronoun(Int)
    /// `who` or `which` at this token: the speaker is the name just before it.
    case relative(Int)
    /// The subject of the sentence: its first person or organisation not governed by a preposition.
    case sentenceSubject(Range<Int>)
    /// The subject of the clause a quoted phrase sits in (`Lee called the bill “a disaster”`,
    /// `who President Erdogan plans to “neutralise”`): a name followed by its verb, never one after a preposition.
    case clauseSubject(Range<Int>)
}

/// What follows a quotation straight after its closing mark.
enum TrailingCue: Equatable, Sendable {
    case speaker(SpeakerCue)
    /// `"Title" — Publisher, 15 August 2008`: the marks hold the title of a cited source, not a quotation.
    case citation
}

/// Reads attribution patterns in one tokenized paragraph.
///
/// Works on the reporter's words only: quotations are opaque tokens. Patterns are tried in the
/// order a reader would: right after the quote (`“…,” X said`, `said X`, `according to X`,
/// `— X`), then back through the sentence to the nearest speech verb and its subject.
struct AttributionFinder {
    let block: TokenizedBlock
    let mentions: [Mention]
    let speakers: SpeakerBook

    private var tokens: [TokenizedBlock.Token] { block.tokens }

    // MARK: - After the quotation

    /// The attribution written right after quotation token `q`, if any.
    func trailing(after q: Int) -> TrailingCue? {
        var i = q + 1
        guard i < tokens.count else { return nil }
        if tokens[i].kind == .comma { i += 1 }
        guard i < tokens.count else { return nil }
        if tokens[i].kind == .dash, i == q + 1 { return dashTail(from: i + 1) }
        guard tokens[i].kind == .word else { return nil }
        if let source = sourcePhrase(at: i, limit: tokens.count) { return .speaker(source) }
        if let form = verbForm(i) {
            if form != .participle, let phrase = forwardPhrase(from: i + 1, limit: tokens.count), isInvertedSubject(phrase) {
                return .speaker(.source(nameBeforeAdjunct(phrase), appositive: nil))
            }
            return nil
        }
        // `X said`: a speech verb within a few words, whose subject starts right after the quote.
        var j = i
        while j < tokens.count, j < i + 16 {   // room for an appositive: `X, editor at large at the Saudi Gazette, said`
            let token = tokens[j]
            if token.kind == .word, let form = verbForm(j), form != .sourceFollows {
                // `… years." The weather service warned that …`, `Vance tweeted: "B"`: a new sentence reporting
                // something else, or introducing the next quotation, is not this one's attribution.
                guard !introducesNext(afterVerb: j) else { return nil }
                switch subject(ofVerb: j, floor: i, form: form) {
                case .phrase(let range) where range.lowerBound == i || opensAttribution(i..<range.lowerBound): return .speaker(.phrase(range))
                case .pronoun(let p) where p == i: return .speaker(.pronoun(p))
                default: return nil
                }
            }
            guard token.kind == .word || token.kind == .comma || token.isAbbreviation else { return nil }
            j += 1
        }
        return nil
    }

    /// The verb at `v` is followed, within its clause, by `that` or a colon.
    private func introducesNext(afterVerb v: Int) -> Bool {
        var k = v + 1
        while k < tokens.count, k <= v + 8 {
            let token = tokens[k]
            if token.kind == .colon || (token.kind == .word && token.key == Key.that) { return true }
            guard token.kind == .word || token.isAbbreviation else { return false }
            k += 1
        }
        return false
    }

    /// `Mr.`, `his mother,`, `the U.N. special envoy,`: titles and descriptions before the subject that
    /// a speech verb follows, with no verb or clause of their own.
    private func opensAttribution(_ range: Range<Int>) -> Bool {
        range.count <= 12 && range.allSatisfy { t in
            let token = tokens[t]
            if token.kind == .comma || token.isAbbreviation { return true }
            return token.kind == .word && AttributionLexicon.speechVerbs[token.key] == nil
                && !AttributionLexicon.secondClauseWords.contains(token.key) && !AttributionLexicon.relatives.contains(token.key)
        }
    }

    /// `— Matthew Ingram` ends a pull quote; `— CBC.ca, August 15, 2008` ends the title of a source.
    private func dashTail(from start: Int) -> TrailingCue? {
        var words = 0
        var hasYear = false
        var end = start
        while end < tokens.count, end < start + Self.reach {
            let token = tokens[end]
            if token.kind == .word {
                words += 1
                if token.isNumeric, token.end - token.start == 4 { hasYear = true }
            } else if token.kind == .quote {
                break
            }
            end += 1
        }
        guard words > 0, words <= 14 else { return nil }
        let firstIsPerson = tokens[start].kind == .word && kind(ofMentionAt: start) == .person
        if hasYear && !firstIsPerson { return .citation }
        guard let phrase = forwardPhrase(from: start, limit: end) else { return nil }
        return .speaker(.source(phrase, appositive: nil))
    }

    // MARK: - Before the quotation

    /// The speaker named in the sentence `sentence` before token `q` (which may be `tokens.count`
    /// for a quotation that opens the next paragraph).
    func preceding(before q: Int, in sentence: Range<Int>) -> SpeakerCue? {
        var k = q - 1
        var elided = false
        let floor = max(sentence.lowerBound, q - Self.reach)
        while k >= floor {
            defer { k -= 1 }
            guard tokens[k].kind == .word else { continue }
            if let source = sourcePhrase(at: k, limit: q) { return source }
            guard let form = verbForm(k) else { continue }
            if form == .sourceFollows {
                if let phrase = forwardPhrase(from: k + 1, limit: q, allowParentheses: true) {
                    return .source(phrase, appositive: nil)
                }
                continue
            }
            switch subject(ofVerb: k, floor: sentence.lowerBound, form: form) {
            case .phrase(let range): return .phrase(range)
            case .pronoun(let p): return .pronoun(p)
            case .relative(let p): return .relative(p)
            case .elided: elided = true   // `and said`, `whilst promising`: an earlier verb or the sentence subject speaks
            }
        }
        return elided ? .sentenceSubject(sentence.lowerBound..<max(sentence.lowerBound, q)) : nil
    }

    /// The clause before `q`, for the nearest-person fallback.
    func clause(before q: Int, in sentence: Range<Int>) -> Range<Int> {
        var k = q - 1
        while k >= sentence.lowerBound {
            switch tokens[k].kind {
            case .comma, .semicolon, .colon, .dash, .openParenthesis, .closeParenthesis, .quote:
                return (k + 1)..<q
            default:
                k -= 1
            }
        }
        return sentence.lowerBound..<q
    }

    // MARK: - Noun phrases

    enum NounPhrase: Equatable {
        case phrase(Range<Int>), pronoun(Int), relative(Int), elided
    }

    /// The subject of the speech verb at `v`, walking back no further than `floor`.
    func subject(ofVerb v: Int, floor: Int, form: AttributionLexicon.VerbForm) -> NounPhrase {
        var i = v - 1
        while i >= floor, isAuxiliary(i) { i -= 1 }
        // `Brisco, who has in the past called`, `Smith on Tuesday said`: a time phrase between subject and verb.
        if let p = timePhraseStart(endingAt: i, floor: floor) {
            i = p - 1
            while i >= floor, isAuxiliary(i) { i -= 1 }
        }
        guard i >= floor else { return .elided }
        if tokens[i].kind == .comma {
            return form == .participle ? .elided : appositiveSubject(comma: i, floor: floor)
        }
        return collect(from: i, floor: floor, form: form)
    }

    /// The first token of `in the past`, `on Tuesday`, `last week` ending at token `end`, if one does.
    private func timePhraseStart(endingAt end: Int, floor: Int) -> Int? {
        guard block.isWord(end), AttributionLexicon.timeWords.contains(tokens[end].key) else { return nil }
        var k = end - 1
        while k >= floor, k >= end - 3, block.isWord(k) {
            let key = tokens[k].key
            if AttributionLexicon.prepositions.contains(key) || key == Key.last { return k }   // `in the past`, `last week`
            guard AttributionLexicon.determiners.contains(key) || AttributionLexicon.timeWords.contains(key) else { break }
            k -= 1
        }
        return tokens[end].isCapitalized ? end : nil   // `Ellison Tuesday said`
    }

    /// `Ana Silva, told`: the name between commas; `Mu Li, of the University…, said` and
    /// `Cynthia Thompson, curator … at the University of Arkansas, Fayetteville, said`: skip the description.
    ///
    /// Looks back over up to four comma-separated stretches that open with a capital; the nearest naming
    /// a person wins, then the nearest naming an organisation, then a short capitalised name.
    private func appositiveSubject(comma c: Int, floor: Int) -> NounPhrase {
        var segments: [Range<Int>] = []
        var end = c
        while segments.count < 4 {
            var j = end - 1
            while j >= floor, j >= end - 12, tokens[j].kind == .word || tokens[j].isAbbreviation { j -= 1 }
            let segment = (j + 1)..<end
            guard !segment.isEmpty else { break }
            segments.append(segment)
            guard j >= floor, tokens[j].kind == .comma else { break }
            end = j
        }
        guard let nearest = segments.first else { return .elided }
        func names(_ segment: Range<Int>, _ kind: EntityKind) -> Bool {
            (tokens[segment.lowerBound].isCapitalized || tokens[segment.lowerBound].mention >= 0)
                && segment.contains { self.kind(ofMentionAt: $0) == kind }
        }
        if let segment = segments.first(where: { names($0, .person) }) ?? segments.first(where: { names($0, .organization) }) {
            return collect(from: segment.upperBound - 1, floor: segment.lowerBound, form: .finite)
        }
        if tokens[nearest.lowerBound].isCapitalized, nearest.count <= 4 {
            return collect(from: nearest.upperBound - 1, floor: nearest.lowerBound, form: .finite)
        }
        if !tokens[nearest.lowerBound].isCapitalized, segments.count > 1 {
            return collect(from: segments[1].upperBound - 1, floor: floor, form: .finite)
        }
        return .elided
    }

    private func collect(from i: Int, floor: Int, form: AttributionLexicon.VerbForm) -> NounPhrase {
        var end = i + 1
        var start = end
        var words = 0
        var k = i
        while k >= floor {
            let token = tokens[k]
            if token.isAbbreviation, k > floor, block.isWord(k - 1) {
                k -= 1   // `Mr. Whitaker`, `Sen. Jane Roe, D-Ore.`
                continue
            }
            guard token.kind == .word else { break }
            let key = token.key
            let plain = token.mention < 0
            if words == 0, plain {
                if AttributionLexicon.pronouns[key] != nil { return .pronoun(k) }
                if AttributionLexicon.relatives.contains(key) { return .relative(k) }
            }
            if plain {
                if AttributionLexicon.conjunctions.contains(key) || AttributionLexicon.relatives.contains(key)
                    || AttributionLexicon.pronouns[key] != nil {
                    break
                }
                if AttributionLexicon.prepositions.contains(key) {
                    if key == Key.by, words > 0, k - 1 >= floor, block.isWord(k - 1),
                       AttributionLexicon.participlesBeforeBy.contains(tokens[k - 1].key) {
                        // `a letter seen by Sky News says`: the agent of the participle is not the speaker.
                        k -= 2
                        end = k + 1
                        start = end
                        words = 0
                        continue
                    }
                    break
                }
            }
            start = k
            words += 1
            if plain && AttributionLexicon.determiners.contains(key) { break }
            if words >= 8 { break }
            k -= 1
        }
        guard words > 0 else { return .elided }
        if form == .participle {
            // Absolute constructions only: `with the i reporting`, `, the government recommending`.
            let before = start - 1
            let opensClause = before < floor || before < 0 || [.comma, .semicolon, .colon, .openParenthesis, .dash].contains(tokens[before].kind)
                || block.key(before) == Key.with || block.key(before) == Key.and
            if !opensClause { return .elided }
        }
        return .phrase(start..<end)
    }

    /// Up to ten words from `from`, stopping at punctuation, another quotation or `limit`.
    func forwardPhrase(from: Int, limit: Int, allowParentheses: Bool = false) -> Range<Int>? {
        var k = from
        var words = 0
        var depth = 0
        while k < limit {
            let token = tokens[k]
            if token.kind == .word {
                words += 1
                if words > 10 { break }
            } else if token.isAbbreviation, k + 1 < limit, tokens[k + 1].kind == .word {
                // `Rep. Luis Ortega`, `Dr. A. B. Cole`: the period belongs to the name
            } else if allowParentheses, token.kind == .openParenthesis {
                depth += 1
            } else if depth > 0, token.kind == .closeParenthesis {
                depth -= 1
            } else {
                break
            }
            k += 1
        }
        while k > from, tokens[k - 1].kind != .word { k -= 1 }
        return words > 0 ? from..<k : nil
    }

    /// `according to X`, `in the words of X`, `quoting X` starting at word `k`.
    private func sourcePhrase(at k: Int, limit: Int) -> SpeakerCue? {
        let key = tokens[k].key
        var start: Int?
        if key == Key.according, block.key(k + 1) == Key.to {
            start = k + 2
        } else if key == Key.words, k >= 2, block.key(k - 1) == Key.the, block.key(k - 2) == Key.`in`,
                  block.key(k + 1) == Key.of {
            start = k + 2
        } else if key == Key.`in`, block.key(k + 1) == Key.the, block.key(k + 2) == Key.words, block.key(k + 3) == Key.of {
            start = k + 4
        }
        guard let start, start < limit, let phrase = forwardPhrase(from: start, limit: limit, allowParentheses: true) else {
            return nil
        }
        var appositive: Range<Int>?
        if phrase.upperBound < limit, tokens[phrase.upperBound].kind == .comma {
            appositive = forwardPhrase(from: phrase.upperBound + 1, limit: limit)
        }
        return .source(phrase, appositive: appositive)
    }

    /// `said Bolden to the gathered crowd which …` is said by `Bolden`: a name ends the phrase at the first
    /// preposition, relative or conjunction after it (`one person familiar with the talks` has no name to keep).
    private func nameBeforeAdjunct(_ phrase: Range<Int>) -> Range<Int> {
        guard let cut = phrase.dropFirst().first(where: { t in
            let key = tokens[t].key
            return tokens[t].kind == .word && tokens[t].mention < 0
                && (AttributionLexicon.prepositions.contains(key) || AttributionLexicon.relatives.contains(key) || AttributionLexicon.conjunctions.contains(key))
        }), (phrase.lowerBound..<cut).contains(where: { tokens[$0].mention >= 0 }) else { return phrase }
        return phrase.lowerBound..<cut
    }

    /// `said KCNA`, `said one person familiar with the talks`, but not `said on Sunday` or `said that`.
    private func isInvertedSubject(_ phrase: Range<Int>) -> Bool {
        let first = tokens[phrase.lowerBound]
        let key = first.key
        if first.mention >= 0 { return true }
        if AttributionLexicon.weekdays.contains(key) || AttributionLexicon.months.contains(key) { return false }
        if AttributionLexicon.prepositions.contains(key) || AttributionLexicon.conjunctions.contains(key)
            || AttributionLexicon.auxiliaries.contains(key) {
            return false
        }
        return first.isCapitalized || AttributionLexicon.determiners.contains(key) || AttributionLexicon.peopleWords.contains(key)
    }

    // MARK: - Words

    /// The speech verb at `k`, unless it is passive (`has been told`).
    func verbForm(_ k: Int) -> AttributionLexicon.VerbForm? {
        guard block.isWord(k), tokens[k].mention < 0, !tokens[k].isCapitalized || k == 0 else { return nil }
        let key = tokens[k].key
        var verb = AttributionLexicon.speechVerbs[key]
        if verb == nil, AttributionLexicon.nounLikeSpeechVerbs.contains(key), k + 1 < tokens.count {
            // `notes`, `states`, `reports` are nouns as often as verbs: a verb when a quote, colon, comma or `that` follows.
            let next = tokens[k + 1]
            if next.kind == .comma || next.kind == .colon || next.kind == .quote || next.key == Key.that { verb = .finite }
        }
        // `she shot back`, `he fired back`.
        if verb == nil, AttributionLexicon.backVerbs.contains(key), block.key(k + 1) == Key.back { verb = .finite }
        guard let form = verb else { return nil }
        var p = k - 1
        if p >= 0, isAdverb(p) { p -= 1 }
        if block.isWord(p), AttributionLexicon.beForms.contains(tokens[p].key) { return nil }
        return form
    }

    private func isAuxiliary(_ i: Int) -> Bool {
        guard block.isWord(i), tokens[i].mention < 0, !tokens[i].isCapitalized else { return false }
        return AttributionLexicon.auxiliaries.contains(tokens[i].key) || isAdverb(i)
    }

    /// `repeatedly`, `strongly`: words in -ly of six letters or more, minus nouns such as `family`.
    private func isAdverb(_ i: Int) -> Bool {
        let token = tokens[i]
        return token.kind == .word && token.hasAdverbShape && token.mention < 0 && !Self.lyNouns.contains(token.key)
    }

    func kind(ofMentionAt t: Int) -> EntityKind? {
        let m = tokens[t].mention
        guard m >= 0, m < mentions.count, speakers.contains(mentions[m].entity) else { return nil }
        return speakers.kind(mentions[m].entity)
    }

    private typealias Key = AttributionLexicon.Key

    /// How far (in tokens) attribution looks from a quotation: keeps a run-on paragraph linear.
    static let reach = 80

    private static let lyNouns = Set(words: ["family", "assembly", "rally", "supply", "butterfly", "monopoly", "anomaly", "italy", "emily", "reply"])
}

extension SpeakerCue {
    /// The first token of the words that make the cue.
    var start: Int {
        switch self {
        case .phrase(let range), .sentenceSubject(let range), .clauseSubject(let range): range.lowerBound
        case .source(let range, _): max(0, range.lowerBound - 2)   // `according to`, `said`
        case .pronoun(let t), .relative(let t): t
        }
    }
}
