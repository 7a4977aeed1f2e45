import CCmark
import Foundation
import Testing

@testable import Ingest

/// The tree copy held to the straightforward one it replaced: a `String` for each text node, merged as it comes,
/// and a children array grown for each container.
@Suite struct TreeCopyTests {
    static let tricky = [
        "", "# Minutes\n\n**Present:** Ann, Bo\n\n- [ ] Ann to write\n  o nested\n- [x] done\n- [X]\n- [ ]\n",
        "see [1] and [x\nnext *em* and **strong** `code` <b>html</b> &amp; &copy; \\* [link](u \"t\") ![img](i)\n",
        "> quote\n> > deeper\n\n1. one\n2. two\n\n   para\n\n---\n\n```swift\nlet x\n```\n\n    indented\n",
        "<div>\nblock\n</div>\n\nRésumé — “quoted” e\u{301}\nline two\\\nhard\n", "[ ] not an item\n- [ ]\u{301} box\n",
        String(repeating: "> ", count: 600) + "deep *and* [x] text\n",
        (0..<700).map { String(repeating: "  ", count: $0) + "- level [\($0)] x" }.joined(separator: "\n"),
        "| a | b |\n| - | - |\n| 1 | 2 |\n\nText with ! and [ and ] and < and & and _x_ and *",
    ]

    @Test func copiesTheTreeAsTheStraightforwardCopyDoes() throws {
        var notes = Self.tricky
        for folder in [packageRoot.appendingPathComponent("corpus"), sharedCorpus].compactMap({ $0 }) {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            for file in files.sorted() where file.hasSuffix(".md") {
                if let text = try? String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8) {
                    notes.append(text)
                }
            }
        }
        #expect(notes.count > Self.tricky.count)
        for text in notes {
            let expected = ReferenceTreeCopy.parse(text)
            let copied = MarkdownParser.parse(text)
            #expect(copied == expected)
            if copied != expected { #expect(TreeDumper.dump(copied) == TreeDumper.dump(expected)) }
        }
    }

    private var sharedCorpus: URL? {
        let url = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus/real")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }
}

/// The tree copy as it was before the copy into one shared byte buffer: kept here only to compare with.
private enum ReferenceTreeCopy {
    static func parse(_ text: String) -> MarkdownNode {
        var text = text
        return text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                guard let root = cmark_parse_document(chars.baseAddress, chars.count, CMARK_OPT_SOURCEPOS) else {
                    preconditionFailure("cmark_parse_document returned NULL")
                }
                defer { cmark_node_free(root) }
                return convert(root)
            }
        }
    }

    private struct Frame {
        var kind: MarkdownNode.Kind
        var range: SourceRange?
        var children: [MarkdownNode] = []
    }

    private static func convert(_ root: OpaquePointer) -> MarkdownNode {
        guard let iterator = cmark_iter_new(root) else { preconditionFailure("cmark_iter_new returned NULL") }
        defer { cmark_iter_free(iterator) }
        var stack: [Frame] = []
        var skipped = 0
        var result = MarkdownNode(.document)
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            if event == CMARK_EVENT_ENTER {
                let frame = Frame(kind: kind(of: node), range: range(of: node))
                if isLeaf(node) {
                    append(MarkdownNode(frame.kind, range: frame.range), to: &stack)
                } else if stack.count >= MarkdownParser.maxDepth {
                    skipped += 1
                } else {
                    stack.append(frame)
                }
            } else if event == CMARK_EVENT_EXIT, skipped > 0 {
                skipped -= 1
            } else if event == CMARK_EVENT_EXIT, let frame = stack.popLast() {
                var node = MarkdownNode(frame.kind, range: frame.range, children: frame.children)
                if case .item = node.kind { extractCheckbox(from: &node) }
                if stack.isEmpty { result = node } else { append(node, to: &stack) }
            }
        }
        return result
    }

    private static func append(_ node: MarkdownNode, to stack: inout [Frame]) {
        guard !stack.isEmpty else { return }
        let top = stack.count - 1
        let last = stack[top].children.count - 1
        if case .text(let new) = node.kind, last >= 0, case .text(let old) = stack[top].children[last].kind {
            stack[top].children[last].kind = .text(old + new)
            if let lower = stack[top].children[last].range?.lowerBound, let upper = node.range?.upperBound,
                lower <= upper
            {
                stack[top].children[last].range = lower..<upper
            }
        } else {
            stack[top].children.append(node)
        }
    }

    private static func extractCheckbox(from item: inout MarkdownNode) {
        guard let paragraph = item.children.first, paragraph.kind == .paragraph,
            let first = paragraph.children.first, case .text(let text) = first.kind,
            text.utf8.first == UInt8(ascii: "[")
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

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String { pointer.map { String(cString: $0) } ?? "" }

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
            .codeBlock(info: string(cmark_node_get_fence_info(node)), literal: string(cmark_node_get_literal(node)))
        case CMARK_NODE_HTML_BLOCK: .htmlBlock(string(cmark_node_get_literal(node)))
        case CMARK_NODE_PARAGRAPH: .paragraph
        case CMARK_NODE_HEADING: .heading(level: Int(cmark_node_get_heading_level(node)))
        case CMARK_NODE_THEMATIC_BREAK: .thematicBreak
        case CMARK_NODE_SOFTBREAK: .softBreak
        case CMARK_NODE_LINEBREAK: .lineBreak
        case CMARK_NODE_CODE: .code(string(cmark_node_get_literal(node)))
        case CMARK_NODE_HTML_INLINE: .htmlInline(string(cmark_node_get_literal(node)))
        case CMARK_NODE_EMPH: .emphasis
        case CMARK_NODE_STRONG: .strong
        case CMARK_NODE_LINK:
            .link(destination: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)))
        case CMARK_NODE_IMAGE:
            .image(destination: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)))
        default: .text(string(cmark_node_get_literal(node)))
        }
    }

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
