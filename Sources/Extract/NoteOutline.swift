public import Ingest

/// One line-sized unit of a note, as extractors read it: a heading, a line of a paragraph, a list item, or a table
/// row.
public struct OutlineBlock: Hashable, Sendable {
    /// What the block is.
    public enum Kind: Hashable, Sendable {
        /// A heading of `level` 1–6 as written.
        case heading(level: Int)
        /// One line of a paragraph, between two breaks: one source line, or more when an inline (a code span, an
        /// emphasis, a link or inline HTML) carries it over a line end.
        case line
        /// A list item: its first paragraph, wrapped lines joined with spaces.
        case item
        /// A row of a pipe table.
        case tableRow
    }

    /// What the block is.
    public var kind: Kind
    /// The plain text, markup stripped and whitespace trimmed.
    public var text: String {
        didSet {
            // ``lineTexts`` stays what it was.
            if otherLineTexts == nil, text != oldValue {
                otherLineTexts = [oldValue]
            } else if let other = otherLineTexts, other.count == 1, other[0] == text {
                otherLineTexts = nil
            }
        }
    }
    /// The text of each source line of the block (one entry for lines and rows): an item's line that an inline
    /// (a code span, an emphasis, a link's text or inline HTML) carries onto the lines after it is followed by an
    /// empty text for each, so that entry `n` is the text of line `lines.lowerBound + n`. (A line end inside a link's
    /// destination, title or reference label leaves no trace in cmark's tree, and is not counted.)
    public var lineTexts: [String] {
        get { otherLineTexts ?? [text] }
        set { otherLineTexts = newValue.count == 1 && newValue[0] == text ? nil : newValue }
    }
    /// ``lineTexts`` unless it is `[text]`, as it is for every line, row, heading and one-line item: `nil` spares
    /// the outline an array a block.
    fileprivate var otherLineTexts: [String]?
    /// The first of ``lineTexts``, read without making the array.
    var firstLineText: String? { otherLineTexts.map { $0.first } ?? text }
    /// The lines the block covers.
    public var lines: ClosedRange<Int>
    /// The list depth: 0 outside lists, 1 for an item of a top-level list, 2 for a nested item.
    public var depth: Int
    /// The 1-based column where the text starts (indentation shows in it).
    public var column: Int
    /// Whether the whole text is bold or emphasised, as labels and converted headings are.
    public var isEmphasised: Bool
    /// The text of a bold or emphasised run at the very start, without markup (`**Action:**`, `**103.1**`).
    public var leadingEmphasis: String?
    /// The task-list checkbox of an item.
    public var checkbox: MarkdownNode.Checkbox?
    /// Whether the item belongs to an ordered list.
    public var isOrdered: Bool
    /// The index of the item this block is nested in, if any.
    public var parent: Int?
    /// A number shared by the lines of one paragraph (and the items of one list), to tell runs apart.
    public var group: Int
    /// The cells of a table row.
    public var cells: [String] {
        get { rare?.cells ?? [] }
        set { rare = RareBlockFields.make(cells: newValue, header: header, links: links) }
    }
    /// The header cells of the table a row belongs to.
    public var header: [String] {
        get { rare?.header ?? [] }
        set { rare = RareBlockFields.make(cells: cells, header: newValue, links: links) }
    }
    /// Link destinations in the block, in order.
    public var links: [String] {
        get { rare?.links ?? [] }
        set { rare = RareBlockFields.make(cells: cells, header: header, links: newValue) }
    }
    /// ``cells``, ``header`` and ``links``, which most blocks leave empty, behind one reference (`nil` when all three
    /// are empty): with fewer reference-counted fields a block is moved into the outline rather than copied and
    /// destroyed.
    fileprivate var rare: RareBlockFields?

    /// Whether this block is a heading.
    public var isHeading: Bool {
        if case .heading = kind { return true }
        return false
    }
}

