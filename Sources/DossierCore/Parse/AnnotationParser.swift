import Yams

/// Reads one `annotations/*.md` file: front matter, free prose, and `### "phrase"` anchored notes.
public enum AnnotationParser {
    public static let frontMatterKeys = [
        "article", "title", "summary", "source", "url", "published", "author", "license", "briefed", "tags", "draft", "story", "corrections", "quotes",
    ]

    public static func parse(_ file: SourceFile, diagnostics: inout [Diagnostic]) -> Annotation {
        let document = FrontMatterDocument.split(file.text, path: file.path, diagnostics: &diagnostics)
        let fields = YAMLFields(yaml: document.yaml, path: file.path, firstLine: document.yamlLine, diagnostics: &diagnostics)
        fields.rejectUnknownKeys(frontMatterKeys, what: "annotation front matter", diagnostics: &diagnostics)

        var annotation = Annotation(path: file.path, articleFile: file.stem + ".txt")
        if let article = fields.string("article", diagnostics: &diagnostics) {
            annotation.articleFile = article.hasSuffix(".txt") ? article : article + ".txt"
            annotation.articleLocation = fields.location(of: fields.node("article")!.value)
        }
        annotation.title = fields.string("title", diagnostics: &diagnostics)
        annotation.summary = fields.string("summary", diagnostics: &diagnostics)
        annotation.provenance = Provenance(fields: fields, diagnostics: &diagnostics)
        annotation.briefed = fields.date("briefed", diagnostics: &diagnostics)
        annotation.tags = fields.stringList("tags", diagnostics: &diagnostics).map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
        for tag in annotation.tags {
            let slug = Slug.make(tag)
            if slug.isEmpty {
                diagnostics.append(.error(.parse, "tag '\(tag)' has no letters or digits to make a page name from",
                                          at: fields.location(of: fields.node("tags")!.value)))
            } else if let problem = Slug.lengthProblem(slug, what: "tag '\(tag.prefix(40))…'") {
                diagnostics.append(.error(.parse, problem, at: fields.location(of: fields.node("tags")!.value), notes: ["shorten the tag"]))
            }
        }
        annotation.draft = fields.bool("draft", diagnostics: &diagnostics) ?? false
        if let story = fields.string("story", diagnostics: &diagnostics)?.trimmingWhitespace() {
            annotation.story = story
            annotation.storyLocation = fields.location(of: fields.node("story")!.value)
        }
        annotation.corrections = corrections(fields, diagnostics: &diagnostics)
        annotation.quoteOverrides = quoteOverrides(fields, diagnostics: &diagnostics)
        splitBody(document.body, bodyLine: document.bodyLine, path: file.path, into: &annotation, diagnostics: &diagnostics)
        return annotation
    }

    private static func corrections(_ fields: YAMLFields, diagnostics: inout [Diagnostic]) -> [Correction] {
        guard let (_, node) = fields.node("corrections") else { return [] }
        guard case .sequence(let items) = node else {
            diagnostics.append(.error(.parse, "'corrections' must be a list of {find, replace, note}", at: fields.location(of: node),
                                      notes: ["for example:\n  corrections:\n    - {find: \"deployed to in 2014\", replace: \"deployed to [Syria] in 2014\"}"]))
            return []
        }
        var result: [Correction] = []
        for item in items {
            let location = fields.location(of: item)
            guard case .mapping(let mapping) = item else {
                diagnostics.append(.error(.parse, "each correction must be a mapping with 'find' and 'replace'", at: location))
                continue
            }
            let correction = YAMLFields(nested: mapping, in: fields, diagnostics: &diagnostics)
            correction.rejectUnknownKeys(["find", "replace", "note"], what: "a correction", diagnostics: &diagnostics)
            let wrongTypes = diagnostics.count
            let find = correction.string("find", diagnostics: &diagnostics)
            let replace = correction.string("replace", diagnostics: &diagnostics)
            let note = correction.string("note", diagnostics: &diagnostics)
            guard diagnostics.count == wrongTypes else { continue }
            guard let find, !find.trimmingWhitespace().isEmpty else {
                diagnostics.append(.error(.parse, "correction has no 'find' text", at: location, notes: ["'find' is the damaged text as it appears in the article"]))
                continue
            }
            guard let replace else {
                diagnostics.append(.error(.parse, "correction of '\(find)' has no 'replace'", at: location,
                                          notes: ["use replace: \"\" to delete the text"]))
                continue
            }
            let reason = note?.trimmingWhitespace()
            result.append(Correction(find: find, replace: replace, note: reason?.isEmpty == false ? reason : nil, location: location))
        }
        return result
    }

