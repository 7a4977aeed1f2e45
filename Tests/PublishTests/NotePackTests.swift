import Dispatch
import Extract
import Foundation
import Ingest
import Testing

@testable import Publish

/// The cache's entries live in one pack with an index: each reads back whole, any damage to an entry or to the index
/// is a cache miss (never a crash or another note's record), entries written by a build killed half-way are found
/// by the next, and pruning keeps what the build used.
@Suite struct NotePackTests {
    /// A note of corpus/, extracted and rendered.
    static func corpusNote() throws -> (meeting: Meeting, html: [UInt8]) {
        let note = packageRoot.appendingPathComponent("corpus/bold-labels.md").path
        let document = try NoteIngestor(options: IngestOptions(rendersHTML: true)).ingest(path: note)
        let meeting = MeetingExtractor().extract(document)
        return (meeting, SiteRenderer.noteHTML(meeting, document: document))
    }

    static func key(_ name: String) -> Digest { NoteCache.key(path: name, sha256: "x", settings: "y") }

    /// The pack's and the index's paths in `root`.
    static func files(_ root: URL) -> (pack: String, index: String) {
        (root.appendingPathComponent(NotePack.packPath).path, root.appendingPathComponent(NotePack.indexPath).path)
    }

    /// The bytes of the file at `path`; an empty one is not read, since Foundation leaks the buffer it allocates for
    /// a file of no bytes (LeakSanitizer, swift-foundation of Swift 6.3).
    static func bytes(_ path: String) -> [UInt8] {
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        return size == 0 ? [] : FileManager.default.contents(atPath: path).map(Array.init) ?? []
    }

    static func write(_ bytes: [UInt8], _ path: String) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    /// A cache in a new folder holding the entry of one corpus note, and what was stored.
    func withEntry(_ body: (URL, Digest, CachedNote) throws -> Void) throws {
        let root = try makeTemporaryFolder().standardizedFileURL
        defer { try? FileManager.default.removeItem(at: root) }
        let (meeting, html) = try Self.corpusNote()
        let key = Self.key("a.md")
        let stored = try CachedNote(meeting, html: html)
        try NoteCache(root: root, mode: .append).store(stored, key: key)
        try body(root, key, stored)
    }

    @Test func anEntryReadsBackWhole() throws {
        try withEntry { root, key, stored in
            let cache = try NoteCache(root: root)
            let loaded = try #require(cache.load(key))
            #expect(loaded.meeting == stored.meeting && loaded.record == stored.record && loaded.noteHTML == nil)
            #expect(cache.loadHTML(key) == stored.noteHTML)
            let whole = try #require(cache.loadWhole(key))
            #expect(whole.record == stored.record && whole.noteHTML == stored.noteHTML)
            // The pack: a header of the key and the two lengths, the record's line, the HTML and a line feed.
            let html = try #require(stored.noteHTML)
            let record = String(decoding: stored.record, as: UTF8.self)
            let entry =
                "\(key) \(stored.record.count) \(html.count)\n\(record)\n\(String(decoding: html, as: UTF8.self))\n"
            #expect(Self.bytes(Self.files(root).pack) == Array(entry.utf8))
            #expect(Self.bytes(Self.files(root).index) == Array("\(key) 0 \(entry.utf8.count)\n".utf8))
            #expect(!stored.record.contains(0x0A))
        }
    }

    /// Ways the one entry of a pack is damaged, each read as no entry at all (the HTML is still read when only the
    /// record is damaged, and the record when only the HTML is).
    static let damages: [(name: String, part: Part, damage: @Sendable ([UInt8]) -> [UInt8])] = [
        ("empty pack", .whole, { _ in [] }),
        ("cut short in the header", .whole, { Array($0.prefix(70)) }),
        ("cut short inside the record", .whole, { Array($0.prefix(firstNewline($0) + 40)) }),
        ("cut short at the record's end", .whole, { Array($0.prefix(secondNewline($0))) }),
        ("cut short inside the HTML", .whole, { Array($0.dropLast(7)) }),
        ("cut by one byte", .whole, { Array($0.dropLast()) }),
        ("another key in the header", .whole, { replacing($0, at: 0, with: $0[0] == 0x30 ? 0x31 : 0x30) }),
        ("record's length changed", .whole, { replacing($0, at: 65, with: $0[65] == 0x39 ? 0x38 : $0[65] + 1) }),
        ("header without its newline", .whole, { replacing($0, at: firstNewline($0), with: 0x20) }),
        ("length not digits", .whole, { replacing($0, at: 65, with: 0x2D) }),
        ("no newline after the record", .whole, { replacing($0, at: secondNewline($0), with: 0x20) }),
        ("zeros", .whole, { [UInt8](repeating: 0, count: $0.count) }),
        ("a length past Int.max", .whole, { withLengths($0, "9999999999999999999", "0") }),
        ("lengths whose sum overflows", .whole, { withLengths($0, "999999999999999999", "999999999999999999") }),
        ("lengths of eighteen digits", .whole, { withLengths($0, "000000000000000001", "0") }),
        ("record not UTF-8", .record, { replacing($0, at: firstNewline($0) + 20, with: 0xFF) }),
        ("record not JSON", .record, { replacing($0, at: firstNewline($0) + 1, with: 0x5B) }),
        ("HTML not UTF-8", .html, { replacing($0, at: $0.count - 3, with: 0xC3) }),
        ("no newline after the HTML", .html, { replacing($0, at: $0.count - 1, with: 0x20) }),
    ]

