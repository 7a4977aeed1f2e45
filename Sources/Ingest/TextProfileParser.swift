/// Reads a plain-text note into the same tree that cmark gives Markdown notes, line by line.
///
/// Plain text has no inline syntax, and its line structure carries the meaning that cmark would lose (header lines
/// run into one paragraph, indented discussion read as code), so the text profile builds the tree itself:
/// - ALL-CAPS lines and lines underlined with `===` or `---` are headings (levels 2 and 1, 2);
/// - `Label: value` lines (`Date:`, `Present:`, `Apologies:`, `Chair:`, `Ann:`) are paragraphs of their own,
///   continued only by lines indented under them;
/// - `-`, `*`, `+`, `1.`, `1)`, `(1)`, `(a)`, `a)` and `(iv)` items are lists, nested by indentation, with
///   indented lines continuing the item above;
/// - other lines form paragraphs of lines at one indentation, so a topic line and the indented discussion under it
///   stay apart (a node's range keeps the indentation in its column).
public enum TextProfileParser {
    /// Parses plain `text` into a `document` node.
    public static func parse(_ text: String) -> MarkdownNode {
        var text = text
        return text.withUTF8 { bytes in
            var builder = Builder(textCount: bytes.count)
            let lines = TextLines.ranges(in: bytes)
            var index = 0
            // Whether line `index` is plain ASCII: found when it was the line after, so each line is looked at once.
            var plain = lines.isEmpty || isPlain(bytes, lines[0])
            while index < lines.count {
                let next = index + 1 < lines.count ? Following(bytes, lines[index + 1]) : nil
                let tookNext =
                    plain
                    ? read(bytes[lines[index]], number: index + 1, next: next, into: &builder)
                    : read(TextLines.characters(bytes, lines[index]), number: index + 1, next: next, into: &builder)
                index += tookNext ? 2 : 1
                plain = tookNext ? index >= lines.count || isPlain(bytes, lines[index]) : next?.isPlain ?? true
            }
            return builder.finish()
        }
    }

    /// What a line needs to know of the line after it: whether that is an underline (`===`, `---`, `~~~`), with
    /// which character, and its width in bytes.
    private struct Following {
        var underline: UInt8?
        var width: Int
        /// Whether the line is plain ASCII (``TextSearch/isPlainASCII(_:)``), read on its bytes in its turn.
        var isPlain: Bool

        init(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
            isPlain = TextProfileParser.isPlain(bytes, range)
            underline =
                isPlain
                ? NoteFormat.underline(bytes[range].drop { $0 == 0x20 })
                : NoteFormat.underline(TextLines.characters(bytes, range).drop { $0 == " " })
            width = range.count
        }
    }

    /// Whether the line `range` of `bytes` is plain ASCII, so read on its bytes.
    private static func isPlain(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        TextSearch.isPlainASCII(UnsafeBufferPointer(rebasing: bytes[range]))
    }

    /// Reads line `number` into `builder`; returns whether it took the `next` line too, as its underline.
    private static func read<Line: TextLine>(
        _ line: Line,
        number: Int,
        next: Following?,
        into builder: inout Builder
    ) -> Bool {
        let trimmed = line.drop { $0.matches(" ") || $0.matches("\t") }
        let indent = indentWidth(line)
        let content = trimmed[
            ..<(trimmed.lastIndex { !$0.matches(" ") && !$0.matches("\t") }.map(trimmed.index(after:))
                ?? trimmed.startIndex)
        ]
        guard !content.isEmpty else {
            builder.blank()
            return false
        }
        let column = line.utf8Count - trimmed.utf8Count + 1
        let underline = NoteFormat.underline(trimmed)
        if !builder.inParagraph(at: indent), indent < 4, let next, let nextUnderline = next.underline,
            !startsListItem(trimmed), underline == nil
        {
            let level = nextUnderline == UInt8(ascii: "=") ? 1 : 2
            builder.heading(level, content, line: number, column: column, endLine: number + 1, endWidth: next.width)
            return true
        } else if let underline, underline == UInt8(ascii: "-") || underline == UInt8(ascii: "*") {
            builder.thematicBreak(line: number, column: column, width: content.utf8Count)
        } else if isCapitalHeading(trimmed) {
            // (The line's last character, not its last byte, is the colon dropped.)
            let title = content.last?.matches(":") == true ? content.dropLast() : content
            builder.heading(2, title, line: number, column: column, endLine: number, endWidth: line.utf8Count)
        } else if let marker = listMarker(trimmed) {
            let body = content.dropFirst(marker.length).drop { $0.matches(" ") || $0.matches("\t") }
            let bodyColumn = column + content.utf8Count - body.utf8Count
            builder.item(
                marker: marker,
                indent: indent,
                text: body,
                line: number,
                column: column,
                bodyColumn: bodyColumn
            )
        } else {
            builder.text(
                content,
                indent: indent,
                isHeader: isHeaderLine(content),
                line: number,
                column: column
            )
        }
        return false
    }

