import Ingest

/// String work the people reader does on every entry (lower case, words, character tests, ``PersonEntryParser/clean(_:)``),
/// done on the UTF-8 bytes where the text is ASCII and by the standard library's character reading otherwise, with
/// the same answer either way.
enum PeopleText {
    /// `text.lowercased()`, on the bytes when `text` is ASCII, Latin-1 or Latin Extended-A, with general punctuation
    /// (`–`, `•`), whose only case mappings are `A`–`Z` and `À`–`Þ` (but `×`) down by 0x20 and the upper-case letters
    /// of Latin Extended-A (`Ł`) up by one.
    static func lowercased(_ text: some StringProtocol) -> String {
        let changes = text.utf8.withContiguousStorageIfAvailable { caseChanges($0) } ?? caseChanges(text.utf8)
        guard let changes else { return text.lowercased() }
        guard changes else { return String(text) }
        return text.utf8.withContiguousStorageIfAvailable { lowered($0) } ?? lowered(text.utf8)
    }

    /// The UTF-8 `bytes`, of which ``caseChanges(_:)`` can tell, in lower case.
    private static func lowered(_ bytes: some Collection<UInt8>) -> String {
        String(unsafeUninitializedCapacity: bytes.count) { buffer in
            var count = 0
            var lead: UInt8 = 0
            for byte in bytes {
                if lead == 0xC4 || lead == 0xC5 {
                    // Latin Extended-A: an upper-case letter's lower case is the next scalar.
                    buffer[count] = latinExtendedAIsUpper(lead: lead, byte) == true ? byte + 1 : byte
                } else {
                    let upper = lead == 0xC3 ? 0x80...0x9E ~= byte && byte != 0x97 : PeopleBytes.isUpperLetter(byte)
                    buffer[count] = upper ? byte + 0x20 : byte
                }
                count += 1
                lead = byte
            }
            return count
        }
    }

    /// `lowercased(text).trimmingPlain(set)`, in one pass over the bytes when `text` is ASCII (where lower case
    /// turns no letter into a character of `set`, which holds none).
    static func loweredTrimming(_ text: some StringProtocol, _ set: String) -> String {
        let ascii = text.utf8.withContiguousStorageIfAvailable { bytes -> String? in
            var all: UInt8 = 0
            for byte in bytes { all |= byte }
            guard all < 0x80 else { return nil }
            func trims(_ byte: UInt8) -> Bool { set.utf8.contains(byte) }
            var start = 0
            var end = bytes.count
            while start < end, trims(bytes[start]) { start += 1 }
            while end > start, trims(bytes[end - 1]) { end -= 1 }
            return String(unsafeUninitializedCapacity: end - start) { lowered in
                for index in start..<end {
                    let byte = bytes[index]
                    lowered[index - start] = PeopleBytes.isUpperLetter(byte) ? byte | 0x20 : byte
                }
                return end - start
            }
        }
        if let ascii, let ascii { return ascii }
        return lowercased(text).trimmingPlain(set)
    }

    /// `text.contains(character)` of an ASCII `character`, given as its byte: no text without the byte holds it, but
    /// for `;`, `` ` `` and `K`, which a character beyond ASCII equals; plain text (``PeopleBytes/isPlain(_:)``) has none
    /// of those.
    static func contains(_ text: some StringProtocol, _ character: UInt8) -> Bool {
        if PeopleBytes.hasSingleton(character), !PeopleBytes.isPlain(text) {
            return text.contains(Character(Unicode.Scalar(character)))
        }
        // The first place of the byte, with an ASCII byte (no carriage return) or none on each side, is a character of
        // its own (no mark or joiner after it, no prepended character before it): then no look at the whole text.
        let first = text.withUTF8Bytes { bytes -> Bool? in
            guard let index = PeopleBytes.firstIndex(of: character, in: bytes) else { return false }
            let before = index > 0 ? bytes[index - 1] : nil
            let after = index + 1 < bytes.count ? bytes[index + 1] : nil
            return standsAlone(character, between: before, and: after) ? true : nil
        }
        if let first { return first }
        return PeopleBytes.isPlain(text) || text.contains(Character(Unicode.Scalar(character)))
    }

