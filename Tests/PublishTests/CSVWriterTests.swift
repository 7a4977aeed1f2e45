import Foundation
import Publish
import Testing

@Suite struct CSVWriterTests {
    @Test(arguments: [
        ("plain", "plain"),
        ("a,b", "\"a,b\""),
        ("say \"hi\"", "\"say \"\"hi\"\"\""),
        ("two\nlines", "\"two\nlines\""),
        ("cr\r\nlf", "\"cr\r\nlf\""),
        ("=SUM(A1)", "'=SUM(A1)"),
        ("+44 20", "'+44 20"),
        ("-1", "'-1"),
        ("@handle", "'@handle"),
        ("\tindent", "'\tindent"),
        ("=1,2", "\"'=1,2\""),
        ("", ""),
    ])
    func quotesAndGuardsFields(cell: String, field: String) {
        #expect(CSVWriter().field(cell) == field)
    }

    @Test func theGuardCanBeTurnedOffForMachines() {
        #expect(CSVWriter(guardsFormulas: false).field("=SUM(A1)") == "=SUM(A1)")
        #expect(CSVWriter(guardsFormulas: false).field("@x,y") == "\"@x,y\"")
    }

    @Test func writesAHeaderRowCRLFAndAnOptionalBOM() {
        let text = CSVWriter(byteOrderMark: true).text(header: ["a", "b"], rows: [["1", "x,y"]])
        #expect(text == "\u{FEFF}a,b\r\n1,\"x,y\"\r\n")
        #expect(CSVWriter().text(header: ["a"], rows: []) == "a\r\n")
    }

    @Test func everyTableHasItsHeaderAndOneRowPerRecord() throws {
        let meeting = Meeting(
            id: "m",
            source: MeetingSource(path: "m.md", sha256: String(repeating: "a", count: 64), format: .markdown),
            attendees: [
                Person(name: "Ann", lines: LineSpan(2, 2)),
                Person(
                    name: "Bob Ray",
                    organization: "Ministry of Justice",
                    lines: LineSpan(3, 3),
                    nameAsWritten: "bray",
                    organizationAsWritten: "MoJ"
                ),
            ],
            absent: [Person(name: "Cy", lines: LineSpan(4, 4))],
            actions: [
                Action(id: "a1", text: "Do it", owners: ["Ann", "Bob"], lines: LineSpan(6, 7)),
                Action(
                    id: "a2",
                    text: "Pay",
                    owners: ["Ann", "Bob Ray"],
                    lines: LineSpan(8, 8),
                    ownersAsWritten: ["Ann", "bray"]
                ),
            ]
        )
        let rows = CSVTables.rows(of: meeting)
        #expect(rows.count == CSVTables.headers.count)
        for (index, table) in rows.enumerated() {
            for row in table { #expect(row.count == CSVTables.headers[index].header.count) }
        }
        #expect(rows[1].map { $0[1] } == ["attendee", "attendee", "absent"])
        #expect(rows[1][1].suffix(2) == ["bray", "MoJ"])
        #expect(rows[1][0].suffix(2) == ["", ""])
        #expect(
            rows[3] == [
                ["m", "a1", "Ann; Bob", "Do it", "", "", "", "6", "7", ""],
                ["m", "a2", "Ann; Bob Ray", "Pay", "", "", "", "8", "8", "Ann; bray"],
            ]
        )
    }

    /// Strings that stress quoting: separators, quotes, line ends, formula starts, Unicode and control characters.
    static let hostile = [
        "plain", "a,b", "\"quoted\"", "line\nbreak", "cr\rreturn", "crlf\r\nend", "=HYPERLINK(\"x\")", "@SUM(1)",
        "+1", "-2", "\ttab", "é ✓ 😀 \u{202E}rtl", "trailing space ", " leading", ",", "\"", "",
    ]

    @Test func pythonsCSVModuleReadsBackEveryCell() throws {
        guard let python = python() else { return }
        let rows = Self.hostile.map { [$0, $0 + "|" + $0] }
        let text = CSVWriter(guardsFormulas: false).text(header: ["one", "two"], rows: rows)
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("in.csv")
        try Data(text.utf8).write(to: input)
        let cells = try readCSV(input, with: python)
        #expect(cells == [["one", "two"]] + rows)
    }
}
