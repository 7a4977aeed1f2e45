import Extract
import Foundation
import Ingest
import Testing

@testable import Publish

/// Builds through ``ArchiveBuilder`` itself: whatever the cache holds, damaged or not, and however much of the archive
/// was hashed ahead, a build writes what a full build writes.
@Suite struct IncrementalBuilderTests {
    /// The notes of corpus/ copied `copies` times into `folder`, a folder a copy, sorted.
    func copyCorpus(to folder: URL, copies: Int = 1) throws -> [String] {
        let corpus = packageRoot.appendingPathComponent("corpus")
        var files: [String] = []
        for copy in 0..<copies {
            let target = folder.appendingPathComponent("copy\(copy)")
            try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
            for name in try FileManager.default.contentsOfDirectory(atPath: corpus.path).sorted()
            where name.hasSuffix(".md") || name.hasSuffix(".txt") {
                try FileManager.default.copyItem(
                    at: corpus.appendingPathComponent(name),
                    to: target.appendingPathComponent(name)
                )
                files.append(target.appendingPathComponent(name).path)
            }
        }
        return files
    }

    /// Calls `body` with the notes of corpus/ copied into a temporary folder, that folder, and an output folder in it.
    func withCorpus(_ body: (_ files: [String], _ folder: URL, _ out: URL) throws -> Void) throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let notes = folder.appendingPathComponent("notes")
        try FileManager.default.createDirectory(at: notes, withIntermediateDirectories: true)
        try body(try copyCorpus(to: notes), folder, folder.appendingPathComponent("out"))
    }

    func build(_ files: [String], into out: URL, date: String = "2021-06-01", jobs: Int = 2) throws -> BuildSummary {
        let options = BuildOptions(buildDate: try #require(CalendarDate(iso: date)), pageSize: 5, jobs: jobs)
        return try ArchiveBuilder(options: options).build(files, into: try OutputFolder(path: out.path))
    }

    /// Every file but the cache's, by relative path.
    func outputs(_ folder: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        for file in filesUnder(folder) where !file.hasPrefix(".minutes-cache/") {
            files[file] = FileManager.default.contents(atPath: folder.appendingPathComponent(file).path)
        }
        return files
    }

    /// The cache entries in `out`, as the index names them: key, offset and length.
    func entries(_ out: URL) -> [(key: String, offset: Int, length: Int)] {
        let index = NotePackTests.bytes(NotePackTests.files(out).index)
        return String(decoding: index, as: UTF8.self).split(separator: "\n").compactMap { line in
            let fields = line.split(separator: " ")
            guard fields.count == 3, let offset = Int(fields[1]), let length = Int(fields[2]) else { return nil }
            return (String(fields[0]), offset, length)
        }
    }

    @Test func damagedEntriesAreExtractedAgain() throws {
        try withCorpus { files, folder, out in
            let first = try build(files, into: out)
            #expect(first.reused == 0)
            let entries = entries(out)
            #expect(entries.count == files.count && Set(entries.map(\.key)).count == files.count)

            // Each entry damaged in place in one of the ways that leave the pack as long as it was and the record
            // unreadable, a few left whole; one more entry's index line points one byte on.
            var pack = NotePackTests.bytes(NotePackTests.files(out).pack)
            let sample = Array(pack[entries[0].offset..<entries[0].offset + entries[0].length])
            let damages = NotePackTests.damages.filter { $0.part != .html && $0.damage(sample).count == sample.count }
            #expect(damages.count >= 6 && damages.count + 2 < entries.count)
            for (entry, damage) in zip(entries, damages) {
                let range = entry.offset..<entry.offset + entry.length
                pack.replaceSubrange(range, with: damage.damage(Array(pack[range])))
            }
            try NotePackTests.write(pack, NotePackTests.files(out).pack)
            let shifted = entries[damages.count]
            var index = String(decoding: NotePackTests.bytes(NotePackTests.files(out).index), as: UTF8.self)
            index = index.replacingOccurrences(
                of: "\(shifted.key) \(shifted.offset) ",
                with: "\(shifted.key) \(shifted.offset + 1) "
            )
            try NotePackTests.write(Array(index.utf8), NotePackTests.files(out).index)
            let damaged = damages.count + 1
            // Another build date: the build runs, from the cache, and renders every page with the note's HTML.
            let second = try build(files, into: out, date: "2030-01-01")
            #expect(second.reused == files.count - damaged, "the damaged entries are misses")
            let full = folder.appendingPathComponent("full")
            _ = try build(files, into: full, date: "2030-01-01")
            #expect(outputs(out) == outputs(full))
            // The damaged entries were written again, whole.
            let third = try build(files, into: out, date: "2021-06-01")
            #expect(third.reused == files.count)
            #expect(Set(self.entries(out).map(\.key)) == Set(entries.map(\.key)))
        }
    }

    @Test func aNoteWhoseCachedHTMLIsDamagedIsMadeAgainForItsPage() throws {
        try withCorpus { files, folder, out in
            _ = try build(files, into: out)
            let entries = entries(out)

            // The HTML of some entries damaged in each way that leaves their records whole.
            var pack = NotePackTests.bytes(NotePackTests.files(out).pack)
            let damages = NotePackTests.damages.filter { $0.part == .html }
            #expect(damages.count >= 2 && damages.count < entries.count)
            for (entry, damage) in zip(entries, damages) {
                let range = entry.offset..<entry.offset + entry.length
                pack.replaceSubrange(range, with: damage.damage(Array(pack[range])))
            }
            try NotePackTests.write(pack, NotePackTests.files(out).pack)
            let cache = try NoteCache(root: out)
            let damaged = entries.prefix(damages.count).compactMap { Digest(hexDigits: Array($0.key.utf8)) }
            #expect(damaged.count == damages.count)
            #expect(damaged.allSatisfy { cache.load($0) != nil && cache.loadHTML($0) == nil })

            // Another build date: every page is rendered again, those of the damaged entries from their notes made again.
            let second = try build(files, into: out, date: "2030-01-01")
            #expect(second.reused == files.count, "the records are whole")
            let full = folder.appendingPathComponent("full")
            _ = try build(files, into: full, date: "2030-01-01")
            #expect(outputs(out) == outputs(full))
            // The entries were stored again, whole.
            let mended = try NoteCache(root: out)
            #expect(damaged.allSatisfy { mended.loadHTML($0) != nil })
            #expect(Set(self.entries(out).map(\.key)) == Set(entries.map(\.key)))
        }
    }

    @Test func mergeMakesAgainAnEntryWhoseHTMLIsDamagedInAShard() throws {
        try withCorpus { files, folder, out in
            let date = try #require(CalendarDate(iso: "2021-06-01"))
            var shards: [URL] = []
            for index in 0..<2 {
                var options = BuildOptions(buildDate: date, pageSize: 5, jobs: 2)
                options.shard = Shard("\(index)/2")
                let shard = folder.appendingPathComponent("shard-\(index)")
                _ = try ArchiveBuilder(options: options).build(files, into: try OutputFolder(path: shard.path))
                shards.append(shard)
            }
            // The HTML of the first shard's first entry damaged, its record whole: a shard build finds it up to date.
            let entry = try #require(entries(shards[0]).first)
            var pack = NotePackTests.bytes(NotePackTests.files(shards[0]).pack)
            let range = entry.offset..<entry.offset + entry.length
            let damage = try #require(NotePackTests.damages.first { $0.part == .html })
            pack.replaceSubrange(range, with: damage.damage(Array(pack[range])))
            try NotePackTests.write(pack, NotePackTests.files(shards[0]).pack)

            let options = BuildOptions(buildDate: date, pageSize: 5, jobs: 2)
            let merged = try ArchiveBuilder(options: options).merge(
                shards.map(\.path),
                into: try OutputFolder(path: out.path)
            )
            #expect(merged.errors == 0)
            let whole = folder.appendingPathComponent("whole")
            _ = try build(files, into: whole)
            #expect(outputs(out) == outputs(whole))
        }
    }

    @Test func theEntriesOfEarlierBuildsAFileEachAreRemovedWithTheirFolder() throws {
        try withCorpus { files, folder, out in
            let legacy = out.appendingPathComponent(NoteCache.legacyEntries)
            try FileManager.default.createDirectory(at: legacy, withIntermediateDirectories: true)
            try Data("{}".utf8).write(to: legacy.appendingPathComponent(String(repeating: "ab", count: 32) + ".note"))
            let summary = try build(files, into: out)
            #expect(summary.pruned.contains { $0.hasPrefix(NoteCache.legacyEntries + "/") })
            #expect(!FileManager.default.fileExists(atPath: legacy.path))
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(NoteCache.folder).path))
        }
    }

    @Test(arguments: [1, 2])
    func aBuildHashingPartOfTheArchiveAheadEqualsAFullBuild(jobs: Int) throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let notes = folder.appendingPathComponent("notes")
        try FileManager.default.createDirectory(at: notes, withIntermediateDirectories: true)
        // More notes than are hashed ahead in one batch with one job (64), fewer than with two.
        let files = try copyCorpus(to: notes, copies: 5)
        #expect(files.count > 64 && files.count < 128)
        let out = folder.appendingPathComponent("out")
        _ = try build(files, into: out, jobs: jobs)
        let again = try build(files, into: out, jobs: jobs)
        #expect(again.upToDate && again.reused == files.count)

        // A note in the middle changes: the notes before it were hashed ahead, the ones after it are hashed as
        // they are produced.
        let changed = files[files.count / 3]
        let text = try String(contentsOfFile: changed, encoding: .utf8)
        try (text + "\n- A late addition\n").write(toFile: changed, atomically: true, encoding: .utf8)
        let incremental = try build(files, into: out, jobs: jobs)
        #expect(!incremental.upToDate && incremental.reused == files.count - 1)
        let full = folder.appendingPathComponent("full")
        let fresh = try build(files, into: full, jobs: jobs)
        #expect(fresh.reused == 0)
        #expect(outputs(out) == outputs(full))
        #expect(
            FileManager.default.contents(atPath: out.appendingPathComponent(NoteCache.manifest).path)
                == FileManager.default.contents(atPath: full.appendingPathComponent(NoteCache.manifest).path)
        )
        #expect(try build(files, into: out, jobs: jobs).upToDate)
        #expect(try build(files, into: full, jobs: jobs).upToDate)
    }
}
