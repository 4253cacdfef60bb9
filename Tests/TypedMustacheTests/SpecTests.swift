import Foundation
import Testing
import TypedMustache

/// One test from the official Mustache spec (github.com/mustache/spec, JSON files in `Spec/`).
struct SpecCase: Decodable, Sendable, CustomTestStringConvertible {
    var name: String
    var template: String
    var data: JSON
    var partials: [String: String]?
    var expected: String
    var file = ""

    enum CodingKeys: String, CodingKey {
        case name, template, data, partials, expected
    }

    var testDescription: String { "\(file): \(name)" }

    /// Every test of the modules this engine implements. Lambdas (`~lambdas`) and dynamic names
    /// (`~dynamic-names`) are optional modules it leaves out.
    static let all: [SpecCase] = {
        struct File: Decodable { var tests: [SpecCase] }
        let modules = ["comments", "delimiters", "interpolation", "inverted", "partials", "sections", "~inheritance"]
        return modules.flatMap { module in
            let url = Bundle.module.url(forResource: module, withExtension: "json", subdirectory: "Spec")!
            let file = try! JSONDecoder().decode(File.self, from: Data(contentsOf: url))
            return file.tests.map { test in
                var test = test
                test.file = module
                return test
            }
        }
    }()
}

@Test(arguments: SpecCase.all)
func spec(_ test: SpecCase) throws {
    var sources = test.partials ?? [:]
    sources["__spec__"] = test.template
    let template = try TemplateLibrary(sources, allowsMissingTemplates: true).compile("__spec__", for: JSONContext.self)
    #expect(try template.render(JSONContext(stack: [test.data])) == test.expected)
}

@Test func specHasEveryCase() {
    #expect(SpecCase.all.count == 163)
}
