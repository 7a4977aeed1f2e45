/// A Swift-owned copy of one node of a note's syntax tree.
///
/// Markdown notes get their tree from cmark; plain-text notes from ``TextProfileParser``. Either way no C pointer
/// outlives parsing, and every node that has a place in the source carries its ``range``.
///
/// A node is a place in a ``MarkdownTree``, which holds the whole tree flat: reading a node's ``kind`` or
/// ``children`` makes them; setting one makes a new tree for the node, its subtree copied.
public struct MarkdownNode: Hashable, Sendable {
    /// The state of a task-list checkbox (`- [ ]`, `- [x]`).
    public enum Checkbox: String, Hashable, Sendable, Codable {
        /// `[ ]`
        case unchecked
        /// `[x]` or `[X]`
        case checked
    }

    /// What a node is, with the payload of its kind.
    public enum Kind: Hashable, Sendable {
        /// The whole note.
        case document
        /// A `>` block quote.
        case blockQuote
        /// A bullet or ordered list; `start` is the first number of an ordered list; `tight` lists have no blank
        /// lines between items.
        case list(ordered: Bool, start: Int, tight: Bool)
        /// A list item; `checkbox` is set for task-list items, whose `[ ]` marker is removed from the text.
        case item(checkbox: Checkbox?)
        /// A fenced or indented code block.
        case codeBlock(info: String, literal: String)
        /// A block of raw HTML that ingest did not fold into Markdown.
        case htmlBlock(String)
        /// A paragraph.
        case paragraph
        /// A heading of `level` 1 to 6, as written.
        case heading(level: Int)
        /// A thematic break (`---`).
        case thematicBreak
        /// Plain text; adjacent text runs are merged.
        case text(String)
        /// A line ending inside a paragraph.
        case softBreak
        /// A hard line break.
        case lineBreak
        /// Inline code.
        case code(String)
        /// Inline raw HTML.
        case htmlInline(String)
        /// Emphasis (`*x*`).
        case emphasis
        /// Strong emphasis (`**x**`).
        case strong
        /// A link.
        case link(destination: String, title: String)
        /// An image.
        case image(destination: String, title: String)
    }

    /// The tree this node is part of, shared by every node read from it.
    package let tree: MarkdownTree
    /// Where the node stands in the tree's ``MarkdownTree/nodes``.
    package let index: Int

    /// The node `index` of `tree`.
    package init(tree: MarkdownTree, index: Int) {
        self.tree = tree
        self.index = index
    }

    /// Creates a node.
    public init(_ kind: Kind, range: SourceRange? = nil, children: [MarkdownNode] = []) {
        var builder = MarkdownTree.Builder()
        builder.open(kind, range: range)
        for child in children { builder.append(subtree: child) }
        self.init(tree: builder.finish(), index: 0)
    }

    /// What this node is.
    public var kind: Kind {
        get { tree.kind(at: index) }
        set { self = MarkdownNode(newValue, range: range, children: children) }
    }

    /// Where the node is in the note; `nil` for nodes cmark does not place (soft and hard breaks).
    public var range: SourceRange? {
        get { tree.range(at: index) }
        set { self = MarkdownNode(kind, range: newValue, children: children) }
    }

    /// The child nodes, in document order.
    ///
    /// (Each read makes the array; ``hasChildren`` tells whether there are any without it.)
    public var children: [MarkdownNode] {
        get {
            var children: [MarkdownNode] = []
            let end = Int(tree.nodes[index].end)
            var child = index + 1
            while child < end {
                children.append(MarkdownNode(tree: tree, index: child))
                child = Int(tree.nodes[child].end)
            }
            return children
        }
        set { self = MarkdownNode(kind, range: range, children: newValue) }
    }

    /// Whether the node has children.
    package var hasChildren: Bool { Int(tree.nodes[index].end) > index + 1 }

    /// The number of nodes in this node's subtree, itself included.
    var subtreeCount: Int { Int(tree.nodes[index].end) - index }

    /// Whether the two nodes hold the same kinds and ranges, in the same shape, throughout their subtrees.
    public static func == (lhs: MarkdownNode, rhs: MarkdownNode) -> Bool {
        if lhs.tree === rhs.tree, lhs.index == rhs.index { return true }
        let count = lhs.subtreeCount
        guard count == rhs.subtreeCount else { return false }
        for offset in 0..<count {
            let left = lhs.index + offset
            let right = rhs.index + offset
            guard Int(lhs.tree.nodes[left].end) - left == Int(rhs.tree.nodes[right].end) - right,
                lhs.tree.sameKind(at: left, as: right, of: rhs.tree),
                lhs.tree.range(at: left) == rhs.tree.range(at: right)
            else { return false }
        }
        return true
    }

    /// Hashes the kinds, ranges and shape of the subtree.
    public func hash(into hasher: inout Hasher) {
        let count = subtreeCount
        hasher.combine(count)
        for offset in 0..<count {
            let node = index + offset
            hasher.combine(Int(tree.nodes[node].end) - node)
            hasher.combine(tree.kind(at: node))
            hasher.combine(tree.range(at: node))
        }
    }
}

extension MarkdownNode {
    /// Whether this node is a block (paragraph, heading, list…) rather than inline content.
    public var isBlock: Bool { tree.nodes[index].tag.isBlock }

    /// The lines this node covers, first and last inclusive, when known.
    public var lines: ClosedRange<Int>? { range?.lines }

    /// The text of this node and its descendants with markup removed.
    ///
    /// Soft breaks become `softBreak` (a space by default, `"\n"` to keep the source lines apart); raw HTML is
    /// dropped; code keeps its text.
    public func plainText(softBreak: String = " ") -> String {
        var out: [UInt8] = []
        var softBreak = softBreak
        softBreak.withUTF8 { softBreak in
            tree.withBuffers { nodes, bytes in
                nodes.appendPlainText(of: index, bytes: bytes, softBreak: softBreak, to: &out)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The ``plainText(softBreak:)`` of `nodes[index]`.
    public static func plainText(
        of nodes: UnsafeBufferPointer<MarkdownNode>,
        at index: Int,
        softBreak: String = " "
    ) -> String {
        nodes[index].plainText(softBreak: softBreak)
    }
}

/// A visitor over a ``MarkdownNode`` tree; conformers override ``visit(_:)`` for the nodes they care about.
public protocol MarkdownWalker {
    /// Visits one node. The default implementation descends into its children.
    mutating func visit(_ node: MarkdownNode)
}

extension MarkdownWalker {
    /// Visits each child of `node`.
    public mutating func visit(_ node: MarkdownNode) { descend(into: node) }

    /// Visits each child of `node` in document order.
    public mutating func descend(into node: MarkdownNode) {
        for child in node.children { visit(child) }
    }
}
