/// The nodes of a ``MarkdownNode`` tree in one array, each before its descendants, with their text in one byte
/// buffer: no node holds an array or a string of its own, so a tree is made with a few growing arrays and freed
/// with three, however many nodes it has.
package final class MarkdownTree: Sendable {
    /// The nodes in document order, each followed by its descendants.
    package let nodes: [Node]
    /// The UTF-8 bytes of the nodes' texts, literals, destinations and titles.
    package let bytes: [UInt8]
    /// The ranges that do not fit a ``Node``'s 32-bit fields (never a parsed note's).
    package let wideRanges: [SourceRange]

    init(nodes: [Node], bytes: [UInt8], wideRanges: [SourceRange]) {
        self.nodes = nodes
        self.bytes = bytes
        self.wideRanges = wideRanges
    }

    /// What a node is, without its payload.
    package enum Tag: UInt8, Sendable, BitwiseCopyable {
        case document, blockQuote, list, item, codeBlock, htmlBlock, paragraph, heading, thematicBreak, text
        case softBreak, lineBreak, code, htmlInline, emphasis, strong, link, image

        /// Whether nodes of this tag are blocks, as ``MarkdownNode/isBlock`` says.
        package var isBlock: Bool { rawValue <= Tag.thematicBreak.rawValue }
    }

    /// One node: its tag, flags and payload, where its subtree ends, and its range.
    package struct Node: Sendable, BitwiseCopyable {
        /// What the node is.
        package var tag: Tag
        /// ``hasRange``, ``wideRange``, ``ordered``, ``tight`` and the checkbox (``checkboxShift``).
        package var flags: UInt8
        /// The index just past the node's last descendant.
        package var end: Int32
        /// Where the node's text starts in ``MarkdownTree/bytes``, or the low half of its number (heading level,
        /// list start).
        package var offset: UInt32
        /// The byte count of the node's text, or the high half of its number.
        package var count: UInt32
        /// The byte count of a second text, stored right after the first (a code block's literal after its info, a
        /// title after its destination).
        package var secondCount: UInt32
        /// The range, when ``hasRange`` and not ``wideRange``; with ``wideRange``, `startLine` indexes
        /// ``MarkdownTree/wideRanges``.
        package var startLine: Int32
        package var startColumn: Int32
        package var endLine: Int32
        package var endColumn: Int32

        /// The flag of a node with a range.
        @inlinable package static var hasRange: UInt8 { 1 }
        /// The flag of a node whose range is in ``MarkdownTree/wideRanges``.
        @inlinable package static var wideRange: UInt8 { 2 }
        /// The flag of an ordered list.
        @inlinable package static var ordered: UInt8 { 4 }
        /// The flag of a tight list.
        @inlinable package static var tight: UInt8 { 8 }
        /// How far up the flags the checkbox stands: 1 unchecked, 2 checked.
        @inlinable package static var checkboxShift: UInt8 { 4 }
        /// The bits of the checkbox.
        @inlinable package static var checkboxMask: UInt8 { 0x30 }

        /// A node of `tag` with no payload, no range and no children, standing at `index`.
        @inline(__always) init(_ tag: Tag, at index: Int, offset: Int) {
            self.init(
                tag: tag,
                flags: 0,
                end: Int32(index + 1),
                offset: UInt32(offset),
                count: 0,
                secondCount: 0,
                startLine: 0,
                startColumn: 0,
                endLine: 0,
                endColumn: 0
            )
        }

        /// Creates a node from all its fields.
        init(
            tag: Tag,
            flags: UInt8,
            end: Int32,
            offset: UInt32,
            count: UInt32,
            secondCount: UInt32,
            startLine: Int32,
            startColumn: Int32,
            endLine: Int32,
            endColumn: Int32
        ) {
            self.tag = tag
            self.flags = flags
            self.end = end
            self.offset = offset
            self.count = count
            self.secondCount = secondCount
            self.startLine = startLine
            self.startColumn = startColumn
            self.endLine = endLine
            self.endColumn = endColumn
        }

        /// The bytes of the node's (first) text in `bytes`.
        @inlinable package func text(in bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
            UnsafeBufferPointer(rebasing: bytes[Int(offset)..<Int(offset) + Int(count)])
        }

        /// The number a heading or list keeps in ``offset`` and ``count``.
        @inlinable package var number: Int { Int(bitPattern: UInt(offset) | UInt(count) << 32) }

        /// Whether a list is ordered.
        @inlinable package var isOrdered: Bool { flags & Self.ordered != 0 }

        /// The checkbox of an item.
        @inlinable package var checkbox: MarkdownNode.Checkbox? {
            switch (flags & Self.checkboxMask) >> Self.checkboxShift {
            case 1: .unchecked
            case 2: .checked
            default: nil
            }
        }

        /// The range, `wide` being the tree's ``MarkdownTree/wideRanges``.
        @inlinable package func range(wide: [SourceRange]) -> SourceRange? {
            guard flags & Self.hasRange != 0 else { return nil }
            if flags & Self.wideRange != 0 { return wide[Int(startLine)] }
            return SourcePosition(
                line: Int(startLine),
                column: Int(startColumn)
            )..<SourcePosition(line: Int(endLine), column: Int(endColumn))
        }
    }

    /// The range of node `index`.
    package func range(at index: Int) -> SourceRange? {
        nodes[index].range(wide: wideRanges)
    }

    /// The kind of node `index`, its strings made from the bytes.
    func kind(at index: Int) -> MarkdownNode.Kind {
        let node = nodes[index]
        func string(_ from: Int, _ count: Int) -> String {
            String(decoding: bytes[from..<from + count], as: UTF8.self)
        }
        let first = Int(node.offset)
        let count = Int(node.count)
        switch node.tag {
        case .document: return .document
        case .blockQuote: return .blockQuote
        case .list: return .list(ordered: node.isOrdered, start: node.number, tight: node.flags & Node.tight != 0)
        case .item: return .item(checkbox: node.checkbox)
        case .codeBlock:
            return .codeBlock(info: string(first, count), literal: string(first + count, Int(node.secondCount)))
        case .htmlBlock: return .htmlBlock(string(first, count))
        case .paragraph: return .paragraph
        case .heading: return .heading(level: node.number)
        case .thematicBreak: return .thematicBreak
        case .text: return .text(string(first, count))
        case .softBreak: return .softBreak
        case .lineBreak: return .lineBreak
        case .code: return .code(string(first, count))
        case .htmlInline: return .htmlInline(string(first, count))
        case .emphasis: return .emphasis
        case .strong: return .strong
        case .link: return .link(destination: string(first, count), title: string(first + count, Int(node.secondCount)))
        case .image:
            return .image(destination: string(first, count), title: string(first + count, Int(node.secondCount)))
        }
    }

    /// Whether node `index` of this tree and node `other` of `tree` hold the same kind (payload included).
    func sameKind(at index: Int, as other: Int, of tree: MarkdownTree) -> Bool {
        let left = nodes[index]
        let right = tree.nodes[other]
        guard left.tag == right.tag else { return false }
        switch left.tag {
        case .list, .heading: return left.number == right.number && left.flags & ~3 == right.flags & ~3
        case .item: return left.checkbox == right.checkbox
        case .codeBlock, .htmlBlock, .text, .code, .htmlInline, .link, .image:
            guard left.count == right.count, left.secondCount == right.secondCount else { return false }
            let length = Int(left.count) + Int(left.secondCount)
            return bytes[Int(left.offset)..<Int(left.offset) + length]
                .elementsEqual(tree.bytes[Int(right.offset)..<Int(right.offset) + length])
        default: return true
        }
    }

    /// Calls `body` with the nodes and the bytes in place.
    @inline(__always) package func withBuffers<Result>(
        _ body: (UnsafeBufferPointer<Node>, UnsafeBufferPointer<UInt8>) throws -> Result
    ) rethrows -> Result {
        try nodes.withUnsafeBufferPointer { nodes in try bytes.withUnsafeBufferPointer { try body(nodes, $0) } }
    }

    /// Makes a tree one node at a time, in document order: a container is opened, its children added, then it is
    /// closed.
    package struct Builder {
        /// The nodes so far.
        package private(set) var nodes: [Node] = []
        /// The bytes of their texts.
        private(set) var bytes: [UInt8] = []
        private var wideRanges: [SourceRange] = []
        /// The containers opened and not yet closed, outermost first.
        private var open: [Int] = []

        /// Creates an empty builder.
        package init() {}

        /// The number of containers open.
        package var depth: Int { open.count }

        /// The index of the innermost container open.
        package var openIndex: Int { open.last ?? 0 }

        /// Adds a container, which holds what is added until it is closed; returns its index.
        @discardableResult package mutating func open(_ kind: MarkdownNode.Kind, range: SourceRange?) -> Int {
            let index = append(kind, range: range)
            open.append(index)
            return index
        }

        /// Closes the innermost container open.
        package mutating func close() {
            guard let index = open.popLast() else { return }
            nodes[index].end = Int32(nodes.count)
        }

        /// Adds a node without children.
        package mutating func leaf(_ kind: MarkdownNode.Kind, range: SourceRange?) {
            append(kind, range: range)
        }

        /// Adds a text node of `bytes`; returns its index.
        @discardableResult package mutating func text(
            _ bytes: UnsafeBufferPointer<UInt8>,
            range: SourceRange?
        ) -> Int {
            guard let range, let narrow = Self.narrow(range) else {
                let index = add(.text, opening: false)
                appendText(bytes, to: index)
                setRange(range, at: index)
                return index
            }
            return add(.text, flags: 0, number: 0, text: bytes, secondText: nil, range: narrow, opening: false)
        }

        /// `range` as lines and columns of a ``Node``, when they fit its 32-bit fields.
        private static func narrow(
            _ range: SourceRange
        ) -> (startLine: Int32, startColumn: Int32, endLine: Int32, endColumn: Int32)? {
            guard let startLine = Int32(exactly: range.lowerBound.line),
                let startColumn = Int32(exactly: range.lowerBound.column),
                let endLine = Int32(exactly: range.upperBound.line),
                let endColumn = Int32(exactly: range.upperBound.column)
            else { return nil }
            return (startLine, startColumn, endLine, endColumn)
        }

        /// Adds a node of `tag` with `flags` and a `number` (a heading's level, a list's start), without text or
        /// range yet, opened when `opening`; returns its index.
        @discardableResult package mutating func add(
            _ tag: Tag,
            flags: UInt8 = 0,
            number: Int = 0,
            opening: Bool
        ) -> Int {
            add(tag, flags: flags, number: number, text: nil, secondText: nil, range: nil, opening: opening)
        }

        /// Adds a node of `tag` without text, with `flags`, a `number` (a heading's level, a list's start) and
        /// `range`, opened when `opening`; returns its index. (What ``open(_:range:)`` and ``leaf(_:range:)`` do for a
        /// kind without strings, without making and reading the kind.)
        @discardableResult package mutating func add(
            _ tag: Tag,
            flags: UInt8 = 0,
            number: Int = 0,
            range: SourceRange?,
            opening: Bool
        ) -> Int {
            let narrow = range.flatMap(Self.narrow)
            let index = add(
                tag,
                flags: flags,
                number: number,
                text: nil,
                secondText: nil,
                range: narrow,
                opening: opening
            )
            if narrow == nil, range != nil { setRange(range, at: index) }
            return index
        }

        /// Room for about `nodes` nodes and `bytes` bytes of text, made at once rather than as they come.
        package mutating func reserveCapacity(nodes: Int, bytes: Int) {
            self.nodes.reserveCapacity(nodes)
            self.bytes.reserveCapacity(bytes)
            open.reserveCapacity(16)
        }

        /// Adds a node of `tag` with `flags`, a `number` (a heading's level, a list's start), its texts and its
        /// range (lines and columns, the end column exclusive) in one step, opened when `opening`; returns its index.
        @discardableResult package mutating func add(
            _ tag: Tag,
            flags: UInt8,
            number: Int,
            text: UnsafeBufferPointer<UInt8>?,
            secondText: UnsafeBufferPointer<UInt8>?,
            range: (startLine: Int32, startColumn: Int32, endLine: Int32, endColumn: Int32)?,
            opening: Bool
        ) -> Int {
            let index = nodes.count
            precondition(index < Int(Int32.max), "a tree of over 2^31 nodes")
            var node = Node(tag, at: index, offset: bytes.count)
            node.flags = flags
            if tag == .list || tag == .heading {
                let bits = UInt(bitPattern: number)
                node.offset = UInt32(truncatingIfNeeded: bits)
                node.count = UInt32(truncatingIfNeeded: bits >> 32)
            }
            if let text {
                bytes.append(contentsOf: text)
                node.count = UInt32(text.count)
            }
            if let secondText {
                bytes.append(contentsOf: secondText)
                node.secondCount = UInt32(secondText.count)
            }
            precondition(bytes.count <= Int(UInt32.max), "a note's text over 4 GiB")
            if let range {
                node.flags |= Node.hasRange
                node.startLine = range.startLine
                node.startColumn = range.startColumn
                node.endLine = range.endLine
                node.endColumn = range.endColumn
            }
            nodes.append(node)
            if opening { open.append(index) }
            return index
        }

        /// Appends `more` to the text of node `index`, whose text ends the bytes.
        package mutating func appendText(_ more: UnsafeBufferPointer<UInt8>, to index: Int) {
            bytes.append(contentsOf: more)
            precondition(bytes.count <= Int(UInt32.max), "a note's text over 4 GiB")
            nodes[index].count += UInt32(more.count)
        }

        /// Appends `more` to the second text of node `index`, whose second text ends the bytes.
        package mutating func appendSecondText(_ more: UnsafeBufferPointer<UInt8>, to index: Int) {
            bytes.append(contentsOf: more)
            precondition(bytes.count <= Int(UInt32.max), "a note's text over 4 GiB")
            nodes[index].secondCount += UInt32(more.count)
        }

        /// The range of node `index`.
        package func range(at index: Int) -> SourceRange? { nodes[index].range(wide: wideRanges) }

        /// Sets the range of node `index`.
        package mutating func setRange(_ range: SourceRange?, at index: Int) {
            nodes[index].flags &= ~(Node.hasRange | Node.wideRange)
            guard let range else { return }
            if let narrow = Self.narrow(range) {
                setRange(narrow.startLine, narrow.startColumn, narrow.endLine, narrow.endColumn, at: index)
            } else {
                nodes[index].flags |= Node.hasRange | Node.wideRange
                nodes[index].startLine = Int32(wideRanges.count)
                wideRanges.append(range)
            }
        }

        /// Sets the range of node `index` to start at `startLine`:`startColumn` and end before
        /// `endLine`:`endColumn`.
        package mutating func setRange(
            _ startLine: Int32,
            _ startColumn: Int32,
            _ endLine: Int32,
            _ endColumn: Int32,
            at index: Int
        ) {
            nodes[index].flags = nodes[index].flags & ~Node.wideRange | Node.hasRange
            nodes[index].startLine = startLine
            nodes[index].startColumn = startColumn
            nodes[index].endLine = endLine
            nodes[index].endColumn = endColumn
        }

        /// Marks list `index` loose (not tight).
        package mutating func loosen(list index: Int) {
            nodes[index].flags &= ~Node.tight
        }

        /// The byte count of the text of node `index`.
        package func textCount(at index: Int) -> Int { Int(nodes[index].count) }

        /// The first byte of the text of node `index`, if it has one.
        func firstTextByte(at index: Int) -> UInt8? {
            nodes[index].count > 0 ? bytes[Int(nodes[index].offset)] : nil
        }

        /// The text of node `index`.
        func text(at index: Int) -> String {
            String(
                decoding: bytes[Int(nodes[index].offset)..<Int(nodes[index].offset + nodes[index].count)],
                as: UTF8.self
            )
        }

        /// Sets the checkbox of item `index`.
        mutating func setCheckbox(_ checkbox: MarkdownNode.Checkbox, at index: Int) {
            let bits: UInt8 = (checkbox == .checked ? 2 : 1) << Node.checkboxShift
            nodes[index].flags = nodes[index].flags & ~Node.checkboxMask | bits
        }

        /// Gives text node `index` the text `text`, its old bytes left unused.
        mutating func replaceText(at index: Int, with text: String) {
            nodes[index].offset = UInt32(bytes.count)
            nodes[index].count = 0
            var text = text
            text.withUTF8 { appendText($0, to: index) }
        }

        /// Removes node `index`, a leaf inside the closed subtree that ends the nodes.
        mutating func removeLeaf(at index: Int) {
            nodes.remove(at: index)
            let base = open.last.map { $0 + 1 } ?? 0
            for other in base..<nodes.count where nodes[other].end > Int32(index) { nodes[other].end -= 1 }
        }

        /// Adds a copy of `node` and its descendants.
        package mutating func append(subtree node: MarkdownNode) {
            let source = node.tree
            let first = node.index
            let last = Int(source.nodes[first].end)
            let shift = Int32(nodes.count - first)
            nodes.reserveCapacity(nodes.count + last - first)
            for index in first..<last {
                var copy = source.nodes[index]
                copy.end += shift
                switch copy.tag {
                case .codeBlock, .htmlBlock, .text, .code, .htmlInline, .link, .image:
                    let from = Int(copy.offset)
                    copy.offset = UInt32(bytes.count)
                    bytes.append(contentsOf: source.bytes[from..<from + Int(copy.count) + Int(copy.secondCount)])
                    precondition(bytes.count <= Int(UInt32.max), "a note's text over 4 GiB")
                default: break
                }
                if copy.flags & Node.wideRange != 0 {
                    copy.startLine = Int32(wideRanges.count)
                    wideRanges.append(source.wideRanges[Int(source.nodes[index].startLine)])
                }
                nodes.append(copy)
            }
        }

        /// Closes what is open and hands over the tree.
        package mutating func finish() -> MarkdownTree {
            while !open.isEmpty { close() }
            return MarkdownTree(nodes: nodes, bytes: bytes, wideRanges: wideRanges)
        }

        /// Adds a node of `kind` (closed, as a leaf) and returns its index.
        @discardableResult private mutating func append(_ kind: MarkdownNode.Kind, range: SourceRange?) -> Int {
            let tag: Tag
            var flags: UInt8 = 0
            var number = 0
            var first: String?
            var second: String?
            switch kind {
            case .document: tag = .document
            case .blockQuote: tag = .blockQuote
            case .list(let ordered, let start, let tight):
                tag = .list
                flags = (ordered ? Node.ordered : 0) | (tight ? Node.tight : 0)
                number = start
            case .item(let checkbox):
                tag = .item
                flags = checkbox.map { ($0 == .checked ? 2 : 1) << Node.checkboxShift } ?? 0
            case .codeBlock(let info, let literal): (tag, first, second) = (.codeBlock, info, literal)
            case .htmlBlock(let html): (tag, first) = (.htmlBlock, html)
            case .paragraph: tag = .paragraph
            case .heading(let level): (tag, number) = (.heading, level)
            case .thematicBreak: tag = .thematicBreak
            case .text(let text): (tag, first) = (.text, text)
            case .softBreak: tag = .softBreak
            case .lineBreak: tag = .lineBreak
            case .code(let code): (tag, first) = (.code, code)
            case .htmlInline(let html): (tag, first) = (.htmlInline, html)
            case .emphasis: tag = .emphasis
            case .strong: tag = .strong
            case .link(let destination, let title): (tag, first, second) = (.link, destination, title)
            case .image(let destination, let title): (tag, first, second) = (.image, destination, title)
            }
            if first == nil, second == nil {
                return add(tag, flags: flags, number: number, range: range, opening: false)
            }
            let index = add(tag, flags: flags, number: number, opening: false)
            if var first { first.withUTF8 { appendText($0, to: index) } }
            if var second { second.withUTF8 { appendSecondText($0, to: index) } }
            setRange(range, at: index)
            return index
        }
    }
}

