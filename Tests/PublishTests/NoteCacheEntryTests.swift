import Extract
import Foundation
import Ingest
import Testing

@testable import Publish

/// A note's cache entry is one file: read back whole, and any damage to it is a cache miss, never a crash or a wrong
/// record.
@Suite struct NoteCacheEntryTests {
    /// A cache in a new folder holding the entry of one corpus note, and what was stored.
    func withEntry(_ body: (NoteCache, Digest, CachedNote, String) throws -> Void) throws {
        let root = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let note = packageRoot.appendingPathComponent("corpus/bold-labels.md").path
        let document = try NoteIngestor(options: IngestOptions(rendersHTML: true)).ingest(path: note)
        let meeting = MeetingExtractor().extract(document)
        let html = SiteRenderer.noteHTML(meeting, document: document)
        let folder = try OutputFolder(path: root.path)
        let key = NoteCache.key(path: note, sha256: "x", settings: "y")
        let stored = try NoteCache.store(meeting, html: html, key: key, in: folder)
        let path = root.standardizedFileURL.path + "/" + NoteCache.entryPath(key)
        try body(NoteCache(root: folder.root), key, stored, path)
    }

    @Test func anEntryReadsBackWhole() throws {
        try withEntry { cache, key, stored, path in
            let loaded = try #require(cache.load(key))
            #expect(loaded.meeting == stored.meeting && loaded.record == stored.record && loaded.noteHTML == nil)
            #expect(cache.loadHTML(key) == stored.noteHTML)
            let whole = try #require(cache.loadWhole(key))
            #expect(whole.record == stored.record && whole.noteHTML == stored.noteHTML)
            // One file: the HTML's length, the record's line, the HTML.
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let html = try #require(stored.noteHTML)
            #expect(
                text
                    == "\(html.count)\n\(String(decoding: stored.record, as: UTF8.self))\n\(String(decoding: html, as: UTF8.self))"
            )
            #expect(!stored.record.contains(0x0A))
        }
    }

    /// Ways an entry's bytes are damaged, each read as no entry at all.
    static let damages: [(name: String, damage: @Sendable ([UInt8]) -> [UInt8])] = [
        ("empty file", { _ in [] }),
        ("cut short in the length", { Array($0.prefix(1)) }),
        ("cut short inside the record", { Array($0.prefix(40)) }),
        ("cut short at the record's end", { bytes in Array(bytes.prefix(through: secondNewline(bytes) - 1)) }),
        ("cut short inside the HTML", { Array($0.dropLast(7)) }),
        ("cut by one byte", { Array($0.dropLast()) }),
        ("longer than it says", { $0 + Array("<p>more</p>".utf8) }),
        (
            "no newline after the record",
            { bytes in
                var b = bytes; b.remove(at: secondNewline(bytes)); return b
            }
        ),
        (
            "newline replaced",
            { bytes in
                var b = bytes; b[secondNewline(bytes)] = 0x20; return b
            }
        ),
        (
            "record not UTF-8",
            { bytes in
                var b = bytes; b[firstNewline(bytes) + 20] = 0xFF; return b
            }
        ),
        (
            "record not JSON",
            { bytes in
                var b = bytes; b[firstNewline(bytes) + 1] = 0x5B; return b
            }
        ),
        ("no length", { Array($0.dropFirst(firstNewline($0) + 1)) }),
        (
            "length not digits",
            { bytes in
                var b = bytes; b[0] = 0x2D; return b
            }
        ),
        ("only the old record file", { bytes in Array(bytes[(firstNewline(bytes) + 1)..<secondNewline(bytes)]) }),
    ]

    /// The damages that leave the entry's layout whole, and the HTML with it.
    static let recordOnly: Set = ["record not UTF-8", "record not JSON"]

    static func firstNewline(_ bytes: [UInt8]) -> Int { bytes.firstIndex(of: 0x0A) ?? 0 }
    static func secondNewline(_ bytes: [UInt8]) -> Int {
        bytes[(firstNewline(bytes) + 1)...].firstIndex(of: 0x0A) ?? 0
    }

    @Test(arguments: damages.indices)
    func aDamagedEntryIsAMiss(damage: Int) throws {
        try withEntry { cache, key, _, path in
            let bytes = try #require(FileManager.default.contents(atPath: path))
            let damaged = Self.damages[damage].damage(Array(bytes))
            #expect(damaged != Array(bytes))
            try Data(damaged).write(to: URL(fileURLWithPath: path))
            let name = Self.damages[damage].name
            #expect(cache.load(key) == nil, "\(name)")
            // The record damaged in place leaves the HTML whole, which only a loaded record's page asks for.
            if !Self.recordOnly.contains(name) { #expect(cache.loadHTML(key) == nil, "\(name)") }
            #expect(cache.loadWhole(key) == nil, "\(name)")
        }
    }

    @Test func anEntryWhoseHTMLIsNotUTF8GivesNoHTML() throws {
        try withEntry { cache, key, _, path in
            var bytes = Array(try #require(FileManager.default.contents(atPath: path)))
            bytes[bytes.count - 3] = 0xC3
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            // The record is whole and read; the HTML, which is what is damaged, is refused.
            #expect(cache.load(key) != nil)
            #expect(cache.loadHTML(key) == nil)
            #expect(cache.loadWhole(key) == nil)
        }
    }

    /// An entry is written in place, but what stood at its path is replaced, never written through: a symbolic
    /// link to a file outside, a file hard-linked into a snapshot, a read-only file.
    @Test func anEntryReplacesWhatStoodAtItsPath() throws {
        let outside = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: outside) }
        for standing in ["symbolic link", "hard link", "read-only file"] {
            try withEntry { cache, key, stored, path in
                let other = outside.appendingPathComponent(standing).path
                try Data("untouched".utf8).write(to: URL(fileURLWithPath: other))
                try FileManager.default.removeItem(atPath: path)
                switch standing {
                case "symbolic link":
                    try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: other)
                case "hard link": try FileManager.default.linkItem(atPath: other, toPath: path)
                default:
                    try Data("old".utf8).write(to: URL(fileURLWithPath: path))
                    try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: path)
                }
                let folder = try OutputFolder(path: cache.root.path)
                try NoteCache.store(stored, key: key, in: folder)
                #expect(try String(contentsOfFile: other, encoding: .utf8) == "untouched", "\(standing)")
                #expect(cache.loadWhole(key)?.noteHTML == stored.noteHTML, "\(standing)")
            }
        }
    }

    @Test func aMissingEntryIsAMiss() throws {
        let root = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let cache = NoteCache(root: root)
        let key = NoteCache.key(path: "a.md", sha256: "x", settings: "y")
        #expect(cache.load(key) == nil && cache.loadHTML(key) == nil && cache.loadWhole(key) == nil)
    }

    /// A record longer than the first read is read on until its end, and an entry cut inside it is still a miss.
    @Test(arguments: [0, 1, 5, 16 * 1024 - 2, 16 * 1024 - 1, 16 * 1024, 16 * 1024 + 1, 70_000, 300_000])
    func recordsOfEveryLengthAreReadWhole(length: Int) throws {
        let root = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let path = root.path + "/entry.note"
        let record = String(repeating: "r", count: max(1, length))
        for html in ["", "<p>é</p>\n", String(repeating: "h", count: 20_000)] {
            let entry = NoteCacheEntry.bytes(record: Array(record.utf8), html: Array(html.utf8))
            #expect(entry == Array("\(html.utf8.count)\n\(record)\n\(html)".utf8))
            try Data(entry).write(to: URL(fileURLWithPath: path))
            let first = try #require(NoteCacheEntry.read(path: path, withHTML: false))
            #expect(first.record == Array(record.utf8) && first.html == nil)
            let whole = try #require(NoteCacheEntry.read(path: path, withHTML: true))
            #expect(whole.record == Array(record.utf8) && whole.html == Array(html.utf8))
            // Cut inside the record.
            let cut = Array(entry.prefix(record.utf8.count / 2 + 2))
            try Data(cut).write(to: URL(fileURLWithPath: path))
            #expect(NoteCacheEntry.read(path: path, withHTML: false) == nil)
            #expect(NoteCacheEntry.read(path: path, withHTML: true) == nil)
        }
    }
}
