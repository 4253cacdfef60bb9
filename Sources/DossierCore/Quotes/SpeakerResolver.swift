/// Turns a speaker cue into the speaker as written and, when it can be known, an entity.
///
/// Keeps a small model of the discourse while the article is read in order: who was last named
/// in subject position (for `he`, `she`, `they`, `it`), which role words each person was given
/// (`Senator`, `the minister`), and who spoke last. A cue that no name, alias, role, pronoun or
/// body rule (`the company`: the organisation the story names most) connects to a speaker keeps
/// its words and gets no entity.
struct SpeakerResolver {
    /// What a pronoun or role may stand for.
    enum Slot: Hashable { case person, group, place }

    struct Lexicon: Sendable {
        /// Role and honorific words in each entity's surface forms (`Senator King` → senator).
        var aliasTitles: [Set<WordKey>]
        /// Person entities by the last word of each surface form (`Mohib` → Hamdullah Mohib).
        var surnames: [WordKey: [Int]]
        /// The same last words, lowercased, for the typo-tolerant comparison (`Ms Bauchtman` → Buchtmann).
        var surnameSpellings: [(word: [UInt8], entity: Int)]
        /// The same spellings by entity, for checking a word against the people an article mentions.
        var spellingsOfEntity: [Int: [[UInt8]]]

        init(entities: [Entity]) {
            aliasTitles = entities.map { entity in
                var titles = Set<WordKey>()
                for form in entity.surfaceForms {
                    for word in form.split(separator: " ") {
                        let key = WordKey(String(word.filter { $0 != "." }))
                        if AttributionLexicon.roles.contains(key) || AttributionLexicon.honorifics.contains(key) { titles.insert(key) }
                    }
                }
                return titles
            }
            var surnames: [WordKey: [Int]] = [:]
            var spellings: [(word: [UInt8], entity: Int)] = []
            for (index, entity) in entities.enumerated() where entity.kind == .person {
                var spelt: Set<[UInt8]> = []
                for form in entity.surfaceForms {
                    guard let last = form.split(separator: " ").last else { continue }
                    let key = WordKey(String(last))
                    if key != .none, !(surnames[key]?.contains(index) ?? false) { surnames[key, default: []].append(index) }
                    let word = Array(last.lowercased().utf8)
                    if word.count >= 4, spelt.insert(word).inserted {
                        spellings.append((word, index))
                    }
                }
            }
            self.surnames = surnames
            self.surnameSpellings = spellings
            self.spellingsOfEntity = Dictionary(grouping: spellings, by: \.entity).mapValues { $0.map(\.word) }
        }
    }

    private struct SentenceMention {
        var token: Int
        var entity: Int
        var prepositional: Bool
    }

    let speakers: SpeakerBook
    let lexicon: Lexicon
    private var titles: [Int: Set<WordKey>] = [:]
    private var lastSeen: [Int: Int] = [:]
    private var mentionCounts: [Int: Int] = [:]
    /// Each role's most recent holder: kept as people are seen, so resolving a role is one look-up.
    private var roleHolders: [WordKey: Int] = [:]
    /// The organisations named most recently, for `the company said` (a bounded list keeps long articles linear).
    private var recentBodies: [Int] = []
    private var clock = 0
    /// Per slot, the speakers and subjects that later pronouns may refer to, most recent last.
    private var salient: [Slot: [Int]] = [:]
    private var sentenceBlock = -1
    private var sentenceMentions: [SentenceMention] = []
    private var sentenceSpeakers: [Int] = []

    init(speakers: SpeakerBook, lexicon: Lexicon) {
        self.speakers = speakers
        self.lexicon = lexicon
    }

    static func slot(of kind: EntityKind) -> Slot? {
        switch kind {
        case .person: .person
        case .organization, .other: .group
        case .place: .place
        case .event: nil
        }
    }

    // MARK: - Reading the article

    mutating func beginSentence(block: Int) {
        sentenceBlock = block
        sentenceMentions.removeAll(keepingCapacity: true)
        sentenceSpeakers.removeAll(keepingCapacity: true)
    }

    /// Records a mention outside quotations; call in text order.
    mutating func noteMention(entity: Int, token: Int, prepositional: Bool, titles newTitles: [WordKey]) {
        guard speakers.contains(entity) else { return }
        clock += 1
        lastSeen[entity] = clock
        mentionCounts[entity, default: 0] += 1
        if speakers.kind(entity) == .organization, recentBodies.last != entity {
            recentBodies.removeAll { $0 == entity }
            recentBodies.append(entity)
            if recentBodies.count > 32 { recentBodies.removeFirst() }
        }
        if !newTitles.isEmpty { titles[entity, default: []].formUnion(newTitles.map { AttributionLexicon.roleOfTitle[$0] ?? $0 }) }
        holdRoles(entity)
        sentenceMentions.append(SentenceMention(token: token, entity: entity, prepositional: prepositional))
    }

