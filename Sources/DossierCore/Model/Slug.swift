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
        if let slug = asciiSlug(text) { return slug }
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

    /// `make` for ASCII text, where lowercasing is per byte and decomposing changes nothing:
    /// most tags and names, and the Foundation decomposition cost more than all the rest.
    /// Nil for any other text.
    private static func asciiSlug(_ text: String) -> String? {
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
        var slug: [UInt8] = []
        slug.reserveCapacity(text.utf8.count)
        var pendingHyphen = false
        for byte in text.utf8 {
            let lower = byte >= 65 && byte <= 90 ? byte + 32 : byte
            if (lower >= 97 && lower <= 122) || (lower >= 48 && lower <= 57) {
                if pendingHyphen, !slug.isEmpty { slug.append(UInt8(ascii: "-")) }
                slug.append(lower)
                pendingHyphen = false
            } else {
                pendingHyphen = true
            }
        }
        return String(decoding: slug, as: UTF8.self)
    }
}

