import Extract
import Foundation
import Ingest

/// What the cache keeps of one note: its record, with the id it had before ids were made unique across the
/// archive, and the note rendered as HTML with its records marked, which is read only when a page is rendered.
struct CachedNote: Sendable {
    var meeting: Meeting
    /// The record as the cache holds it: compact JSON as UTF-8 bytes, which are also its line in JSON Lines while its
    /// id is unchanged.
    var record: [UInt8]
    /// The note's HTML, as UTF-8 bytes; `nil` until it is needed.
    var noteHTML: [UInt8]?

    init(meeting: Meeting, record: [UInt8], noteHTML: [UInt8]? = nil) {
        self.meeting = meeting
        self.record = record
        self.noteHTML = noteHTML
    }

    /// What the cache keeps of a meeting just extracted, with its note's HTML.
    init(_ meeting: Meeting, html: [UInt8]) throws {
        self.init(
            meeting: meeting,
            record: try RecordJSON.compact(meeting) ?? Array(OrderedJSONEncoder(pretty: false).encode(meeting).utf8),
            noteHTML: html
        )
    }
}

/// The cache in an output folder (`.minutes-cache/`), by which a build redoes only what changed.
///
/// A note's entry is kept in the folder's ``NotePack`` under a key of everything its record depends on: the tool's
/// version, the settings that shape records, the note's path and the SHA-256 of its bytes. A changed note gets a new
/// key; entries no build uses any more are dropped at the end of a build, with the outputs of removed notes.
struct NoteCache: Sendable {
    /// The cache's folder inside an output folder.
    static let folder = ".minutes-cache"
    /// The manifest of the last build, or of a shard.
    static let manifest = "\(folder)/manifest.jsonl"
    /// Where earlier builds kept the manifest, as one JSON document; removed when a build starts writing.
    static let legacyManifest = "\(folder)/manifest.json"
    /// Where earlier builds kept the entries, a file each; removed by the next build.
    static let legacyEntries = "\(folder)/notes"

    /// The output folder whose cache this is.
    let root: URL
    /// The entries.
    let pack: NotePack

    /// The cache of the output folder at `root`, its entries opened as `mode` says.
    ///
    /// - Throws: ``OutputFolder/WriteError`` when entries are to be written and the pack cannot be opened.
    init(root: URL, mode: NotePack.Mode = .read) throws {
        self.root = root
        pack = try NotePack(rootPath: root.path, mode: mode)
    }

    /// The key of a note's entry.
    static func key(path: String, sha256: String, settings: String) -> Digest {
        Digest(joining: [ToolVersion.current, settings, path, sha256])
    }

    /// The record of `key`, when the entry is whole; its HTML is left on disk, unread when the record fits in the
    /// first read.
    func load(_ key: Digest) -> CachedNote? {
        guard let bytes = pack.read(key, withHTML: false), let entry = Self.entry(in: bytes.record) else { return nil }
        return CachedNote(meeting: entry.meeting, record: entry.record)
    }

    /// The record and the note HTML of `key`, read at once, when the entry is whole.
    func loadWhole(_ key: Digest) -> CachedNote? {
        guard let bytes = pack.read(key, withHTML: true),
            let entry = Self.entry(in: bytes.record),
            let html = bytes.html.flatMap(Self.validHTML)
        else { return nil }
        return CachedNote(meeting: entry.meeting, record: entry.record, noteHTML: html)
    }

    /// The meeting a record holds, and its text: read by ``RecordJSONReader`` when it is what ``RecordJSON``
    /// writes, else by `JSONDecoder`, so that an older or damaged record is read, or refused, as it always was.
    ///
    /// The text is always the compact record as this build writes it (encoded again when the bytes held another
    /// shape): the JSON Lines take it as it is, and the pretty JSON is laid out from it.
    static func entry(in bytes: some Collection<UInt8>) -> (meeting: Meeting, record: [UInt8])? {
        let record = Array(bytes)
        // `RecordJSONReader` makes strings without checking their bytes, so it reads only UTF-8 text; bytes that are
        // not are left to `JSONDecoder`, which refuses them, as damage.
        let read = record.withUnsafeBufferPointer { utf8 in
            TextBytes.isValidUTF8(utf8) ? RecordJSONReader.meeting(utf8: utf8) : nil
        }
        if let read { return (read, record) }
        guard let meeting = try? JSONDecoder().decode(Meeting.self, from: Data(record)),
            let compact = RecordJSON.compact(meeting)
        else { return nil }
        return (meeting, compact)
    }

