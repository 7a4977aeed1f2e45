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
    /// A folder of templates that replace the built-in ones by file name, if any.
    public var templatesFolder: String?
    /// The digest's title.
    public var siteTitle: String
    /// The absolute URL the digest is published at, ending in `/`, for the feed; empty for relative links.
    public var siteURL: String
    /// The day of the build: actions due before it are marked overdue.
    public var buildDate: CalendarDate
    /// How many notes are read and rendered at once; output is the same for every value.
    public var jobs: Int

    /// Creates options.
    public init(
        ingest: IngestOptions = IngestOptions(),
        extract: ExtractOptions = ExtractOptions(),
        csvGuardsFormulas: Bool = true,
        csvByteOrderMark: Bool = false,
        templatesFolder: String? = nil,
        siteTitle: String = "Meeting minutes",
        siteURL: String = "",
        buildDate: CalendarDate,
        jobs: Int = 1
    ) {
        self.ingest = ingest
        self.extract = extract
        self.csvGuardsFormulas = csvGuardsFormulas
        self.csvByteOrderMark = csvByteOrderMark
        self.templatesFolder = templatesFolder
        self.siteTitle = siteTitle
        self.siteURL = siteURL.isEmpty || siteURL.hasSuffix("/") ? siteURL : siteURL + "/"
        self.buildDate = buildDate
        self.jobs = Swift.max(1, jobs)
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

/// Builds the output folder of an archive: `json/<id>.json`, `meetings.jsonl`, `schema/meeting.schema.json`,
/// `csv/*.csv` and the HTML digest in `site/`.
///
/// Notes are read a batch at a time (``MeetingReader``) and each record is written as soon as it is rendered; the
/// tables and JSON Lines are built by appending. A note that cannot be read is a diagnostic, and the other notes
/// carry on.
public struct ArchiveBuilder: Sendable {
    /// The settings in force.
    public var options: BuildOptions

    /// Creates a builder.
    public init(options: BuildOptions) {
        self.options = options
    }

    /// Builds `files` (already collected and sorted) into `folder`.
    ///
    /// - Throws: ``OutputFolder/WriteError`` when a file cannot be written; problems in notes are diagnostics.
    public func build(_ files: [String], into folder: OutputFolder) throws -> BuildSummary {
        var summary = BuildSummary()
        let json = OrderedJSONEncoder(pretty: true)
        let line = OrderedJSONEncoder(pretty: false)
        let csv = CSVWriter(guardsFormulas: options.csvGuardsFormulas, byteOrderMark: options.csvByteOrderMark)
        let site = try SiteRenderer(
            templatesFolder: options.templatesFolder,
            buildDate: options.buildDate,
            siteTitle: options.siteTitle,
            siteURL: options.siteURL
        )
        var summaries: [SiteRenderer.Summary] = []
        var jsonLines = ""
        var tables = CSVTables.headers.map { csv.text(header: $0.header, rows: []) }
        let reader = MeetingReader(ingest: options.ingest, extract: options.extract, jobs: options.jobs)
        try reader.read(files) { outcomes in
            var extracted: [(document: NoteDocument, meeting: Meeting)] = []
            for outcome in outcomes {
                switch outcome {
                case .success(let item): extracted.append(item)
                case .failure(let error): summary.diagnostics.append(error.diagnostic)
                }
            }
            let meetingCount = files.count
            let rendered = ParallelMap.map(extracted, jobs: options.jobs) { item in
                Result {
                    (
                        json: try json.encode(item.meeting),
                        line: try line.encode(item.meeting),
                        rows: CSVTables.rows(of: item.meeting),
                        page: try site.meetingPage(item.meeting, document: item.document, meetingCount: meetingCount)
                    )
                }
            }
            for (item, result) in zip(extracted, rendered) {
                let meeting = item.meeting
                let output = try result.get()
                summary.diagnostics += meeting.diagnostics
                summary.meetings += 1
                summary.people += meeting.attendees.count + meeting.officials.count + meeting.absent.count
                summary.actions += meeting.actions.count
                try folder.write(output.json, to: "json/\(meeting.id).json")
                jsonLines += output.line + "\n"
                for (index, rows) in output.rows.enumerated() {
                    for row in rows { csv.appendRow(row, to: &tables[index]) }
                }
                try folder.write(output.page, to: "site/meetings/\(meeting.id).html")
                summaries.append(SiteRenderer.Summary(meeting))
            }
        }
        try folder.write(jsonLines, to: "meetings.jsonl")
        try folder.write(MeetingSchema.text, to: "schema/meeting.schema.json")
        for (index, table) in tables.enumerated() {
            try folder.write(table, to: "csv/\(CSVTables.headers[index].file)")
        }
        try folder.write(try site.indexPage(summaries), to: "site/index.html")
        try folder.write(try site.actionsPage(summaries), to: "site/actions.html")
        try folder.write(try site.peoplePage(summaries), to: "site/people.html")
        try folder.write(try site.feed(summaries), to: "site/feed.xml")
        for (name, text) in site.files.sorted(by: { $0.key < $1.key }) {
            try folder.write(text, to: "site/\(name)")
        }
        summary.pruned = folder.prune("json") + folder.prune("site/meetings") + folder.prune("")
        return summary
    }
}
