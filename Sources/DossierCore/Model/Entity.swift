/// What sort of thing an entity is; decides grouping on pages and which pronouns can refer to it.
public enum EntityKind: String, CaseIterable, Sendable, Comparable {
    case person, organization, place, event, other

    public static func < (lhs: EntityKind, rhs: EntityKind) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// Heading used where entities are grouped by kind.
    public var pluralTitle: String {
        switch self {
        case .person: "People"
        case .organization: "Organisations"
        case .place: "Places"
        case .event: "Events"
        case .other: "Other"
        }
    }
}

/// A person, organisation, place… from `Content/entities/<slug>.md`.
public struct Entity: Sendable, Hashable {
    public var slug: String
    public var name: String
    public var kind: EntityKind
    public var aliases: [String]
    public var description: String?
    /// Label → URL, in file order (wikipedia, wikidata, …).
    public var links: [ExternalLink]
    /// The Markdown body: the analyst's notes on the entity.
    public var notesMarkdown: String
    public var path: String
    /// Line in the file where the body starts, for diagnostics inside notes.
    public var bodyLine: Int
    /// Where each surface form is written in the file, for alias-collision errors.
    public var formLocations: [String: SourceLocation] = [:]

    public init(
        slug: String, name: String, kind: EntityKind, aliases: [String] = [], description: String? = nil,
        links: [ExternalLink] = [], notesMarkdown: String = "", path: String = "", bodyLine: Int = 1
    ) {
        self.slug = slug
        self.name = name
        self.kind = kind
        self.aliases = aliases
        self.description = description
        self.links = links
        self.notesMarkdown = notesMarkdown
        self.path = path
        self.bodyLine = bodyLine
    }

    /// The name and every alias: all the surface forms that mention this entity.
    public var surfaceForms: [String] { [name] + aliases }
}

public struct ExternalLink: Sendable, Hashable {
    public var label: String
    public var url: String

    public init(label: String, url: String) {
        self.label = label
        self.url = url
    }
}
