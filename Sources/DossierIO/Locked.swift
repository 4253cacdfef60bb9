import Synchronization

/// A value shared between threads, read and changed only under its lock; a class around
/// `Mutex`, so it can be captured and shared like any reference.
final class Locked<Value: Sendable>: Sendable {
    private let mutex: Mutex<Value>

    init(_ value: Value) {
        mutex = Mutex(value)
    }

    var current: Value { withLock { $0 } }

    /// Reads or changes the value in one step: `count.withLock { $0 += 1; return $0 }`.
    func withLock<Result: Sendable>(_ body: (inout sending Value) -> Result) -> Result {
        mutex.withLock { body(&$0) }
    }
}