    mutating func noteSpeaker(_ entity: Int) {
        guard speakers.contains(entity) else { return }
        clock += 1
        lastSeen[entity] = clock
        holdRoles(entity)
        sentenceSpeakers.append(entity)
    }

    /// A person just seen becomes the holder of each of their roles, for `the minister said`.
    private mutating func holdRoles(_ entity: Int) {
        guard speakers.kind(entity) == .person else { return }
        for role in titles[entity] ?? [] { roleHolders[role] = entity }
        if speakers.isEntity(entity) {
            for role in lexicon.aliasTitles[entity] { roleHolders[role] = entity }
        }
    }

    /// The sentence's speaker, or else its first name in subject position, becomes the referent of later pronouns.
    mutating func endSentence() {
        for slot in [Slot.person, .group, .place] {
            if let speaker = sentenceSpeakers.last(where: { Self.slot(of: speakers.kind($0)) == slot }) {
                makeSalient(speaker, slot)
            } else if let first = sentenceMentions.first(where: { !$0.prepositional && Self.slot(of: speakers.kind($0.entity)) == slot }) {
                makeSalient(first.entity, slot)
            }
        }
    }

    private mutating func makeSalient(_ entity: Int, _ slot: Slot) {
        var list = salient[slot, default: []]
        list.removeAll { $0 == entity }
        list.append(entity)
        if list.count > 8 { list.removeFirst() }
        salient[slot] = list
    }

    // MARK: - Resolving

    /// The entity a pronoun at `token` of the current sentence (or of an earlier one) stands for.
    ///
    /// `he` and `she` skip people of the other gender (`she said` after a man was quoted goes back to
    /// the woman quoted before him).
    func resolvePronoun(_ pronoun: AttributionLexicon.PronounClass, gender: SpeakerBook.Gender, token: Int, block: Int) -> Int? {
        let slots: [Slot]
        switch pronoun {
        case .person: slots = [.person]
        case .group: slots = [.group]
        case .thing: slots = [.group, .place]
        case .none: return nil
        }
        func fits(_ entity: Int) -> Bool {
            guard Self.slot(of: speakers.kind(entity)).map(slots.contains) == true else { return false }
            let known = speakers.gender(entity)
            return gender == .unknown || known == .unknown || known == gender
        }
        if block == sentenceBlock,
           let local = sentenceMentions.first(where: { $0.token < token && !$0.prepositional && fits($0.entity) }) {
            return local.entity
        }
        let candidates = slots.compactMap { salient[$0]?.last(where: fits) }
        return candidates.max { (lastSeen[$0] ?? 0) < (lastSeen[$1] ?? 0) }
    }

    /// `the minister`, `The US Senator`: the most recent person who carried the role.
    func resolveRole(_ role: WordKey) -> Int? {
        roleHolders[role]
    }

    /// `the company`, `the club said`: the organisation the story names most, the latest of equals; one
    /// whose name holds the noun or its like (`the city`: `Municipality of Livorno`) comes first.
    func resolveBody(_ noun: WordKey) -> Int? {
        let likes = AttributionLexicon.bodySynonyms[noun] ?? [noun]
        var best: (entity: Int, named: Bool, count: Int, seen: Int)?
        for entity in recentBodies {
            let seen = lastSeen[entity] ?? 0
            let named = speakers.nameWords(entity).contains { likes.contains($0) }
            let count = mentionCounts[entity] ?? 0
            if let b = best, (b.named ? 1 : 0, b.count, b.seen) >= (named ? 1 : 0, count, seen) { continue }
            best = (entity, named, count, seen)
        }
        return best?.entity
    }

    /// `Ambassador Mohib` when only `Hamdullah Mohib` is an alias: a person already named in this article.
    ///
    /// A misspelt surname (`Ms Bauchtman` for Lydia Buchtmann, `Water` for Kathryn Waters) resolves only
    /// to a person already named in the article, with the same initial, within one edit (two for long
    /// names), and only when exactly one such person exists.
    func resolveSurname(_ key: WordKey, spelled word: UnsafeBufferPointer<UInt8>) -> Int? {
        if let candidates = lexicon.surnames[key] {
            let seen = candidates.filter { lastSeen[$0] != nil }
            if let best = seen.max(by: { (lastSeen[$0] ?? 0) < (lastSeen[$1] ?? 0) }) { return best }
        }
        guard word.count >= 4, word.count <= 24 else { return nil }
        let lowered = word.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
        let allowed = lowered.count <= 6 ? 1 : 2
        var match: Int?
        for (spelling, entity) in lexicon.surnameSpellings where lastSeen[entity] != nil {
            guard spelling.first == lowered.first, abs(spelling.count - lowered.count) <= allowed,
                  editDistance(spelling, lowered, limit: allowed) <= allowed else { continue }
            if let match, match != entity { return nil }   // ambiguous: two people fit
            match = entity
        }
        return match
    }
}
