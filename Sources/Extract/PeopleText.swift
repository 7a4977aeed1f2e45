/// String work the people reader does on every entry (lower case, words, character tests, ``PersonEntryParser/clean(_:)``),
/// done on the UTF-8 bytes where the text is ASCII and by the standard library's character reading otherwise, with
/// the same answer either way.
enum PeopleText {
    /// `text.lowercased()`, on the bytes when `text` is ASCII.
    static func lowercased(_ text: some StringProtocol) -> String {
        var upper = false
        for byte in text.utf8 {
            guard byte < 0x80 else { return text.lowercased() }
            if PeopleBytes.isUpperLetter(byte) { upper = true }
        }
        guard upper else { return String(text) }
        let bytes = text.utf8
        return String(unsafeUninitializedCapacity: bytes.count) { buffer in
            var count = 0
            for byte in bytes {
                buffer[count] = PeopleBytes.isUpperLetter(byte) ? byte | 0x20 : byte
                count += 1
            }
            return count
        }
    }

    /// `text.split(separator: " ")`: the words between spaces, without empty ones.
    ///
    /// A space between ASCII bytes is a character of its own, so the words are cut at such spaces on the bytes; a space
    /// beside any other byte, which a mark may join, leaves the text to the character reading.
    static func words(_ text: String) -> [Substring] {
        var words: [Substring] = []
        let utf8 = text.utf8
        var start = utf8.startIndex
        var index = start
        var previous = UInt8(ascii: " ")
        while index < utf8.endIndex {
            let byte = utf8[index]
            let next = utf8.index(after: index)
            if byte == UInt8(ascii: " ") {
                guard previous < 0x80, next == utf8.endIndex || utf8[next] < 0x80 else {
                    return text.split(separator: " ")
                }
                if start < index { words.append(text[start..<index]) }
                start = next
            }
            previous = byte
            index = next
        }
        if start < utf8.endIndex { words.append(text[start..<utf8.endIndex]) }
        return words
    }

    /// `text.split(separator: " ").count`, without making the words.
    static func wordCount(_ text: String) -> Int {
        var count = 0
        var inWord = false
        var previous = UInt8(ascii: " ")
        let utf8 = text.utf8
        var index = utf8.startIndex
        while index < utf8.endIndex {
            let byte = utf8[index]
            let next = utf8.index(after: index)
            if byte == UInt8(ascii: " ") {
                guard previous < 0x80, next == utf8.endIndex || utf8[next] < 0x80 else {
                    return text.split(separator: " ").count
                }
                inWord = false
            } else if !inWord {
                inWord = true
                count += 1
            }
            previous = byte
            index = next
        }
        return count
    }

    /// `text.allSatisfy(character)`, where `ascii` gives the same answer as `character` for each ASCII character, so
    /// that ASCII text is read byte by byte.
    static func allSatisfy(
        _ text: some StringProtocol,
        ascii: (UInt8) -> Bool,
        character: (Character) -> Bool
    ) -> Bool {
        for byte in text.utf8 {
            guard byte < 0x80 else { return text.allSatisfy(character) }
            if !ascii(byte) { return false }
        }
        return true
    }

    /// Whether an ASCII byte is a letter (`Character.isLetter`).
    static func isLetter(_ byte: UInt8) -> Bool { PeopleBytes.isUpperLetter(byte) || PeopleBytes.isLowerLetter(byte) }

    /// Whether an ASCII byte is a letter or digit (`Character.isLetter || Character.isNumber`).
    static func isAlphanumeric(_ byte: UInt8) -> Bool { isLetter(byte) || PeopleBytes.isDigit(byte) }

    // MARK: Cleaning

    /// ``PersonEntryParser/clean(_:)`` of ASCII `text`, on its bytes; `nil` when `text` is not ASCII.
    static func cleanASCII(_ text: String) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            guard byte < 0x80 else { return nil }
            bytes.append(byte)
        }
        // `replacingAll("**", with: "")`, then the same of `__`.
        bytes = removingPairs(of: UInt8(ascii: "*"), in: bytes)
        bytes = removingPairs(of: UInt8(ascii: "_"), in: bytes)
        bytes = tidied(bytes)
        // Leading list glyphs and quote markers (the ASCII ones of `*•·▪◦>`), each followed by what tidy trims.
        var start = 0
        while start < bytes.count, bytes[start] == UInt8(ascii: "*") || bytes[start] == UInt8(ascii: ">") {
            start += 1
            while start < bytes.count, bytes[start] == UInt8(ascii: " ") { start += 1 }
        }
        var end = bytes.count
        while end > start {
            let last = bytes[end - 1]
            guard last == UInt8(ascii: ".") || last == UInt8(ascii: ";") || last == UInt8(ascii: ",") else { break }
            // `..` stays, and so does the full stop of an initial (`Dan A.`).
            if last == UInt8(ascii: "."), end - start >= 2, bytes[end - 2] == UInt8(ascii: ".") { break }
            if last == UInt8(ascii: "."), end - start >= 3, PeopleBytes.isUpperLetter(bytes[end - 2]),
                bytes[end - 3] == UInt8(ascii: " ")
            {
                break
            }
            end -= 1
            while end > start, bytes[end - 1] == UInt8(ascii: " ") { end -= 1 }
        }
        if start == 0, end == bytes.count, bytes.elementsEqual(text.utf8) { return text }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// `bytes` without each pair of `byte` found from the left, as `replacing` removes a two-byte target.
    private static func removingPairs(of byte: UInt8, in bytes: [UInt8]) -> [UInt8] {
        guard bytes.contains(byte) else { return bytes }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == byte, index + 1 < bytes.count, bytes[index + 1] == byte {
                index += 2
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        return out
    }

    /// ``tidy(_:)`` of ASCII bytes: runs of white space made one space, none at the ends.
    private static func tidied(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var pendingSpace = false
        for byte in bytes {
            if PeopleBytes.isSpace(byte) {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(UInt8(ascii: " ")) }
                pendingSpace = false
                out.append(byte)
            }
        }
        return out
    }
}
