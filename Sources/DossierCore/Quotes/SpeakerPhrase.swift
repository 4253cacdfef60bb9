/// Tests on the words that name a speaker.
enum SpeakerPhrase {
    /// A capitalised word other than a leading article: `Senator King`, `a US official`.
    static func hasName(_ text: String) -> Bool {
        let words = text.split(separator: " ")
        return words.enumerated().contains { index, word in
            guard let first = word.first, first.isUppercase else { return false }
            return !(index == 0 && ["The", "A", "An"].contains(word))
        }
    }

    /// Words that can name who spoke: a name (not a day, a month or a time), or a phrase whose head
    /// is a person or a body (`a US official`, `crews`, `one poster`); never `the past` or `a series of tweets`.
    static func isPlausible(_ text: String) -> Bool {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map { word in
            word.lowercased().filter { $0.isLetter || $0 == "'" || $0 == "’" || $0 == "-" || $0 == "." }
        }
        guard !words.isEmpty else { return false }
        if words.contains(where: { AttributionLexicon.timeWords.contains(WordKey($0)) }) { return false }
        if hasName(text) { return true }
        // The head noun comes before any preposition: `a spokesman for the ministry`, `one person familiar with the talks`.
        let cut = words.indices.dropFirst().first(where: { AttributionLexicon.headEndingPrepositions.contains(WordKey(words[$0])) }) ?? words.count
        return words[..<cut].contains { word in
            var noun = word
            for suffix in ["'s", "’s", "'"] where noun.hasSuffix(suffix) { noun.removeLast(suffix.count) }
            return [noun, String(noun.dropLast()), String(noun.dropLast(2))].contains { form in
                let key = WordKey(form)
                return AttributionLexicon.roles.contains(key) || AttributionLexicon.peopleNouns.contains(key)
                    || AttributionLexicon.bodyNouns.contains(key) || SpeakerResolver.ownVoiceNouns.contains(form)
            }
        }
    }

    /// Lowercase letters and digits with single spaces: for comparing quotations' words.
    static func folded(_ text: String) -> String {
        // Written as UTF-8 bytes: appending to a `UnicodeScalarView` scalar by scalar cost more
        // than the comparison it is for.
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count)
        var space = false
        for scalar in text.unicodeScalars {
            let value = scalar.value
            let isASCIILetterOrDigit = (value >= 48 && value <= 57) || (value >= 65 && value <= 90) || (value >= 97 && value <= 122)
            if isASCIILetterOrDigit || (value >= 0x80 && scalar.properties.isAlphabetic) {
                if space, !result.isEmpty { result.append(UInt8(ascii: " ")) }
                space = false
                if value >= 65 && value <= 90 {
                    result.append(UInt8(value + 32))
                } else if value < 0x80 {
                    result.append(UInt8(value))
                } else {
                    result.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
                }
            } else {
                space = true
            }
        }
        return String(decoding: result, as: UTF8.self)
    }
}
