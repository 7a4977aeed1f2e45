import CCmark

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
                    return (convert(root), rendersHTML ? MarkdownRenderer.html(of: root, freeing: false) : nil)
                }
            }
        }
    }

    /// The version of the libcmark in use, such as `0.30.2`.
    public static var cmarkVersion: String { String(cString: cmark_version_string()) }

    private static func convert(_ root: OpaquePointer) -> MarkdownNode {
        guard let iterator = cmark_iter_new(root) else {
            preconditionFailure("cmark_iter_new returned NULL (out of memory)")
        }
        defer { cmark_iter_free(iterator) }
        var copier = TreeCopier()
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            if event == CMARK_EVENT_ENTER {
                if cmark_node_get_type(node) == CMARK_NODE_TEXT {
                    copier.text(cmark_node_get_literal(node), range: range(of: node))
                } else if isLeaf(node) {
                    copier.leaf(MarkdownNode(kind(of: node), range: range(of: node)))
                } else {
                    copier.enter(node)
                }
            } else if event == CMARK_EVENT_EXIT {
                copier.exit()
            }
        }
        return copier.result
    }

    /// Copies cmark's tree, met in document order, into ``MarkdownNode`` values.
    ///
    /// Each open container's children array is made once, as long as cmark's count of its children; a run of
    /// adjacent text nodes is gathered as bytes in one buffer for the document and becomes one `String` when
    /// something else follows it.
    private struct TreeCopier {
        /// The open containers, outermost first, each with the children finished so far.
        private var frames: [MarkdownNode] = []
        /// Containers entered beyond ``MarkdownParser/maxDepth`` and not yet exited: their content goes to the
        /// deepest frame kept.
        private var skipped = 0
        /// The text of the document's text nodes, one after the other; the run being merged starts at `runStart`.
        private var text: [UInt8] = []
        private var runStart = 0
        private var runRange: SourceRange?
        private var inRun = false
        /// The document, once it is closed.
        private(set) var result = MarkdownNode(.document)

        /// Opens a container `node`.
        mutating func enter(_ node: OpaquePointer) {
            guard frames.count < MarkdownParser.maxDepth else {
                skipped += 1
                return
            }
            endRun()
            var count = 0
            var child = cmark_node_first_child(node)
            while let current = child {
                count += 1
                child = cmark_node_next(current)
            }
            frames.append(MarkdownNode(MarkdownParser.kind(of: node), range: MarkdownParser.range(of: node)))
            frames[frames.count - 1].children.reserveCapacity(count)
        }

        /// Closes the innermost container entered.
        mutating func exit() {
            if skipped > 0 {
                skipped -= 1
                return
            }
            guard !frames.isEmpty else { return }
            endRun()
            var finished = frames.removeLast()
            if case .item = finished.kind { MarkdownParser.extractCheckbox(from: &finished) }
            if frames.isEmpty {
                result = consume finished
            } else {
                // (Only programmatic trees have containers of kind `.text`; they are not merged.)
                frames[frames.count - 1].children.append(consume finished)
            }
        }

        /// Adds a leaf other than text.
        mutating func leaf(_ node: consuming MarkdownNode) {
            guard !frames.isEmpty else { return }
            endRun()
            frames[frames.count - 1].children.append(node)
        }

        /// Adds a text node, `literal` being its text, merged into the text run before it.
        mutating func text(_ literal: UnsafePointer<CChar>?, range: SourceRange?) {
            guard !frames.isEmpty else { return }
            if inRun {
                if let lower = runRange?.lowerBound, let upper = range?.upperBound, lower <= upper {
                    runRange = lower..<upper
                }
            } else {
                inRun = true
                runStart = text.count
                runRange = range
            }
            guard let literal else { return }
            literal.withMemoryRebound(to: UInt8.self, capacity: 1) { bytes in
                text.append(contentsOf: UnsafeBufferPointer(start: bytes, count: strlen(literal)))
            }
        }

        /// Turns the text run, if any, into one text node.
        private mutating func endRun() {
            guard inRun else { return }
            let string = text.withUnsafeBufferPointer {
                String(decoding: UnsafeBufferPointer(rebasing: $0[runStart...]), as: UTF8.self)
            }
            frames[frames.count - 1].children.append(MarkdownNode(.text(string), range: runRange))
            inRun = false
        }
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
