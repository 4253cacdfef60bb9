/// Extracts direct quotations from a corrected article and attributes their speakers.
///
/// Three passes, each linear in the article's length: `QuoteScanner` pairs the quotation marks
/// over all paragraphs; each paragraph holding a quotation is tokenized with its quotations masked
/// (`TokenizedBlock`); then the paragraphs are read in order, attributing each quotation from the
/// reporter's words around it (`AttributionFinder`) and resolving the speaker through the entity
/// mentions, roles and pronouns seen so far (`SpeakerResolver`).
///
/// Conventions: `Quote.text` is the words inside the marks, exactly as written. A quotation
/// interrupted by its attribution (`"We will win," he said, "and soon."`) is one quote whose pieces
/// are joined by ` … ` ("We will win, … and soon."), with one span per piece. The paragraphs
/// of a multi-paragraph quotation are joined by a blank line. Quoted names of things (`a robot named
/// "Robogee"`) and titles of cited sources (`"Title" — CBC.ca, August 15, 2008`) are not quotations.
public struct QuoteExtractor: Sendable {
    public let entities: [Entity]
    private let lexicon: SpeakerResolver.Lexicon
    /// The entities as speakers, before any article adds the names it finds.
    private let book: SpeakerBook

    public init(entities: [Entity]) {
        self.entities = entities
        self.lexicon = SpeakerResolver.Lexicon(entities: entities)
        self.book = SpeakerBook(entityKinds: entities.map(\.kind), entityGenders: SpeakerBook.genders(of: entities))
    }

    /// Every direct quotation of `article`, in text order, with its speaker.
    ///
    /// - Parameters:
    ///   - article: the corrected article; `blocks[0]` is the headline.
    ///   - mentions: entity mentions per block (same indexing as `article.blocks`), UTF-8 ranges into each block's text.
    /// - Returns: quotes in text order.
    public func extract(from article: CorrectedArticle, mentions: [[Mention]]) -> [Quote] {
        let texts: [[UInt8]?] = article.blocks.map { $0.isEmpty ? nil : Array($0.text.utf8) }
        let raws = QuoteScanner.scan(texts)
        guard !raws.isEmpty else { return [] }
        var reading = ArticleReading(entities: entities, book: book, lexicon: lexicon, texts: texts, raws: raws, mentions: mentions)
        reading.read()
        return reading.quotes(paragraphNumbers: article.blocks.map(\.index))
    }
}

/// One article being read for quotations: the state of `QuoteExtractor.extract`.
struct ArticleReading {
    /// A quotation being assembled: one or more raw quotes (more when interrupted by its attribution).
    struct Draft {
        var raws: [Int]
        var resolution = SpeakerResolver.Resolution.unknown
        var isQuotation = true
    }

    let entities: [Entity]
    let texts: [[UInt8]?]
    let raws: [RawQuote]
    /// Mentions per block: the entity mentions given to `extract`, then the names found in the text.
    private(set) var mentions: [[Mention]]
    /// The entities and the names found in this article.
    private(set) var speakers: SpeakerBook
    private var blocks: [TokenizedBlock?]
    private var drafts: [Draft] = []
    /// Draft index of each raw quote that starts a draft; -1 for names and for pieces merged into another draft.
    private var draftOfRaw: [Int]
    /// Token index of each raw quote in its first block and in its last block (-1 when it did not tokenize).
    private var firstToken: [Int]
    private var lastToken: [Int]
    private var resolver: SpeakerResolver
    /// The last quotation read: its speaker, the block it ends in, and the block and token it starts at.
    private var previous: (resolution: SpeakerResolver.Resolution, lastBlock: Int, block: Int, token: Int)?

    init(entities: [Entity], book: SpeakerBook, lexicon: SpeakerResolver.Lexicon, texts: [[UInt8]?], raws: [RawQuote], mentions: [[Mention]]) {
        self.entities = entities
        self.texts = texts
        self.raws = raws
        self.mentions = texts.indices.map { $0 < mentions.count ? mentions[$0] : [] }
        self.speakers = book
        self.blocks = Array(repeating: nil, count: texts.count)
        self.draftOfRaw = Array(repeating: -1, count: raws.count)
        self.firstToken = Array(repeating: -1, count: raws.count)
        self.lastToken = Array(repeating: -1, count: raws.count)
        self.resolver = SpeakerResolver(speakers: book, lexicon: lexicon)
        tokenize()
        findNames()
        self.resolver = SpeakerResolver(speakers: speakers, lexicon: lexicon)
        assembleDrafts()
    }

