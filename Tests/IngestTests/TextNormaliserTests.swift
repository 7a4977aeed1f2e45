import Testing

@testable import Ingest

@Suite struct TextNormaliserTests {
    /// Each rule, as input and expected output.
    static let rules: [(String, String)] = [
        // line endings
        ("a\r\nb\r\n", "a\nb\n"),
        ("a\rb\r", "a\nb\n"),
        ("a\r\n\r\nb", "a\n\nb"),
        // Unicode spaces
        ("15:00\u{00A0}–\u{00A0}17:00", "15:00 – 17:00"),
        ("a\u{2007}b\u{2009}c\u{202F}d\u{3000}e\u{205F}f", "a b c d e f"),
        // zero-width characters and soft hyphens
        ("Tenants\u{200B}’ As\u{00AD}sociation", "Tenants’ Association"),
        ("a\u{200C}b\u{200D}c\u{2060}d\u{FEFF}e", "abcde"),
        // control characters other than tab and line feed
        ("a\u{0007}b\tc\u{007F}d\u{0085}e", "a b\tc d e"),
        // inline HTML from converters
        ("21<sup>st</sup> April 2020", "21st April 2020"),
        ("H<sub>2</sub>O", "H2O"),
        ("first<br>second<br/>third<br />fourth", "first second third fourth"),
        ("<u>Underlined</u> and <span style=\"color: red\">red</span>", "Underlined and red"),
        ("<font face='Arial'>Text</font><o:p></o:p>", "Text"),
        ("<b>Bold</b> <strong>Strong</strong> <i>it</i> <em>em</em>", "**Bold** **Strong** *it* *em*"),
        ("Title <!-- omit in toc -->", "Title "),
        // block HTML exported into Markdown
        ("<h1>Board Minutes</h1>", "# Board Minutes"),
        ("  <h3>Staff</h3>", "### Staff"),
        ("<p><strong>Date:</strong> 2016-04-21</p>", "**Date:** 2016-04-21"),
        ("<ul>\n<li>Ann</li>\n<li>Bob</li>\n</ul>", "\n- Ann\n- Bob\n"),
        ("<ol>\n    <li>One</li>\n</ol>", "\n1. One\n"),
        ("<ul>\n<li>Outer\n<ul>\n<li>Inner</li>\n</ul>\n</li>\n</ul>", "\n- Outer\n\n  - Inner\n\n\n"),
        ("<hr>", "***"),
        // left alone: unknown tags, code, and text that only looks like HTML
        ("<a href=\"x\">link</a>", "<a href=\"x\">link</a>"),
        ("Use `<br>` here", "Use `<br>` here"),
        ("```\n<sup>kept</sup>\n```", "```\n<sup>kept</sup>\n```"),
        ("if a < b and c > d", "if a < b and c > d"),
        // bullet glyphs of converted documents
        ("• First\n• Second", "- First\n- Second"),
        ("\u{F0B7}\tSymbol font", "- Symbol font"),
        ("• Parent\no\tChild\n▪\tGrandchild\n• Next", "- Parent\n  - Child\n    - Grandchild\n- Next"),
        ("• Parent\n    o Child", "- Parent\n  - Child"),
        ("◦ Hollow", "- Hollow"),
        ("– Dash item", "- Dash item"),
        ("  - o A larger organisation", "  - A larger organisation"),
        ("o the lower-case word stays", "o the lower-case word stays"),
        ("–5% change", "–5% change"),
        ("15:00 – 17:00", "15:00 – 17:00"),
    ]

    @Test(arguments: rules)
    func appliesRule(input: String, expected: String) {
        #expect(TextNormaliser.normalise(input) == expected)
    }

    @Test(arguments: rules)
    func neverChangesTheNumberOfLines(input: String, expected: String) {
        let lineEnds = input.utf8.count { $0 == 0x0A } + input.replacing("\r\n", with: "\n").utf8.count { $0 == 0x0D }
        #expect(TextNormaliser.normalise(input).utf8.count { $0 == 0x0A } == lineEnds)
    }

