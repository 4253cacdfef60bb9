import Foundation

/// A thread-safe memo of rendered HTML fragments, shared by the parallel page renders.
final class FragmentCache<Key: Hashable & Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Key: String] = [:]

    /// The cached fragment, or `make()`'s result stored for next time. `make` runs outside the
    /// lock; two threads may both render a fragment once, which is harmless since renders are pure.
    func value(for key: Key, make: () -> String) -> String {
        lock.lock()
        let cached = values[key]
        lock.unlock()
        if let cached { return cached }
        let made = make()
        lock.lock()
        values[key] = made
        lock.unlock()
        return made
    }
}
