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

    /// A file written in parts holds them joined, in place and not, empty parts among them.
    @Test func writesPartsAsOneFile() throws {
        let root = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = try OutputFolder(path: root.path)
        let layouts: [[[UInt8]]] = [[], [[]], [Array("one".utf8)], [Array("12\n".utf8), [], Array("é".utf8), [0x0A]]]
        for (number, layout) in layouts.enumerated() {
            for inPlace in [false, true] {
                let path = "cache/\(number)-\(inPlace)"
                try withBuffers(layout) { try folder.write(parts: $0, to: path, inPlace: inPlace) }
                let file = try Data(contentsOf: root.appendingPathComponent(path))
                #expect(Array(file) == Array(layout.joined()), "\(layout)")
            }
        }
    }

    /// What a short write leaves of parts is what follows its bytes in them joined, whatever part it stops in.
    @Test func theRestOfPartsFollowsTheBytesWritten() {
        let layout: [[UInt8]] = [[1, 2, 3], [], [4], [5, 6, 7, 8], [], [9]]
        let joined = Array(layout.joined())
        withBuffers(layout) { parts in
            for written in 0...joined.count {
                let rest = OutputFolder.rest(of: parts, after: written)
                #expect(Array(rest.joined()) == Array(joined[written...]), "after \(written)")
                #expect(!rest.contains { $0.isEmpty }, "after \(written)")
            }
        }
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

    @Test func inPlaceMakesANewFileWhateverStoodAtThePath() throws {
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
            try folder.write("entry \(name)", to: "cache/\(name)", inPlace: true)
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
