/// The closed word lists that attribution and candidate-entity detection rely on.
///
/// Kept in one place so that the heuristics can be read, and extended, as plain English.
enum AttributionLexicon {
    /// How a speech verb relates to its speaker.
    enum VerbForm: Sendable {
        /// `said`, `warned`: the speaker is the subject before the verb, or the phrase after it (`said X`).
        case finite
        /// `saying`, `stating`: the speaker is the subject of the clause, or the noun phrase right before it
        /// in an absolute construction (`with Boswell stating`, `the government recommending`).
        case participle
        /// `quoting X`, `citing X`: the speaker follows the verb.
        case sourceFollows
    }

    static let speechVerbs: [WordKey: VerbForm] = {
        var verbs: [WordKey: VerbForm] = [:]
        let finite = """
            say says said tell tells told add adds added warn warns warned insist insists insisted
            tweet tweets tweeted write writes wrote continues continued stated ask asks asked
            explain explains explained claimed argue argues argued replied answered noted declare declares
            declared announce announces announced admit admits admitted acknowledge acknowledges acknowledged
            recall recalls recalled remarked commented observed reported respond responds responded
            conclude concludes concluded cautioned urge urges urged predict predicts predicted suggest
            suggests suggested assert asserts asserted confirm confirms confirmed describe describes described
            call calls called charged quipped conceded maintain maintains maintained complained vow vows vowed
            pledged promise promises promised reasoned cited cites reads shouted yelled
            whispered testified recommend recommends recommended posted demanded exclaimed stressed
            emphasised emphasized retorted countered added boasted lamented protested joked mused issued
            """
        let participles = """
            saying telling adding warning insisting tweeting writing continuing stating asking explaining
            claiming arguing replying noting declaring announcing admitting acknowledging recalling
            commenting reporting responding concluding urging predicting suggesting asserting confirming
            describing calling charging conceding maintaining complaining vowing pledging promising
            recommending posting demanding stressing emphasising emphasizing
            """
        for word in finite.split(whereSeparator: { $0 == " " || $0 == "\n" }) where !word.isEmpty { verbs[WordKey(String(word))] = .finite }
        for word in participles.split(whereSeparator: { $0 == " " || $0 == "\n" }) where !word.isEmpty {
            verbs[WordKey(String(word))] = .participle
        }
        verbs[WordKey("quoting")] = .sourceFollows
        verbs[WordKey("citing")] = .sourceFollows
        return verbs
    }()

    /// Speech verbs that are also common nouns (`media reports`, `the United States`): verbs only when
    /// a quotation, a colon, a comma or `that` follows them.
    static let nounLikeSpeechVerbs = Set(words: ["notes", "states", "claims", "reports", "comments", "remarks", "answers", "replies"])

    /// Words that may sit between a subject and its verb (`has also said`, `Silva said later`).
    static let auxiliaries = Set(words: [
        "has", "have", "had", "will", "would", "did", "does", "do", "can", "could", "may", "might", "should",
        "must", "shall", "also", "later", "then", "further", "again", "previously", "once", "earlier", "today",
        "yesterday", "tonight", "still", "never", "always", "just", "only", "first", "recently", "not",
    ])

    /// Forms of "be" that make a following speech verb passive (`has been told`): its subject is the listener.
    static let beForms = Set(words: ["be", "been", "being", "was", "were", "is", "are", "am", "get", "got", "gets"])

    /// Prepositions end a subject phrase walked backwards (`with Boswell stating`); `of` and `for` do not,
    /// because they live inside titles (`CEO of the Refugee Council Enver Solomon`).
    static let prepositions = Set(words: [
        "with", "by", "from", "to", "in", "on", "at", "into", "onto", "about", "against", "between", "among",
        "amongst", "during", "without", "under", "over", "through", "via", "per", "like", "including", "despite",
        "toward", "towards", "upon", "within", "across", "behind", "beyond", "near", "around", "outside",
        "inside", "throughout", "amid", "unlike",
    ])

    /// Conjunctions and subordinators: a subject phrase never reaches across them.
    static let conjunctions = Set(words: [
        "and", "but", "or", "nor", "so", "yet", "that", "when", "while", "whilst", "as", "because", "if",
        "after", "before", "since", "although", "though", "where", "whereas", "than", "until", "unless",
        "whether", "whom", "whose",
    ])

    /// Relative pronouns that stand for the noun just before them (`the Ministry, which called it "alarming"`).
    static let relatives = Set(words: ["who", "which", "that"])

    /// Determiners open a noun phrase: walking backwards, they are its first word.
    static let determiners = Set(words: [
        "the", "a", "an", "this", "these", "those", "his", "her", "its", "their", "our", "my", "your", "one",
        "another", "some", "each", "every", "any", "no", "several", "many", "most", "two", "three", "other",
    ])

    /// Determiners of an anonymous source (`a US official`, `one survivor`): never resolved to an entity.
    static let indefinites = Set(words: ["a", "an", "one", "another", "some", "any", "several", "many", "two", "three", "other"])

    /// Pronouns a speaker can be named by, and the kinds of entity each may stand for.
    enum PronounClass: Sendable { case person, group, thing, none }

    static let pronouns: [WordKey: PronounClass] = [
        WordKey("he"): .person, WordKey("she"): .person, WordKey("they"): .group, WordKey("it"): .thing,
        WordKey("we"): .none, WordKey("you"): .none,
    ]

