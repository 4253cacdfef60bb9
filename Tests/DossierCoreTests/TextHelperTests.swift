import Testing
@testable import DossierCore

/// The byte-level string helpers that stand in for slower Unicode-aware or Foundation calls on hot
/// paths: each must give what the call it replaces gives. Expected values written by hand.
@Suite struct TextHelperTests {
    @Test func piecesSplitLikeComponents() {
        #expect("one\n\ntwo".pieces(separatedBy: "\n\n") == ["one", "two"])
        #expect("no break".pieces(separatedBy: "\n\n") == ["no break"])
        #expect("".pieces(separatedBy: "\n\n") == [""])
        // Empty pieces are kept at the ends and between separators; matches do not overlap.
        #expect("\n\na\n\n\n\nb\n\n".pieces(separatedBy: "\n\n") == ["", "a", "", "b", ""])
        #expect("a\n\n\nb".pieces(separatedBy: "\n\n") == ["a", "\nb"])
        #expect("«Ça va» \n\n— “oui”".pieces(separatedBy: "\n\n") == ["«Ça va» ", "— “oui”"])
    }

    @Test func trimmingKeepsInnerTextAndDropsOuterWhiteSpace() {
        #expect("plain".trimmingWhitespace() == "plain")
        #expect("  two words \n".trimmingWhitespace() == "two words")
        #expect("\u{A0}non-breaking\u{2003}".trimmingWhitespace() == "non-breaking")
        #expect("é".trimmingWhitespace() == "é")
        #expect(" ".trimmingWhitespace() == "")
    }
}
