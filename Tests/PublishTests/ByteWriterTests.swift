import Testing

@testable import Publish

/// Appends, through `append` and `appendByte`, pieces of every length up to past the short copy's, at every
/// offset of a source, each followed by a byte; returns what an array holds after the same appends.
func appendEveryPiece(
    _ append: (UnsafeBufferPointer<UInt8>) -> Void,
    _ appendByte: (UInt8) -> Void
) -> [UInt8] {
    let source = (0..<64).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
    var expected: [UInt8] = []
    source.withUnsafeBufferPointer { source in
        for length in 0...40 {
            for start in 0...(source.count - length) {
                let piece = UnsafeBufferPointer(rebasing: source[start..<(start + length)])
                append(piece)
                expected.append(contentsOf: piece)
                appendByte(0xFF)
                expected.append(0xFF)
            }
        }
    }
    return expected
}

@Suite struct ByteWriterTests {
    /// Pieces of every length, into a writer that grows, come out as an array appends them.
    @Test func appendsEveryLengthAsAnArrayDoes() {
        var writer = ByteWriter(capacity: 1)
        let expected = appendEveryPiece({ writer.append($0) }, { writer.append(byte: $0) })
        // Compared whole, and reported by the first place they differ: the bytes are too many to print.
        let written = writer.bytes()
        let difference = zip(written, expected).enumerated().first { $0.element.0 != $0.element.1 }?.offset
        #expect(written.count == expected.count && difference == nil, "first difference at \(difference ?? -1)")
        let lent = writer.withBytes { Array($0) == written }
        #expect(lent)
    }

    /// Numbers of every width and sign, appended from every fill level of the smallest writer through two growths,
    /// come out as their `String`s, and no append writes past the memory the writer holds (which its bytes, copied
    /// when it grows, would not show).
    @Test func appendsDecimalsAtEveryFillLevelAsStringsPrintThem() {
        let values = [Int.min, .max, -1, 0, 99, 7, -42, 1_000_000]
        let smallest = ByteWriter(capacity: 0).capacity
        for fill in 0..<smallest {
            var writer = ByteWriter(capacity: 0)
            var expected: [UInt8] = []
            for _ in 0..<fill {
                writer.append(byte: 0x2E)
                expected.append(0x2E)
            }
            var appended = 0
            while writer.capacity < 4 * smallest || appended < values.count {
                let value = values[appended % values.count]
                writer.append(decimal: value)
                expected.append(contentsOf: String(value).utf8)
                appended += 1
                #expect(writer.count <= writer.capacity, "fill \(fill): \(value) written past the memory")
            }
            let same = writer.withBytes { Array($0) == expected }
            #expect(same, "fill \(fill)")
        }
    }
}
