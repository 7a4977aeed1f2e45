import Extract
import Foundation
import Ingest

/// The last stage of a build: publishes records in path order, a batch at a time.
///
/// It makes their ids unique, writes each meeting's JSON and page, appends to JSON Lines and the CSV tables, and at
/// the end writes the overview pages, a page at a time, from an ``OverviewIndex`` that keeps each meeting's actions
/// and people on disk. Memory holds a batch, a short row per meeting and a few integers per action and person.
///
/// A meeting whose JSON and page were written by the last build under the same key is not rendered again.
final class ArchivePublisher {
    /// A note ready to publish: its path, the key of its cache entry and what the entry holds.
    typealias Item = (path: String, key: Digest, note: CachedNote, cache: NoteCache)
    /// Makes the entry of the note at a path again from its file, for a page whose cached HTML is gone or damaged,
    /// when the file still holds what the entry's key was made from.
    typealias Remake = (_ path: String, _ key: Digest) -> Result<CachedNote, RemakeFailure>

    /// Why a note's entry could not be made again.
    struct RemakeFailure: Error {
        var reason: String
    }

    /// Why a page whose note HTML the cache lost could not be written.
    struct PageError: Error, CustomStringConvertible {
        /// The note.
        var path: String
        var reason: String
        /// `path: error: …`.
        var description: String {
            "\(path): error: the cache's copy of this note's HTML is damaged, and the note cannot be read again: "
                + reason
        }
    }

    private let options: BuildOptions
    private let folder: OutputFolder
    private let site: SiteRenderer
    private let siteFingerprint: String
    /// The keys the last build wrote pages under.
    private var previousPages: Set<Digest>
    private let line = OrderedJSONEncoder(pretty: false)
    private let csv: CSVWriter
    private let jsonLines: OutputFolder.Stream
    private let tables: [OutputFolder.Stream]
    private var ids = MeetingIDAllocator()
    private let overview: OverviewIndex
    private let remake: Remake
    /// The key each meeting's JSON and page were written under, in the order meetings were added to `overview`.
    private var pageKeys: [Digest] = []
    /// The overview pages written, relative to the folder.
    private(set) var overviewFiles: [String] = []
    private(set) var summary = BuildSummary()

    init(
        options: BuildOptions,
        site: SiteRenderer,
        folder: OutputFolder,
        previousPages: Set<Digest>,
        remake: @escaping Remake
    ) throws {
        self.options = options
        self.remake = remake
        self.folder = folder
        self.previousPages = previousPages
        let csv = CSVWriter(guardsFormulas: options.csvGuardsFormulas, byteOrderMark: options.csvByteOrderMark)
        self.csv = csv
        self.site = site
        siteFingerprint = site.fingerprint
        overview = try OverviewIndex(scratch: folder.root.appendingPathComponent(NoteCache.folder))
        jsonLines = try OutputFolder.Stream(folder: folder, relativePath: "meetings.jsonl")
        tables = try CSVTables.headers.map { table in
            let stream = try OutputFolder.Stream(folder: folder, relativePath: "csv/\(table.file)")
            try stream.append(csv.text(header: table.header, rows: []))
            return stream
        }
    }

    /// A note to publish, or why it could not be read.
    enum Entry {
        case note(Item)
        case failed(Diagnostic)
    }

    /// Publishes a batch of notes, in path order; the diagnostics of notes that could not be read keep their place.
    func add(_ entries: [Entry]) throws {
        var items: [Item] = []
        var failures: [Int: [Diagnostic]] = [:]
        for entry in entries {
            switch entry {
            case .note(let item): items.append(item)
            case .failed(let diagnostic): failures[items.count, default: []].append(diagnostic)
            }
        }
        try add(items, failures: failures)
    }

