public import Ingest

/// One line-sized unit of a note, as extractors read it: a heading, a line of a paragraph, a list item, or a table
/// row.
public struct OutlineBlock: Hashable, Sendable {
    /// What the block is.
    public enum Kind: Hashable, Sendable {
        /// A heading of `level` 1–6 as written.
        case heading(level: Int)
        /// One source line of a paragraph.
        case line
        /// A list item: its first paragraph, wrapped lines joined with spaces.
        case item
        /// A row of a pipe table.
        case tableRow
    }

    /// What the block is.
    public var kind: Kind
    /// The plain text, markup stripped and whitespace trimmed.
    public var text: String
    /// The text of each source line of the block (one entry for lines and rows).
    public var lineTexts: [String]
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
    public var cells: [String]
    /// The header cells of the table a row belongs to.
    public var header: [String]
    /// Link destinations in the block, in order.
    public var links: [String]

    /// Creates a block.
    public init(
        kind: Kind,
        text: String,
        lineTexts: [String],
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
        self.kind = kind
        self.text = text
        self.lineTexts = lineTexts
        self.lines = lines
        self.depth = depth
        self.column = column
        self.isEmphasised = isEmphasised
        self.leadingEmphasis = leadingEmphasis
        self.checkbox = checkbox
        self.isOrdered = isOrdered
        self.parent = parent
        self.group = group
        self.cells = cells
        self.header = header
        self.links = links
    }

    /// Whether this block is a heading.
    public var isHeading: Bool {
        if case .heading = kind { return true }
        return false
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
        var builder = OutlineBuilder()
        // About a block a line: room made once, where growing would copy the blocks again and again.
        builder.blocks.reserveCapacity(root.lines?.upperBound ?? 0)
        builder.add(children: root.children[...], depth: 0, parent: nil)
        blocks = builder.blocks
    }
}

private struct OutlineBuilder {
    var blocks: [OutlineBlock] = []
    var group = 0

    /// Adds the blocks of `children`, read in place by index: a copy of each node would cost more than the look.
    mutating func add(children: ArraySlice<MarkdownNode>, depth: Int, parent: Int?) {
        for index in children.indices {
            switch children[index].kind {
            case .heading(let level):
                group += 1
                guard let lines = children[index].lines else { continue }
                let child = children[index]
                let text = tidy(child.plainText())
                guard !text.isEmpty else { continue }
                blocks.append(
                    OutlineBlock(
                        kind: .heading(level: level),
                        text: text,
                        lineTexts: [text],
                        lines: lines,
                        depth: depth,
                        column: child.range?.lowerBound.column ?? 1,
                        isEmphasised: isEmphasised(child.children[...]),
                        leadingEmphasis: leadingEmphasis(child.children[...]),
                        parent: parent,
                        group: group,
                        links: links(in: child)
                    )
                )
            case .paragraph:
                group += 1
                addParagraph(children[index], depth: depth, parent: parent)
            case .list(let ordered, _, _):
                group += 1
                let listGroup = group
                let items = children[index].children
                for item in items.indices {
                    addItem(items[item], ordered: ordered, depth: depth + 1, parent: parent, group: listGroup)
                }
            case .blockQuote, .item:
                add(children: children[index].children[...], depth: depth, parent: parent)
            default:
                continue
            }
        }
    }

    mutating func addItem(_ item: MarkdownNode, ordered: Bool, depth: Int, parent: Int?, group listGroup: Int) {
        guard let lines = item.lines else { return }
        let children = item.children
        var rest = children[...]
        // The first child is read in place, as the rest are.
        var text = ""
        var lineTexts: [String] = []
        var itemLines = lines.lowerBound...lines.lowerBound
        var emphasised = false
        var lead: String?
        var itemLinks: [String] = []
        if !children.isEmpty, case .paragraph = children[0].kind {
            rest = rest.dropFirst()
            let inlines = children[0].children
            lineTexts = lineRanges(inlines).map { tidy(plain(inlines[$0])) }
            // One line is tidy already.
            text = lineTexts.count == 1 ? lineTexts[0] : tidy(joinedBySpaces(lineTexts))
            itemLines = children[0].lines ?? itemLines
            emphasised = isEmphasised(inlines[...])
            lead = leadingEmphasis(inlines[...])
            itemLinks = links(in: inlines[...])
        }
        var checkbox: MarkdownNode.Checkbox?
        if case .item(let box) = item.kind { checkbox = box }
        let index = blocks.count
        blocks.append(
            OutlineBlock(
                kind: .item,
                text: text,
                lineTexts: lineTexts,
                lines: itemLines,
                depth: depth,
                column: item.range?.lowerBound.column ?? 1,
                isEmphasised: emphasised,
                leadingEmphasis: lead,
                checkbox: checkbox,
                isOrdered: ordered,
                parent: parent,
                group: listGroup,
                links: itemLinks
            )
        )
        add(children: rest, depth: depth, parent: index)
    }

