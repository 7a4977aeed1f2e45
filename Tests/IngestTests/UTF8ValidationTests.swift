import Testing

@testable import Ingest

@Suite struct UTF8ValidationTests {
    /// What the standard library answers for `bytes` whole.
    private func libraryAnswer(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { (try? UTF8Span(validating: $0.span)) != nil }
    }

    @Test func answersAsTheStandardLibraryOnTrickyBytes() {
        let texts = ["", "a", "plain ASCII text longer than eight bytes", "Zoë – café", "日本語のテキスト", "🙂 emoji 🙂"]
        var cases: [[UInt8]] = texts.map { Array($0.utf8) }
        cases += [
            [0x80], [0xC3], [0xC3, 0x28], [0xE2, 0x80], [0xE2, 0x80, 0x93, 0x80], [0xC0, 0xAF], [0xED, 0xA0, 0x80],
            [0xF4, 0x90, 0x80, 0x80], [0xF0, 0x9F, 0x99], [0xFF], Array("abcdefgh".utf8) + [0xC3],
            Array("abcdefghi".utf8) + [0xC3, 0xA9] + Array("jklmnopq".utf8),
            Array("abcdefgh".utf8) + [0xC3] + Array("ijklmnop".utf8) + [0xA9],
            [0xC3, 0xA9, 0x41, 0xA9], Array("12345678".utf8) + [0xE2, 0x80, 0x93, 0xE2, 0x80] + Array("x".utf8),
        ]
        for bytes in cases {
            #expect(TextBytes.isValidUTF8(bytes) == libraryAnswer(bytes), "\(bytes)")
        }
    }

    @Test func answersAsTheStandardLibraryWhereverABadByteFalls() {
        let text = Array("Minutes of the meeting – Zoë Ångström agreed, 日本 🙂 and more plain text after it".utf8)
        for place in text.indices {
            for bad: UInt8 in [0x80, 0xC3, 0xFF, 0x41] {
                var bytes = text
                bytes[place] = bad
                #expect(TextBytes.isValidUTF8(bytes) == libraryAnswer(bytes), "\(place) \(bad)")
            }
            #expect(TextBytes.isValidUTF8(Array(text[..<place])) == libraryAnswer(Array(text[..<place])))
        }
    }
}
