import Extract
import Ingest

/// Writes RFC 4180 CSV: comma-separated fields, CRLF row ends, fields quoted when they hold a comma, quote, CR or
/// LF, quotes doubled.
///
/// By default a field that a spreadsheet would run as a formula (it starts with `=`, `+`, `-`, `@`, a tab or a CR)
/// is guarded with a leading `'`, so a note cannot plant a formula in an analyst's workbook; machine consumers can
/// turn the guard off. An optional byte-order mark makes Excel read the file as UTF-8.
public struct CSVWriter: Sendable {
    /// Whether formula-like fields get a leading `'`.
    public var guardsFormulas: Bool
    /// Whether the text starts with a UTF-8 byte-order mark.
    public var byteOrderMark: Bool

    /// Creates a writer.
    public init(guardsFormulas: Bool = true, byteOrderMark: Bool = false) {
        self.guardsFormulas = guardsFormulas
        self.byteOrderMark = byteOrderMark
    }

    /// The CSV text of a header row and `rows`.
    public func text(header: [String], rows: [[String]]) -> String {
        var out: [UInt8] = byteOrderMark ? [0xEF, 0xBB, 0xBF] : []
        appendRow(header, to: &out)
        for row in rows { appendRow(row, to: &out) }
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends one row, ending in CRLF.
    public func appendRow(_ row: [String], to out: inout String) {
        var bytes: [UInt8] = []
        appendRow(row, to: &bytes)
        out += String(decoding: bytes, as: UTF8.self)
    }

    /// Appends one row, ending in CRLF, as UTF-8.
    public func appendRow(_ row: [String], to out: inout [UInt8]) {
        var buffer = ByteBuffer(capacity: 64)
        for (index, cell) in row.enumerated() {
            if index > 0 { buffer.append(0x2C) }
            appendField(cell, to: &buffer)
        }
        buffer.append(0x0D)
        buffer.append(0x0A)
        buffer.withBytes { out.append(contentsOf: $0) }
    }

    /// `cell` as one CSV field.
    public func field(_ cell: String) -> String {
        var buffer = ByteBuffer(capacity: cell.utf8.count + 3)
        appendField(cell, to: &buffer)
        return buffer.withBytes { String(decoding: $0, as: UTF8.self) }
    }

    /// Appends `cell` as one CSV field.
    func appendField(_ cell: String, to out: inout ByteBuffer) {
        cell.withUTF8Bytes { appendField($0, quoted: Self.classify($0) & Self.needsQuotes != 0, to: &out) }
    }

    /// A bit of ``classify(_:)``: the bytes hold a `,`, `"`, LF or CR, so their field is quoted.
    static let needsQuotes: UInt8 = 1
    /// A bit of ``classify(_:)``: the bytes hold a byte of a scalar that ``DisplaySafety`` may neutralise (a control
    /// byte, DEL, or the lead byte `C2` or `E2` of a C1 control or a bidi control), so the text is handed to it;
    /// without one it has nothing to neutralise.
    static let mayBeUnsafe: UInt8 = 2

    /// The bits ``needsQuotes`` (exact) and ``mayBeUnsafe`` of `bytes`.
    ///
    /// Eight bytes at a time, each bit from the whole word at once; the last word of a text of eight bytes or more
    /// ends at its end, overlapping the one before (a byte looked at twice adds the same bits).
    @inline(__always)
    static func classify(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt8 {
        guard let base = bytes.baseAddress else { return 0 }
        let count = bytes.count
        var bits: UInt8 = 0
        guard count >= 8 else {
            for byte in bytes {
                switch byte {
                case 0x2C, 0x22: bits |= needsQuotes
                case 0x0A, 0x0D: bits |= needsQuotes | mayBeUnsafe
                case 0x00..<0x20, 0x7F, 0xC2, 0xE2: bits |= mayBeUnsafe
                default: break
                }
            }
            return bits
        }
        var index = 0
        while index < count {
            bits |= classify(word: ASCIIWord.load(base, at: Swift.min(index, count - 8)))
            index += 8
        }
        return bits
    }

    /// The bits of eight bytes: none, at once, for a word of printable ASCII with no `,` or `"`.
    @inline(__always) private static func classify(word: UInt64) -> UInt8 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        /// The high bit of each byte of `value` that is zero and maybe of bytes after one (exact for whether any is).
        func zeros(_ value: UInt64) -> UInt64 { (value &- ones) & ~value }
        let below = (word &- ones &* 0x20) & ~word
        let marks = zeros(word ^ (ones &* 0x2C)) | zeros(word ^ (ones &* 0x22))
        let delete = zeros(word ^ (ones &* 0x7F))
        guard (below | marks | delete | word) & high != 0 else { return 0 }
        let quotes = marks | zeros(word ^ (ones &* 0x0A)) | zeros(word ^ (ones &* 0x0D))
        var unsafe = below | delete
        if word & high != 0 { unsafe |= zeros(word ^ (ones &* 0xC2)) | zeros(word ^ (ones &* 0xE2)) }
        return (quotes & high != 0 ? needsQuotes : 0) | (unsafe & high != 0 ? mayBeUnsafe : 0)
    }

    /// Whether a field whose first byte is `first` gets the formula guard.
    @inline(__always) func guards(_ first: UInt8) -> Bool {
        switch first {
        case 0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D: guardsFormulas  // `=`, `+`, `-`, `@`, tab, CR
        default: false
        }
    }

    /// Appends the UTF-8 `bytes` of a cell as one field, in quotes when `quoted` (they hold a `,`, `"`, LF or CR).
    ///
    /// Read on bytes: the formula starts and the characters that need quotes are ASCII, and an ASCII byte in UTF-8 is
    /// always that scalar, so each test is the test on scalars. Quotes are doubled by scalar, not `Character`: a quote
    /// followed by a combining mark is one `Character`, which a replacement by `Character` would leave single,
    /// ending the field early.
    @inline(__always)
    func appendField(_ bytes: UnsafeBufferPointer<UInt8>, quoted: Bool, to out: inout ByteBuffer) {
        let formula = bytes.first.map(guards) ?? false
        if quoted { out.append(0x22) }
        if formula { out.append(0x27) }
        if quoted {
            for byte in bytes {
                out.append(byte)
                if byte == 0x22 { out.append(0x22) }
            }
            out.append(0x22)
        } else {
            out.append(bytes)
        }
    }
}

/// Takes the cells of ``CSVTables``, a row and a table at a time, so that the columns are listed once, for the rows
/// as text (``CSVTables/rows(of:)``) and for the bytes a build writes (``CSVTables/bytes(of:writer:)``).
protocol CSVCellSink: ~Copyable {
    /// A cell of text from a record.
    mutating func text(_ cell: String)
    /// A cell holding a number.
    mutating func number(_ value: Int)
    /// A cell of texts joined by `; `.
    mutating func list(_ items: [String])
    /// Ends a row.
    mutating func endRow()
    /// Ends a table: the rows after it are the next table's, in the order of ``CSVTables/headers``.
    mutating func endTable()
}

/// The CSV tables of a set of meetings, one row per record, each row keyed by its meeting id.
public enum CSVTables {
    /// The file names and header rows, in the order files are written.
    public static let headers: [(file: String, header: [String])] = [
        (
            "meetings.csv",
            [
                "id", "title", "date", "start_time", "end_time", "location", "source_path", "sha256", "format",
                "attendees", "officials", "absent", "sections", "recommendations", "actions", "decisions", "warnings",
                "errors",
            ]
        ),
        (
            "people.csv",
            [
                "meeting_id", "group", "name", "organization", "role", "roles", "handle", "first_line", "last_line",
                "name_as_written", "organization_as_written",
            ]
        ),
        ("sections.csv", ["meeting_id", "id", "title", "level", "parent", "first_line", "last_line"]),
        (
            "actions.csv",
            [
                "meeting_id", "id", "owners", "text", "due", "due_text", "section", "first_line", "last_line",
                "owners_as_written",
            ]
        ),
        ("recommendations.csv", ["meeting_id", "id", "text", "by", "to", "section", "first_line", "last_line"]),
        ("decisions.csv", ["meeting_id", "id", "text", "section", "first_line", "last_line"]),
    ]

