import Synchronization

/// The size of a template's last output, reserved up front for the next one: growing the
/// buffer as a large page renders cost a fifth of the time. Shared by concurrent renders; a
/// stale value costs a reallocation, or a copy of an output much smaller than the reservation
/// (`Template.renderUTF8`).
final class SizeHint: Sendable {
    private let size: Atomic<Int>

    init(_ size: Int) {
        self.size = Atomic(size)
    }

    var value: Int {
        get { size.load(ordering: .relaxed) }
        set { size.store(newValue, ordering: .relaxed) }
    }
}
