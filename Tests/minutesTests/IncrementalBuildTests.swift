import Foundation
import Testing

/// The cache, sharding and reporting of `minutes build`: an incremental build equals a full one byte for byte, a
/// sharded build merged equals one build, and a build says what it did.
@Suite(.serialized) struct IncrementalBuildTests {
    /// Runs `body` with a copy of corpus/ to change (`notes`) in a new folder, removed afterwards.
    func withNotes(_ body: (_ notes: URL, _ folder: URL) throws -> Void) throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(
            at: packageRoot.appendingPathComponent("corpus"),
            to: folder.appendingPathComponent("notes")
        )
        // Expected records are not notes.
        for file in filesUnder(folder) where file.hasSuffix(".expected.json") {
            try FileManager.default.removeItem(at: folder.appendingPathComponent(file))
        }
        try body(folder.appendingPathComponent("notes"), folder)
    }

    func build(_ notes: URL, _ out: URL, _ extra: [String] = []) throws -> RunResult {
        let result = try runMinutes(
            ["build", notes.path, "--out", out.path, "--build-date", "2021-06-01", "--jobs", "2"] + extra
        )
        #expect(result.status == 0, "\(result.stderr)")
        return result
    }

    /// Every file under `folder` with its bytes.
    func contents(_ folder: URL) throws -> [String: Data] {
        var found: [String: Data] = [:]
        for file in filesUnder(folder) { found[file] = try Data(contentsOf: folder.appendingPathComponent(file)) }
        return found
    }

    /// The pack and the index of the cache's entries, whose layout depends on the builds that made them.
    static let packFiles: Set = [".minutes-cache/notes.pack", ".minutes-cache/notes.index"]

    /// Every file under `folder` with its bytes, the cache's pack read as its entries: the bytes of each entry the
    /// index names, by its index line's key.
    func contentsWithEntries(_ folder: URL) throws -> [String: Data] {
        var found = try contents(folder).filter { !Self.packFiles.contains($0.key) }
        let pack = try Data(contentsOf: folder.appendingPathComponent(".minutes-cache/notes.pack"))
        let index = try String(contentsOf: folder.appendingPathComponent(".minutes-cache/notes.index"), encoding: .utf8)
        for line in index.split(separator: "\n") {
            let fields = line.split(separator: " ")
            let offset = try #require(Int(fields[1]))
            let length = try #require(Int(fields[2]))
            found["entry \(fields[0])"] = pack.subdata(in: offset..<offset + length)
        }
        return found
    }

    /// Whether two output folders hold the same files, and caches with the same entries.
    func expectSame(_ first: URL, _ second: URL) throws {
        let left = try contentsWithEntries(first)
        let right = try contentsWithEntries(second)
        #expect(left.keys.contains { $0.hasPrefix("entry ") })
        #expect(left.keys.sorted() == right.keys.sorted())
        for (file, data) in left where right[file] != data { Issue.record("\(file) differs") }
    }

    @Test func anIncrementalBuildEqualsAFullBuild() throws {
        try withNotes { notes, folder in
            let incremental = folder.appendingPathComponent("incremental")
            let first = try build(notes, incremental)
            #expect(
                first.stderr.contains("17 meetings") && first.stderr.contains("0 from the cache"),
                "\(first.stderr)"
            )

            // A changed note, a removed one and a new one.
            let changed = notes.appendingPathComponent("github-style.md")
            var text = try String(contentsOf: changed, encoding: .utf8)
            text += "\n- [ ] @ann to send the minutes round by 2021-07-01\n"
            try text.write(to: changed, atomically: true, encoding: .utf8)
            try FileManager.default.removeItem(at: notes.appendingPathComponent("windows-1252.txt"))
            try FileManager.default.copyItem(
                at: notes.appendingPathComponent("bold-labels.md"),
                to: notes.appendingPathComponent("zz-bold-labels-copy.md")
            )
            let second = try build(notes, incremental)
            #expect(second.stderr.contains("17 meetings"), "\(second.stderr)")
            #expect(second.stderr.contains("15 from the cache"), "only the changed and the new note are extracted")

            let full = folder.appendingPathComponent("full")
            _ = try build(notes, full)
            try expectSame(incremental, full)
        }
    }

    /// The file number of each meeting's JSON and page in `out`: a file written again (through a temporary) gets a
    /// new one.
    func pageNumbers(_ out: URL) throws -> [String: Int] {
        var found: [String: Int] = [:]
        for file in filesUnder(out) where file.hasPrefix("site/meetings/") || file.hasPrefix("json/") {
            let attributes = try FileManager.default.attributesOfItem(atPath: out.appendingPathComponent(file).path)
            found[file] = try #require(attributes[.systemFileNumber] as? Int)
        }
        return found
    }

    @Test func onlyTheChangedMeetingsPagesAreWrittenAgain() throws {
        try withNotes { notes, folder in
            let out = folder.appendingPathComponent("out")
            _ = try build(notes, out)
            let before = try pageNumbers(out)
            let changed = notes.appendingPathComponent("github-style.md")
            try (try String(contentsOf: changed, encoding: .utf8) + "\nOne more paragraph.\n")
                .write(to: changed, atomically: true, encoding: .utf8)
            _ = try build(notes, out)
            let after = try pageNumbers(out)
            #expect(before.keys.sorted() == after.keys.sorted())
            let json = try #require(
                before.keys.first { file in
                    file.hasPrefix("json/")
                        && (try? String(contentsOf: out.appendingPathComponent(file), encoding: .utf8))?
                            .contains("github-style.md") == true
                }
            )
            let id = json.dropFirst("json/".count).dropLast(".json".count)
            let rewritten = after.keys.filter { before[$0] != after[$0] }.sorted()
            #expect(rewritten == [json, "site/meetings/\(id).html"], "the changed meeting's JSON and page alone")
        }
    }

    @Test func aBuildWithNothingChangedWritesNothing() throws {
        try withNotes { notes, folder in
            let out = folder.appendingPathComponent("out")
            _ = try build(notes, out)
            let before = try contents(out)
            let index = out.appendingPathComponent("site/index.html").path
            let written = try FileManager.default.attributesOfItem(atPath: index)[.modificationDate] as? Date
            let again = try build(notes, out)
            #expect(again.stderr.contains("up to date (17 meetings"), "\(again.stderr)")
            #expect(try FileManager.default.attributesOfItem(atPath: index)[.modificationDate] as? Date == written)
            #expect(try contents(out) == before)

            // A page deleted by hand is written again, and only it.
            let page = try #require(filesUnder(out).first { $0.hasPrefix("site/meetings/") })
            try FileManager.default.removeItem(at: out.appendingPathComponent(page))
            let repaired = try build(notes, out)
            #expect(repaired.stderr.contains("17 from the cache"), "\(repaired.stderr)")
            #expect(try contents(out) == before)

            // Another build date changes the pages (overdue marks), so the build runs, from the cache.
            let later = try runMinutes(["build", notes.path, "--out", out.path, "--build-date", "2030-01-01"])
            #expect(later.stderr.contains("17 from the cache"), "\(later.stderr)")
            let forced = try build(notes, out, ["--force"])
            #expect(forced.stderr.contains("0 from the cache"), "\(forced.stderr)")
            #expect(try contents(out) == before)
        }
    }

    @Test func mergedShardsEqualOneBuild() throws {
        try withNotes { notes, folder in
            let whole = folder.appendingPathComponent("whole")
            _ = try build(notes, whole)
            var shards: [String] = []
            for index in 0..<3 {
                let shard = folder.appendingPathComponent("shard-\(index)")
                let result = try build(notes, shard, ["--shard", "\(index)/3"])
                #expect(result.stderr.contains("shard \(index)/3"), "\(result.stderr)")
                #expect(!FileManager.default.fileExists(atPath: shard.appendingPathComponent("site").path))
                shards.append(shard.path)
            }
            let merged = folder.appendingPathComponent("merged")
            let result = try runMinutes(
                ["merge"] + shards.reversed() + ["--out", merged.path, "--build-date", "2021-06-01"]
            )
            #expect(result.status == 0, "\(result.stderr)")
            try expectSame(merged, whole)
            // Merged again, the same: no meeting's JSON or page is written again.
            let pages = try pageNumbers(merged)
            let again = try runMinutes(["merge"] + shards + ["--out", merged.path, "--build-date", "2021-06-01"])
            #expect(again.status == 0, "\(again.stderr)")
            #expect(try pageNumbers(merged) == pages)
            try expectSame(merged, whole)

            let missing = try runMinutes(["merge", shards[0], shards[2], "--out", merged.path])
            #expect(missing.status == 1)
            #expect(missing.stderr.contains("shards missing: 1/3"), "\(missing.stderr)")
            let twice = try runMinutes(["merge", shards[0], shards[0], "--out", merged.path])
            #expect(twice.status == 1)
            #expect(twice.stderr.contains("which another folder holds too"), "\(twice.stderr)")
            let notShard = try runMinutes(["merge", whole.path, "--out", merged.path])
            #expect(notShard.status == 1)
            #expect(notShard.stderr.contains("holds no shard"), "\(notShard.stderr)")
            let badShard = try runMinutes(["build", notes.path, "--shard", "3/3"])
            #expect(badShard.status == 2)
        }
    }

    @Test func aBuildReportsWhatItDid() throws {
        try withNotes { notes, folder in
            let verbose = try build(notes, folder.appendingPathComponent("a"), ["--verbose", "--stats"])
            #expect(verbose.stderr.contains("minutes: \(notes.path)/bold-labels.md\n"), "\(verbose.stderr)")
            #expect(verbose.stderr.contains("time per stage, summed over jobs: read "), "\(verbose.stderr)")
            // Standard error is a pipe here: no progress bar.
            #expect(!verbose.stderr.contains("\r"))
            let quiet = try build(notes, folder.appendingPathComponent("b"), ["--quiet"])
            #expect(!quiet.stderr.contains("minutes:"), "\(quiet.stderr)")
            #expect(quiet.stderr.contains("warning:"), "diagnostics are still printed")
        }
    }

    @Test func aTerminalGetsAProgressBar() throws {
        // `script` gives the build a terminal for standard error, as a person running it has.
        let script = URL(fileURLWithPath: "/usr/bin/script")
        guard FileManager.default.isExecutableFile(atPath: script.path) else {
            print("skipped: no /usr/bin/script to give the build a terminal")
            return
        }
        try withNotes { notes, folder in
            let command = [
                minutesExecutable.path, "build", notes.path, "--out", folder.appendingPathComponent("out").path,
            ]
            let result = try run(script, ["-qec", command.joined(separator: " "), "/dev/null"])
            #expect(result.status == 0, "\(result.stdout)")
            #expect(result.stdout.contains("] 17/17 notes, "), "\(result.stdout)")
            #expect(result.stdout.contains(" notes/s, ETA "))
        }
    }

    @Test func aBuildThatStopsPartWayLeavesNoManifestToTrust() throws {
        try withNotes { notes, folder in
            let out = folder.appendingPathComponent("out")
            _ = try build(notes, out)
            let manifest = out.appendingPathComponent(".minutes-cache/manifest.jsonl")
            #expect(FileManager.default.fileExists(atPath: manifest.path))
            // A folder where a record must go makes the next build fail after it has begun to write.
            let record = try #require(filesUnder(out).first { $0.hasPrefix("json/") })
            let blocker = out.appendingPathComponent(record)
            try FileManager.default.removeItem(at: blocker)
            try FileManager.default.createDirectory(
                at: blocker.appendingPathComponent("x"),
                withIntermediateDirectories: true
            )
            let failed = try runMinutes(
                ["build", notes.path, "--out", out.path, "--build-date", "2021-06-01", "--site-title", "Other"]
            )
            #expect(failed.status != 0)
            #expect(!FileManager.default.fileExists(atPath: manifest.path), "a half-written folder is not vouched for")
            try FileManager.default.removeItem(at: blocker)
            let again = try build(notes, out)
            #expect(!again.stderr.contains("up to date"), "\(again.stderr)")
            let fresh = folder.appendingPathComponent("fresh")
            _ = try build(notes, fresh)
            try expectSame(out, fresh)
        }
    }

    @Test func mergeRefusesShardsOfDifferentBuilds() throws {
        try withNotes { notes, folder in
            let first = folder.appendingPathComponent("s0").path
            let second = folder.appendingPathComponent("s1").path
            _ = try build(notes, URL(fileURLWithPath: first), ["--shard", "0/2"])
            _ = try build(notes, URL(fileURLWithPath: second), ["--shard", "1/2", "--month-first"])
            let out = folder.appendingPathComponent("merged").path
            let settings = try runMinutes(["merge", first, second, "--out", out])
            #expect(settings.status == 1)
            #expect(settings.stderr.contains("built with different settings"), "\(settings.stderr)")

            try FileManager.default.moveItem(
                at: notes.appendingPathComponent("bold-labels.md"),
                to: notes.appendingPathComponent("renamed-bold-labels.md")
            )
            _ = try build(notes, URL(fileURLWithPath: second), ["--shard", "1/2"])
            let lists = try runMinutes(["merge", first, second, "--out", out])
            #expect(lists.status == 1)
            #expect(lists.stderr.contains("different lists of notes"), "\(lists.stderr)")

            let intoShard = try runMinutes(["merge", first, second, "--out", first])
            #expect(intoShard.status == 1)
            #expect(intoShard.stderr.contains("is a shard: merge into another folder"), "\(intoShard.stderr)")
        }
    }

    @Test func twoBuildsDoNotWriteIntoOneFolderAtOnce() throws {
        try withNotes { notes, folder in
            let out = folder.appendingPathComponent("out")
            let lock = out.appendingPathComponent(".minutes-cache/lock")
            try FileManager.default.createDirectory(
                at: lock.deletingLastPathComponent(),
                withIntermediateDirectories: true
            )
            // This test holds the folder as a running build would.
            let descriptor = open(lock.path, O_CREAT | O_RDWR, 0o644)
            #expect(descriptor >= 0 && flock(descriptor, LOCK_EX) == 0)
            defer { close(descriptor) }
            let second = try runMinutes(["build", notes.path, "--out", out.path])
            #expect(second.status == 1)
            #expect(second.stderr.contains("another minutes build is writing to this folder"), "\(second.stderr)")
        }
    }
}