    // MARK: - Tokens and drafts

    /// The mentions of block `b`, names found in the text included.
    private func mentionsOf(_ b: Int) -> [Mention] {
        b >= 0 && b < mentions.count ? mentions[b] : []
    }

    /// How many paragraphs before a quotation's are read: pronouns, roles and bare quotations reach
    /// back to the people named there.
    static let reachBack = 3

    /// The paragraphs holding a quotation and the `reachBack` before each: the only ones read.
    /// Reading the rest of a long article for names and subjects cost more than all the attribution.
    static func nearQuotations(_ raws: [RawQuote], blocks: Int) -> [Bool] {
        var near = [Bool](repeating: false, count: blocks)
        for raw in raws {
            for piece in raw.pieces where piece.block < blocks {
                for b in max(0, piece.block - reachBack)...piece.block { near[b] = true }
            }
        }
        return near
    }

    /// Adds the names no entity covers to the book and to each paragraph's mentions, in text order so
    /// that `Mr. Doe` finds the `John Doe` named before. Headlines are skipped: their capitals are typographic.
    private mutating func findNames() {
        var midSentence = Set<WordKey>()
        for b in blocks.indices.dropFirst() {
            guard let block = blocks[b], let text = texts[b] else { continue }
            text.withUnsafeBufferPointer { midSentence.formUnion(NameFinder.midSentenceWords(in: block, bytes: $0)) }
        }
        // Surnames of the people this article mentions, by first letter, for the misspelling check
        // (`Bauchtman` for Buchtmann). An article naming more than 64 gets exact matches only.
        let mentioned = Set(mentions.joined().map(\.entity))
        var spellings: [UInt8: [[UInt8]]] = [:]
        if mentioned.count <= 64 {
            for entity in mentioned {
                for spelling in resolver.lexicon.spellingsOfEntity[entity] ?? [] where !spelling.isEmpty { spellings[spelling[0], default: []].append(spelling) }
            }
        }
        for b in blocks.indices.dropFirst() {
            guard var block = blocks[b], let text = texts[b] else { continue }
            blocks[b] = nil   // the only reference, once the finder below is gone: marking names does not copy the tokens
            text.withUnsafeBufferPointer { bytes in
                let found: [(name: NameFinder.Found, words: [WordKey], kind: EntityKind)] = {
                    let finder = NameFinder(block: block, bytes: bytes, midSentenceWords: midSentence)
                    return finder.names().map { ($0, finder.words(of: $0), finder.kind(of: $0)) }
                }()
                for (name, words, kind) in found {
                    // `Tedeschi`: the entity's surname rule resolves it.
                    if words.count == 1, lexiconKnowsSurname(words[0], spelled: UnsafeBufferPointer(rebasing: bytes[name.range]), among: spellings) {
                        continue
                    }
                    let titleText = name.titles.isEmpty ? nil : titleAsWritten(block: block, before: name.tokens.lowerBound, bytes: bytes)
                    let gender = SpeakerBook.gender(title: name.titles.first(where: { AttributionLexicon.maleTitles.contains($0) || AttributionLexicon.femaleTitles.contains($0) }),
                                                    firstName: words.count > 1 ? words[0] : nil)
                    let index = speakers.index(forName: words, text: { String(decoding: UnsafeBufferPointer(rebasing: bytes[name.range]), as: UTF8.self).replacingNewlines() },
                                               kind: kind, gender: gender, title: titleText)
                    block.markMention(mentions[b].count, tokens: name.tokens)
                    mentions[b].append(Mention(entity: index, range: name.range))
                }
            }
            blocks[b] = block
        }
    }

