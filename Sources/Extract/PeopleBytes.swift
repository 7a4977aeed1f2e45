#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// First looks at the UTF-8 bytes of people lines, which answer as the character-level reading would where the
/// bytes can tell (ASCII text, or an ASCII character that no other can join) and leave the rest to it.
enum PeopleBytes {
    /// Whether `text` may be a `Label: value` line as ``PersonBlockReader/labelled(_:)`` reads it.
    ///
    /// `false` only when that reading finds no label: there is no colon, or before the first one stands a
    /// character no label holds (`,`, `?`, a quote) or seven words or more (a label has five at most, and a head
    /// count in brackets takes one away).
    static func mayBeLabelled(_ text: String) -> Bool {
        withBytes(text) { bytes in
            // Most lines have no colon, which `memchr` finds fastest.
            guard let colon = firstIndex(of: UInt8(ascii: ":"), in: bytes) else { return false }
            return mayBeLabelled(UnsafeBufferPointer(rebasing: bytes[..<colon]))
        }
    }

    /// ``mayBeLabelled(_:)`` of the bytes before the first colon.
    private static func mayBeLabelled(_ head: UnsafeBufferPointer<UInt8>) -> Bool {
        var words = 0
        var inWord = false
        var previous: UInt8 = 0
        for byte in head {
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
        return true
    }

    /// The ASCII text equal to `word` as characters, or `nil` when there is none: `word` itself when it is ASCII, or
    /// with U+037E, U+1FEF and U+212A, the only characters beyond ASCII that equal an ASCII one (`;`, `` ` ``, `K`:
    /// their canonical decompositions), made that one.
    static func asciiEquivalent(_ word: String) -> String? {
        if word.utf8.allSatisfy({ $0 < 0x80 }) { return word }
        var scalars = String.UnicodeScalarView()
        for scalar in word.unicodeScalars {
            guard let ascii = scalar.isASCII ? scalar : asciiSingletons[scalar.value] else { return nil }
            scalars.append(ascii)
        }
        return String(scalars)
    }

    /// The characters beyond ASCII whose canonical decomposition is one ASCII character.
    static let asciiSingletons: [UInt32: Unicode.Scalar] = [0x037E: ";", 0x1FEF: "`", 0x212A: "K"]

    /// Whether a character beyond ASCII equals the ASCII character `byte`: `;`, `` ` `` or `K`.
    static func hasSingleton(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ";") || byte == UInt8(ascii: "`") || byte == UInt8(ascii: "K")
    }

    /// `bytes.firstIndex(of: byte)`, found by `memchr`.
    static func firstIndex(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = bytes.baseAddress, !bytes.isEmpty,
            let found = memchr(base, Int32(byte), bytes.count)
        else { return nil }
        return UnsafeRawPointer(found) - UnsafeRawPointer(base)
    }

    /// Whether a UTF-8 byte of `text` passes `test`, read in place where the bytes are contiguous.
    ///
    /// Inlined, so that `test` is compiled into the loop rather than called for each byte.
    @inline(__always)
    static func containsByte(_ text: some StringProtocol, where test: (UInt8) -> Bool) -> Bool {
        text.withUTF8Bytes { $0.contains(where: test) }
    }

    /// Whether `text` holds the UTF-8 byte `byte`, found by `memchr`.
    static func containsByte(_ text: some StringProtocol, _ byte: UInt8) -> Bool {
        text.withUTF8Bytes { firstIndex(of: byte, in: $0) != nil }
    }

    /// Whether the UTF-8 bytes of `text` hold those of `needle`, as `TextSearch.contains(_:_:)` tells.
    static func containsBytes(_ text: String, _ needle: String) -> Bool {
        withBytes(text) { containsBytes($0, needle) }
    }

    /// ``containsBytes(_:_:)`` of UTF-8 `bytes`.
    static func containsBytes(_ bytes: UnsafeBufferPointer<UInt8>, _ needle: String) -> Bool {
        withBytes(needle) { pattern in
            guard !pattern.isEmpty else { return true }
            guard let base = bytes.baseAddress, bytes.count >= pattern.count else { return false }
            // `memchr` finds each place of the pattern's second byte (its first, when it has one), the rarer in
            // ` and ` or ` & `, where the rest of its bytes are compared.
            let pivot = pattern.count >= 2 ? 1 : 0
            let end = bytes.count - pattern.count + pivot + 1
            var from = pivot
            while from < end, let found = memchr(base + from, Int32(pattern[pivot]), end - from) {
                let start = UnsafeRawPointer(found) - UnsafeRawPointer(base) - pivot
                var offset = 0
                while offset < pattern.count, bytes[start + offset] == pattern[offset] { offset += 1 }
                if offset == pattern.count { return true }
                from = start + pivot + 1
            }
            return false
        }
    }

    /// Whether `text` is `core` with nothing but ASCII spaces before and after it.
    static func isSpaced(_ text: String, around core: String) -> Bool {
        withBytes(text) { text in
            withBytes(core) { core in
                var start = 0
                while start < text.count, text[start] == UInt8(ascii: " ") { start += 1 }
                guard text.count - start >= core.count, text[start..<start + core.count].elementsEqual(core) else {
                    return false
                }
                return text[(start + core.count)...].allSatisfy { $0 == UInt8(ascii: " ") }
            }
        }
    }

