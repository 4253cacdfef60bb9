/// Finds the names of people and bodies in a tokenized paragraph from the writing alone: runs of
/// capitalised words (`Jane Roe`, `the St. Louis Police Officers’ Association`) with initials
/// (`J. R. Smith`), connectors (`of`, `de`, `bin`) and the titles before them (`Sen.`, `Mayor`,
/// `Health Minister`), outside the entity mentions the matcher already found.
///
/// Each name gets a kind (a person, an organisation, a place) from its words and titles, and a
/// gender from its title or first name, so that pronouns and roles can find it later.
struct NameFinder {
    /// A name found in a paragraph: its tokens (titles excluded), UTF-8 range and its titles.
    struct Found {
        var tokens: Range<Int>
        var range: Range<Int>
        var titles: [WordKey]
    }

    let block: TokenizedBlock
    let bytes: UnsafeBufferPointer<UInt8>
    /// Capitalised words (possessives dropped) seen in the middle of a sentence anywhere in the article:
    /// a capital at a sentence start proves nothing, but the same word capitalised elsewhere does.
    let midSentenceWords: Set<WordKey>

    private var tokens: [TokenizedBlock.Token] { block.tokens }

    /// Words capitalised in the middle of a sentence in `block`.
    static func midSentenceWords(in block: TokenizedBlock, bytes: UnsafeBufferPointer<UInt8>) -> [WordKey] {
        // One pass with a cursor into the ascending sentence starts: a set of them cost more
        // hashing than the rest of the pass.
        let sentenceStarts = block.sentenceStarts
        var nextStart = 0
        var afterOpener = false   // the token before opens a clause: a colon, a quote, a parenthesis, a dash
        var words: [WordKey] = []
        for (t, token) in block.tokens.enumerated() {
            while nextStart < sentenceStarts.count, sentenceStarts[nextStart] < t { nextStart += 1 }
            let starts = afterOpener || (nextStart < sentenceStarts.count && sentenceStarts[nextStart] == t)
            if token.kind == .word, token.isCapitalized, !starts { words.append(key(token, bytes)) }
            afterOpener = token.kind == .colon || token.kind == .quote || token.kind == .openParenthesis || token.kind == .dash
        }
        return words
    }

    /// A token's key without a possessive (`Cornyn's` → `cornyn`); words that do not pack are hashed,
    /// so that no two long or non-ASCII words share a key.
    static func key(_ token: TokenizedBlock.Token, _ bytes: UnsafeBufferPointer<UInt8>) -> WordKey {
        WordKey.identifying(bytes, token.start..<nameEnd(token, bytes))
    }


