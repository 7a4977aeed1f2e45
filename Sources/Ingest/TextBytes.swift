/// UTF-8 bytes read by scalars and turned into a `String` quickly when they are mostly ASCII, as notes are.
///
/// The standard library checks a buffer eight bytes at a time only when all of it is ASCII; one `é` sends the whole
/// note through its byte-by-byte path. Here the ASCII runs are passed eight bytes at a time and only the bytes of
/// other characters are looked at one by one.
public enum TextBytes {
    /// The scalar of the well-formed multi-byte UTF-8 sequence at `index`, with its length; `nil` when the bytes
    /// there are not one (an ASCII byte, a stray continuation byte, an overlong form, a surrogate, a cut sequence).
    static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar, Int)? {
        let lead = bytes[index]
        let length: Int
        var value: UInt32
        switch lead {
        case 0xC2...0xDF: (length, value) = (2, UInt32(lead & 0x1F))
        case 0xE0...0xEF: (length, value) = (3, UInt32(lead & 0x0F))
        case 0xF0...0xF4: (length, value) = (4, UInt32(lead & 0x07))
        default: return nil
        }
        guard index + length <= bytes.count else { return nil }
        for offset in 1..<length {
            let byte = bytes[index + offset]
            guard byte & 0xC0 == 0x80 else { return nil }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        let minimum: UInt32 = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000
        guard value >= minimum, let scalar = Unicode.Scalar(value) else { return nil }
        return (scalar, length)
    }

    /// `String(decoding: bytes, as: UTF8.self)`, with the ASCII runs checked eight bytes at a time: well-formed bytes
    /// (``isValidUTF8(_:)-(UnsafeBufferPointer<UInt8>)``) are copied whole; others are made from their runs in turn
    /// (``repairing(_:from:)``).
    static func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let index = nextNonASCII(in: bytes, from: 0)
        guard index < bytes.count else { return String(decoding: bytes, as: UTF8.self) }
        // Well-formed bytes (as normalised notes are) are the string's own: copied once, not run by run.
        if isValidUTF8(bytes) {
            return String(copying: UTF8Span(unchecked: bytes.span))
        }
        return repairing(bytes, from: index)
    }

    /// ``string(_:)`` of bytes that may be ill-formed, the first byte past ASCII at `first`: each run of ASCII and
    /// each run of other bytes decoded in turn. (Invalid bytes lie in the runs of non-ASCII bytes and are repaired
    /// there exactly as in the whole.)
    private static func repairing(_ bytes: UnsafeBufferPointer<UInt8>, from first: Int) -> String {
        var index = first
        var result = ""
        result.reserveCapacity(bytes.count)
        var start = 0
        while start < bytes.count {
            if index > start {
                result += String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
            }
            var end = index
            while end < bytes.count, bytes[end] >= 0x80 { end += 1 }
            if end > index {
                result += String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self)
            }
            start = end
            index = nextNonASCII(in: bytes, from: end)
        }
        return result
    }

    /// Whether `bytes` are valid UTF-8, as `UTF8Span(validating:)` answers for them whole: the ASCII runs are passed
    /// eight bytes at a time and only the runs of other bytes are checked, by the standard library. (Valid UTF-8 is
    /// ASCII bytes and sequences of bytes from 0x80 up, so bytes are valid exactly when each such run is.)
    public static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = nextNonASCII(in: bytes, from: 0)
        while index < bytes.count {
            var end = index
            while end < bytes.count, bytes[end] >= 0x80 { end += 1 }
            guard (try? UTF8Span(validating: UnsafeBufferPointer(rebasing: bytes[index..<end]).span)) != nil else {
                return false
            }
            index = nextNonASCII(in: bytes, from: end)
        }
        return true
    }

    /// ``isValidUTF8(_:)-(UnsafeBufferPointer<UInt8>)`` of the bytes of an array.
    public static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { isValidUTF8($0) }
    }

    /// ``string(_:)`` of the bytes of a slice of an array.
    static func string(_ bytes: ArraySlice<UInt8>) -> String {
        bytes.withUnsafeBufferPointer { string($0) }
    }

    /// The index of the first byte at or after `start` that is not ASCII, or `bytes.count`; eight bytes at a time.
    @inline(__always) static func nextNonASCII(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = bytes.baseAddress else { return bytes.count }
        var index = start
        while index + 8 <= bytes.count, ASCIIWord.load(base, at: index) & ASCIIWord.high == 0 { index += 8 }
        while index < bytes.count, bytes[index] < 0x80 { index += 1 }
        return index
    }
}

extension ASCIIWord {
    /// Whether any byte of `word` lies strictly between `lower` and `upper` (`lower` at most 127, `upper` at most
    /// 128); bytes from 0x80 never do.
    @inline(__always) static func hasBetween(_ word: UInt64, _ lower: UInt8, _ upper: UInt8) -> Bool {
        let low = word & (ones &* 127)
        return (ones &* (127 + UInt64(upper)) &- low) & ~word & (low &+ ones &* (127 - UInt64(lower))) & high != 0
    }

    /// Whether every byte of `word` is printable ASCII, a tab or a line feed: text that needs no cleaning.
    @inline(__always) static func isPlainText(_ word: UInt64) -> Bool {
        word & high == 0 && !hasBelow(word, 0x09) && !hasBetween(word, 0x0A, 0x20) && !has(word, 0x7F)
    }
}
