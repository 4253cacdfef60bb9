/// How a builder without a sink keeps the files it makes: as rendered (tests, tools), or encoded
/// (the preview server keeps them compressed, about a fifth of their size).
///
/// The encoding must be deterministic: the builder compares encoded bytes, and a file counts as
/// changed when they differ.
public struct FileEncoding: Sendable {
    public let encode: @Sendable ([UInt8]) -> [UInt8]

    public init(encode: @escaping @Sendable ([UInt8]) -> [UInt8]) {
        self.encode = encode
    }

    public static let identity = FileEncoding { $0 }
}
