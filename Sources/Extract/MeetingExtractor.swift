public import Ingest

/// Turns an ingested note into a ``Meeting``: runs each extractor over the note's outline in turn.
///
/// Order matters: sections (and the title) first, then the meeting's date, time and place, which due dates are
/// resolved against; then people, actions, decisions and recommendations.
public struct MeetingExtractor: Sendable {
    /// The settings in force.
    public var options: ExtractOptions

    /// Creates an extractor.
    public init(options: ExtractOptions = ExtractOptions()) {
        self.options = options
    }

    /// Extracts the meeting recorded in `document`.
    public func extract(_ document: NoteDocument) -> Meeting {
        var context = ExtractionContext(document: document, options: options)
        let outline = SectionExtractor().extract(&context)
        let metadata = MetadataExtractor().extract(&context, title: outline.title)
        var people = PeopleExtractor().extract(context)
        var actions = ActionExtractor().extract(context)
        let decisions = DecisionExtractor().extract(context)
        // Actions and decisions are records of their own: what they say is not a recommendation too.
        let actionLines = Set(actions.records.flatMap { Array($0.lines.first...$0.lines.last) })
        let decisionLines = Set(decisions.records.flatMap { Array($0.lines.first...$0.lines.last) })
        let recommendations = RecommendationExtractor()
            .extract(context, actionLines: actionLines, decisionLines: decisionLines)
        let source = MeetingSource(
            path: document.source.path,
            sha256: document.source.sha256,
            format: document.source.format
        )
        let vocabulary = options.vocabulary
        if !vocabulary.isEmpty {
            people.attendees = vocabulary.resolve(people.attendees)
            people.officials = vocabulary.resolve(people.officials)
            people.absent = vocabulary.resolve(people.absent)
            actions.records = actions.records.map(vocabulary.resolve)
        }
        var diagnostics: [Diagnostic] = document.diagnostics
        diagnostics += metadata.diagnostics
        diagnostics += people.diagnostics
        diagnostics += actions.diagnostics
        diagnostics += decisions.diagnostics
        diagnostics += recommendations.diagnostics
        return Meeting(
            id: MeetingID.make(date: metadata.date, title: metadata.title, path: document.source.path),
            source: source,
            title: metadata.title,
            date: metadata.date?.description,
            startTime: metadata.startTime,
            endTime: metadata.endTime,
            location: metadata.location,
            attendees: people.attendees,
            officials: people.officials,
            absent: people.absent,
            sections: context.sections,
            recommendations: recommendations.records,
            actions: actions.records,
            decisions: decisions.records,
            diagnostics: diagnostics.sorted {
                ($0.position?.line ?? 0, $0.message) < ($1.position?.line ?? 0, $1.message)
            }
        )
    }
}

/// Records of one kind found by an extractor, with the problems it noticed.
public struct Extracted<Record: Sendable>: Sendable {
    /// The records, in document order.
    public var records: [Record]
    /// Problems worth a warning.
    public var diagnostics: [Diagnostic]

    /// Creates a result.
    public init(records: [Record] = [], diagnostics: [Diagnostic] = []) {
        self.records = records
        self.diagnostics = diagnostics
    }
}

/// Stable, slug-safe meeting ids.
public enum MeetingID {
    /// `2020-04-21-summary-note-of-the-rr3-special-interest-group`: the date and the title's first words, or the
    /// file name when there is no title.
    public static func make(date: CalendarDate?, title: String?, path: String) -> String {
        let (fileName, stem) = nameAndStem(of: path)
        var name = title ?? (stem.isEmpty ? fileName : stem)
        // The date leads the id; the title need not repeat it ("15-Sep-2016 TSC Meeting", "Meeting 2016-10-06").
        if let written = DateParser.firstDate(in: name), written.hasYear, written.date == date {
            name = name.replacingAll(written.text, with: " ")
        }
        var words = Slug.make(name, maxLength: 60)
        if let date {
            let iso = date.description
            if words.hasPrefix(iso) { words = String(words.dropFirst(iso.count).drop { $0 == "-" }) }
            words = words.isEmpty ? iso : iso + "-" + words
        }
        if words.isEmpty { return "meeting" }
        // Windows cannot create files named after devices, whatever the extension.
        return reservedNames.contains(words) ? words + "-meeting" : words
    }

    /// The last part of `path` between `/`s (or `path`), and its parts between `.`s but the last, joined again:
    /// split on the bytes when each byte of the path is a character (``TextSearch/isPlainASCII(_:)``).
    static func nameAndStem(of path: String) -> (name: String, stem: String) {
        guard TextSearch.isPlainASCII(path) else {
            let fileName = path.split(separator: "/").last.map(String.init) ?? path
            return (fileName, fileName.split(separator: ".").dropLast().joined(separator: "."))
        }
        // A path that does not end with `/`: its name is what follows its last `/`. A name whose parts between `.`s
        // are none empty: its stem is what stands before its last `.` (none without a `.`). Read in place.
        var text = path
        let fast = text.withUTF8 { bytes -> (name: String, stem: String)? in
            let slash = UInt8(ascii: "/")
            let dot = UInt8(ascii: ".")
            guard let last = bytes.last, last != slash, last != dot else { return nil }
            var nameStart = bytes.count
            while nameStart > 0, bytes[nameStart - 1] != slash { nameStart -= 1 }
            guard bytes[nameStart] != dot else { return nil }
            var lastDot: Int?
            for index in nameStart..<bytes.count where bytes[index] == dot {
                if bytes[index - 1] == dot { return nil }
                lastDot = index
            }
            let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[nameStart...]), as: UTF8.self)
            guard let lastDot else { return (name, "") }
            return (name, String(decoding: UnsafeBufferPointer(rebasing: bytes[nameStart..<lastDot]), as: UTF8.self))
        }
        if let fast { return fast }
        let fileName = path.utf8.split(separator: UInt8(ascii: "/")).last.map { String(Substring($0)) } ?? path
        let stem = fileName.utf8.split(separator: UInt8(ascii: ".")).dropLast().map { String(Substring($0)) }
            .joined(separator: ".")
        return (fileName, stem)
    }

    private static let reservedNames = Set(
        ["con", "prn", "aux", "nul"] + (1...9).flatMap { ["com\($0)", "lpt\($0)"] }
    )
}

/// Hands out meeting ids unique within a run: a second `2021-05-12-board` becomes `2021-05-12-board-2`.
public struct MeetingIDAllocator: Sendable {
    /// The ids handed out, and for each the highest N of `id-N` handed out (1 when none).
    private var used = StringTable()
    private var counts: [Int] = []

    /// Creates an allocator with no ids in use.
    public init() {}

    /// `id`, or `id-N` with the smallest N ≥ 2 not yet handed out.
    public mutating func unique(_ id: String) -> String {
        guard let number = used.number(of: id) else {
            take(id)
            return id
        }
        var count = counts[Int(number)]
        var candidate: String
        repeat {
            count += 1
            candidate = "\(id)-\(count)"
        } while used.number(of: candidate) != nil
        counts[Int(number)] = count
        take(candidate)
        return candidate
    }

    private mutating func take(_ id: String) {
        used.intern(id)
        counts.append(1)
    }
}