    /// Whether an ASCII byte not in `set` stands at each end of the UTF-8 `bytes`: nothing to trim, whatever the text
    /// holds.
    static func keepsEnds(of bytes: some BidirectionalCollection<UInt8>, _ set: String) -> Bool {
        guard let first = bytes.first, let last = bytes.last, first < 0x80, last < 0x80 else { return false }
        return set.utf8.withContiguousStorageIfAvailable({ !$0.contains(first) && !$0.contains(last) }) ?? false
    }

    /// ``keepsEnds(of:_:)`` of the bytes of `text`, read in place where they are contiguous.
    static func keepsEnds(_ text: some StringProtocol, _ set: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { keepsEnds(of: $0, set) } ?? keepsEnds(of: Array(text.utf8), set)
    }

    /// `text.trimming(set)`, where each character of `set` is one scalar: on the scalars when `text` is plain
    /// (``PeopleBytes/isPlain(_:)``), whose characters then equal those of `set` only when they are the same scalar.
    static func trimming(_ text: Substring, _ set: String) -> String {
        if keepsEnds(text, set) { return String(text) }
        guard PeopleBytes.isPlain(text) else {
            // `trimming(_:)` reads a set of ASCII bytes on the bytes, where U+037E, U+1FEF and U+212A equal `;`, `` ` ``
            // and `K`: such a set is read a character at a time.
            if set.utf8.contains(where: PeopleBytes.hasSingleton) { return characterTrimming(text, set) }
            return text.trimming(set)
        }
        // An ASCII set: in plain text no byte of another character is one of its bytes, so the bytes trim as the
        // characters do.
        let trimmed = set.utf8.withContiguousStorageIfAvailable { setBytes -> String?? in
            guard setBytes.allSatisfy({ $0 < 0x80 }) else { return .some(nil) }
            return text.utf8.withContiguousStorageIfAvailable { bytes -> String in
                var start = 0
                var end = bytes.count
                while start < end, setBytes.contains(bytes[start]) { start += 1 }
                while end > start, setBytes.contains(bytes[end - 1]) { end -= 1 }
                if start == 0, end == bytes.count { return String(text) }
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
            }
        }
        if let trimmed, let trimmed, let trimmed { return trimmed }
        let scalars = text.unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, set.unicodeScalars.contains(scalars[start]) { start = scalars.index(after: start) }
        while start < end {
            let before = scalars.index(before: end)
            guard set.unicodeScalars.contains(scalars[before]) else { break }
            end = before
        }
        return String(text[start..<end])
    }

    /// `text` without the characters of `set` at its ends, a character at a time.
    private static func characterTrimming(_ text: Substring, _ set: String) -> String {
        var rest = text
        while let first = rest.first, set.contains(first) { rest = rest.dropFirst() }
        while let last = rest.last, set.contains(last) { rest = rest.dropLast() }
        return String(rest)
    }

    /// Whether ``lowercased(_:)`` lowers `text` on its bytes, where only ASCII letters become ASCII letters.
    static func lowersOnBytes(_ text: some StringProtocol) -> Bool {
        (text.utf8.withContiguousStorageIfAvailable { caseChanges($0) } ?? caseChanges(text.utf8)) != nil
    }

    /// The end of the last of the matches of ASCII `phrase` that `text.ranges(of: phrase)` finds, from the left and
    /// without overlap: found on the bytes of plain text (``PeopleBytes/isPlain(_:)``), whose characters match where
    /// their bytes do.
    static func endOfLastMatch(of phrase: String, in text: String) -> String.Index? {
        let end = PeopleBytes.withBytes(text) { bytes -> Int?? in
            guard PeopleBytes.isPlain(bytes) else { return nil }
            let pattern = Array(phrase.utf8)
            var found: Int?
            var index = 0
            while index + pattern.count <= bytes.count {
                if bytes[index..<index + pattern.count].elementsEqual(pattern) {
                    index += pattern.count
                    found = index
                } else {
                    index += 1
                }
            }
            return .some(found)
        }
        guard let end else { return text.ranges(of: phrase).last?.upperBound }
        return end.map { text.utf8.index(text.utf8.startIndex, offsetBy: $0) }
    }