    /// Role nouns: `the minister`, `the US Senator` resolve to the most recent person who carried the role.
    static let roles = Set(words: [
        "senator", "minister", "president", "secretary", "ambassador", "spokesman", "spokeswoman", "spokesperson",
        "mayor", "governor", "chancellor", "premier", "chairman", "chairwoman", "chair", "chief", "director",
        "leader", "prosecutor", "judge", "lawyer", "attorney", "coach", "professor", "doctor", "general",
        "commander", "king", "queen", "prince", "princess", "pope", "bishop", "archbishop", "cardinal", "imam",
        "rabbi", "inspector", "sheriff", "detective", "captain", "manager", "executive", "ceo", "founder",
        "researcher", "scientist", "economist", "analyst", "representative", "envoy", "mp", "congressman",
        "congresswoman", "congressmember", "candidate", "official", "officer", "campaigner", "barrister",
        "author", "activist", "owner", "head", "deputy", "undersecretary", "commissioner", "superintendent",
        "dean", "priest", "emir", "sheikh", "sultan", "lawmaker", "legislator", "justice", "magistrate",
    ])

    /// Honorifics written straight before a name as a form of address; kept in the speaker as written
    /// (`Ambassador Mohib`, `Mr. Tedeschi`). Job titles such as `Minister` or `Secretary` are roles, not honorifics.
    static let honorifics = Set(words: [
        "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sen", "senator", "president", "ambassador",
        "governor", "gov", "mayor", "general", "gen", "judge", "sir", "dame", "lord", "lady", "king", "queen",
        "prince", "princess", "pope", "rabbi", "imam", "sheikh", "detective", "inspector", "sergeant", "sgt",
        "captain", "capt", "colonel", "col", "lt", "lieutenant", "commander", "coach", "reverend", "rev", "bishop",
        "archbishop", "cardinal", "chancellor", "premier", "administrator", "councillor", "councilor",
    ])

    /// Words followed by a period that do not end a sentence.
    static let abbreviations = Set(words: [
        "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "capt", "st", "jr",
        "sr", "no", "vs", "etc", "inc", "ltd", "co", "corp", "rev", "hon", "fig", "approx", "est", "dept", "univ",
        "mt", "ft", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "e.g",
        "i.e", "cf", "al", "op", "vol", "pp", "ca",
    ])

    /// Verbs that give a thing its name: the quoted words after them are a name, not a quotation.
    static let namingWords = Set(words: [
        "named", "called", "dubbed", "titled", "entitled", "nicknamed", "labelled", "labeled", "branded",
        "christened", "renamed", "codenamed", "as", "name", "nickname", "moniker", "codename", "hashtag", "handle",
    ])

    /// Participles that hang an agent off a subject (`a letter seen by Sky News says`): the agent is not the speaker.
    static let participlesBeforeBy = Set(words: [
        "seen", "obtained", "quoted", "cited", "published", "released", "issued", "sent", "written", "signed",
        "made", "reported", "posted", "given", "prepared", "commissioned", "funded", "backed", "supported", "led",
        "run", "owned", "leaked", "received", "reviewed", "shared", "filed", "drafted", "produced", "delivered",
    ])

    /// Words written after an apostrophe that drops letters (`rock ’n’ roll`, `’em`, `’tis`).
    static let elisions = Set(words: ["n", "em", "tis", "twas", "til", "till", "cause", "cos", "bout", "nuff", "round", "kay"])

    /// Capitalised words that are not names when they start a sentence, and never names on their own.
    static let commonCapitalised = Set(words: [
        "the", "a", "an", "in", "on", "at", "of", "for", "to", "from", "by", "with", "and", "but", "or", "so",
        "if", "as", "it", "its", "he", "she", "they", "we", "i", "you", "his", "her", "their", "our", "my", "your",
        "this", "that", "these", "those", "there", "here", "what", "when", "where", "who", "why", "how", "which",
        "after", "before", "during", "since", "while", "although", "though", "because", "however", "meanwhile",
        "also", "but", "yet", "still", "now", "then", "today", "yesterday", "tomorrow", "some", "many", "most",
        "all", "both", "each", "every", "no", "not", "one", "two", "three", "four", "five", "six", "seven",
        "eight", "nine", "ten", "first", "last", "next", "another", "other", "such", "image", "read", "more",
        "according", "speaking", "asked", "instead", "even", "only", "just", "even", "despite", "under", "over",
        "about", "against", "between", "into", "through", "without", "within", "among", "across", "around",
        "further", "furthermore", "moreover", "indeed", "yes", "thus", "therefore", "hence", "otherwise",
        "sources", "categories", "reports", "officials", "police", "mr", "mrs", "ms", "dr", "is", "was", "are",
        "were", "be", "been", "has", "have", "had", "do", "does", "did", "will", "would", "can", "could", "may",
        "might", "should", "must", "shall", "let", "please", "thank", "thanks", "well", "oh", "ok", "okay",
    ])

    /// Single words some rules look for, packed once.
    enum Key {
        static let `as` = WordKey("as")
        static let the = WordKey("the")
        static let a = WordKey("a")
        static let an = WordKey("an")
        static let by = WordKey("by")
        static let that = WordKey("that")
        static let with = WordKey("with")
        static let according = WordKey("according")
        static let to = WordKey("to")
        static let words = WordKey("words")
        static let `in` = WordKey("in")
        static let of = WordKey("of")
    }

    static let months = Set(words: [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    ])

    static let weekdays = Set(words: [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "mon", "tue", "tues", "wed", "thu", "thurs", "fri", "sat", "sun",
    ])
}
