import Foundation
import Testing
import TypedMustache

/// The depth limits must hold on the smallest stacks renders run on: 512 KiB, the size of a
/// secondary thread on macOS (where Swift concurrency's threads get no more).
@Suite struct StackSafety {
    private func onSmallStack(_ body: @escaping @Sendable () -> Void) async {
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            let thread = Thread {
                body()
                done.resume()
            }
            thread.stackSize = 512 * 1024
            thread.start()
        }
    }

    @Test func deepestRecursionThatRendersFitsASmallStack() async {
        await onSmallStack {
            var deep = Comment(text: "leaf")
            for _ in 0..<600 { deep = Comment(text: "node", replies: [deep]) }
            let discussion = Discussion(title: "", comments: [deep])
            let template = try! Template<Discussion>(
                "{{#comments}}{{>comment}}{{/comments}}", partials: ["comment": "{{#replies}}{{>comment}}{{/replies}}"])
            #expect(throws: TemplateError.self) { try template.render(discussion) }
        }
    }

    @Test func deepestNestingThatCompilesFitsASmallStack() async {
        await onSmallStack {
            // Partials nest deepest per level; sections render deepest.
            var chain: [String: String] = [:]
            for index in 0..<62 { chain["p\(index)"] = "{{>p\(index + 1)}}" }
            chain["p62"] = "{{site.name}}"
            #expect(try! Template<Page>("{{>p0}}", partials: chain).render(.example) == "Dossier")
            chain["p62"] = "{{>p63}}"
            chain["p63"] = "{{>p64}}"
            chain["p64"] = "{{site.name}}"
            let failure = #expect(throws: TemplateErrors.self) { try Template<Page>("{{>p0}}", partials: chain) }
            #expect(failure?.description == "p63.mustache:1:1: templates nest more than 64 levels deep")
            let sections = String(repeating: "{{#site}}", count: 63) + "{{name}}" + String(repeating: "{{/site}}", count: 63)
            #expect(try! Template<Page>(sections).render(.example) == "Dossier")
        }
    }
}