    /// What a damage leaves readable.
    enum Part: Sendable { case whole, record, html }

    static func replacing(_ bytes: [UInt8], at index: Int, with byte: UInt8) -> [UInt8] {
        var bytes = bytes
        bytes[index] = byte
        return bytes
    }

    /// `bytes` with the header's two lengths spelled `record` and `html`.
    static func withLengths(_ bytes: [UInt8], _ record: String, _ html: String) -> [UInt8] {
        Array(bytes[..<65]) + Array("\(record) \(html)".utf8) + Array(bytes[firstNewline(bytes)...])
    }

    static func firstNewline(_ bytes: [UInt8]) -> Int { bytes.firstIndex(of: 0x0A) ?? 0 }
    static func secondNewline(_ bytes: [UInt8]) -> Int {
        bytes[(firstNewline(bytes) + 1)...].firstIndex(of: 0x0A) ?? 0
    }

    @Test(arguments: damages.indices)
    func aDamagedEntryIsAMiss(damage: Int) throws {
        try withEntry { root, key, stored in
            let path = Self.files(root).pack
            let bytes = Self.bytes(path)
            let (name, part, change) = Self.damages[damage]
            let damaged = change(bytes)
            #expect(damaged != bytes, "\(name)")
            try Self.write(damaged, path)
            for mode in [NotePack.Mode.read, .append] {
                let cache = try NoteCache(root: root, mode: mode)
                #expect((cache.load(key) != nil) == (part == .html), "\(name)")
                #expect((cache.loadHTML(key) == stored.noteHTML) == (part == .record), "\(name)")
                #expect(cache.loadWhole(key) == nil, "\(name)")
            }
        }
    }

    /// An index line that does not name its entry, or names no entry, is a miss; the other lines are read.
    @Test func aDamagedIndexLineIsAMiss() throws {
        let lines: [(name: String, line: (Digest, Int) -> String)] = [
            ("offset one on", { key, length in "\(key) 1 \(length)" }),
            ("length one short", { key, length in "\(key) 0 \(length - 1)" }),
            ("length one more", { key, length in "\(key) 0 \(length + 1)" }),
            ("past the pack's end", { key, length in "\(key) \(length) \(length)" }),
            ("no length", { key, _ in "\(key) 0" }),
            ("a length of nothing", { key, _ in "\(key) 0 0" }),
            ("a sign", { key, length in "\(key) -0 \(length)" }),
            ("too many digits", { key, length in "\(key) 0000000000000000000 \(length)" }),
            ("short key", { key, length in "\(String(key.description.dropLast())) 0 \(length)" }),
            ("upper-case key", { key, length in "\(key.description.uppercased()) 0 \(length)" }),
        ]
        for (name, line) in lines {
            try withEntry { root, key, stored in
                let length = Self.bytes(Self.files(root).pack).count
                try Self.write(Array("\(line(key, length))\n".utf8), Self.files(root).index)
                #expect(try NoteCache(root: root).load(key) == nil, "\(name)")
                // The line as it was, after a damaged one and before a line cut short: read.
                try Self.write(Array("\(line(key, length))\n\(key) 0 \(length)\n\(key) 0".utf8), Self.files(root).index)
                #expect(try NoteCache(root: root).loadWhole(key)?.noteHTML == stored.noteHTML, "\(name)")
            }
        }
    }

