/// Cleans the text of a note before it is parsed, without ever adding or removing a line.
///
/// Rules, in order:
/// 1. CRLF and lone CR become LF.
/// 2. NBSP and the other Unicode spaces become a plain space; zero-width characters (ZWSP, ZWNJ, ZWJ, word
///    joiner, BOM, soft hyphen) are removed; control characters other than tab and LF become a space.
/// 3. Outside code: HTML left by converters is folded into Markdown (``HTMLFolder``): `<sup>`, `<sub>`, `<u>`,
///    `<span …>`, `<font …>` are dropped, `<br>` becomes a space, `<b>`/`<strong>` and `<i>`/`<em>` become `**` and
///    `*`, and block tags alone at the start of a line (`<h2>`, `<p>`, `<ul>`, `<li>`…) become Markdown headings,
///    paragraphs and nested list items.
/// 4. Outside code: bullet glyphs of converted documents at the start of a line (`•`, `o`, `◦`, `▪`, `–`, ``…)
///    become `- ` list markers, indented so that nesting survives (``BulletGlyphs``).
public enum TextNormaliser {
    /// Returns `text` normalised; it has exactly as many lines as `text`.
    public static func normalise(_ text: String) -> String {
        var bytes = cleanCharacters(Array(text.utf8))
        bytes = rewriteLines(bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Rules 1 and 2: line endings, Unicode spaces, zero-width and control characters.
    static func cleanCharacters(_ input: [UInt8]) -> [UInt8] {
        // Each rule writes at most as many bytes as it reads.
        [UInt8](unsafeUninitializedCapacity: input.count) { out, written in
            written = 0
            input.withUnsafeBufferPointer { input in
                guard let from = input.baseAddress, let to = out.baseAddress else { return }
                var index = 0
                while index < input.count {
                    // Eight printable ASCII bytes at a time, as they are.
                    if index + 8 <= input.count {
                        let word = UnsafeRawPointer(from + index).loadUnaligned(as: UInt64.self)
                        if ASCIIWord.isPrintable(word) {
                            UnsafeMutableRawPointer(to + written).storeBytes(of: word, as: UInt64.self)
                            index += 8
                            written += 8
                            continue
                        }
                    }
                    // Otherwise the next eight bytes (and the rest of a character that runs past them) one by one.
                    let stop = index + 8
                    repeat {
                        index = clean(input, at: index, into: out, at: &written)
                    } while index < stop && index < input.count
                }
            }
        }
    }

    /// Writes the cleaned character at `index` of `input` to `out` at `written`; returns the index after it.
    @inline(__always) private static func clean(
        _ input: UnsafeBufferPointer<UInt8>,
        at index: Int,
        into out: UnsafeMutableBufferPointer<UInt8>,
        at written: inout Int
    ) -> Int {
        func write(_ byte: UInt8) {
            out[written] = byte
            written += 1
        }
        let count = input.count
        let byte = input[index]
        if byte >= 0x20 && byte < 0x7F || byte == 0x0A || byte == 0x09 {
            write(byte)
            return index + 1
        }
        if byte == 0x0D {
            write(0x0A)
            return index + (index + 1 < count && input[index + 1] == 0x0A ? 2 : 1)
        }
        if byte < 0x80 {  // other C0 controls and DEL
            write(0x20)
            return index + 1
        }
        // Multi-byte sequences: the decoder guarantees well-formed UTF-8.
        let next = index + 1 < count ? input[index + 1] : 0
        let third = index + 2 < count ? input[index + 2] : 0
        switch byte {
        case 0xC2 where next == 0xA0 || (0x80...0x9F).contains(next):  // NBSP, C1 controls
            write(0x20)
            return index + 2
        case 0xC2 where next == 0xAD:  // soft hyphen
            return index + 2
        case 0xE1 where next == 0x9A && third == 0x80:  // ogham space mark
            write(0x20)
            return index + 3
        case 0xE2 where next == 0x80 && (0x80...0x8A).contains(third),  // en quad … hair space
            0xE2 where next == 0x80 && (third == 0xA8 || third == 0xA9 || third == 0xAF),  // LS, PS, NNBSP
            0xE2 where next == 0x81 && third == 0x9F,  // medium mathematical space
            0xE3 where next == 0x80 && third == 0x80:  // ideographic space
            write(0x20)
            return index + 3
        case 0xE2 where next == 0x80 && (0x8B...0x8D).contains(third),  // ZWSP, ZWNJ, ZWJ
            0xE2 where next == 0x81 && third == 0xA0,  // word joiner
            0xEF where next == 0xBB && third == 0xBF:  // BOM / ZWNBSP
            return index + 3
        default:
            write(byte)
            return index + 1
        }
    }

    /// Rules 3 and 4, line by line, skipping fenced code blocks and multi-line HTML comments.
    static func rewriteLines(_ input: [UInt8]) -> [UInt8] {
        input.withUnsafeBufferPointer { rewriteLines(input, $0) }
    }

    /// ``rewriteLines(_:)`` of `input`, whose bytes `bytes` are, to find its lines quickly.
    private static func rewriteLines(_ input: [UInt8], _ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(input.count + input.count / 16)
        var fence: (byte: UInt8, length: Int)?
        var inComment = false
        var html = HTMLFolder()
        var bullets = BulletGlyphs()
        var previousWasText = false
        var start = 0
        while start <= input.count {
            let end = TextLines.lineFeed(in: bytes, from: start) ?? input.count
            let line = input[start..<end]
            if let open = fence {
                if let close = fenceMarker(line), close.byte == open.byte, close.length >= open.length,
                    line.allSatisfy({ $0 == open.byte || $0 == 0x20 || $0 == 0x09 })
                {
                    fence = nil
                }
                out.append(contentsOf: line)
            } else if inComment {
                if contains(line, "-->") { inComment = false }
                out.append(contentsOf: line)
            } else if let marker = fenceMarker(line),
                !(marker.byte == UInt8(ascii: "~") && previousWasText && isOnly(line, marker.byte))
            {
                // (`~~~~` under a line of text is that line's underline in a plain-text note, not a fence.)
                fence = marker
                out.append(contentsOf: line)
            } else if mayHoldHTML(UnsafeBufferPointer(rebasing: bytes[start..<end])) {
                let folded = html.fold(line)[...]
                if let opened = lastIndex(of: "<!--", in: folded), lastIndex(of: "-->", in: folded) ?? -1 < opened {
                    inComment = true
                }
                bullets.rewrite(folded, into: &out)
            } else {
                bullets.rewrite(line, into: &out)
            }
            if end < input.count { out.append(0x0A) }
            previousWasText = fence == nil && !inComment && line.contains { $0 != 0x20 && $0 != 0x09 }
            start = end + 1
        }
        return out
    }

    /// Whether `line` has a `<`, where HTML could start.
    private static func mayHoldHTML(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        TextLines.firstIndex(of: UInt8(ascii: "<"), in: line, from: 0) != nil
    }

    /// The fence character and length when `line` opens or closes a fenced code block.
    private static func fenceMarker(_ line: ArraySlice<UInt8>) -> (byte: UInt8, length: Int)? {
        var index = line.startIndex
        var spaces = 0
        while index < line.endIndex, line[index] == 0x20, spaces < 4 {
            index += 1
            spaces += 1
        }
        guard spaces < 4, index < line.endIndex else { return nil }
        let byte = line[index]
        guard byte == UInt8(ascii: "`") || byte == UInt8(ascii: "~") else { return nil }
        var length = 0
        while index < line.endIndex, line[index] == byte {
            length += 1
            index += 1
        }
        guard length >= 3 else { return nil }
        if byte == UInt8(ascii: "`"), line[index...].contains(byte) { return nil }
        return (byte, length)
    }

    private static func isOnly(_ line: ArraySlice<UInt8>, _ byte: UInt8) -> Bool {
        line.allSatisfy { $0 == byte || $0 == 0x20 || $0 == 0x09 }
    }

    private static func contains(_ line: ArraySlice<UInt8>, _ needle: String) -> Bool {
        lastIndex(of: needle, in: line) != nil
    }

    /// The index in `line` where the last `needle` starts, or `nil`.
    private static func lastIndex(of needle: String, in line: ArraySlice<UInt8>) -> Int? {
        let pattern = needle.utf8
        guard line.count >= pattern.count else { return nil }
        var index = line.endIndex - pattern.count
        while index >= line.startIndex {
            if line[index..<index + pattern.count].elementsEqual(pattern) { return index }
            index -= 1
        }
        return nil
    }
}