    /// `quotes:`: a list of `{quote, speaker, status, drop}`; `quote` may end with `(n)` for the n-th quotation holding its words.
    private static func quoteOverrides(_ fields: YAMLFields, diagnostics: inout [Diagnostic]) -> [QuoteOverride] {
        guard let (_, node) = fields.node("quotes") else { return [] }
        let example = "for example:\n  quotes:\n    - {quote: \"really, really bad\", speaker: angus-king, status: verified}\n"
            + "    - {quote: \"Prompted I think by\", speaker: null}\n    - {quote: \"Handle\", drop: true}"
        guard case .sequence(let items) = node else {
            diagnostics.append(.error(.parse, "'quotes' must be a list of {quote, speaker, status, drop}", at: fields.location(of: node), notes: [example]))
            return []
        }
        var result: [QuoteOverride] = []
        for item in items {
            let location = fields.location(of: item)
            guard case .mapping(let mapping) = item else {
                diagnostics.append(.error(.parse, "each entry of 'quotes' must be a mapping with 'quote'", at: location, notes: [example]))
                continue
            }
            let entry = YAMLFields(nested: mapping, in: fields, diagnostics: &diagnostics)
            entry.rejectUnknownKeys(["quote", "speaker", "status", "drop"], what: "a quote entry", diagnostics: &diagnostics)
            let before = diagnostics.count
            let words = entry.string("quote", diagnostics: &diagnostics)
            let speakerText = entry.string("speaker", diagnostics: &diagnostics)
            let statusText = entry.string("status", diagnostics: &diagnostics)
            let drop = entry.bool("drop", diagnostics: &diagnostics) ?? false
            guard diagnostics.count == before else { continue }
            guard let words, !words.trimmingWhitespace().isEmpty else {
                diagnostics.append(.error(.parse, "quote entry has no 'quote' words", at: location,
                                          notes: ["'quote' is a few words from the quotation as the article has them"]))
                continue
            }
            var status: QuoteStatus?
            if let statusText {
                let allowed = QuoteStatus.allCases.filter { $0 != .unverified }.map(\.rawValue)
                guard let parsed = QuoteStatus(rawValue: statusText), parsed != .unverified else {
                    diagnostics.append(.error(.parse, "unknown quote status '\(statusText)'", at: entry.location(of: entry.node("status")!.value),
                                              notes: ["use one of: \(allowed.joined(separator: ", "))"]))
                    continue
                }
                status = parsed
            }
            let speaker: QuoteOverride.Speaker
            if let speakerText, !speakerText.trimmingWhitespace().isEmpty {
                speaker = .named(speakerText.trimmingWhitespace())
            } else {
                speaker = entry.hasKey("speaker") ? .none : .unchanged
            }
            let (phrase, occurrence) = Self.occurrence(in: words)
            result.append(QuoteOverride(quote: phrase, occurrence: occurrence, speaker: speaker, status: status, drop: drop, location: location))
        }
        return result
    }

