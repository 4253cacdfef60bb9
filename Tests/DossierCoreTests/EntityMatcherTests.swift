import Testing
@testable import DossierCore

@Suite struct EntityMatcherTests {
    @Test func placeholder() { #expect(true) }
}