    /// `Tedeschi`, or `Bauchtman` for Lydia Buchtmann: a surname of an entity, exactly or (among the
    /// surnames of the people the article mentions) within the misspelling the resolver tolerates.
    private func lexiconKnowsSurname(_ key: WordKey, spelled word: UnsafeBufferPointer<UInt8>, among spellings: [UInt8: [[UInt8]]]) -> Bool {
        if !(resolver.lexicon.surnames[key]?.isEmpty ?? true) { return true }
        guard word.count >= 4, word.count <= 24, let first = word.first, let candidates = spellings[first >= 65 && first <= 90 ? first + 32 : first] else {
            return false
        }
        let lowered = word.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
        let allowed = lowered.count <= 6 ? 1 : 2
        return candidates.contains { abs($0.count - lowered.count) <= allowed && editDistance($0, lowered, limit: allowed) <= allowed }
    }

    /// `Mr.` in `Mr. Toccafondi`: the title written just before a name, with its period.
    private func titleAsWritten(block: TokenizedBlock, before t: Int, bytes text: UnsafeBufferPointer<UInt8>) -> String? {
        var k = t - 1
        if k >= 0, block.tokens[k].isAbbreviation { k -= 1 }
        guard k >= 0, block.tokens[k].kind == .word, AttributionLexicon.personTitles.contains(block.tokens[k].key) else { return nil }
        let end = t - 1 >= 0 && block.tokens[t - 1].isAbbreviation ? block.tokens[t - 1].end : block.tokens[k].end
        return String(decoding: UnsafeBufferPointer(rebasing: text[block.tokens[k].start..<end]), as: UTF8.self)
    }

    private mutating func tokenize() {
        var regions = [[TokenizedBlock.Region]](repeating: [], count: texts.count)
        for (id, raw) in raws.enumerated() {
            for (k, piece) in raw.pieces.enumerated() {
                let isFirst = k == 0
                let isLast = k == raw.pieces.count - 1
                let length = texts[piece.block]?.count ?? 0
                let start = isFirst ? raw.openStart : 0
                let end = isLast ? raw.closeEnd : length
                let endsSentence = isLast && endsWithTerminal(piece)
                regions[piece.block].append(TokenizedBlock.Region(range: start..<max(start, end), id: id, endsSentence: endsSentence))
            }
        }
        let near = Self.nearQuotations(raws, blocks: texts.count)
        for b in texts.indices where near[b] {
            guard let text = texts[b] else { continue }
            let sorted = regions[b].sorted { $0.range.lowerBound < $1.range.lowerBound }
            let block = text.withUnsafeBufferPointer { TokenizedBlock(block: b, bytes: $0, regions: sorted, mentions: mentionsOf(b)) }
            for (t, token) in block.tokens.enumerated() where token.kind == .quote && raws.indices.contains(token.quote) {
                let pieces = raws[token.quote].pieces
                if pieces[0].block == b, firstToken[token.quote] < 0 { firstToken[token.quote] = t }
                if pieces[pieces.count - 1].block == b { lastToken[token.quote] = t }
            }
            blocks[b] = block
        }
    }

    private func endsWithTerminal(_ piece: RawQuote.Piece) -> Bool {
        guard let text = texts[piece.block], piece.range.upperBound > piece.range.lowerBound, piece.range.upperBound <= text.count else { return false }
        let last = text[piece.range.upperBound - 1]
        return last == UInt8(ascii: ".") || last == UInt8(ascii: "!") || last == UInt8(ascii: "?")
    }

    /// Leaves out quoted names, then joins quotations interrupted by their attribution.
    private mutating func assembleDrafts() {
        for (id, raw) in raws.enumerated() {
            let first = raw.pieces[0]
            if raw.pieces.count == 1, let block = blocks[first.block], let t = token(firstToken, id), isName(id, token: t, in: block) {
                continue
            }
            if let last = drafts.last, let previousRaw = last.raws.last, canJoin(previousRaw, id) {
                drafts[drafts.count - 1].raws.append(id)
                continue
            }
            draftOfRaw[id] = drafts.count
            drafts.append(Draft(raws: [id]))
        }
    }

