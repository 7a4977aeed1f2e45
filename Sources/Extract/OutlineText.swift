import Ingest

/// Whether `text` may hold a date ``DateParser`` finds: each date it reads has a number in ASCII digits, so text
/// without a digit is passed over before its tokenising.
func mayHoldDate(_ text: String) -> Bool {
    PeopleBytes.containsByte(text) { $0 &- 0x30 < 10 }
}

/// Whether `character` is `.`, `!` or `?`: what `".!?".contains(character)` says, without walking the literal's
/// characters.
@inline(__always) func isSentenceStop(_ character: Character) -> Bool {
    character == "." || character == "!" || character == "?"
}

/// Whether `character` ends a sentence (``isSentenceStop(_:)``) or a label (`:`), after which a line starts afresh.
@inline(__always) func endsSentenceOrLabel(_ character: Character) -> Bool {
    isSentenceStop(character) || character == ":"
}

/// Whether every character of `text` is white space or a colon: on the bytes when `text` is ASCII (where a carriage
/// return and line feed, one character, are both), by characters otherwise.
///
/// Any other ASCII byte answers at once: the character holding it starts with it, or with a prepended mark that is
/// no space either.
func isBlankOrColons(_ text: String) -> Bool {
    // A native string's bytes are read in place; a bridged one's are copied first.
    text.utf8.withContiguousStorageIfAvailable { isBlankOrColons($0) }
        ?? Array(text.utf8).withUnsafeBufferPointer { isBlankOrColons($0) }
}

/// ``isBlankOrColons(_:)`` of the text whose UTF-8 bytes are `bytes`.
func isBlankOrColons(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    for byte in bytes {
        if byte >= 0x80 { return String(decoding: bytes, as: UTF8.self).allSatisfy { $0.isWhitespace || $0 == ":" } }
        if byte != UInt8(ascii: " "), byte != UInt8(ascii: ":"), !(0x09...0x0D).contains(byte) { return false }
    }
    return true
}

/// `text.count <= limit`, without counting characters where the bytes tell: no text has more characters than
/// bytes, and plain ASCII has one character a byte.
func hasAtMost(_ limit: Int, charactersIn text: String) -> Bool {
    text.utf8.count <= limit || !TextSearch.isPlainASCII(text) && text.count <= limit
}

/// The parts of `text` between ASCII `separator` characters, split on the bytes; `nil` when that may differ.
///
/// What `text.split(separator:omittingEmptySubsequences: false)` gives: a separator byte between ASCII bytes (or an
/// end) is a character of its own, as no mark joins it to an ASCII neighbour. When one touches other text, the
/// caller splits the characters, as it does for `;`, `` ` `` and `K` in text that is not all ASCII (U+037E, U+1FEF
/// and U+212A are those characters too).
func splitStandingAlone(_ text: String, at separator: UInt8) -> [Substring]? {
    if separator == 0x3B || separator == 0x60 || separator == 0x4B, !TextSearch.isPlainASCII(text) { return nil }
    // The separators are found on the bytes, read in place; the parts are cut from the text where they stand.
    let utf8 = text.utf8
    /// The part of `text` from byte `start` up to byte `end`.
    func part(_ start: Int, _ end: Int) -> Substring {
        let lower = utf8.index(utf8.startIndex, offsetBy: start)
        return text[lower..<utf8.index(lower, offsetBy: end - start)]
    }
    return PeopleBytes.withBytes(text) { bytes -> [Substring]? in
        var parts: [Substring] = []
        var start = 0
        for index in bytes.indices where bytes[index] == separator {
            guard index == 0 || bytes[index - 1] < 0x80, index + 1 == bytes.count || bytes[index + 1] < 0x80 else {
                return nil
            }
            parts.append(part(start, index))
            start = index + 1
        }
        parts.append(part(start, bytes.count))
        return parts
    }
}

/// `row` without a `|` character at its start and one at its end, as `hasPrefix("|")` and `hasSuffix("|")` find
/// them: on the bytes where the `|` byte has an ASCII byte or the end beside it, so stands alone as a character
/// (no mark joins it to an ASCII neighbour), by characters otherwise, without counting the row's characters.
func droppingEndPipes(_ row: String) -> Substring {
    var trimmed = Substring(row)
    if trimmed.utf8.first == 0x7C {
        let next = trimmed.utf8.index(after: trimmed.utf8.startIndex)
        if next == trimmed.utf8.endIndex || trimmed.utf8[next] < 0x80 {
            trimmed = trimmed[next...]
        } else if trimmed.hasPrefix("|") {
            trimmed = trimmed.dropFirst()
        }
    }
    if trimmed.utf8.last == 0x7C {
        let last = trimmed.utf8.index(before: trimmed.utf8.endIndex)
        if last == trimmed.utf8.startIndex || trimmed.utf8[trimmed.utf8.index(before: last)] < 0x80 {
            trimmed = trimmed[..<last]
        } else if trimmed.hasSuffix("|") {
            trimmed = trimmed.dropLast()
        }
    }
    return trimmed
}

/// `text.split(separator: " ")`, the words between spaces (none empty), cut on the bytes when each space stands alone
/// between ASCII bytes or the ends (``splitStandingAlone(_:at:)``), by characters otherwise.
func spacedWords(_ text: String) -> [Substring] {
    guard let parts = splitStandingAlone(text, at: 0x20) else { return text.split(separator: " ") }
    return parts.filter { !$0.isEmpty }
}
