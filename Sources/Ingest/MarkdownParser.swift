import CCmark

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Parses CommonMark text with libcmark into a Swift-owned ``MarkdownNode`` tree.
///
/// The cmark tree is walked once with cmark's iterator (no recursion, so deeply nested notes cannot exhaust the
/// stack), copied into a flat ``MarkdownTree``, and freed before ``parse(_:)`` returns.
public enum MarkdownParser {
    /// The deepest nesting kept: containers deeper than this are read through, their content kept at this depth.
    ///
    /// No real note comes near it; it keeps hostile ones (`> > > …` 50,000 times) from exhausting the stack when
    /// the tree is compared or freed.
    public static let maxDepth = 512

    /// Parses `text` and returns the `document` node.
    ///
    /// CommonMark accepts every input, so this cannot fail on syntax. Adjacent text runs are merged, and a
    /// `[ ]` / `[x]` at the start of a list item becomes the item's ``MarkdownNode/Checkbox``.
    public static func parse(_ text: String) -> MarkdownNode {
        parse(text, rendersHTML: false).root
    }

    /// Parses `text` and, when `rendersHTML`, renders the parsed tree as ``MarkdownRenderer/htmlBytes(_:)`` renders
    /// the text: one parse serves both.
    public static func parse(_ text: String, rendersHTML: Bool) -> (root: MarkdownNode, html: [UInt8]?) {
        var text = text
        return text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                // What cmark_parse_document does, with cmark's memory taken from an arena freed all at once.
                CmarkArena.withArena { memory in
                    guard let parser = cmark_parser_new_with_mem(CMARK_OPT_SOURCEPOS, memory) else {
                        preconditionFailure("cmark_parser_new_with_mem returned NULL (out of memory)")
                    }
                    cmark_parser_feed(parser, chars.baseAddress, chars.count)
                    guard let root = cmark_parser_finish(parser) else {
                        preconditionFailure("cmark_parser_finish returned NULL (out of memory)")
                    }
                    cmark_parser_free(parser)
                    return (
                        convert(root, textCount: chars.count),
                        rendersHTML ? MarkdownRenderer.html(of: root, freeing: false) : nil
                    )
                }
            }
        }
    }

    /// The version of the libcmark in use, such as `0.30.2`.
    public static var cmarkVersion: String { String(cString: cmark_version_string()) }

    /// Copies the tree of `root`, parsed from `textCount` bytes of text.
    private static func convert(_ root: OpaquePointer, textCount: Int) -> MarkdownNode {
        guard let iterator = cmark_iter_new(root) else {
            preconditionFailure("cmark_iter_new returned NULL (out of memory)")
        }
        defer { cmark_iter_free(iterator) }
        var copier = TreeCopier(textCount: textCount)
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            if event == CMARK_EVENT_ENTER {
                let type = cmark_node_get_type(node)
                if type == CMARK_NODE_TEXT {
                    copier.text(node)
                } else if isLeaf(type) {
                    copier.leaf(node, type)
                } else {
                    copier.enter(node, type)
                }
            } else if event == CMARK_EVENT_EXIT {
                copier.exit()
            }
        }
        return copier.finish()
    }

    /// Copies cmark's tree, met in document order, into a ``MarkdownTree``.
    ///
    /// A run of adjacent text nodes becomes one text node, its bytes appended to the tree's as they come.
    private struct TreeCopier {
        private var builder = MarkdownTree.Builder()

        /// Creates a copier for the tree of `textCount` bytes of text.
        init(textCount: Int) {
            // Parsed notes hold about a node for every 36 bytes (some one for every 20) and less text than they are
            // long: room for both from the start saves the arrays growing, each time a copy of all they hold.
            builder.reserveCapacity(nodes: textCount / 16 + 16, bytes: textCount + textCount / 8 + 64)
        }
        /// Containers entered beyond ``MarkdownParser/maxDepth`` and not yet exited: their content goes to the
        /// deepest container kept.
        private var skipped = 0
        /// The text node of the run of text nodes being merged, if any.
        private var run: Int?

        /// Opens a container `node` of `type`.
        mutating func enter(_ node: OpaquePointer, _ type: cmark_node_type) {
            guard builder.depth < MarkdownParser.maxDepth else {
                skipped += 1
                return
            }
            run = nil
            MarkdownParser.add(node, type, opening: true, to: &builder)
        }

        /// Closes the innermost container entered.
        mutating func exit() {
            if skipped > 0 {
                skipped -= 1
                return
            }
            guard builder.depth > 0 else { return }
            run = nil
            let index = builder.openIndex
            builder.close()
            if builder.nodes[index].tag == .item { MarkdownParser.extractCheckbox(from: index, in: &builder) }
            if builder.depth == 0 { finished = true }
        }

        /// Whether the document has been closed: what comes after is dropped.
        private var finished = false

        /// Adds a leaf `node` of `type`, other than text.
        mutating func leaf(_ node: OpaquePointer, _ type: cmark_node_type) {
            guard builder.depth > 0 else { return }
            run = nil
            MarkdownParser.add(node, type, opening: false, to: &builder)
        }

        /// Adds a text `node`, merged into the text run before it.
        mutating func text(_ node: OpaquePointer) {
            guard builder.depth > 0 else { return }
            let range = MarkdownParser.range(of: node)
            let literal = cmark_node_get_literal(node).map(MarkdownParser.bytes(of:))
            if let run {
                let first = builder.nodes[run]
                if first.flags & MarkdownTree.Node.hasRange != 0, let range,
                    (first.startLine, first.startColumn) <= (range.endLine, range.endColumn)
                {
                    builder.setRange(first.startLine, first.startColumn, range.endLine, range.endColumn, at: run)
                }
                if let literal { builder.appendText(literal, to: run) }
            } else {
                run = builder.add(
                    .text,
                    flags: 0,
                    number: 0,
                    text: literal,
                    secondText: nil,
                    range: range,
                    opening: false
                )
            }
        }

        /// The tree copied, or an empty document when cmark gave none.
        mutating func finish() -> MarkdownNode {
            guard finished else { return MarkdownNode(.document) }
            return MarkdownNode(tree: builder.finish(), index: 0)
        }
    }

    /// Moves a leading `[ ] ` or `[x] ` of the first paragraph of the item `index`, just closed, into its kind.
    private static func extractCheckbox(from index: Int, in builder: inout MarkdownTree.Builder) {
        let paragraph = index + 1
        let first = index + 2
        // (The nodes are read through the builder: a copy of its array would be copied again when it changes.)
        guard Int(builder.nodes[index].end) > paragraph, builder.nodes[paragraph].tag == .paragraph,
            Int(builder.nodes[paragraph].end) > first, builder.nodes[first].tag == .text,
            builder.firstTextByte(at: first) == UInt8(ascii: "[")  // (no other character equals `[`)
        else { return }
        let text = builder.text(at: first)
        let checkbox: MarkdownNode.Checkbox
        if text.hasPrefix("[ ] ") || text == "[ ]" {
            checkbox = .unchecked
        } else if text.hasPrefix("[x] ") || text.hasPrefix("[X] ") || text == "[x]" || text == "[X]" {
            checkbox = .checked
        } else {
            return
        }
        // (Dropping more characters than there are leaves none: the text need not be counted first.)
        let rest = String(text.dropFirst(4))
        builder.setCheckbox(checkbox, at: index)
        if rest.isEmpty {
            builder.removeLeaf(at: first)
        } else {
            builder.replaceText(at: first, with: rest)
            if let range = builder.range(at: first) {
                let lower = SourcePosition(line: range.lowerBound.line, column: range.lowerBound.column + 4)
                builder.setRange(lower <= range.upperBound ? lower..<range.upperBound : range, at: first)
            }
        }
    }

    private static func isLeaf(_ type: cmark_node_type) -> Bool {
        switch type {
        case CMARK_NODE_TEXT, CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK, CMARK_NODE_CODE, CMARK_NODE_HTML_INLINE,
            CMARK_NODE_HTML_BLOCK, CMARK_NODE_CODE_BLOCK, CMARK_NODE_THEMATIC_BREAK:
            true
        default:
            false
        }
    }

    /// Adds cmark's `node`, of `type`, to `builder` with its payload and range, opened when `opening`.
    private static func add(
        _ node: OpaquePointer,
        _ type: cmark_node_type,
        opening: Bool,
        to builder: inout MarkdownTree.Builder
    ) {
        let tag: MarkdownTree.Tag
        var flags: UInt8 = 0
        var number = 0
        var first: UnsafePointer<CChar>?
        var second: UnsafePointer<CChar>?
        switch type {
        case CMARK_NODE_DOCUMENT: tag = .document
        case CMARK_NODE_BLOCK_QUOTE: tag = .blockQuote
        case CMARK_NODE_LIST:
            tag = .list
            flags =
                (cmark_node_get_list_type(node) == CMARK_ORDERED_LIST ? MarkdownTree.Node.ordered : 0)
                | (cmark_node_get_list_tight(node) != 0 ? MarkdownTree.Node.tight : 0)
            number = Int(cmark_node_get_list_start(node))
        case CMARK_NODE_ITEM: tag = .item
        case CMARK_NODE_CODE_BLOCK:
            tag = .codeBlock
            (first, second) = (cmark_node_get_fence_info(node), cmark_node_get_literal(node))
        case CMARK_NODE_HTML_BLOCK:
            tag = .htmlBlock
            first = cmark_node_get_literal(node)
        case CMARK_NODE_PARAGRAPH: tag = .paragraph
        case CMARK_NODE_HEADING:
            tag = .heading
            number = Int(cmark_node_get_heading_level(node))
        case CMARK_NODE_THEMATIC_BREAK: tag = .thematicBreak
        case CMARK_NODE_SOFTBREAK: tag = .softBreak
        case CMARK_NODE_LINEBREAK: tag = .lineBreak
        case CMARK_NODE_CODE:
            tag = .code
            first = cmark_node_get_literal(node)
        case CMARK_NODE_HTML_INLINE:
            tag = .htmlInline
            first = cmark_node_get_literal(node)
        case CMARK_NODE_EMPH: tag = .emphasis
        case CMARK_NODE_STRONG: tag = .strong
        case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
            tag = type == CMARK_NODE_LINK ? .link : .image
            (first, second) = (cmark_node_get_url(node), cmark_node_get_title(node))
        default:
            // Text, and custom blocks and inlines, which only come from programmatic trees, never from parsing.
            tag = .text
            first = cmark_node_get_literal(node)
        }
        builder.add(
            tag,
            flags: flags,
            number: number,
            text: first.map(bytes(of:)),
            secondText: second.map(bytes(of:)),
            range: range(of: node),
            opening: opening
        )
    }

    /// The bytes of the C string `text`.
    private static func bytes(of text: UnsafePointer<CChar>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: UnsafeRawPointer(text).assumingMemoryBound(to: UInt8.self), count: strlen(text))
    }

    /// cmark: 1-based lines, 1-based inclusive UTF-8 byte columns, 0 = not tracked; the end column is made
    /// exclusive, and a range that ends before it starts is none.
    private static func range(
        of node: OpaquePointer
    ) -> (startLine: Int32, startColumn: Int32, endLine: Int32, endColumn: Int32)? {
        let startLine = cmark_node_get_start_line(node)
        let startColumn = cmark_node_get_start_column(node)
        let endLine = cmark_node_get_end_line(node)
        let endColumn = cmark_node_get_end_column(node)
        guard startLine > 0, startColumn > 0, endLine > 0, endColumn >= 0, endColumn < Int32.max,
            (startLine, startColumn) <= (endLine, endColumn + 1)
        else { return nil }
        return (startLine, startColumn, endLine, endColumn + 1)
    }
}
