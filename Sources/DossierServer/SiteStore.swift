import DossierCore
import Foundation
import Synchronization

/// The site the preview server answers from: the files of the latest successful build, held in
/// memory compressed (`encoding`, about a fifth of their size) and replaced in one step, so a
/// request never sees a half-built site. Also the hub that tells open pages to reload, or shows
/// them the diagnostics of a failed rebuild.
public final class SiteStore: Sendable {
    /// A file as kept: compressed bytes and a validator for conditional requests.
    public struct File: Sendable {
        /// `contents` as a Zstandard frame.
        public var compressed: [UInt8]
        public var etag: String

        /// The file's bytes, decompressed.
        public var contents: [UInt8] { Zstd.decompress(compressed) }
    }

    /// How the builder feeding `publish` keeps its files.
    public static let encoding = Zstd.encoding

    /// What open pages are told over Server-Sent Events.
    public enum Event: Sendable, Equatable {
        case reload
        /// A rebuild failed; the text is its diagnostics, compiler-style.
        case failure(String)
    }

    private struct State {
        var files: [String: File] = [:]
        var failure: String?
        var listeners: [Int: AsyncStream<Event>.Continuation] = [:]
        var nextListener = 0
        var published = 0
        var closed = false
    }

    private let state = Mutex(State())

    /// Counts successful publications; read by whoever waits for a rebuild.
    public var generation: Int { state.withLock { $0.published } }

    public init() {}

    public func file(at path: String) -> File? {
        state.withLock { $0.files[path] }
    }

    /// Every path served, sorted.
    public var paths: [String] { state.withLock { $0.files.keys.sorted() } }

    public var currentFailure: String? { state.withLock { $0.failure } }

    /// Replaces the changed files of a successful build and tells open pages to reload.
    /// - Parameter all: every file, compressed with `encoding`.
    public func publish(_ all: [String: [UInt8]], changed: [String], removed: [String]) {
        // Validators are computed before taking the lock; the swap itself is a few dictionary writes.
        let first = state.withLock { $0.files.isEmpty }
        let updates = first ? all.map { ($0.key, File(compressed: $0.value, etag: Self.etag($0.value))) }
            : changed.compactMap { path in all[path].map { (path, File(compressed: $0, etag: Self.etag($0))) } }
        let listeners = state.withLock { state in
            for (path, file) in updates { state.files[path] = file }
            for path in removed { state.files[path] = nil }
            state.failure = nil
            state.published += 1
            return Array(state.listeners.values)
        }
        for listener in listeners { listener.yield(.reload) }
    }

    /// Keeps serving the last good site and shows `diagnostics` over open pages.
    public func publishFailure(_ diagnostics: [Diagnostic]) {
        let text = diagnostics.map(\.description).joined(separator: "\n")
        let listeners = state.withLock {
            $0.failure = text
            return Array($0.listeners.values)
        }
        for listener in listeners { listener.yield(.failure(text)) }
    }

    /// Ends every event stream, now and for later subscribers: the server is stopping, and its
    /// graceful shutdown waits for open responses to end.
    public func close() {
        let listeners = state.withLock {
            $0.closed = true
            return Array($0.listeners.values)
        }
        for listener in listeners { listener.finish() }
    }

    /// How many event streams are open (one per open page).
    public var listenerCount: Int { state.withLock { $0.listeners.count } }

    /// Events from now on; a failure in progress is sent first. Ends at once after `close()`.
    public func subscribe() -> AsyncStream<Event> {
        AsyncStream { continuation in
            let id: Int? = state.withLock { state in
                if state.closed { return nil }
                state.nextListener += 1
                state.listeners[state.nextListener] = continuation
                return state.nextListener
            }
            guard let id else { return continuation.finish() }
            if let failure = currentFailure { continuation.yield(.failure(failure)) }
            continuation.onTermination = { [weak self] _ in
                guard let self else { return }
                _ = self.state.withLock { $0.listeners.removeValue(forKey: id) }
            }
        }
    }

    /// A validator of the compressed bytes, which differ exactly when the contents do.
    static func etag(_ bytes: [UInt8]) -> String {
        // FNV-1a, 64-bit, over 8-byte words: stable across runs, so a browser's cached copy stays
        // valid after a restart, and fast enough for the 8 MB search index on every rebuild.
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset + 8 <= buffer.count {
                hash ^= buffer.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                hash &*= 0x100_0000_01b3
                offset += 8
            }
            while offset < buffer.count {
                hash ^= UInt64(buffer[offset])
                hash &*= 0x100_0000_01b3
                offset += 1
            }
        }
        return "\"\(String(hash, radix: 16))-\(bytes.count)\""
    }
}