    /// `"A," X said. "B."`, `"A," said X, "B"`, `"A" — X added — "B"`, `"A," X said in a statement. "B."`: the
    /// gap between two pieces of one paragraph holds one attribution and nothing else. A second clause
    /// (`, adding that …`, `and warned`) or a new sentence (`X said. Y disagreed.`) keeps them apart.
    private func canJoin(_ a: Int, _ b: Int) -> Bool {
        let block = raws[a].pieces[raws[a].pieces.count - 1].block
        guard raws[b].pieces[0].block == block, let tokens = blocks[block], let ta = token(lastToken, a),
              let tb = token(firstToken, b), tb > ta + 1, tb - ta <= Self.longestAttribution else { return false }
        let gap = (ta + 1)..<tb
        // A colon introduces the next quotation (`He wrote: "B"`) rather than ending A's attribution.
        let closing = tokens.tokens[gap.upperBound - 1].kind
        guard closing == .comma || closing == .stop || closing == .dash else { return false }
        // `"A," Kestler conceded. "B," Osei said.`: B has an attribution of its own.
        if let lb = token(lastToken, b), raws[b].pieces.count == 1, case .speaker? = AttributionFinder(block: tokens, mentions: mentionsOf(block), speakers: speakers).trailing(after: lb) {
            return false
        }
        for t in gap.dropLast() {
            let token = tokens.tokens[t]
            switch token.kind {
            case .word:
                if AttributionLexicon.secondClauseWords.contains(token.key) {
                    // `a retired teacher and the organizer of the drive` is one description; `and warned` a second clause.
                    guard token.key == AttributionLexicon.Key.and, !(t + 1..<min(t + 3, gap.upperBound)).contains(where: {
                        tokens.isWord($0) && AttributionLexicon.speechVerbs[tokens.tokens[$0].key] != nil
                    }) else { return false }
                }
                if let form = AttributionLexicon.speechVerbs[token.key], form != .finite { return false }
            case .comma: continue
            case .stop: if !token.isAbbreviation { return false }
            case .dash: if t != gap.lowerBound { return false }
            default: return false
            }
        }
        let finder = AttributionFinder(block: tokens, mentions: mentionsOf(block), speakers: speakers)
        if case .speaker? = finder.trailing(after: ta) { return true }
        return false
    }

    /// The most tokens an attribution between two pieces of a quotation may take
    /// (`said Rep. Luis Ortega, R-Texas, a member of the Appropriations Committee,`).
    static let longestAttribution = 28

    /// `a robot named "Robogee"`, `the film "Northern Lights"`, `its "Project Fjord" factory`: a short
    /// Title Case name after a naming word or a kind of work, or before one; or a title of a work in Title
    /// Case wherever it stands. Words read, chanted or written on a sign (`a banner reading "Harlow Till I
    /// Die"`) are a slogan: a quotation, however it is capitalised.
    private func isName(_ id: Int, token t: Int, in block: TokenizedBlock) -> Bool {
        let piece = raws[id].pieces[0]
        guard let text = texts[piece.block] else { return false }
        var named = block.key(t - 1) == AttributionLexicon.Key.as
        var slogan = false
        var k = t - 1
        while k >= 0, k >= t - 3, block.isWord(k) {
            let key = block.tokens[k].key
            if AttributionLexicon.sloganWords.contains(key) || (k >= t - 2 && AttributionLexicon.speechVerbs[key] != nil && !AttributionLexicon.namingWords.contains(key)) {
                slogan = true
            }
            if (AttributionLexicon.namingWords.contains(key) && key != AttributionLexicon.Key.as) || AttributionLexicon.workNouns.contains(key) { named = true }
            k -= 1
        }
        if slogan { return false }
        let before = block.isWord(t + 1) && !block.tokens[t + 1].isCapitalized && AttributionLexicon.workNouns.contains(block.tokens[t + 1].key)
        return text.withUnsafeBufferPointer { buffer in
            let inner = UnsafeBufferPointer(rebasing: buffer[piece.range])
            let title = QuoteShape.looksLikeTitle(inner)
            return ((named || before) && (title || QuoteShape.looksLikeName(inner))) || title
        }
    }

    private func token(_ table: [Int], _ id: Int) -> Int? {
        id >= 0 && id < table.count && table[id] >= 0 ? table[id] : nil
    }

    // MARK: - Reading in order

    mutating func read() {
        var previousBlock: Int?
        for b in blocks.indices {
            guard let text = texts[b] else { continue }   // a paragraph emptied by corrections is passed over
            guard let block = blocks[b] else {
                previousBlock = nil   // far from every quotation: not read, and not the paragraph before the next
                continue
            }
            text.withUnsafeBufferPointer { bytes in
                read(block, bytes: bytes, previousBlock: previousBlock)
            }
            previousBlock = b
        }
    }

