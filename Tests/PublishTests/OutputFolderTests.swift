import Foundation
import Testing

@testable import Publish

/// Files are written whole inside the folder, and paths that would leave it are refused.
@Suite struct OutputFolderTests {
    @Test func writesNestedFilesWholeAndLeavesNoTemporaryFile() throws {
        let root = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = try OutputFolder(path: root.path)
        try folder.write("first", to: "site/meetings/a.html")
        try folder.write(Array("second".utf8), to: "site/meetings/a.html")
        try folder.write("é\n", to: "json//b.json")
        #expect(
            try String(contentsOf: root.appendingPathComponent("site/meetings/a.html"), encoding: .utf8) == "second"
        )
        #expect(try String(contentsOf: root.appendingPathComponent("json/b.json"), encoding: .utf8) == "é\n")
        #expect(folder.contains("json/b.json") && !folder.contains("json/c.json"))
        let names = try FileManager.default.contentsOfDirectory(
            atPath: root.appendingPathComponent("site/meetings").path
        )
        #expect(names == ["a.html"])
        try folder.remove("json/b.json")
        try folder.remove("json/never-written.json")
        #expect(!folder.contains("json/b.json"))
    }

    /// The bytes of the file at `url`; an empty one is not read, since `Data(contentsOf:)` leaks the buffer it
    /// allocates for a file of no bytes (LeakSanitizer, swift-foundation of Swift 6.3).
    private static func bytes(at url: URL) throws -> [UInt8] {
        let size = try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int ?? 0
        return size == 0 ? [] : Array(try Data(contentsOf: url))
    }

    /// A file written in parts holds them joined, new or written again, empty parts among them.
    @Test func writesPartsAsOneFile() throws {
        let root = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = try OutputFolder(path: root.path)
        let layouts: [[[UInt8]]] = [[], [[]], [Array("one".utf8)], [Array("12\n".utf8), [], Array("é".utf8), [0x0A]]]
        for (number, layout) in layouts.enumerated() {
            // The first write makes the file at its path, the second replaces it through a temporary file.
            for again in [false, true] {
                let path = "cache/\(number)"
                try withBuffers(layout) { try folder.write(parts: $0, to: path) }
                let file = try Self.bytes(at: root.appendingPathComponent(path))
                #expect(file == Array(layout.joined()), "\(layout), again: \(again)")
            }
        }
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("cache").path).count == 4
        )
    }

    /// A `writev` that writes into `file` at most `limit(call)` bytes of the vectors it is given at its `call`th
    /// call (from 0), or fails with `errno` when `limit` gives a negative number (`-errno`), counting its calls and
    /// checking that it is never given more than `IOV_MAX` vectors or none.
    final class FakeWritev {
        var file: [UInt8] = []
        var calls = 0
        var mostVectors = 0
        let limit: (Int) -> Int

        init(limit: @escaping (Int) -> Int) { self.limit = limit }

        func callAsFunction(_ descriptor: Int32, _ vectors: UnsafePointer<iovec>, _ count: Int32) -> Int {
            defer { calls += 1 }
            #expect(count > 0 && Int(count) <= OutputFolder.vectorLimit)
            mostVectors = max(mostVectors, Int(count))
            let allowed = limit(calls)
            guard allowed >= 0 else {
                errno = Int32(-allowed)
                return -1
            }
            var written = 0
            for vector in UnsafeBufferPointer(start: vectors, count: Int(count)) {
                let bytes = UnsafeRawBufferPointer(start: vector.iov_base, count: vector.iov_len)
                let taken = min(bytes.count, allowed - written)
                file.append(contentsOf: bytes.prefix(taken))
                written += taken
                if written == allowed { break }
            }
            return written
        }
    }

    /// Writes `layout` by ``OutputFolder/writeAll(_:to:by:)`` through `fake`; whether it said it wrote them.
    func writeAll(_ layout: [[UInt8]], through fake: FakeWritev) -> Bool {
        withBuffers(layout) { parts in
            parts.withUnsafeBufferPointer { parts in OutputFolder.writeAll(parts, to: -1) { fake($0, $1, $2) } }
        }
    }

    let layout: [[UInt8]] = [[1, 2, 3], [], [4], [5, 6, 7, 8], [], [9], Array(10...40)]

    /// A write that stops short, at any byte of any part, goes on from that byte.
    @Test func aShortWriteGoesOnFromWhereItStopped() {
        let joined = Array(layout.joined())
        for stop in 1...joined.count {
            let fake = FakeWritev { $0 == 0 ? stop : Int.max }
            #expect(writeAll(layout, through: fake))
            #expect(fake.file == joined, "stopped after \(stop)")
            #expect(fake.calls == (stop == joined.count ? 1 : 2), "stopped after \(stop)")
        }
    }

    /// A byte a call, each call after an interrupted one: every byte once, in order.
    @Test func interruptedAndOneByteWritesWriteEveryByte() {
        let joined = Array(layout.joined())
        let fake = FakeWritev { $0.isMultiple(of: 2) ? -Int(EINTR) : 1 }
        #expect(writeAll(layout, through: fake))
        #expect(fake.file == joined)
        #expect(fake.calls == 2 * joined.count)
        // One part alone, as a page is written.
        let single = FakeWritev { $0.isMultiple(of: 2) ? 1 : -Int(EINTR) }
        #expect(writeAll([[], Array(1...20), []], through: single))
        #expect(single.file == Array(1...20))
    }

    /// An error stops the writing, `errno` telling why; a call that writes nothing is an error too.
    @Test func anErrorOrANothingWrittenStopsTheWriting() {
        let failing = FakeWritev { $0 == 0 ? 5 : -Int(ENOSPC) }
        #expect(!writeAll(layout, through: failing))
        #expect(errno == ENOSPC)
        #expect(failing.file == Array(layout.joined().prefix(5)) && failing.calls == 2)
        let stuck = FakeWritev { $0 == 0 ? 5 : 0 }
        #expect(!writeAll(layout, through: stuck))
        #expect(errno == EIO && stuck.calls == 2)
        // Nothing to write: no call.
        let idle = FakeWritev { _ in -Int(EIO) }
        #expect(writeAll([[], []], through: idle) && writeAll([], through: idle))
        #expect(idle.calls == 0)
    }

    /// More parts than one `writev` takes are written ``OutputFolder/vectorLimit`` at a time, by the system's call into a file too.
    @Test func morePartsThanIOVMaxAreWrittenInTurn() throws {
        let bytes = (0..<(2 * OutputFolder.vectorLimit + 7)).map { UInt8(truncatingIfNeeded: $0) }
        let root = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = try OutputFolder(path: root.path)
        let fake = FakeWritev { _ in Int.max }
        try bytes.withUnsafeBufferPointer { buffer in
            // A part a byte.
            let parts = buffer.indices.map { UnsafeBufferPointer(rebasing: buffer[$0..<($0 + 1)]) }
            #expect(parts.withUnsafeBufferPointer { OutputFolder.writeAll($0, to: -1) { fake($0, $1, $2) } })
            try folder.write(parts: parts, to: "many")
        }
        #expect(fake.file == bytes)
        #expect(fake.calls == 3 && fake.mostVectors == OutputFolder.vectorLimit)
        #expect(Array(try Data(contentsOf: root.appendingPathComponent("many"))) == bytes)
    }

    /// Calls `body` with `arrays` as buffers, each where it lies.
    func withBuffers<Result>(
        _ arrays: [[UInt8]],
        _ body: ([UnsafeBufferPointer<UInt8>]) throws -> Result
    ) rethrows -> Result {
        guard let first = arrays.first else { return try body([]) }
        return try first.withUnsafeBufferPointer { buffer in
            try withBuffers(Array(arrays.dropFirst())) { try body([buffer] + $0) }
        }
    }

    @Test func temporaryNamesAreNeverShared() throws {
        let root = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = try OutputFolder(path: root.path)
        let names = (0..<50).map { _ in folder.temporaryPath(for: root.path + "/json/a.json") }
        #expect(Set(names).count == names.count)
        #expect(
            names.allSatisfy { $0.hasPrefix(root.standardizedFileURL.path + "/json/.a.json.") && $0.hasSuffix(".tmp") }
        )
    }

    @Test(arguments: [
        "", "/", "///", "/etc/passwd", "../x", "a/../../x", "a/./b", ".", "a/..", "a\u{0}b", "..", "./", "a/.", "a/../",
        "//a", "a/b/\u{0}", "./.",
    ])
    func refusesPathsThatLeaveTheFolder(path: String) throws {
        let root = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = try OutputFolder(path: root.path)
        #expect(throws: OutputFolder.WriteError.self) { try folder.write("x", to: path) }
        #expect(throws: OutputFolder.WriteError.self) { try folder.remove(path) }
    }

    @Test(arguments: ["a", "a/b", "a//b", "a/b/", ".hidden", "a/.b", "...", "a/.../b", "..a", "a..", "é/ü.html"])
    func acceptsPathsInsideTheFolder(path: String) throws {
        #expect(OutputFolder.staysInside(path))
    }

    @Test func namesTheFileItCouldNotWrite() throws {
        let root = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = try OutputFolder(path: root.path)
        // A file where a folder is needed.
        try folder.write("x", to: "taken")
        let error = try #require(throws: OutputFolder.WriteError.self) { try folder.write("y", to: "taken/file.json") }
        #expect(error.path == root.standardizedFileURL.path + "/taken/file.json")
    }

    @Test func aWriteMakesANewFileWhateverStoodAtThePath() throws {
        let root = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = try OutputFolder(path: root.path)
        let manager = FileManager.default
        let outside = root.appendingPathComponent("outside.txt")
        try "outside".write(to: outside, atomically: false, encoding: .utf8)
        // Nothing there, a symbolic link, a hard link and a read-only file: each is replaced, never written through.
        try manager.createDirectory(at: root.appendingPathComponent("cache"), withIntermediateDirectories: true)
        try manager.createSymbolicLink(at: root.appendingPathComponent("cache/link"), withDestinationURL: outside)
        try manager.linkItem(at: outside, to: root.appendingPathComponent("cache/hard"))
        let readOnly = root.appendingPathComponent("cache/read-only")
        try "old".write(to: readOnly, atomically: false, encoding: .utf8)
        try manager.setAttributes([.posixPermissions: 0o444], ofItemAtPath: readOnly.path)
        for name in ["new", "link", "hard", "read-only"] {
            try folder.write("entry \(name)", to: "cache/\(name)")
            let path = root.appendingPathComponent("cache/\(name)").path
            #expect(try String(contentsOfFile: path, encoding: .utf8) == "entry \(name)")
            #expect(try manager.attributesOfItem(atPath: path)[.type] as? FileAttributeType == .typeRegular)
        }
        #expect(try String(contentsOf: outside, encoding: .utf8) == "outside")
        #expect(
            try manager.contentsOfDirectory(atPath: root.appendingPathComponent("cache").path).sorted() == [
                "hard", "link", "new", "read-only",
            ]
        )
    }
}
