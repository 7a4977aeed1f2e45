#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
        var text = text
        return text.withUTF8 { TextBytes.string(normalise(utf8: $0)[...]) }
    }

    /// The normalised bytes of the well-formed UTF-8 `input`.
    static func normalise(utf8 input: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        let cleaned = cleanCharacters(input)
        return cleaned.withUnsafeBufferPointer { rewriteLines($0) } ?? cleaned
    }

    /// Rules 1 and 2: line endings, Unicode spaces, zero-width and control characters.
    static func cleanCharacters(_ input: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        // Each rule writes at most as many bytes as it reads.
        [UInt8](unsafeUninitializedCapacity: input.count) { out, written in
            written = 0
            guard let from = input.baseAddress, let to = out.baseAddress else { return }
            var index = 0
            while index < input.count {
                // A run of printable ASCII, tabs and line feeds, found eight bytes at a time and copied as it is.
                let run = index
                while index + 8 <= input.count {
                    let word = UnsafeRawPointer(from + index).loadUnaligned(as: UInt64.self)
                    guard ASCIIWord.isPrintable(quick: word) || ASCIIWord.isPlainText(word) else { break }
                    index += 8
                }
                if index > run {
                    (to + written).initialize(from: from + run, count: index - run)
                    written += index - run
                }
                // Then the next eight bytes (and the rest of a character that runs past them) one by one.
                let stop = index + 8
                while index < stop && index < input.count {
                    index = clean(input, at: index, into: out, at: &written)
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

    /// Rules 3 and 4, line by line, skipping fenced code blocks and multi-line HTML comments; `nil` when they change
    /// no line, as in most notes.
    static func rewriteLines(_ input: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        var out: [UInt8] = []
        var changed = false
        var copied = 0  // `input` is in `out` up to here (the start of a line, or the LF before it)
        var fence: (byte: UInt8, length: Int)?
        var inComment = false
        var html = HTMLFolder()
        var bullets = BulletGlyphs()
        var previousWasText = false
        var start = 0
        var nextAngle = find(UInt8(ascii: "<"), in: input, from: 0)  // where HTML could start
        while start <= input.count {
            let end = find(0x0A, in: input, from: start)
            if nextAngle < start { nextAngle = find(UInt8(ascii: "<"), in: input, from: start) }
            let hasAngle = nextAngle < end
            let line = input[start..<end]
            // A line that changes is written out after the unchanged text before it.
            func replace(with write: (inout [UInt8]) -> Void) {
                if !changed { out.reserveCapacity(input.count + input.count / 16) }
                changed = true
                out.append(contentsOf: input[copied..<start])
                write(&out)
                copied = end
            }
            if fence == nil, !inComment, !hasAngle {
                // Most lines: blank, or text that opens no fence and holds no HTML or glyph, kept as they are.
                let first = firstContent(line)
                if first == line.endIndex {
                    bullets.passBlankLine()
                    previousWasText = false
                    start = end + 1
                    continue
                }
                if line[first] != UInt8(ascii: "`"), line[first] != UInt8(ascii: "~"),
                    !BulletGlyphs.mayRewrite(line, at: first)
                {
                    bullets.passLine()
                    previousWasText = true
                    start = end + 1
                    continue
                }
            }
            if let open = fence {
                if let close = fenceMarker(line), close.byte == open.byte, close.length >= open.length,
                    line.allSatisfy({ $0 == open.byte || $0 == 0x20 || $0 == 0x09 })
                {
                    fence = nil
                }
            } else if inComment {
                if contains(line, "-->") { inComment = false }
            } else if let marker = fenceMarker(line),
                !(marker.byte == UInt8(ascii: "~") && previousWasText && isOnly(line, marker.byte))
            {
                // (`~~~~` under a line of text is that line's underline in a plain-text note, not a fence.)
                fence = marker
            } else if hasAngle {
                let folded = html.fold(ArraySlice(line))
                folded.withUnsafeBufferPointer { folded in
                    if let opened = lastIndex(of: "<!--", in: folded[...]),
                        lastIndex(of: "-->", in: folded[...]) ?? -1 < opened
                    {
                        inComment = true
                    }
                    let rewrite = bullets.rewrite(folded[...])
                    replace { BulletGlyphs.write(folded[...], rewrite, into: &$0) }
                }
            } else if let rewrite = bullets.rewrite(line) {
                replace { BulletGlyphs.write(line, rewrite, into: &$0) }
            }
            previousWasText = fence == nil && !inComment && line.contains { $0 != 0x20 && $0 != 0x09 }
            start = end + 1
        }
        guard changed else { return nil }
        out.append(contentsOf: input[copied...])
        return out
    }

    /// The index of the first `byte` in `bytes` at or after `start`, or the end of `bytes`.
    @inline(__always) private static func find(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int)
        -> Int
    {
        guard start < bytes.count, let base = bytes.baseAddress,
            let found = memchr(base + start, Int32(byte), bytes.count - start)
        else { return bytes.count }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// The index of the first byte of `line` that is not a space or a tab, or its end for a blank line.
    ///
    /// (A fence can only open where that byte is a backquote or a tilde: ``fenceMarker(_:)`` allows only spaces
    /// before it.)
    @inline(__always) private static func firstContent(_ line: LineBytes) -> Int {
        var index = line.startIndex
        while index < line.endIndex, line[index] == 0x20 || line[index] == 0x09 { index += 1 }
        return index
    }

    /// The fence character and length when `line` opens or closes a fenced code block.
    private static func fenceMarker(_ line: LineBytes) -> (byte: UInt8, length: Int)? {
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

    private static func isOnly(_ line: LineBytes, _ byte: UInt8) -> Bool {
        line.allSatisfy { $0 == byte || $0 == 0x20 || $0 == 0x09 }
    }

    private static func contains(_ line: LineBytes, _ needle: String) -> Bool {
        lastIndex(of: needle, in: line) != nil
    }

    /// The index in `line` where the last `needle` starts, or `nil`.
    private static func lastIndex(of needle: String, in line: LineBytes) -> Int? {
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

extension ASCIIWord {
    /// Whether every byte of `word` is printable ASCII, from space to `~`: ``isPrintable(_:)`` in fewer steps, as a
    /// first test before ``isPlainText(_:)`` (which also lets tabs and line feeds through).
    ///
    /// Adding 1 to a byte below 0x80 sets its high bit only for DEL, and adding 0x60 only from a space up; neither
    /// carries into the next byte unless some byte is 0x80 or more, and then the word fails on its own high bit.
    @inline(__always) public static func isPrintable(quick word: UInt64) -> Bool {
        (word | (word &+ ones) | ~(word &+ ones &* 0x60)) & high == 0
    }
}
