/// One occurrence of an entity's name or alias in a piece of text.
public struct Mention: Sendable, Hashable {
    /// Index of the entity in the matcher's entity list.
    public var entity: Int
    /// UTF-8 byte offsets into the text that was searched.
    public var range: Range<Int>

    public init(entity: Int, range: Range<Int>) {
        self.entity = entity
        self.range = range
    }
}
