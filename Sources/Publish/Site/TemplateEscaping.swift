import Ingest
import Mustache

/// Mustache's HTML escaping, the same text for the same input, done on bytes when it can be.
///
/// Mustache replaces `& < > " '` character by character; most values hold none of them, or hold them between ASCII
/// bytes, where a look at the bytes gives the same answer at a fraction of the cost. Other text keeps the character
/// loop, so that a quote joined by a combining mark stays as Mustache leaves it.
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

    func escapeText(_ text: String) -> String { Self.escape(text) }

    /// `text` escaped as Mustache's HTML escaping does.
    static func escape(_ text: String) -> String {
        var out = ByteWriter(capacity: text.utf8.count + 16)
        switch text.withUTF8Bytes({ escape($0, appendingTo: &out) }) {
        case .unchanged: return text
        case .appended: return String(decoding: out.bytes(), as: UTF8.self)
        case .needsCharacters: return escapeCharacters(text)
        }
    }

    /// `text` escaped as Mustache's HTML escaping does, appended to `out` as UTF-8.
    static func escape(_ text: String, into out: inout [UInt8]) {
        var writer = ByteWriter(capacity: text.utf8.count + 16)
        escape(text, into: &writer)
        out += writer.bytes()
    }

    /// `text` escaped as Mustache's HTML escaping does, written to `out` as UTF-8: a page is written as bytes.
    static func escape(_ text: String, into out: inout ByteWriter) {
        text.withUTF8Bytes { escape($0, into: &out) }
    }

    /// The text of the UTF-8 bytes `text` (valid UTF-8) escaped as Mustache's HTML escaping does, written to `out`.
    static func escape(_ text: UnsafeBufferPointer<UInt8>, into out: inout ByteWriter) {
        switch escape(text, appendingTo: &out) {
        case .unchanged: out.append(text)
        case .appended: break
        case .needsCharacters: out.append(escapeCharacters(String(decoding: text, as: UTF8.self)))
        }
    }

    /// What the byte look made of a text.
    private enum Outcome {
        /// Nothing to escape: nothing was appended.
        case unchanged
        /// The escaped text was appended.
        case appended
        /// A special byte may share its `Character` with another scalar: nothing was appended.
        case needsCharacters
    }

    /// Appends the text of the UTF-8 bytes `bytes` escaped to `out` when a look at them gives Mustache's answer.
    private static func escape(_ bytes: UnsafeBufferPointer<UInt8>, appendingTo out: inout ByteWriter) -> Outcome {
        // One look at the bytes for one of the five, eight at a time (the last word overlapping the one before);
        // most text has none. Only text that has one is looked at again, for bytes that are not ASCII.
        var special = false
        if let base = bytes.baseAddress, bytes.count >= 8 {
            var index = 0
            while index + 8 <= bytes.count {
                if Self.mayHoldSpecial(ASCIIWord.load(base, at: index)) {
                    special = true
                    break
                }
                index += 8
            }
            if !special, index < bytes.count {
                special = Self.mayHoldSpecial(ASCIIWord.load(base, at: bytes.count - 8))
            }
        } else {
            special = bytes.contains(where: Self.isSpecial)
        }
        if !special { return .unchanged }
        if !specialsStandAlone(bytes) { return .needsCharacters }
        var copied = 0
        forEachSpecial(in: bytes) { index in
            out.append(UnsafeBufferPointer(rebasing: bytes[copied..<index]))
            out.append(Self.replacementLiteral(for: bytes[index]))
            copied = index + 1
        }
        out.append(UnsafeBufferPointer(rebasing: bytes[copied...]))
        return .appended
    }

    /// Whether each of the five in the UTF-8 bytes `bytes` is a `Character` of its own, known from its neighbours.
    ///
    /// Between two ASCII scalars (but CR LF) a `Character` always ends, so one of the five with ASCII bytes (or an
    /// end) on both sides is a `Character` of its own, as in ASCII text. Another may share its `Character` with a
    /// mark or a prepended scalar: then the answer is `false`, and the text is left to a loop over its characters.
    /// (Text with a CR is looked at too: it has no byte that is not ASCII, so it passes.)
    static func specialsStandAlone(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !TextSearch.isPlainASCII(bytes) else { return true }
        var alone = true
        forEachSpecial(in: bytes) { index in
            if index > 0 && bytes[index - 1] >= 0x80 || index + 1 < bytes.count && bytes[index + 1] >= 0x80 {
                alone = false
            }
        }
        return alone
    }

    /// Calls `body` with the place of each of the five in `bytes`, in order, found eight bytes at a time.
    @inline(__always)
    private static func forEachSpecial(in bytes: UnsafeBufferPointer<UInt8>, _ body: (Int) -> Void) {
        var index = 0
        if let base = bytes.baseAddress {
            while index + 8 <= bytes.count {
                // Little-endian, so that the lowest bit set is the first byte on any machine (free on little-endian ones).
                let found = specialBits(UInt64(littleEndian: ASCIIWord.load(base, at: index)))
                if found == 0 {
                    index += 8
                    continue
                }
                // The lowest bit is exact: the first of the five in the word, and the search goes on after it.
                index += found.trailingZeroBitCount / 8
                body(index)
                index += 1
            }
        }
        while index < bytes.count {
            if isSpecial(bytes[index]) { body(index) }
            index += 1
        }
    }

    /// Whether `byte` is one of the five bytes Mustache replaces (`"`, `&`, `'`, `<`, `>`, all below 0x40).
    static func isSpecial(_ byte: UInt8) -> Bool {
        byte < 0x40 && (1 << 0x22 | 1 << 0x26 | 1 << 0x27 | 1 << 0x3C | 1 << 0x3E) & (1 as UInt64) << byte != 0
    }

    /// Whether any byte of `word` is one of the five.
    static func mayHoldSpecial(_ word: UInt64) -> Bool { specialBits(word) != 0 }

    /// The high bit of the first byte of `word` (loaded little-endian) that is one of the five, and of some later ones.
    ///
    /// Zero when none is, and the lowest bit set is exact. `"`, then `&` or `'` (which differ in the lowest bit only),
    /// then `<` or `>` (which differ in the next bit only): three tests for five.
    @inline(__always)
    static func specialBits(_ word: UInt64) -> UInt64 {
        ASCIIWord.matches(word, 0x22) | ASCIIWord.matches(word | 0x0101_0101_0101_0101, 0x27)
            | ASCIIWord.matches(word | 0x0202_0202_0202_0202, 0x3E)
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

    /// What replaces `byte`, one of the five.
    private static func replacementLiteral(for byte: UInt8) -> StaticString {
        switch byte {
        case UInt8(ascii: "<"): "&lt;"
        case UInt8(ascii: ">"): "&gt;"
        case UInt8(ascii: "&"): "&amp;"
        case UInt8(ascii: "\""): "&quot;"
        default: "&#39;"
        }
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
