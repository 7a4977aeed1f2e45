import Foundation

/// The note itself as HTML for a meeting page: cmark's safe rendering for Markdown, a numbered `<pre>` for plain
/// text; every source line that starts a block gets an anchor (`id="L12"`), and blocks that hold a record are
/// marked (`class="record action"`) so the page highlights them in place.
enum NoteHTML {
    /// The kind of record a line starts, for highlighting.
    enum Mark: String {
        case action, decision, recommendation
    }

    /// The lines that start a record, each with its kind, sorted by line: a block's mark is found by a binary search,
    /// with no hashing, and made with no table to hash into.
    struct LineMarks: ExpressibleByDictionaryLiteral {
        private var lines: [Int] = []
        private var kinds: [Mark] = []

        /// Marks written as a dictionary, as tests write them.
        init(dictionaryLiteral marks: (Int, Mark)...) {
            self.init(inOrder: marks.map { (line: $0.0, mark: $0.1) })
        }

        /// `marks` as they are.
        init(_ marks: [Int: Mark]) {
            for (line, mark) in marks.sorted(by: { $0.key < $1.key }) {
                lines.append(line)
                kinds.append(mark)
            }
        }

        /// `marks` given in order, a line's later mark replacing its earlier one, as a dictionary set in that order
        /// keeps it.
        init(inOrder marks: [(line: Int, mark: Mark)]) {
            // By line, and in the order given within a line: the last of each line's run is the one kept.
            let order = marks.indices.sorted { (marks[$0].line, $0) < (marks[$1].line, $1) }
            lines.reserveCapacity(order.count)
            kinds.reserveCapacity(order.count)
            for index in order {
                if lines.last == marks[index].line {
                    kinds[kinds.count - 1] = marks[index].mark
                } else {
                    lines.append(marks[index].line)
                    kinds.append(marks[index].mark)
                }
            }
        }

        /// The mark of `line`, if it starts a record.
        subscript(line: Int) -> Mark? {
            let low = NoteHTML.lowerBound(of: line, in: lines)
            return low < lines.count && lines[low] == line ? kinds[low] : nil
        }
    }

