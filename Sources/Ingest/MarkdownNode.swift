/// A Swift-owned copy of one node of a note's syntax tree.
///
/// Markdown notes get their tree from cmark; plain-text notes from ``TextProfileParser``. Either way no C pointer
/// outlives parsing, and every node that has a place in the source carries its ``range``.
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

    /// What this node is.
    public var kind: Kind
    /// Where the node is in the note; `nil` for nodes cmark does not place (soft and hard breaks).
    public var range: SourceRange?
    /// The child nodes, in document order.
    public var children: [MarkdownNode]

    /// Creates a node.
    public init(_ kind: Kind, range: SourceRange? = nil, children: [MarkdownNode] = []) {
        self.kind = kind
        self.range = range
        self.children = children
    }
}

extension MarkdownNode {
    /// Whether this node is a block (paragraph, heading, list…) rather than inline content.
    public var isBlock: Bool {
        switch kind {
        case .document, .blockQuote, .list, .item, .codeBlock, .htmlBlock, .paragraph, .heading, .thematicBreak:
            true
        case .text, .softBreak, .lineBreak, .code, .htmlInline, .emphasis, .strong, .link, .image:
            false
        }
    }

    /// The lines this node covers, first and last inclusive, when known.
    public var lines: ClosedRange<Int>? { range?.lines }

    /// The text of this node and its descendants with markup removed.
    ///
    /// Soft breaks become `softBreak` (a space by default, `"\n"` to keep the source lines apart); raw HTML is
    /// dropped; code keeps its text.
    public func plainText(softBreak: String = " ") -> String {
        withUnsafePointer(to: self) {
            Self.plainText(of: UnsafeBufferPointer(start: $0, count: 1), at: 0, softBreak: softBreak)
        }
    }

    /// The ``plainText(softBreak:)`` of `nodes[index]`, read in place through the buffer, as are its descendants:
    /// calling the method on `nodes[index]` would copy the node first.
    public static func plainText(
        of nodes: UnsafeBufferPointer<MarkdownNode>,
        at index: Int,
        softBreak: String = " "
    ) -> String {
        var result = ""
        appendPlainText(of: nodes, at: index, to: &result, softBreak: softBreak)
        return result
    }

    private static func appendPlainText(
        of nodes: UnsafeBufferPointer<MarkdownNode>,
        at index: Int,
        to result: inout String,
        softBreak: String
    ) {
        switch nodes[index].kind {
        case .text(let text), .code(let text): result += text
        case .softBreak: result += softBreak
        case .lineBreak: result += "\n"
        case .htmlInline, .htmlBlock, .image: return
        case .codeBlock(_, let literal): result += literal
        default:
            nodes[index].children.withUnsafeBufferPointer { children in
                for child in children.indices {
                    if children[child].isBlock, !result.isEmpty, result.last != "\n" { result += "\n" }
                    appendPlainText(of: children, at: child, to: &result, softBreak: softBreak)
                }
            }
        }
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