    /// Whether ``lowercased(_:)`` lowers the UTF-8 `bytes` on the bytes, where only ASCII letters become ASCII letters.
    static func lowersOnBytes(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool { caseChanges(bytes) != nil }

    /// `text.firstIndex(of: character)` of an ASCII `character`, given as its byte.
    ///
    /// Found on the bytes when the first such byte stands between ASCII bytes (or an end), where it is the character,
    /// and no byte before it is; `;`, `` ` `` and `K`, which a character beyond ASCII equals
    /// (``PeopleBytes/asciiSingletons``), are found by the characters.
    static func firstIndex(of character: UInt8, in text: String) -> String.Index? {
        if PeopleBytes.hasSingleton(character) { return text.firstIndex(of: Character(Unicode.Scalar(character))) }
        let utf8 = text.utf8
        guard let offset = PeopleBytes.withBytes(text, { PeopleBytes.firstIndex(of: character, in: $0) }) else {
            return nil
        }
        let index = utf8.index(utf8.startIndex, offsetBy: offset)
        let before = index == utf8.startIndex ? nil : utf8[utf8.index(before: index)]
        let after = utf8.index(after: index) == utf8.endIndex ? nil : utf8[utf8.index(after: index)]
        if standsAlone(character, between: before, and: after) { return index }
        return text.firstIndex(of: Character(Unicode.Scalar(character)))
    }

    /// Whether the ASCII `byte` between the bytes `before` and `after` (`nil` at an end) is a character of its own: no
    /// mark or joiner after it, no prepended character or CR before it, as ASCII bytes beside it tell; a CR, which an
    /// LF after it joins, is left to the character reading.
    static func standsAlone(_ byte: UInt8, between before: UInt8?, and after: UInt8?) -> Bool {
        byte != 0x0D && (before ?? 0) < 0x80 && before != 0x0D && (after ?? 0) < 0x80
    }

    /// Whether ``lowercased(_:)`` changes the UTF-8 `bytes`, or `nil` when only the standard library can tell.
    private static func caseChanges(_ bytes: some Sequence<UInt8>) -> Bool? {
        var changes = false
        var lead: UInt8 = 0
        for byte in bytes {
            // An ASCII byte is never the last byte of a character after a lead byte, so is looked at first.
            if byte < 0x80 {
                if PeopleBytes.isUpperLetter(byte) { changes = true }
            } else if lead == 0xC3 {
                if 0x80...0x9E ~= byte, byte != 0x97 { changes = true }
            } else if lead == 0xC4 || lead == 0xC5 {
                guard let upper = latinExtendedAIsUpper(lead: lead, byte) else { return nil }
                if upper { changes = true }
            } else if lead == 0xE2 {
                guard byte == 0x80 || byte == 0x81 else { return nil }
            } else if byte < 0xC0 {
                // The last byte of a character of two or three bytes.
            } else if !(0xC2...0xC5 ~= byte), byte != 0xE2 {
                return nil
            }
            lead = byte
        }
        return changes
    }

    /// Whether the scalar of Latin Extended-A (U+0100 to U+017F) with lead byte `lead` (`C4` or `C5`) and last byte
    /// `byte` is an upper-case letter, whose lower case is then the next scalar, with the same lead byte; `nil` for
    /// `İ`, which lowers to two scalars, and `Ŀ` and `Ÿ`, whose lower case has another lead byte.
    static func latinExtendedAIsUpper(lead: UInt8, _ byte: UInt8) -> Bool? {
        let scalar = UInt32(lead & 0x1F) << 6 | UInt32(byte & 0x3F)
        switch scalar {
        case 0x130, 0x13F, 0x178: return nil
        case 0x100...0x12F, 0x132...0x137, 0x14A...0x177: return scalar & 1 == 0
        case 0x139...0x148, 0x179...0x17E: return scalar & 1 == 1
        default: return false
        }
    }

    /// `text.split(separator: " ")`: the words between spaces, without empty ones.
    static func words(_ text: String) -> [Substring] { split(text, at: UInt8(ascii: " ")) }

    /// ``words(_:)`` of `text`, last: in plain text (``PeopleBytes/isPlain(_:)``) the last run of bytes without a
    /// space, found from the end without cutting the words before it.
    static func lastWord(_ text: String) -> Substring? {
        let found = PeopleBytes.withBytes(text) { bytes -> (plain: Bool, range: Range<Int>?) in
            guard PeopleBytes.isPlain(bytes) else { return (false, nil) }
            var end = bytes.count
            while end > 0, bytes[end - 1] == UInt8(ascii: " ") { end -= 1 }
            var start = end
            while start > 0, bytes[start - 1] != UInt8(ascii: " ") { start -= 1 }
            return (true, start < end ? start..<end : nil)
        }
        guard found.plain else { return words(text).last }
        guard let range = found.range else { return nil }
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
        return text[start..<utf8.index(start, offsetBy: range.count)]
    }

    /// `text.split(separator: separator)` of an ASCII `separator`, cut on the bytes when each character of `text` is
    /// one scalar (``PeopleBytes/isPlain(_:)``).
    static func split(_ text: String, at separator: UInt8) -> [Substring] {
        var parts: [Substring] = []
        let utf8 = text.utf8
        func part(_ range: Range<Int>) -> Substring {
            let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
            return text[start..<utf8.index(start, offsetBy: range.count)]
        }
        let cut = PeopleBytes.withBytes(text) { bytes -> Bool in
            // Without the byte there is no separator: the text is one part, or none.
            let separators = bytes.count { $0 == separator }
            guard separators > 0 else {
                if !bytes.isEmpty { parts.append(Substring(text)) }
                return true
            }
            guard PeopleBytes.isPlain(bytes) else { return false }
            parts.reserveCapacity(separators + 1)
            var start = 0
            for index in bytes.indices where bytes[index] == separator {
                if start < index { parts.append(part(start..<index)) }
                start = index + 1
            }
            if start < bytes.count { parts.append(part(start..<bytes.count)) }
            return true
        }
        return cut ? parts : text.split(separator: Character(Unicode.Scalar(separator)))
    }

    /// `text.split(separator: " ").count`, without making the words.
    static func wordCount(_ text: String) -> Int {
        let count = PeopleBytes.withBytes(text) { bytes -> Int? in
            guard PeopleBytes.isPlain(bytes) else { return nil }
            var count = 0
            var inWord = false
            for byte in bytes {
                if byte == UInt8(ascii: " ") {
                    inWord = false
                } else if !inWord {
                    inWord = true
                    count += 1
                }
            }
            return count
        }
        return count ?? text.split(separator: " ").count
    }

    /// `text.allSatisfy(character)`, where `ascii` gives the same answer as `character` for each ASCII character, so
    /// that ASCII text is read byte by byte.
    static func allSatisfy(
        _ text: some StringProtocol,
        ascii: (UInt8) -> Bool,
        character: (Character) -> Bool
    ) -> Bool {
        let answer = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
            for byte in bytes {
                guard byte < 0x80 else { return nil }
                if !ascii(byte) { return false }
            }
            return true
        }
        if let answer, let answer { return answer }
        return text.allSatisfy(character)
    }

