public import Extract
import Foundation
public import Ingest

/// Settings for a build.
public struct BuildOptions: Sendable {
    /// How notes are read.
    public var ingest: IngestOptions
    /// How records are extracted.
    public var extract: ExtractOptions
    /// ``Configuration/fingerprint`` of the configuration in force, which identifies a build's settings.
    public var configurationFingerprint: String
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
    /// The most meetings, actions or appearances of people on one overview page; longer lists go on to further
    /// pages (`people-2.html`…), so that no page, and no build, grows with the archive.
    public var pageSize: Int
    /// How many notes are read and rendered at once; output is the same for every value.
    public var jobs: Int
    /// Whether to redo every note, ignoring what the cache holds.
    public var force: Bool
    /// The part of the inputs this build takes, when the archive is split across machines.
    public var shard: Shard?
    /// Called after each batch of notes, on the calling thread.
    public var progress: (@Sendable (BuildProgress) -> Void)?

    /// Creates options.
    public init(
        ingest: IngestOptions = IngestOptions(),
        extract: ExtractOptions = ExtractOptions(),
        configurationFingerprint: String = Configuration().fingerprint,
        csvGuardsFormulas: Bool = true,
        csvByteOrderMark: Bool = false,
        templatesFolder: String? = nil,
        siteTitle: String = "Meeting minutes",
        siteURL: String = "",
        buildDate: CalendarDate,
        pageSize: Int = BuildOptions.defaultPageSize,
        jobs: Int = 1,
        force: Bool = false,
        shard: Shard? = nil,
        progress: (@Sendable (BuildProgress) -> Void)? = nil
    ) {
        self.ingest = ingest
        self.extract = extract
        self.configurationFingerprint = configurationFingerprint
        self.csvGuardsFormulas = csvGuardsFormulas
        self.csvByteOrderMark = csvByteOrderMark
        self.templatesFolder = templatesFolder
        self.siteTitle = siteTitle
        self.siteURL = siteURL.isEmpty || siteURL.hasSuffix("/") ? siteURL : siteURL + "/"
        self.buildDate = buildDate
        self.pageSize = Swift.max(1, pageSize)
        self.jobs = Swift.max(1, jobs)
        self.force = force
        self.shard = shard
        self.progress = progress
    }

    /// The default ``pageSize``: 1,000, a page of a few hundred kilobytes.
    public static let defaultPageSize = 1000

    /// What shapes a note's record besides its path and bytes: the program itself and the settings.
    var recordSettings: String {
        "minutes=\(ToolVersion.current)/\(ProgramIdentity.current);\(extract.fingerprint);"
            + "config=\(configurationFingerprint);format=\(ingest.format?.rawValue ?? "auto")"
    }
}

/// One part of an archive split across machines: the notes whose position in the sorted inputs is `index` modulo
/// `count`.
public struct Shard: Hashable, Sendable, Codable, CustomStringConvertible {
    /// This part, from 0.
    public var index: Int
    /// How many parts there are.
    public var count: Int

    /// Reads `I/N` with `0 <= I < N`; `nil` otherwise.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count > 0, index >= 0,
            index < count
        else { return nil }
        self.index = index
        self.count = count
    }

    /// `I/N`.
    public var description: String { "\(index)/\(count)" }

    /// Whether the note at `position` of the sorted inputs belongs to this part.
    public func contains(_ position: Int) -> Bool { position % count == index }
}

/// How far a build has come.
public struct BuildProgress: Sendable {
    /// Notes done.
    public var done: Int
    /// Notes in all.
    public var total: Int
    /// Notes taken from the cache so far.
    public var reused: Int
    /// The notes of the batch just done.
    public var paths: [String]
}

/// Time spent in each stage, summed over the jobs that ran it.
public struct BuildStats: Sendable, Codable, Equatable {
    /// Reading and hashing files.
    public var read: Duration = .zero
    /// Decoding, normalising and parsing notes.
    public var parse: Duration = .zero
    /// Extracting records.
    public var extract: Duration = .zero
    /// Rendering and writing outputs.
    public var publish: Duration = .zero

    /// Creates empty stats.
    public init() {}

    static func + (left: BuildStats, right: BuildStats) -> BuildStats {
        var sum = left
        sum.read += right.read
        sum.parse += right.parse
        sum.extract += right.extract
        sum.publish += right.publish
        return sum
    }
}

/// What a build did.
public struct BuildSummary: Sendable, Codable {
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
    /// Notes whose records came from the cache rather than being extracted again.
    public var reused = 0
    /// Whether nothing had changed since the last build, so nothing was written.
    public var upToDate = false
    /// Time per stage.
    public var stats = BuildStats()

    /// Creates an empty summary.
    public init() {}

    /// Counts a meeting, its people, actions and diagnostics.
    mutating func count(_ meeting: Meeting) {
        diagnostics += meeting.diagnostics
        meetings += 1
        people += meeting.attendees.count + meeting.officials.count + meeting.absent.count
        actions += meeting.actions.count
    }

    /// Warnings among the diagnostics.
    public var warnings: Int { diagnostics.count { $0.severity == .warning } }
    /// Errors among the diagnostics.
    public var errors: Int { diagnostics.count { $0.severity == .error } }
}