    @Test func keepsFencedCodeVerbatimUntilItCloses() {
        let text = "~~~~\n• not a bullet\n~~~\n<sup>x</sup>\n~~~~\n• bullet"
        #expect(TextNormaliser.normalise(text) == "~~~~\n• not a bullet\n~~~\n<sup>x</sup>\n~~~~\n- bullet")
    }

    @Test func keepsMultiLineCommentsForCmark() {
        let text = "<!--\n<sup>x</sup>\n-->\n<sup>y</sup>"
        #expect(TextNormaliser.normalise(text) == "<!--\n<sup>x</sup>\n-->\ny")
    }

    @Test func rewritesOnlyTheLinesThatChangeAndKeepsTheRest() {
        let text = "Intro line\n• First\nplain\n  o Child text\n<b>x</b> and more\nlast • line\n• End"
        let expected = "Intro line\n- First\nplain\n  - Child text\n**x** and more\nlast • line\n- End"
        #expect(TextNormaliser.normalise(text) == expected)
        let unchanged = "Nothing here\nchanges at all\n\n- list\n"
        #expect(TextNormaliser.normalise(unchanged) == unchanged)
        unchanged.utf8.withContiguousStorageIfAvailable { #expect(TextNormaliser.rewriteLines($0) == nil) }
    }

    /// Lines that cannot hold a glyph or a fence still end the glyph lists that a blank line left open.
    @Test func plainLinesCarryTheBulletsMemoryOfBlankLines() {
        let cases: [(String, String)] = [
            ("• Parent\nplain text\n    o Child", "- Parent\nplain text\n  - Child"),
            ("• Parent\n\nplain\n    o Child", "- Parent\n\nplain\n- Child"),
            ("• Parent\n\n    o Child", "- Parent\n\n  - Child"),
            ("• Parent\n\n\tTabbed\n    o Child", "- Parent\n\n\tTabbed\n- Child"),
            ("• Parent\n\n1. Numbered\n    o Child", "- Parent\n\n1. Numbered\n- Child"),
            ("• Parent\n\n- marker\n    o Child", "- Parent\n\n- marker\n- Child"),
            ("• Parent\n\n`code`\n    o Child", "- Parent\n\n`code`\n- Child"),
            ("Text\n~~~~\n• Item", "Text\n~~~~\n- Item"),
            ("\n~~~~\n• Item\n~~~~", "\n~~~~\n• Item\n~~~~"),
            ("    ```\n• Item", "    ```\n- Item"),
            ("\t```\n• Item", "\t```\n- Item"),
            ("   ```\n• Item", "   ```\n• Item"),
        ]
        for (input, expected) in cases {
            #expect(TextNormaliser.normalise(input) == expected, "\(input.debugDescription)")
        }
    }

    @Test func cleansCharactersAtEveryPlaceInALongLine() {
        let cases: [(String, String)] = [
            ("\u{7}", " "), ("\r\n", "\n"), ("\r", "\n"), ("\u{A0}", " "), ("\u{AD}", ""), ("\u{200B}", ""),
            ("\u{FEFF}", ""), ("\u{B}", " "), ("\u{C}", " "), ("\u{1F}", " "), ("\u{7F}", " "), ("\t", "\t"),
            ("é", "é"), ("\u{0}", " "), ("\u{8}", " "), ("\n", "\n"), (" ", " "), ("~", "~"), ("\u{2028}", " "),
            ("\u{3000}", " "), ("\u{80}", " "),
        ]
        for offset in 0..<20 {
            for (odd, clean) in cases {
                let (before, after) = (
                    String(repeating: "x", count: offset), String(repeating: "y", count: 22 - offset)
                )
                #expect(TextNormaliser.normalise(before + odd + after) == before + clean + after)
            }
        }
    }
}
