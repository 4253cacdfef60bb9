import Foundation
import Synchronization

/// CPU time spent extracting quotes, summed over the threads that analyse briefings in parallel:
/// `build --timings` reports it as a share of the build's CPU time, which `scripts/bench` prints.
public final class QuoteClock: Sendable {
    private let nanoseconds = Atomic<UInt64>(0)

    public init() {}

    public var seconds: Double {
        Double(nanoseconds.load(ordering: .relaxed)) / 1e9
    }

    /// Runs `body`, adding the CPU time the calling thread spends in it.
    func measure<T>(_ body: () -> T) -> T {
        let start = Self.threadCPU()
        let result = body()
        let spent = Self.threadCPU() &- start
        nanoseconds.wrappingAdd(spent, ordering: .relaxed)
        return result
    }

    private static func threadCPU() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }
}
