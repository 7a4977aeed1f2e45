import Ingest
import Testing

@testable import Extract

/// An outline block's ``OutlineBlock/lineTexts``, kept as `nil` when it is `[text]`, reads and writes as a stored
/// array would.
@Suite struct OutlineBlockTests {
    private func block(_ text: String, lineTexts: [String]) -> OutlineBlock {
        OutlineBlock(kind: .line, text: text, lineTexts: lineTexts, lines: 1...1)
    }

    @Test func lineTextsReadAsGiven() {
        for lineTexts in [["a"], ["b"], [], ["a", "b"], ["", "a"], [""]] {
            let made = block("a", lineTexts: lineTexts)
            #expect(made.lineTexts == lineTexts)
            #expect(made.firstLineText == lineTexts.first)
        }
    }

    @Test func changingTheTextKeepsTheLineTexts() {
        var made = block("a", lineTexts: ["a"])
        made.text = "b"
        #expect(made.lineTexts == ["a"])
        #expect(made == block("b", lineTexts: ["a"]))
        made.text = "a"
        #expect(made.lineTexts == ["a"])
        #expect(made == block("a", lineTexts: ["a"]))
        #expect(made.hashValue == block("a", lineTexts: ["a"]).hashValue)
        made.lineTexts = ["x", "y"]
        made.text = "z"
        #expect(made.lineTexts == ["x", "y"])
    }

    @Test func equalBlocksAreEqualHoweverMade() {
        var set = block("a", lineTexts: ["a", "b"])
        set.lineTexts = ["a"]
        #expect(set == block("a", lineTexts: ["a"]))
        #expect(set != block("a", lineTexts: []))
        #expect(block("a", lineTexts: ["b"]) != block("a", lineTexts: ["a"]))
    }

    /// Cells, header and links, kept behind one reference that is `nil` when all are empty, read and write as stored
    /// arrays would, and blocks equal field by field are equal and hash alike however they were made.
    @Test func rareFieldsReadAndWriteAsStored() {
        func row(cells: [String] = [], header: [String] = [], links: [String] = []) -> OutlineBlock {
            OutlineBlock(kind: .tableRow, text: "a | b", lines: 1...1, cells: cells, header: header, links: links)
        }
        var made = row(cells: ["a", "b"], header: ["x", "y"])
        #expect(made.cells == ["a", "b"])
        #expect(made.header == ["x", "y"])
        #expect(made.links.isEmpty)
        made.links = ["https://a.example"]
        #expect(made.cells == ["a", "b"])
        #expect(made.header == ["x", "y"])
        #expect(made.links == ["https://a.example"])
        #expect(made == row(cells: ["a", "b"], header: ["x", "y"], links: ["https://a.example"]))
        made.cells = []
        made.header = []
        #expect(made == row(links: ["https://a.example"]))
        #expect(made.hashValue == row(links: ["https://a.example"]).hashValue)
        made.links = []
        #expect(made == row())
        #expect(made.hashValue == row().hashValue)
        #expect(row(cells: ["a"]) != row(header: ["a"]))
        #expect(row(cells: ["a"]) != row(links: ["a"]))
        #expect(row(header: [""]) != row())
        #expect(row(cells: ["a"]) == row(cells: ["a"]))
    }