    /// The first index of `sorted` whose value is not below `value` (`sorted.count` when none is).
    static func lowerBound(of value: Int, in sorted: [Int]) -> Int {
        var low = 0
        var high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The note of `document` as HTML, as UTF-8 bytes: a page and the cache take it as it is, never checked again.
    static func render(_ document: NoteDocument, marks: LineMarks) -> [UInt8] {
        switch document.source.format {
        case .markdown:
            let html = document.html ?? MarkdownRenderer.htmlBytes(document.text)
            return html.withUnsafeBufferPointer { markdown($0, marks: marks) }
        case .text: return plainText(document.text, marks: marks)
        }
    }

    /// ``markdown(_:marks:)-(UnsafeBufferPointer<UInt8>,_)`` of text, for tests.
    static func markdown(_ html: String, marks: LineMarks) -> String {
        var html = html
        return String(decoding: html.withUTF8 { markdown($0, marks: marks) }, as: UTF8.self)
    }

    /// cmark's HTML, its UTF-8 bytes `html`, with an anchor on the first block of each line and a class on blocks
    /// that start a record.
    ///
    /// One pass over the bytes: besides the anchors, links cmark's safe mode emptied (`javascript:`) become plain
    /// `<a>`, and headings go two levels down, since the note sits under the page's `<h2>`. What lies between
    /// changes is copied a run at a time. Every change is at an ASCII byte, so valid UTF-8 stays valid.
    static func markdown(_ bytes: UnsafeBufferPointer<UInt8>, marks: LineMarks) -> [UInt8] {
        var out = ByteWriter(capacity: bytes.count + bytes.count / 8)
        // The lines anchored so far, in order: cmark's blocks come in order of their first lines, so a line is
        // nearly always past the last one, and appended.
        var anchored: [Int] = []
        func anchor(_ line: Int) -> Bool {
            guard let last = anchored.last, line <= last else {
                anchored.append(line)
                return true
            }
            let low = lowerBound(of: line, in: anchored)
            guard anchored[low] != line else { return false }
            anchored.insert(line, at: low)
            return true
        }
        var lastAnchored = 0
        // Whether a character ``DisplaySafety`` neutralises was seen, outside the markup this loop writes.
        var unsafe = false
        var index = 0
        // `bytes[..<copied]` are in `out`, changed or not.
        var copied = 0
        func copy(upTo end: Int) {
            if end > copied { out.append(UnsafeBufferPointer(rebasing: bytes[copied..<end])) }
            copied = end
        }
        func matches(_ literal: StaticString, at offset: Int) -> Bool {
            let count = literal.utf8CodeUnitCount
            guard offset + count <= bytes.count else { return false }
            for position in 0..<count where bytes[offset + position] != literal.utf8Start[position] {
                return false
            }
            return true
        }
        let attribute: StaticString = " data-sourcepos=\""
        let attributeLength = attribute.utf8CodeUnitCount
        let emptiedLink: StaticString = "<a href=\"\">"
        // Eight bytes at a time, from one to the next byte this loop acts on: `<`, `"` (which ends the attribute:
        // text and attribute values hold `&quot;` instead), or, until one is found, a byte that can start an unsafe
        // character (line feeds among them, passed over one at a time). The lowest match of a word is exact.
        while index < bytes.count {
            if index + 8 <= bytes.count, let base = bytes.baseAddress {
                // Little-endian: the lowest bit set must be the first byte (free on little-endian machines).
                let word = UInt64(littleEndian: ASCIIWord.load(base, at: index))
                var found = ASCIIWord.matches(word, UInt8(ascii: "<")) | ASCIIWord.matches(word, UInt8(ascii: "\""))
                if !unsafe { found |= HTML.unsafeStarts(word) }
                if found == 0 {
                    index += 8
                    continue
                }
                index += found.trailingZeroBitCount / 8
            }
            let byte = bytes[index]
            if byte == UInt8(ascii: "<") {
                // `<h1 ` … `<h6 ` and `</h1>` … `</h6>`: two levels down, at most h6.
                let closing = index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "/")
                let letter = index + (closing ? 2 : 1)
                if letter + 2 < bytes.count, bytes[letter] == UInt8(ascii: "h"),
                    (UInt8(ascii: "1")...UInt8(ascii: "6")).contains(bytes[letter + 1]),
                    bytes[letter + 2] == (closing ? UInt8(ascii: ">") : UInt8(ascii: " "))
                {
                    copy(upTo: letter + 1)
                    out.append(byte: Swift.min(bytes[letter + 1] + 2, UInt8(ascii: "6")))
                    index = letter + 2
                    copied = index
                    continue
                }
                if matches(emptiedLink, at: index) {
                    copy(upTo: index)
                    out.append("<a>" as StaticString)
                    index += emptiedLink.utf8CodeUnitCount
                    copied = index
                    continue
                }
            } else if byte == UInt8(ascii: "\""), index + 1 >= attributeLength,
                matches(attribute, at: index + 1 - attributeLength)
            {
                let start = index + 1 - attributeLength
                var digit = index + 1
                var line = 0
                while digit < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[digit]),
                    line < 100_000_000
                {
                    line = line * 10 + Int(bytes[digit] - UInt8(ascii: "0"))
                    digit += 1
                }
                // A block's first line is often its parent's: that one is anchored already.
                if line > 0, line != lastAnchored, anchor(line) {
                    lastAnchored = line
                    copy(upTo: start)
                    out.append(" id=\"L" as StaticString)
                    out.append(decimal: line)
                    if let mark = marks[line] {
                        out.append("\" class=\"record " as StaticString)
                        out.append(mark.rawValue)
                    }
                    out.append("\"" as StaticString)
                }
            } else if !unsafe, HTML.mayStartUnsafe(byte), byte != 0x0A {
                unsafe = HTML.startsUnsafe(bytes, at: index)
            }
            index += 1
        }
        copy(upTo: bytes.count)
        // cmark passes bidirectional overrides and controls through; they must not reorder the page.
        let html = out.bytes()
        return unsafe ? Array(DisplaySafety.neutralise(String(decoding: html, as: UTF8.self)).utf8) : html
    }

    /// Plain text as numbered lines, each an anchor.
    private static func plainText(_ text: String, marks: LineMarks) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count * 2 + 64)
        out.append(contentsOf: "<pre class=\"plain-note\">".utf8)
        // Lines split on bytes, unless a CR could join an LF into one character ("\r\n" is not split at "\n").
        var copy = text
        if copy.withUTF8({ bytes in bytes.baseAddress.map { memchr($0, 0x0D, bytes.count) != nil } ?? false }) {
            for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                var line = String(line)
                line.withUTF8 { appendNumberedLine(index + 1, $0, marks: marks, to: &out) }
            }
        } else {
            var text = text
            text.withUTF8 { bytes in
                var number = 1
                var start = 0
                // Each line up to the next line feed, found by `memchr`, and the text after the last one.
                while true {
                    var end = bytes.count
                    if let base = bytes.baseAddress, start < bytes.count,
                        let found = memchr(base + start, 0x0A, bytes.count - start)
                    {
                        end = UnsafeRawPointer(found) - UnsafeRawPointer(base)
                    }
                    appendNumberedLine(
                        number,
                        UnsafeBufferPointer(rebasing: bytes[start..<end]),
                        marks: marks,
                        to: &out
                    )
                    guard end < bytes.count else { break }
                    number += 1
                    start = end + 1
                }
            }
        }
        out.append(contentsOf: "</pre>".utf8)
        return out
    }

    /// Appends line `number` of a plain-text note, its UTF-8 bytes `line`, as a numbered anchor, escaped by
    /// ``HTML/escape(_:)``.
    private static func appendNumberedLine(
        _ number: Int,
        _ line: UnsafeBufferPointer<UInt8>,
        marks: LineMarks,
        to out: inout [UInt8]
    ) {
        func append(_ literal: StaticString) {
            out.append(contentsOf: UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
        }
        append("<span class=\"line")
        if let mark = marks[number] {
            append(" record ")
            out.append(contentsOf: mark.rawValue.utf8)
        }
        append("\" id=\"L")
        JSONValue.writeInt(number, to: &out)
        append("\">")
        HTML.appendReplacing(line, HTML.markupReplacement, to: &out)
        append("</span>\n")
    }
}

