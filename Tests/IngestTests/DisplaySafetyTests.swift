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
}
