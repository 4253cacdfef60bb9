import DossierCore
import Foundation

/// Prints diagnostics compiler-style on stderr, in colour on a terminal.
public struct DiagnosticPrinter: Sendable {
    public var useColor: Bool

    public init(useColor: Bool = isatty(STDERR_FILENO) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil) {
        self.useColor = useColor
    }

    public func print(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics { printError(format(diagnostic)) }
    }

    public func format(_ d: Diagnostic) -> String {
        guard useColor else { return d.description }
        let d = d.escapedForTerminal
        var head = ""
        if let l = d.location { head = "\u{1B}[1m\(l.file):\(l.line):\(l.column):\u{1B}[0m " }
        let label = d.severity == .error ? "\u{1B}[1;31merror:\u{1B}[0m" : "\u{1B}[1;33mwarning:\u{1B}[0m"
        var text = "\(head)\(label) \u{1B}[1m\(d.message)\u{1B}[0m"
        for note in d.notes { text += "\n\(head)\u{1B}[1;36mnote:\u{1B}[0m \(note)" }
        return text
    }
}

/// Writes one line to stderr.
public func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
