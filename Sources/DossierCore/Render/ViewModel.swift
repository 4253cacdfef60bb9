import Mustache

/// A view model that Mustache reads through a table of key paths instead of `Mirror`:
/// reflection per lookup would dominate the cost of rendering ten thousand pages.
///
/// Optional fields that are nil answer nil, so `{{#field}}` sections hide them.
protocol ViewModel: MustacheParent, Sendable {
    static var fields: [String: PartialKeyPath<Self>] { get }
}

extension ViewModel {
    /// A field's value; or, for `hasX` where `x` is a list field, whether the list is non-empty,
    /// so templates can wrap a list (`{{#hasTags}}<ul>…</ul>{{/hasTags}}`) without transforms.
    func child(named name: String) -> Any? {
        if let path = Self.fields[name] {
            let value = self[keyPath: path]
            if let optional = value as? OptionalValue { return optional.wrappedValue }
            return value
        }
        guard name.hasPrefix("has"), name.count > 3 else { return nil }
        let field = name.dropFirst(3).prefix(1).lowercased() + name.dropFirst(4)
        guard let path = Self.fields[field], let list = self[keyPath: path] as? any Collection else { return nil }
        return !list.isEmpty
    }
}

protocol OptionalValue {
    var wrappedValue: Any? { get }
}

extension Optional: OptionalValue {
    var wrappedValue: Any? { self.map { $0 as Any } }
}