    /// Every name outside entity mentions, in text order.
    func names() -> [Found] {
        var found: [Found] = []
        var t = 0
        let n = tokens.count
        // Whether each token is a title, and a name word, worked out once: the loop below asks
        // several times per token, and each answer costs hashing the word into a few lexicons.
        var titleCache = [Int8](repeating: -1, count: n)
        var nameWordCache = [Int8](repeating: -1, count: n)
        func title(at k: Int) -> Bool {
            if titleCache[k] < 0 { titleCache[k] = self.isTitle(tokens[k].key) ? 1 : 0 }
            return titleCache[k] == 1
        }
        func nameWord(_ k: Int) -> Bool {
            guard k < n else { return false }
            if nameWordCache[k] < 0 { nameWordCache[k] = self.isNameWord(k) ? 1 : 0 }
            return nameWordCache[k] == 1
        }
        while t < n {
            guard isFree(t) else { t += 1; continue }
            var titles: [WordKey] = []
            var first = -1
            var last = -1
            var k = t
            while k < n, isFree(k) {
                let token = tokens[k]
                // `Angus King`, `Senator King said`: a title word after a name, or alone after titles, is a surname.
                // Only a capitalised token can be a title here (both uses below need a capital), so
                // lowercase words, most of the text, skip the title look-up.
                let capitalTitle = token.isCapitalized && title(at: k)
                let beforeName = capitalTitle && isTitleBeforeName(k)
                let titleAsName = capitalTitle && !beforeName && (first >= 0 || !titles.isEmpty)
                if capitalTitle, !titleAsName, first < 0 || beforeName {
                    // `Prime Minister`, `Health Minister`: the title and the words qualifying it are not the name.
                    titles.append(token.key)
                    first = -1
                    last = -1
                    k += 1
                    if k < n, tokens[k].kind == .stop, tokens[k].isAbbreviation { k += 1 }
                    continue
                }
                if nameWord(k) || (titleAsName && token.isCapitalized && isNameShaped(k)) {
                    if first < 0 { first = k }
                    last = k
                    k += 1
                    // An initial (`J.`) or a known abbreviation inside a name (`St.`, `Jr.`).
                    if k < n, tokens[k].kind == .stop, tokens[k].isAbbreviation,
                       token.end - token.start == 1 || Self.abbreviatedNameWords.contains(token.key) {
                        k += 1
                    }
                    continue
                }
                // `University of Arkansas`, `Laura de la Cruz`; but `Carla Mendes of New Mexico` is a person and a place.
                if first >= 0, !token.isCapitalized, Self.connectors.contains(token.key), k + 1 < n, nameWord(k + 1),
                   token.key != AttributionLexicon.Key.of || AttributionLexicon.organizationWords.contains(tokens[last].key)
                    || AttributionLexicon.placeWords.contains(tokens[last].key) {
                    k += 1
                    continue
                }
                break
            }
            defer { t = max(k, t + 1) }
            guard first >= 0 else { continue }
            var start = first
            // `The Daily Ledger` keeps its article only as a word of the name when titles are absent; a
            // sentence-initial common word (`The`, `Police`) is dropped.
            while start <= last, AttributionLexicon.commonCapitalised.contains(tokens[start].key), nameWord(start) {
                start += 1
            }
            while start <= last, tokens[start].kind != .word { start += 1 }
            guard start <= last else { continue }
            if start == last, block.isSentenceStart(start) || (start > 0 && tokens[start - 1].kind == .quote),
               titles.isEmpty, !midSentenceWords.contains(Self.key(tokens[start], bytes)) {
                continue   // `Critics said`: one capitalised word opening a sentence is not known to be a name
            }
            if start == last, tokens[start].end - tokens[start].start < 2 { continue }
            if start == last, isAcronym(tokens[start]), last + 1 < n, tokens[last + 1].kind == .word, !tokens[last + 1].isCapitalized {
                let next = tokens[last + 1].key
                if AttributionLexicon.speechVerbs[next] == nil, !AttributionLexicon.auxiliaries.contains(next), !AttributionLexicon.beForms.contains(next) {
                    continue   // `the PC market`, `NASA officials`: an acronym used as an adjective
                }
            }
            if t == 0, last + 1 < n, tokens[last + 1].kind == .comma, (start...last).allSatisfy({ tokens[$0].kind != .word || isAcronym(tokens[$0]) }) {
                continue   // `JACKSON, Miss. (AP) —`: a dateline
            }
            if start > 0, tokens[start - 1].kind == .openParenthesis, last + 1 < n, tokens[last + 1].kind == .closeParenthesis {
                continue   // `WASHINGTON (Reuters) —`, `(R-Texas)`: a byline or an aside, never a subject
            }
            found.append(Found(tokens: start..<(last + 1), range: tokens[start].start..<Self.nameEnd(tokens[last], bytes), titles: titles))
        }
        return found
    }

    /// The kind of a found name, from its words and titles.
    func kind(of name: Found) -> EntityKind {
        let words = name.tokens.filter { tokens[$0].kind == .word }
        if words.contains(where: { AttributionLexicon.organizationWords.contains(tokens[$0].key) }) { return .organization }
        if name.titles.contains(where: { AttributionLexicon.personTitles.contains($0) }) { return .person }
        if words.contains(where: { AttributionLexicon.placeWords.contains(tokens[$0].key) }) { return .place }
        if words.count == 1 {
            let token = tokens[words[0]]
            if isAcronym(token) { return .organization }
            if AttributionLexicon.places.contains(token.key) { return .place }
            if AttributionLexicon.maleFirstNames.contains(token.key) || AttributionLexicon.femaleFirstNames.contains(token.key) { return .person }
            return .other   // `Okafor`, `Microsoft`: a speaker by name, but not known to be a person or a body

        }
        if words.count == 2, AttributionLexicon.places.contains(tokens[words[1]].key) || AttributionLexicon.places.contains(tokens[words[0]].key) {
            return .place
        }
        return words.count <= 4 ? .person : .organization
    }

    /// The words of a name as keys, without possessives and periods.
    func words(of name: Found) -> [WordKey] {
        name.tokens.filter { tokens[$0].kind == .word }.map { WordKey.identifying(bytes, tokens[$0].start..<Self.nameEnd(tokens[$0], bytes)) }
    }

