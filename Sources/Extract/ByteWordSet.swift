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

    /// A hash of the bytes, equal for bytes equal in lower case: read eight at a time (the last eight, or the first
    /// and last four, overlapping), each byte with its `0x20` bit set, as a letter of either case then is.
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        let count = bytes.count
        guard let base = bytes.baseAddress, count > 0 else { return 0 }
        let raw = UnsafeRawPointer(base)
        let spaces: UInt64 = 0x2020_2020_2020_2020
        var hash = UInt64(count) &* 0x9E37_79B9_7F4A_7C15
        @inline(__always) func mix(_ word: UInt64) {
            hash = (hash ^ (word | spaces)) &* 0xFF51_AFD7_ED55_8CCD
            hash ^= hash >> 29
        }
        if count >= 8 {
            var offset = 0
            while offset &+ 8 <= count {
                mix(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
                offset &+= 8
            }
            if offset < count {
                mix(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: count &- 8, as: UInt64.self)))
            }
        } else if count >= 4 {
            let head = UInt64(UInt32(littleEndian: raw.loadUnaligned(as: UInt32.self)))
            let tail = UInt64(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: count &- 4, as: UInt32.self)))
            mix(head | tail << 32)
        } else {
            var word: UInt64 = 0
            for index in 0..<count { word = word << 8 | UInt64(base[index]) }
            mix(word)
        }
        return UInt32(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> 32)
    }

    private static func lowered(_ byte: UInt8) -> UInt8 { PeopleBytes.lowered(byte) }
}