extension OutlineBlock {
    /// Creates a block; its ``lineTexts`` are `[text]` when `lineTexts` is `nil`.
    public init(
        kind: Kind,
        text: String,
        lineTexts: [String]? = nil,
        lines: ClosedRange<Int>,
        depth: Int = 0,
        column: Int = 1,
        isEmphasised: Bool = false,
        leadingEmphasis: String? = nil,
        checkbox: MarkdownNode.Checkbox? = nil,
        isOrdered: Bool = false,
        parent: Int? = nil,
        group: Int = 0,
        cells: [String] = [],
        header: [String] = [],
        links: [String] = []
    ) {
        // The memberwise initializer, which the outline calls too: it builds the block in place, where an
        // initializer assigning the fields copies the finished block once and destroys the first (a retain and a
        // release of each field).
        self.init(
            kind: kind,
            text: text,
            // `[text]` is kept as `nil`: most blocks are one line, and need no array of their own.
            otherLineTexts: lineTexts.flatMap { $0.count == 1 && $0[0] == text ? nil : $0 },
            lines: lines,
            depth: depth,
            column: column,
            isEmphasised: isEmphasised,
            leadingEmphasis: leadingEmphasis,
            checkbox: checkbox,
            isOrdered: isOrdered,
            parent: parent,
            group: group,
            rare: RareBlockFields.make(cells: cells, header: header, links: links)
        )
    }
}

/// The fields of an ``OutlineBlock`` that most blocks leave empty, kept together behind one reference; equal and
/// hashed by value, like the fields they stand for.
private final class RareBlockFields: Hashable, Sendable {
    let cells: [String]
    let header: [String]
    let links: [String]

    private init(cells: [String], header: [String], links: [String]) {
        self.cells = cells
        self.header = header
        self.links = links
    }

    /// The fields, or `nil` when all are empty (so that equal blocks hold equal values).
    static func make(cells: [String], header: [String], links: [String]) -> RareBlockFields? {
        cells.isEmpty && header.isEmpty && links.isEmpty
            ? nil : RareBlockFields(cells: cells, header: header, links: links)
    }

    static func == (left: RareBlockFields, right: RareBlockFields) -> Bool {
        left.cells == right.cells && left.header == right.header && left.links == right.links
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(cells)
        hasher.combine(header)
        hasher.combine(links)
    }
}

/// A note flattened into ``OutlineBlock``s in document order, the view every extractor reads.
///
/// Code blocks and raw HTML blocks are left out: they are not minutes. Block quotes are read through.
public struct NoteOutline: Hashable, Sendable {
    /// The blocks, in document order.
    public var blocks: [OutlineBlock]

    /// Flattens `root`.
    public init(_ root: MarkdownNode) {
        let tree = root.tree
        blocks = tree.withBuffers { nodes, bytes in
            var builder = OutlineBuilder(tree: tree, nodes: nodes, bytes: bytes)
            // About a block a line: room made once, where growing would copy the blocks again and again.
            builder.blocks.reserveCapacity(root.lines?.upperBound ?? 0)
            builder.add(from: root.index + 1, to: Int(nodes[root.index].end), depth: 0, parent: nil)
            return builder.blocks
        }
    }
}

/// Reads the blocks of a note off its flat ``MarkdownTree``, in place.
///
/// A run of sibling nodes (the inlines of a line) is a range of node indices: its first node, then each node where
/// the subtree of the one before ends.
private struct OutlineBuilder {
    /// The tree's ranges too wide for its nodes.
    let wideRanges: [SourceRange]
    let nodes: UnsafeBufferPointer<MarkdownTree.Node>
    let bytes: UnsafeBufferPointer<UInt8>
    var blocks: [OutlineBlock] = []
    var group = 0
    /// Where each line of the paragraph or item read last stands among its inlines: one buffer kept for the note.
    private var lineBuffer: [Range<Int>] = []
    /// Where each line of the paragraph or item read last starts, as source lines after the paragraph's first, when
    /// an inline carries one over a line end; empty when each line is one source line, as in most paragraphs.
    ///
    /// One more entry ends them, the paragraph's count of source lines: line `n` covers source lines
    /// `lineOffsets[n]` to `lineOffsets[n + 1] - 1` after the first. Set by ``takeLineRanges(_:)``; one buffer kept
    /// for the note.
    private var lineOffsets: [Int] = []
    /// The tidy text of each line of the paragraph read last: one buffer kept for the note.
    private var textBuffer: [String] = []
    /// The plain text being gathered, as bytes: one buffer kept for the note.
    private var plainBuffer: [UInt8] = []
    /// A soft break read as a space.
    private static let space: StaticString = " "

