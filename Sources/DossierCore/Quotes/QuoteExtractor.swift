/// Extracts direct quotations from a corrected article and attributes their speakers.
public struct QuoteExtractor: Sendable {
    public let entities: [Entity]

    public init(entities: [Entity]) {
        self.entities = entities
    }

    /// - Parameters:
    ///   - article: the corrected article; `blocks[0]` is the headline.
    ///   - mentions: entity mentions per block (same indexing as `article.blocks`), UTF-8 ranges into each block's text.
    /// - Returns: quotes in text order.
    public func extract(from article: CorrectedArticle, mentions: [[Mention]]) -> [Quote] {
        []
    }
}