    /// The pack and the index are replaced, never written through: a symbolic link to a file outside, a file
    /// hard-linked into a snapshot, a read-only file.
    @Test func aPackReplacesWhatStoodAtItsPath() throws {
        let outside = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: outside) }
        let (meeting, html) = try Self.corpusNote()
        for standing in ["symbolic link", "hard link", "read-only file"] {
            for (which, mode) in [\(pack: String, index: String).pack, \.index].flatMap({ which in
                [NotePack.Mode.append, .fresh].map { (which, $0) }
            }) {
                let root = try makeTemporaryFolder().standardizedFileURL
                defer { try? FileManager.default.removeItem(at: root) }
                try FileManager.default.createDirectory(
                    at: root.appendingPathComponent(NoteCache.folder),
                    withIntermediateDirectories: true
                )
                let path = Self.files(root)[keyPath: which]
                let other = outside.appendingPathComponent(standing).path
                try Self.write(Array("untouched".utf8), other)
                switch standing {
                case "symbolic link":
                    try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: other)
                case "hard link": try FileManager.default.linkItem(atPath: other, toPath: path)
                default:
                    try Self.write(Array("old".utf8), path)
                    try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: path)
                }
                let key = Self.key("a.md")
                try NoteCache(root: root, mode: mode).store(try CachedNote(meeting, html: html), key: key)
                #expect(try String(contentsOfFile: other, encoding: .utf8) == "untouched", "\(standing), \(mode)")
                #expect(try NoteCache(root: root).loadWhole(key)?.noteHTML == html, "\(standing)")
                try FileManager.default.removeItem(atPath: other)
            }
        }
    }

    @Test func aMissingEntryIsAMiss() throws {
        let root = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let key = Self.key("a.md")
        for mode in [NotePack.Mode.read, .append] {
            let cache = try NoteCache(root: root, mode: mode)
            #expect(cache.pack.isEmpty && !cache.pack.contains(key))
            #expect(cache.load(key) == nil && cache.loadHTML(key) == nil && cache.loadWhole(key) == nil)
        }
    }

    /// A record longer than the first read is read on until its end, and an entry cut inside it is a miss.
    @Test(arguments: [0, 1, 5, 16 * 1024 - 200, 16 * 1024 - 110, 16 * 1024 - 100, 16 * 1024, 70_000, 300_000])
    func recordsOfEveryLengthAreReadWhole(length: Int) throws {
        let record = String(repeating: "r", count: max(1, length))
        for html in ["", "<p>é</p>\n", String(repeating: "h", count: 20_000)] {
            let root = try makeTemporaryFolder()
            defer { try? FileManager.default.removeItem(at: root) }
            let key = Self.key("a.md")
            try NotePack(rootPath: root.path, mode: .append).store(
                key,
                record: Array(record.utf8),
                html: Array(html.utf8)
            )
            let pack = try NotePack(rootPath: root.path, mode: .read)
            let first = try #require(pack.read(key, withHTML: false))
            #expect(first.record == Array(record.utf8) && first.html == nil)
            let whole = try #require(pack.read(key, withHTML: true))
            #expect(whole.record == Array(record.utf8) && whole.html == Array(html.utf8))
            // Cut inside the record, with the index left saying how long the entry was.
            let path = Self.files(root).pack
            let bytes = Self.bytes(path)
            try Self.write(Array(bytes.prefix(Self.firstNewline(bytes) + 1 + record.utf8.count / 2)), path)
            let cut = try NotePack(rootPath: root.path, mode: .read)
            #expect(cut.read(key, withHTML: false) == nil && cut.read(key, withHTML: true) == nil)
        }
    }

    /// Entries stored by many threads at once each get their own part of the pack and their own index line.
    @Test func entriesStoredAtOnceAreEachReadBack() throws {
        let root = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let pack = try NotePack(rootPath: root.path, mode: .append)
        let count = 400
        // Lengths that differ, so that a mixed-up offset reads another entry's header.
        @Sendable func record(_ number: Int) -> [UInt8] {
            Array("{\"n\":\(number),\"pad\":\"\(String(repeating: "x", count: number % 37))\"}".utf8)
        }
        @Sendable func html(_ number: Int) -> [UInt8] {
            Array(String(repeating: "<p>\(number)</p>", count: number % 11).utf8)
        }
        let failures = ParallelMap.map(Array(0..<count), jobs: 4) { number in
            Result { try pack.store(Self.key("\(number)"), record: record(number), html: html(number)) }
        }
        #expect(failures.allSatisfy { (try? $0.get()) != nil })
        let reopened = try NotePack(rootPath: root.path, mode: .read)
        for number in 0..<count {
            let read = reopened.read(Self.key("\(number)"), withHTML: true)
            #expect(read?.record == record(number) && read?.html == html(number), "\(number)")
        }
        #expect(
            String(decoding: Self.bytes(Self.files(root).index), as: UTF8.self).split(separator: "\n").count == count
        )
    }

    /// What a build killed half-way stored is found by the next; a line cut short at the index's end, and an entry
    /// whose line was never written, are not.
    @Test func entriesOfAnInterruptedBuildAreFound() throws {
        let root = try makeTemporaryFolder().standardizedFileURL
        defer { try? FileManager.default.removeItem(at: root) }
        let first = try NotePack(rootPath: root.path, mode: .append)
        try first.store(Self.key("a"), record: Array("{\"a\":1}".utf8), html: Array("<p>a</p>".utf8))
        try first.prune(in: try OutputFolder(path: root.path))
        // The next build stores two entries and is killed while writing the second's index line.
        let second = try NotePack(rootPath: root.path, mode: .append)
        try second.store(Self.key("b"), record: Array("{\"b\":2}".utf8), html: [])
        try second.store(Self.key("c"), record: Array("{\"c\":3}".utf8), html: [])
        let index = Self.files(root).index
        try Self.write(Array(Self.bytes(index).dropLast(5)), index)
        let third = try NotePack(rootPath: root.path, mode: .append)
        #expect(third.read(Self.key("a"), withHTML: true)?.html == Array("<p>a</p>".utf8))
        #expect(third.read(Self.key("b"), withHTML: false)?.record == Array("{\"b\":2}".utf8))
        #expect(third.read(Self.key("c"), withHTML: false) == nil)
        // A later line for a key wins: the entry stored again is the one read.
        try third.store(Self.key("a"), record: Array("{\"a\":4}".utf8), html: [])
        #expect(
            try NotePack(rootPath: root.path, mode: .read).read(Self.key("a"), withHTML: false)?.record
                == Array("{\"a\":4}".utf8)
        )
        // A fresh pack holds nothing of what was there.
        let fresh = try NotePack(rootPath: root.path, mode: .fresh)
        #expect(fresh.isEmpty && Self.bytes(Self.files(root).pack).isEmpty && Self.bytes(index).isEmpty)
    }

    /// Pruning writes the index with the entries the build used alone, and the pack again only when the others
    /// take more than half of it; an index left naming the old pack finds misses, not other entries.
    @Test func pruningKeepsWhatTheBuildUsed() throws {
        let root = try makeTemporaryFolder().standardizedFileURL
        defer { try? FileManager.default.removeItem(at: root) }
        let names = ["a", "b", "c", "d"]
        func record(_ name: String) -> [UInt8] { Array("{\"\(name)\":\"\(String(repeating: name, count: 50))\"}".utf8) }
        let writer = try NotePack(rootPath: root.path, mode: .append)
        for name in names { try writer.store(Self.key(name), record: record(name), html: Array("<p>\(name)</p>".utf8)) }
        try writer.prune(in: try OutputFolder(path: root.path))
        let (pack, index) = Self.files(root)
        let whole = Self.bytes(pack)
        let oldIndex = Self.bytes(index)

        // Three of four used: the index names them alone; the pack stays as it was.
        let most = try NotePack(rootPath: root.path, mode: .append)
        for name in ["a", "b", "d"] { most.keep(Self.key(name)) }
        most.keep(Self.key("never stored"))
        try most.prune(in: try OutputFolder(path: root.path))
        #expect(Self.bytes(pack) == whole)
        #expect(String(decoding: Self.bytes(index), as: UTF8.self).split(separator: "\n").count == 3)
        let afterMost = try NotePack(rootPath: root.path, mode: .read)
        #expect(afterMost.read(Self.key("c"), withHTML: false) == nil)
        for name in ["a", "b", "d"] { #expect(afterMost.read(Self.key(name), withHTML: false)?.record == record(name)) }

        // One of four used: the pack is written again with it alone.
        let one = try NotePack(rootPath: root.path, mode: .append)
        one.keep(Self.key("d"))
        try one.prune(in: try OutputFolder(path: root.path))
        let entry = NoteCacheEntry.bytes(key: Self.key("d"), record: record("d"), html: Array("<p>d</p>".utf8))
        #expect(Self.bytes(pack) == entry)
        #expect(Self.bytes(index) == Array("\(Self.key("d")) 0 \(entry.count)\n".utf8))
        #expect(
            try NotePack(rootPath: root.path, mode: .read).read(Self.key("d"), withHTML: true)?.html
                == Array("<p>d</p>".utf8)
        )
        #expect(filesUnder(root.appendingPathComponent(NoteCache.folder)).sorted() == ["notes.index", "notes.pack"])

        // The old index over the new pack (a build killed between the two renames): every line a miss.
        try Self.write(oldIndex, index)
        let stale = try NotePack(rootPath: root.path, mode: .read)
        for name in names { #expect(stale.read(Self.key(name), withHTML: false) == nil, "\(name)") }

        // Nothing used: both empty.
        let none = try NotePack(rootPath: root.path, mode: .append)
        try none.prune(in: try OutputFolder(path: root.path))
        #expect(Self.bytes(pack).isEmpty && Self.bytes(index).isEmpty)
    }
}