    init(tree: MarkdownTree, nodes: UnsafeBufferPointer<MarkdownTree.Node>, bytes: UnsafeBufferPointer<UInt8>) {
        self.wideRanges = tree.wideRanges
        self.nodes = nodes
        self.bytes = bytes
    }

    /// The range of node `index`.
    @inline(__always) func sourceRange(_ index: Int) -> SourceRange? {
        nodes[index].range(wide: wideRanges)
    }

    /// Adds the blocks of the sibling nodes from `from` up to `end`.
    mutating func add(from: Int, to end: Int, depth: Int, parent: Int?) {
        var index = from
        while index < end {
            let node = nodes[index]
            let next = Int(node.end)
            switch node.tag {
            case .heading:
                group += 1
                addHeading(index, depth: depth, parent: parent)
            case .paragraph:
                group += 1
                addParagraph(index, depth: depth, parent: parent)
            case .list:
                group += 1
                let listGroup = group
                var item = index + 1
                while item < next {
                    addItem(item, ordered: node.isOrdered, depth: depth + 1, parent: parent, group: listGroup)
                    item = Int(nodes[item].end)
                }
            case .blockQuote, .item:
                add(from: index + 1, to: next, depth: depth, parent: parent)
            default:
                break
            }
            index = next
        }
    }

    /// Adds the heading `index`.
    mutating func addHeading(_ index: Int, depth: Int, parent: Int?) {
        guard let range = sourceRange(index) else { return }
        let text = tidyPlainText(of: index..<index + 1)
        guard !text.isEmpty else { return }
        let inlines = index + 1..<Int(nodes[index].end)
        append(
            .heading(level: nodes[index].number),
            text,
            inlines: inlines,
            lines: range.lines,
            column: range.lowerBound.column,
            depth: depth,
            parent: parent
        )
    }

    /// Adds the item `index` and the blocks nested in it.
    mutating func addItem(_ index: Int, ordered: Bool, depth: Int, parent: Int?, group listGroup: Int) {
        guard let range = sourceRange(index) else { return }
        let lines = range.lines
        var checkbox: MarkdownNode.Checkbox?
        if case .item = nodes[index].tag { checkbox = nodes[index].checkbox }
        let end = Int(nodes[index].end)
        var rest = index + 1
        var text = ""
        // `nil` for one line, whose text is the item's.
        var lineTexts: [String]? = []
        var itemLines = lines.lowerBound...lines.lowerBound
        var emphasised = false
        var lead: String?
        var itemLinks: [String] = []
        let paragraph = index + 1
        if paragraph < end, case .paragraph = nodes[paragraph].tag {
            rest = Int(nodes[paragraph].end)
            itemLines = sourceRange(paragraph)?.lines ?? itemLines
            if isOneLine(paragraph) {
                // One line is tidy already, and needs no line buffer.
                text = tidyPlainText(of: paragraph + 1..<rest)
                // An inline over several lines (rare) leaves an empty text for each line after the first.
                let carried = itemLines.count > 1 ? lineEnds(in: paragraph + 1..<rest) : 0
                lineTexts = carried > 0 ? [text] + repeatElement("", count: carried) : nil
            } else {
                let ranges = takeLineRanges(paragraph)
                var texts: [String] = []
                texts.reserveCapacity(ranges.count)
                for range in ranges { texts.append(tidyPlainText(of: range)) }
                // Tidy lines, none empty, joined by one space are tidy already.
                let joined = joinedBySpaces(texts)
                text = texts.contains(where: \.isEmpty) ? tidy(joined) : joined
                lineTexts = sourceLineTexts(texts)
                lineBuffer = ranges
            }
            let inlines = paragraph + 1..<rest
            emphasised = isEmphasised(inlines)
            lead = leadingEmphasis(inlines)
            itemLinks = links(in: inlines)
        }
        // The stored form equal blocks share, which the public initializer keeps: `[text]` is kept as `nil`. (The
        // other call sites pass `nil`, and each makes `rare` with `RareBlockFields.make`, `nil` when all are empty.)
        assert(lineTexts.map { $0.count != 1 || $0[0] != text } ?? true, "an item's [text] is stored as nil")
        let block = blocks.count
        blocks.append(
            OutlineBlock(
                kind: .item,
                text: consume text,
                // `nil` for one line, or none or two lines and more: never `[text]`.
                otherLineTexts: consume lineTexts,
                lines: itemLines,
                depth: depth,
                column: range.lowerBound.column,
                isEmphasised: emphasised,
                leadingEmphasis: consume lead,
                checkbox: checkbox,
                isOrdered: ordered,
                parent: parent,
                group: listGroup,
                rare: RareBlockFields.make(cells: [], header: [], links: itemLinks)
            )
        )
        add(from: rest, to: end, depth: depth, parent: block)
    }