/// Escaping for HTML text and attribute values, and for JSON inside `<script>`.
enum HTML {
    /// `text` with `& < > " '` escaped, and control and bidi-override characters made visible as `�`, so nothing
    /// from a note can become a tag or an attribute or reorder the page.
    static func escape(_ text: String) -> String { replacingScalars(text, markupReplacement) }

    /// What ``escape(_:)`` puts for `scalar`, when it is one of `& < > " '`.
    static func markupReplacement(_ scalar: Unicode.Scalar) -> String? {
        switch scalar {
        case "&": "&amp;"
        case "<": "&lt;"
        case ">": "&gt;"
        case "\"": "&quot;"
        case "'": "&#39;"
        default: nil
        }
    }

    /// Appends `text`, the UTF-8 bytes of a whole string, as ``replacingScalars(_:_:)`` gives it, read scalar by
    /// scalar on the bytes: what needs no change is copied a run at a time.
    ///
    /// `replacement` replaces no scalar but `& < > " '`, and `"` and `'` only when `quotes` (what is unsafe, which
    /// ``DisplaySafety`` names, starts with a byte ``mayStartUnsafe(_:)`` names): eight bytes with none of those are
    /// passed over at once, and any other byte one at a time, with no scalar read.
    static func appendReplacing(
        _ text: UnsafeBufferPointer<UInt8>,
        _ replacement: (Unicode.Scalar) -> String?,
        quotes: Bool = true,
        to out: inout [UInt8]
    ) {
        var index = 0
        var copied = 0
        while index < text.count {
            if index + 8 <= text.count, let base = text.baseAddress {
                // To the first byte of the word that may need a look, if any (the lowest match is exact).
                let found = lookedAt(UInt64(littleEndian: ASCIIWord.load(base, at: index)), quotes: quotes)
                if found == 0 {
                    index += 8
                    continue
                }
                index += found.trailingZeroBitCount / 8
            }
            let lead = text[index]
            // Printable ASCII but the five, or a byte of a scalar that can be neither replaced nor unsafe: nothing
            // to replace, as in a plain word. (A word passed over may end inside a scalar: its other bytes, from
            // 0x80 to 0xBF, come here.)
            if (0x20..<0x7F).contains(lead) ? !isMarkup(Unicode.Scalar(lead)) : lead >= 0x80 && !mayStartUnsafe(lead) {
                index += 1
                continue
            }
            let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
            var value = UInt32(length == 1 ? lead : lead & (0x7F >> length))
            for offset in 1..<length where index + offset < text.count {
                value = value << 6 | UInt32(text[index + offset] & 0x3F)
            }
            let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
            let replaced = replacement(scalar) ?? (DisplaySafety.isUnsafe(scalar) ? "\u{FFFD}" : nil)
            if let replaced {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: text[copied..<index]))
                out.append(contentsOf: replaced.utf8)
                copied = Swift.min(index + length, text.count)
            }
            index += length
        }
        if copied < text.count { out.append(contentsOf: UnsafeBufferPointer(rebasing: text[copied...])) }
    }

    /// The high bit of the first byte of `word` that is `& < >`, `"` or `'` when `quotes`, or one
    /// ``mayStartUnsafe(_:)`` names, and of some later bytes: zero when none is, and the lowest bit set is exact.
    private static func lookedAt(_ word: UInt64, quotes: Bool) -> UInt64 {
        let found =
            unsafeStarts(word) | ASCIIWord.matches(word, UInt8(ascii: "&")) | ASCIIWord.matches(word, UInt8(ascii: "<"))
            | ASCIIWord.matches(word, UInt8(ascii: ">"))
        guard quotes else { return found }
        return found | ASCIIWord.matches(word, UInt8(ascii: "\"")) | ASCIIWord.matches(word, UInt8(ascii: "'"))
    }

    /// JSON made safe inside `<script type="application/ld+json">`.
    ///
    /// `<`, `>` and `&` become `\u` escapes and unsafe characters (which JSON strings may hold as they are) `�`, as
    /// in ``escape(_:)``, by Unicode scalar: a `<` sharing a `Character` with a prepended mark (`U+0600<`) too.
    static func scriptSafeJSON(_ json: String) -> String {
        var json = json
        return json.withUTF8 { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 64)
            appendReplacing(bytes, jsonReplacement, quotes: false, to: &out)
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// What ``scriptSafeJSON(_:)`` puts for `scalar`, when it is one of `< > &`.
    static func jsonReplacement(_ scalar: Unicode.Scalar) -> String? {
        switch scalar {
        case "<": "\\u003c"
        case ">": "\\u003e"
        case "&": "\\u0026"
        default: nil
        }
    }

    /// `text` with the scalars `replacement` names replaced, and unsafe ones (``DisplaySafety``) shown as `�`.
    static func replacingScalars(_ text: String, _ replacement: (Unicode.Scalar) -> String?) -> String {
        let scalars = text.unicodeScalars
        // Most text has nothing to replace: it is returned as it is, and other text copied from its first change.
        guard let first = scalars.firstIndex(where: { replacement($0) != nil || DisplaySafety.isUnsafe($0) }) else {
            return text
        }
        var out = String(scalars[..<first])
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in scalars[first...] {
            if let replaced = replacement(scalar) {
                out += replaced
            } else if DisplaySafety.isUnsafe(scalar) {
                out += "\u{FFFD}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// `text` as a page shows it: control and bidi-override characters neutralised and markup isolated.
    static func safe(_ text: String) -> String {
        isPlainText(text) ? text : isolatingMarkup(DisplaySafety.neutralise(text))
    }

    /// Whether `text` is printable ASCII, tab and line feed only: text that ``safe(_:)`` leaves as it is (it has no
    /// unsafe character, and no `Character` of several scalars), known from one look at its bytes.
    static func isPlainText(_ text: String) -> Bool {
        text.withUTF8Bytes { bytes in
            var index = 0
            if let base = bytes.baseAddress {
                // Eight bytes at a time: a word of printable ASCII is skipped whole.
                while index + 8 <= bytes.count {
                    let word = ASCIIWord.load(base, at: index)
                    if word & 0x8080_8080_8080_8080 != 0 || ASCIIWord.has(word, 0x7F) { return false }
                    if ASCIIWord.hasBelow(word, 0x20) {
                        for offset in index..<index + 8 where !isPlain(bytes[offset]) { return false }
                    }
                    index += 8
                }
            }
            while index < bytes.count {
                if !isPlain(bytes[index]) { return false }
                index += 1
            }
            return true
        }
    }

    /// Whether `byte` is printable ASCII, tab or line feed.
    private static func isPlain(_ byte: UInt8) -> Bool {
        (0x20..<0x7F).contains(byte) || byte == 0x09 || byte == 0x0A
    }

    /// Whether `byte` can start an unsafe character (``DisplaySafety``) in UTF-8.
    ///
    /// Those are a control byte, DEL, or the lead byte of U+0080–U+009F (`C2`) or of the bidirectional overrides
    /// and isolates (`E2`); other bytes cannot.
    static func mayStartUnsafe(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == 0x7F || byte == 0xC2 || byte == 0xE2
    }

    /// The high bit of the first byte of `word` (loaded little-endian) that ``mayStartUnsafe(_:)`` names, and of some
    /// later bytes: zero when none is, and the lowest bit set is exact.
    static func unsafeStarts(_ word: UInt64) -> UInt64 {
        let below = (word &- 0x2020_2020_2020_2020) & ~word & 0x8080_8080_8080_8080
        return below | ASCIIWord.matches(word, 0x7F) | ASCIIWord.matches(word, 0xC2) | ASCIIWord.matches(word, 0xE2)
    }

    /// Whether the UTF-8 bytes from `index` (valid UTF-8, from the start of a scalar) start an unsafe character.
    static func startsUnsafe(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        let lead = bytes[index]
        guard mayStartUnsafe(lead) else { return false }
        let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : 3
        guard index + length <= bytes.count else { return false }
        var value = UInt32(length == 1 ? lead : lead & (0x7F >> length))
        for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        return Unicode.Scalar(value).map(DisplaySafety.isUnsafe) ?? false
    }

    /// `text` with each of `< > & " '` made a `Character` of its own, by a zero-width space between it and a
    /// prepended or combining neighbour (`U+0600<`, `"U+0301`), so an escaper that works by `Character`, as
    /// Mustache's does, still escapes it.
    static func isolatingMarkup(_ text: String) -> String {
        // The five are ASCII, so their bytes stand for them alone: most text has none, or has each as a `Character`
        // of its own (``TemplateEscaping/specialsStandAlone(_:)``, which looks for the same five), and is returned
        // as it is.
        text.withUTF8Bytes(TemplateEscaping.specialsStandAlone) ? text : isolatingMarkupByCharacter(text)
    }

    /// ``isolatingMarkup(_:)`` on every `Character`, for text with markup and non-ASCII characters.
    static func isolatingMarkupByCharacter(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            guard character.unicodeScalars.count > 1, character.unicodeScalars.contains(where: isMarkup) else {
                out.append(character)
                continue
            }
            for scalar in character.unicodeScalars {
                if isMarkup(scalar) { out += "\u{200B}\(scalar)\u{200B}" } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    /// Whether `scalar` is one of `< > & " '`.
    private static func isMarkup(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "<", ">", "&", "\"", "'": true
        default: false
        }
    }
}
