/// A Swift type that templates can render.
///
/// A template is compiled against the type of the value it renders: every name in it is resolved
/// once, at compile time, through `field(named:)`, so rendering does no name lookups and no casts.
/// Most types list their fields in `fields`:
///
/// ```swift
/// struct Card: TemplateValue {
///     var title: String
///     var author: String?
///     var tags: [Tag]
///     static let fields: [String: TemplateField<Card>] = [
///         "title": .text { $0.title },
///         "author": .optional { $0.author },
///         "tags": .list { $0.tags },
///         "hasTags": .flag { !$0.tags.isEmpty },
///     ]
/// }
/// ```
public protocol TemplateValue: SendableMetatype {
    /// The fields that templates may name, by name. Ignored when `field(named:)` is implemented.
    static var fields: [String: TemplateField<Self>] { get }

    /// The field that `name` names, or nil when there is none (a compile error, unless an outer
    /// context has it). Must answer the same for the same name every time: the answer is compiled
    /// in, and a section pushing a value of this type drops an outer frame of the same type,
    /// which can then never answer a name the inner one does not.
    static func field(named name: String) -> TemplateField<Self>?

    /// Every name `field(named:)` answers, to suggest the nearest one when a name is misspelt.
    static var fieldNames: [String] { get }

    /// How `{{.}}` renders this value when it is the innermost context; nil when it has no text.
    static var selfText: (@Sendable (Self) -> String)? { get }

    /// What `{{.}}` and `{{#.}}` mean when this value is the innermost context. Defaults to text
    /// from `selfText`; a dynamic type such as a JSON value can make it a section as well.
    static var selfField: TemplateField<Self>? { get }
}

extension TemplateValue {
    public static var fields: [String: TemplateField<Self>] { [:] }

    public static func field(named name: String) -> TemplateField<Self>? {
        fields[name]
    }

    public static var fieldNames: [String] {
        fields.keys.sorted()
    }

    public static var selfText: (@Sendable (Self) -> String)? { nil }

    public static var selfField: TemplateField<Self>? {
        selfText.map { TemplateField.text($0) }
    }
}

/// Text renders as itself: `{{#summary}}<p>{{summary}}</p>{{/summary}}` over an optional string,
/// or `{{#paragraphs}}<p>{{.}}</p>{{/paragraphs}}` over a list of them.
extension String: TemplateValue {
    public static var selfText: (@Sendable (String) -> String)? { { $0 } }
}

/// Counts render in decimal: `{{#noteCount}}{{noteCount}} notes{{/noteCount}}` over an optional count.
extension Int: TemplateValue {
    public static var selfText: (@Sendable (Int) -> String)? { { String($0) } }
}
