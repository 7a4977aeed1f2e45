/// ASCII phrases in lower case, looked for at either end of a text's bytes in any case, without a string or array per
/// phrase: the first or last byte of each rules most texts out at a glance.
struct PhraseBytes: Sendable {
    /// The phrases' bytes, one after another.
    private let letters: [UInt8]
    /// Where each phrase's bytes are in `letters`.
    private let spans: [Range<Int>]
    /// A bit for each ASCII byte that starts a phrase, and for each that ends one.
    private let firsts: (UInt64, UInt64)
    private let lasts: (UInt64, UInt64)
    /// The bytes of the longest phrase.
    let longest: Int

    /// The phrases, which must be ASCII in lower case.
    init(_ phrases: [String]) {
        precondition(phrases.allSatisfy { $0.utf8.allSatisfy { $0 < 0x80 && !PeopleBytes.isUpperLetter($0) } })
        var letters: [UInt8] = []
        var spans: [Range<Int>] = []
        var firsts: (UInt64, UInt64) = (0, 0)
        var lasts: (UInt64, UInt64) = (0, 0)
        for phrase in phrases where !phrase.isEmpty {
            spans.append(letters.count..<letters.count + phrase.utf8.count)
            letters += phrase.utf8
            Self.insert(phrase.utf8.first ?? 0, into: &firsts)
            Self.insert(phrase.utf8.last ?? 0, into: &lasts)
        }
        self.letters = letters
        self.spans = spans
        self.firsts = firsts
        self.lasts = lasts
        self.longest = spans.map(\.count).max() ?? 0
    }

    /// Whether a phrase starts with the ASCII `byte` in any case.
    @inline(__always)
    func mayStart(with byte: UInt8) -> Bool { Self.contains(Self.lowered(byte), in: firsts) }

    /// Whether a phrase ends with the ASCII `byte` in any case.
    @inline(__always)
    func mayEnd(with byte: UInt8) -> Bool { Self.contains(Self.lowered(byte), in: lasts) }

    /// Whether the ASCII bytes of `range` in `bytes` open with one of the phrases, in any case.
    func opens(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        guard let first = range.first, Self.contains(Self.lowered(bytes[first]), in: firsts) else { return false }
        return holds(bytes, range) { _ in range.lowerBound }
    }

    /// Whether the ASCII bytes of `range` in `bytes` end with one of the phrases, in any case.
    func ends(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        guard let last = range.last, Self.contains(Self.lowered(bytes[last]), in: lasts) else { return false }
        return holds(bytes, range) { span in range.upperBound - span.count }
    }

    /// Whether a phrase is the bytes of `range` in `bytes` that start where `start` of its span says, in lower case:
    /// the phrases are looked through in one loop over their bytes, read in place.
    @inline(__always)
    private func holds(
        _ bytes: UnsafeBufferPointer<UInt8>,
        _ range: Range<Int>,
        from start: (Range<Int>) -> Int
    ) -> Bool {
        letters.withUnsafeBufferPointer { letters in
            phrases: for span in spans where span.count <= range.count {
                let offset = start(span) - span.lowerBound
                for index in span where Self.lowered(bytes[offset + index]) != letters[index] { continue phrases }
                return true
            }
            return false
        }
    }

    @inline(__always)
    private static func lowered(_ byte: UInt8) -> UInt8 { PeopleBytes.lowered(byte) }

    private static func insert(_ byte: UInt8, into bits: inout (UInt64, UInt64)) {
        if byte < 64 { bits.0 |= 1 << UInt64(byte) } else if byte < 128 { bits.1 |= 1 << UInt64(byte - 64) }
    }

    @inline(__always)
    private static func contains(_ byte: UInt8, in bits: (UInt64, UInt64)) -> Bool {
        if byte < 64 { return bits.0 & (1 << UInt64(byte)) != 0 }
        if byte < 128 { return bits.1 & (1 << UInt64(byte - 64)) != 0 }
        return false
    }
}
