/// Every fixed word the built-in theme and Dossier's own pages show, in the site's `language`,
/// from one table: English, French, German and Spanish are built in, and `strings:` in
/// `site.yml` replaces any entry (or supplies a language that is not built in). Counted phrases
/// have a singular and a plural (`{n}` is the number) chosen by the language's rule; dates are
/// written the way the language writes them.
public struct SiteStrings: Sendable, Hashable {
    private var words: [String: String]
    private var plurals: [String: Plural]
    public let language: String
    /// `months` split once: dates are written for every card and row.
    private let months: [String]

    public struct Plural: Sendable, Hashable {
        public var one: String
        public var other: String
    }

    /// `language` is a tag like `fr` or `fr-CA`: its first part picks the built-in table (English
    /// when none matches); `overrides` come from `strings:`.
    public init(language: String, overrides: [String: String] = [:], pluralOverrides: [String: Plural] = [:]) {
        self.language = language
        let table = Self.table(for: language) ?? Self.english
        words = table.words.merging(overrides) { _, new in new }
        plurals = table.plurals.merging(pluralOverrides) { _, new in new }
        months = (words["months"] ?? "").split(separator: ",").map { String($0).trimmingWhitespace() }
    }

    /// The primary language subtag, lowercased: `fr-CA` → `fr`.
    static func base(of language: String) -> String {
        String(language.prefix { $0 != "-" && $0 != "_" }).lowercased()
    }

    /// The built-in table for `language`, or nil when there is none.
    static func table(for language: String) -> Table? {
        switch base(of: language) {
        case "en": english
        case "fr": french
        case "de": german
        case "es": spanish
        default: nil
        }
    }

    /// Whether a language has a built-in table.
    public static func isBuiltIn(_ language: String) -> Bool { table(for: language) != nil }

    /// Every key `strings:` may set: words, then counted phrases (each with `one` and `other`).
    public static var wordKeys: [String] { english.words.keys.sorted() }
    public static var pluralKeys: [String] { english.plurals.keys.sorted() }

    public subscript(_ key: String) -> String { words[key] ?? Self.english.words[key] ?? key }

    /// `count(3, "mentions")` → "3 mentions"; French counts 0 and 1 as singular.
    public func count(_ n: Int, _ key: String) -> String {
        let forms = forms(key)
        return (n == 1 || (n == 0 && countsZeroAsOne) ? forms.one : forms.other).filling("{n}", with: String(n))
    }

    /// Both forms of a counted phrase, `{n}` unreplaced (for the search script).
    public func forms(_ key: String) -> Plural { plurals[key] ?? Self.english.plurals[key] ?? Plural(one: "{n}", other: "{n}") }

    /// French (CLDR): "0 mention", as "1 mention".
    public var countsZeroAsOne: Bool { Self.base(of: language) == "fr" }

    /// The name of month `month` (1–12), or nil when `strings:` gave no twelve names.
    public func monthName(_ month: Int) -> String? {
        months.count == 12 && (1...12).contains(month) ? months[month - 1] : nil
    }

    /// A date as the language writes it: "20 December 2018", "20 décembre 2018",
    /// "20. Dezember 2018", "20 de diciembre de 2018".
    public func date(_ date: ISODate) -> String {
        let month = monthName(date.month) ?? String(date.month)
        return self["dateFormat"]
            .filling("{day}", with: String(date.day))
            .filling("{month}", with: month)
            .filling("{year}", with: String(date.year))
    }

    /// A word with its `{n}` filled in: "Note 3".
    public func numbered(_ key: String, _ n: Int) -> String { self[key].filling("{n}", with: String(n)) }

    struct Table: Sendable {
        var words: [String: String]
        var plurals: [String: Plural]
    }

    private static func p(_ one: String, _ other: String) -> Plural { Plural(one: one, other: other) }

