import Testing

@testable import Ingest

@Suite struct TextDecoderTests {
    @Test func readsUTF8() throws {
        let decoded = try TextDecoder.decode(Array("Réunion – 21st".utf8), path: "n.md")
        #expect(decoded.text == "Réunion – 21st")
        #expect(decoded.encoding == .utf8)
        #expect(decoded.diagnostics.isEmpty)
    }

    @Test func dropsTheUTF8ByteOrderMark() throws {
        let decoded = try TextDecoder.decode([0xEF, 0xBB, 0xBF] + Array("# Title".utf8), path: "n.md")
        #expect(decoded.text == "# Title")
        #expect(decoded.encoding == .utf8)
    }

    @Test(arguments: [false, true])
    func readsUTF16WithAByteOrderMark(bigEndian: Bool) throws {
        let units = Array("Café ✓\n".utf16)
        var bytes: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
        for unit in units {
            let (high, low) = (UInt8(unit >> 8), UInt8(unit & 0xFF))
            bytes += bigEndian ? [high, low] : [low, high]
        }
        let decoded = try TextDecoder.decode(bytes, path: "n.txt")
        #expect(decoded.text == "Café ✓\n")
        #expect(decoded.encoding == (bigEndian ? .utf16BE : .utf16LE))
        #expect(decoded.diagnostics.isEmpty)
    }

    @Test func readsUTF16WithoutAByteOrderMarkWithAWarning() throws {
        let bytes = Array("Minutes of the meeting\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let decoded = try TextDecoder.decode(bytes, path: "n.txt")
        #expect(decoded.text == "Minutes of the meeting\n")
        #expect(decoded.encoding == .utf16LE)
        #expect(decoded.diagnostics.map(\.message) == ["no byte-order mark; read as utf-16le"])
    }

    @Test func readsInvalidUTF8AsWindows1252AndSaysWhere() throws {
        // Line 3 holds Windows-1252 curly quotes and an e-acute; line 4 keeps its valid UTF-8 "–".
        let bytes = Array("One\nTwo\n".utf8) + [0x93, 0x43, 0x61, 0x66, 0xE9, 0x94, 0x0A] + Array("4 – four".utf8)
        let decoded = try TextDecoder.decode(bytes, path: "n.txt")
        #expect(decoded.text == "One\nTwo\n“Café”\n4 – four")
        #expect(decoded.encoding == .windows1252)
        let warning = try #require(decoded.diagnostics.first)
        #expect(decoded.diagnostics.count == 1)
        #expect(warning.severity == .warning)
        #expect(warning.position?.line == 3)
        #expect(
            warning.description
                == "n.txt:3:1: warning: 3 bytes not valid UTF-8, read as Windows-1252 (first on this line)"
        )
    }

    @Test func replacesLoneSurrogatesInUTF16() throws {
        let units: [UInt16] = [0x0041, 0x000A, 0xD800, 0x0042]  // "A\n" then a lone high surrogate, then "B"
        let bytes: [UInt8] = [0xFF, 0xFE] + units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let decoded = try TextDecoder.decode(bytes, path: "n.txt")
        #expect(decoded.text == "A\n\u{FFFD}B")
        #expect(decoded.diagnostics.first?.position?.line == 2)
    }

    @Test(arguments: [
        ([UInt8](arrayLiteral: 0x41, 0x00, 0x42, 0x43, 0x00, 0x00, 0x00, 0x44), "contains NUL bytes"),
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "looks like a PNG image"),
        (Array("%PDF-1.7\n".utf8), "looks like a PDF document"),
        ([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00], "looks like a ZIP archive"),
        (Array(repeating: 0x01, count: 40) + Array("text".utf8), "mostly control characters"),
    ])
    func refusesBinary(bytes: [UInt8], reason: String) {
        #expect {
            try TextDecoder.decode(bytes, path: "x.md")
        } throws: { error in
            guard case .binary(let path, let message) = error as? IngestError else { return false }
            return path == "x.md" && message.hasPrefix(reason)
        }
    }

    @Test func readsValidUTF8AsItIsAndOtherBytesThroughTheFallback() throws {
        for bytes in TextBytesTests.tricky
        where !bytes.contains(where: { $0 < 0x09 || $0 > 0x0D && $0 < 0x20 || $0 == 0x7F }) {
            guard bytes.first != 0xFF, bytes.first != 0xFE else { continue }  // (UTF-16 byte-order marks)
            let decoded = try TextDecoder.decode(bytes, path: "n.md")
            if let expected = String(validating: bytes, as: UTF8.self) {
                let withoutBOM = expected.unicodeScalars.first == "\u{FEFF}" ? String(expected.dropFirst()) : expected
                #expect(decoded.text == withoutBOM)
                #expect(decoded.encoding == .utf8)
            } else {
                #expect(decoded.encoding == .windows1252)
                #expect(decoded.diagnostics.count == 1)
            }
            #expect(try Array(decoded.text.utf8) == Array(TextDecoder.decodeToUTF8(bytes, path: "n.md").utf8))
        }
    }

    @Test func dropsASecondByteOrderMarkInUTF16() throws {
        let bytes: [UInt8] = [0xFF, 0xFE, 0xFF, 0xFE, 0x41, 0x00, 0xFF, 0xFE]
        let decoded = try TextDecoder.decode(bytes, path: "n.txt")
        #expect(decoded.text == "A\u{FEFF}")
    }
}
