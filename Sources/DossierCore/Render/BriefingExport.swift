/// `briefings/<slug>/index.json`: a briefing's analysis as data, with the keys SPEC §5 fixes.
struct BriefingExport {
    let briefing: Briefing
    let entities: EntityFaces
    /// The corrections with their places (see `CorrectionTrail`).
    var trail: CorrectionTrail? = nil

    func json() -> JSON {
        let mentioned = briefing.sortedMentions.sorted { ($1.count, entities[$0.entity].value.name) < ($0.count, entities[$1.entity].value.name) }
        return .object([
            ("title", .string(briefing.title)),
            ("published", .optional(briefing.provenance.published?.description)),
            ("source", .optional(briefing.provenance.source)),
            ("url", .optional(briefing.provenance.url)),
            ("sha256", .optional(briefing.article.receivedSHA256)),
            ("tags", .array(briefing.tags.map { .string($0.name) })),
            ("entities", .array(mentioned.map { e, count in
                .object([
                    ("slug", .string(entities[e].value.slug)), ("name", .string(entities[e].value.name)),
                    ("kind", .string(entities[e].value.kind.rawValue)), ("mentions", .int(count)),
                ])
            })),
            ("notes", .array(zip(briefing.notes, briefing.noteHTML).map { note, html in
                .object([
                    ("phrase", .string(note.note.phrase)), ("occurrence", .int(note.note.occurrence)),
                    ("paragraph", .int(note.span.paragraph)),
                    ("markdown", .string(note.note.markdown.trimmingWhitespace())), ("html", .string(html)),
                ])
            })),
            ("annotations", .string(WebAnnotations.fileName)),
            ("quotes", .array(briefing.quotes.map { quote in
                .object([
                    ("text", .string(quote.text)), ("paragraph", .int(quote.paragraph)),
                    ("speaker", .optional(quote.speaker)), ("entity", .optional(quote.entity.map { entities[$0].value.slug })),
                    ("cue", .optional(quote.cue)), ("status", .string(quote.status.rawValue)),
                    ("attributed_by", .string(quote.attributedBy.rawValue)), ("fragment", .bool(quote.isFragment)),
                ])
            })),
            ("corrections", (trail ?? CorrectionTrail(article: briefing.article)).json()),
        ])
    }
}