    static let english = Table(words: [
        "wordsLeftOut": "Not searched (too many words):",
        "mentionsOverTime": "Mentions of {name} over time", "namedWith": "Entities most often named with {name}", "timeline": "Timeline", "feedOf": "{site}: {name}", "feedLink": "Feed", "stories": "Stories", "story": "Story", "noStories": "No stories yet: group briefings with story: in their front matter.", "sinceLast": "Since the previous briefing", "enters": "New", "leaves": "No longer mentioned", "newSpeakers": "New voices", "partOfStory": "Part of the story",
        "corrections": "Corrections", "articleCorrected": "The article, with corrections", "showArticle": "Show the article",
        "asCorrected": "as corrected", "asReceived": "as received", "changesMarked": "with changes marked",
        "correctionReceived": "As received", "correctionCorrected": "Corrected to", "correctionDeleted": "Deleted",
        "correctionWhy": "Why", "inParagraph": "paragraph {n}", "inHeadline": "headline",
        "editorialInsertion": "Editorial insertion", "deletedByCorrection": "Deleted by correction {n}",
        "changedByCorrection": "Changed by correction {n}", "deletionStart": "deleted:", "deletionEnd": "end of deletion",
        "permalinkParagraph": "Link to paragraph {n}", "permalinkNote": "Link to note {n}", "citeAs": "Cite as:",
        "cite": "Cite", "citeBriefing": "Cite this briefing", "citeTitle": "“{title}”", "citeBriefed": "briefed {date}",
        "citeSource": "Source: {source}", "citeParagraph": "paragraph {n}", "citeNote": "note {n}", "citeQuote": "quote {n}",
        "noteLabel": "Note {n}", "backToNote": "Back to the text of note {n}", "quoteInSidebar": "Quote {n} in the quotes sidebar",
        "dateFormat": "{day} {month} {year}",
        "months": "January, February, March, April, May, June, July, August, September, October, November, December",
        "skipToContent": "Skip to content", "briefings": "Briefings", "entities": "Entities", "quotes": "Quotes",
        "tags": "Tags", "search": "Search", "atomFeed": "Atom feed", "builtWith": "Built with Dossier",
        "briefing": "Briefing", "notAnnotated": "Article, not yet annotated", "headlineAsReceived": "Headline as received",
        "analysis": "Analysis", "articleAsReceived": "The article as received", "unattributed": "unattributed",
        "inText": "in text", "inContext": "in context", "inBriefing": "in", "inThisBriefing": "In this briefing",
        "noEntities": "No known entities are mentioned.", "notes": "Notes", "source": "Source", "author": "Author",
        "published": "Published", "briefed": "Briefed", "licence": "Licence", "data": "Data", "older": "Older",
        "newer": "Newer", "moreBriefings": "More briefings", "alsoWrittenAs": "Also written as:",
        "whatTheySaid": "What they said", "oftenMentionedWith": "Often mentioned with", "inCommon": "briefings in common",
        "mentionsTitle": "mentions", "briefingsTitle": "briefings", "noBriefingMentions": "No briefing mentions it yet.",
        "noQuotes": "No quotations found yet.", "noTags": "No tags yet.",
        "noBriefings": "No briefings yet: add articles to Content/articles/.", "pageNotFound": "Page not found",
        "notFoundText": "This page does not exist. Start again from the list of briefings:", "searchLabel": "Search the briefings",
        "searchHelp": "Every word must match, in any order. Press ↓ to move through the results.",
        "searchNeedsScript": "Search needs JavaScript. Browse instead:", "searchResults": "Search results",
        "searchUnavailable": "The search index (search/index.js) could not be loaded.", "searchMentions": "Mentions", "searchInAnalysis": "In the analysis:",
        "tagged": "Tagged “{tag}”", "pages": "Pages", "newerPage": "← Newer", "olderPage": "Older →",
        "pageOf": "Page {page} of {count}", "site": "Site",
        "people": "People", "organisations": "Organisations", "places": "Places", "events": "Events", "others": "Other",
        "person": "Person", "organisation": "Organisation", "place": "Place", "event": "Event", "other": "Other",
    ], plurals: [
        "briefingCount": p("{n} briefing", "{n} briefings"), "storyLede": p("{n} briefing, oldest first.", "{n} briefings, oldest first."),
        "correctionsCount": p("{n} correction", "{n} corrections"),
        "mentions": p("{n} mention", "{n} mentions"), "notes": p("{n} note", "{n} notes"), "quotes": p("{n} quote", "{n} quotes"),
        "entitiesLede": p("{n} person, organisation, place or event, with how often the briefings mention it.",
                          "{n} people, organisations, places and events, with how often the briefings mention them."),
        "quotesLede": p("{n} direct quotation from the briefings, grouped by speaker.", "{n} direct quotations from the briefings, grouped by speaker."),
        "searchLede": p("Titles, summaries, entities, tags and quotes of {n} briefing. Search runs in your browser; nothing is sent anywhere.",
                        "Titles, summaries, entities, tags and quotes of {n} briefings. Search runs in your browser; nothing is sent anywhere."),
        "moreQuotes": p("… and {n} earlier quote in the briefings listed below.", "… and {n} earlier quotes in the briefings listed below."),
        "moreQuotesOf": p("… and {n} earlier quote, listed with the briefings on the page of", "… and {n} earlier quotes, listed with the briefings on the page of"),
        "briefingsMatch": p("{n} briefing matches", "{n} briefings match"), "entitiesMatch": p("and {n} entity", "and {n} entities"),
        "showMore": p("Show {n} more", "Show {n} more"), "showQuote": p("Show quote {n} in the text", "Show quote {n} in the text"),
    ])