    /// Whether `line` is an ALL-CAPS heading: at least three letters, none lower case, at most 80 characters, and
    /// not a `LABEL: value` line.
    static func isCapitalHeading<Line: TextLine>(_ line: Line) -> Bool {
        // A line past ASCII is read by its characters, slowly: a lower-case ASCII letter that is a character of its
        // own says no from the bytes (the reading would stop there, or before, at the 81st character).
        if !line.isPlainASCII, line.withUTF8Bytes(TextLines.hasLoneLowercase) { return false }
        return readsAsCapitalHeading(line)
    }

    /// ``isCapitalHeading(_:)`` read on the units of `line` alone.
    static func readsAsCapitalHeading<Line: TextLine>(_ line: Line) -> Bool {
        // The characters are counted as they are read: a prose line stops at its first lower-case letter, without
        // a count of all its characters first.
        var count = 0
        var letters = 0
        for character in line {
            count += 1
            if count > 80 || character.isLowercase { return false }
            if character.isLetter { letters += 1 }
        }
        guard letters >= 3 else { return false }
        if let colon = line.firstIndex(where: { $0.matches(":") }),
            line[line.index(after: colon)...].contains(where: \.isLetter)
        {
            return false
        }
        return true
    }

    /// Whether `text` is a `Label: value` header line: a capitalised label of at most five words, then a colon.
    static func isHeaderLine<Line: TextLine>(_ text: Line) -> Bool {
        text.withUTF8Bytes { bytes in
            // (A line without a colon byte has no colon character: the bytes say so without reading the characters.)
            guard let colon = TextLines.firstIndex(of: UInt8(ascii: ":"), in: bytes, from: 0) else { return false }
            // When the bytes to two past the colon are plain ASCII, the label, the colon and the character after it
            // are those bytes (only CR LF joins ASCII scalars), read as such.
            if !text.isPlainASCII, let head = TextLines.plainHead(of: bytes, count: min(colon + 3, bytes.count)) {
                return readsAsHeaderLine(head.prefix(colon + 2))
            }
            return readsAsHeaderLine(text)
        }
    }

    /// ``isHeaderLine(_:)`` read on the units of `text` alone.
    static func readsAsHeaderLine<Line: TextLine>(_ text: Line) -> Bool {
        guard let first = text.first, first.isUppercase, let colon = text.firstIndex(where: { $0.matches(":") }) else {
            return false
        }
        let label = text[..<colon]
        let after = text[text.index(after: colon)...]
        guard after.first.map({ $0.matches(" ") || $0.matches("\t") }) ?? true else { return false }
        return wordCount(label) <= 5 && label.allSatisfy { $0.isLetter || $0.isNumber || $0.isAny(of: " .'&/()-") }
    }

