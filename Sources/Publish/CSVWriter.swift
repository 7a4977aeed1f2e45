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
        for (index, cell) in row.enumerated() {
            if index > 0 { out.append(0x2C) }
            appendField(cell, to: &out)
        }
        out.append(0x0D)
        out.append(0x0A)
    }

    /// `cell` as one CSV field.
    public func field(_ cell: String) -> String {
        var out: [UInt8] = []
        appendField(cell, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `cell` as one CSV field.
    ///
    /// Read on its UTF-8 bytes: the formula starts and the characters that need quotes are ASCII, and an ASCII byte
    /// in UTF-8 is always that scalar, so each test is the test on scalars. Quotes are doubled by scalar, not
    /// `Character`: a quote followed by a combining mark is one `Character`, which a replacement by `Character` would
    /// leave single, ending the field early.
    func appendField(_ cell: String, to out: inout [UInt8]) {
        var cell = cell
        cell.withUTF8 { bytes in
            let formula: Bool
            switch bytes.first {
            case 0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D: formula = guardsFormulas  // `=`, `+`, `-`, `@`, tab, CR
            default: formula = false
            }
            // `,`, `"`, LF, CR.
            let quoted = bytes.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
            if quoted { out.append(0x22) }
            if formula { out.append(0x27) }
            if quoted {
                for byte in bytes {
                    out.append(byte)
                    if byte == 0x22 { out.append(0x22) }
                }
                out.append(0x22)
            } else {
                out.append(contentsOf: bytes)
            }
        }
    }
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
        let tables = rawRows(of: meeting)
        return tables.map { rows in rows.map { cells in cells.map(DisplaySafety.neutralise) } }
    }

    private static func rawRows(of meeting: Meeting) -> [[[String]]] {
        let id = meeting.id
        let count = { (severity: Diagnostic.Severity) in String(meeting.diagnostics.count { $0.severity == severity }) }
        let summary: [String] = [
            id, meeting.title ?? "", meeting.date ?? "", meeting.startTime ?? "", meeting.endTime ?? "",
            meeting.location ?? "", meeting.source.path, meeting.source.sha256, meeting.source.format.rawValue,
            String(meeting.attendees.count), String(meeting.officials.count), String(meeting.absent.count),
            String(meeting.sections.count), String(meeting.recommendations.count), String(meeting.actions.count),
            String(meeting.decisions.count), count(.warning), count(.error),
        ]
        let groups: [(String, [Person])] = [
            ("attendee", meeting.attendees), ("official", meeting.officials), ("absent", meeting.absent),
        ]
        let people = groups.flatMap { group, people in
            people.map { person in
                [
                    id, group, person.name, person.organization ?? "", person.role ?? "",
                    person.roles.joined(separator: "; "), person.handle ?? "", String(person.lines.first),
                    String(person.lines.last), person.nameAsWritten ?? "", person.organizationAsWritten ?? "",
                ]
            }
        }
        let sections = meeting.sections.map {
            [id, $0.id, $0.title, String($0.level), $0.parent ?? "", String($0.lines.first), String($0.lines.last)]
        }
        let actions = meeting.actions.map {
            [
                id, $0.id, $0.owners.joined(separator: "; "), $0.text, $0.due ?? "", $0.dueText ?? "", $0.section ?? "",
                String($0.lines.first), String($0.lines.last), $0.ownersAsWritten?.joined(separator: "; ") ?? "",
            ]
        }
        let recommendations = meeting.recommendations.map {
            [
                id, $0.id, $0.text, $0.by ?? "", $0.to ?? "", $0.section ?? "", String($0.lines.first),
                String($0.lines.last),
            ]
        }
        let decisions = meeting.decisions.map {
            [id, $0.id, $0.text, $0.section ?? "", String($0.lines.first), String($0.lines.last)]
        }
        return [[summary], people, sections, actions, recommendations, decisions]
    }
}