    /// Adds the lines (or table rows) of the paragraph `index`.
    mutating func addParagraph(_ index: Int, depth: Int, parent: Int?) {
        guard let range = sourceRange(index) else { return }
        let first = range.lines.lowerBound
        let paragraphColumn = range.lowerBound.column
        if isOneLine(index) {
            // No table, and no line buffer.
            let inlines = index + 1..<Int(nodes[index].end)
            let text = tidyPlainText(of: inlines)
            if !text.isEmpty {
                appendLine(
                    text,
                    inlines: inlines,
                    // No inline of a paragraph on one line can cover more: they are counted only when it has more.
                    lines: first...first + (range.lines.count > 1 ? lineEnds(in: inlines) : 0),
                    paragraphColumn: paragraphColumn,
                    depth: depth,
                    parent: parent
                )
            }
            return
        }
        // Each line's inlines are read in place, as a range of the paragraph's.
        let lines = takeLineRanges(index)
        var texts = textBuffer
        textBuffer = []
        texts.removeAll(keepingCapacity: true)
        for line in lines { texts.append(tidyPlainText(of: line)) }
        defer {
            lineBuffer = lines
            textBuffer = texts
        }
        // A pipe table: a header row, then a delimiter row.
        // A `|` character is a `|` byte, so lines without the byte are passed over before the character look.
        if texts.count >= 2, PeopleBytes.containsByte(texts[0], 0x7C), texts[0].contains("|"), isDelimiterRow(texts[1])
        {
            let header = cells(of: texts[0])
            for offset in 2..<texts.count {
                let row = texts[offset]
                blocks.append(
                    OutlineBlock(
                        kind: .tableRow,
                        text: row,
                        otherLineTexts: nil,
                        lines: sourceLines(ofLine: offset, first: first),
                        depth: depth,
                        column: 1,
                        isEmphasised: false,
                        leadingEmphasis: nil,
                        checkbox: nil,
                        isOrdered: false,
                        parent: parent,
                        group: group,
                        rare: RareBlockFields.make(
                            cells: cells(of: row),
                            header: header,
                            links: links(in: lines[offset])
                        )
                    )
                )
            }
            return
        }
        for offset in lines.indices where !texts[offset].isEmpty {
            appendLine(
                texts[offset],
                inlines: lines[offset],
                lines: sourceLines(ofLine: offset, first: first),
                paragraphColumn: paragraphColumn,
                depth: depth,
                parent: parent
            )
        }
    }

    /// Appends the line block of `text`, the tidy text of the inlines `inlines` on source lines `lines` of a
    /// paragraph starting at column `paragraphColumn`.
    ///
    /// The column is that of the first inline, as cmark places it, but after a backslash hard break: there cmark
    /// 0.30 counts no line, and places the next line's first inline on the break's line, at a column past its end
    /// (and every inline after it a line early). Such an inline, after a hard break and on an earlier line than the
    /// breaks counted, starts a line at the paragraph's column: where cmark starts every line after a soft break or
    /// a hard break of two spaces, as it leaves out the indentation of continuation lines.
    mutating func appendLine(
        _ text: String,
        inlines: Range<Int>,
        lines: ClosedRange<Int>,
        paragraphColumn: Int,
        depth: Int,
        parent: Int?
    ) {
        var column = paragraphColumn
        if !inlines.isEmpty, let start = sourceRange(inlines.lowerBound)?.lowerBound,
            start.line >= lines.lowerBound || nodes[inlines.lowerBound - 1].tag != .lineBreak
        {
            column = start.column
        }
        append(.line, text, inlines: inlines, lines: lines, column: column, depth: depth, parent: parent)
    }

