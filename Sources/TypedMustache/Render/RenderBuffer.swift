/// The output of one render, and the little state that rendering carries besides the scope.
///
/// Output accumulates as UTF-8 bytes in one array reserved up front: appending to it is half
/// the cost of `String.append`, which rechecks capacity, uniqueness and the string's flags on
/// every call, and a page is thousands of appends.
struct RenderBuffer {
    private(set) var bytes: [UInt8] = []
    /// Prepended at each line start inside standalone partials and reindented blocks.
    var indentation = ""
    /// Levels of recursion through partials entered so far, bounded so data cannot exhaust the stack.
    var depth = 0
    /// Recursive partial uses entered so far in this render (see `Compiler.maxRecursions`).
    var recursions = 0
    /// Set when the depth bound stopped rendering; the render then throws it.
    var failure: TemplateError?

    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    mutating func append(_ literal: [UInt8]) {
        // Through a buffer pointer: `append(contentsOf:)` takes an array argument owned,
        // which would retain the literal on every append.
        literal.withUnsafeBufferPointer { bytes.append(contentsOf: $0) }
    }

    mutating func append(_ string: String) {
        let appended: Void? = string.utf8.withContiguousStorageIfAvailable { bytes.append(contentsOf: $0) }
        if appended == nil { bytes.append(contentsOf: string.utf8) }
    }

    mutating func startLine() {
        if !indentation.isEmpty { append(indentation) }
    }

    /// Appends `string` with `& < > " '` escaped for HTML, scanning its UTF-8 bytes and appending
    /// the runs between them whole.
    mutating func appendEscaped(_ string: String) {
        let appended: Void? = string.utf8.withContiguousStorageIfAvailable { appendEscaped(utf8: $0) }
        if appended == nil { appendEscaped(utf8: Array(string.utf8)) }
    }

    private mutating func appendEscaped(utf8: some Collection<UInt8>) {
        var runStart = utf8.startIndex
        var index = runStart
        while index != utf8.endIndex {
            let byte = utf8[index]
            guard byte <= 62, let entity = Self.entity(byte) else {
                utf8.formIndex(after: &index)
                continue
            }
            bytes.append(contentsOf: utf8[runStart..<index])
            bytes.append(contentsOf: entity)
            utf8.formIndex(after: &index)
            runStart = index
        }
        bytes.append(contentsOf: utf8[runStart..<index])
    }

    private static let ampersand = Array("&amp;".utf8), lessThan = Array("&lt;".utf8), greaterThan = Array("&gt;".utf8)
    private static let quote = Array("&quot;".utf8), apostrophe = Array("&#39;".utf8)

    @inline(__always)
    private static func entity(_ byte: UInt8) -> [UInt8]? {
        switch byte {
        case UInt8(ascii: "&"): ampersand
        case UInt8(ascii: "<"): lessThan
        case UInt8(ascii: ">"): greaterThan
        case UInt8(ascii: "\""): quote
        case UInt8(ascii: "'"): apostrophe
        default: nil
        }
    }
}