    mutating func addParagraph(_ paragraph: MarkdownNode, depth: Int, parent: Int?) {
        guard let first = paragraph.lines?.lowerBound else { return }
        let inlines = paragraph.children
        // Each line's inlines are read in place, as a range of the paragraph's.
        let lines = lineRanges(inlines)
        let texts = lines.map { tidy(plain(inlines[$0])) }
        // A pipe table: a header row, then a delimiter row.
        // A `|` character is a `|` byte, so lines without the byte are passed over before the character look.
        if texts.count >= 2, PeopleBytes.containsByte(texts[0], 0x7C), texts[0].contains("|"), isDelimiterRow(texts[1])
        {
            let header = cells(of: texts[0])
            for (offset, row) in texts.enumerated().dropFirst(2) {
                let line = first + offset
                blocks.append(
                    OutlineBlock(
                        kind: .tableRow,
                        text: row,
                        lineTexts: [row],
                        lines: line...line,
                        depth: depth,
                        parent: parent,
                        group: group,
                        cells: cells(of: row),
                        header: header,
                        links: links(in: inlines[lines[offset]])
                    )
                )
            }
            return
        }
        for (offset, range) in lines.enumerated() {
            let text = texts[offset]
            guard !text.isEmpty else { continue }
            let lineInlines = inlines[range]
            let line = first + offset
            let column = lineInlines.first?.range?.lowerBound.column ?? paragraph.range?.lowerBound.column ?? 1
            blocks.append(
                OutlineBlock(
                    kind: .line,
                    text: text,
                    lineTexts: [text],
                    lines: line...line,
                    depth: depth,
                    column: column,
                    isEmphasised: isEmphasised(lineInlines),
                    leadingEmphasis: leadingEmphasis(lineInlines),
                    parent: parent,
                    group: group,
                    links: links(in: lineInlines)
                )
            )
        }
    }

    /// Where the inline nodes of each source line of a paragraph stand among `inlines`: the runs between breaks.
    func lineRanges(_ inlines: [MarkdownNode]) -> [Range<Int>] {
        var lines: [Range<Int>] = []
        var start = 0
        // The kinds are read in place: a copy of each node would cost more than the look.
        for index in inlines.indices {
            switch inlines[index].kind {
            case .softBreak, .lineBreak:
                lines.append(start..<index)
                start = index + 1
            default:
                continue
            }
        }
        lines.append(start..<inlines.count)
        return lines
    }

