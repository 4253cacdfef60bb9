import Dispatch
import Foundation

/// SIGINT and SIGTERM, handled on a Dispatch queue rather than in a signal handler, so the
/// handler may take locks and touch the file system. One place for `build`'s clean-up and
/// `serve`'s shutdown; the sources live as long as the process.
public enum TerminationSignals {
    private static let sources = Locked<[SignalSource]>([])

    /// A Dispatch signal source: a system handle, which Dispatch documents as safe to use from any
    /// thread (hence unchecked). Kept only so that it lives on; never touched again.
    private struct SignalSource: @unchecked Sendable {
        let source: any DispatchSourceSignal
    }

    /// From now on SIGINT and SIGTERM call `handler` with the signal's number instead of ending
    /// the process; the handler decides when to exit.
    public static func handle(_ handler: @escaping @Sendable (Int32) -> Void) {
        for signal in [SIGINT, SIGTERM] {
            Foundation.signal(signal, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signal, queue: .global())
            source.setEventHandler { handler(signal) }
            source.resume()
            sources.withLock { $0.append(SignalSource(source: source)) }
        }
    }
}
