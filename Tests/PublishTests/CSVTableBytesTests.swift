import Extract
import Ingest
import PropertyBased
import Testing

@testable import Publish

/// A build writes each meeting's CSV rows straight to bytes (``CSVTables/bytes(of:writer:)``), neutralising a cell
/// only when its bytes may hold something to neutralise; it must write what the rows as text
/// (``CSVTables/rows(of:)``) give, written row by row.
@Suite struct CSVTableBytesTests {
    /// Each table's rows as the text path writes them.
    static func textRows(_ meeting: Meeting, _ writer: CSVWriter) -> [[UInt8]] {
        CSVTables.rows(of: meeting).map { rows in
            var bytes: [UInt8] = []
            for row in rows { writer.appendRow(row, to: &bytes) }
            return bytes
        }
    }

    /// Each table's rows as the byte path writes them.
    static func byteRows(_ meeting: Meeting, _ writer: CSVWriter) -> [[UInt8]] {
        let (bytes, ends) = CSVTables.bytes(of: meeting, writer: writer)
        var start = 0
        return ends.map { end in
            defer { start = end }
            return Array(bytes[start..<end])
        }
    }

    func expectSame(_ meeting: Meeting, sourceLocation: SourceLocation = #_sourceLocation) {
        for guards in [true, false] {
            let writer = CSVWriter(guardsFormulas: guards, byteOrderMark: guards)
            let bytes = Self.byteRows(meeting, writer)
            let text = Self.textRows(meeting, writer)
            #expect(bytes.count == CSVTables.headers.count, sourceLocation: sourceLocation)
            #expect(bytes == text, sourceLocation: sourceLocation)
        }
    }

    /// Cells around every byte a cell is quoted, guarded or neutralised for, at each place of an 8-byte word.
    static let tricky: [String] = {
        let marks = [
            ",", "\"", "\n", "\r", "\r\n", "\t", "\0", "\u{1B}", "\u{7F}", "\u{85}", "\u{9F}", "\u{A0}", "\u{202E}",
            "\u{2066}", "\u{2069}", "\u{2028}", "\u{2029}", "\u{202F}", "é", "e\u{301}", "\"\u{301}", "’", "😀",
            "\u{FEFF}", "/", "\\", "=", "+", "-", "@",
        ]
        var cells = ["", "plain", "=1", "+44", "-x", "@h", "\tt", "\rr", "'quoted'", "a; b", "sixteen bytes!!!"]
        for mark in marks {
            for before in [0, 1, 5, 7, 8, 9, 15, 16] {
                cells.append(mark + String(repeating: "x", count: before))
                cells.append(String(repeating: "x", count: before) + mark)
                cells.append(String(repeating: "y", count: before) + mark + String(repeating: "z", count: 12))
            }
        }
        return cells
    }()

    /// A meeting with `cell` in every text field and list, and `number` in every line.
    static func meeting(_ cell: String, number: Int = 7) -> Meeting {
        let lines = LineSpan(number, number)
        let person = Person(
            name: cell,
            organization: cell,
            role: cell,
            roles: [cell, cell],
            handle: cell,
            lines: lines,
            nameAsWritten: cell,
            organizationAsWritten: cell
        )
        return Meeting(
            id: cell,
            source: MeetingSource(path: cell, sha256: cell, format: .markdown),
            title: cell,
            date: cell,
            startTime: cell,
            endTime: cell,
            location: cell,
            attendees: [person],
            officials: [person, person],
            absent: [person],
            sections: [Section(id: cell, title: cell, level: number, parent: cell, lines: lines)],
            recommendations: [Recommendation(id: cell, text: cell, by: cell, to: cell, section: cell, lines: lines)],
            actions: [
                Action(
                    id: cell,
                    text: cell,
                    owners: [cell],
                    due: cell,
                    dueText: cell,
                    section: cell,
                    lines: lines,
                    ownersAsWritten: [cell, cell]
                ),
                Action(id: cell, text: cell, owners: [], lines: lines, ownersAsWritten: []),
            ],
            decisions: [Decision(id: cell, text: cell, section: cell, lines: lines)],
            diagnostics: [Diagnostic(.warning, cell, file: cell), Diagnostic(.error, cell, file: cell)]
        )
    }

    @Test func trickyCells() {
        for cell in Self.tricky { expectSame(Self.meeting(cell)) }
    }

    @Test func negativeAndExtremeNumbersAreGuardedAlike() {
        for number in [0, -1, -42, Int.min, Int.max] {
            expectSame(Self.meeting("n", number: number))
        }
        // A negative line is a field starting with `-`: the guard's quote, as on the text path.
        let (bytes, _) = CSVTables.bytes(of: Self.meeting("n", number: -3), writer: CSVWriter())
        #expect(String(decoding: bytes, as: UTF8.self).contains(",'-3,'-3,"))
    }

    @Test func arbitraryMeetings() async {
        await propertyCheck(count: 200, input: RecordGen.meeting) { meeting in
            expectSame(meeting)
        }
    }

    @Test func arbitraryCells() async {
        await propertyCheck(count: 300, input: jsonString) { cell in
            expectSame(Self.meeting(cell))
        }
    }

    /// The byte test that lets a cell skip ``DisplaySafety/neutralise(_:)`` must flag every scalar it replaces.
    @Test func everyUnsafeScalarIsFlagged() {
        var missed: [UInt32] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value), DisplaySafety.isUnsafe(scalar) else { continue }
            for padding in [0, 3, 8, 13] {
                var text = String(repeating: "a", count: padding)
                text.unicodeScalars.append(scalar)
                text += String(repeating: "b", count: padding)
                let bits = Array(text.utf8).withUnsafeBufferPointer { CSVWriter.classify($0) }
                if bits & CSVWriter.mayBeUnsafe == 0 { missed.append(value) }
            }
        }
        #expect(missed.isEmpty)
    }

    /// The quote bit is exactly whether a cell holds `,`, `"`, LF or CR, wherever it stands.
    @Test func theQuoteBitIsExact() {
        for cell in Self.tricky {
            let bits = Array(cell.utf8).withUnsafeBufferPointer { CSVWriter.classify($0) }
            let quoted = cell.utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
            #expect((bits & CSVWriter.needsQuotes != 0) == quoted, "\(cell.debugDescription)")
            // A text the test lets through is one neutralising leaves as it is.
            if bits & CSVWriter.mayBeUnsafe == 0 {
                #expect(DisplaySafety.neutralise(cell).utf8.elementsEqual(cell.utf8), "\(cell.debugDescription)")
            }
        }
    }
}
