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

    /// The cache entries in `out`.
    func entries(_ out: URL) -> [String] {
        filesUnder(out).filter { $0.hasPrefix(".minutes-cache/notes/") }.map { out.appendingPathComponent($0).path }
    }

    @Test func damagedEntriesAreExtractedAgain() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let notes = folder.appendingPathComponent("notes")
        try FileManager.default.createDirectory(at: notes, withIntermediateDirectories: true)
        let files = try copyCorpus(to: notes)
        let out = folder.appendingPathComponent("out")
        let first = try build(files, into: out)
        #expect(first.reused == 0)
        let entries = entries(out)
        #expect(entries.count == files.count && entries.allSatisfy { $0.hasSuffix(".note") })

        // Each entry damaged in one of the ways a cache entry can be, a few left whole.
        let damages = NoteCacheEntryTests.damages
        for (index, entry) in entries.enumerated() where index < damages.count {
            let bytes = Array(try #require(FileManager.default.contents(atPath: entry)))
            try Data(damages[index].damage(bytes)).write(to: URL(fileURLWithPath: entry))
        }
        let damaged = min(entries.count, damages.count)
        // Another build date: the build runs, from the cache, and renders every page with the note's HTML.
        let second = try build(files, into: out, date: "2030-01-01")
        #expect(second.reused == files.count - damaged, "the damaged entries are misses")
        let full = folder.appendingPathComponent("full")
        _ = try build(files, into: full, date: "2030-01-01")
        #expect(outputs(out) == outputs(full))
        // The damaged entries were written again, whole.
        let third = try build(files, into: out, date: "2021-06-01")
        #expect(third.reused == files.count)
        #expect(Set(self.entries(out)) == Set(entries))
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
