import Testing
@testable import DossierCore

/// Line endings and control characters, normalised before any parser sees a file.
@Suite struct SourceTextTests {
    @Test(arguments: ["a\r\nb\r\n\r\nc\r\n", "a\rb\r\rc\r", "a\nb\r\n\rc\n"])
    func crlfAndCrReadLikeLf(_ text: String) {
        let (normalized, diagnostics) = SourceText.normalized(text, path: "x.md")
        #expect(normalized == "a\nb\n\nc\n")
        #expect(diagnostics.isEmpty)
    }

    @Test func cleanTextIsReturnedAsItIs() {
        let text = "Ünïcode – “quotes”, £5, ©, tabs\tand\nlines\n"
        let (normalized, diagnostics) = SourceText.normalized(text, path: "x.md")
        #expect(normalized == text)
        #expect(diagnostics.isEmpty)
    }

    @Test func controlCharactersBecomeReplacementCharactersWithOneLocatedWarning() {
        // Line 2, column 4 (in scalars, after "é"): the NUL; then an escape and a C1 control.
        let (normalized, diagnostics) = SourceText.normalized("one\r\néab\u{0}c\u{1B}[31m\u{85}\n", path: "Content/articles/x.txt")
        #expect(normalized == "one\néab\u{FFFD}c\u{FFFD}[31m\u{FFFD}\n")
        #expect(diagnostics.map(\.description) == [
            "Content/articles/x.txt:2:4: warning: 3 control characters (the first U+0000) replaced by U+FFFD\n"
                + "Content/articles/x.txt:2:4: note: control characters are not text; remove them from the file (a copy from a terminal or a binary file?)",
        ])
    }

    @Test func diagnosticsPrintControlCharactersEscaped() {
        let d = Diagnostic.error(.load, "bad \u{1B}[2Jname\nfake: error", at: SourceLocation(file: "Content/a\u{7}.txt", line: 1, column: 1),
                                 notes: ["x\u{8}y"])
        #expect(d.description == "Content/a\\u{7}.txt:1:1: error: bad \\u{1B}[2Jname\\nfake: error\nContent/a\\u{7}.txt:1:1: note: x\\u{8}y")
    }
}
