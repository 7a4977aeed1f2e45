import Testing

@testable import Ingest

/// The byte readers of ``TextBytes`` and ``ASCIIWord`` held to what the standard library and a byte loop say.
@Suite struct TextBytesTests {
    /// Texts with what trips UTF-8 readers: letters beyond ASCII, combining marks, NBSP, curly quotes, CRLF, BOMs,
    /// emoji, and bytes that are not UTF-8 (overlong forms, surrogates, code points past U+10FFFF, stray and
    /// missing continuation bytes).
    static let tricky: [[UInt8]] = {
        let texts = [
            "", "a", "plain ASCII, longer than eight bytes\n", "Réunion – 21st", "e\u{301}te\u{301}",
            "15:00\u{A0}–\u{A0}17:00",
            "“quoted” ‘and’ more", "a\r\nb\r\n", "\u{FEFF}# Title", "👩‍👩‍👧 family 🇬🇧", "Ω≈ç√∫˜µ≤≥÷", "中文の見出し",
            "\u{202E}evil\u{2066}x\u{2069}", "tab\there\u{85}next\u{7F}",
        ]
        var inputs = texts.map { Array($0.utf8) }
        let bad: [[UInt8]] = [
            [0xC0, 0x80], [0xC1, 0xBF], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80],
            [0xF5, 0x80, 0x80, 0x80], [0x80], [0xBF], [0xC2], [0xE2, 0x80], [0xF0, 0x9F, 0x98], [0xFF], [0xFE, 0xFF],
            [0xE2, 0x80, 0x41], [0x93, 0x43, 0x61, 0x66, 0xE9, 0x94],
        ]
        // Each odd sequence, and each ASCII byte at the edges of what the word tests let through whole, alone and
        // at every offset of a long ASCII line, so that the eight-byte steps meet it at each place in a word.
        let edges: [[UInt8]] = [
            [0x00], [0x08], [0x09], [0x0A], [0x0B], [0x0D], [0x0D, 0x0A], [0x1F], [0x20], [0x7E], [0x7F],
        ]
        for sequence in bad + edges + [Array("é".utf8), Array("–".utf8), Array("😀".utf8), Array("\u{A0}".utf8)] {
            inputs.append(sequence)
            for offset in 0..<18 {
                inputs.append(
                    Array(repeating: 0x61, count: offset) + sequence + Array(repeating: 0x62, count: 19 - offset)
                )
            }
        }
        // Control characters and a cut sequence on both sides of the end of the sample the decoder looks at.
        inputs.append(
            Array(repeating: 0x61, count: 8189) + [0x01, 0x02, 0x7F, 0x03, 0x04, 0xC3, 0xA9, 0x00, 0xE2, 0x80]
        )
        // Past the sample: controls and NULs that do not count, and bytes that are not UTF-8 at every place.
        inputs.append(
            Array(repeating: 0x61, count: 9000) + [0x01, 0x00, 0x7F, 0x0B] + Array(repeating: 0x61, count: 20)
        )
        for offset in 0..<17 {
            inputs.append(Array(repeating: 0x62, count: 8192 + offset) + [0xE2, 0x28, 0xA1] + Array("aé".utf8))
            inputs.append(Array(repeating: 0x62, count: 8192 + offset) + [0x00, 0xC3, 0xA9, 0x09, 0x0A, 0xC3])
        }
        // And some bytes drawn at random (the same each run).
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        for length in 0..<200 {
            inputs.append(
                (0..<length % 40).map { _ in
                    seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                    let byte = UInt8(truncatingIfNeeded: seed >> 56)
                    return length % 3 == 0 ? byte : byte & 0x7F | (byte & 0x01 == 0 ? 0 : 0x80)
                }
            )
        }
        return inputs
    }()

    @Test func validationAgreesWithTheStandardLibrary() {
        for bytes in Self.tricky {
            let survey = bytes.withUnsafeBufferPointer { TextDecoder.survey($0) }
            #expect(survey.isUTF8 == (String(validating: bytes, as: UTF8.self) != nil), "\(bytes)")
            let sample = bytes.prefix(TextDecoder.sampleSize)
            #expect(survey.hasNUL == sample.contains(0))
            #expect(survey.controls == sample.count { $0 < 0x20 && !(0x09...0x0D).contains($0) || $0 == 0x7F })
        }
    }

    @Test func makingAStringByRunsGivesWhatDecodingTheWholeGives() {
        for bytes in Self.tricky {
            let expected = String(decoding: bytes, as: UTF8.self)
            let made = TextBytes.string(bytes[...])
            #expect(Array(made.utf8) == Array(expected.utf8), "\(bytes)")
            #expect(made == expected)
            #expect(made.count == expected.count)
        }
    }

    @Test func theWordTestsAgreeWithAByteLoop() {
        var seed: UInt64 = 42
        var words: [UInt64] = []
        // Every byte value at every place in a word of spaces, then words at random.
        for place in 0..<8 {
            for byte in 0...255 {
                words.append(0x2020_2020_2020_2020 & ~(0xFF << (8 * place)) | UInt64(byte) << (8 * place))
            }
        }
        for _ in 0..<20_000 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            words.append(seed)
        }
        let bounds: [(UInt8, UInt8)] = [(0x0D, 0x20), (0x0A, 0x20), (0x00, 0x80), (0x40, 0x5B), (0x7E, 0x80)]
        for word in words {
            let bytes = (0..<8).map { UInt8(truncatingIfNeeded: word >> (8 * $0)) }
            for (lower, upper) in bounds {
                #expect(ASCIIWord.hasBetween(word, lower, upper) == bytes.contains { $0 > lower && $0 < upper })
            }
            let plain = bytes.allSatisfy { $0 >= 0x20 && $0 < 0x7F || $0 == 0x09 || $0 == 0x0A }
            #expect(ASCIIWord.isPlainText(word) == plain, "\(bytes)")
            let printable = bytes.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
            #expect(ASCIIWord.isPrintable(quick: word) == printable, "\(bytes)")
        }
    }
}
