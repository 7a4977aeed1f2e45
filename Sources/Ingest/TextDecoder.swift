/// The character encoding a note was read in.
public enum TextEncoding: String, Hashable, Sendable, Codable {
    /// UTF-8, with or without a byte-order mark.
    case utf8 = "utf-8"
    /// UTF-16, little-endian.
    case utf16LE = "utf-16le"
    /// UTF-16, big-endian.
    case utf16BE = "utf-16be"
    /// Windows-1252, used for bytes that are not valid UTF-8.
    case windows1252 = "windows-1252"
}

/// Turns the bytes of a file into text: UTF-8 (BOM dropped), UTF-16 with a BOM, and Windows-1252 for bytes that
/// are not valid UTF-8; refuses binary files.
public enum TextDecoder {
    /// The decoded text, the encoding it was read in, and problems worth a warning.
    public struct Decoded: Hashable, Sendable {
        /// The text, with any byte-order mark removed.
        public var text: String
        /// The encoding the bytes were read in.
        public var encoding: TextEncoding
        /// Warnings about the decoding, such as the line of the first byte that was not valid UTF-8.
        public var diagnostics: [Diagnostic]
    }

    /// Decodes `bytes` read from `path`.
    ///
    /// - Throws: ``IngestError/binary(path:reason:)`` when the bytes are not text.
    public static func decode(_ bytes: [UInt8], path: String) throws(IngestError) -> Decoded {
        let decoded = try decodeToUTF8(bytes, path: path)
        return Decoded(
            text: TextBytes.string(decoded.utf8),
            encoding: decoded.encoding,
            diagnostics: decoded.diagnostics
        )
    }

    /// What ``decode(_:path:)`` gives, with the text as well-formed UTF-8 bytes: for a UTF-8 file, its own bytes.
    struct DecodedUTF8 {
        /// The text's UTF-8, with any byte-order mark removed.
        var utf8: ArraySlice<UInt8>
        /// The encoding the bytes were read in.
        var encoding: TextEncoding
        /// Warnings about the decoding.
        var diagnostics: [Diagnostic]
    }

    /// ``decode(_:path:)`` as UTF-8 bytes, which ingest normalises before it makes the text.
    static func decodeToUTF8(_ bytes: [UInt8], path: String) throws(IngestError) -> DecodedUTF8 {
        if bytes.starts(with: [0xFF, 0xFE]) {
            return decodeUTF16(bytes.dropFirst(2), bigEndian: false, path: path)
        }
        if bytes.starts(with: [0xFE, 0xFF]) {
            return decodeUTF16(bytes.dropFirst(2), bigEndian: true, path: path)
        }
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes[...]
        if let kind = knownBinaryFormat(body) {
            throw .binary(path: path, reason: "looks like \(kind)")
        }
        let sample = body.prefix(sampleSize)
        let survey = body.withUnsafeBufferPointer { Self.survey($0) }
        if survey.hasNUL {
            if let bigEndian = utf16WithoutBOM(sample) {
                var decoded = decodeUTF16(body, bigEndian: bigEndian, path: path)
                decoded.diagnostics.insert(
                    Diagnostic(.warning, "no byte-order mark; read as \(decoded.encoding.rawValue)", file: path),
                    at: 0
                )
                return decoded
            }
            throw .binary(path: path, reason: "contains NUL bytes")
        }
        if sample.count >= 32, survey.controls * 10 > sample.count {
            throw .binary(path: path, reason: "mostly control characters")
        }
        if survey.isUTF8 { return DecodedUTF8(utf8: body, encoding: .utf8, diagnostics: []) }
        return body.withUnsafeBufferPointer { decodeWindows1252($0, path: path) }
    }

    /// How many bytes from the start are looked at to tell text from binary.
    static let sampleSize = 8192

