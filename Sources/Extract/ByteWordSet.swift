/// A set of ASCII words looked up by the bytes of a text in lower case, without making a string of them: what
/// `Set<String>.contains(lowercased(text))` answers for ASCII text.
///
/// Words that are no ASCII text as characters, or not in lower case, are left out: no ASCII text in lower case equals
/// them. A word with U+037E, U+1FEF or U+212A is kept as the ASCII it equals (`;`, `` ` ``, `K`).
struct ByteWordSet: Sendable {
    /// The words' bytes, one after another.
    private let letters: [UInt8]
    /// Where each word's bytes are in `letters`.
    private let spans: [Range<Int>]
    /// For each slot, one more than the index in `spans` of the word hashed to it (or the next free one), or 0.
    private let slots: [Int32]

    /// The ASCII lower-case words of `words`, each as ``PeopleBytes/asciiEquivalent(_:)`` spells it.
    init(_ words: some Sequence<String>) {
        var letters: [UInt8] = []
        var spans: [Range<Int>] = []
        for word in words.compactMap(PeopleBytes.asciiEquivalent)
        where !word.utf8.contains(where: PeopleBytes.isUpperLetter) {
            spans.append(letters.count..<letters.count + word.utf8.count)
            letters += word.utf8
        }
        var size = 8
        while size < spans.count * 4 { size *= 2 }
        var slots = [Int32](repeating: 0, count: size)
        for (index, span) in spans.enumerated() {
            var slot =
                Int(letters.withUnsafeBufferPointer { Self.hash(UnsafeBufferPointer(rebasing: $0[span])) }) & (size - 1)
            while slots[slot] != 0 { slot = (slot + 1) & (size - 1) }
            slots[slot] = Int32(index + 1)
        }
        self.letters = letters
        self.spans = spans
        self.slots = slots
    }

    /// Whether the ASCII `bytes`, in lower case, are one of the words.
    func containsLowered(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let mask = slots.count - 1
        var slot = Int(Self.hash(bytes)) & mask
        // The tables are read in place, a byte at a time.
        return letters.withUnsafeBufferPointer { letters in
            spans.withUnsafeBufferPointer { spans in
                slots.withUnsafeBufferPointer { slots in
                    while slots[slot] != 0 {
                        let span = spans[Int(slots[slot]) - 1]
                        if span.count == bytes.count, Self.equalsLowered(letters, span, bytes) { return true }
                        slot = (slot + 1) & mask
                    }
                    return false
                }
            }
        }
    }

    /// Whether the word at `span` of `letters` is `bytes` in lower case; they have as many bytes.
    @inline(__always)
    private static func equalsLowered(
        _ letters: UnsafeBufferPointer<UInt8>,
        _ span: Range<Int>,
        _ bytes: UnsafeBufferPointer<UInt8>
    ) -> Bool {
        for offset in 0..<span.count where letters[span.lowerBound + offset] != lowered(bytes[offset]) {
            return false
        }
        return true
    }

    /// ``containsLowered(_:)`` of the bytes of `text`; `nil` when `text` is not ASCII.
    func containsLowered(_ text: some StringProtocol) -> Bool? {
        let answer = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
            bytes.allSatisfy { $0 < 0x80 } ? containsLowered(bytes) : nil
        }
        return answer ?? nil
    }

    /// FNV-1a of the bytes in lower case.
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var hash: UInt32 = 2_166_136_261
        for byte in bytes { hash = (hash ^ UInt32(lowered(byte))) &* 16_777_619 }
        return hash
    }

    private static func lowered(_ byte: UInt8) -> UInt8 { PeopleBytes.isUpperLetter(byte) ? byte | 0x20 : byte }
}
