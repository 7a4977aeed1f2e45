/// The first two ASCII letters or digits, in lower case, of each word of a list: a first look that rules out most
/// texts before they are lowered, trimmed and looked up in the list.
///
/// Lower case, trimming, tidying and ``PersonEntryParser/clean(_:)`` neither add, drop nor reorder the letters and
/// digits of ASCII text, so that such a text whose first two letters or digits start no word of the list is, after
/// any of them, no word of it.
struct LeadPairs: Sendable {
    /// For each first letter or digit (``slot(_:)``), a bit for each second one that follows it in a word.
    private let bits: [UInt64]
    /// Whether the ASCII bytes a text opens with decide, as ASCII text does: every word of the list is ASCII (as
    /// characters) or holds no ASCII letter or digit.
    private let prefixDecides: Bool

    /// The pairs that start `words`; words that no ASCII text equals are left out, and each other one is read as
    /// the ASCII it equals (``PeopleBytes/asciiEquivalent(_:)``).
    init(_ words: some Sequence<String>) {
        var bits = [UInt64](repeating: 0, count: 36)
        var prefixDecides = true
        for word in words {
            guard let ascii = PeopleBytes.asciiEquivalent(word) else {
                // A word beyond ASCII with letters or digits of ASCII might share them with a text: its lead is not in
                // `bits`, so that only ASCII texts are ruled out.
                if word.utf8.contains(where: { Self.slot($0) != nil }) { prefixDecides = false }
                continue
            }
            if let (first, second) = Self.lead(ascii.utf8) { bits[first] |= 1 << UInt64(second) }
        }
        self.bits = bits
        self.prefixDecides = prefixDecides
    }

    /// Whether `text` may be a word of the list once lowered, trimmed or cleaned: `false` only when it is ASCII, has
    /// two letters or digits or more, and its first two start no word of the list.
    ///
    /// A text beyond ASCII is read as ASCII text is when its first two letters or digits stand in an ASCII run at its
    /// start, the second with an ASCII byte (or none) after it: each of those is then a character of its own, which
    /// lower case, trimming and cleaning keep, and before which they add no letter or digit; a word of the list (ASCII,
    /// or without ASCII letters and digits) that the text becomes starts with them.
    func mayMatch(_ text: String) -> Bool {
        let lead = text.utf8.withContiguousStorageIfAvailable { bytes -> (Int, Int)? in
            var first: Int?
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                guard byte < 0x80 else { return nil }
                index += 1
                guard let slot = Self.slot(byte) else { continue }
                guard let found = first else {
                    first = slot
                    continue
                }
                // Beyond ASCII only where the prefix decides and the second is a character of its own.
                if !prefixDecides || index < bytes.count && bytes[index] >= 0x80 {
                    return bytes[index...].contains { $0 >= 0x80 } ? nil : (found, slot)
                }
                return (found, slot)
            }
            return nil
        }
        guard let lead, let (first, second) = lead else { return true }
        return bits[first] & (1 << UInt64(second)) != 0
    }

    /// The slots of the first two ASCII letters or digits of `bytes`, or `nil` when it has fewer.
    private static func lead(_ bytes: some Sequence<UInt8>) -> (Int, Int)? {
        var first: Int?
        for byte in bytes {
            guard let slot = slot(byte) else { continue }
            guard let first else {
                first = slot
                continue
            }
            return (first, slot)
        }
        return nil
    }

    /// `0`–`9` for digits, `10`–`35` for letters of either case; `nil` for other bytes.
    private static func slot(_ byte: UInt8) -> Int? {
        if PeopleBytes.isDigit(byte) { return Int(byte - UInt8(ascii: "0")) }
        let lower = byte | 0x20
        if PeopleBytes.isLowerLetter(lower) { return 10 + Int(lower - UInt8(ascii: "a")) }
        return nil
    }
}
