import Foundation

/// The staging folders of builds in progress, so that Ctrl-C or SIGTERM removes them before the
/// process exits instead of leaving hundreds of megabytes of hidden folders beside `Output/`.
/// (A build killed with SIGKILL cannot clean up: the next build removes what it left.)
public final class StagingFolders: Sendable {
    public static let shared = StagingFolders()

    private let paths = Locked<Set<String>>([])
    private let interrupted = Locked<Int32?>(nil)

    /// Set by SIGINT or SIGTERM: writers stop at their next file and remove their folder.
    var isInterrupted: Bool { interrupted.current != nil }
    /// The exit status for the signal that interrupted the build (128 + its number), if one did.
    public var interruptedStatus: Int32? { interrupted.current.map { 128 + $0 } }

    func register(_ path: String) { paths.withLock { _ = $0.insert(path) } }
    func unregister(_ path: String) { paths.withLock { _ = $0.remove(path) } }

    /// Removes every registered folder (the writer threads may still be adding files: retried).
    /// Under the lock, so a build finishing meanwhile waits in `unregister` and cannot exit
    /// with a folder half removed.
    public func removeAll() {
        paths.withLock { paths in
            for path in paths {
                for _ in 0..<3 where FileManager.default.fileExists(atPath: path) { try? FileManager.default.removeItem(atPath: path) }
            }
            paths = []
        }
    }

    /// From now on SIGINT and SIGTERM remove the staging folders, then exit with 128 + signal
    /// as a shell expects. Call once, from the command that writes.
    public func removeOnInterrupt() {
        TerminationSignals.handle { [self] signal in
            interrupted.withLock { $0 = signal }
            // Give the writer a second to stop and remove its own folder, then remove what is left.
            for _ in 0..<100 where !paths.current.isEmpty { usleep(10_000) }
            removeAll()
            exit(128 + signal)
        }
    }
}