    /// The outline of a note with paragraphs, items, a table, headings and links: each block's text and lines.
    @Test func outlineOfAMixedNote() {
        let note = """
            # Title **bold**

            First line with [a link](https://a.example)
            second  line

            - item one
              wrapped here
            - [x] done *item*
              - nested [b](https://b.example)

            | Name | Role |
            |------|------|
            | Ann  | Chair [c](https://c.example) |

            > quoted line
            """
        let blocks = NoteOutline(MarkdownParser.parse(note)).blocks
        #expect(
            blocks.map(\.text) == [
                "Title bold", "First line with a link", "second line", "item one wrapped here", "done item",
                "nested b", "| Ann | Chair c |", "quoted line",
            ]
        )
        #expect(
            blocks.map(\.lineTexts) == [
                ["Title bold"], ["First line with a link"], ["second line"], ["item one", "wrapped here"],
                ["done item"],
                ["nested b"], ["| Ann | Chair c |"], ["quoted line"],
            ]
        )
        #expect(
            blocks.map(\.links) == [
                [], ["https://a.example"], [], [], [], ["https://b.example"], ["https://c.example"], [],
            ]
        )
        #expect(blocks.map(\.parent) == [nil, nil, nil, nil, nil, 4, nil, nil])
        #expect(blocks[4].checkbox == .checked)
        #expect(blocks[6].cells == ["Ann", "Chair c"])
        #expect(blocks[6].header == ["Name", "Role"])
        #expect(blocks.map(\.lines) == [1...1, 3...3, 4...4, 6...7, 8...8, 9...9, 13...13, 15...15])
    }

    /// The outline makes its blocks with the memberwise initializer, not the public one: each block of notes with
    /// one-line and wrapped items, empty items, tables, links, emphasis, checkboxes, CR line ends, tabs and non-ASCII
    /// text equals, and hashes as, the block the public initializer makes from its fields.
    @Test func outlineBlocksEqualThoseThePublicInitializerMakes() {
        let notes = [
            """
            # Title **bold** [x](https://x.example)

            First line with [a link](https://a.example)\r
            second \t line\r

            - item one
              wrapped here
            -
            - [x] done *item*
              - nested [b](https://b.example)
              -\u{A0}\u{2003}
            1. **Lead:** numbered
               more \u{E9}t\u{E9}

            | Name | Role |
            |------|------|
            | Ann  | Chair [c](https://c.example) |

            > quoted line
            """,
            "",
            "- a\n  \n- b\n",
            "*all emphasised*\n\n**Action:** Ann to send\nline two  \nline three\n",
        ]
        for note in notes {
            for block in NoteOutline(MarkdownParser.parse(note)).blocks {
                let made = OutlineBlock(
                    kind: block.kind,
                    text: block.text,
                    lineTexts: block.lineTexts,
                    lines: block.lines,
                    depth: block.depth,
                    column: block.column,
                    isEmphasised: block.isEmphasised,
                    leadingEmphasis: block.leadingEmphasis,
                    checkbox: block.checkbox,
                    isOrdered: block.isOrdered,
                    parent: block.parent,
                    group: block.group,
                    cells: block.cells,
                    header: block.header,
                    links: block.links
                )
                #expect(made == block, "\(block.text.debugDescription)")
                #expect(made.hashValue == block.hashValue)
            }
        }
    }

    /// Blocks the outline builds field by field (a heading with links, checkbox items, a nested item, an ordered item
    /// wrapped over two lines, a table row) equal blocks written out here: a field passed wrong at one of the
    /// builder's call sites (a row's column or cells, an item's depth, parent, group, order or checkbox) shows.
    @Test func outlineBlocksHaveTheFieldsOfTheirSource() {
        let note = """
            # Head [x](https://x.example) and [y](https://y.example)

            - [ ] open
              - [x] nested *done*
            1. first
               wrapped

            | A | B |
            |---|---|
            | 1 | [c](https://c.example) |
            """
        let blocks = NoteOutline(MarkdownParser.parse(note)).blocks
        let expected = [
            OutlineBlock(
                kind: .heading(level: 1),
                text: "Head x and y",
                lines: 1...1,
                column: 1,
                group: 1,
                links: ["https://x.example", "https://y.example"]
            ),
            OutlineBlock(kind: .item, text: "open", lines: 3...3, depth: 1, column: 1, checkbox: .unchecked, group: 2),
            OutlineBlock(
                kind: .item,
                text: "nested done",
                lines: 4...4,
                depth: 2,
                column: 3,
                checkbox: .checked,
                parent: 1,
                group: 3
            ),
            OutlineBlock(
                kind: .item,
                text: "first wrapped",
                lineTexts: ["first", "wrapped"],
                lines: 5...6,
                depth: 1,
                column: 1,
                isOrdered: true,
                group: 4
            ),
            OutlineBlock(
                kind: .tableRow,
                text: "| 1 | c |",
                lines: 10...10,
                column: 1,
                group: 5,
                cells: ["1", "c"],
                header: ["A", "B"],
                links: ["https://c.example"]
            ),
        ]
        #expect(blocks.count == expected.count)
        for (block, expected) in zip(blocks, expected) {
            #expect(block == expected)
            #expect(block.hashValue == expected.hashValue)
        }
    }

    /// A paragraph or item of one line, read with no line buffer, reads as the same line among others.
    ///
    /// Its text, emphasis, lead and links are those of the line in a paragraph of several lines (soft breaks, after
    /// trailing spaces or a tab, hard breaks of two spaces or a backslash, CR LF line ends, continuation lines
    /// indented or not), in an item wrapped over several lines (bulleted, checkbox and numbered) and in a heading;
    /// each line's column is that of the line read alone, after a backslash break too. Lines include ones of only
    /// inline HTML and ones with a newline inside an emphasis, code span, link or inline HTML: each block's lines are
    /// the source lines it covers, such a newline counted on both paths, and an item's line texts hold one text a
    /// source line.
    @Test func oneLineReadsAsALineAmongOthers() {
        let pieces = [
            "word", "Ann", "*em*", "**strong**", "[link](https://a.example)", "`code`", "\t", " ", "\u{A0}",
            "caf\u{E9}",
            "e\u{301}", "\u{2003}", ":", "|", "x", "**Lead:**", "<span>", "&amp;",
        ]
        /// Lines of only inline HTML, and lines with a newline inside an inline.
        let special = [
            "<b></b>", "w *a\nb* z", "**Lead\nin:** z", "w `a\nb` z", "w [a\nb](https://u.example) z",
            "w <span\nclass=\"x\"> z",
        ]
        var generator = SplitMix(seed: 21)
        /// A line of a few pieces, starting and ending with a word, so that no line opens a block or ends in a break.
        func line() -> String {
            if Int.random(in: 0..<4, using: &generator) == 0 {
                return special[Int.random(in: 0..<special.count, using: &generator)]
            }
            let count = Int.random(in: 0...5, using: &generator)
            let middle = (0..<count).map { _ in pieces[Int.random(in: 0..<pieces.count, using: &generator)] }
            // Spaces between pieces, so that each piece's emphasis is closed on its line.
            return (["w"] + middle + ["z"]).joined(separator: " ")
        }
        /// What a line block tells of its line.
        func fields(_ block: OutlineBlock) -> [String] {
            [block.text, "\(block.isEmphasised)", block.leadingEmphasis ?? "-"] + block.links
        }
        /// The blocks of `note`.
        func outline(_ note: String) -> [OutlineBlock] { NoteOutline(MarkdownParser.parse(note)).blocks }
        for _ in 0..<300 {
            let lines = (0..<Int.random(in: 1...4, using: &generator)).map { _ in line() }
            // The lines that make a block, and the source lines each line takes.
            let kept = lines.indices.filter { lines[$0] != "<b></b>" }
            let heights = lines.map { line in 1 + line.utf8.filter { $0 == 0x0A }.count }
            /// The source lines of each kept line when the lines are `apart` lines apart.
            func sourceLines(apart: Int) -> [ClosedRange<Int>] {
                kept.map { index in
                    let first = 1 + heights[..<index].reduce(0, +) + (apart - 1) * index
                    return first...first + heights[index] - 1
                }
            }
            for indent in ["", " ", "   "] {
                let apart = outline(lines.map { indent + $0 }.joined(separator: "\n\n"))
                #expect(apart.count == kept.count)
                #expect(apart.map(\.lines) == sourceLines(apart: 2))
                for separator in ["\n", " \n", "\t\n", " \t \n", "  \n", "\\\n", "\r\n"] {
                    let together = outline(indent + lines.joined(separator: separator + indent))
                    let context = "\(lines) \(indent.debugDescription) \(separator.debugDescription)"
                    #expect(together.map(fields) == apart.map(fields), "\(context)")
                    #expect(together.map(\.column) == apart.map(\.column), "\(context)")
                    #expect(together.map(\.lines) == sourceLines(apart: 1), "\(context)")
                }
            }
            for (marker, indent) in [
                ("- ", "  "), ("- [ ] ", "  "), ("- [x] ", "  "), ("1. ", "   "), ("10) ", "    "),
            ] {
                let apart = outline(lines.joined(separator: "\n\n"))
                let items = outline(lines.map { marker + $0 }.joined(separator: "\n"))
                let wrapped = outline(marker + lines.joined(separator: "\n" + indent))
                let context = "\(lines) \(marker.debugDescription)"
                #expect(items.count == lines.count, "\(context)")
                #expect(items.filter { !$0.text.isEmpty }.map(fields) == apart.map(fields), "\(context)")
                #expect(
                    items.allSatisfy { $0.lineTexts == [$0.text] + repeatElement("", count: $0.lines.count - 1) },
                    "\(context)"
                )
                #expect(items.allSatisfy { $0.column == 1 && $0.isOrdered == marker.first!.isNumber }, "\(context)")
                #expect(items.filter { !$0.text.isEmpty }.map(\.lines) == sourceLines(apart: 1), "\(context)")
                #expect(wrapped.count == 1, "\(context)")
                #expect(wrapped.first?.lineTexts.filter { !$0.isEmpty } == apart.map(\.text), "\(context)")
                // One text a source line: each line's text on the line it starts on.
                let texts = wrapped.first?.lineTexts ?? []
                #expect(texts.count == heights.reduce(0, +), "\(context)")
                if texts.count == heights.reduce(0, +) {
                    #expect(kept.map { texts[heights[..<$0].reduce(0, +)] } == apart.map(\.text), "\(context)")
                }
                #expect(wrapped.first?.links == apart.flatMap(\.links), "\(context)")
                #expect(wrapped.first?.lines == 1...heights.reduce(0, +), "\(context)")
            }
            let headings = outline(
                kept.filter { !lines[$0].contains("\n") }.map { "# " + lines[$0] }.joined(separator: "\n")
            )
            let alone = outline(kept.filter { !lines[$0].contains("\n") }.map { lines[$0] }.joined(separator: "\n\n"))
            #expect(headings.map(fields) == alone.map(fields), "\(lines)")
            #expect(headings.allSatisfy { $0.column == 1 }, "\(lines)")
        }
    }

    /// A newline inside an inline ends a source line as a break does.
    ///
    /// Inside a code span, emphasis, strong emphasis, a link, an image, inline HTML or an inline nested in another:
    /// the line holding it covers the source lines it spans, and the lines after it in the paragraph, or the rows of a
    /// table, start on the source lines they are on. An item's line texts hold one text a source line, the line an
    /// inline carries its text onto an empty one.
    @Test func aNewlineInsideAnInlineIsCountedInTheLines() {
        func outline(_ note: String) -> [OutlineBlock] { NoteOutline(MarkdownParser.parse(note)).blocks }
        for (inline, spans) in [
            ("`the\nscript`", 2), ("`the\nold\nscript`", 3), ("*the\nscript*", 2), ("**the\nscript**", 2),
            ("[the\nscript](https://u.example)", 2), ("![the\nscript](https://u.example)", 2),
            ("<span\nclass=\"x\">", 2), ("*a `b\nc` d*", 2), ("[*a\nb* `c\nd`](https://u.example)", 3),
        ] {
            let extra = spans - 1
            let paragraph = outline("# Minutes\n\nWe looked at \(inline) today\nAction: Ann to send the draft.\n")
            #expect(
                paragraph.map(\.lines) == [1...1, 3...3 + extra, 4 + extra...4 + extra],
                "\(inline.debugDescription)"
            )
            #expect(paragraph.last?.text == "Action: Ann to send the draft.")
            // A paragraph of one line of markup.
            let alone = outline("We looked at \(inline) today\n\nNext")
            #expect(alone.map(\.lines) == [1...1 + extra, 3 + extra...3 + extra], "\(inline.debugDescription)")
            let text = alone.first?.text ?? ""
            // The lines after it, after a soft and a hard break.
            let after = outline("Before\nWe looked at \(inline) today  \nThen\\\nLast\n")
            #expect(
                after.map(\.lines) == [1...1, 2...2 + extra, 3 + extra...3 + extra, 4 + extra...4 + extra],
                "\(inline.debugDescription)"
            )
            #expect(after.map(\.column) == [1, 1, 1, 1], "\(inline.debugDescription)")
            // Table rows.
            let table = outline("| A | B |\n|---|---|\n| \(inline) | x |\n| c | d |\n")
            #expect(
                table.map(\.lines) == [3...3 + extra, 4 + extra...4 + extra]
                    && table.allSatisfy { $0.kind == .tableRow },
                "\(inline.debugDescription)"
            )
            // Items, wrapped and of one line.
            let empty = Array(repeating: "", count: extra)
            let wrapped = outline("- We looked at \(inline) today\n  and left.\n- Next\n")
            #expect(wrapped.map(\.lines) == [1...2 + extra, 3 + extra...3 + extra], "\(inline.debugDescription)")
            #expect(wrapped.first?.lineTexts == [text] + empty + ["and left."], "\(inline.debugDescription)")
            let item = outline("- We looked at \(inline) today\n")
            #expect(item.first?.lines == 1...1 + extra, "\(inline.debugDescription)")
            #expect(item.first?.lineTexts == [text] + empty, "\(inline.debugDescription)")
            #expect(item.first?.text == text, "\(inline.debugDescription)")
        }
    }

    /// A line after a backslash hard break reads as one after a hard break of two spaces, lines and column: cmark
    /// 0.30 places the inline after a backslash break on the break's line, past its end, and counts no line for it.
    @Test func aBackslashBreakReadsAsTwoSpaces() {
        func outline(_ note: String) -> [OutlineBlock] { NoteOutline(MarkdownParser.parse(note)).blocks }
        let notes = [
            "Present: Ann Lee, Bob Roy,\\\nCarol Day\n",
            "Ann Lee (Chair)\\\nTreasurer\\\nBob Roy\n",
            "   Ann\\\n   *Bob*\\\n   [Carol](https://u.example)\\\n   <b>Dan</b>\n",
            "> Ann\\\nBob\\\n>   Carol\nDan\n",
            "- Item\n\n  Ann\\\n  Bob\\\n      Carol\n  Dan\n",
            "Ann `a\nb`\\\nBob *c\nd*\\\nCarol\nDan  \nEve\\\nFay\n",
            "| A | B |\n|---|---|\n| a | b |\\\n| c | d |\n",
            "1. Ann\\\n   Bob\n\n   Carol\\\n   Dan\n",
        ]
        for note in notes {
            let backslash = outline(note)
            let twoSpaces = outline(note.replacing("\\\n", with: "  \n"))
            #expect(backslash == twoSpaces, "\(note.debugDescription)")
            #expect(backslash.map(\.column) == twoSpaces.map(\.column), "\(note.debugDescription)")
            #expect(backslash.map(\.lines) == twoSpaces.map(\.lines), "\(note.debugDescription)")
        }
        // The lines and columns themselves.
        let lines = outline("Ann Lee (Chair)\\\nTreasurer\\\nBob Roy\n\n  > Cy\\\n  > Di\n")
        #expect(lines.map(\.text) == ["Ann Lee (Chair)", "Treasurer", "Bob Roy", "Cy", "Di"])
        #expect(lines.map(\.lines) == [1...1, 2...2, 3...3, 5...5, 6...6])
        #expect(lines.map(\.column) == [1, 1, 1, 5, 5])
    }
}