    /// The note HTML of `key`, when the entry is whole and its HTML is UTF-8.
    func loadHTML(_ key: Digest) -> [UInt8]? {
        pack.read(key, withHTML: true)?.html.flatMap(Self.validHTML)
    }

    /// `html`, read from an entry, when it is UTF-8: a page copies it as it is, so bytes that are not are refused,
    /// as damage.
    private static func validHTML(_ html: [UInt8]) -> [UInt8]? {
        TextBytes.isValidUTF8(html) ? html : nil
    }

    /// Adds `note`, with its HTML, to the cache as the entry of `key`.
    func store(_ note: CachedNote, key: Digest) throws {
        try pack.store(key, record: note.record, html: note.noteHTML ?? [])
    }

    /// Marks the entry of `key` as used by this build, so that pruning keeps it.
    func keep(_ key: Digest) {
        pack.keep(key)
    }

    /// The manifest in the output folder at `root`, or `nil` when there is none or it is damaged.
    static func loadManifest(in root: URL) -> BuildManifest? {
        BuildManifest(contentsOf: root.appendingPathComponent(manifest))
    }
}

/// What a build leaves for the next one: a fingerprint of everything it read, its summary, and for each note its
/// entry in the cache and the key its pages were rendered under.
struct BuildManifest: Sendable {
    /// One input note.
    struct Note: Codable, Sendable {
        /// The note's position in the sorted inputs of the whole archive.
        var position: Int
        /// The path as given.
        var path: String
        /// The key of its cache entry; `nil` when it could not be read.
        var key: Digest?
        /// Why it could not be read.
        var error: Diagnostic? {
            get { failure?.diagnostic }
            set { failure = newValue.map(Failure.init) }
        }
        /// `error`, held apart: a build keeps a note for every input, and few have one (72 bytes a note, not 128).
        private var failure: Failure?

        /// A diagnostic in a box of its own.
        private final class Failure: Sendable {
            let diagnostic: Diagnostic
            init(_ diagnostic: Diagnostic) { self.diagnostic = diagnostic }
        }

        init(position: Int, path: String, key: Digest? = nil, error: Diagnostic? = nil) {
            self.position = position
            self.path = path
            self.key = key
            self.error = error
        }

        private enum CodingKeys: String, CodingKey {
            case position, path, key, error
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            self.init(
                position: try container.decode(Int.self, forKey: .position),
                path: try container.decode(String.self, forKey: .path),
                key: try container.decodeIfPresent(Digest.self, forKey: .key),
                error: try container.decodeIfPresent(Diagnostic.self, forKey: .error)
            )
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(position, forKey: .position)
            try container.encode(path, forKey: .path)
            try container.encodeIfPresent(key, forKey: .key)
            try container.encodeIfPresent(error, forKey: .error)
        }
    }

    /// The key a meeting's JSON and page were written under.
    struct Page: Codable, Sendable {
        var id: String
        var key: Digest
    }

    /// The tool's version that wrote it.
    var version: String
    /// A digest of the tool's version, every setting and every input's path and bytes.
    var fingerprint: String
    /// What shaped the records: the tool's build and the record settings; the shards of one build share it.
    var settings: String
    /// A digest of the paths of every input of the whole archive; the shards of one build share it.
    var inputs: String
    /// The shard this folder holds, for `minutes merge`; `nil` for a whole build.
    var shard: Shard?
    /// How many inputs the whole archive has.
    var inputCount: Int
    /// The notes this build read, in order.
    var notes: [Note]
    /// For each meeting id, the key its JSON and page were written under, by id.
    var pages: [Page]
    /// The overview pages written (`site/index.html`, `site/people-2.html`…); none for a shard.
    var overview: [String]
    /// What the build reported.
    var summary: BuildSummary

    /// The keys the pages were written under.
    ///
    /// A key is made from the meeting's id (see ``ArchivePublisher``), so the keys alone tell whether a meeting's
    /// page is current: no id need be kept.
    var pageKeys: Set<Digest> { Set(pages.lazy.map(\.key)) }

    /// A line naming an overview page (each line of the file is a JSON object).
    fileprivate struct OverviewFile: Codable {
        var path: String
    }

