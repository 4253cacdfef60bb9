import TypedMustache

/// A JSON value, as the spec tests give their data.
enum JSON: Decodable, Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSON])
    case object([String: JSON])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let bool = try? container.decode(Bool.self) {
            self = .bool(bool)
        } else if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else if let string = try? container.decode(String.self) {
            self = .string(string)
        } else if let array = try? container.decode([JSON].self) {
            self = .array(array)
        } else {
            self = .object(try container.decode([String: JSON].self))
        }
    }

    /// How interpolation renders it: numbers without a needless `.0`, null and containers as nothing.
    var text: String {
        switch self {
        case .null, .array, .object: ""
        case .bool(let bool): String(bool)
        case .number(let number): number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
        case .string(let string): string
        }
    }
}

/// The spec's dynamic data as a `TemplateValue`: a JSON value on top of the stack of JSON values
/// it was reached in. Every name resolves, to a runtime key lookup down that stack, so the spec's
/// missing-name and falsy semantics hold; typed values reject unknown names at compile time instead.
///
/// The stack lives in the value (not in the engine's typed scope chain) because a JSON lookup can
/// miss at runtime and must then go on outwards, which a typed chain resolves at compile time.
struct JSONContext: TemplateValue {
    /// Innermost first.
    var stack: [JSON]
    /// Reached through a dotted name (`a.b`): names are looked up on the top value alone.
    var isDotted = false

    static var fieldNames: [String] { [] }

    static func field(named name: String) -> TemplateField<JSONContext>? {
        .dynamic(
            text: { $0.lookup(name)?.text ?? "" },
            sections: { context in context.lookup(name).map(context.sections) ?? [] },
            member: { context in JSONContext(stack: [context.lookup(name) ?? .null] + context.outer, isDotted: true) })
    }

    static var selfField: TemplateField<JSONContext>? {
        .dynamic(text: { $0.stack[0].text }, sections: { $0.sections(of: $0.stack[0]) }, member: { $0 })
    }

    private func lookup(_ name: String) -> JSON? {
        for case .object(let object) in isDotted ? stack.prefix(1) : stack[...] {
            if let value = object[name] { return value }
        }
        return nil
    }

    /// The stack a section pushes onto: without the value a dotted name stepped through.
    private var outer: ArraySlice<JSON> {
        isDotted ? stack.dropFirst() : stack[...]
    }

    /// The contexts a section over `value` renders with: none when falsy, one per element of a list.
    private func sections(of value: JSON) -> [JSONContext] {
        switch value {
        case .null, .bool(false): []
        case .array(let elements): elements.map { JSONContext(stack: [$0] + outer) }
        default: [JSONContext(stack: [value] + outer)]
        }
    }
}