    static let french = Table(words: [
        "wordsLeftOut": "Non cherchés (trop de mots) :",
        "mentionsOverTime": "Mentions de {name} au fil du temps", "namedWith": "Entités les plus souvent citées avec {name}", "timeline": "Chronologie", "feedOf": "{site} : {name}", "feedLink": "Flux", "stories": "Dossiers", "story": "Dossier", "noStories": "Aucun dossier pour l’instant : regroupez des notes avec story: dans leur en-tête.", "sinceLast": "Depuis la note précédente", "enters": "Nouveaux", "leaves": "Plus mentionnés", "newSpeakers": "Nouvelles voix", "partOfStory": "Fait partie du dossier",
        "corrections": "Corrections", "articleCorrected": "L’article, avec ses corrections", "showArticle": "Afficher l’article",
        "asCorrected": "corrigé", "asReceived": "tel que reçu", "changesMarked": "avec les modifications marquées",
        "correctionReceived": "Tel que reçu", "correctionCorrected": "Corrigé en", "correctionDeleted": "Supprimé",
        "correctionWhy": "Pourquoi", "inParagraph": "paragraphe {n}", "inHeadline": "titre",
        "editorialInsertion": "Ajout de la rédaction", "deletedByCorrection": "Supprimé par la correction {n}",
        "changedByCorrection": "Modifié par la correction {n}", "deletionStart": "supprimé :", "deletionEnd": "fin de la suppression",
        "permalinkParagraph": "Lien vers le paragraphe {n}", "permalinkNote": "Lien vers la note {n}", "citeAs": "Citer ainsi :",
        "cite": "Citer", "citeBriefing": "Citer cette note d’analyse", "citeTitle": "« {title} »", "citeBriefed": "analyse du {date}",
        "citeSource": "Source : {source}", "citeParagraph": "paragraphe {n}", "citeNote": "note {n}", "citeQuote": "citation {n}",
        "noteLabel": "Note {n}", "backToNote": "Retour au texte de la note {n}", "quoteInSidebar": "Citation {n} dans la liste des citations",
        "dateFormat": "{day} {month} {year}",
        "months": "janvier, février, mars, avril, mai, juin, juillet, août, septembre, octobre, novembre, décembre",
        "skipToContent": "Aller au contenu", "briefings": "Notes d’analyse", "entities": "Entités", "quotes": "Citations",
        "tags": "Mots-clés", "search": "Recherche", "atomFeed": "Flux Atom", "builtWith": "Réalisé avec Dossier",
        "briefing": "Note d’analyse", "notAnnotated": "Article, pas encore annoté", "headlineAsReceived": "Titre tel que reçu",
        "analysis": "Analyse", "articleAsReceived": "L’article tel que reçu", "unattributed": "non attribuée",
        "inText": "dans le texte", "inContext": "en contexte", "inBriefing": "dans", "inThisBriefing": "Dans cette note",
        "noEntities": "Aucune entité connue n’est mentionnée.", "notes": "Notes", "source": "Source", "author": "Auteur",
        "published": "Publié", "briefed": "Analysé", "licence": "Licence", "data": "Données", "older": "Plus ancienne",
        "newer": "Plus récente", "moreBriefings": "Autres notes", "alsoWrittenAs": "Aussi écrit :",
        "whatTheySaid": "Ce qu’ils ont dit", "oftenMentionedWith": "Souvent mentionné avec", "inCommon": "notes en commun",
        "mentionsTitle": "mentions", "briefingsTitle": "notes", "noBriefingMentions": "Aucune note ne le mentionne encore.",
        "noQuotes": "Aucune citation pour l’instant.", "noTags": "Aucun mot-clé pour l’instant.",
        "noBriefings": "Aucune note pour l’instant : ajoutez des articles à Content/articles/.", "pageNotFound": "Page introuvable",
        "notFoundText": "Cette page n’existe pas. Repartez de la liste des notes :", "searchLabel": "Rechercher dans les notes",
        "searchHelp": "Tous les mots doivent correspondre, dans n’importe quel ordre. ↓ parcourt les résultats.",
        "searchNeedsScript": "La recherche nécessite JavaScript. Parcourez plutôt :", "searchResults": "Résultats de la recherche",
        "searchUnavailable": "L’index de recherche (search/index.js) n’a pas pu être chargé.", "searchMentions": "Mentionne", "searchInAnalysis": "Dans l’analyse :",
        "tagged": "Mot-clé « {tag} »", "pages": "Pages", "newerPage": "← Plus récentes", "olderPage": "Plus anciennes →",
        "pageOf": "Page {page} sur {count}", "site": "Site",
        "people": "Personnes", "organisations": "Organisations", "places": "Lieux", "events": "Événements", "others": "Autres",
        "person": "Personne", "organisation": "Organisation", "place": "Lieu", "event": "Événement", "other": "Autre",
    ], plurals: [
        "briefingCount": p("{n} note", "{n} notes"), "storyLede": p("{n} note, de la plus ancienne à la plus récente.", "{n} notes, de la plus ancienne à la plus récente."),
        "correctionsCount": p("{n} correction", "{n} corrections"),
        "mentions": p("{n} mention", "{n} mentions"), "notes": p("{n} note", "{n} notes"), "quotes": p("{n} citation", "{n} citations"),
        "entitiesLede": p("{n} personne, organisation, lieu ou événement, avec la fréquence de ses mentions.",
                          "{n} personnes, organisations, lieux et événements, avec la fréquence de leurs mentions."),
        "quotesLede": p("{n} citation directe tirée des notes, par locuteur.", "{n} citations directes tirées des notes, par locuteur."),
        "searchLede": p("Titres, résumés, entités, mots-clés et citations de {n} note. La recherche se fait dans votre navigateur ; rien n’est envoyé.",
                        "Titres, résumés, entités, mots-clés et citations de {n} notes. La recherche se fait dans votre navigateur ; rien n’est envoyé."),
        "moreQuotes": p("… et {n} citation plus ancienne dans les notes ci-dessous.", "… et {n} citations plus anciennes dans les notes ci-dessous."),
        "moreQuotesOf": p("… et {n} citation plus ancienne, avec les notes sur la page de", "… et {n} citations plus anciennes, avec les notes sur la page de"),
        "briefingsMatch": p("{n} note correspond", "{n} notes correspondent"), "entitiesMatch": p("et {n} entité", "et {n} entités"),
        "showMore": p("Afficher {n} de plus", "Afficher {n} de plus"), "showQuote": p("Voir la citation {n} dans le texte", "Voir la citation {n} dans le texte"),
    ])

