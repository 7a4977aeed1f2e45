/// Settings for a build.
public struct BuildOptions: Sendable {
    /// How notes are read.
    public var ingest: IngestOptions
    /// How records are extracted.
    public var extract: ExtractOptions
    /// Whether CSV fields that look like formulas are guarded with a leading `'`.
    public var csvGuardsFormulas: Bool
    /// Whether CSV files start with a UTF-8 byte-order mark, for Excel.
    public var csvByteOrderMark: Bool

    /// Creates options.
    public init(
        ingest: IngestOptions = IngestOptions(),
        extract: ExtractOptions = ExtractOptions(),
        csvGuardsFormulas: Bool = true,
        csvByteOrderMark: Bool = false
    ) {
        self.ingest = ingest
        self.extract = extract
        self.csvGuardsFormulas = csvGuardsFormulas
        self.csvByteOrderMark = csvByteOrderMark
    }
}

/// What a build did.
public struct BuildSummary: Sendable {
    /// Meetings written.
    public var meetings = 0
    /// People across meetings (attendees, officials and absent).
    public var people = 0
    /// Actions across meetings.
    public var actions = 0
    /// Every diagnostic, in path order.
    public var diagnostics: [Diagnostic] = []
    /// Files of earlier builds removed because their notes are gone.
    public var pruned: [String] = []

    /// Warnings among the diagnostics.
    public var warnings: Int { diagnostics.count { $0.severity == .warning } }
    /// Errors among the diagnostics.
    public var errors: Int { diagnostics.count { $0.severity == .error } }
}

/// Builds the output folder of an archive: `json/<id>.json`, `meetings.jsonl`, `schema/meeting.schema.json` and
/// `csv/*.csv`.
///
/// Notes are read one at a time and each record is written as soon as it is made; the tables and JSON Lines are
/// built by appending. A note that cannot be read is a diagnostic, and the other notes carry on.
public struct ArchiveBuilder: Sendable {
    /// The settings in force.
    public var options: BuildOptions

    /// Creates a builder.
    public init(options: BuildOptions = BuildOptions()) {
        self.options = options
    }

    /// Builds `files` (already collected and sorted) into `folder`.
    ///
    /// - Throws: ``OutputFolder/WriteError`` when a file cannot be written; problems in notes are diagnostics.
    public func build(_ files: [String], into folder: OutputFolder) throws -> BuildSummary {
        var summary = BuildSummary()
        let ingestor = NoteIngestor(options: options.ingest)
        let extractor = MeetingExtractor(options: options.extract)
        let json = OrderedJSONEncoder(pretty: true)
        let line = OrderedJSONEncoder(pretty: false)
        let csv = CSVWriter(guardsFormulas: options.csvGuardsFormulas, byteOrderMark: options.csvByteOrderMark)
        var ids = MeetingIDAllocator()
        var jsonLines = ""
        var tables = CSVTables.headers.map { csv.text(header: $0.header, rows: []) }
        for path in files {
            let document: NoteDocument
            do {
                document = try ingestor.ingest(path: path)
            } catch {
                summary.diagnostics.append(error.diagnostic)
                continue
            }
            var meeting = extractor.extract(document)
            meeting.id = ids.unique(meeting.id)
            summary.diagnostics += meeting.diagnostics
            summary.meetings += 1
            summary.people += meeting.attendees.count + meeting.officials.count + meeting.absent.count
            summary.actions += meeting.actions.count
            try folder.write(try json.encode(meeting), to: "json/\(meeting.id).json")
            jsonLines += try line.encode(meeting) + "\n"
            for (index, rows) in CSVTables.rows(of: meeting).enumerated() {
                for row in rows { csv.appendRow(row, to: &tables[index]) }
            }
        }
        try folder.write(jsonLines, to: "meetings.jsonl")
        try folder.write(MeetingSchema.text, to: "schema/meeting.schema.json")
        for (index, table) in tables.enumerated() {
            try folder.write(table, to: "csv/\(CSVTables.headers[index].file)")
        }
        summary.pruned = folder.prune("json")
        return summary
    }
}
