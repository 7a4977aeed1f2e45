/// First looks at the UTF-8 bytes of people lines, which answer as the character-level reading would where the
/// bytes can tell (ASCII text, or an ASCII character that no other can join) and leave the rest to it.
enum PeopleBytes {
    /// Whether `text` may be a `Label: value` line as ``PersonBlockReader/labelled(_:)`` reads it.
    ///
    /// `false` only when that reading finds no label: there is no colon, or before the first one stands a
    /// character no label holds (`,`, `?`, a quote) or seven words or more (a label has five at most, and a head
    /// count in brackets takes one away).
    static func mayBeLabelled(_ text: String) -> Bool {
        var words = 0
        var inWord = false
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: ":") { return true }
            defer { previous = byte }
            guard byte < 0x80 else { continue }
            if isSpace(byte) {
                inWord = false
                continue
            }
            // An ASCII character after another starts a character of its own, which no label may hold.
            if !isLabelByte(byte), previous < 0x80 { return false }
            // Words that are no more than the markup a label loses at its ends do not count.
            if !inWord, !isMarkup(byte) {
                inWord = true
                words += 1
                if words >= 7 { return false }
            }
        }
        return false
    }

    /// Whether `text` in lower case, without spaces and full stops at its ends, may open with a role lead
    /// (`Notes taken by`) or end with a note-taking phrase (`took notes`); `false` only when it cannot.
    static func mayOpenOrEndRoleLine(_ text: String) -> Bool {
        guard let lowered = loweredASCII(text) else { return true }
        var start = lowered.startIndex
        var end = lowered.endIndex
        while start < end, lowered[start] == UInt8(ascii: " ") || lowered[start] == UInt8(ascii: ".") { start += 1 }
        while end > start, lowered[end - 1] == UInt8(ascii: " ") || lowered[end - 1] == UInt8(ascii: ".") { end -= 1 }
        let line = lowered[start..<end]
        return roleLeadBytes.contains { line.starts(with: $0) }
            || noteTakingBytes.contains { line.count >= $0.count && line.suffix($0.count).elementsEqual($0) }
    }

    /// The text of an ASCII `text` kept by ``PeopleWords/labelKey(_:)`` (letters, digits, spaces and
    /// `'()/-&,`), in lower case; `nil` when `text` is not ASCII.
    static func keptLowercasedASCII(_ text: String) -> String? {
        guard let lowered = loweredASCII(text) else { return nil }
        let kept = lowered.filter { byte in
            isLowerLetter(byte) || isDigit(byte) || isSpace(byte) || keyPunctuation.contains(byte)
        }
        return String(decoding: kept, as: UTF8.self)
    }

    /// The bytes of `text` with ASCII letters in lower case; `nil` when `text` is not ASCII.
    static func loweredASCII(_ text: String) -> [UInt8]? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            guard byte < 0x80 else { return nil }
            bytes.append(isUpperLetter(byte) ? byte | 0x20 : byte)
        }
        return bytes
    }

    private static let roleLeadBytes = PeopleWords.roleLeads.map { Array(($0.phrase + " ").utf8) }
    private static let noteTakingBytes = PeopleWords.noteTakingPhrases.map { Array((" " + $0).utf8) }
    private static let keyPunctuation = Array("'()/-&,".utf8)

    /// The ASCII spaces ``tidy(_:)`` and `Character.isWhitespace` agree on.
    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }
    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    static func isUpperLetter(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }
    static func isLowerLetter(_ byte: UInt8) -> Bool { byte >= 0x61 && byte <= 0x7A }

    /// An ASCII byte a label may hold, or lose at its ends (`*_#`), or hold in a head count (`(14)`).
    private static func isLabelByte(_ byte: UInt8) -> Bool {
        isUpperLetter(byte) || isLowerLetter(byte) || isDigit(byte) || labelPunctuation.contains(byte)
    }

    private static let labelPunctuation = Array("'-&.*_#()".utf8)

    /// The bytes a label loses at its ends.
    private static func isMarkup(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "*") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "#") || byte == UInt8(ascii: "-")
    }
}