extension UnsafeBufferPointer where Element == MarkdownTree.Node {
    /// Appends the ``MarkdownNode/plainText(softBreak:)`` of node `index` to `out`, as bytes.
    ///
    /// Its descendants are read in document order, without recursion; a block other than the first starts a line,
    /// as a line end is put before it unless the text so far (from where this call started) ends with one.
    package func appendPlainText(
        of index: Int,
        bytes: UnsafeBufferPointer<UInt8>,
        softBreak: UnsafeBufferPointer<UInt8>,
        to out: inout [UInt8]
    ) {
        let start = out.count
        let end = Int(self[index].end)
        var current = index
        while current < end {
            let node = self[current]
            if current != index, node.tag.isBlock, out.count > start, !Self.endsWithLineFeed(out, from: start) {
                out.append(0x0A)
            }
            switch node.tag {
            case .text, .code: out.append(contentsOf: node.text(in: bytes))
            case .softBreak: out.append(contentsOf: softBreak)
            case .lineBreak: out.append(0x0A)
            case .htmlInline, .htmlBlock, .image: break
            case .codeBlock:
                out.append(
                    contentsOf: bytes[Int(node.offset + node.count)..<Int(node.offset + node.count + node.secondCount)]
                )
            default:
                // Its children are read next.
                current += 1
                continue
            }
            current = Int(node.end)
        }
    }

    /// Whether `out` from `start` ends with the character `"\n"`: a line feed not after a carriage return, with
    /// which it would make one character.
    @inline(__always) private static func endsWithLineFeed(_ out: [UInt8], from start: Int) -> Bool {
        let last = out.count - 1
        return out[last] == 0x0A && (last == start || out[last - 1] != 0x0D)
    }
}
