import Ingest
import PropertyBased
import Testing

@testable import Publish

/// The byte-level helpers of the JSON writers against plain definitions: word tests against byte-by-byte tests, the
/// escape scan against the scalars `JSONValue.writeString` escapes, digits against `String(_:)`.
@Suite struct JSONBytesTests {
    @Test func wordTestsAreExact() {
        var random = SplitMix(seed: 7)
        let interesting: [UInt8] = [
            0x00, 0x01, 0x1F, 0x20, 0x21, 0x22, 0x23, 0x5C, 0x7E, 0x7F, 0x80, 0x81, 0xE1, 0xE2, 0xFF,
        ]
        for _ in 0..<20_000 {
            let bytes = (0..<8).map { _ in
                Bool.random(using: &random)
                    ? interesting.randomElement(using: &random) ?? 0 : UInt8.random(in: 0...255, using: &random)
            }
            let word = bytes.withUnsafeBufferPointer { buffer in buffer.baseAddress.map { ASCIIWord.load($0, at: 0) } }
            for byte in interesting {
                #expect(word.map { ASCIIWord.has($0, byte) } == bytes.contains(byte), "\(bytes) \(byte)")
            }
            for bound: UInt8 in [0x01, 0x20, 0x21, 0x80] {
                #expect(
                    word.map { ASCIIWord.hasBelow($0, bound) } == bytes.contains { $0 < bound },
                    "\(bytes) \(bound)"
                )
            }
        }
    }

    /// Whether `JSONValue.writeString` escapes a scalar of `text`.
    static func escapesAScalar(_ text: String) -> Bool {
        text.unicodeScalars.contains {
            $0.value < 0x20 || $0 == "\"" || $0 == "\\" || $0.value == 0x7F || $0 == "\u{2028}" || $0 == "\u{2029}"
        }
    }

    @Test func theEscapeScanFindsEveryEscapedScalarAtEveryPlace() {
        let marks = [
            "\"", "\\", "\u{0}", "\u{1F}", "\u{7F}", "\u{2028}", "\u{2029}", "\u{2027}", "\u{202A}", "’", "é", " ",
            "\t", "\n", "~", "!", "#", "[", "]", "\u{80}", "\u{A0}",
        ]
        for mark in marks {
            for before in 0..<20 {
                for after in 0..<10 {
                    let text = String(repeating: "a", count: before) + mark + String(repeating: "b", count: after)
                    var copy = text
                    let found = copy.withUTF8 { JSONValue.needsEscape($0) }
                    #expect(found == Self.escapesAScalar(text), "\(text.debugDescription)")
                }
            }
        }
    }

    @Test func theEscapeScanAgreesOnArbitraryText() async {
        await propertyCheck(count: 500, input: jsonString) { text in
            var copy = text
            #expect(copy.withUTF8 { JSONValue.needsEscape($0) } == Self.escapesAScalar(text))
        }
    }

    @Test func digitsAreStringsDigits() {
        var random = SplitMix(seed: 11)
        var values = [0, 1, -1, 9, 10, -10, 99, 100, 999_999, 1_000_000, Int.max, Int.min, Int.min + 1, Int.max - 1]
        // Every value around the one- and two-digit fast path.
        values += Array(-120...1_100)
        values += (0..<2000).map { _ in
            Int.random(in: Int.min...Int.max, using: &random) >> Int.random(in: 0...63, using: &random)
        }
        for value in values {
            var out: [UInt8] = [0x41]
            JSONValue.writeInt(value, to: &out)
            #expect(out == [0x41] + Array(String(value).utf8), "\(value)")
        }
    }
}