    /// `texts.joined(separator: " ")`, built in one buffer of bytes.
    func joinedBySpaces(_ texts: [String]) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(texts.reduce(texts.count) { $0 + $1.utf8.count })
        for (offset, text) in texts.enumerated() {
            if offset > 0 { bytes.append(0x20) }
            bytes += text.utf8
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    func plain(_ inlines: ArraySlice<MarkdownNode>) -> String {
        guard inlines.count != 1 else { return inlines[inlines.startIndex].plainText() }
        var text = ""
        for index in inlines.indices { text += inlines[index].plainText() }
        return text
    }

    /// Whether the non-blank inlines are all strong or emphasis.
    func isEmphasised(_ inlines: ArraySlice<MarkdownNode>) -> Bool {
        var sawEmphasis = false
        for index in inlines.indices {
            switch inlines[index].kind {
            case .strong, .emphasis: sawEmphasis = true
            case .text(let text) where isBlankOrColons(text): continue
            case .htmlInline: continue
            default: return false
            }
        }
        return sawEmphasis
    }

    func leadingEmphasis(_ inlines: ArraySlice<MarkdownNode>) -> String? {
        guard !inlines.isEmpty else { return nil }
        switch inlines[inlines.startIndex].kind {
        case .strong, .emphasis: return tidy(inlines[inlines.startIndex].plainText())
        default: return nil
        }
    }

    /// The link destinations in `node`, in document order.
    func links(in node: MarkdownNode) -> [String] {
        var found: [String] = []
        collectLinks(in: node, into: &found)
        return found
    }

    /// The link destinations in `nodes`, in document order.
    func links(in nodes: ArraySlice<MarkdownNode>) -> [String] {
        var found: [String] = []
        for index in nodes.indices { collectLinks(in: nodes[index], into: &found) }
        return found
    }

    /// Appends the link destinations in `node` to `found`, the node's own before its children's.
    private func collectLinks(in node: MarkdownNode, into found: inout [String]) {
        if case .link(let destination, _) = node.kind { found.append(destination) }
        // Read in place by index: a copy of each child would cost more than the look.
        for index in node.children.indices { collectLinks(in: node.children[index], into: &found) }
    }

    func isDelimiterRow(_ text: String) -> Bool {
        text.utf8.contains(0x7C) && text.contains("-") && text.contains("|")
            && text.allSatisfy { "|-: \t".contains($0) }
    }

    func cells(of row: String) -> [String] {
        var trimmed = Substring(row)
        if trimmed.hasPrefix("|") { trimmed = trimmed.dropFirst() }
        if trimmed.hasSuffix("|") { trimmed = trimmed.dropLast() }
        let text = String(trimmed)
        return (splitStandingAlone(text, at: 0x7C) ?? text.split(separator: "|", omittingEmptySubsequences: false))
            .map { tidy(String($0)) }
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
    let bytes = Array(text.utf8)
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    bytes.withUnsafeBufferPointer { bytes in
        var pendingSpace = false
        var index = 0
        while index < bytes.count {
            let length = whiteSpaceLength(bytes, at: index)
            if length > 0 {
                pendingSpace = !out.isEmpty
                index += length
                continue
            }
            if pendingSpace {
                out.append(0x20)
                pendingSpace = false
            }
            out.append(bytes[index])
            index += 1
        }
    }
    return out == bytes ? text : String(decoding: out, as: UTF8.self)
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

/// ``isTidy(_:)`` on bytes in memory: eight at a time while they are printable ASCII, where only a space beside a
/// space matters, then one at a time.
private func isTidy(buffer bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = bytes.baseAddress else { return false }
    let ones: UInt64 = 0x0101_0101_0101_0101
    let high = ones &* 0x80
    var previous = UInt8(ascii: " ")
    var offset = 0
    while offset + 8 <= bytes.count {
        let word = UInt64(littleEndian: UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self))
        // Any byte from 0x80, or below a space, is left to the byte look.
        guard word & high == 0, !ASCIIWord.hasBelow(word, 0x20) else { break }
        // The high bit of each byte that is a space.
        let other = word ^ (ones &* 0x20)
        let spaces = ~(((other & ~high) &+ ~high) | other) & high
        if spaces & (spaces << 8) != 0 { return false }
        if previous == UInt8(ascii: " "), spaces & 0x80 != 0 { return false }
        previous = UInt8(truncatingIfNeeded: word >> 56)
        offset += 8
    }
    return isTidy(bytes: UnsafeBufferPointer(rebasing: bytes[offset...]), after: previous)
}

/// ``isTidy(_:)`` on the UTF-8 `bytes` of the end of a text, after a byte `previous`: no white space but a space
/// after another byte than a space, and no space at the end.
private func isTidy(bytes: UnsafeBufferPointer<UInt8>, after previous: UInt8) -> Bool {
    var previous = previous
    for index in bytes.indices {
        let byte = bytes[index]
        if whiteSpaceLength(bytes, at: index) > 0, byte != UInt8(ascii: " ") || previous == UInt8(ascii: " ") {
            return false
        }
        previous = byte
    }
    return previous != UInt8(ascii: " ")
}