    /// Publishes `items`; `failures[n]` are reported before the `n`th item (and after the last at `items.count`).
    private func add(_ items: [Item], failures: [Int: [Diagnostic]]) throws {
        var batch: [(meeting: Meeting, item: Item, pageKey: Digest, paths: (json: String, page: String)?)] = []
        for item in items {
            let (_, key, note, _) = item
            var meeting = note.meeting
            meeting.id = ids.unique(meeting.id)
            // The key names the meeting's id: a page written under it is this meeting's page.
            let pageKey = Digest(joining: [key.description, meeting.id, siteFingerprint])
            // The paths of a reused meeting, made once for the check and again kept.
            var paths: (json: String, page: String)?
            if previousPages.contains(pageKey) {
                let json = Self.jsonPath(meeting.id)
                let page = Self.pagePath(meeting.id)
                if folder.contains(json) && folder.contains(page) { paths = (json, page) }
            }
            batch.append((meeting, item, pageKey, paths))
        }
        let line = line
        let site = site
        let csv = csv
        let folder = folder
        // Each meeting's JSON file and page are written by the thread that made them: creating a file can cost as
        // much as rendering a small page, and one thread creating them all in turn would keep the others waiting.
        let rendered = ParallelMap.map(batch, jobs: options.jobs) { item in
            Result { () throws -> (line: [UInt8], tables: (bytes: [UInt8], ends: [Int]), pageLeft: Bool) in
                // The cache's record is the line, unless the id was made unique across the archive; the JSON file
                // is the line laid out pretty, not a second encoding.
                let line =
                    item.meeting.id == item.item.note.meeting.id
                    ? item.item.note.record : try line.withEncoded(item.meeting) { Array($0) }
                // A page whose note HTML the cache no longer holds whole is left for the note to be made again.
                var pageLeft = false
                if item.paths == nil {
                    try line.withUnsafeBufferPointer { compact in
                        try RecordJSON.withPretty(ofCompact: compact) { bytes in
                            try folder.write(bytes: bytes, to: Self.jsonPath(item.meeting.id))
                        }
                    }
                    if let html = item.item.note.noteHTML ?? item.item.cache.loadHTML(item.item.key) {
                        try Self.writePage(item.meeting, noteHTML: html, site: site, folder: folder)
                    } else {
                        pageLeft = true
                    }
                }
                // Each table's rows as CSV bytes, here in parallel.
                return (line: line, tables: CSVTables.bytes(of: item.meeting, writer: csv), pageLeft: pageLeft)
            }
        }
        for (position, (item, result)) in zip(batch, rendered).enumerated() {
            let meeting = item.meeting
            let output = try result.get()
            summary.diagnostics += failures[position] ?? []
            summary.count(meeting)
            if output.pageLeft {
                try Self.writePage(meeting, noteHTML: try remadeHTML(of: item.item), site: site, folder: folder)
            }
            if let paths = item.paths {
                folder.keep(paths.json)
                folder.keep(paths.page)
            }
            try output.line.withUnsafeBufferPointer { try jsonLines.append(bytes: $0) }
            try jsonLines.append(byte: 0x0A)
            try output.tables.bytes.withUnsafeBufferPointer { bytes in
                var start = 0
                for (table, end) in zip(tables, output.tables.ends) {
                    if end > start { try table.append(bytes: UnsafeBufferPointer(rebasing: bytes[start..<end])) }
                    start = end
                }
            }
            try overview.add(meeting)
            pageKeys.append(item.pageKey)
        }
        summary.diagnostics += failures[batch.count] ?? []
    }

    /// Writes the tables, JSON Lines, schema and overview pages; no meeting is added after.
    func finish() throws {
        // What only adding needs is let go first: the overview's sorting is when a build holds the most.
        ids = MeetingIDAllocator()
        previousPages = []
        try jsonLines.commit()
        for table in tables { try table.commit() }
        try folder.write(MeetingSchema.text, to: "schema/meeting.schema.json")
        // A few pages at a time, in parallel, each written by the thread that rendered it: memory holds `jobs`
        // pages, however many the archive needs.
        let pages = try site.overviewPages(try overview.sealed(), pageSize: options.pageSize)
        let folder = folder
        for batch in pages.batches(of: options.jobs) {
            let written = ParallelMap.map(batch, jobs: options.jobs) { page in
                Result { try page.write { try folder.write(bytes: $0, to: "site/\(page.name)") } }
            }
            for (page, result) in zip(batch, written) {
                try result.get()
                overviewFiles.append("site/\(page.name)")
            }
        }
        for (name, text) in site.files.sorted(by: { $0.key < $1.key }) {
            try folder.write(text, to: "site/\(name)")
        }
    }

    /// Writes the page of `meeting`.
    private static func writePage(
        _ meeting: Meeting,
        noteHTML: [UInt8],
        site: SiteRenderer,
        folder: OutputFolder
    ) throws {
        try site.meetingPage(meeting, noteHTML: noteHTML) { page in
            try folder.write(bytes: page, to: pagePath(meeting.id))
        }
    }

    /// The note HTML of an item whose cache entry lost it, from the note made again, whose entry is stored in place
    /// of the damaged one (here, in the notes' order).
    private func remadeHTML(of item: Item) throws -> [UInt8] {
        let note = try remake(item.path, item.key).mapError { PageError(path: item.path, reason: $0.reason) }.get()
        guard let html = note.noteHTML else { throw PageError(path: item.path, reason: "no HTML was made") }
        try item.cache.store(note, key: item.key)
        return html
    }

    /// The page keys for the manifest, by id (sorted by ``StringKeys``: the order of the ids as `String`s).
    var manifestPages: [BuildManifest.Page] {
        let pages = pageKeys.indices.map { BuildManifest.Page(id: overview.meetingID($0), key: pageKeys[$0]) }
        var ids = StringKeys(parts: 1, capacity: pages.count)
        for page in pages { ids.add(page.id) }
        return ids.sorted().map { pages[$0] }
    }

    private static func jsonPath(_ id: String) -> String { "json/\(id).json" }
    private static func pagePath(_ id: String) -> String { "site/meetings/\(id).html" }
}