    /// Whether the byte after the first of the non-empty `utf8` is ASCII, or there is none (after an ASCII first byte).
    ///
    /// Read by index, without the slice that `dropFirst()` makes.
    static func nextByteIsASCII<Bytes: Collection<UInt8>>(_ utf8: Bytes) -> Bool {
        let next = utf8.index(after: utf8.startIndex)
        return next == utf8.endIndex || utf8[next] < 0x80
    }

    /// `text.hasPrefix(prefix)`, read on the bytes where they tell.
    ///
    /// `prefix` is ASCII without `;`, `` ` `` or `K` (which characters beyond ASCII equal): no other bytes open with
    /// its characters, and where the byte after its bytes is ASCII (or there is none) its last character ends there.
    /// Otherwise (`@` and a combining mark) the characters tell.
    static func hasPrefix(_ text: String, ascii prefix: StaticString) -> Bool {
        let answer = PeopleBytes.withBytes(text) { bytes -> Bool? in
            prefix.withUTF8Buffer { prefix -> Bool? in
                guard bytes.count >= prefix.count else { return false }
                for index in 0..<prefix.count where bytes[index] != prefix[index] { return false }
                return bytes.count == prefix.count || bytes[prefix.count] < 0x80 ? true : nil
            }
        }
        return answer ?? text.hasPrefix(prefix.description)
    }

