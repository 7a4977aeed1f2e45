import Mustache

/// Mustache's HTML escaping, the same text for the same input, done on bytes when it can be.
///
/// Mustache replaces `& < > " '` character by character; most values hold none of them, or are plain ASCII, where a
/// look at the bytes gives the same answer at a fraction of the cost. Other text keeps the character loop, so that a
/// quote joined by a combining mark stays as Mustache leaves it.
struct TemplateEscaping: MustacheContentType {
    /// The name templates select it by, in a `CONTENT_TYPE` pragma.
    static let name = "MINUTES_HTML"

    /// The pragma put before a template rendered as a page, so that it renders with this escaping.
    static let pragma = "{{% CONTENT_TYPE: \(name)}}"

    /// The name a template is registered under as a page; partials keep their own name, as written.
    static func pageName(_ template: String) -> String { "page:" + template }

    /// Makes the escaping available to templates; safe to call more than once.
    static func register() {
        MustacheContentTypes.register(TemplateEscaping(), named: name)
    }

    func escapeText(_ text: String) -> String {
        var text = text
        let escaped = text.withUTF8 { bytes -> String? in
            var plain = true
            var special = false
            for byte in bytes {
                if byte >= 0x80 { plain = false }
                if Self.replacement(for: byte) != nil { special = true }
            }
            if !special { return "" }
            guard plain else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 16)
            for byte in bytes {
                if let replacement = Self.replacement(for: byte) {
                    out.append(contentsOf: replacement.utf8)
                } else {
                    out.append(byte)
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
        switch escaped {
        case .some(let result) where result.isEmpty: return text
        case .some(let result): return result
        case .none: return Self.escapeCharacters(text)
        }
    }

    /// Mustache's own loop: whole characters, so that `"` followed by a combining mark is one character, not `"`.
    private static func escapeCharacters(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            // `asciiValue` is nil for a character of several scalars, such as a quote and a combining mark.
            if let byte = character.asciiValue, let replacement = replacement(for: byte) {
                out += replacement
            } else {
                out.append(character)
            }
        }
        return out
    }

    private static func replacement(for byte: UInt8) -> String? {
        switch byte {
        case UInt8(ascii: "<"): "&lt;"
        case UInt8(ascii: ">"): "&gt;"
        case UInt8(ascii: "&"): "&amp;"
        case UInt8(ascii: "\""): "&quot;"
        case UInt8(ascii: "'"): "&#39;"
        default: nil
        }
    }
}