    /// What one pass over `bytes` finds to tell text from binary and UTF-8 from Windows-1252.
    ///
    /// Whether their first ``sampleSize`` hold a NUL byte, how many control characters other than tab, LF, VT, FF
    /// and CR, and whether all of them are well-formed UTF-8 (as `String(validating:as:)` judges); eight bytes at
    /// a time past printable ASCII, tabs and line feeds.
    static func survey(_ bytes: UnsafeBufferPointer<UInt8>) -> (hasNUL: Bool, controls: Int, isUTF8: Bool) {
        guard let base = bytes.baseAddress else { return (false, 0, true) }
        let sampleEnd = min(sampleSize, bytes.count)
        var (hasNUL, controls, isUTF8) = (false, 0, true)
        var index = 0
        while index < bytes.count {
            // Eight bytes at a time: in the sample past printable ASCII, tabs and line feeds; past the sample, where
            // only UTF-8 is in question, past ASCII (eight ASCII bytes are well-formed).
            while index < sampleEnd, index + 8 <= bytes.count {
                let word = ASCIIWord.load(base, at: index)
                guard ASCIIWord.isPrintable(quick: word) || ASCIIWord.isPlainText(word) else { break }
                index += 8
            }
            while index >= sampleEnd, index + 8 <= bytes.count, ASCIIWord.load(base, at: index) & ASCIIWord.high == 0 {
                index += 8
            }
            let stop = min(index + 8, bytes.count)
            while index < stop {
                let byte = bytes[index]
                if byte < 0x80 {
                    if index < sampleEnd {
                        hasNUL = hasNUL || byte == 0
                        if byte < 0x20 && !(0x09...0x0D).contains(byte) || byte == 0x7F { controls += 1 }
                    }
                    index += 1
                } else if isUTF8, let (_, length) = TextBytes.scalar(in: bytes, at: index) {
                    index += length
                } else {
                    isUTF8 = false
                    index += 1
                }
            }
            if !isUTF8, index >= sampleEnd { break }  // nothing left to learn
        }
        return (hasNUL, controls, isUTF8)
    }

    // MARK: UTF-8 with a Windows-1252 fallback