    /// The number of words in `text` between spaces, as `split(separator: " ").count` counts them.
    private static func wordCount<Line: TextLine>(_ text: Line) -> Int {
        var count = 0
        var previousWasSpace = true
        for character in text {
            let isSpace = character.matches(" ")
            if !isSpace, previousWasSpace { count += 1 }
            previousWasSpace = isSpace
        }
        return count
    }

    static func startsListItem<Line: TextLine>(_ line: Line) -> Bool { listMarker(line) != nil }

    struct Marker: Equatable {
        var length: Int
        var ordered: Bool
        var start: Int
    }

    /// The list marker at the start of `line`, when it has one followed by a space.
    static func listMarker<Line: TextLine>(_ line: Line) -> Marker? {
        line.withUTF8Bytes { bytes in
            if startsNoMarker(bytes) { return nil }
            // A marker is read in the first eight characters: when the first nine bytes are plain ASCII, those
            // characters are the first eight bytes (only CR LF joins ASCII scalars), read as such.
            if !line.isPlainASCII, let head = TextLines.plainHead(of: bytes, count: 9) { return readMarker(head) }
            return readMarker(line)
        }
    }

    /// ``listMarker(_:)`` read on the units of `line` alone.
    static func readMarker<Line: TextLine>(_ line: Line) -> Marker? {
        let chars = line.units(upTo: 8)
        func spaced(_ length: Int) -> Bool {
            length < chars.count && (chars[length].matches(" ") || chars[length].matches("\t"))
        }
        guard let first = chars.first else { return nil }
        if first.isAny(of: "-*+") { return spaced(1) ? Marker(length: 1, ordered: false, start: 1) : nil }
        // 1.  1)  12.
        let digits = chars.prefix { $0.isASCII && $0.isNumber }
        if (1...3).contains(digits.count), digits.count < chars.count,
            chars[digits.count].matches(".") || chars[digits.count].matches(")"),
            spaced(digits.count + 1)
        {
            return Marker(length: digits.count + 1, ordered: true, start: decimalValue(digits))
        }
        // (1)  (a)  (iv)  a)
        if first.matches("("), let close = chars.firstIndex(where: { $0.matches(")") }), close >= 2, spaced(close + 1) {
            let inner = chars[1..<close]
            let roman = inner.allSatisfy { $0.isAny(of: "ivxlc") } && inner.count <= 5
            let letter = inner.count == 1 && inner[inner.startIndex].isLetter
            let number = inner.count <= 3 && inner.allSatisfy { $0.isASCII && $0.isNumber }
            if roman || letter || number {
                let start = number ? decimalValue(inner) : inner.first?.letterIndex ?? 1
                return Marker(length: close + 1, ordered: true, start: start)
            }
        }
        if first.isLetter, first.isLowercase, chars.count > 1, chars[1].matches(")"), spaced(2) {
            return Marker(length: 2, ordered: true, start: first.letterIndex)
        }
        return nil
    }

    /// Whether the bytes of a line show it to start without a list marker, before its characters are read.
    ///
    /// A marker's first character is `-`, `*`, `+`, `(`, an ASCII digit or a lower-case letter: a line whose first
    /// byte is other ASCII has none (an ASCII byte with combining marks is no digit, sign or lower-case letter). Nor
    /// has a line that is a lower-case ASCII letter alone or before an ASCII byte other than `)`: that letter is a
    /// character of its own (only CR LF joins ASCII scalars), and no `a)` follows it.
    private static func startsNoMarker(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first, first < 0x80 else { return false }
        if !mayStartMarker(first) { return true }
        guard first &- UInt8(ascii: "a") < 26 else { return false }
        return bytes.count == 1 || bytes[1] < 0x80 && bytes[1] != UInt8(ascii: ")")
    }

