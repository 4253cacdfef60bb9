/// A position in a source file, 1-based, as editors and compilers count it.
public struct SourceLocation: Hashable, Sendable, Comparable {
    /// Path relative to the project root, e.g. `Content/annotations/syria.md`.
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int = 1, column: Int = 1) {
        self.file = file
        self.line = line
        self.column = column
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}

/// A content or template problem, collected as a value so that a build reports all of them at once.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable, Comparable {
        case warning, error

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .warning && rhs == .error }
    }

    /// The pipeline stage that found the problem: kept for tools and tests, not printed.
    public enum Stage: String, Sendable {
        case load, parse, link, render, verify, write
    }

    public var severity: Severity
    public var stage: Stage
    public var message: String
    public var location: SourceLocation?
    /// Follow-up lines such as "closest passage: …" or "did you mean 'title'?".
    public var notes: [String]

    public init(_ severity: Severity, _ stage: Stage, _ message: String, at location: SourceLocation?, notes: [String] = []) {
        self.severity = severity
        self.stage = stage
        self.message = message
        self.location = location
        self.notes = notes
    }

    public static func error(_ stage: Stage, _ message: String, at location: SourceLocation?, notes: [String] = []) -> Diagnostic {
        Diagnostic(.error, stage, message, at: location, notes: notes)
    }

    public static func warning(_ stage: Stage, _ message: String, at location: SourceLocation?, notes: [String] = []) -> Diagnostic {
        Diagnostic(.warning, stage, message, at: location, notes: notes)
    }

    /// Compiler-style rendering: `file:line:col: error: message` then one `note:` line per note.
    /// Control characters from file names or quoted text are printed escaped, so no input can
    /// move the terminal's cursor or forge a line.
    public var description: String {
        let escaped = escapedForTerminal
        var head = ""
        if let location = escaped.location { head = "\(location.file):\(location.line):\(location.column): " }
        var text = "\(head)\(severity.rawValue): \(escaped.message)"
        for note in escaped.notes { text += "\n\(head)note: \(note)" }
        return text
    }

    /// This diagnostic with control characters in its file name, message and notes escaped.
    public var escapedForTerminal: Diagnostic {
        var d = self
        d.message = SourceText.escapingControlCharacters(message)
        d.notes = notes.map(SourceText.escapingControlCharacters)
        d.location?.file = SourceText.escapingControlCharacters(location?.file ?? "")
        return d
    }
}

extension Array where Element == Diagnostic {
    public var hasErrors: Bool { contains { $0.severity == .error } }
    public var errorCount: Int { filter { $0.severity == .error }.count }
    public var warningCount: Int { filter { $0.severity == .warning }.count }

    /// `--strict`: every warning becomes an error.
    public func promotingWarnings() -> [Diagnostic] {
        map { var d = $0; d.severity = .error; return d }
    }

    /// How every stage hands diagnostics on: `--strict` applied, in display order.
    public func finished(strict: Bool) -> [Diagnostic] {
        (strict ? promotingWarnings() : self).sortedForDisplay()
    }

    /// Stable order for printing: by file, line, column, then message.
    public func sortedForDisplay() -> [Diagnostic] {
        sorted { a, b in
            switch (a.location, b.location) {
            case let (l?, r?) where l != r: return l < r
            case (nil, _?): return true
            case (_?, nil): return false
            default: return a.message < b.message
            }
        }
    }
}