    /// `"words (2)"` → the words and 2; no number means the first.
    static func occurrence(in text: String) -> (String, Int) {
        let trimmed = text.trimmingWhitespace()
        guard trimmed.hasSuffix(")"), let open = trimmed.lastIndex(of: "("),
              let n = Int(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)].trimmingCharacters(in: " ")), n >= 1 else {
            return (trimmed, 1)
        }
        let words = String(trimmed[..<open]).trimmingWhitespace()
        return words.isEmpty ? (trimmed, 1) : (words, n)
    }

    /// Splits the Markdown body into prose and notes by cmark's top-level headings.
    private static func splitBody(_ body: String, bodyLine: Int, path: String, into annotation: inout Annotation, diagnostics: inout [Diagnostic]) {
        // On the byte: the text is normalised (no CR is left), so a line feed is always a character
        // of its own, and breaking every annotation into characters cost more than the split.
        let lines = body.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { Substring($0) }
        let headings = Markdown.headings(in: body).filter { $0.level <= 3 }
        var proseLines: [Substring] = []
        var cursor = 0
        var firstProseLine: Int?
        func takeProse(upTo end: Int) {
            guard cursor < end else { return }
            if firstProseLine == nil { firstProseLine = cursor }
            proseLines.append(contentsOf: lines[cursor..<min(end, lines.count)])
        }
        var index = 0
        // The notes section runs from the first anchored note to the next heading of level 1 or 2.
        var inNotes = false
        while index < headings.count {
            let heading = headings[index]
            let headingLine = heading.line - 1
            let location = SourceLocation(file: path, line: heading.line + bodyLine - 1, column: heading.column)
            if heading.level < 3 { inNotes = false }
            // The phrase is taken from the heading's source line, not cmark's inline rendering, so
            // that `<`, backticks and `*` in the quoted article text stay as written.
            let written = headingLine < lines.count ? Self.atxHeadingText(lines[headingLine]) ?? heading.text : heading.text
            let reported = diagnostics.count
            guard heading.level == 3, headingLine < lines.count,
                  let (phrase, occurrence, numbered) = notePhrase(written, at: location, diagnostics: &diagnostics)
            else {
                if inNotes, heading.level == 3, diagnostics.count == reported {
                    diagnostics.append(unquotedNoteHeading(written, at: location))
                }
                index += 1
                continue
            }
            inNotes = true
            takeProse(upTo: headingLine)
            let end = index + 1 < headings.count ? headings[index + 1].line - 1 : lines.count
            let noteLines = lines[min(headingLine + 1, lines.count)..<min(end, lines.count)]
            annotation.notes.append(AnchoredNote(
                phrase: phrase, occurrence: occurrence, markdown: noteLines.joined(separator: "\n"),
                location: location, bodyLine: heading.line + bodyLine, occurrenceWritten: numbered))
            cursor = end
            index += 1
        }
        takeProse(upTo: lines.count)
        annotation.prose = proseLines.joined(separator: "\n")
        annotation.proseLine = bodyLine + (firstProseLine ?? 0)
    }

    /// A level-3 heading among the anchored notes that is not a quoted phrase: it starts no note,
    /// and it and its text would silently join the analysis above the notes.
    static func unquotedNoteHeading(_ text: String, at location: SourceLocation) -> Diagnostic {
        let text = text.trimmingWhitespace()
        return .warning(.parse, "heading '\(text)' among the anchored notes is not a quoted phrase, so it starts no note",
                        at: location, notes: [
                            "to anchor a note to the phrase, quote it: ### \"\(text)\"",
                            "as written, the heading and its text are shown with the analysis above the notes; to keep it as a heading there, move it above the first note",
                        ])
    }

    /// The text of an ATX heading line (`### text ##`), or nil for a setext heading.
    static func atxHeadingText(_ line: Substring) -> String? {
        var text = line.trimmingTrailingCR().drop { $0 == " " }
        guard text.hasPrefix("#") else { return nil }
        text = text.drop { $0 == "#" }
        var result = text.trimmingCharacters(in: " \t")
        // An optional closing sequence of #s, preceded by a space.
        let withoutHashes = result.reversed().drop { $0 == "#" }
        if withoutHashes.count < result.count, withoutHashes.first == " " {
            result = String(withoutHashes.reversed()).trimmingCharacters(in: " \t")
        }
        return result
    }

    /// `"phrase"` or `"phrase" (n)` with straight or curly quotes; nil for an ordinary heading.
    /// A heading that starts like a note but is malformed is an error rather than silently prose.
    /// The third value says whether the occurrence was written.
    static func notePhrase(_ text: String, at location: SourceLocation, diagnostics: inout [Diagnostic]) -> (String, Int, Bool)? {
        let text = text.trimmingWhitespace()
        guard let first = text.first, first == "\"" || first == "\u{201C}" else { return nil }
        guard let close = text.dropFirst().lastIndex(where: { $0 == "\"" || $0 == "\u{201D}" }) else {
            diagnostics.append(.error(.parse, "anchored note heading has no closing quote", at: location,
                                      notes: ["write the phrase between quotes: ### \"recruiting tool\""]))
            return nil
        }
        let phrase = String(text[text.index(after: text.startIndex)..<close])
        let rest = text[text.index(after: close)...].trimmingCharacters(in: " \t")
        var occurrence = 1
        if !rest.isEmpty {
            guard rest.hasPrefix("("), rest.hasSuffix(")"), let n = Int(rest.dropFirst().dropLast().trimmingCharacters(in: " ")), n >= 1 else {
                diagnostics.append(.error(.parse, "unexpected '\(rest)' after the anchored phrase", at: location,
                                          notes: ["only an occurrence number may follow the phrase, e.g. ### \"\(phrase)\" (2)"]))
                return nil
            }
            occurrence = n
        }
        guard !phrase.trimmingWhitespace().isEmpty else {
            diagnostics.append(.error(.parse, "anchored note has an empty phrase", at: location))
            return nil
        }
        return (phrase, occurrence, !rest.isEmpty)
    }
}

extension StringProtocol {
    func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s.removeFirst() }
        while let l = s.last, set.contains(l) { s.removeLast() }
        return String(s)
    }
}