    /// Whether an ASCII `byte` may start a list marker: `-`, `*`, `+`, `(`, a digit or a lower-case letter.
    private static func mayStartMarker(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "-") || byte == UInt8(ascii: "*") || byte == UInt8(ascii: "+")
            || byte == UInt8(ascii: "(") || isASCIIDigit(byte) || byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")
    }

    /// The value of one to three ASCII digits.
    private static func decimalValue(_ digits: some Collection<some TextUnit>) -> Int {
        digits.reduce(0) { $0 * 10 + Int(($1.asciiValue ?? 0x30) - 0x30) }
    }

    /// The width of the leading whitespace, with tabs to the next multiple of four.
    static func indentWidth<Line: TextLine>(_ line: Line) -> Int {
        var width = 0
        for character in line {
            if character.matches(" ") {
                width += 1
            } else if character.matches("\t") {
                width += 4 - width % 4
            } else {
                break
            }
        }
        return width
    }
}

/// Builds the tree for ``TextProfileParser`` with a stack of open blocks.
private struct Builder {
    private enum Role {
        case document
        case list(indent: Int, ordered: Bool)
        case item(indent: Int)
        case paragraph(indent: Int, header: Bool)
    }

    private struct Frame {
        var role: Role
        /// The block's node in the tree being built.
        var node: Int
        /// The end of the range of the last child added with a range.
        var lastUpper: SourcePosition?
    }

    private var tree: MarkdownTree.Builder
    private var stack: [Frame]
    private var afterBlank = false

    /// Creates a builder for the tree of `textCount` bytes of text.
    init(textCount: Int) {
        var tree = MarkdownTree.Builder()
        // Room for a node for every 16 bytes and all the text from the start saves the arrays growing.
        tree.reserveCapacity(nodes: textCount / 16 + 16, bytes: textCount + 64)
        stack = [Frame(role: .document, node: tree.open(.document, range: nil))]
        self.tree = tree
    }

    /// Whether a line at `indent` would continue the open paragraph.
    func inParagraph(at indent: Int) -> Bool {
        guard !afterBlank, case .paragraph = stack[stack.count - 1].role else { return false }
        return true
    }

    mutating func blank() {
        closeParagraph()
        afterBlank = true
    }

    mutating func heading<Line: TextLine>(
        _ level: Int,
        _ title: Line,
        line: Int,
        column: Int,
        endLine: Int,
        endWidth: Int
    ) {
        closeAll()
        let start = SourcePosition(line: line, column: column)
        let textRange = start..<SourcePosition(line: line, column: column + title.utf8Count)
        let range = start..<SourcePosition(line: endLine, column: endWidth + 1)
        tree.add(.heading, number: level, range: range, opening: true)
        title.withUTF8Bytes { _ = tree.text($0, range: textRange) }
        tree.close()
        added(range)
        afterBlank = false
    }

    mutating func thematicBreak(line: Int, column: Int, width: Int) {
        closeAll()
        let range = SourcePosition(line: line, column: column)..<SourcePosition(line: line, column: column + width)
        tree.leaf(.thematicBreak, range: range)
        added(range)
        afterBlank = false
    }

    mutating func item<Line: TextLine>(
        marker: TextProfileParser.Marker,
        indent: Int,
        text: Line,
        line: Int,
        column: Int,
        bodyColumn: Int
    ) {
        closeParagraph()
        // Close the items this one is not nested in, and a list of the other kind at the same indentation.
        closing: while true {
            switch stack[stack.count - 1].role {
            case .item(let itemIndent) where indent <= itemIndent:
                pop()
            case .list(let listIndent, let ordered) where indent < listIndent || ordered != marker.ordered:
                pop()
            default:
                break closing
            }
        }
        let start = SourcePosition(line: line, column: column)
        // Past the depth limit a deeper item becomes a sibling, as in ``MarkdownParser/maxDepth``.
        if stack.count >= MarkdownParser.maxDepth, case .item = stack[stack.count - 1].role { pop() }
        if case .list = stack[stack.count - 1].role {
            if afterBlank { tree.loosen(list: stack[stack.count - 1].node) }
        } else {
            let kind = MarkdownNode.Kind.list(ordered: marker.ordered, start: marker.start, tight: true)
            let list = tree.open(kind, range: start..<start)
            stack.append(Frame(role: .list(indent: indent, ordered: marker.ordered), node: list))
        }
        let item = tree.open(.item(checkbox: nil), range: start..<start)
        stack.append(Frame(role: .item(indent: indent), node: item))
        if !text.isEmpty {
            openParagraph(text, indent: indent + 1, header: false, line: line, column: bodyColumn)
        }
        afterBlank = false
    }

