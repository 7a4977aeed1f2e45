import CCmark

/// Parses CommonMark text with libcmark into a Swift-owned ``MarkdownNode`` tree.
///
/// The cmark tree is walked once with cmark's iterator (no recursion, so deeply nested notes cannot exhaust the
/// stack), copied into Swift values, and freed before ``parse(_:)`` returns.
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

    /// Parses `text` and, when `rendersHTML`, renders the parsed tree as ``MarkdownRenderer/html(_:)`` renders
    /// the text: one parse serves both.
    public static func parse(_ text: String, rendersHTML: Bool) -> (root: MarkdownNode, html: String?) {
        var text = text
        return text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                guard let root = cmark_parse_document(chars.baseAddress, chars.count, CMARK_OPT_SOURCEPOS) else {
                    preconditionFailure("cmark_parse_document returned NULL (out of memory)")
                }
                defer { cmark_node_free(root) }
                return (convert(root), rendersHTML ? MarkdownRenderer.html(of: root) : nil)
            }
        }
    }

    /// The version of the libcmark in use, such as `0.30.2`.
    public static var cmarkVersion: String { String(cString: cmark_version_string()) }

    private struct Frame {
        var kind: MarkdownNode.Kind
        var range: SourceRange?
        var children: [MarkdownNode] = []
    }

    private static func convert(_ root: OpaquePointer) -> MarkdownNode {
        guard let iterator = cmark_iter_new(root) else {
            preconditionFailure("cmark_iter_new returned NULL (out of memory)")
        }
        defer { cmark_iter_free(iterator) }
        var stack: [Frame] = []
        var skipped = 0  // containers entered beyond `maxDepth` and not yet exited
        var result = MarkdownNode(.document)
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            if event == CMARK_EVENT_ENTER {
                let frame = Frame(kind: kind(of: node), range: range(of: node))
                if isLeaf(node) {
                    append(MarkdownNode(frame.kind, range: frame.range), to: &stack)
                } else if stack.count >= maxDepth {
                    skipped += 1
                } else {
                    stack.append(frame)
                }
            } else if event == CMARK_EVENT_EXIT, skipped > 0 {
                skipped -= 1
            } else if event == CMARK_EVENT_EXIT, let frame = stack.popLast() {
                let finished = finish(frame)
                if stack.isEmpty {
                    result = finished
                } else {
                    append(finished, to: &stack)
                }
            }
        }
        return result
    }

    /// Appends `node` to the innermost open frame, merging it into a preceding text run.
    private static func append(_ node: consuming MarkdownNode, to stack: inout [Frame]) {
        guard !stack.isEmpty else { return }
        let top = stack.count - 1
        let last = stack[top].children.count - 1
        if case .text(let new) = node.kind, last >= 0, case .text(var merged) = stack[top].children[last].kind {
            // Merged in place: the node lets go of its text first, so that the text is extended without a copy.
            stack[top].children[last].kind = .paragraph
            merged += new
            stack[top].children[last].kind = .text(merged)
            if let lower = stack[top].children[last].range?.lowerBound, let upper = node.range?.upperBound,
                lower <= upper
            {
                stack[top].children[last].range = lower..<upper
            }
        } else {
            stack[top].children.append(node)
        }
    }

    private static func finish(_ frame: Frame) -> MarkdownNode {
        var node = MarkdownNode(frame.kind, range: frame.range, children: frame.children)
        if case .item = node.kind { extractCheckbox(from: &node) }
        return node
    }

    /// Moves a leading `[ ] ` or `[x] ` of an item's first paragraph into the item's kind.
    private static func extractCheckbox(from item: inout MarkdownNode) {
        guard let paragraph = item.children.first, paragraph.kind == .paragraph,
            let first = paragraph.children.first, case .text(let text) = first.kind,
            text.utf8.first == UInt8(ascii: "[")  // (no other character equals `[`)
        else { return }
        let checkbox: MarkdownNode.Checkbox
        if text.hasPrefix("[ ] ") || text == "[ ]" {
            checkbox = .unchecked
        } else if text.hasPrefix("[x] ") || text.hasPrefix("[X] ") || text == "[x]" || text == "[X]" {
            checkbox = .checked
        } else {
            return
        }
        let rest = String(text.dropFirst(min(4, text.count)))
        var newFirst = first
        newFirst.kind = .text(rest)
        if let range = first.range {
            let lower = SourcePosition(line: range.lowerBound.line, column: range.lowerBound.column + 4)
            newFirst.range = lower <= range.upperBound ? lower..<range.upperBound : range
        }
        item.kind = .item(checkbox: checkbox)
        if rest.isEmpty {
            item.children[0].children.removeFirst()
        } else {
            item.children[0].children[0] = newFirst
        }
    }

    private static func isLeaf(_ node: OpaquePointer) -> Bool {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_TEXT, CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK, CMARK_NODE_CODE, CMARK_NODE_HTML_INLINE,
            CMARK_NODE_HTML_BLOCK, CMARK_NODE_CODE_BLOCK, CMARK_NODE_THEMATIC_BREAK:
            true
        default:
            false
        }
    }

    private static func literal(_ node: OpaquePointer) -> String {
        cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
    }

    private static func kind(of node: OpaquePointer) -> MarkdownNode.Kind {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_DOCUMENT: .document
        case CMARK_NODE_BLOCK_QUOTE: .blockQuote
        case CMARK_NODE_LIST:
            .list(
                ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
                start: Int(cmark_node_get_list_start(node)),
                tight: cmark_node_get_list_tight(node) != 0
            )
        case CMARK_NODE_ITEM: .item(checkbox: nil)
        case CMARK_NODE_CODE_BLOCK:
            .codeBlock(info: cmark_node_get_fence_info(node).map { String(cString: $0) } ?? "", literal: literal(node))
        case CMARK_NODE_HTML_BLOCK: .htmlBlock(literal(node))
        case CMARK_NODE_PARAGRAPH: .paragraph
        case CMARK_NODE_HEADING: .heading(level: Int(cmark_node_get_heading_level(node)))
        case CMARK_NODE_THEMATIC_BREAK: .thematicBreak
        case CMARK_NODE_TEXT: .text(literal(node))
        case CMARK_NODE_SOFTBREAK: .softBreak
        case CMARK_NODE_LINEBREAK: .lineBreak
        case CMARK_NODE_CODE: .code(literal(node))
        case CMARK_NODE_HTML_INLINE: .htmlInline(literal(node))
        case CMARK_NODE_EMPH: .emphasis
        case CMARK_NODE_STRONG: .strong
        case CMARK_NODE_LINK:
            .link(
                destination: cmark_node_get_url(node).map { String(cString: $0) } ?? "",
                title: cmark_node_get_title(node).map { String(cString: $0) } ?? ""
            )
        case CMARK_NODE_IMAGE:
            .image(
                destination: cmark_node_get_url(node).map { String(cString: $0) } ?? "",
                title: cmark_node_get_title(node).map { String(cString: $0) } ?? ""
            )
        default:
            // Custom blocks and inlines only come from programmatic trees, never from parsing.
            .text(literal(node))
        }
    }

    /// cmark: 1-based lines, 1-based inclusive UTF-8 byte columns, 0 = not tracked.
    private static func range(of node: OpaquePointer) -> SourceRange? {
        let startLine = Int(cmark_node_get_start_line(node))
        let startColumn = Int(cmark_node_get_start_column(node))
        let endLine = Int(cmark_node_get_end_line(node))
        let endColumn = Int(cmark_node_get_end_column(node))
        guard startLine > 0, startColumn > 0, endLine > 0, endColumn >= 0 else { return nil }
        let start = SourcePosition(line: startLine, column: startColumn)
        let end = SourcePosition(line: endLine, column: endColumn + 1)
        return start <= end ? start..<end : nil
    }
}