    static let german = Table(words: [
        "wordsLeftOut": "Nicht gesucht (zu viele Wörter):",
        "mentionsOverTime": "Erwähnungen von {name} im Zeitverlauf", "namedWith": "Einträge, die am häufigsten mit {name} genannt werden", "timeline": "Zeitleiste", "feedOf": "{site}: {name}", "feedLink": "Feed", "stories": "Themen", "story": "Thema", "noStories": "Noch keine Themen: Analysen mit story: im Vorspann gruppieren.", "sinceLast": "Seit der vorigen Analyse", "enters": "Neu", "leaves": "Nicht mehr erwähnt", "newSpeakers": "Neue Stimmen", "partOfStory": "Teil des Themas",
        "corrections": "Korrekturen", "articleCorrected": "Der Artikel, mit Korrekturen", "showArticle": "Artikel anzeigen",
        "asCorrected": "korrigiert", "asReceived": "wie erhalten", "changesMarked": "mit markierten Änderungen",
        "correctionReceived": "Wie erhalten", "correctionCorrected": "Korrigiert zu", "correctionDeleted": "Gestrichen",
        "correctionWhy": "Warum", "inParagraph": "Absatz {n}", "inHeadline": "Schlagzeile",
        "editorialInsertion": "Ergänzung der Redaktion", "deletedByCorrection": "Gestrichen durch Korrektur {n}",
        "changedByCorrection": "Geändert durch Korrektur {n}", "deletionStart": "gestrichen:", "deletionEnd": "Ende der Streichung",
        "permalinkParagraph": "Link zu Absatz {n}", "permalinkNote": "Link zu Anmerkung {n}", "citeAs": "Zitieren als:",
        "cite": "Zitieren", "citeBriefing": "Diese Analyse zitieren", "citeTitle": "„{title}“", "citeBriefed": "Analyse vom {date}",
        "citeSource": "Quelle: {source}", "citeParagraph": "Absatz {n}", "citeNote": "Anmerkung {n}", "citeQuote": "Zitat {n}",
        "noteLabel": "Anmerkung {n}", "backToNote": "Zurück zum Text von Anmerkung {n}", "quoteInSidebar": "Zitat {n} in der Zitatliste",
        "dateFormat": "{day}. {month} {year}",
        "months": "Januar, Februar, März, April, Mai, Juni, Juli, August, September, Oktober, November, Dezember",
        "skipToContent": "Zum Inhalt springen", "briefings": "Analysen", "entities": "Einträge", "quotes": "Zitate",
        "tags": "Schlagwörter", "search": "Suche", "atomFeed": "Atom-Feed", "builtWith": "Erstellt mit Dossier",
        "briefing": "Analyse", "notAnnotated": "Artikel, noch nicht kommentiert", "headlineAsReceived": "Schlagzeile wie erhalten",
        "analysis": "Analyse", "articleAsReceived": "Der Artikel wie erhalten", "unattributed": "ohne Zuordnung",
        "inText": "im Text", "inContext": "im Zusammenhang", "inBriefing": "in", "inThisBriefing": "In dieser Analyse",
        "noEntities": "Keine bekannten Einträge erwähnt.", "notes": "Anmerkungen", "source": "Quelle", "author": "Autor",
        "published": "Veröffentlicht", "briefed": "Analysiert", "licence": "Lizenz", "data": "Daten", "older": "Älter",
        "newer": "Neuer", "moreBriefings": "Weitere Analysen", "alsoWrittenAs": "Auch geschrieben:",
        "whatTheySaid": "Was gesagt wurde", "oftenMentionedWith": "Oft erwähnt mit", "inCommon": "gemeinsame Analysen",
        "mentionsTitle": "Erwähnungen", "briefingsTitle": "Analysen", "noBriefingMentions": "Noch keine Analyse erwähnt diesen Eintrag.",
        "noQuotes": "Noch keine Zitate.", "noTags": "Noch keine Schlagwörter.",
        "noBriefings": "Noch keine Analysen: Artikel in Content/articles/ ablegen.", "pageNotFound": "Seite nicht gefunden",
        "notFoundText": "Diese Seite gibt es nicht. Zurück zur Liste der Analysen:", "searchLabel": "Analysen durchsuchen",
        "searchHelp": "Jedes Wort muss vorkommen, in beliebiger Reihenfolge. ↓ geht durch die Treffer.",
        "searchNeedsScript": "Die Suche braucht JavaScript. Stattdessen stöbern:", "searchResults": "Suchergebnisse",
        "searchUnavailable": "Der Suchindex (search/index.js) konnte nicht geladen werden.", "searchMentions": "Erwähnt", "searchInAnalysis": "In der Analyse:",
        "tagged": "Schlagwort „{tag}“", "pages": "Seiten", "newerPage": "← Neuer", "olderPage": "Älter →",
        "pageOf": "Seite {page} von {count}", "site": "Website",
        "people": "Personen", "organisations": "Organisationen", "places": "Orte", "events": "Ereignisse", "others": "Sonstige",
        "person": "Person", "organisation": "Organisation", "place": "Ort", "event": "Ereignis", "other": "Sonstiges",
    ], plurals: [
        "briefingCount": p("{n} Analyse", "{n} Analysen"), "storyLede": p("{n} Analyse, die älteste zuerst.", "{n} Analysen, die älteste zuerst."),
        "correctionsCount": p("{n} Korrektur", "{n} Korrekturen"),
        "mentions": p("{n} Erwähnung", "{n} Erwähnungen"), "notes": p("{n} Anmerkung", "{n} Anmerkungen"), "quotes": p("{n} Zitat", "{n} Zitate"),
        "entitiesLede": p("{n} Person, Organisation, Ort oder Ereignis, mit der Zahl der Erwähnungen.",
                          "{n} Personen, Organisationen, Orte und Ereignisse, mit der Zahl ihrer Erwähnungen."),
        "quotesLede": p("{n} wörtliches Zitat aus den Analysen, nach Sprechern geordnet.", "{n} wörtliche Zitate aus den Analysen, nach Sprechern geordnet."),
        "searchLede": p("Titel, Zusammenfassungen, Einträge, Schlagwörter und Zitate von {n} Analyse. Die Suche läuft im Browser; nichts wird gesendet.",
                        "Titel, Zusammenfassungen, Einträge, Schlagwörter und Zitate von {n} Analysen. Die Suche läuft im Browser; nichts wird gesendet."),
        "moreQuotes": p("… und {n} früheres Zitat in den Analysen unten.", "… und {n} frühere Zitate in den Analysen unten."),
        "moreQuotesOf": p("… und {n} früheres Zitat, bei den Analysen auf der Seite von", "… und {n} frühere Zitate, bei den Analysen auf der Seite von"),
        "briefingsMatch": p("{n} Analyse passt", "{n} Analysen passen"), "entitiesMatch": p("und {n} Eintrag", "und {n} Einträge"),
        "showMore": p("{n} weitere zeigen", "{n} weitere zeigen"), "showQuote": p("Zitat {n} im Text zeigen", "Zitat {n} im Text zeigen"),
    ])