    /// The rows `meeting` contributes to each table, in the order of ``headers``; text from the note is
    /// neutralised (``DisplaySafety``), as in the digest, so a cell cannot reorder or hide what a spreadsheet shows.
    public static func rows(of meeting: Meeting) -> [[[String]]] {
        var rows = TextRows()
        cells(of: meeting, into: &rows)
        return rows.tables
    }

    /// The CSV bytes of the rows `meeting` contributes to each table, end to end, and where each table's rows end:
    /// ``rows(of:)`` written by `writer`, without a `String` for each cell.
    static func bytes(of meeting: Meeting, writer: CSVWriter) -> (bytes: [UInt8], ends: [Int]) {
        var rows = ByteRows(writer: writer)
        cells(of: meeting, into: &rows)
        return (rows.out.withBytes { Array($0) }, rows.ends)
    }

    /// Gives `sink` the cells of every table's rows for `meeting`, in the order of ``headers``.
    static func cells(of meeting: Meeting, into sink: inout some CSVCellSink & ~Copyable) {
        let id = meeting.id
        sink.text(id)
        sink.text(meeting.title ?? "")
        sink.text(meeting.date ?? "")
        sink.text(meeting.startTime ?? "")
        sink.text(meeting.endTime ?? "")
        sink.text(meeting.location ?? "")
        sink.text(meeting.source.path)
        sink.text(meeting.source.sha256)
        sink.text(meeting.source.format.rawValue)
        sink.number(meeting.attendees.count)
        sink.number(meeting.officials.count)
        sink.number(meeting.absent.count)
        sink.number(meeting.sections.count)
        sink.number(meeting.recommendations.count)
        sink.number(meeting.actions.count)
        sink.number(meeting.decisions.count)
        sink.number(meeting.diagnostics.count { $0.severity == .warning })
        sink.number(meeting.diagnostics.count { $0.severity == .error })
        sink.endRow()
        sink.endTable()
        for (group, people) in [
            ("attendee", meeting.attendees), ("official", meeting.officials), ("absent", meeting.absent),
        ] {
            for person in people {
                sink.text(id)
                sink.text(group)
                sink.text(person.name)
                sink.text(person.organization ?? "")
                sink.text(person.role ?? "")
                sink.list(person.roles)
                sink.text(person.handle ?? "")
                sink.number(person.lines.first)
                sink.number(person.lines.last)
                sink.text(person.nameAsWritten ?? "")
                sink.text(person.organizationAsWritten ?? "")
                sink.endRow()
            }
        }
        sink.endTable()
        for section in meeting.sections {
            sink.text(id)
            sink.text(section.id)
            sink.text(section.title)
            sink.number(section.level)
            sink.text(section.parent ?? "")
            sink.number(section.lines.first)
            sink.number(section.lines.last)
            sink.endRow()
        }
        sink.endTable()
        for action in meeting.actions {
            sink.text(id)
            sink.text(action.id)
            sink.list(action.owners)
            sink.text(action.text)
            sink.text(action.due ?? "")
            sink.text(action.dueText ?? "")
            sink.text(action.section ?? "")
            sink.number(action.lines.first)
            sink.number(action.lines.last)
            sink.list(action.ownersAsWritten ?? [])
            sink.endRow()
        }
        sink.endTable()
        for recommendation in meeting.recommendations {
            sink.text(id)
            sink.text(recommendation.id)
            sink.text(recommendation.text)
            sink.text(recommendation.by ?? "")
            sink.text(recommendation.to ?? "")
            sink.text(recommendation.section ?? "")
            sink.number(recommendation.lines.first)
            sink.number(recommendation.lines.last)
            sink.endRow()
        }
        sink.endTable()
        for decision in meeting.decisions {
            sink.text(id)
            sink.text(decision.id)
            sink.text(decision.text)
            sink.text(decision.section ?? "")
            sink.number(decision.lines.first)
            sink.number(decision.lines.last)
            sink.endRow()
        }
        sink.endTable()
    }

