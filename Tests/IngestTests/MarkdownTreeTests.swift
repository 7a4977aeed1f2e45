import Testing

@testable import Ingest

/// The flat tree behind ``MarkdownNode`` behaves as a tree of values: its text read in place agrees with a
/// recursive reading of the nodes, and changing a node never changes another.
@Suite struct MarkdownTreeTests {
    /// Notes with every kind of node, CR LF, non-breaking spaces, combining marks and curly quotes.
    static let notes = [
        "", "# Minutes\n\n**Present:** Ann, Bo\n\n- [ ] Ann to write\n  o nested\n- [x] done\n- [X]\n- [ ]\n",
        "see [1] and [x\nnext *em* and **strong** `code` <b>html</b> &amp; &copy; \\* [link](u \"t\") ![img](i)\n",
        "> quote\n> > deeper\n\n1. one\n2. two\n\n   para\n\n---\n\n```swift\nlet x\n```\n\n    indented\n",
        "<div>\nblock\n</div>\n\nRésumé — “quoted” e\u{301}\nline two\\\nhard\n", "[ ] not an item\n- [ ]\u{301} box\n",
        "- a\r\n- b\r\n\r\n  c\u{00A0}d\r\n", "0. zero\n1. one\n\n* ![**alt** text](x)\n", "- > quoted\n  > lines\n",
        "Title\n=====\n\n| a | b |\n| - | - |\n| 1 | 2 |\n",
    ]

    /// ``MarkdownNode/plainText(softBreak:)`` as it was, recursive over the nodes' kinds and children.
    private func referencePlainText(_ node: MarkdownNode, softBreak: String) -> String {
        var result = ""
        func append(_ node: MarkdownNode) {
            switch node.kind {
            case .text(let text), .code(let text): result += text
            case .softBreak: result += softBreak
            case .lineBreak: result += "\n"
            case .htmlInline, .htmlBlock, .image: return
            case .codeBlock(_, let literal): result += literal
            default:
                for child in node.children {
                    if child.isBlock, !result.isEmpty, result.last != "\n" { result += "\n" }
                    append(child)
                }
            }
        }
        append(node)
        return result
    }

    /// Every node of `node`'s subtree, in document order.
    private func allNodes(_ node: MarkdownNode) -> [MarkdownNode] {
        [node] + node.children.flatMap(allNodes)
    }

    @Test func plainTextAgreesWithARecursiveReading() {
        for note in Self.notes {
            for node in allNodes(MarkdownParser.parse(note)) {
                for softBreak in [" ", "\n", "\r"] {
                    #expect(node.plainText(softBreak: softBreak) == referencePlainText(node, softBreak: softBreak))
                }
            }
        }
    }

    @Test func blocksInsideAProgrammaticNodeStartLines() {
        let node = MarkdownNode(
            .emphasis,
            children: [
                MarkdownNode(.text("a\r")), MarkdownNode(.paragraph, children: [MarkdownNode(.text("\n"))]),
                MarkdownNode(.paragraph, children: [MarkdownNode(.text("b\r\n"))]), MarkdownNode(.heading(level: 2)),
                MarkdownNode(.paragraph, children: [MarkdownNode(.text("c"))]),
            ]
        )
        #expect(node.plainText() == referencePlainText(node, softBreak: " "))
        #expect(node.plainText() == "a\r\n\nb\r\n\nc")
    }

    @Test func changingACopyLeavesTheOriginal() throws {
        let root = MarkdownParser.parse("# Title\n\n- [ ] one\n- two\n")
        let before = TreeDumper.dump(root)
        var list = try #require(root.children.last)
        list.kind = .list(ordered: true, start: 0, tight: false)
        var items = list.children
        items[0].children[0].children = [MarkdownNode(.text("changed"))]
        list.children = items + [MarkdownNode(.item(checkbox: .checked))]
        #expect(TreeDumper.dump(root) == before)
        #expect(list.kind == .list(ordered: true, start: 0, tight: false))
        #expect(list.children.count == 3)
        #expect(list.children[0].plainText() == "changed")
        #expect(list.children[0].kind == .item(checkbox: .unchecked))
        #expect(list.children[2].kind == .item(checkbox: .checked))
        #expect(list.children[1].plainText() == "two")
        var heading = try #require(root.children.first)
        heading.range = nil
        #expect(heading.range == nil)
        #expect(root.children.first?.range != nil)
    }

    @Test func equalTreesHashAlikeWhereverTheyStand() throws {
        let parsed = MarkdownParser.parse("# A\n\n[x](y \"z\") `c`\n\n```i\nl\n```\n")
        let rebuilt = MarkdownNode(parsed.kind, range: parsed.range, children: parsed.children)
        #expect(parsed == rebuilt)
        #expect(parsed.hashValue == rebuilt.hashValue)
        let paragraph = try #require(parsed.children.dropFirst().first)
        #expect(paragraph == MarkdownNode(paragraph.kind, range: paragraph.range, children: paragraph.children))
        #expect(paragraph != parsed.children[0])
        var other = paragraph
        other.children = paragraph.children.reversed()
        #expect(other != paragraph)
    }

    @Test func payloadsAndRangesOutsideThirtyTwoBitsSurvive() {
        let far = SourcePosition(line: Int(Int32.max) + 1, column: 1)..<SourcePosition(line: Int.max, column: Int.max)
        let kinds: [MarkdownNode.Kind] = [
            .list(ordered: true, start: Int.max, tight: true), .list(ordered: false, start: -1, tight: false),
            .heading(level: Int(Int32.min) - 1), .codeBlock(info: "", literal: "x"), .link(destination: "d", title: ""),
            .image(destination: "", title: "t"), .item(checkbox: nil), .htmlInline("<b>"),
        ]
        for kind in kinds {
            let node = MarkdownNode(kind, range: far, children: [MarkdownNode(.text("t"), range: far)])
            #expect(node.kind == kind)
            #expect(node.range == far)
            #expect(node.children.first?.range == far)
            #expect(MarkdownNode(.document, children: [node]).children.first == node)
        }
    }
}