    static let spanish = Table(words: [
        "wordsLeftOut": "No buscadas (demasiadas palabras):",
        "mentionsOverTime": "Menciones de {name} a lo largo del tiempo", "namedWith": "Entidades nombradas más a menudo con {name}", "timeline": "Cronología", "feedOf": "{site}: {name}", "feedLink": "Canal", "stories": "Historias", "story": "Historia", "noStories": "Aún no hay historias: agrupe análisis con story: en su cabecera.", "sinceLast": "Desde el análisis anterior", "enters": "Nuevos", "leaves": "Ya no mencionados", "newSpeakers": "Nuevas voces", "partOfStory": "Parte de la historia",
        "corrections": "Correcciones", "articleCorrected": "El artículo, con correcciones", "showArticle": "Mostrar el artículo",
        "asCorrected": "corregido", "asReceived": "tal como llegó", "changesMarked": "con los cambios marcados",
        "correctionReceived": "Tal como llegó", "correctionCorrected": "Corregido a", "correctionDeleted": "Suprimido",
        "correctionWhy": "Por qué", "inParagraph": "párrafo {n}", "inHeadline": "titular",
        "editorialInsertion": "Inserción de la redacción", "deletedByCorrection": "Suprimido por la corrección {n}",
        "changedByCorrection": "Cambiado por la corrección {n}", "deletionStart": "suprimido:", "deletionEnd": "fin de la supresión",
        "permalinkParagraph": "Enlace al párrafo {n}", "permalinkNote": "Enlace a la nota {n}", "citeAs": "Citar como:",
        "cite": "Citar", "citeBriefing": "Citar este análisis", "citeTitle": "«{title}»", "citeBriefed": "análisis del {date}",
        "citeSource": "Fuente: {source}", "citeParagraph": "párrafo {n}", "citeNote": "nota {n}", "citeQuote": "cita {n}",
        "noteLabel": "Nota {n}", "backToNote": "Volver al texto de la nota {n}", "quoteInSidebar": "Cita {n} en la lista de citas",
        "dateFormat": "{day} de {month} de {year}",
        "months": "enero, febrero, marzo, abril, mayo, junio, julio, agosto, septiembre, octubre, noviembre, diciembre",
        "skipToContent": "Ir al contenido", "briefings": "Análisis", "entities": "Entidades", "quotes": "Citas",
        "tags": "Etiquetas", "search": "Búsqueda", "atomFeed": "Canal Atom", "builtWith": "Hecho con Dossier",
        "briefing": "Análisis", "notAnnotated": "Artículo, aún sin anotar", "headlineAsReceived": "Titular tal como llegó",
        "analysis": "Análisis", "articleAsReceived": "El artículo tal como llegó", "unattributed": "sin atribuir",
        "inText": "en el texto", "inContext": "en contexto", "inBriefing": "en", "inThisBriefing": "En este análisis",
        "noEntities": "No se menciona ninguna entidad conocida.", "notes": "Notas", "source": "Fuente", "author": "Autor",
        "published": "Publicado", "briefed": "Analizado", "licence": "Licencia", "data": "Datos", "older": "Anterior",
        "newer": "Siguiente", "moreBriefings": "Más análisis", "alsoWrittenAs": "También escrito:",
        "whatTheySaid": "Lo que dijeron", "oftenMentionedWith": "Mencionado a menudo con", "inCommon": "análisis en común",
        "mentionsTitle": "menciones", "briefingsTitle": "análisis", "noBriefingMentions": "Ningún análisis lo menciona todavía.",
        "noQuotes": "Aún no hay citas.", "noTags": "Aún no hay etiquetas.",
        "noBriefings": "Aún no hay análisis: añada artículos a Content/articles/.", "pageNotFound": "Página no encontrada",
        "notFoundText": "Esta página no existe. Vuelva a la lista de análisis:", "searchLabel": "Buscar en los análisis",
        "searchHelp": "Deben coincidir todas las palabras, en cualquier orden. ↓ recorre los resultados.",
        "searchNeedsScript": "La búsqueda necesita JavaScript. Explore en su lugar:", "searchResults": "Resultados de la búsqueda",
        "searchUnavailable": "No se pudo cargar el índice de búsqueda (search/index.js).", "searchMentions": "Menciona", "searchInAnalysis": "En el análisis:",
        "tagged": "Etiqueta «{tag}»", "pages": "Páginas", "newerPage": "← Más recientes", "olderPage": "Más antiguos →",
        "pageOf": "Página {page} de {count}", "site": "Sitio",
        "people": "Personas", "organisations": "Organizaciones", "places": "Lugares", "events": "Acontecimientos", "others": "Otros",
        "person": "Persona", "organisation": "Organización", "place": "Lugar", "event": "Acontecimiento", "other": "Otro",
    ], plurals: [
        "briefingCount": p("{n} análisis", "{n} análisis"), "storyLede": p("{n} análisis, del más antiguo al más reciente.", "{n} análisis, del más antiguo al más reciente."),
        "correctionsCount": p("{n} corrección", "{n} correcciones"),
        "mentions": p("{n} mención", "{n} menciones"), "notes": p("{n} nota", "{n} notas"), "quotes": p("{n} cita", "{n} citas"),
        "entitiesLede": p("{n} persona, organización, lugar o acontecimiento, con la frecuencia de sus menciones.",
                          "{n} personas, organizaciones, lugares y acontecimientos, con la frecuencia de sus menciones."),
        "quotesLede": p("{n} cita textual de los análisis, agrupada por hablante.", "{n} citas textuales de los análisis, agrupadas por hablante."),
        "searchLede": p("Títulos, resúmenes, entidades, etiquetas y citas de {n} análisis. La búsqueda se hace en su navegador; no se envía nada.",
                        "Títulos, resúmenes, entidades, etiquetas y citas de {n} análisis. La búsqueda se hace en su navegador; no se envía nada."),
        "moreQuotes": p("… y {n} cita anterior en los análisis de abajo.", "… y {n} citas anteriores en los análisis de abajo."),
        "moreQuotesOf": p("… y {n} cita anterior, con los análisis en la página de", "… y {n} citas anteriores, con los análisis en la página de"),
        "briefingsMatch": p("{n} análisis coincide", "{n} análisis coinciden"), "entitiesMatch": p("y {n} entidad", "y {n} entidades"),
        "showMore": p("Mostrar {n} más", "Mostrar {n} más"), "showQuote": p("Ver la cita {n} en el texto", "Ver la cita {n} en el texto"),
    ])
}

extension EntityKind {
    /// The keys of this kind's names in `SiteStrings`: singular and plural.
    var stringKeys: (one: String, many: String) {
        switch self {
        case .person: ("person", "people")
        case .organization: ("organisation", "organisations")
        case .place: ("place", "places")
        case .event: ("event", "events")
        case .other: ("other", "others")
        }
    }
}