    private mutating func read(_ block: TokenizedBlock, bytes: UnsafeBufferPointer<UInt8>, previousBlock: Int?) {
        let finder = AttributionFinder(block: block, mentions: mentionsOf(block.block), speakers: speakers)
        let names = NameReader(finder: finder, bytes: bytes)
        let tokens = block.tokens
        for (s, start) in block.sentenceStarts.enumerated() {
            let end = s + 1 < block.sentenceStarts.count ? block.sentenceStarts[s + 1] : tokens.count
            let sentence = start..<end
            resolver.beginSentence(block: block.block)
            noteRoleSubject(sentence, names)
            for t in sentence {
                let token = tokens[t]
                if token.kind == .word, names.isMentionStart(t), let entity = names.entity(at: t) {
                    let run = names.mentionRun(t)
                    let titles = speakers.kind(entity) == .person ? names.titles(around: run) : []
                    resolver.noteMention(entity: entity, token: t, prepositional: names.isPrepositional(t), titles: titles)
                } else if token.kind == .quote, token.quote >= 0, token.quote < draftOfRaw.count, draftOfRaw[token.quote] >= 0,
                          raws[token.quote].pieces[0].block == block.block {
                    attribute(draft: draftOfRaw[token.quote], token: t, sentence: sentence, finder: finder, bytes: bytes,
                              previousBlock: previousBlock)
                }
            }
            resolver.endSentence()
        }
    }

    /// `The senator was unimpressed.`: a role noun opening a sentence names someone for later pronouns.
    private mutating func noteRoleSubject(_ sentence: Range<Int>, _ names: NameReader) {
        let tokens = names.finder.block.tokens
        guard sentence.count > 1, tokens[sentence.lowerBound].kind == .word, tokens[sentence.lowerBound].key == AttributionLexicon.Key.the else { return }
        var k = sentence.lowerBound + 1
        while k < sentence.upperBound, k <= sentence.lowerBound + 3, tokens[k].kind == .word {
            if tokens[k].mention < 0, AttributionLexicon.roles.contains(tokens[k].key) {
                if let entity = resolver.resolveRole(tokens[k].key) {
                    resolver.noteMention(entity: entity, token: sentence.lowerBound, prepositional: false, titles: [])
                }
                return
            }
            k += 1
        }
    }

    /// Where a quotation sits while it is attributed.
    private struct Site {
        var draft: Int
        var token: Int
        var sentence: Range<Int>
        var finder: AttributionFinder
        var bytes: UnsafeBufferPointer<UInt8>
        var previousBlock: Int?

        var tokens: [TokenizedBlock.Token] { finder.block.tokens }

        /// Nothing but punctuation between `start` and the quotation.
        func isBare(from start: Int) -> Bool {
            token - start <= AttributionFinder.reach
                && (start..<token).allSatisfy { tokens[$0].kind != .word && tokens[$0].kind != .quote }
        }
    }

    /// Attributes one quotation, trying in turn what a reader would:
    /// 1. the words right after it (`“…,” X said`, `said X`, `according to X`, `— X`), also after the last
    ///    paragraph of a multi-paragraph quotation (a source title followed by its date is no quotation at all);
    /// 2. the nearest speech verb before it in its sentence, and that verb's subject;
    /// 3. after a colon, the subject of the sentence (`Helen Marsh on Twitter: "…"`);
    /// 4. for a quotation opening its paragraph, the end of the paragraph before (`Rathbun stated,`);
    /// 5. a person named earlier in its clause (`who President Erdogan plans to “neutralise”`);
    /// 6. for a bare quotation, the paragraph's latest speaker, or the previous quotation's.
    private mutating func attribute(draft d: Int, token t: Int, sentence: Range<Int>, finder: AttributionFinder,
                                    bytes: UnsafeBufferPointer<UInt8>, previousBlock: Int?) {
        let site = Site(draft: d, token: t, sentence: sentence, finder: finder, bytes: bytes, previousBlock: previousBlock)
        let trailing = finder.trailing(after: t)
        if trailing == .citation {
            drafts[d].isQuotation = false
            return
        }
        let words = CueWords(finder: finder, bytes: bytes)
        var resolution: SpeakerResolver.Resolution?
        if case .speaker(let cue)? = trailing, var found = resolve(cue, finder, bytes) {
            found.cue = words.after(t)
            resolution = found
        }
        resolution = resolution ?? speakerAfterLastParagraph(site)
        if resolution == nil, let cue = finder.preceding(before: t, in: sentence), var found = resolve(cue, finder, bytes) {
            found.cue = words.before(t, from: cue.start, in: sentence)
            resolution = found
        }
        resolution = resolution ?? speakerBeforeColon(site) ?? speakerClosingPreviousParagraph(site)
        if resolution == nil, var found = resolve(.clauseSubject(finder.clause(before: t, in: sentence)), finder, bytes) {
            found.cue = words.before(t, from: finder.clause(before: t, in: sentence).lowerBound, in: sentence)
            resolution = found
        }
        let final = resolution ?? speakerOfBareQuotation(site) ?? .unknown
        drafts[d].resolution = final
        if let entity = final.entity { resolver.noteSpeaker(entity) }
        let lastBlock = drafts[d].raws.last.flatMap { raws[$0].pieces.last?.block } ?? finder.block.block
        previous = (final, lastBlock, finder.block.block, t)
    }