    /// The rows as cells of text, neutralised.
    private struct TextRows: CSVCellSink {
        var tables: [[[String]]] = []
        private var table: [[String]] = []
        private var row: [String] = []

        mutating func text(_ cell: String) { row.append(DisplaySafety.neutralise(cell)) }
        mutating func number(_ value: Int) { row.append(String(value)) }
        mutating func list(_ items: [String]) { text(items.joined(separator: "; ")) }

        mutating func endRow() {
            table.append(row)
            row = []
        }

        mutating func endTable() {
            tables.append(table)
            table = []
        }
    }

    /// The rows as CSV bytes, each text cell neutralised only when its bytes may hold something to neutralise.
    private struct ByteRows: CSVCellSink, ~Copyable {
        let writer: CSVWriter
        var out = ByteBuffer(capacity: 4096)
        var ends: [Int] = []
        /// Whether the next cell is the first of its row.
        private var first = true

        init(writer: CSVWriter) {
            self.writer = writer
            ends.reserveCapacity(CSVTables.headers.count)
        }

        /// A comma before every cell but a row's first.
        @inline(__always)
        private mutating func separate() {
            if !first { out.append(0x2C) }
            first = false
        }

        mutating func text(_ cell: String) {
            separate()
            let written = cell.withUTF8Bytes { bytes in
                let bits = CSVWriter.classify(bytes)
                guard bits & CSVWriter.mayBeUnsafe == 0 else { return false }
                writer.appendField(bytes, quoted: bits & CSVWriter.needsQuotes != 0, to: &out)
                return true
            }
            if !written { writer.appendField(DisplaySafety.neutralise(cell), to: &out) }
        }

        mutating func number(_ value: Int) {
            separate()
            // Digits never need quotes; a minus sign starts the field.
            if value < 0, writer.guards(0x2D) { out.append(0x27) }
            out.appendInt(value)
        }

        mutating func list(_ items: [String]) {
            if items.count > 1 { text(items.joined(separator: "; ")) } else { text(items.first ?? "") }
        }

        mutating func endRow() {
            out.append(0x0D)
            out.append(0x0A)
            first = true
        }

        mutating func endTable() { ends.append(out.count) }
    }
}
