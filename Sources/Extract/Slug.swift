import Foundation

/// URL- and file-safe slugs: lower-case ASCII letters, digits and single hyphens.
public enum Slug {
    /// The slug of `text`, cut at a word boundary to at most `maxLength` characters.
    ///
    /// Accents are folded (`Réunion` → `reunion`); the result never contains `/`, `..` or control characters.
    public static func make(_ text: String, maxLength: Int = 60) -> String {
        // Plain text is cut as its bytes are written, so the slug is made once.
        if let out = asciiWords(text, maxLength: maxLength) { return out }
        var out = foldedWords(text)
        // A slug is ASCII (letters, digits and hyphens): each byte is a character, counted and cut on the bytes.
        let kept = out.withUTF8 { keptLength(of: $0, maxLength: maxLength) }
        return kept == out.utf8.count ? out : String(decoding: out.utf8.prefix(kept), as: UTF8.self)
    }

    /// How many of the bytes of a slug are kept to cut it at a word boundary to at most `maxLength` bytes (all of
    /// them when there are no more), at the last hyphen when that keeps more than half.
    private static func keptLength(of bytes: UnsafeBufferPointer<UInt8>, maxLength: Int) -> Int {
        guard bytes.count > maxLength else { return bytes.count }
        if let hyphen = bytes[..<maxLength].lastIndex(of: UInt8(ascii: "-")), hyphen > maxLength / 2 { return hyphen }
        return maxLength
    }

    /// The words of ASCII `text`, lower-cased and joined by hyphens, read on its bytes (folding leaves ASCII but its
    /// case as it is), cut as ``make(_:maxLength:)`` cuts them; `nil` when `text` is not ASCII.
    ///
    /// General punctuation from U+2010 to U+205E (dashes, quotes, bullets, as in `Board – Minutes`) is allowed too:
    /// folding makes none of it a letter or digit, so each such scalar only parts words, as any other byte that is
    /// not a letter or digit does.
    static func asciiWords(_ text: String, maxLength: Int = .max) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            guard !bytes.contains(where: { $0 >= 0x80 }) || holdsOnlyGeneralPunctuation(bytes) else { return nil }
            return String(unsafeUninitializedCapacity: bytes.count) { out in
                var count = 0
                var pendingHyphen = false
                for byte in bytes {
                    // A byte of general punctuation is no letter or digit: it parts words.
                    let lower = (0x41...0x5A).contains(byte) ? byte | 0x20 : byte
                    if (0x61...0x7A).contains(lower) || (0x30...0x39).contains(lower) {
                        if pendingHyphen, count > 0 {
                            out[count] = UInt8(ascii: "-")
                            count += 1
                        }
                        pendingHyphen = false
                        out[count] = lower
                        count += 1
                    } else {
                        pendingHyphen = true
                    }
                }
                return keptLength(of: UnsafeBufferPointer(rebasing: out[..<count]), maxLength: maxLength)
            }
        }
    }

    /// Whether the bytes from 0x80 of well-formed UTF-8 `bytes` all spell scalars from U+2010 to U+205E
    /// (`E2 80 90`…`E2 80 BF`, `E2 81 80`…`E2 81 9E`).
    private static func holdsOnlyGeneralPunctuation(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < bytes.count {
            guard bytes[index] >= 0x80 else {
                index += 1
                continue
            }
            guard bytes[index] == 0xE2, index + 2 < bytes.count else { return false }
            let second = bytes[index + 1]
            let third = bytes[index + 2]
            guard second == 0x80 && third >= 0x90 || second == 0x81 && third <= 0x9E else { return false }
            index += 3
        }
        return true
    }

    /// The words of `text`, accents, case and width folded, joined by hyphens.
    static func foldedWords(_ text: String) -> String {
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
        return out
    }
}