    /// Keeps every valid UTF-8 sequence of `bytes` and reads each stray byte as Windows-1252, as Word and old
    /// editors wrote it.
    private static func decodeWindows1252(_ bytes: UnsafeBufferPointer<UInt8>, path: String) -> DecodedUTF8 {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 2)
        var firstBadLine: Int?
        var badBytes = 0
        var line = 1
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A || byte == 0x0D && (index + 1 == bytes.count || bytes[index + 1] != 0x0A) { line += 1 }
            if byte < 0x80 {
                out.append(byte)
                index += 1
            } else if let (_, length) = TextBytes.scalar(in: bytes, at: index) {
                out.append(contentsOf: bytes[index..<index + length])
                index += length
            } else {
                UTF8.encode(windows1252Scalar(byte)) { out.append($0) }
                badBytes += 1
                if firstBadLine == nil { firstBadLine = line }
                index += 1
            }
        }
        let count = badBytes == 1 ? "1 byte" : "\(badBytes) bytes"
        let diagnostic = Diagnostic(
            .warning,
            "\(count) not valid UTF-8, read as Windows-1252 (first on this line)",
            file: path,
            line: firstBadLine ?? 1
        )
        let mostlyLegacy = badBytes > 0
        return DecodedUTF8(utf8: out[...], encoding: mostlyLegacy ? .windows1252 : .utf8, diagnostics: [diagnostic])
    }

    /// Windows-1252 differs from Latin-1 only in 0x80–0x9F; its five undefined bytes keep their C1 code points.
    private static func windows1252Scalar(_ byte: UInt8) -> Unicode.Scalar {
        let table: [UInt32] = [
            0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D,
            0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A,
            0x0153, 0x9D, 0x017E, 0x0178,
        ]
        let value = (0x80...0x9F).contains(byte) ? table[Int(byte - 0x80)] : UInt32(byte)
        return Unicode.Scalar(value) ?? "\u{FFFD}"
    }

    // MARK: UTF-16

    private static func decodeUTF16(_ bytes: ArraySlice<UInt8>, bigEndian: Bool, path: String) -> DecodedUTF8 {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex
        while index + 1 < bytes.endIndex {
            let (high, low) = bigEndian ? (bytes[index], bytes[index + 1]) : (bytes[index + 1], bytes[index])
            units.append(UInt16(high) << 8 | UInt16(low))
            index += 2
        }
        var diagnostics: [Diagnostic] = []
        if bytes.count % 2 == 1 {
            diagnostics.append(Diagnostic(.warning, "odd number of bytes for UTF-16; last byte ignored", file: path))
        }
        var out: [UInt8] = []
        out.reserveCapacity(units.count + units.count / 2)
        var line = 1
        var badLine: Int?
        var bad = 0
        var iterator = units.makeIterator()
        var parser = Unicode.UTF16.ForwardParser()
        var previousWasCR = false
        decoding: while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                let scalar = Unicode.UTF16.decode(encoded)
                // Lines end at LF, CRLF or a lone CR, as normalisation will count them.
                if scalar == "\r" || scalar == "\n" && !previousWasCR { line += 1 }
                previousWasCR = scalar == "\r"
                UTF8.encode(scalar) { out.append($0) }
            case .error:
                out += [0xEF, 0xBF, 0xBD]  // U+FFFD
                bad += 1
                if badLine == nil { badLine = line }
            case .emptyInput:
                break decoding
            }
        }
        if let badLine {
            let count = bad == 1 ? "1 lone surrogate" : "\(bad) lone surrogates"
            diagnostics.append(Diagnostic(.warning, "\(count) in UTF-16 replaced by U+FFFD", file: path, line: badLine))
        }
        // A second byte-order mark, as U+FEFF, goes too.
        let text = out.starts(with: [0xEF, 0xBB, 0xBF]) ? out.dropFirst(3) : out[...]
        return DecodedUTF8(utf8: text, encoding: bigEndian ? .utf16BE : .utf16LE, diagnostics: diagnostics)
    }

    /// Whether NUL bytes fall on one parity, as in UTF-16 text without a BOM; `true` for big-endian.
    private static func utf16WithoutBOM(_ sample: ArraySlice<UInt8>) -> Bool? {
        var evenNULs = 0
        var oddNULs = 0
        for (offset, byte) in sample.enumerated() where byte == 0 {
            if offset % 2 == 0 { evenNULs += 1 } else { oddNULs += 1 }
        }
        let pairs = sample.count / 2
        guard pairs >= 2 else { return nil }
        if oddNULs * 10 >= pairs * 4, evenNULs * 20 < pairs { return false }
        if evenNULs * 10 >= pairs * 4, oddNULs * 20 < pairs { return true }
        return nil
    }

    /// A name for common binary formats recognised by their first bytes.
    private static func knownBinaryFormat(_ bytes: ArraySlice<UInt8>) -> String? {
        for (signature, name) in signatures where bytes.starts(with: signature) { return name }
        return nil
    }

    /// The first bytes of common binary formats, with a name for each.
    private static let signatures: [([UInt8], String)] = [
        ([0x89, 0x50, 0x4E, 0x47], "a PNG image"),
        ([0xFF, 0xD8, 0xFF], "a JPEG image"),
        (Array("GIF8".utf8), "a GIF image"),
        (Array("%PDF-".utf8), "a PDF document (convert it to text or Markdown first)"),
        ([0x50, 0x4B, 0x03, 0x04], "a ZIP archive, such as a .docx or .odt file (convert it to text first)"),
        ([0xD0, 0xCF, 0x11, 0xE0], "a legacy Microsoft Office file (convert it to text first)"),
        ([0x7F, 0x45, 0x4C, 0x46], "an executable"),
        ([0x1F, 0x8B], "a gzip archive"),
        (Array("{\\rtf".utf8), "an RTF document (convert it to text first)"),
    ]
}
