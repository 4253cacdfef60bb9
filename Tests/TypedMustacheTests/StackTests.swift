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

    /// Inside a comment, `comments` is found again on the discussion: every level branches, and
    /// the output would double per level before the depth limit ends each path. Rendering stops
    /// at the first failure instead of walking the other 2^100 paths.
    @Test(.timeLimit(.minutes(1))) func aRecursionThatBranchesAtEveryLevelStopsAtTheFirstFailure() throws {
        let discussion = Discussion(title: "", comments: [Comment(text: "a"), Comment(text: "b")])
        let template = try Template<Discussion>("{{#comments}}{{>thread}}{{/comments}}", partials: ["thread": "{{text}}{{#comments}}{{>thread}}{{/comments}}"])
        let failure = #expect(throws: TemplateError.self) { try template.render(discussion) }
        #expect(failure?.message == "rendering nests more than 200 levels deep through 'thread'; is the data cyclic or too deep?")
    }

    /// A tree that is shallow but very wide still stops: at most 100,000 recursions per render.
    @Test func aRecursionOverTooManyNodesStopsWithAnError() throws {
        let leaves = (0..<400).map { Comment(text: "\($0)") }
        let discussion = Discussion(title: "", comments: (0..<400).map { Comment(text: "\($0)", replies: leaves) })
        let template = try Template<Discussion>("{{#comments}}{{>thread}}{{/comments}}", partials: ["thread": "{{#replies}}{{>thread}}{{/replies}}"])
        let failure = #expect(throws: TemplateError.self) { try template.render(discussion) }
        #expect(failure?.message == "rendering recursed through 'thread' more than 100000 times; does it recurse over a list its scope finds again at every level?")
    }
}