    /// Appends the heading or line block of `text`, the tidy text of the inlines `inlines`.
    mutating func append(
        _ kind: OutlineBlock.Kind,
        _ text: String,
        inlines: Range<Int>,
        lines: ClosedRange<Int>,
        column: Int,
        depth: Int,
        parent: Int?
    ) {
        blocks.append(
            OutlineBlock(
                kind: kind,
                text: text,
                otherLineTexts: nil,
                lines: lines,
                depth: depth,
                column: column,
                isEmphasised: isEmphasised(inlines),
                leadingEmphasis: leadingEmphasis(inlines),
                checkbox: nil,
                isOrdered: false,
                parent: parent,
                group: group,
                rare: RareBlockFields.make(cells: [], header: [], links: links(in: inlines))
            )
        )
    }

    /// Whether the paragraph `index` has no break (soft or hard) among its top-level inlines: what
    /// ``takeLineRanges(_:)`` tells by giving one range, found with no buffer. (A newline inside an inline, such as a
    /// code span or a link, is not a break at the top level, so such a paragraph is "one line" here.)
    func isOneLine(_ index: Int) -> Bool {
        let end = Int(nodes[index].end)
        var inline = index + 1
        while inline < end {
            switch nodes[inline].tag {
            case .softBreak, .lineBreak: return false
            default: inline = Int(nodes[inline].end)
            }
        }
        return true
    }

    /// Where the inline nodes of each line of the paragraph `index` stand: the runs between breaks, in the
    /// builder's line buffer, which is taken (hand it back to keep its room).
    ///
    /// The source lines each run covers are counted in ``lineOffsets``: a break ends a line, and so does a newline
    /// inside an inline (``lineEnds(of:)``).
    mutating func takeLineRanges(_ index: Int) -> [Range<Int>] {
        var lines = lineBuffer
        lineBuffer = []
        lines.removeAll(keepingCapacity: true)
        if !lineOffsets.isEmpty { lineOffsets.removeAll(keepingCapacity: true) }
        let end = Int(nodes[index].end)
        var start = index + 1
        var inline = start
        var line = 0
        while inline < end {
            let next = Int(nodes[inline].end)
            switch nodes[inline].tag {
            case .softBreak, .lineBreak:
                lines.append(start..<inline)
                start = next
                line += 1
                if !lineOffsets.isEmpty { lineOffsets.append(line) }
            case .text: break
            default:
                let ends = lineEnds(of: inline)
                if ends > 0 {
                    // At the first line end inside an inline, the lines so far (this one too) each started one source
                    // line after the one before.
                    if lineOffsets.isEmpty { lineOffsets.append(contentsOf: 0...line) }
                    line += ends
                }
            }
            inline = next
        }
        lines.append(start..<end)
        if !lineOffsets.isEmpty { lineOffsets.append(line + 1) }
        return lines
    }

    /// The source lines line `offset` of the paragraph read last covers, the paragraph starting on line `first`.
    func sourceLines(ofLine offset: Int, first: Int) -> ClosedRange<Int> {
        guard !lineOffsets.isEmpty else { return first + offset...first + offset }
        return first + lineOffsets[offset]...first + lineOffsets[offset + 1] - 1
    }

    /// `texts`, the text of each line of the paragraph read last, each followed by an empty text for every further
    /// source line it covers: one text a source line.
    func sourceLineTexts(_ texts: [String]) -> [String] {
        // Most paragraphs have no newline inside an inline: one line a source line.
        guard let count = lineOffsets.last else { return texts }
        var padded: [String] = []
        padded.reserveCapacity(count)
        for (offset, text) in texts.enumerated() {
            padded.append(text)
            padded.append(contentsOf: repeatElement("", count: lineOffsets[offset + 1] - lineOffsets[offset] - 1))
        }
        return padded
    }

    /// The line ends in the nodes `range`: ``lineEnd(at:)`` of each.
    func lineEnds(in range: Range<Int>) -> Int {
        var count = 0
        for index in range { count += lineEnd(at: index) }
        return count
    }

