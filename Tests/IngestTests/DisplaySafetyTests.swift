import Testing

@testable import Ingest

@Suite struct DisplaySafetyTests {
    @Test func theByteCheckAgreesWithTheScalarCheckOnEveryScalarNearTheUnsafeOnes() {
        let scalars =
            (0...0x2100).compactMap(Unicode.Scalar.init) + [Unicode.Scalar(0x1F600)!, Unicode.Scalar(0x10FFFF)!]
        for scalar in scalars {
            for text in ["\(scalar)", "a\(scalar)b", "é\(scalar)", "\(scalar)\u{301}"] {
                #expect(
                    DisplaySafety.containsUnsafe(text) == text.unicodeScalars.contains(where: DisplaySafety.isUnsafe),
                    "U+\(String(scalar.value, radix: 16))"
                )
            }
        }
    }

    @Test func neutraliseReplacesOnlyUnsafeScalars() {
        #expect(DisplaySafety.neutralise("a\tb\nc") == "a\tb\nc")
        #expect(DisplaySafety.neutralise("a\u{7}b\u{202E}c\u{85}d\u{2066}") == "a\u{FFFD}b\u{FFFD}c\u{FFFD}d\u{FFFD}")
        #expect(DisplaySafety.neutralise("\r\n") == "\u{FFFD}\n")
    }

    @Test func theByteCheckFindsUnsafeScalarsAtEveryPlaceInALongText() {
        let scalars: [Unicode.Scalar] = [
            "\u{7}", "\u{0}", "\r", "\u{7F}", "\u{85}", "\u{9F}", "\u{202A}", "\u{202E}", "\u{2066}", "\u{2069}",
        ]
        // Safe scalars that share a lead byte with unsafe ones, and plain ones.
        let safe: [Unicode.Scalar] = [
            "\t", "\n", "\u{A0}", "\u{A9}", "\u{2013}", "\u{2029}", "\u{202F}", "\u{2065}", "\u{206A}", "é",
        ]
        for offset in 0..<20 {
            for scalar in scalars + safe {
                let text =
                    String(repeating: "a", count: offset) + "\(scalar)" + String(repeating: "b", count: 21 - offset)
                #expect(
                    DisplaySafety.containsUnsafe(text) == DisplaySafety.isUnsafe(scalar),
                    "\(offset) \(scalar.value)"
                )
                #expect(DisplaySafety.neutralise(text).unicodeScalars.contains(where: DisplaySafety.isUnsafe) == false)
            }
        }
    }
}
