import CCmark
import Testing

@testable import Ingest

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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

    /// The positions put into HTML rendered without them are those cmark writes, on every kind of block.
    @Test func placedSourcePositionsMatchCmarks() throws {
        let notes = [
            "", "plain\n", "# One\n## Two\n### Three\n#### Four\n##### Five\n###### Six\n",
            "Setext\n===\n\nOther\n---\n\n***\n",
            "3. three\n4. four\n\n1) one\n\n- tight\n- list\n\n- loose\n\n- list\n  > quoted\n  > - deep\n",
            "> quote\n>\n> > nested\n> ```\n> code\n> ```\n",
            "```swift extra\nlet a = \"<p>\"\n```\n\n    indented <hr>\n\n~~~\n~~~\n",
            "<div>\n<p>raw block</p>\n</div>\n\ntext <p>inline</p> &lt;p&gt; <http://a.b/<p>> 1 < 2\n",
            "[link](http://x.y \"title <p>\") ![alt *em* <p>](i.png \"t\") `<pre>` **<li>**\n",
            "Résumé — “quoted”\r\nline two  \nhard\n\n- [ ] task\n- [x] done\n\n10. ten\n    - a\n\n      b\n",
        ]
        for text in notes {
            // Asked directly: `htmlBytes` falls back on cmark's own positions when the pairing fails.
            let placed = try #require(Self.placedPositions(text), "\(text.debugDescription) did not pair up")
            let cmarks = MarkdownRenderer.htmlBytes(text, cmarkWritesPositions: true)
            #expect(String(decoding: placed, as: UTF8.self) == String(decoding: cmarks, as: UTF8.self))
            #expect(MarkdownRenderer.htmlBytes(text) == cmarks)
            #expect(MarkdownParser.parse(text, rendersHTML: true).html == cmarks)
        }
        #expect(
            String(decoding: MarkdownRenderer.htmlBytes("3. x\n\n---\n", cmarkWritesPositions: false), as: UTF8.self)
                == "<ol start=\"3\" data-sourcepos=\"1:1-2:0\">\n<li data-sourcepos=\"1:1-2:0\">x</li>\n</ol>\n"
                + "<hr data-sourcepos=\"3:1-3:3\" />\n"
        )
    }

    /// `text`'s HTML rendered by cmark without positions and given them by ``SourcePositions``; `nil` when it fails.
    private static func placedPositions(_ text: String) -> [UInt8]? {
        var text = text
        return text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars -> [UInt8]? in
                guard let root = cmark_parse_document(chars.baseAddress, chars.count, CMARK_OPT_SOURCEPOS) else {
                    return nil
                }
                defer { cmark_node_free(root) }
                guard let html = cmark_render_html(root, CMARK_OPT_DEFAULT) else { return nil }
                defer { free(html) }
                let rendered = UnsafeBufferPointer(
                    start: UnsafeRawPointer(html).assumingMemoryBound(to: UInt8.self),
                    count: strlen(html)
                )
                return SourcePositions.insert(into: rendered, of: root)
            }
        }
    }
}