    /// The cue resolved, or nil when it names nobody.
    private func resolve(_ cue: SpeakerCue?, _ finder: AttributionFinder, _ bytes: UnsafeBufferPointer<UInt8>) -> SpeakerResolver.Resolution? {
        guard let cue else { return nil }
        let resolution = resolver.resolve(cue, finder: finder, bytes: bytes)
        return resolution.speaker != nil || resolution.entity != nil ? resolution : nil
    }

    private func speakerAfterLastParagraph(_ site: Site) -> SpeakerResolver.Resolution? {
        guard let lastRaw = drafts[site.draft].raws.last, let lastPiece = raws[lastRaw].pieces.last,
              lastPiece.block != site.finder.block.block, let lastBlock = blocks[lastPiece.block],
              let lt = token(lastToken, lastRaw), let text = texts[lastPiece.block] else { return nil }
        let lastFinder = AttributionFinder(block: lastBlock, mentions: mentionsOf(lastPiece.block), speakers: speakers)
        guard case .speaker(let cue)? = lastFinder.trailing(after: lt) else { return nil }
        return text.withUnsafeBufferPointer { bytes in
            var found = resolve(cue, lastFinder, bytes)
            found?.cue = CueWords(finder: lastFinder, bytes: bytes).after(lt)
            return found
        }
    }

    private func speakerBeforeColon(_ site: Site) -> SpeakerResolver.Resolution? {
        guard site.token > site.sentence.lowerBound, site.tokens[site.token - 1].kind == .colon else { return nil }
        var found = resolve(.sentenceSubject(site.sentence.lowerBound..<(site.token - 1)), site.finder, site.bytes)
        found?.cue = CueWords(finder: site.finder, bytes: site.bytes).before(site.token, from: site.sentence.lowerBound, in: site.sentence)
        return found
    }

    /// `Rathbun stated,` or `X told reporters:` closing the paragraph before.
    private func speakerClosingPreviousParagraph(_ site: Site) -> SpeakerResolver.Resolution? {
        guard site.isBare(from: 0), let p = site.previousBlock, let previousTokens = blocks[p], let last = previousTokens.tokens.last,
              last.kind == .colon || last.kind == .comma, let text = texts[p] else { return nil }
        let previousFinder = AttributionFinder(block: previousTokens, mentions: mentionsOf(p), speakers: speakers)
        let end = previousTokens.tokens.count
        let lastSentence = previousTokens.sentence(containing: end - 1)
        var cue = previousFinder.preceding(before: end, in: lastSentence)
        if cue == nil, last.kind == .colon { cue = .sentenceSubject(lastSentence.lowerBound..<(end - 1)) }
        return text.withUnsafeBufferPointer { bytes in
            var found = resolve(cue, previousFinder, bytes)
            found?.cue = cue.map { CueWords(finder: previousFinder, bytes: bytes).before(end, from: $0.start, in: lastSentence) } ?? nil
            return found
        }
    }

