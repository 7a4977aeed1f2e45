/// Reads the bullet glyphs of documents converted from Word or PDF as Markdown list items.
///
/// A line that starts (after indentation) with a glyph such as `•`, `o`, `◦`, `▪`, `–` or Word's Symbol-font ``
/// becomes a `- ` item. Its nesting comes from its indentation and, when converters dropped the indentation, from
/// Word's glyph order (`•` then `o` then `▪`); the indentation is rewritten to two spaces per level so that cmark
/// nests it and never mistakes it for code. A glyph right after a Markdown marker (`- o text`) is a leftover of
/// the conversion and is removed.
struct BulletGlyphs {
    /// The open glyph items: their indentation width and glyph rank, outermost first.
    private var open: [(indent: Int, rank: Int)] = []
    private var previousBlank = true

    /// Glyphs by their UTF-8 bytes, with Word's nesting rank (0 = first level).
    private static let glyphs: [(bytes: [UInt8], rank: Int)] = [
        ("•", 0), ("●", 0), ("·", 0), ("∙", 0), ("‣", 0), ("⁃", 0), ("►", 0), ("➢", 0), ("➤", 0), ("–", 0), ("—", 0),
        ("\u{F0B7}", 0), ("\u{F0D8}", 0), ("\u{F0FC}", 0), ("◦", 1), ("○", 1), ("□", 1), ("\u{F06F}", 1), ("▪", 2),
        ("■", 2), ("▫", 2), ("\u{F0A7}", 2),
    ].map { (Array($0.0.utf8), $0.1) }

    /// How a line changes: its bytes before `rest` give way to its first `keep` bytes (a Markdown marker kept), or
    /// to the indentation of `level` and a `- ` marker.
    struct Rewrite {
        /// The bytes kept from the start of the line, when the line had a Markdown marker already.
        var keep: Int?
        /// The nesting level of the new `- ` marker, when it had none.
        var level: Int
        /// Where the rest of the line, kept as it is, starts.
        var rest: Int
    }

    /// How `line` changes for a leading bullet glyph, or `nil` when it stays as it is.
    mutating func rewrite(_ line: LineBytes) -> Rewrite? {
        var index = line.startIndex
        var width = 0
        while index < line.endIndex, line[index] == 0x20 || line[index] == 0x09 {
            width += line[index] == 0x09 ? 4 - width % 4 : 1
            index += 1
        }
        guard index < line.endIndex else {
            passBlankLine()
            return nil
        }
        defer { previousBlank = false }
        // `- o text`: a glyph doubled by the converter after a real marker.
        if line[index] == UInt8(ascii: "-") || line[index] == UInt8(ascii: "*") || line[index] == UInt8(ascii: "+"),
            index + 1 < line.endIndex, line[index + 1] == 0x20,
            let (_, length) = glyph(in: line, at: index + 2)
        {
            return Rewrite(keep: index + 2, level: 0, rest: contentStart(line, after: index + 2 + length))
        }
        guard let (rank, length) = glyph(in: line, at: index) else {
            passLine()
            return nil
        }
        while let last = open.last, !(width > last.indent || width == last.indent && rank > last.rank) {
            open.removeLast()
        }
        let level = open.count
        open.append((width, rank))
        return Rewrite(keep: nil, level: level, rest: contentStart(line, after: index + length))
    }

    /// Whether `line`, whose first byte after its indentation is at `index`, may change: a glyph (an `o` that reads
    /// as one, or the first byte of a character past ASCII) starts there, or a Markdown marker and a space that such
    /// a glyph follows.
    ///
    /// (A line that starts with a word in `o`, as many notes' lines do, is no glyph item and is passed over.)
    static func mayRewrite(_ line: LineBytes, at index: Int) -> Bool {
        let byte = line[index]
        if byte >= 0x80 || isLetterOGlyph(line, at: index) { return true }
        guard byte == UInt8(ascii: "-") || byte == UInt8(ascii: "*") || byte == UInt8(ascii: "+") else { return false }
        guard index + 2 < line.endIndex, line[index + 1] == 0x20 else { return false }
        return line[index + 2] >= 0x80 || isLetterOGlyph(line, at: index + 2)
    }

    /// Whether the `o` at `index` of `line` is a bullet glyph: followed by a tab, or by a space and a capital
    /// letter, digit or quote (so a sentence starting "o the…" stays prose).
    private static func isLetterOGlyph(_ line: LineBytes, at index: Int) -> Bool {
        guard index + 2 < line.endIndex, line[index] == UInt8(ascii: "o") else { return false }
        let next = line[index + 1]
        let after = line[index + 2]
        let startsEntry = (after >= 0x41 && after <= 0x5A) || isASCIIDigit(after) || after == 0x22 || after == 0x27
        return next == 0x09 || next == 0x20 && startsEntry
    }

    /// Reads a line that is not blank and has no glyph: glyph lists left open by a blank line before it end.
    ///
    /// (What ``rewrite(_:)`` does with such a line, for lines that ``mayRewrite(_:at:)`` rules out.)
    mutating func passLine() {
        if previousBlank, !open.isEmpty { open.removeAll() }
        previousBlank = false
    }

    /// Reads a blank line, which ends the glyph lists open unless a glyph item comes next.
    mutating func passBlankLine() {
        previousBlank = true
    }

    /// Appends `line` to `out` as `rewrite` (from ``rewrite(_:)`` of that line) changes it, or as it is.
    static func write(_ line: LineBytes, _ rewrite: Rewrite?, into out: inout [UInt8]) {
        guard let rewrite else {
            out.append(contentsOf: line)
            return
        }
        if let keep = rewrite.keep {
            out.append(contentsOf: line[..<keep])
        } else {
            // Byte by byte: appending a string's UTF-8 view or a repeated element goes through their iterators.
            for _ in 0..<2 * rewrite.level { out.append(0x20) }
            out.append(UInt8(ascii: "-"))
            out.append(0x20)
        }
        out.append(contentsOf: line[rewrite.rest...])
    }

    /// The index of the first byte at or after `index` that is not a space or tab.
    private func contentStart(_ line: LineBytes, after index: Int) -> Int {
        var content = index
        while content < line.endIndex, line[content] == 0x20 || line[content] == 0x09 { content += 1 }
        return content
    }

    /// The rank and byte length of a glyph used as a bullet at `index`: followed by whitespace, or for `o` as
    /// ``isLetterOGlyph(_:at:)`` says.
    private func glyph(in line: LineBytes, at index: Int) -> (rank: Int, length: Int)? {
        guard index < line.endIndex else { return nil }
        if line[index] == UInt8(ascii: "o") { return Self.isLetterOGlyph(line, at: index) ? (1, 1) : nil }
        guard line[index] >= 0x80 else { return nil }
        for glyph in Self.glyphs where line[index...].starts(with: glyph.bytes) {
            let after = index + glyph.bytes.count
            // A glyph is a bullet only when whitespace follows: "–5%" and "•••" are not lists.
            guard after < line.endIndex, line[after] == 0x20 || line[after] == 0x09 else { return nil }
            return (glyph.rank, glyph.bytes.count)
        }
        return nil
    }
}
