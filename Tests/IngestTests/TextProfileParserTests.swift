import Testing

@testable import Ingest

@Suite struct TextProfileParserTests {
    /// A compact outline of a tree: `kind@first-last`, children indented, text quoted.
    func outline(_ node: MarkdownNode, depth: Int = 0) -> [String] {
        let lines = node.lines.map { "@\($0.lowerBound)-\($0.upperBound)" } ?? ""
        let label: String
        switch node.kind {
        case .text(let text): label = "\"\(text)\""
        case .heading(let level): label = "h\(level)"
        case .list(let ordered, let start, _): label = ordered ? "ol\(start)" : "ul"
        case .paragraph: label = "p"
        case .item: label = "li"
        case .softBreak: return []
        case .document: label = "doc"
        default: label = "\(node.kind)"
        }
        return [String(repeating: " ", count: depth) + label + lines]
            + node.children.flatMap { outline($0, depth: depth + 1) }
    }

    @Test func readsCapitalAndUnderlinedHeadings() {
        let text =
            "Parish Council Minutes\n======================\n\nAPOLOGIES:\nNone.\n\nMatters arising\n---------------\n"
        #expect(
            outline(TextProfileParser.parse(text)) == [
                "doc@1-8",
                " h1@1-2", "  \"Parish Council Minutes\"@1-1",
                " h2@4-4", "  \"APOLOGIES\"@4-4",
                " p@5-5", "  \"None.\"@5-5",
                " h2@7-8", "  \"Matters arising\"@7-7",
            ]
        )
    }

    @Test func keepsHeaderLinesApart() {
        let text = "Date: 3 May 2021\nPresent: Ann Lee, Bob Roy,\n   Cy Dee\nApologies: Eve\nChair: Ann Lee\n"
        let paragraphs = TextProfileParser.parse(text).children
        #expect(
            paragraphs.map { $0.plainText() } == [
                "Date: 3 May 2021", "Present: Ann Lee, Bob Roy, Cy Dee", "Apologies: Eve", "Chair: Ann Lee",
            ]
        )
        #expect(paragraphs.map(\.lines) == [1...1, 2...3, 4...4, 5...5])
    }

    @Test func readsNumberedAndLetteredItemsAsNestedLists() {
        let text = """
            1. Welcome
            2) Minutes of the last meeting
               (a) Correction to item 4
               (b) Approved
                   i) with thanks
            3. Finance
               continued on a second line
            """
        #expect(
            outline(TextProfileParser.parse(text)) == [
                "doc@1-7",
                " ol1@1-7",
                "  li@1-1", "   p@1-1", "    \"Welcome\"@1-1",
                "  li@2-5", "   p@2-2", "    \"Minutes of the last meeting\"@2-2",
                "   ol1@3-5",
                "    li@3-3", "     p@3-3", "      \"Correction to item 4\"@3-3",
                "    li@4-5", "     p@4-4", "      \"Approved\"@4-4",
                "     ol9@5-5", "      li@5-5", "       p@5-5", "        \"with thanks\"@5-5",
                "  li@6-7", "   p@6-7", "    \"Finance\"@6-6", "    \"continued on a second line\"@7-7",
            ]
        )
    }

    @Test func separatesATopicFromItsIndentedDiscussion() {
        let text = "Stream identifiers\n   Ann: keep them.\n   Bob: agreed, and this\n   wraps.\nNext topic\n"
        let children = TextProfileParser.parse(text).children
        #expect(
            children.map { $0.plainText(softBreak: "|") } == [
                "Stream identifiers", "Ann: keep them.", "Bob: agreed, and this|wraps.", "Next topic",
            ]
        )
        #expect(children.map { $0.range?.lowerBound.column } == [1, 4, 4, 1])
    }

    @Test func continuesAnItemOnlyWithWrappedText() throws {
        let text = """
            - Header compression
               Cisco offered to fund research.
            - A long item that runs on past the usual width of a line and
              wraps onto the next one
            """
        let list = try #require(TextProfileParser.parse(text).children.first)
        #expect(
            list.children.map { $0.children.map { $0.plainText() } } == [
                ["Header compression", "Cisco offered to fund research."],
                ["A long item that runs on past the usual width of a line and wraps onto the next one"],
            ]
        )
    }

    @Test func placesTextWithUTF8ByteColumns() throws {
        let paragraph = try #require(TextProfileParser.parse("  Réunion à 9h\n").children.first)
        let text = try #require(paragraph.children.first)
        #expect(text.range == SourcePosition(line: 1, column: 3)..<SourcePosition(line: 1, column: 17))
    }

    @Test func ingestChoosesTheTextProfileForPlainNotes() throws {
        let text = "COMMITTEE MEETING\n\nPresent: Ann\nApologies: Bob\n"
        let document = try NoteIngestor().ingest(bytes: Array(text.utf8), path: "n.txt")
        #expect(document.source.format == .text)
        #expect(document.root.children.count == 3)
    }

    /// The test for ALL-CAPS headings, read on the bytes of a plain ASCII line and on characters, against its rule.
    @Test func capitalHeadingsAreReadAlikeOnBytesAndCharacters() {
        let lines = [
            "MINUTES", "MINUTES OF THE MEETING", String(repeating: "A", count: 80), String(repeating: "A", count: 81),
            String(repeating: "A", count: 81) + "a", "AGENDA: item", "AGENDA:", "ÉTÉ RÉUNION", "été", "A\u{301}BC",
            "AB", "PRÉSENT – ALL", "1. INTRODUCTION", String(repeating: "É", count: 81),
            "E\u{301}" + String(repeating: "X", count: 79),
            "ITEM\u{A0}ONE", "“QUOTED” TITLE", "A B c", "",
        ]
        for line in lines {
            let colonRule = line.firstIndex(of: ":").map { line[line.index(after: $0)...].contains(where: \.isLetter) }
            let reference =
                line.count <= 80 && !line.contains(where: \.isLowercase) && line.filter(\.isLetter).count >= 3
                && colonRule != true
            #expect(TextProfileParser.isCapitalHeading(Substring(line)) == reference, "\(line)")
            if TextSearch.isPlainASCII(line) {
                var copy = line
                copy.withUTF8 { #expect(TextProfileParser.isCapitalHeading($0[...]) == reference, "\(line)") }
            }
        }
    }
}