    mutating func text<Line: TextLine>(_ text: Line, indent: Int, isHeader: Bool, line: Int, column: Int) {
        let range =
            SourcePosition(line: line, column: column)..<SourcePosition(line: line, column: column + text.utf8Count)
        if !afterBlank, !isHeader, case .paragraph(let paragraphIndent, let header) = stack[stack.count - 1].role,
            indent > paragraphIndent && header || indent == paragraphIndent && (!header || wraps(into: text))
                || !header && insideItem(below: indent) && wraps(into: text)
        {
            tree.add(.softBreak, opening: false)
            text.withUTF8Bytes { _ = tree.text($0, range: range) }
            added(range)
        } else {
            closeParagraph()
            while let top = stack.last {
                if case .item(let itemIndent) = top.role, indent > itemIndent { break }
                if case .document = top.role { break }
                pop()
            }
            openParagraph(text, indent: indent, header: isHeader, line: line, column: column)
        }
        afterBlank = false
    }

    /// Whether `text` reads as the wrapped rest of the open paragraph's last line.
    ///
    /// It does when that line is long or `text` starts in lower case; a short topic line followed by indented
    /// discussion does not wrap.
    private func wraps<Line: TextLine>(into text: Line) -> Bool {
        // The open paragraph's last child is the last node: a paragraph holds only text and breaks.
        let last = tree.nodes.count - 1
        guard last > stack[stack.count - 1].node, tree.nodes[last].tag == .text else { return true }
        return tree.textCount(at: last) >= 50 || text.first?.isLowercase == true
    }

    /// Whether the innermost item takes a continuation line at `indent`.
    private func insideItem(below indent: Int) -> Bool {
        guard stack.count >= 2, case .item(let itemIndent) = stack[stack.count - 2].role else { return false }
        return indent > itemIndent
    }

    private mutating func openParagraph<Line: TextLine>(
        _ text: Line,
        indent: Int,
        header: Bool,
        line: Int,
        column: Int
    ) {
        let start = SourcePosition(line: line, column: column)
        let end = SourcePosition(line: line, column: column + text.utf8Count)
        let paragraph = tree.add(.paragraph, range: start..<end, opening: true)
        text.withUTF8Bytes { _ = tree.text($0, range: start..<end) }
        stack.append(Frame(role: .paragraph(indent: indent, header: header), node: paragraph, lastUpper: end))
    }

    private mutating func closeParagraph() {
        if case .paragraph = stack[stack.count - 1].role { pop() }
    }

    private mutating func closeAll() {
        while stack.count > 1 { pop() }
    }

    /// Notes a child added to the innermost block with `range`.
    private mutating func added(_ range: SourceRange?) {
        if let upper = range?.upperBound { stack[stack.count - 1].lastUpper = upper }
    }

    /// Closes the innermost block, extending its range to its last child, and adds it to its parent.
    private mutating func pop() {
        guard stack.count > 1, let frame = stack.popLast() else { return }
        var range = tree.range(at: frame.node)
        if let lower = range?.lowerBound, let upper = frame.lastUpper, lower <= upper {
            range = lower..<max(upper, range?.upperBound ?? upper)
            tree.setRange(range, at: frame.node)
        }
        tree.close()
        added(range)
    }

    mutating func finish() -> MarkdownNode {
        closeAll()
        let end = stack[0].lastUpper ?? SourcePosition(line: 1, column: 1)
        tree.setRange(SourcePosition(line: 1, column: 1)..<end, at: stack[0].node)
        return MarkdownNode(tree: tree.finish(), index: 0)
    }
}