    /// A bare quotation continues the paragraph's latest speaker: the last quotation, or a sentence with a
    /// speech verb (`Wilkins also said Warhol was a businessperson. "As a way…"`), whichever is nearer;
    /// across paragraphs, the quotation just before.
    private func speakerOfBareQuotation(_ site: Site) -> SpeakerResolver.Resolution? {
        guard site.isBare(from: site.sentence.lowerBound) else { return nil }
        let here = site.finder.block.block
        if let spoken = paragraphSpeaker(before: site.sentence, finder: site.finder),
           !(previous.map { $0.block == here && $0.token >= spoken.sentenceStart } ?? false),
           var resolution = resolve(spoken.cue, site.finder, site.bytes) {
            resolution.direct = false
            resolution.cue = nil
            return resolution
        }
        guard let previous, previous.lastBlock == here || previous.lastBlock == site.previousBlock else { return nil }
        var continued = previous.resolution
        continued.direct = false
        continued.cue = nil
        return continued
    }

    /// The speaker of the nearest of the two sentences before `sentence` that has a speech verb.
    private func paragraphSpeaker(before sentence: Range<Int>, finder: AttributionFinder) -> (cue: SpeakerCue, sentenceStart: Int)? {
        let block = finder.block
        guard let index = block.sentenceStarts.firstIndex(of: sentence.lowerBound), index > 0 else { return nil }
        for back in 1...min(2, index) {
            let start = block.sentenceStarts[index - back]
            let range = start..<block.sentenceStarts[index - back + 1]
            for k in range.reversed().prefix(AttributionFinder.reach) {
                guard let form = finder.verbForm(k), form != .sourceFollows else { continue }
                switch finder.subject(ofVerb: k, floor: range.lowerBound, form: form) {
                case .phrase(let phrase): return (.phrase(phrase), start)
                case .pronoun(let p): return (.pronoun(p), start)
                case .relative(let r): return (.relative(r), start)
                case .elided: return (.sentenceSubject(range), start)
                }
            }
            // `"A," Brady said. Pinnock saw it differently. "B."`: a person who opens the sentence before
            // a bare quotation, without quoting, is who speaks next.
            if back == 1, !range.contains(where: { block.tokens[$0].kind == .quote }),
               let subject = range.prefix(8).first(where: { finder.kind(ofMentionAt: $0) == .person }),
               !range.prefix(while: { $0 < subject }).contains(where: { block.isWord($0) && AttributionLexicon.speechVerbs[block.tokens[$0].key] != nil }) {
                let run = subject..<(range.first(where: { $0 > subject && block.tokens[$0].mention != block.tokens[subject].mention }) ?? range.upperBound)
                return (.phrase(run), start)
            }
        }
        return nil
    }

    // MARK: - Output

    func quotes(paragraphNumbers: [Int]) -> [Quote] {
        var quotes: [Quote] = []
        quotes.reserveCapacity(drafts.count)
        var tags: [Int: MarkupTags] = [:]
        for draft in drafts where draft.isQuotation {
            if let first = draft.raws.first, let text = texts[raws[first].pieces[0].block] {
                let block = raws[first].pieces[0].block
                if tags[block] == nil { tags[block] = MarkupTags(text) }
                // `<tweet id="1234">`: the value of an attribute that survived scraping.
                if tags[block]!.contains(raws[first].openStart) { continue }
            }
            var spans: [ParagraphSpan] = []
            var pieces: [String] = []
            for id in draft.raws {
                var paragraphs: [String] = []
                for piece in raws[id].pieces {
                    guard let text = texts[piece.block], piece.range.upperBound <= text.count else { continue }
                    let number = piece.block < paragraphNumbers.count ? paragraphNumbers[piece.block] : piece.block
                    spans.append(ParagraphSpan(paragraph: number, range: piece.range))
                    paragraphs.append(String(decoding: text[piece.range], as: UTF8.self))
                }
                pieces.append(paragraphs.joined(separator: "\n\n"))
            }
            let text = pieces.joined(separator: " … ")
            guard let first = spans.first, let last = spans.last, text.contains(where: { !$0.isWhitespace }) else { continue }
            let (speaker, entity) = shown(draft.resolution)
            quotes.append(Quote(text: text, paragraph: first.paragraph, lastParagraph: last.paragraph, spans: spans,
                                speaker: speaker, entity: entity, cue: speaker == nil ? nil : draft.resolution.cue,
                                isDirect: speaker != nil && draft.resolution.direct))
        }
        return Self.withoutHeadlineRepeats(quotes, headline: paragraphNumbers.first ?? 0)
    }