    /// The first line of the file: everything but the lists, and how long each list is.
    fileprivate struct Header: Codable {
        var version: String
        var fingerprint: String
        var settings: String
        var inputs: String
        var shard: Shard?
        var inputCount: Int
        var noteCount: Int
        var pageCount: Int
        var overviewCount: Int
        var summary: BuildSummary
    }

    /// Writes the manifest to `relativePath` in `folder` as JSON Lines: the header, then a line for each note, page
    /// and overview page, so that an archive's manifest is never one document in memory, written or read.
    func write(to folder: OutputFolder, at relativePath: String) throws {
        let encoder = OrderedJSONEncoder(pretty: false)
        let stream = try OutputFolder.Stream(folder: folder, relativePath: relativePath)
        let header = Header(
            version: version,
            fingerprint: fingerprint,
            settings: settings,
            inputs: inputs,
            shard: shard,
            inputCount: inputCount,
            noteCount: notes.count,
            pageCount: pages.count,
            overviewCount: overview.count,
            summary: summary
        )
        /// Appends the line of `value`: its compact JSON, written in place, and a newline.
        func line(_ value: some Encodable) throws {
            try encoder.withEncoded(value) { try stream.append(bytes: $0) }
            try stream.append(byte: 0x0A)
        }
        try line(header)
        for note in notes { try line(note) }
        for page in pages { try line(page) }
        for file in overview { try line(OverviewFile(path: file)) }
        try stream.commit()
    }
}

extension BuildManifest {
    /// Reads a manifest written by ``write(to:at:)``; `nil` when the file is missing, damaged or cut short.
    init?(contentsOf url: URL) {
        guard let data = FileManager.default.contents(atPath: url.path),
            let manifest = data.withUnsafeBytes({ Self(text: $0.assumingMemoryBound(to: UInt8.self)) })
        else { return nil }
        self = manifest
    }

    /// Reads the text of a manifest: the lines of notes and pages by ``RecordJSONReader`` when it reads them whole,
    /// every other line, and those it does not read, by `JSONDecoder`.
    private init?(text: UnsafeBufferPointer<UInt8>) {
        // The non-empty lines, as `split(separator:)` gives them.
        var ranges: [Range<Int>] = []
        var start = 0
        for (offset, byte) in text.enumerated() where byte == 0x0A {
            if offset > start { ranges.append(start..<offset) }
            start = offset + 1
        }
        if text.count > start { ranges.append(start..<text.count) }
        var lines = ranges[...]
        let decoder = JSONDecoder()
        // `RecordJSONReader` makes strings without checking their bytes, so it reads only lines of UTF-8 text.
        let utf8 = TextBytes.isValidUTF8(text)
        typealias Read<Value> = (inout RecordJSONReader) throws(RecordJSONReader.Unexpected) -> Value
        /// The next line's value: by `read` when it reads the whole line, else by `JSONDecoder`.
        func next<Value: Decodable>(_ type: Value.Type, _ read: Read<Value>? = nil) -> Value? {
            guard let range = lines.popFirst() else { return nil }
            let line = UnsafeBufferPointer(rebasing: text[range])
            if utf8, let read, let value = RecordJSONReader.whole(utf8: line, read) { return value }
            return try? decoder.decode(Value.self, from: Data(buffer: line))
        }
        func list<Value: Decodable>(_ type: Value.Type, count: Int, _ read: Read<Value>? = nil) -> [Value]? {
            var values: [Value] = []
            values.reserveCapacity(count)
            for _ in 0..<count {
                guard let value = next(type, read) else { return nil }
                values.append(value)
            }
            return values
        }
        guard let header = next(Header.self),
            let notes = list(
                Note.self,
                count: header.noteCount,
                { reader throws(RecordJSONReader.Unexpected) in
                    try reader.manifestNote()
                }
            ),
            let pages = list(
                Page.self,
                count: header.pageCount,
                { reader throws(RecordJSONReader.Unexpected) in
                    try reader.manifestPage()
                }
            ),
            let overview = list(OverviewFile.self, count: header.overviewCount)?.map(\.path),
            lines.isEmpty
        else { return nil }
        self.init(
            version: header.version,
            fingerprint: header.fingerprint,
            settings: header.settings,
            inputs: header.inputs,
            shard: header.shard,
            inputCount: header.inputCount,
            notes: notes,
            pages: pages,
            overview: overview,
            summary: header.summary
        )
    }
}