    func text(_ t: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[tokens[t].start..<tokens[t].end]), as: UTF8.self)
    }

    // MARK: - Words

    private func isFree(_ t: Int) -> Bool {
        t < tokens.count && tokens[t].mention < 0
            && (tokens[t].kind == .word || (tokens[t].kind == .stop && tokens[t].isAbbreviation))
    }

    private func isTitle(_ key: WordKey) -> Bool {
        AttributionLexicon.honorifics.contains(key) || AttributionLexicon.roles.contains(key) || key == AttributionLexicon.Key.rep
    }

    /// A title inside a run (`Shadow Home Secretary Yvette Cooper`) restarts it when a name follows.
    private func isTitleBeforeName(_ k: Int) -> Bool {
        var j = k + 1
        if j < tokens.count, tokens[j].kind == .stop, tokens[j].isAbbreviation { j += 1 }
        return j < tokens.count && tokens[j].kind == .word && tokens[j].isCapitalized
    }

    /// A capitalised word that can be part of a name: not a title, a month or a day, no digits, not an
    /// adjective such as `US-backed`; a single capital only as an initial (`J.`).
    private func isNameWord(_ t: Int) -> Bool {
        isNameShaped(t) && !isTitle(tokens[t].key)
    }

    private func isNameShaped(_ t: Int) -> Bool {
        guard t < tokens.count, tokens[t].kind == .word, tokens[t].mention < 0, tokens[t].isCapitalized, !tokens[t].isNumeric else { return false }
        let token = tokens[t]
        let key = token.key
        if AttributionLexicon.months.contains(key) || AttributionLexicon.weekdays.contains(key) { return false }
        if token.end - token.start == 1 {
            return t + 1 < tokens.count && tokens[t + 1].kind == .stop && tokens[t + 1].end == tokens[t + 1].start + 1
                && tokens[t + 1].start == token.end
        }
        return Self.spellsAName(token, bytes) && !AttributionLexicon.notNames.contains(key) && !Self.isPartyTag(token, bytes)
    }

    /// `D-N.Y.`, `R-Texas`, `I-Vt.`: a legislator's party and state, not a name.
    static func isPartyTag(_ token: TokenizedBlock.Token, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard token.end - token.start >= 3 else { return false }
        let party = bytes[token.start]
        return (party == UInt8(ascii: "D") || party == UInt8(ascii: "R") || party == UInt8(ascii: "I"))
            && bytes[token.start + 1] == UInt8(ascii: "-") && bytes[token.start + 2] >= 65 && bytes[token.start + 2] <= 90
    }

    /// No digits, and not an adjective such as `US-backed` (a hyphen before a lowercase part).
    static func spellsAName(_ token: TokenizedBlock.Token, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = token.start
        while i < token.end {
            let byte = bytes[i]
            if byte >= 48 && byte <= 57 { return false }
            if byte == UInt8(ascii: "-"), i + 3 < token.end, bytes[i + 1] >= 97 && bytes[i + 1] <= 122 { return false }
            i += 1
        }
        return true
    }

    private func isAcronym(_ token: TokenizedBlock.Token) -> Bool {
        guard token.end - token.start >= 2 else { return false }
        for i in token.start..<token.end where bytes[i] >= 97 && bytes[i] <= 122 { return false }
        return true
    }

    /// The end of a name, without a possessive `'s` or `’s`.
    static func nameEnd(_ token: TokenizedBlock.Token, _ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var end = token.end
        if end - token.start > 2, bytes[end - 1] == UInt8(ascii: "s"), bytes[end - 2] == UInt8(ascii: "'") {
            end -= 2
        } else if end - token.start > 4, bytes[end - 1] == UInt8(ascii: "s"), bytes[end - 2] == 0x99, bytes[end - 3] == 0x80, bytes[end - 4] == 0xE2 {
            end -= 4
        } else if end - token.start > 1, bytes[end - 1] == UInt8(ascii: "'") {
            end -= 1
        } else if end - token.start > 3, bytes[end - 1] == 0x99, bytes[end - 2] == 0x80, bytes[end - 3] == 0xE2 {
            end -= 3
        }
        return end
    }

    /// Words written with a period inside names: `St. Louis`, `Martin Luther King Jr.`.
    private static let abbreviatedNameWords = Set(words: ["st", "jr", "sr", "mt", "ft"])

    static let connectors = Set(words: ["of", "de", "da", "del", "della", "di", "du", "des", "la", "le", "van", "von", "der", "den", "al", "bin", "ibn", "y"])
}
