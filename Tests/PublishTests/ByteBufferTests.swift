import Testing

@testable import Publish

@Suite struct ByteBufferTests {
    /// The JSON and CSV writers' buffer copies through the same short copy: the same bytes as an array appends.
    @Test func aByteBufferAppendsEveryLengthAsAnArrayDoes() {
        var buffer = ByteBuffer(capacity: 1)
        let expected = appendEveryPiece({ buffer.append($0) }, { buffer.append($0) })
        let same = buffer.withBytes { Array($0) == expected }
        #expect(same)
    }
}
