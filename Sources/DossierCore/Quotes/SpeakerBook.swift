/// Everyone who can speak in one article: the site's entities first, then the people and bodies
/// named in the article that no entity file covers.
///
/// A new site has no entity files, and a site's registry never holds everyone a story quotes, so
/// every attribution rule works on names found in the text; entities only turn a found speaker into
/// a slug. Indices below `entityCount` are entities; the rest are `discovered` names.
struct SpeakerBook: Sendable {
    enum Gender: Sendable { case unknown, male, female }

    /// A name found in the article: `John Doe`, with `Mr. Doe` and `Doe` later read as the same person.
    struct Discovered: Sendable {
        /// The fullest form seen, without titles (`John Doe`).
        var name: String
        /// The name's words as keys, for matching later mentions.
        var words: [WordKey]
        var kind: EntityKind
        var gender: Gender
        /// A title written before a one-word name (`Mr.`), kept to show it (`Mr. Toccafondi`).
        var title: String?

        /// How the speaker is shown: the full name, or a title and surname when no more is known.
        var displayName: String {
            if words.count == 1, let title { return title + " " + name }
            return name
        }
    }

    let entityKinds: [EntityKind]
    let entityGenders: [Gender]
    private(set) var discovered: [Discovered] = []
    /// Discovered names by their last word and by their first, so that matching a new name looks at
    /// the few that could continue it: an article naming thousands stays linear.
    private var byLastWord: [WordKey: [Int]] = [:]
    private var byFirstWord: [WordKey: [Int]] = [:]

    init(entityKinds: [EntityKind], entityGenders: [Gender]) {
        self.entityKinds = entityKinds
        self.entityGenders = entityGenders
    }

    var entityCount: Int { entityKinds.count }

    func isEntity(_ i: Int) -> Bool { i >= 0 && i < entityKinds.count }

    func contains(_ i: Int) -> Bool { i >= 0 && i < entityKinds.count + discovered.count }

    func kind(_ i: Int) -> EntityKind {
        i < entityKinds.count ? entityKinds[i] : discovered[i - entityKinds.count].kind
    }

    func gender(_ i: Int) -> Gender {
        i < entityKinds.count ? entityGenders[i] : discovered[i - entityKinds.count].gender
    }

    /// The words of a discovered name; none for an entity (its name is not needed there).
    func nameWords(_ i: Int) -> [WordKey] {
        discoveredName(i)?.words ?? []
    }

    /// The discovered name at book index `i`, or nil for an entity.
    func discoveredName(_ i: Int) -> Discovered? {
        i >= entityKinds.count && i < entityKinds.count + discovered.count ? discovered[i - entityKinds.count] : nil
    }

    /// The book index for a name found in the text: an earlier discovered name it continues (`Doe`
    /// after `John Doe`, the most recent such person), or a new one.
    /// `text` is asked for only when the name is new or longer than the one known: making strings of
    /// every name read is a cost on every article.
    mutating func index(forName words: [WordKey], text: () -> String, kind: EntityKind, gender: Gender, title: String?) -> Int {
        let candidates = (words.last.flatMap { byLastWord[$0] } ?? []) + (words.first.flatMap { byFirstWord[$0] } ?? [])
        if let match = candidates.sorted(by: >).first(where: { continues(discovered[$0], words: words, kind: kind) }) {
            var known = discovered[match]
            if words.count > known.words.count, known.words.last == words.last {
                known.name = text()
                known.words = words
                register(match, words)
            }
            if known.gender == .unknown { known.gender = gender }
            if known.kind != .person, kind == .person { known.kind = .person }
            if known.title == nil { known.title = title }
            discovered[match] = known
            return entityCount + match
        }
        discovered.append(Discovered(name: text(), words: words, kind: kind, gender: gender, title: title))
        register(discovered.count - 1, words)
        return entityCount + discovered.count - 1
    }

    private mutating func register(_ i: Int, _ words: [WordKey]) {
        // One look-up per word, the list changed in place: this runs for every name an article
        // yields, and the look-up, append and count each hashed the word again.
        func add(_ list: inout [Int]) {
            guard !list.contains(i) else { return }
            list.append(i)
            if list.count > Self.namesSharingAWord { list.removeFirst() }
        }
        if let last = words.last { add(&byLastWord[last, default: []]) }
        if let first = words.first { add(&byFirstWord[first, default: []]) }
    }

    /// How many names sharing a word are kept for matching: the most recent, as a reader remembers them.
    static let namesSharingAWord = 32

    /// `Doe` or `Mr. Doe` continues `John Doe`; `John Doe` continues `Doe`; the same words continue themselves.
    private func continues(_ known: Discovered, words: [WordKey], kind: EntityKind) -> Bool {
        if known.words == words { return true }
        // `Halvorsen` after `Halvorsen Semiconductor Inc`.
        if known.kind == .organization, words.count == 1, known.words.count > 1, known.words.first == words.first { return true }
        guard known.kind == .person || kind == .person, let last = words.last, last == known.words.last, last.isLongerThanOneLetter else { return false }
        if words.count == 1 || known.words.count == 1 { return true }
        // `J. R. Smith` and `John Smith` may be one person; `Jane Smith` and `John Smith` are not.
        return words.first?.firstByte == known.words.first?.firstByte
    }
}

extension SpeakerBook {
    /// A gender read from a title or a common first name; unknown otherwise.
    static func gender(title: WordKey?, firstName: WordKey?) -> Gender {
        if let title {
            if AttributionLexicon.maleTitles.contains(title) { return .male }
            if AttributionLexicon.femaleTitles.contains(title) { return .female }
        }
        guard let firstName else { return .unknown }
        if AttributionLexicon.femaleFirstNames.contains(firstName) { return .female }
        if AttributionLexicon.maleFirstNames.contains(firstName) { return .male }
        return .unknown
    }

    /// Genders of the site's people, from their names' titles and first words.
    static func genders(of entities: [Entity]) -> [Gender] {
        entities.map { entity in
            guard entity.kind == .person else { return .unknown }
            let words = entity.name.split(separator: " ").map { $0.lowercased().filter { $0 != "." } }
            var title: WordKey?
            var first: WordKey?
            for word in words {
                let key = WordKey(word)
                if AttributionLexicon.honorifics.contains(key) || AttributionLexicon.roles.contains(key) {
                    title = title ?? key
                } else {
                    first = key
                    break
                }
            }
            return gender(title: title, firstName: first)
        }
    }
}
