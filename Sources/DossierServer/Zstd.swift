import CZstd
import DossierCore
import Synchronization

/// Zstandard frames for the site the preview server keeps in memory: about 0.15 s of CPU per
/// 100 MB to compress at level 1, and a page is decompressed in microseconds when served.
/// Output at the same level with the same library is the same bytes, as `FileEncoding` requires.
enum Zstd {
    static let level: Int32 = 1

    static let encoding = FileEncoding { compress($0) }

    /// `bytes` as one frame that records its content size, in an array of exactly its length
    /// (kept for the whole session, so no spare capacity).
    static func compress(_ bytes: [UInt8]) -> [UInt8] {
        let bound = ZSTD_compressBound(bytes.count)
        return contexts.borrow { context in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bound) { scratch in
                let size = bytes.withUnsafeBytes { source in
                    ZSTD_compressCCtx(context, scratch.baseAddress, bound, source.baseAddress, source.count, level)
                }
                // Only a programming error fails here: the bound always fits, and level 1 is valid.
                precondition(ZSTD_isError(size) == 0, "zstd: \(String(cString: ZSTD_getErrorName(size)))")
                return Array(scratch[..<size])
            }
        }
    }

    /// The content of a frame made by `compress`.
    static func decompress(_ frame: [UInt8]) -> [UInt8] {
        frame.withUnsafeBytes { source -> [UInt8] in
            let size = ZSTD_getFrameContentSize(source.baseAddress, source.count)
            precondition(size != ZSTD_CONTENTSIZE_ERROR && size != ZSTD_CONTENTSIZE_UNKNOWN, "zstd: not a frame made by compress")
            return [UInt8](unsafeUninitializedCapacity: Int(size)) { buffer, count in
                let written = ZSTD_decompress(buffer.baseAddress, Int(size), source.baseAddress, source.count)
                precondition(ZSTD_isError(written) == 0, "zstd: \(String(cString: ZSTD_getErrorName(written)))")
                count = written
            }
        }
    }

    /// Compression contexts, reused: making one per file would cost more than compressing a page.
    private static let contexts = ContextPool()

    /// Contexts not in use; a render worker takes one for each file and puts it back.
    private final class ContextPool: Sendable {
        /// `ZSTD_CCtx` handles, each used by one thread at a time (the pool hands it to one caller).
        private struct Handles: @unchecked Sendable { var free: [OpaquePointer] = [] }
        private let handles = Mutex(Handles())

        func borrow<T>(_ body: (OpaquePointer) -> T) -> T {
            let context = handles.withLock { $0.free.popLast() } ?? ZSTD_createCCtx()!
            defer { handles.withLock { $0.free.append(context) } }
            return body(context)
        }
    }
}