    /// The line ends in the inline `index` and its descendants: the breaks (inside an emphasis, strong emphasis, link
    /// or image, no break at the top level of the paragraph shows them), and the newlines in code spans and inline
    /// HTML.
    func lineEnds(of index: Int) -> Int {
        lineEnds(in: index..<Int(nodes[index].end))
    }

    /// The line ends node `index` holds itself (its descendants not read): one for a break; the newlines of a code
    /// span, told by its range, as cmark makes them spaces in its literal; the newlines of inline HTML, which its
    /// literal keeps.
    @inline(__always) func lineEnd(at index: Int) -> Int {
        let node = nodes[index]
        switch node.tag {
        case .softBreak, .lineBreak: return 1
        case .code: return sourceRange(index).map { $0.upperBound.line - $0.lowerBound.line } ?? 0
        case .htmlInline:
            var count = 0
            for byte in node.text(in: bytes) where byte == 0x0A { count += 1 }
            return count
        default: return 0
        }
    }

    /// The ``tidy(_:)`` plain text of the sibling nodes `siblings`, each read as
    /// ``MarkdownNode/plainText(softBreak:)`` reads it, gathered as bytes and made a string once.
    mutating func tidyPlainText(of siblings: Range<Int>) -> String {
        // One text node, as most lines are, is read in place.
        if siblings.count == 1, case .text = nodes[siblings.lowerBound].tag {
            return tidy(bytes: nodes[siblings.lowerBound].text(in: bytes))
        }
        plainBuffer.removeAll(keepingCapacity: true)
        let space = UnsafeBufferPointer(start: Self.space.utf8Start, count: Self.space.utf8CodeUnitCount)
        var index = siblings.lowerBound
        while index < siblings.upperBound {
            nodes.appendPlainText(of: index, bytes: bytes, softBreak: space, to: &plainBuffer)
            index = Int(nodes[index].end)
        }
        return plainBuffer.withUnsafeBufferPointer { tidy(bytes: $0) }
    }

    /// `texts.joined(separator: " ")`, its bytes copied once into a string made as long as it will be.
    func joinedBySpaces(_ texts: [String]) -> String {
        guard !texts.isEmpty else { return "" }
        let count = texts.reduce(texts.count - 1) { $0 + $1.utf8.count }
        return String(unsafeUninitializedCapacity: count) { buffer in
            var offset = 0
            for index in texts.indices {
                if index > 0 {
                    buffer[offset] = 0x20
                    offset += 1
                }
                var text = texts[index]
                text.withUTF8 { bytes in
                    _ = UnsafeMutableBufferPointer(rebasing: buffer[offset...]).initialize(fromContentsOf: bytes)
                    offset += bytes.count
                }
            }
            return offset
        }
    }

    /// Whether the non-blank inlines among `siblings` are all strong or emphasis.
    func isEmphasised(_ siblings: Range<Int>) -> Bool {
        var sawEmphasis = false
        var index = siblings.lowerBound
        while index < siblings.upperBound {
            let node = nodes[index]
            switch node.tag {
            case .strong, .emphasis: sawEmphasis = true
            case .text where isBlankOrColons(node.text(in: bytes)): break
            case .htmlInline: break
            default: return false
            }
            index = Int(node.end)
        }
        return sawEmphasis
    }

    /// The tidy text of the first of `siblings` when it is strong or emphasis.
    mutating func leadingEmphasis(_ siblings: Range<Int>) -> String? {
        guard !siblings.isEmpty else { return nil }
        switch nodes[siblings.lowerBound].tag {
        case .strong, .emphasis: return tidyPlainText(of: siblings.lowerBound..<siblings.lowerBound + 1)
        default: return nil
        }
    }

    /// The link destinations in the nodes `range` (whole subtrees), in document order.
    func links(in range: Range<Int>) -> [String] {
        var found: [String] = []
        for index in range {
            if case .link = nodes[index].tag {
                found.append(String(decoding: nodes[index].text(in: bytes), as: UTF8.self))
            }
        }
        return found
    }

