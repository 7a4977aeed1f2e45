import Testing

@testable import Ingest

@Suite struct MarkdownParserTests {
    @Test func rangesAreHalfOpenUTF8ByteColumns() throws {
        let heading = try #require(MarkdownParser.parse("# Réunion\n").children.first)
        #expect(heading.kind == .heading(level: 1))
        // "# Réunion" is 9 characters but 10 UTF-8 bytes; cmark's inclusive end 10 becomes 11.
        #expect(heading.range == SourcePosition(line: 1, column: 1)..<SourcePosition(line: 1, column: 11))
    }

    @Test func softBreaksHaveNoRange() throws {
        let paragraph = try #require(MarkdownParser.parse("a\nb\n").children.first)
        #expect(paragraph.children.map(\.kind) == [.text("a"), .softBreak, .text("b")])
        #expect(paragraph.children[1].range == nil)
        #expect(paragraph.lines == 1...2)
    }

    @Test func mergesAdjacentTextRuns() throws {
        // cmark splits unmatched brackets into separate text nodes.
        let paragraph = try #require(MarkdownParser.parse("see [1] and [x\n").children.first)
        #expect(paragraph.children.map(\.kind) == [.text("see [1] and [x")])
        #expect(
            paragraph.children.first?.range == SourcePosition(line: 1, column: 1)..<SourcePosition(line: 1, column: 15)
        )
    }

    @Test func readsTaskListCheckboxes() throws {
        let list = try #require(
            MarkdownParser.parse("- [ ] @ann draft the budget\n- [x] Done\n- [] not a box\n").children.first
        )
        #expect(
            list.children.map(\.kind) == [.item(checkbox: .unchecked), .item(checkbox: .checked), .item(checkbox: nil)]
        )
        let first = try #require(list.children.first?.children.first?.children.first)
        #expect(first.kind == .text("@ann draft the budget"))
        #expect(first.range?.lowerBound == SourcePosition(line: 1, column: 7))
    }

    @Test func copiesPayloads() throws {
        let root = MarkdownParser.parse("1. [Link](https://e.org \"T\") `code` <b>\n\n```swift\nlet x\n```\n")
        let list = try #require(root.children.first)
        #expect(list.kind == .list(ordered: true, start: 1, tight: true))
        let inlines = list.children.first?.children.first?.children.map(\.kind) ?? []
        #expect(inlines.first == .link(destination: "https://e.org", title: "T"))
        #expect(inlines.contains(.code("code")))
        #expect(inlines.contains(.htmlInline("<b>")))
        #expect(root.children.last?.kind == .codeBlock(info: "swift", literal: "let x\n"))
    }

    @Test func survivesDeepNesting() {
        let depth = 5_000
        let text = (0..<depth).map { String(repeating: "  ", count: $0) + "- level \($0)" }.joined(separator: "\n")
        let quotes = String(repeating: ">", count: depth) + " deep\n"
        #expect(MarkdownParser.parse(text).children.count == 1)
        #expect(MarkdownParser.parse(quotes).children.count == 1)
        #expect(TreeDumper.dump(MarkdownParser.parse(quotes)).contains("text \"deep\""))
    }

    @Test func flattensNestingBeyondTheLimitInsteadOfOverflowingTheStack() throws {
        let quotes = String(repeating: "> ", count: 50_000) + "deep\n"
        let root = MarkdownParser.parse(quotes)
        var depth = 0
        var node = root
        while let child = node.children.first {
            depth += 1
            node = child
        }
        #expect(depth <= MarkdownParser.maxDepth + 2)
        #expect(root.plainText() == "deep")
        #expect(root == MarkdownParser.parse(quotes), "comparing two deep trees must not recurse without bound")
        let items = (0..<2_000).map { String(repeating: "  ", count: $0) + "- item" }.joined(separator: "\n")
        #expect(TextProfileParser.parse(items).plainText().contains("item"))
    }

    @Test func plainTextJoinsInlinesAndKeepsLinesApartOnRequest() throws {
        let paragraph = try #require(MarkdownParser.parse("**Ann** Lee,\n*Bob* `Roy`\n").children.first)
        #expect(paragraph.plainText() == "Ann Lee, Bob Roy")
        #expect(paragraph.plainText(softBreak: "\n") == "Ann Lee,\nBob Roy")
    }

    /// One parse serves extraction and the note's HTML: the tree renders as the text does.
    @Test func treeRendersAsTheTextDoes() throws {
        let notes = [
            "# Minutes\n\n**Present:** Ann, Bo\n\n- [ ] Ann to write\n  o nested\n",
            "<p>raw</p>\n\n[x](javascript:alert(1)) <sup>st</sup>\n\n| a | b |\n| - | - |\n| 1 | 2 |\n",
            "Résumé — “quoted”\r\nline two\n\n```\ncode\n```\n", "",
        ]
        for text in notes {
            let (root, html) = MarkdownParser.parse(text, rendersHTML: true)
            #expect(html == MarkdownRenderer.htmlBytes(text))
            #expect(html.map { String(decoding: $0, as: UTF8.self) } == MarkdownRenderer.html(text))
            #expect(root == MarkdownParser.parse(text))
            #expect(MarkdownParser.parse(text, rendersHTML: false).html == nil)
        }
        let ingestor = NoteIngestor(options: IngestOptions(rendersHTML: true))
        let markdown = try ingestor.ingest(bytes: Array(notes[0].utf8), path: "a.md")
        #expect(markdown.html == MarkdownRenderer.htmlBytes(markdown.text))
        let plain = try NoteIngestor(options: IngestOptions(format: .text, rendersHTML: true))
            .ingest(bytes: Array("Minutes\nPresent: Ann\n".utf8), path: "a.txt")
        #expect(plain.html == nil)
        #expect(try NoteIngestor().ingest(bytes: Array(notes[0].utf8), path: "a.md").html == nil)
    }
}