    /// Whether `byte` is one of the ASCII `characters`.
    static func isOne(_ byte: UInt8, of characters: StaticString) -> Bool {
        characters.withUTF8Buffer { $0.contains(byte) }
    }

    /// Whether an ASCII byte is a letter (`Character.isLetter`).
    static func isLetter(_ byte: UInt8) -> Bool { PeopleBytes.isUpperLetter(byte) || PeopleBytes.isLowerLetter(byte) }

    /// Whether an ASCII byte is a letter or digit (`Character.isLetter || Character.isNumber`).
    static func isAlphanumeric(_ byte: UInt8) -> Bool { isLetter(byte) || PeopleBytes.isDigit(byte) }

    // MARK: Cleaning

    /// ``PersonEntryParser/clean(_:)`` of `text` on its bytes, when each of its characters is one scalar
    /// (``PeopleBytes/isPlain(_:)``) and the only white space is ASCII; `nil` otherwise, or when a full stop follows
    /// a letter beyond ASCII, which may be an initial (`Dan É.`).
    static func cleanPlain(_ text: String) -> String? {
        // Whether the text is plain, and whether it is clean, told in one pass over its bytes.
        switch PeopleBytes.withBytes(text, plainAndClean) {
        case nil: return nil
        case true?: return text
        case false?: break
        }
        // Clean text between spaces (a piece of a comma list) is cleaned by dropping them.
        let utf8 = text.utf8
        if utf8.first == UInt8(ascii: " ") || utf8.last == UInt8(ascii: " ") {
            let start = utf8.firstIndex { $0 != UInt8(ascii: " ") } ?? utf8.endIndex
            let end = utf8.lastIndex { $0 != UInt8(ascii: " ") }.map(utf8.index(after:)) ?? start
            let trimmed = String(utf8[start..<max(start, end)]) ?? ""
            if !trimmed.isEmpty, isClean(trimmed) { return trimmed }
        }
        var bytes = Array(text.utf8)
        // U+0085 and U+00A0, the white space that tidy makes a space.
        for index in bytes.indices.dropLast() where bytes[index] == 0xC2 {
            if bytes[index + 1] == 0x85 || bytes[index + 1] == 0xA0 { return nil }
        }
        // `replacingAll("**", with: "")`, then the same of `__`.
        bytes = removingPairs(of: UInt8(ascii: "*"), in: bytes)
        bytes = removingPairs(of: UInt8(ascii: "_"), in: bytes)
        bytes = tidied(bytes)
        // Leading list glyphs and quote markers (`*•·>`; `▪◦` are never plain), each followed by what tidy trims.
        var start = 0
        while start < bytes.count {
            if bytes[start] == UInt8(ascii: "*") || bytes[start] == UInt8(ascii: ">") {
                start += 1
            } else if bytes[start...].starts(with: [0xE2, 0x80, 0xA2]) {
                start += 3
            } else if bytes[start...].starts(with: [0xC2, 0xB7]) {
                start += 2
            } else {
                break
            }
            while start < bytes.count, bytes[start] == UInt8(ascii: " ") { start += 1 }
        }
        var end = bytes.count
        while end > start {
            let last = bytes[end - 1]
            guard last == UInt8(ascii: ".") || last == UInt8(ascii: ";") || last == UInt8(ascii: ",") else { break }
            if last == UInt8(ascii: "."), end - start >= 2 {
                let before = bytes[end - 2]
                // `..` stays, and so does the full stop of an initial (`Dan A.`).
                if before == UInt8(ascii: ".") { break }
                if before >= 0x80 { return nil }
                if end - start >= 3, PeopleBytes.isUpperLetter(before), bytes[end - 3] == UInt8(ascii: " ") { break }
            }
            end -= 1
            while end > start, bytes[end - 1] == UInt8(ascii: " ") { end -= 1 }
        }
        if start == 0, end == bytes.count, bytes.elementsEqual(text.utf8) { return text }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// Whether `bytes` are plain (``PeopleBytes/isPlain(_:)``) and, if so, clean as ``isClean(_:)`` tells: `nil` when
    /// they are not plain.
    ///
    /// In plain text the only white space beyond ASCII is U+0085 and U+00A0 (the white space of general punctuation
    /// is not plain), so that it is tidy when it has no white space but single spaces between other bytes.
    static func plainAndClean(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        guard let first = bytes.first, let last = bytes.last else { return true }
        var clean =
            first != UInt8(ascii: "*") && first != UInt8(ascii: ">") && first != 0xC2 && first != 0xE2
            && first != UInt8(ascii: " ") && last != UInt8(ascii: " ") && last != UInt8(ascii: ".")
            && last != UInt8(ascii: ";") && last != UInt8(ascii: ",")
        var previous: UInt8 = 0
        var index = 0
        while index < bytes.count {
            // Eight bytes of printable ASCII at once: among them only a doubled space, `*` or `_` matters.
            if index + 8 <= bytes.count, let word = PeopleBytes.printableWord(bytes, at: index) {
                if clean, PeopleBytes.hasDoubledMarkerOrSpace(word, after: previous) { clean = false }
                previous = UInt8(truncatingIfNeeded: word >> 56)
                index += 8
                continue
            }
            let byte = bytes[index]
            if byte < 0x80 {
                if byte == 0x0D { return nil }
                if byte == UInt8(ascii: " ") {
                    if previous == byte { clean = false }
                } else if byte >= 0x09 && byte <= 0x0C {
                    clean = false
                } else if byte == previous, byte == UInt8(ascii: "*") || byte == UInt8(ascii: "_") {
                    clean = false
                }
                index += 1
            } else if byte >= 0xC2, byte <= 0xCB {
                if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] == 0x85 || bytes[index + 1] == 0xA0 {
                    clean = false
                }
                index += 2
            } else {
                guard byte == 0xE2, index + 2 < bytes.count,
                    PeopleBytes.isPunctuation(second: bytes[index + 1], third: bytes[index + 2])
                else { return nil }
                index += 3
            }
            previous = byte
        }
        guard index == bytes.count else { return nil }
        return clean
    }