    func isDelimiterRow(_ text: String) -> Bool {
        text.utf8.contains(0x7C) && text.contains("-") && text.contains("|")
            && text.allSatisfy { "|-: \t".contains($0) }
    }

    func cells(of row: String) -> [String] {
        let text = String(droppingEndPipes(row))
        return (splitStandingAlone(text, at: 0x7C) ?? text.split(separator: "|", omittingEmptySubsequences: false))
            .map { cell in cell.utf8.withContiguousStorageIfAvailable { tidy(bytes: $0) } ?? tidy(String(cell)) }
    }
}

extension Array where Element == OutlineBlock {
    /// Whether block `index` is nested, at any depth, in the item at `ancestor`.
    func isNested(_ index: Int, under ancestor: Int) -> Bool {
        var current = self[index].parent
        while let parent = current {
            if parent == ancestor { return true }
            current = self[parent].parent
        }
        return false
    }
}

/// `text` with runs of whitespace collapsed to one space and the ends trimmed.
///
/// Works on the UTF-8 bytes, not on characters: it is called for every block and must not pay for grapheme
/// breaking. White space is what Unicode names so (``whiteSpaceLength(_:at:)``), removed whole, so the rest of the
/// bytes stay well formed.
func tidy(_ text: String) -> String {
    if isTidy(text) { return text }
    var text = text
    // The bytes are read in place and written once into the new string.
    return text.withUTF8 { collapsingWhiteSpace($0) }
}

/// ``tidy(_:)`` of the text whose well-formed UTF-8 bytes are `bytes`.
func tidy(bytes: UnsafeBufferPointer<UInt8>) -> String {
    // Spaces at the ends, as around a table cell or a piece of a list, are passed over first: when they are all the
    // text's untidiness, the rest is taken as it is (what collapsing would give).
    var start = 0
    var end = bytes.count
    while start < end, bytes[start] == UInt8(ascii: " ") { start += 1 }
    while end > start, bytes[end - 1] == UInt8(ascii: " ") { end -= 1 }
    let trimmed = UnsafeBufferPointer(rebasing: bytes[start..<end])
    return isTidy(buffer: trimmed) ? String(decoding: trimmed, as: UTF8.self) : collapsingWhiteSpace(trimmed)
}

/// The text of `bytes` with runs of white space collapsed to one space and the ends trimmed.
private func collapsingWhiteSpace(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    String(unsafeUninitializedCapacity: bytes.count) { out in
        var count = 0
        var pendingSpace = false
        var index = 0
        while index < bytes.count {
            let length = whiteSpaceLength(bytes, at: index)
            if length > 0 {
                pendingSpace = count > 0
                index += length
                continue
            }
            if pendingSpace {
                out[count] = 0x20
                count += 1
                pendingSpace = false
            }
            out[count] = bytes[index]
            count += 1
            index += 1
        }
        return count
    }
}

/// The length in bytes of the white space scalar starting at `index` of well-formed UTF-8 `bytes`, or 0.
///
/// The scalars with Unicode's White_Space property: U+0009 to U+000D, U+0020, U+0085, U+00A0, U+1680, U+2000 to
/// U+200A, U+2028, U+2029, U+202F, U+205F and U+3000.
@inline(__always)
func whiteSpaceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
    let byte = bytes[index]
    if byte < 0x80 { return byte == 0x20 || (0x09...0x0D).contains(byte) ? 1 : 0 }
    guard byte == 0xC2 || byte == 0xE1 || byte == 0xE2 || byte == 0xE3, index + 1 < bytes.count else { return 0 }
    let second = bytes[index + 1]
    if byte == 0xC2 { return second == 0x85 || second == 0xA0 ? 2 : 0 }
    guard index + 2 < bytes.count else { return 0 }
    let third = bytes[index + 2]
    switch (byte, second) {
    case (0xE1, 0x9A): return third == 0x80 ? 3 : 0
    case (0xE2, 0x80): return third <= 0x8A || third == 0xA8 || third == 0xA9 || third == 0xAF ? 3 : 0
    case (0xE2, 0x81): return third == 0x9F ? 3 : 0
    case (0xE3, 0x80): return third == 0x80 ? 3 : 0
    default: return 0
    }
}