    /// `body` of the UTF-8 bytes of `text`, read in place.
    static func withBytes<Result>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        text.withUTF8Bytes(body)
    }

    /// Whether `text` in lower case, without spaces and full stops at its ends, may open with a role lead
    /// (`Notes taken by`) or end with a note-taking phrase (`took notes`); `false` only when it cannot.
    static func mayOpenOrEndRoleLine(_ text: String) -> Bool {
        withBytes(text, mayOpenOrEndRoleLine(bytes:))
    }

    /// ``mayOpenOrEndRoleLine(_:)`` of a text's UTF-8 `bytes`.
    static func mayOpenOrEndRoleLine(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        func isTrimmed(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: ".") }
        var start = 0
        var end = bytes.count
        while start < end, isTrimmed(bytes[start]) { start += 1 }
        while end > start, isTrimmed(bytes[end - 1]) { end -= 1 }
        guard end > start else { return false }
        // An ASCII byte at an end starts or ends the character there, which lowers to that byte lowered or to
        // more than one scalar: where no phrase starts (or ends) with the byte lowered, none is at that end.
        let (first, last) = (bytes[start], bytes[end - 1])
        // The tables are fields of one global, whose initialisation is looked at once rather than once a table.
        if first < 0x80, !roleLineLook.leads.mayStart(with: first), last < 0x80,
            !roleLineLook.endings.mayEnd(with: last)
        {
            return false
        }
        // Four ASCII bytes at an end are four characters there (but a carriage return and line feed, one character
        // that opens and ends no phrase), lowered on their own: where the first four or last four of no phrase are
        // those bytes lowered, no phrase is at that end. Every phrase has four bytes or more, and the last four of
        // the endings (`otes`, `utes`, `ting`) are rarer at the end of a line than their last two.
        guard end - start >= 4 else { return false }
        let head = quad(bytes, at: start)
        let tail = quad(bytes, at: end - 4)
        let opens = roleLineLook.heads.contains(head)
        let ends = roleLineLook.tails.contains(tail)
        if !opens, !ends, head & 0x8080_8080 == 0, tail & 0x8080_8080 == 0 { return false }
        // Lower case maps each character on its own, so that the text lowered opens and ends with its ends
        // lowered. Where the bytes a lead or an ending could span are ASCII, they lower as ASCII letters do and
        // a phrase of ASCII characters needs its bytes there, whatever the rest holds. Elsewhere, where lower
        // case works on the bytes, ASCII bytes lower as ASCII letters do and no other byte becomes ASCII.
        if !isASCII(bytes, start..<min(end, start + roleLineLook.leads.longest))
            || !isASCII(bytes, max(start, end - roleLineLook.endings.longest)..<end),
            !PeopleText.lowersOnBytes(bytes)
        {
            return true
        }
        // The phrases are ASCII: the first four (or last four) bytes lowered rule most texts out.
        return opens && roleLineLook.leads.opens(bytes, start..<end)
            || ends && roleLineLook.endings.ends(bytes, start..<end)
    }

    /// What ``mayOpenOrEndRoleLine(_:)`` looks up: the role leads and note-taking endings (with a bit for the first
    /// byte of each lead and the last of each ending), and the first four bytes of each lead and the last four of each
    /// ending (a few, looked through rather than hashed).
    private struct RoleLineLook: Sendable {
        let leads = PhraseBytes(PeopleWords.roleLeads.map { $0.phrase + " " })
        let endings = PhraseBytes(PeopleWords.noteTakingPhrases.map { " " + $0 })
        let heads = Array(Set(PeopleWords.roleLeads.map { quad(Array($0.phrase.utf8).prefix(4)) }))
        let tails = Array(Set(PeopleWords.noteTakingPhrases.map { quad(Array($0.utf8).suffix(4)) }))

        init() {
            // A shorter phrase would make a number of fewer bytes than the four looked at, and never be found.
            let phrases = PeopleWords.roleLeads.map(\.phrase) + PeopleWords.noteTakingPhrases
            precondition(phrases.allSatisfy { $0.utf8.count >= 4 }, "a role lead or ending shorter than four bytes")
        }
    }

    private static let roleLineLook = RoleLineLook()

    /// Four bytes as one number, the first in the highest byte.
    private static func quad(_ bytes: ArraySlice<UInt8>) -> UInt32 {
        bytes.reduce(0) { $0 << 8 | UInt32($1) }
    }

    /// The four bytes of `bytes` from `start`, each lowered (``lowered(_:)``), as one number like ``quad(_:)``.
    @inline(__always)
    private static func quad(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> UInt32 {
        UInt32(lowered(bytes[start])) << 24 | UInt32(lowered(bytes[start + 1])) << 16
            | UInt32(lowered(bytes[start + 2])) << 8 | UInt32(lowered(bytes[start + 3]))
    }

    /// An ASCII capital made lower case; any other byte as it is.
    static func lowered(_ byte: UInt8) -> UInt8 { isUpperLetter(byte) ? byte | 0x20 : byte }

    /// Whether the lower-case ASCII `word` stands at `index` of `bytes`, in any case.
    static func opens(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, _ word: StaticString) -> Bool {
        guard bytes.count - index >= word.utf8CodeUnitCount else { return false }
        for offset in 0..<word.utf8CodeUnitCount where lowered(bytes[index + offset]) != word.utf8Start[offset] {
            return false
        }
        return true
    }

    /// Whether `bytes` end with `suffix`, compared from the end.
    static func hasSuffix(_ bytes: UnsafeBufferPointer<UInt8>, _ suffix: [UInt8]) -> Bool {
        guard bytes.count >= suffix.count else { return false }
        var index = bytes.count
        for byte in suffix.reversed() {
            index -= 1
            if bytes[index] != byte { return false }
        }
        return true
    }

    /// The text of `text` that ``PeopleWords/labelKey(_:)`` keeps (letters, digits, white space and `'’()/-&,`), in
    /// lower case and with `’` made `'`, read on the bytes: when `text` is ASCII, or plain (``isPlain(_:)``) with no
    /// carriage return and nothing beyond ASCII but Latin-1 letters, Latin Extended-A and general punctuation, whose
    /// characters are each one scalar and none of them white space; `nil` otherwise.
    static func keptLowercased(_ text: String) -> String? {
        withBytes(text) { bytes in
            var all: UInt8 = 0
            for byte in bytes { all |= byte }
            guard all < 0x80 else { return keptLowercased(latin: bytes) }
            return String(unsafeUninitializedCapacity: bytes.count) { kept in
                var count = 0
                for byte in bytes {
                    let lower = isUpperLetter(byte) ? byte | 0x20 : byte
                    guard isLowerLetter(lower) || isDigit(lower) || isSpace(lower) || isKeyPunctuation(lower) else {
                        continue
                    }
                    kept[count] = lower
                    count += 1
                }
                return count
            }
        }
    }

    /// ``keptLowercased(_:)`` of UTF-8 bytes beyond ASCII, or `nil`.
    private static func keptLowercased(latin bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var failed = false
        let kept = String(unsafeUninitializedCapacity: bytes.count) { kept in
            var count = 0
            var index = 0
            func keep(_ byte: UInt8) {
                kept[count] = byte
                count += 1
            }
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x80 {
                    // A carriage return before a line feed makes one character of the two.
                    guard byte != 0x0D else {
                        failed = true
                        return 0
                    }
                    let lower = isUpperLetter(byte) ? byte | 0x20 : byte
                    if isLowerLetter(lower) || isDigit(lower) || isSpace(lower) || isKeyPunctuation(lower) {
                        keep(lower)
                    }
                    index += 1
                } else if byte == 0xC3, index + 1 < bytes.count {
                    // `À` to `ÿ` are letters, but `×` and `÷`; `À` to `Þ` lower by 0x20.
                    let last = bytes[index + 1]
                    if last != 0x97, last != 0xB7 {
                        keep(byte)
                        keep(0x80...0x9E ~= last ? last + 0x20 : last)
                    }
                    index += 2
                } else if byte == 0xC4 || byte == 0xC5, index + 1 < bytes.count,
                    let upper = PeopleText.latinExtendedAIsUpper(lead: byte, bytes[index + 1])
                {
                    // Latin Extended-A: letters all.
                    keep(byte)
                    keep(upper ? bytes[index + 1] + 1 : bytes[index + 1])
                    index += 2
                } else if byte == 0xE2, index + 2 < bytes.count,
                    isPunctuation(second: bytes[index + 1], third: bytes[index + 2])
                {
                    // General punctuation is dropped, but `’`, kept as `'`.
                    if bytes[index + 1] == 0x80, bytes[index + 2] == 0x99 { keep(UInt8(ascii: "'")) }
                    index += 3
                } else {
                    failed = true
                    return 0
                }
            }
            return count
        }
        return failed ? nil : kept
    }

    /// Whether `E2` followed by `second` and `third` is general punctuation as plain text holds it (U+2010 to U+2027,
    /// U+2030 to U+205E), no letter, digit or white space.
    static func isPunctuation(second: UInt8, third: UInt8) -> Bool {
        second == 0x80 ? 0x90...0xA7 ~= third || third >= 0xB0 : second == 0x81 && third <= 0x9E
    }

    // MARK: Reading Latin names

    /// The length of the scalar at `index` of UTF-8 `bytes` when it is ASCII, a Latin-1 letter or sign (`À` to `ÿ`),
    /// a letter of Latin Extended-A (U+0100 to U+017F) or general punctuation as plain text holds it; `nil` for
    /// any other.
    static func latinScalarLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        let byte = bytes[index]
        if byte < 0x80 { return 1 }
        if 0xC3...0xC5 ~= byte { return index + 1 < bytes.count ? 2 : nil }
        guard byte == 0xE2, index + 2 < bytes.count, isPunctuation(second: bytes[index + 1], third: bytes[index + 2])
        else { return nil }
        return 3
    }

    /// Whether every scalar of UTF-8 `bytes` is one ``latinScalarLength(_:at:)`` reads.
    static func isLatin(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < bytes.count {
            guard let length = latinScalarLength(bytes, at: index) else { return false }
            index += length
        }
        return true
    }

    /// Whether the Latin text of `bytes` (``latinScalarLength(_:at:)``) is one of the marks beyond ASCII in
    /// ``PeopleWords/nobody``: `—`, `–` or `…`.
    static func isNobodyMark(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.count == 3 && bytes[0] == 0xE2 && bytes[1] == 0x80
            && (bytes[2] == 0x93 || bytes[2] == 0x94 || bytes[2] == 0xA6)
    }

    /// `range` of Latin `bytes` without the characters at its ends that are an ASCII byte `trims` passes, or `’`,
    /// or with `quotes` the curly quotes `‘’“”`.
    static func trimmedLatin(
        _ range: Range<Int>,
        in bytes: UnsafeBufferPointer<UInt8>,
        quotes: Bool,
        where trims: (UInt8) -> Bool
    ) -> Range<Int> {
        func isQuote(at index: Int) -> Bool {
            guard bytes[index] == 0xE2, bytes[index + 1] == 0x80 else { return false }
            let third = bytes[index + 2]
            return third == 0x99 || quotes && (third == 0x98 || third == 0x9C || third == 0x9D)
        }
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper {
            if trims(bytes[lower]) {
                lower += 1
            } else if upper - lower >= 3, isQuote(at: lower) {
                lower += 3
            } else {
                break
            }
        }
        while upper > lower {
            if trims(bytes[upper - 1]) {
                upper -= 1
            } else if upper - lower >= 3, isQuote(at: upper - 3) {
                upper -= 3
            } else {
                break
            }
        }
        return lower..<upper
    }

    /// Whether the character at `index` of Latin `bytes` is capitalised as
    /// ``PersonEntryParser/startsCapitalised(_:)`` reads it: an upper-case letter (`A` to `Z`, `À` to `Þ` but `×`, or
    /// one of Latin Extended-A), or a letter without case, which Latin-1 and Latin Extended-A have one of (`ĸ`).
    static func startsUpperLatin(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        let byte = bytes[index]
        if byte < 0x80 { return isUpperLetter(byte) }
        guard 0xC3...0xC5 ~= byte else { return false }
        let last = bytes[index + 1]
        if byte == 0xC3 { return 0x80...0x9E ~= last && last != 0x97 }
        // `ĸ` (U+0138) has no upper case, so is no lower-case letter either.
        if byte == 0xC4, last == 0xB8 { return true }
        // `İ`, `Ŀ` and `Ÿ`, which lower to more or other bytes, are upper case too.
        return PeopleText.latinExtendedAIsUpper(lead: byte, last) ?? true
    }

    /// Whether the two-byte scalar with lead `lead` and last byte `last` is a letter or a number
    /// (`Character.isLetter || Character.isNumber`), where its bytes tell: `À` to `ÿ` (lead `C3`) are letters but `×`
    /// and `÷`, and Latin Extended-A (leads `C4` and `C5`) is letters all; `nil` for other leads.
    static func latinLetterOrNumber(lead: UInt8, last: UInt8) -> Bool? {
        if lead == 0xC3 { return last != 0x97 && last != 0xB7 }
        if lead == 0xC4 || lead == 0xC5 { return true }
        return nil
    }

    /// Whether each character of `range` in Latin `bytes` is a letter or one of `.'’-_`.
    static func allLatinNameCharacters(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        var index = range.lowerBound
        while index < range.upperBound {
            let byte = bytes[index]
            if byte < 0x80 {
                guard PeopleText.isLetter(byte) || PeopleText.isOne(byte, of: ".'-_") else { return false }
                index += 1
            } else if byte == 0xC3 {
                // `×` and `÷` are the only Latin-1 characters from `À` that are no letters.
                guard bytes[index + 1] != 0x97, bytes[index + 1] != 0xB7 else { return false }
                index += 2
            } else if byte == 0xC4 || byte == 0xC5 {
                index += 2
            } else {
                guard byte == 0xE2, bytes[index + 1] == 0x80, bytes[index + 2] == 0x99 else { return false }
                index += 3
            }
        }
        return true
    }

    /// The punctuation ``PeopleWords/labelKey(_:)`` keeps: `'()/-&,`.
    private static func isKeyPunctuation(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "'"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "/"), UInt8(ascii: "-"),
            UInt8(ascii: "&"), UInt8(ascii: ","):
            true
        default:
            false
        }
    }

    /// Whether the bytes of `range` in `bytes` are ASCII.
    private static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        var all: UInt8 = 0
        for index in range { all |= bytes[index] }
        return all < 0x80
    }

    /// The ASCII spaces ``tidy(_:)`` and `Character.isWhitespace` agree on.
    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }

    /// Whether `bytes` are the bytes of `word`.
    @inline(__always)
    static func equals(_ bytes: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
        word.withUTF8Buffer { $0.count == bytes.count && $0.elementsEqual(bytes) }
    }

    // MARK: Eight bytes at once

    /// The eight bytes at `index` of `bytes` (which has eight from there) as one number, the first in the low byte,
    /// when each is printable ASCII (from a space to `~`, or DEL); `nil` when one is not.
    @inline(__always)
    static func printableWord(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> UInt64? {
        guard let base = bytes.baseAddress else { return nil }
        let word = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
        // No byte from 0x80, and none below a space (exact for bytes below 0x80).
        guard word & wordHigh == 0, (word &- wordOnes &* 0x20) & ~word & wordHigh == 0 else { return nil }
        return word
    }

    /// The eight bytes at `index` of `bytes` as one number, the first in the low byte, when there are eight from there
    /// and each is ASCII; `nil` otherwise.
    @inline(__always)
    static func asciiWord(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> UInt64? {
        guard index + 8 <= bytes.count, let base = bytes.baseAddress else { return nil }
        let word = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
        return word & wordHigh == 0 ? word : nil
    }

    /// The high bit of each byte of the ASCII `word` that is `byte`, exactly (no byte made up by a borrow).
    @inline(__always)
    static func matchingBytes(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        let other = word ^ (wordOnes &* UInt64(byte))
        return ~(((other & ~wordHigh) &+ ~wordHigh) | other) & wordHigh
    }

    /// The high bit of each byte of the ASCII `word` that is a bracket: `(`, `)`, `[` or `]`.
    @inline(__always)
    static func bracketBytes(_ word: UInt64) -> UInt64 {
        matchingBytes(word, UInt8(ascii: "(")) | matchingBytes(word, UInt8(ascii: ")"))
            | matchingBytes(word, UInt8(ascii: "[")) | matchingBytes(word, UInt8(ascii: "]"))
    }

    /// Whether the ASCII `word` (its first byte in the low byte), after the byte `previous`, holds two spaces, two
    /// `*` or two `_` side by side.
    @inline(__always)
    static func hasDoubledMarkerOrSpace(_ word: UInt64, after previous: UInt8) -> Bool {
        @inline(__always) func doubled(_ byte: UInt8) -> Bool {
            let found = matchingBytes(word, byte)
            return found & (found << 8) != 0 || (previous == byte && found & 0x80 != 0)
        }
        return doubled(UInt8(ascii: " ")) || doubled(UInt8(ascii: "*")) || doubled(UInt8(ascii: "_"))
    }

    /// One in each byte of a word, and the high bit of each.
    private static var wordOnes: UInt64 { 0x0101_0101_0101_0101 }
    private static var wordHigh: UInt64 { 0x8080_8080_8080_8080 }
    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    static func isUpperLetter(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }
    static func isLowerLetter(_ byte: UInt8) -> Bool { byte >= 0x61 && byte <= 0x7A }

    /// An ASCII byte a label may hold, or lose at its ends (`*_#`), or hold in a head count (`(14)`).
    private static func isLabelByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "'"), UInt8(ascii: "-"), UInt8(ascii: "&"),
            UInt8(ascii: "."), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "#"), UInt8(ascii: "("),
            UInt8(ascii: ")"):
            true
        default:
            false
        }
    }

    /// The bytes a label loses at its ends.
    static func isMarkup(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "*") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "#") || byte == UInt8(ascii: "-")
    }

    /// Whether ASCII `text` holds seven words or more, outside brackets, before its first comma, semicolon, colon
    /// or dash: where ``PersonEntryParser/parse(_:allowLowercaseName:)`` takes the name from, and more words than a
    /// name has.
    ///
    /// Only words with a letter or digit and no `@` count: whatever markup, handles and e-mail addresses parse drops
    /// first, they stay words. `false` as soon as a byte is not ASCII.
    static func opensWithLongPhrase(_ text: String) -> Bool {
        withBytes(text) { opensWithLongPhrase($0) }
    }

    /// ``opensWithLongPhrase(_:)`` of UTF-8 bytes.
    private static func opensWithLongPhrase(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // Seven words need six white space bytes between them: text with fewer bytes up to a space (most entries)
        // has too few words, told by one count the compiler runs on many bytes at once, without the walk below.
        guard mayHold(atLeast: 6, bytesUpToSpaceIn: bytes) else { return false }
        return walksLongPhrase(bytes)
    }

    /// Whether `bytes` may hold at least `count` bytes up to 0x20 (white space among them); never `false` when
    /// they do.
    ///
    /// Eight bytes are looked at at once, where a borrow may mark a byte above one up to a space too: the count is
    /// never short.
    static func mayHold(atLeast count: Int, bytesUpToSpaceIn bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return count <= 0 }
        var found = 0
        var index = 0
        while index + 8 <= bytes.count {
            let word = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
            found &+= ((word &- wordOnes &* 0x21) & ~word & wordHigh).nonzeroBitCount
            index += 8
        }
        while index < bytes.count {
            found &+= bytes[index] <= 0x20 ? 1 : 0
            index += 1
        }
        return found >= count
    }

    /// ``opensWithLongPhrase(_:)`` of UTF-8 bytes, read a byte at a time.
    static func walksLongPhrase(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var depth = 0
        var words = 0
        var counts = false
        var hasAt = false
        func endWord() {
            if counts, !hasAt { words += 1 }
            counts = false
            hasAt = false
        }
        for byte in bytes {
            guard byte < 0x80 else { return false }
            // Brackets as PersonEntryParser.splitBrackets(_:) reads them: their content is no part of the name.
            if byte == UInt8(ascii: "(") || byte == UInt8(ascii: "[") {
                depth += 1
            } else if byte == UInt8(ascii: ")") || byte == UInt8(ascii: "]"), depth > 0 {
                depth -= 1
            } else if depth > 0 {
                continue
            } else if isSpace(byte) {
                endWord()
                if words >= 7 { return true }
            } else if isSegmentEnd(byte) {
                break
            } else if byte == UInt8(ascii: "@") {
                hasAt = true
            } else if isUpperLetter(byte) || isLowerLetter(byte) || isDigit(byte) {
                counts = true
            }
        }
        endWord()
        return words >= 7
    }

    /// Whether `byte` may end the first segment of an entry: `,`, `;`, `:` or `-`.
    private static func isSegmentEnd(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "-"): true
        default: false
        }
    }

    /// Whether plain `word` (``isPlain(_:)``) ends with the `s` of a plural: with `s` but not `ss`, and more than three
    /// characters long; `nil` when `word` is not plain.
    static func pluralEnding(_ word: String) -> Bool? {
        withBytes(word) { bytes -> Bool? in
            guard let last = bytes.last else { return false }
            // No character but `s` ends with its byte, whatever the text holds.
            guard last == UInt8(ascii: "s") else { return false }
            guard isPlain(bytes) else { return nil }
            guard bytes.count < 2 || bytes[bytes.count - 2] != UInt8(ascii: "s") else { return false }
            // Each scalar is a character: count the bytes that start one.
            return bytes.count { $0 < 0x80 || $0 >= 0xC0 } > 3
        }
    }

    // MARK: Reading ASCII words

    /// The runs of `bytes` between spaces, without empty ones: `text.split(separator: " ")` of ASCII text.
    static func words(_ bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] { runs(bytes, between: UInt8(ascii: " ")) }

    /// The first run of `bytes` between spaces that starts at `start` or after: the next of ``words(_:)``, read
    /// without an array.
    static func nextWord(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Range<Int>? {
        var lower = start
        while lower < bytes.count, bytes[lower] == UInt8(ascii: " ") { lower += 1 }
        guard lower < bytes.count else { return nil }
        var upper = lower + 1
        while upper < bytes.count, bytes[upper] != UInt8(ascii: " ") { upper += 1 }
        return lower..<upper
    }

    /// The last run of `bytes` between spaces: `words(bytes).last`, read from the end without an array.
    static func lastWord(in bytes: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        var upper = bytes.count
        while upper > 0, bytes[upper - 1] == UInt8(ascii: " ") { upper -= 1 }
        guard upper > 0 else { return nil }
        var lower = upper - 1
        while lower > 0, bytes[lower - 1] != UInt8(ascii: " ") { lower -= 1 }
        return lower..<upper
    }

    /// `words(bytes).count`, without the array.
    static func wordCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        var previous = UInt8(ascii: " ")
        for byte in bytes {
            if byte != UInt8(ascii: " "), previous == UInt8(ascii: " ") { count += 1 }
            previous = byte
        }
        return count
    }

    /// The parts of ASCII `bytes` between `separator`s, without empty ones.
    static func split(_ bytes: UnsafeBufferPointer<UInt8>, at separator: UInt8) -> [UnsafeBufferPointer<UInt8>] {
        runs(bytes, between: separator).map { UnsafeBufferPointer(rebasing: bytes[$0]) }
    }

    /// The runs of `bytes` between `separator`s, without empty ones.
    private static func runs(_ bytes: UnsafeBufferPointer<UInt8>, between separator: UInt8) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        runs.reserveCapacity(bytes.count { $0 == separator } + 1)
        var start = 0
        for index in bytes.indices where bytes[index] == separator {
            if start < index { runs.append(start..<index) }
            start = index + 1
        }
        if start < bytes.count { runs.append(start..<bytes.count) }
        return runs
    }

    /// `range` of ASCII `bytes` without the bytes at its ends that `trims`: `trimming(_:)` of a set of ASCII characters.
    static func trimmed(
        _ range: Range<Int>,
        in bytes: UnsafeBufferPointer<UInt8>,
        where trims: (UInt8) -> Bool
    ) -> Range<Int> {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, trims(bytes[lower]) { lower += 1 }
        while upper > lower, trims(bytes[upper - 1]) { upper -= 1 }
        return lower..<upper
    }

    /// ``PersonEntryParser/singular(_:)`` of ASCII `word` in lower case: without the `s` of a plural.
    static func singular(_ word: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        let s = UInt8(ascii: "s")
        guard word.count > 3, word[word.count - 1] | 0x20 == s, word[word.count - 2] | 0x20 != s else { return word }
        return UnsafeBufferPointer(rebasing: word.dropLast())
    }

    /// ASCII `text` with each of the bytes of `characters` made `replacement`; `nil` when `text` is not ASCII.
    static func replacingASCII(_ text: String, _ characters: StaticString, with replacement: UInt8) -> String? {
        withBytes(text) { bytes in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            return String(unsafeUninitializedCapacity: bytes.count) { out in
                for (index, byte) in bytes.enumerated() {
                    out[index] = PeopleText.isOne(byte, of: characters) ? replacement : byte
                }
                return bytes.count
            }
        }
    }

    /// Whether `text` has at least `count` ASCII letters and digits.
    static func alphanumericCount(_ text: String, atLeast count: Int) -> Bool {
        withBytes(text) { bytes in
            var found = 0
            // A letter of either case is a lower-case one with the 0x20 bit set; each range is one comparison.
            for byte in bytes where (byte | 0x20) &- UInt8(ascii: "a") < 26 || byte &- UInt8(ascii: "0") < 10 {
                found += 1
                if found >= count { return true }
            }
            return false
        }
    }

    // MARK: Splitting ASCII entries

    /// The bytes of `text` when each of its scalars is a character of its own that equals no other scalar: ASCII
    /// but the carriage return, Latin letters and signs (U+0080 to U+02FF) and general punctuation (U+2010 to
    /// U+2027, U+2030 to U+205E: dashes, quotes, bullets); `nil` otherwise.
    ///
    /// In such text a byte that is an ASCII character is that character, whatever surrounds it, so that splitting
    /// at ASCII bytes splits where the characters would.
    static func plainBytes(_ text: String) -> [UInt8]? {
        isPlain(text) ? Array(text.utf8) : nil
    }

    /// Whether each scalar of `text` is a character of its own, as ``plainBytes(_:)`` tells; read in place.
    static func isPlain(_ text: some StringProtocol) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { isPlain($0) } ?? isPlain(text.utf8)
    }

    /// What the next byte of plain text must be: the start of a character, any last byte, or the second or third
    /// byte after `E2`.
    private enum PlainExpect { case start, last, second, thirdOf80, thirdOf81 }

    /// ``isPlain(_:)`` of bytes in place: ASCII text without a carriage return, the most common, at a glance.
    static func isPlain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var all: UInt8 = 0
        var returns: UInt8 = 0
        for byte in bytes {
            all |= byte
            returns |= byte == 0x0D ? 1 : 0
        }
        if all < 0x80 { return returns == 0 }
        return isPlain(scalarsIn: bytes)
    }

    /// ``isPlain(scalars:)`` of bytes in place, stepping a scalar at a time: well-formed UTF-8, as a string's bytes
    /// are, where a lead byte from `C2` to `CB` has one last byte after it.
    private static func isPlain(scalarsIn bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < bytes.count {
            // Eight ASCII bytes without a carriage return are eight plain characters.
            if index + 8 <= bytes.count, let base = bytes.baseAddress {
                let word = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
                if word & wordHigh == 0, matchingBytes(word, 0x0D) == 0 {
                    index += 8
                    continue
                }
            }
            let byte = bytes[index]
            if byte < 0x80 {
                guard byte != 0x0D else { return false }
                index += 1
            } else if byte >= 0xC2, byte <= 0xCB {
                index += 2
            } else {
                guard byte == 0xE2, index + 2 < bytes.count,
                    isPunctuation(second: bytes[index + 1], third: bytes[index + 2])
                else { return false }
                index += 3
            }
        }
        return index == bytes.count
    }

    /// Whether each scalar of the UTF-8 `bytes` is a character of its own, as ``plainBytes(_:)`` tells.
    static func isPlain(_ bytes: some Sequence<UInt8>) -> Bool { isPlain(scalars: bytes) }

    /// ``isPlain(_:)`` read scalar by scalar.
    private static func isPlain(scalars bytes: some Sequence<UInt8>) -> Bool {
        var expect = PlainExpect.start
        for byte in bytes {
            switch expect {
            case .last:
                expect = .start
            case .second:
                guard byte == 0x80 || byte == 0x81 else { return false }
                expect = byte == 0x80 ? .thirdOf80 : .thirdOf81
            case .thirdOf80:
                guard 0x90...0xA7 ~= byte || byte >= 0xB0 else { return false }
                expect = .start
            case .thirdOf81:
                guard byte <= 0x9E else { return false }
                expect = .start
            case .start:
                if byte < 0x80 {
                    guard byte != 0x0D else { return false }
                } else if byte >= 0xC2, byte <= 0xCB {
                    expect = .last
                } else if byte == 0xE2 {
                    expect = .second
                } else {
                    return false
                }
            }
        }
        return expect == .start
    }

    /// ``PersonEntryParser/splitTopLevel(_:separators:mayTrimSpaces:)`` of ``plainBytes(_:)``, at the ASCII `separators`.
    ///
    /// With `trimmingSpaces`, each part comes without the space bytes at its ends.
    static func splitTopLevel(
        _ bytes: UnsafeBufferPointer<UInt8>,
        separators: [UInt8],
        trimmingSpaces: Bool = false
    ) -> [String] {
        func part(_ range: Range<Int>) -> String {
            trimmingSpaces
                ? string(bytes[trimmed(range, in: bytes) { $0 == UInt8(ascii: " ") }]) : string(bytes[range])
        }
        var parts: [String] = []
        // Room for the few parts most entries have, made once rather than grown part by part.
        parts.reserveCapacity(4)
        var start = 0
        var depth = 0
        // One or two separators (`,` and `;`) are compared with each byte rather than looked for in the array.
        let (one, two) = (separators.first ?? 0, separators.last ?? 0)
        let few = separators.count == 1 || separators.count == 2
        var index = 0
        while index < bytes.count {
            // Eight ASCII bytes without a bracket or separator change neither the depth nor the parts.
            if few, let word = asciiWord(bytes, at: index),
                bracketBytes(word) | matchingBytes(word, one) | matchingBytes(word, two) == 0
            {
                index += 8
                continue
            }
            let byte = bytes[index]
            if byte == UInt8(ascii: "(") || byte == UInt8(ascii: "[") { depth += 1 }
            if byte == UInt8(ascii: ")") || byte == UInt8(ascii: "]") { depth = max(0, depth - 1) }
            if depth == 0, few ? byte == one || byte == two : separators.contains(byte) {
                parts.append(part(start..<index))
                start = index + 1
            }
            index += 1
        }
        parts.append(part(start..<bytes.count))
        return parts
    }

    /// ``PersonEntryParser/splitTopLevel(_:phrase:)`` of ``plainBytes(_:)``, before tidying.
    ///
    /// The parts lie between the bytes of `phrase` outside brackets. Each character of `phrase` is one scalar, so its
    /// bytes match where its characters would.
    static func splitTopLevel(_ bytes: UnsafeBufferPointer<UInt8>, phrase: [UInt8]) -> [String] {
        var parts: [String] = []
        var start = 0
        var depth = 0
        var index = 0
        while index < bytes.count {
            if depth == 0, bytes[index...].starts(with: phrase) {
                parts.append(string(bytes[start..<index]))
                index += phrase.count
                start = index
                continue
            }
            if bytes[index] == UInt8(ascii: "(") || bytes[index] == UInt8(ascii: "[") { depth += 1 }
            if bytes[index] == UInt8(ascii: ")") || bytes[index] == UInt8(ascii: "]") { depth = max(0, depth - 1) }
            index += 1
        }
        parts.append(string(bytes[start...]))
        return parts
    }

    /// The parts of ``plainBytes(_:)`` that ``PersonEntryParser/segments(of:textIsTidy:)`` keeps, tidy: the text between commas,
    /// semicolons, the first colon before any of them, and dashes that set parts apart, each made tidy on its bytes.
    static func segments(of bytes: UnsafeBufferPointer<UInt8>) -> [String] {
        var segments: [String] = []
        // Room for the few segments most entries have, made once rather than grown segment by segment.
        segments.reserveCapacity(4)
        var start = 0
        var index = 0
        while index < bytes.count {
            // Eight ASCII bytes without a comma, semicolon, colon or hyphen part nothing.
            if let word = asciiWord(bytes, at: index),
                matchingBytes(word, UInt8(ascii: ",")) | matchingBytes(word, UInt8(ascii: ";"))
                    | matchingBytes(word, UInt8(ascii: ":")) | matchingBytes(word, UInt8(ascii: "-")) == 0
            {
                index += 8
                continue
            }
            let byte = bytes[index]
            let dash = dashLength(at: index, in: bytes)
            if byte == UInt8(ascii: ",") || byte == UInt8(ascii: ";") || (byte == UInt8(ascii: ":") && segments.isEmpty)
            {
                segments.append(tidySegment(bytes[start..<index]))
                start = index + 1
            } else if dash > 0, isSeparatorDash(at: index, length: dash, in: bytes) {
                segments.append(tidySegment(bytes[start..<index]))
                start = index + dash
            }
            index += max(dash, 1)
        }
        segments.append(tidySegment(bytes[start...]))
        return segments
    }

    /// ``tidy(bytes:)`` of `part` without the spaces at its ends, which tidying drops: the part between separators is
    /// then tidy as it stands, most often, and made a string at once.
    private static func tidySegment(_ part: Slice<UnsafeBufferPointer<UInt8>>) -> String {
        var part = part
        while part.first == UInt8(ascii: " ") { part.removeFirst() }
        while part.last == UInt8(ascii: " ") { part.removeLast() }
        return tidy(bytes: UnsafeBufferPointer(rebasing: part))
    }

    /// Whether `byte` may part segments: a comma, semicolon, colon, `-`, the lead byte of `–` and `—`, or of U+037E,
    /// which equals `;`.
    static func maySeparateSegments(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "-"), 0xE2, 0xCD: true
        default: false
        }
    }

    /// The length of the dash (`-`, `–`, `—`) at `index`, or 0.
    static func dashLength(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        if bytes[index] == UInt8(ascii: "-") { return 1 }
        guard bytes[index] == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80,
            bytes[index + 2] == 0x93 || bytes[index + 2] == 0x94
        else { return 0 }
        return 3
    }

    /// ``PersonEntryParser/isSeparatorDash(at:in:)`` of the dash of `length` bytes at `index` of ``plainBytes(_:)``.
    static func isSeparatorDash(at index: Int, length: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let space = UInt8(ascii: " ")
        let before = index > 0 ? bytes[index - 1] : space
        let after = index + length < bytes.count ? bytes[index + length] : space
        if before == space || after == space { return true }
        var start = index
        while start > 0, bytes[start - 1] != space { start -= 1 }
        // An ASCII byte is a character of its own, whose case its byte tells.
        let first = bytes[start]
        let next = bytes[index + length]
        guard first < 0x80 ? isUpperLetter(first) : character(at: start, in: bytes).isUppercase,
            next < 0x80 ? isLowerLetter(next) : character(at: index + length, in: bytes).isLowercase
        else { return false }
        var end = index + length
        while end < bytes.count, bytes[end] != space { end += 1 }
        return PersonEntryParser.dashSetsOffRole(
            word: string(bytes[start..<index]),
            next: string(bytes[(index + length)..<end]),
            rest: string(bytes[(index + length)...])
        )
    }

    /// The character that starts at `index` of ``plainBytes(_:)``, where each scalar is one.
    private static func character(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Character {
        let byte = bytes[index]
        if byte < 0x80 { return Character(Unicode.Scalar(byte)) }
        let length = byte >= 0xE0 ? 3 : 2
        return string(bytes[index..<min(index + length, bytes.count)]).first ?? " "
    }

    private static func string(_ bytes: some Collection<UInt8>) -> String { String(decoding: bytes, as: UTF8.self) }
}
