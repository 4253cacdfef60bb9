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
            reiterated reiterates gushed gushes assured assures fumed fumes interjected implored implores accused accuses
            labeled labelled labels insist quip quips concede concedes recount recounts recounted
            blasted slammed praised hailed dismissed derided decried criticized criticised mocked alleged contended
            opined reckoned speculated thundered snapped sighed pleaded begged bragged grumbled groused muttered
            murmured screamed chanted proclaimed affirmed reaffirmed underscored disclosed revealed confided
            confessed agreed echoed repeated restated informed reassured reminded exhorted appealed characterized
            characterised termed mentioned elaborated clarified offered volunteered wondered questioned
            queried inquired enquired challenged threatened guaranteed swore forecast proposed advised
            counseled counselled estimated summarized summarised interrupted rejoined raged ranted
            """
        let participles = """
            saying telling adding warning insisting tweeting writing continuing stating asking explaining
            claiming arguing replying noting declaring announcing admitting acknowledging recalling
            commenting reporting responding concluding urging predicting suggesting asserting confirming
            describing calling charging conceding maintaining complaining vowing pledging promising
            recommending posting demanding stressing emphasising emphasizing reiterating accusing labeling
            labelling imploring assuring boasting praising blasting slamming quipping recounting
            """
        for word in finite.split(whereSeparator: { $0 == " " || $0 == "\n" }) where !word.isEmpty { verbs[WordKey(String(word))] = .finite }
        for word in participles.split(whereSeparator: { $0 == " " || $0 == "\n" }) where !word.isEmpty {
            verbs[WordKey(String(word))] = .participle
        }
        verbs[WordKey("quoting")] = .sourceFollows
        verbs[WordKey("citing")] = .sourceFollows
        return verbs
    }()

    /// Verbs that report speech with `back` (`she shot back`, `he fired back`, `they hit back`).
    static let backVerbs = Set(words: ["shot", "fired", "hit", "snapped", "struck", "pushed"])

    /// `granted`, `given`, `shown`: the participle a passive verb ends in (-ed or -en).
    static func looksPassive(_ token: TokenizedBlock.Token) -> Bool {
        let bytes = token.key.bytes
        guard bytes.count > 3 else { return false }
        return bytes.suffix(2).elementsEqual("ed".utf8) || bytes.suffix(2).elementsEqual("en".utf8)
    }

    /// Speech verbs that are also common nouns (`media reports`, `the United States`): verbs only when
    /// a quotation, a colon, a comma or `that` follows them.
    static let nounLikeSpeechVerbs = Set(words: ["notes", "states", "claims", "reports", "comments", "remarks", "answers", "replies"])

    /// Words that may sit between a subject and its verb (`has also said`, `Silva said later`).
    static let auxiliaries = Set(words: [
        "has", "have", "had", "will", "would", "did", "does", "do", "can", "could", "may", "might", "should",
        "must", "shall", "also", "later", "then", "further", "again", "previously", "once", "earlier", "today",
        "yesterday", "tonight", "still", "never", "always", "just", "only", "first", "recently", "not",
        "himself", "herself", "itself", "themselves",
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

    /// Words that open a second clause: an attribution holding one (`, adding that …`, `and warned`)
    /// does not join the pieces of a quotation around it.
    static let secondClauseWords = Set(words: [
        "and", "but", "that", "while", "whilst", "because", "although", "though", "before", "after", "when", "then",
        "adding", "saying", "noting", "explaining", "arguing", "insisting", "warning", "whereas",
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
    static let roles = Set(words: rolesAsWritten)
    private static let rolesAsWritten = [
        "senator", "minister", "president", "secretary", "ambassador", "spokesman", "spokeswoman", "spokesperson",
        "mayor", "governor", "chancellor", "premier", "chairman", "chairwoman", "chair", "chief", "director",
        "leader", "prosecutor", "judge", "lawyer", "attorney", "coach", "professor", "doctor", "general",
        "commander", "king", "queen", "prince", "princess", "pope", "bishop", "archbishop", "cardinal", "imam",
        "rabbi", "inspector", "sheriff", "detective", "captain", "manager", "executive", "ceo", "founder",
        "researcher", "scientist", "economist", "analyst", "representative", "envoy", "mp", "congressman",
        "congresswoman", "congressmember", "candidate", "official", "officer", "campaigner", "barrister",
        "author", "activist", "owner", "head", "deputy", "undersecretary", "commissioner", "superintendent",
        "dean", "priest", "emir", "sheikh", "sultan", "lawmaker", "legislator", "justice", "magistrate",
        "colonel", "sergeant", "lieutenant", "alderman", "alderwoman", "councillor", "councilor", "singer", "actor",
        "actress", "rapper", "musician", "artist", "producer", "writer", "novelist", "comedian", "striker",
        "goalkeeper", "midfielder", "defender", "forward", "quarterback", "pitcher", "meteorologist", "forecaster",
        "historian", "curator", "architect", "publicist", "agent", "publisher", "editor", "columnist", "blogger",
        "surgeon", "physician", "nurse", "parasitologist", "epidemiologist", "virologist", "ecologist",
        "negotiator", "diplomat", "strategist", "pollster", "consultant", "adviser", "advisor", "aide", "trainer",
        "referee", "umpire", "skipper", "chef", "founder", "entrepreneur", "investor", "banker", "treasurer",
    ]

    /// Abbreviated titles and the role a later `the governor` uses (`Gov. Ruth Calder`).
    static let roleOfTitle: [WordKey: WordKey] = [
        WordKey("gov"): WordKey("governor"), WordKey("sen"): WordKey("senator"), WordKey("rep"): WordKey("representative"),
        WordKey("gen"): WordKey("general"), WordKey("col"): WordKey("colonel"), WordKey("capt"): WordKey("captain"),
        WordKey("sgt"): WordKey("sergeant"), WordKey("prof"): WordKey("professor"), WordKey("dr"): WordKey("doctor"),
        WordKey("ald"): WordKey("alderman"), WordKey("supt"): WordKey("superintendent"), WordKey("lt"): WordKey("lieutenant"),
    ]

    /// Nouns by which a story refers back to an organisation it named (`the company said`).
    static let bodyNouns = Set(words: [
        "company", "firm", "ministry", "department", "agency", "group", "party", "union", "council", "club",
        "team", "organisation", "organization", "university", "hospital", "city", "municipality", "airline", "bank",
        "retailer", "utility", "network", "channel", "newspaper", "paper", "broadcaster", "church", "charity", "office",
        "committee", "commission", "association", "federation", "league", "board", "authority",
        "court", "campaign", "trust", "foundation", "institute", "school", "district", "service", "force", "army",
        "police", "publisher", "studio", "label", "carrier", "manufacturer", "chipmaker", "automaker", "insurer",
    ])

    /// Nouns for people that can say things (`crews`, `one poster`, `the authors`), besides roles.
    static let peopleNouns = Set(words: peopleNounsAsWritten)
    private static let peopleNounsAsWritten = [
        "official", "spokesperson", "resident", "witness", "expert", "analyst", "critic", "supporter",
        "protester", "protestor", "police", "officer", "crew", "author", "researcher", "scientist", "doctor",
        "lawyer", "source", "people", "person", "man", "men", "woman", "women", "mother", "father", "son", "daughter",
        "wife", "husband", "brother", "sister", "friend", "neighbour", "neighbor", "student", "teacher", "parent",
        "voter", "fan", "player", "member", "worker", "employee", "victim", "survivor", "citizen", "aide", "adviser",
        "advisor", "staff", "organiser", "organizer", "family", "families", "community", "villager", "local",
        "onlooker", "passenger", "pilot", "driver", "farmer", "poster", "blogger", "user", "commenter", "writer",
        "reporter", "journalist", "editor", "jury", "defendant", "plaintiff", "child", "children", "kid", "teen",
        "teenager", "boy", "girl", "relative", "colleague", "partner", "spokespeople", "authorities", "observer",
        "participant", "delegate", "diplomat", "insider", "investigator", "engineer", "nurse", "patient", "customer",
        "shopper", "owner", "tenant", "landlord", "resident", "activist", "campaigner", "opponent", "rival",
        "candidate", "nominee", "veteran", "soldier", "troop", "militant", "rebel", "fighter", "protesters", "mourner",
        "pilgrim", "refugee", "migrant", "government", "administration", "authorities", "military", "regime",
        "embassy", "prosecution", "defence", "defense", "opposition", "leadership", "management",
    ]

    /// Roles and people nouns, singular and plural (`officials`, `witnesses`, `lawyers`).
    static let peopleWords: Set<WordKey> = {
        var words = Set<WordKey>()
        for list in [rolesAsWritten, peopleNounsAsWritten] {
            for word in list {
                words.insert(WordKey(word))
                words.insert(WordKey(word + "s"))
                words.insert(WordKey(word + "es"))
            }
        }
        return words
    }()

    /// Words about time: never a speaker (`Tuesday`, `the past`, `last week`).
    static let timeWords = Set(words: [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
        "april", "june", "july", "august", "september", "october", "november", "december", "today", "yesterday",
        "tomorrow", "tonight", "past", "week", "weeks", "month", "months", "year", "years", "morning", "afternoon",
        "evening", "night", "weekend", "ago", "moment", "time", "day", "days", "hour", "hours", "decade",
    ])

    /// Prepositions after the head noun of a speaker phrase (`a spokesman for the ministry`).
    static let headEndingPrepositions = Set(words: ["of", "for", "at", "on", "in", "from", "with", "to", "by"])

    /// Honorifics written straight before a name as a form of address; kept in the speaker as written
    /// (`Ambassador Mohib`, `Mr. Tedeschi`). Job titles such as `Minister` or `Secretary` are roles, not honorifics.
    static let honorifics = Set(words: [
        "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sen", "senator", "president", "ambassador",
        "governor", "gov", "mayor", "general", "gen", "judge", "sir", "dame", "lord", "lady", "king", "queen",
        "prince", "princess", "pope", "rabbi", "imam", "sheikh", "detective", "inspector", "sergeant", "sgt",
        "captain", "capt", "colonel", "col", "lt", "lieutenant", "commander", "coach", "reverend", "rev", "bishop",
        "archbishop", "cardinal", "chancellor", "premier", "administrator", "councillor", "councilor",
    ])

    /// Titles that say a person is meant (`Sen.`, `Mayor`), unlike `General` or `Chief`, which also open names of things.
    static let personTitles = Set(words: [
        "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sen", "senator", "rep", "representative", "president",
        "ambassador", "governor", "gov", "mayor", "judge", "sir", "dame", "lord", "lady", "king", "queen", "prince",
        "princess", "pope", "rabbi", "imam", "sheikh", "detective", "inspector", "sergeant", "sgt", "captain", "capt",
        "colonel", "col", "lt", "lieutenant", "commander", "coach", "reverend", "rev", "bishop", "archbishop", "cardinal",
        "chancellor", "premier", "administrator", "councillor", "councilor", "minister", "secretary", "spokesman",
        "spokeswoman", "spokesperson", "chairman", "chairwoman", "congressman", "congresswoman", "ald", "alderman",
        "alderwoman", "deputy", "justice", "attorney", "prosecutor", "lawyer", "envoy", "gen", "mp",
    ])

    static let maleTitles = Set(words: [
        "mr", "sir", "lord", "king", "prince", "spokesman", "chairman", "congressman", "alderman", "father", "brother",
    ])
    static let femaleTitles = Set(words: [
        "mrs", "ms", "miss", "dame", "lady", "queen", "princess", "spokeswoman", "chairwoman", "congresswoman",
        "alderwoman", "mother", "sister",
    ])

    /// Common given names, for the pronoun a person can be referred to by.
    static let maleFirstNames = Set<WordKey>(words: [
        "john", "james", "robert", "michael", "william", "david", "richard", "joseph", "thomas", "charles", "christopher",
        "daniel", "matthew", "anthony", "mark", "donald", "steven", "paul", "andrew", "joshua", "kenneth", "kevin",
        "brian", "george", "timothy", "ronald", "edward", "jason", "jeffrey", "ryan", "jacob", "gary", "nicholas", "eric",
        "jonathan", "stephen", "larry", "justin", "scott", "brandon", "benjamin", "samuel", "gregory", "alexander",
        "frank", "patrick", "raymond", "jack", "dennis", "jerry", "tyler", "aaron", "jose", "adam", "nathan", "henry",
        "douglas", "zachary", "peter", "kyle", "ethan", "walter", "noah", "jeremy", "christian", "keith", "roger",
        "terry", "gerald", "harold", "sean", "austin", "carl", "arthur", "lawrence", "dylan", "jesse", "jordan", "bryan",
        "billy", "joe", "bruce", "gabriel", "logan", "albert", "willie", "alan", "juan", "wayne", "elijah", "randy", "roy",
        "vincent", "ralph", "eugene", "russell", "bobby", "mason", "philip", "louis", "bill", "tom", "mike", "jim", "bob",
        "ted", "chuck", "mitch", "bernie", "barack", "boris", "rishi", "vladimir", "xi", "emmanuel", "olaf", "justin",
        "luis", "carlos", "miguel", "pedro", "ahmed", "mohammed", "muhammad", "ali", "omar", "hassan", "ivan", "dmitry",
        "sergei", "igor", "pavel", "tomas", "lars", "hans", "klaus", "pierre", "francois", "giorgio", "marco",
        "luca", "hiroshi", "kenji", "ravi", "raj", "arjun", "darnell", "darius", "femi", "kwame", "kofi", "ray",
        "dale", "carl", "kenneth", "colin", "enver", "tom", "steve", "dean", "hamdullah", "kendrick", "manju", "thomas",
        "tony", "doug", "greg", "jeff", "rob", "phil", "nick", "matt", "dan", "dave", "andy", "pete", "sam", "ben",
        "rhys", "gareth", "owen", "liam", "connor", "callum", "jamie", "ian", "neil", "graham", "stuart", "alistair",
        "hamish", "angus", "fergus", "declan", "ciaran", "seamus", "rory", "ivo", "piotr", "krzysztof",
        "andre", "andrei", "alexei", "yuri", "mikhail", "vikram", "rahul", "amit", "sanjay", "ali", "hamid", "reza",
        "ray", "walter", "gary", "peter", "curtis", "marcus", "malik", "jamal", "tyrone", "dwayne", "leroy",
        "jose", "javier", "diego", "alejandro", "felipe", "ricardo", "fernando", "manuel", "antonio", "francesco",
        "giuseppe", "nunzio", "matteo", "lorenzo", "jorge", "jogvan", "bjorn", "sven", "erik", "olav",
    ])
    static let femaleFirstNames = Set<WordKey>(words: [
        "mary", "patricia", "jennifer", "linda", "elizabeth", "barbara", "susan", "jessica", "sarah", "karen", "lisa",
        "nancy", "betty", "margaret", "sandra", "ashley", "kimberly", "emily", "donna", "michelle", "carol", "amanda",
        "dorothy", "melissa", "deborah", "stephanie", "rebecca", "sharon", "laura", "cynthia", "kathleen", "amy",
        "angela", "shirley", "anna", "brenda", "pamela", "emma", "nicole", "helen", "samantha", "katherine", "christine",
        "debra", "rachel", "carolyn", "janet", "catherine", "maria", "heather", "diane", "ruth", "julie", "olivia",
        "joyce", "virginia", "victoria", "kelly", "lauren", "christina", "joan", "evelyn", "judith", "megan", "andrea",
        "cheryl", "hannah", "jacqueline", "martha", "gloria", "teresa", "ann", "anne", "sara", "madison", "frances",
        "kathryn", "janice", "jean", "abigail", "alice", "judy", "sophia", "grace", "denise", "amber", "doris",
        "marilyn", "danielle", "beverly", "isabella", "theresa", "diana", "natalie", "brittany", "charlotte", "marie",
        "kayla", "alexis", "lori", "hillary", "nancy", "kamala", "ursula", "angela", "theresa", "suella", "yvette",
        "priti", "nicola", "jane", "ana", "ann", "lydia", "caitlin", "rodaba", "julie", "sujata", "loretta", "denise",
        "helena", "ruth", "priya", "maria", "sofia", "fatima", "aisha", "olga", "irina", "natalia", "svetlana", "ingrid",
        "astrid", "marta", "elena", "lucia", "giulia", "chiara", "yuki", "mei", "anjali", "sunita",
        "valeska", "kathy", "liz", "beth", "kate", "jen", "meg", "sue", "pam", "val", "tess", "wanjiru",
        "carla", "dana", "tessa", "renee", "lola", "miriam", "nadia", "ruth", "loretta", "denise", "karen", "helga",
        "ingrid", "ana", "helena", "angela", "patricia", "sarah", "gloria", "cynthia", "elaine", "kathryn", "bonnie",
        "christine", "rosa", "carmen", "lucia", "isabel", "ines", "paula", "claudia", "monica", "veronica",
        "susan", "mary", "margaret", "joan", "judith", "ellen", "eleanor", "harriet", "grace", "hazel", "ivy",
        "zoe", "chloe", "amelia", "ava", "mia", "ella", "lily", "leah", "nora", "maya", "aaliyah", "keisha",
    ])

    /// Words that make a capitalised run the name of an organisation.
    static let organizationWords = Set(words: [
        "ministry", "department", "agency", "council", "party", "committee", "association", "union", "company", "corp",
        "corporation", "inc", "ltd", "llc", "plc", "co", "news", "times", "post", "press", "reuters", "university",
        "institute", "office", "court", "commission", "bank", "group", "foundation", "service", "services", "army",
        "navy", "forces", "force", "government", "church", "federation", "club", "fc", "network", "organisation",
        "organization", "board", "authority", "centre", "center", "team", "league", "journal", "herald", "tribune",
        "gazette", "television", "tv", "radio", "broadcasting", "channel", "guardian", "telegraph", "independent",
        "agency", "bureau", "administration", "secretariat", "parliament", "congress", "senate", "assembly",
        "coalition", "alliance", "movement", "front", "society", "trust", "fund", "school", "college", "academy",
        "hospital", "clinic", "police", "airlines", "airways", "motors", "industries", "technologies", "systems",
        "labs", "laboratory", "museum", "library", "commission", "tribunal", "cabinet", "ledger", "magazine",
        "municipality", "prefecture", "embassy", "consulate", "diocese", "archdiocese", "synod", "senate's",
        "foods", "energy", "power", "semiconductor", "semiconductors", "pharmaceuticals", "pharma", "capital",
        "partners", "holdings", "media", "entertainment", "studios", "records", "games", "software", "solutions",
        "electric", "petroleum", "oil", "gas", "mining", "steel", "chemicals", "logistics", "health", "healthcare",
        "insurance", "financial", "securities", "investments", "properties", "communications", "telecom",
        "wireless", "networks", "robotics", "aerospace", "defense", "defence", "automotive", "retail", "stores",
        "markets", "brands", "beverages", "brewing", "apparel", "rovers", "wanderers", "athletic", "rangers",
        "hotspur", "albion", "dynamo", "report", "review", "weekly", "monthly", "online", "wire",
        "daily", "weekly", "chronicle", "observer", "examiner", "courier", "mail", "express", "sun", "star",
        "council's", "nations", "ngo", "brigade", "battalion", "regiment", "command", "staff", "house", "kremlin",
    ])

    /// Words that make a capitalised run the name of a place.
    static let placeWords = Set(words: [
        "street", "avenue", "road", "square", "park", "bridge", "river", "lake", "mountain", "mountains", "valley",
        "bay", "island", "islands", "county", "city", "state", "province", "region", "district", "north", "south",
        "east", "west", "new", "port", "airport", "station", "courthouse", "hall", "stadium", "arena", "beach",
        "coast", "gulf", "sea", "ocean", "desert", "plains", "republic", "kingdom", "emirates", "strip", "bank",
    ])

    /// Countries and large cities that stand alone in news copy: places, though they may speak for their government.
    static let places = Set(words: [
        "afghanistan", "africa", "america", "argentina", "australia", "austria", "bangladesh", "belgium", "brazil",
        "britain", "canada", "chile", "china", "colombia", "cuba", "denmark", "egypt", "england", "ethiopia", "europe",
        "finland", "france", "gaza", "georgia", "germany", "greece", "haiti", "india", "indonesia", "iran", "iraq",
        "ireland", "israel", "italy", "japan", "jordan", "kenya", "korea", "kosovo", "kuwait", "lebanon", "libya",
        "malaysia", "mexico", "morocco", "myanmar", "nigeria", "norway", "pakistan", "palestine", "peru",
        "philippines", "poland", "portugal", "qatar", "russia", "scotland", "serbia", "somalia", "spain", "sudan",
        "sweden", "switzerland", "syria", "taiwan", "thailand", "turkey", "ukraine", "venezuela", "vietnam", "wales",
        "yemen", "zimbabwe", "washington", "london", "paris", "berlin", "moscow", "beijing", "tokyo", "delhi",
        "jerusalem", "tehran", "baghdad", "damascus", "kabul", "kyiv", "kiev", "brussels", "geneva", "rome", "madrid",
        "ottawa", "toronto", "sydney", "melbourne", "seattle", "chicago", "houston", "texas", "california", "florida",
        "ohio", "oregon", "mississippi", "missouri", "louis", "york", "mecca", "medina", "riyadh", "dubai", "cairo",
        "seoul", "pyongyang", "hong", "kong", "singapore", "jakarta", "manila", "hanoi", "bangkok", "mumbai",
        "karachi", "lagos", "nairobi", "johannesburg", "rotterdam", "amsterdam", "vienna", "prague", "warsaw",
        "budapest", "athens", "istanbul", "ankara", "lisbon", "dublin", "edinburgh", "manchester", "birmingham",
        "boston", "atlanta", "miami", "dallas", "denver", "phoenix", "detroit", "jackson", "livorno", "arafat",
    ])

    /// Capitalised words that never name a speaker on their own.
    static let notNames = Set(words: [
        "i", "i'm", "i've", "i'd", "i'll", "image", "photo", "read", "more", "update", "updated", "editor's", "note",
        "breaking", "exclusive", "watch", "video", "related", "advertisement", "copyright", "getty",
    ])

    /// Words followed by a period that do not end a sentence.
    static let abbreviations = Set(words: [
        "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "capt", "st", "jr",
        "sr", "no", "vs", "etc", "inc", "ltd", "co", "corp", "rev", "hon", "fig", "approx", "est", "dept", "univ",
        "mt", "ft", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "e.g",
        "i.e", "cf", "al", "op", "vol", "pp", "ca", "ald", "supt", "messrs",
    ])

    /// Verbs that give a thing its name: the quoted words after them are a name, not a quotation.
    static let namingWords = Set(words: [
        "named", "called", "dubbed", "titled", "entitled", "nicknamed", "labelled", "labeled", "branded",
        "christened", "renamed", "codenamed", "as", "name", "nickname", "moniker", "codename", "hashtag", "handle",
    ])

    /// What a person's possessive can own that carries their words (`Rishi Sunak's effort to clear the
    /// 'legacy backlog'`, `Lopez's pledge of "no new taxes"`).
    static let intentionNouns = Set(words: [
        "effort", "efforts", "plan", "plans", "pledge", "pledges", "promise", "promises", "vow", "bid", "drive", "push",
        "campaign", "call", "calls", "claim", "claims", "demand", "demands", "vision", "agenda", "goal", "aim", "warning",
    ])

    /// Words that a body noun (`the city`) can stand for in an organisation's name (`Municipality of Livorno`).
    static let bodySynonyms: [WordKey: Set<WordKey>] = [
        WordKey("city"): Set(words: ["city", "municipality", "council", "town", "borough"]),
        WordKey("town"): Set(words: ["town", "municipality", "council", "borough"]),
        WordKey("company"): Set(words: ["inc", "corp", "corporation", "co", "ltd", "llc", "plc", "company", "group", "holdings"]),
        WordKey("club"): Set(words: ["fc", "club", "united", "rovers", "city", "athletic", "wanderers", "rangers"]),
    ]

    /// Kinds of work and named things: the Title Case words quoted next to them are a name (`the film
    /// "Northern Lights"`, `the author of "Fifteen Seconds"`, `its "Project Fjord" factory`).
    static let workNouns = Set(words: [
        "book", "books", "film", "films", "movie", "report", "song", "album", "show", "series", "novel", "play",
        "documentary", "article", "poem", "painting", "exhibition", "exhibit", "mural", "ship", "vessel", "tanker",
        "project", "operation", "programme", "program", "website", "site", "blog", "magazine", "newspaper", "column",
        "episode", "memoir", "study", "paper", "journal", "section", "factory", "plant", "initiative", "app", "game",
        "brand", "product", "hashtag", "podcast", "single", "track", "sculpture", "statue", "opera", "musical",
        "author", "set", "titled", "entitled", "page", "account", "feature", "policy", "plan", "bill", "act", "law",
    ])

    /// Words that put a slogan in quotation marks: it is a quotation, however it is capitalised.
    static let sloganWords = Set(words: [
        "reading", "read", "reads", "chanting", "chanted", "chant", "chants", "slogan", "slogans", "banner",
        "banners", "sign", "signs", "placard", "placards", "shouting", "shouted", "singing", "sang", "cry", "cries",
        "crying", "t-shirts", "shirts", "motto",
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
        static let rep = WordKey("rep")
        static let and = WordKey("and")
        static let last = WordKey("last")
        static let back = WordKey("back")
        static let he = WordKey("he")
        static let she = WordKey("she")
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