    /// The speaker as a reader should see it: a name found in the text in full (`John Doe` for
    /// `Mr. Doe` or `he`), an entity's name where the article used a pronoun or role, the article's
    /// words otherwise; nothing when those words name no one (`Tuesday`, `a series of tweets`).
    private func shown(_ resolution: SpeakerResolver.Resolution) -> (String?, Int?) {
        if let e = resolution.entity {
            if let name = speakers.discoveredName(e) { return (name.displayName, nil) }
            if speakers.isEntity(e), e < entities.count {
                // `he said`, `The US Senator continued`: the name the pronoun or role stands for.
                let written = resolution.speaker ?? ""
                return (resolution.direct && SpeakerPhrase.hasName(written) ? written : entities[e].name, e)
            }
        }
        guard let written = resolution.speaker, SpeakerPhrase.isPlausible(written) else { return (nil, nil) }
        return (written, nil)
    }

    /// A headline quotation that repeats words quoted in the body is not listed twice.
    static func withoutHeadlineRepeats(_ quotes: [Quote], headline: Int) -> [Quote] {
        let headlineQuotes = quotes.filter { $0.paragraph == headline }.count
        guard headlineQuotes > 0, headlineQuotes <= 16 else { return quotes }   // a headline holds a few at most
        let body = quotes.filter { $0.paragraph != headline }.map { SpeakerPhrase.folded($0.text) }
        return quotes.filter { quote in
            guard quote.paragraph == headline else { return true }
            let words = SpeakerPhrase.folded(quote.text)
            return words.isEmpty || !body.contains { $0.contains(words) }
        }
    }
}

/// Tests on the words inside a pair of marks.
enum QuoteShape {
    /// Three or more capitalised words and every other word a small one (`Andy Warhol: Photographs and
    /// Prints from the University Collection`): the title of a work, whatever precedes it.
    static func looksLikeTitle(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var words = 0
        var capitalised = 0
        for word in wordRanges(bytes) {
            let (start, i) = (word.lowerBound, word.upperBound)
            words += 1
            if words > 12 { return false }
            let first = bytes[start]
            if (first >= 65 && first <= 90) || (first >= 48 && first <= 57) {
                capitalised += 1
            } else if !smallWords.contains(WordKey(bytes, start..<i)) {
                return false
            }
            if i < bytes.count, bytes[i - 1] == UInt8(ascii: "."), i - start > 3 { return false }  // a sentence inside
        }
        return capitalised >= 3 && capitalised * 2 > words
    }

    /// The space- or newline-separated words of `bytes`.
    static func wordRanges(_ bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var i = 0
        while i < bytes.count {
            while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A { i += 1 }
            guard i < bytes.count else { break }
            let start = i
            while i < bytes.count, bytes[i] != 0x20, bytes[i] != 0x0A { i += 1 }
            ranges.append(start..<i)
        }
        return ranges
    }

    private static let smallWords = Set(words: [
        "a", "an", "the", "and", "or", "of", "in", "on", "at", "to", "for", "from", "by", "with", "vs", "vs.", "as", "into", "over", "&",
    ])

    /// Short and in Title Case (`Better Idea of Afghan Girls,`, `the Gateway to Europe`): the shape of a name.
    static func looksLikeName(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var words = 0
        var firstWord = true
        for word in wordRanges(bytes) {
            let (start, i) = (word.lowerBound, word.upperBound)
            words += 1
            if words > 6 { return false }
            let first = bytes[start]
            let letters = i - start
            let isUpper = (first >= 65 && first <= 90) || first >= 0xC0 || (first >= 48 && first <= 57)
            if firstWord {
                firstWord = false
                let key = WordKey(bytes, start..<i)
                if key == AttributionLexicon.Key.the || key == AttributionLexicon.Key.a || key == AttributionLexicon.Key.an { continue }
                if !isUpper { return false }
            } else if letters >= 4 && !isUpper {
                return false
            }
            if i < bytes.count, start < i, bytes[i - 1] == UInt8(ascii: "."), i - start > 2 { return false }  // a sentence inside
        }
        return words > 0
    }
}