/// Whether ``tidy(_:)`` leaves `text` as it is: no white space but single spaces between words.
func isTidy(_ text: String) -> Bool {
    // A native string's bytes are read in place; a bridged one's are copied first.
    text.utf8.withContiguousStorageIfAvailable { isTidy(buffer: $0) }
        ?? Array(text.utf8).withUnsafeBufferPointer { isTidy(buffer: $0) }
}

/// ``isTidy(_:)`` on bytes in memory, eight at a time: a word of printable ASCII at a glance, where only a space
/// beside a space matters, and a word with any other byte one byte at a time; the last bytes as one word read again
/// when there are eight or more, else one at a time.
private func isTidy(buffer bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = bytes.baseAddress else { return false }
    let (ones, high) = (ASCIIWord.ones, ASCIIWord.high)
    /// The eight bytes at `offset`, the first in the low byte.
    @inline(__always) func word(at offset: Int) -> UInt64 {
        UInt64(littleEndian: ASCIIWord.load(base, at: offset))
    }
    /// The high bit of each byte of `word` from 0x80 or below a space, and maybe of some after such a byte: zero
    /// only when all eight are printable ASCII (any other byte is left to the byte look).
    @inline(__always) func unprintable(_ word: UInt64) -> UInt64 {
        (word | (word &- ones &* 0x20) & ~word) & high
    }
    /// The high bit of each byte of `word` that is a space.
    @inline(__always) func spaces(_ word: UInt64) -> UInt64 {
        let other = word ^ (ones &* 0x20)
        return ~(((other & ~high) &+ ~high) | other) & high
    }
    /// The byte before `offset`, a space before the first (so that a leading space is untidy).
    @inline(__always) func previous(_ offset: Int) -> UInt8 {
        offset == 0 ? UInt8(ascii: " ") : bytes[offset - 1]
    }
    // The high bit of the byte before the word read, when it is a space: a space beside a space is one in both the
    // word's spaces and its spaces moved up a byte with this one below.
    var spaceBefore: UInt64 = 0x80
    var offset = 0
    while offset + 8 <= bytes.count {
        let word = word(at: offset)
        let spaced = spaces(word)
        let doubled = spaced & (spaced << 8 | spaceBefore)
        if unprintable(word) | doubled != 0 {
            if unprintable(word) == 0 { return false }
            // Eight bytes not all printable ASCII (white space, or part of a scalar from U+0080) are read one at a
            // time, white space told by the scalar starting at each byte; the look goes on eight at a time after
            // them.
            guard let last = lastByteIfTidy(bytes, offset..<offset + 8, after: previous(offset)) else { return false }
            spaceBefore = last == UInt8(ascii: " ") ? 0x80 : 0
            offset += 8
            continue
        }
        spaceBefore = spaced >> 56
        offset += 8
    }
    if offset == bytes.count, offset > 0 { return spaceBefore == 0 }
    // The bytes before `offset` are tidy. Fewer than eight are left: after eight or more, the last eight
    // are read at once (those read again were tidy), after the byte before them.
    if offset >= 8, unprintable(word(at: bytes.count - 8)) == 0 {
        let spaced = spaces(word(at: bytes.count - 8))
        let before: UInt64 = bytes[bytes.count - 9] == UInt8(ascii: " ") ? 0x80 : 0
        return spaced & (spaced << 8 | before) == 0 && bytes[bytes.count - 1] != UInt8(ascii: " ")
    }
    // No space at the end.
    return lastByteIfTidy(bytes, offset..<bytes.count, after: previous(offset)).map { $0 != UInt8(ascii: " ") } ?? false
}

/// The last of the bytes `range` of the well-formed UTF-8 `bytes`, after a byte `previous`, when they hold no white
/// space but a space after another byte than a space (the white space told by the scalar starting at each byte, read
/// in `bytes` whole); `nil` when they hold other white space.
private func lastByteIfTidy(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, after previous: UInt8) -> UInt8? {
    var previous = previous
    for index in range {
        let byte = bytes[index]
        if whiteSpaceLength(bytes, at: index) > 0, byte != UInt8(ascii: " ") || previous == UInt8(ascii: " ") {
            return nil
        }
        previous = byte
    }
    return previous
}
