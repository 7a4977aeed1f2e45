import Foundation

/// URL- and file-safe slugs: lower-case ASCII letters, digits and single hyphens.
public enum Slug {
    /// The slug of `text`, cut at a word boundary to at most `maxLength` characters.
    ///
    /// Accents are folded (`Réunion` → `reunion`); the result never contains `/`, `..` or control characters.
    public static func make(_ text: String, maxLength: Int = 60) -> String {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
        var out = ""
        var pendingHyphen = false
        for scalar in folded.unicodeScalars {
            let value = scalar.value
            let isAlphanumeric = (0x61...0x7A).contains(value) || (0x30...0x39).contains(value)
            if isAlphanumeric {
                if pendingHyphen, !out.isEmpty { out.append("-") }
                pendingHyphen = false
                out.unicodeScalars.append(scalar)
            } else {
                pendingHyphen = true
            }
        }
        guard out.count > maxLength else { return out }
        let cut = out.prefix(maxLength)
        if let hyphen = cut.lastIndex(of: "-"), cut.distance(from: cut.startIndex, to: hyphen) > maxLength / 2 {
            return String(cut[..<hyphen])
        }
        return String(cut)
    }
}
