import Testing

@testable import Publish

@Suite struct ByteWriterTests {
    /// Pieces of every length up to past the short copy's, at every offset of a source and into a writer that grows,
    /// come out as an array appends them.
    @Test func appendsEveryLengthAsAnArrayDoes() {
        let source = (0..<64).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
        var writer = ByteWriter(capacity: 1)
        var expected: [UInt8] = []
        source.withUnsafeBufferPointer { source in
            for length in 0...40 {
                for start in 0...(source.count - length) {
                    let piece = UnsafeBufferPointer(rebasing: source[start..<(start + length)])
                    writer.append(piece)
                    expected.append(contentsOf: piece)
                    writer.append(byte: 0xFF)
                    expected.append(0xFF)
                }
            }
        }
        // Compared whole, and reported by the first place they differ: the bytes are too many to print.
        let written = writer.bytes()
        let difference = zip(written, expected).enumerated().first { $0.element.0 != $0.element.1 }?.offset
        #expect(written.count == expected.count && difference == nil, "first difference at \(difference ?? -1)")
        let lent = writer.withBytes { Array($0) == written }
        #expect(lent)
    }
}