    /// Whether plain `text` is as ``cleanPlain(_:)`` leaves it, at a glance: tidy, without `**` or `__`, and
    /// starting and ending with a byte that is no glyph or stop to remove.
    private static func isClean(_ text: String) -> Bool {
        guard let first = text.utf8.first, let last = text.utf8.last else { return true }
        let glyphStarts: [UInt8] = [UInt8(ascii: "*"), UInt8(ascii: ">"), 0xC2, 0xE2]
        let stops: [UInt8] = [UInt8(ascii: "."), UInt8(ascii: ";"), UInt8(ascii: ",")]
        return !glyphStarts.contains(first) && !stops.contains(last) && !hasDoubledMarker(text) && isTidy(text)
    }

    /// Whether `text` holds the bytes of `**` or `__`, found in one pass.
    private static func hasDoubledMarker(_ text: String) -> Bool {
        PeopleBytes.withBytes(text) { bytes in
            // Most text has neither byte, which `memchr` rules out fastest.
            guard
                PeopleBytes.firstIndex(of: UInt8(ascii: "*"), in: bytes) != nil
                    || PeopleBytes.firstIndex(of: UInt8(ascii: "_"), in: bytes) != nil
            else { return false }
            var previous: UInt8 = 0
            for byte in bytes {
                if byte == previous, byte == UInt8(ascii: "*") || byte == UInt8(ascii: "_") { return true }
                previous = byte
            }
            return false
        }
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

    /// ``tidy(_:)`` of bytes whose only white space is ASCII: runs of it made one space, none at the ends.
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

extension StringProtocol {
    /// ``trimming(_:)`` of a set of single-scalar characters, on the scalars of plain text (``PeopleText/trimming(_:_:)``).
    func trimmingPlain(_ set: String) -> String { PeopleText.trimming(Substring(self), set) }
}

extension String {
    /// ``trimming(_:)`` of a set of single-scalar characters: the string itself, without a copy, when an ASCII byte
    /// not in `set` stands at each end (``PeopleText/trimming(_:_:)``).
    func trimmingPlain(_ set: String) -> String {
        if PeopleText.keepsEnds(self, set) { return self }
        return PeopleText.trimming(Substring(self), set)
    }
}
