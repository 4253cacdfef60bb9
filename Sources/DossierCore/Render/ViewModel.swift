import Mustache

/// A view model that Mustache reads through a table of key paths instead of `Mirror`:
/// reflection per lookup would dominate the cost of rendering ten thousand pages.
///
/// Optional fields that are nil answer nil, so `{{#field}}` sections hide them.
protocol ViewModel: MustacheParent, Sendable {
    static var fields: [String: PartialKeyPath<Self>] { get }
}

extension ViewModel {
    func child(named name: String) -> Any? {
        guard let path = Self.fields[name] else { return nil }
        let value = self[keyPath: path]
        if let optional = value as? OptionalValue { return optional.wrappedValue }
        return value
    }
}

protocol OptionalValue {
    var wrappedValue: Any? { get }
}

extension Optional: OptionalValue {
    var wrappedValue: Any? { self.map { $0 as Any } }
}
