import Foundation

/// Turns tags and names into URL path segments: lowercase ASCII letters, digits and hyphens.
public enum Slug {
    /// Longest page name: well under file systems' 255-byte names once `.html` or a suffix is
    /// added, and short enough for a URL someone reads. `check` enforces it, so `build` never
    /// fails later with "File name too long".
    public static let maximumLength = 100

    /// The error for a slug longer than `maximumLength`, or nil.
    public static func lengthProblem(_ slug: String, what: String) -> String? {
        slug.utf8.count > maximumLength ? "\(what) makes a page name of \(slug.utf8.count) characters; at most \(maximumLength) are allowed" : nil
    }

    public static func make(_ text: String) -> String {
        var slug = ""
        var pendingHyphen = false
        for scalar in text.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                if pendingHyphen, !slug.isEmpty { slug.append("-") }
                slug.unicodeScalars.append(scalar)
                pendingHyphen = false
            } else if scalar.properties.generalCategory == .nonspacingMark {
                continue
            } else {
                pendingHyphen = true
            }
        }
        return slug
    }
}

