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

/// Card and row fragments kept across incremental rebuilds, by briefing object: a changed summary
/// re-renders the few list pages that show it, and each of those pages would otherwise render its
/// hundred rows again. Valid while the templates are unchanged (`begin` clears it otherwise);
/// entries hold their briefings, so an object identifier is never reused while it is a key here.
final class BriefingFragmentMemory: @unchecked Sendable {
    struct Key: Hashable {
        var template: String
        var depth: Int
    }

    private let lock = NSLock()
    private var templates: Int?
    private var entries: [ObjectIdentifier: (briefing: Briefing, fragments: [Key: String])] = [:]

    init() {}

    /// Starts a build of `briefings` with templates whose texts hash to `templates`; drops what
    /// the build cannot use.
    func begin(templates: Int, briefings: [Briefing]) {
        lock.withLock {
            if self.templates != templates {
                self.templates = templates
                entries = [:]
            } else if entries.count > briefings.count + briefings.count / 4 {
                let live = Set(briefings.map(ObjectIdentifier.init))
                entries = entries.filter { live.contains($0.key) }
            }
        }
    }

    func value(for briefing: Briefing, template: String, depth: Int, make: () -> String) -> String {
        let id = ObjectIdentifier(briefing)
        let key = Key(template: template, depth: depth)
        if let kept = lock.withLock({ entries[id]?.fragments[key] }) { return kept }
        let made = make()
        lock.withLock {
            if entries[id] == nil { entries[id] = (briefing, [:]) }
            entries[id]!.fragments[key] = made
        }
        return made
    }
}
