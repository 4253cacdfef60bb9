import Synchronization

/// A compiled piece of template: renders the scope `S` it is given a pointer to into the buffer.
///
/// A struct around the closure rather than the bare function type: generic containers
/// (optionals, arrays, enum payloads) hold bare closures in their most general form, and every
/// call then goes through a reabstraction thunk, which cost a sixth of the rendering time.
struct Renderer<S>: Sendable {
    let run: @Sendable (UnsafePointer<S>, inout RenderBuffer) -> Void

    init(_ run: @escaping @Sendable (UnsafePointer<S>, inout RenderBuffer) -> Void) {
        self.run = run
    }

    @inline(__always)
    func callAsFunction(_ scope: UnsafePointer<S>, _ out: inout RenderBuffer) {
        run(scope, &out)
    }
}

/// One step of a body being compiled; `body` joins the steps into one renderer.
enum Step<S>: Sendable {
    case text([UInt8])
    case lineStart
    case render(Renderer<S>)

    /// The steps as one renderer, run in order.
    ///
    /// A balanced tree of closures rather than a loop over the array: a closure calls the
    /// closures it captured without retaining them, where taking each one out of an array would
    /// retain and release it, and the tree keeps the nesting logarithmic in the step count.
    static func body(_ steps: [Step<S>]) -> Renderer<S> {
        tree(steps.map(\.renderer)[...])
    }

    private var renderer: Renderer<S> {
        switch self {
        case .text(let text): Renderer { _, out in out.append(text) }
        case .lineStart: Renderer { _, out in out.startLine() }
        case .render(let render): render
        }
    }

    private static func tree(_ renderers: ArraySlice<Renderer<S>>) -> Renderer<S> {
        let start = renderers.startIndex
        switch renderers.count {
        case 0:
            return Renderer { _, _ in }
        case 1:
            return renderers[start]
        case 2:
            let (first, second) = (renderers[start], renderers[start + 1])
            return Renderer { scope, out in
                first(scope, &out)
                second(scope, &out)
            }
        case 3:
            let (first, second, third) = (renderers[start], renderers[start + 1], renderers[start + 2])
            return Renderer { scope, out in
                first(scope, &out)
                second(scope, &out)
                third(scope, &out)
            }
        default:
            let middle = start + renderers.count / 2
            return tree([tree(renderers[..<middle]), tree(renderers[middle...])][...])
        }
    }
}

extension Array {
    /// Appends text, joining it to text just before.
    mutating func appendText<S>(_ text: String) where Element == Step<S> {
        guard !text.isEmpty else { return }
        if case .text(let previous)? = last {
            self[count - 1] = .text(previous + text.utf8)
        } else {
            append(.text([UInt8](text.utf8)))
        }
    }
}

/// Holds a partial's renderer for the recursive uses compiled before it was finished. Written
/// once, while compiling; behind a mutex all the same, so the compiler can check it (recursive
/// partials are rare, and an uncontended lock costs nanoseconds).
final class RecursionBox<S>: Sendable {
    private let slot = Mutex(Renderer<S> { _, _ in })

    var renderer: Renderer<S> {
        get { slot.withLock { $0 } }
        set { slot.withLock { $0 = newValue } }
    }
}
