#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// The size of a template's last output, reserved up front for the next one: growing the
/// buffer as a large page renders cost a fifth of the time. Shared by concurrent renders, so
/// behind a lock (`Synchronization`'s `Atomic` would need macOS 15). A stale value costs a
/// reallocation, or a copy of an output much smaller than the reservation (`Template.renderUTF8`).
final class SizeHint: @unchecked Sendable {
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private var size: Int

    init(_ size: Int) {
        self.size = size
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    var value: Int {
        get {
            pthread_mutex_lock(mutex)
            defer { pthread_mutex_unlock(mutex) }
            return size
        }
        set {
            pthread_mutex_lock(mutex)
            size = newValue
            pthread_mutex_unlock(mutex)
        }
    }
}
