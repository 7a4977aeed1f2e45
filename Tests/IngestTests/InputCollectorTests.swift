import Foundation
import Testing

@testable import Ingest

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// ``InputCollector`` over real folders, links and permissions in a temporary folder.
@Suite struct InputCollectorTests {
    /// A temporary folder holding a small tree of notes, and its path.
    private struct Tree {
        let root: URL
        var path: String { root.path }

        init(_ files: [String] = []) throws {
            root = try makeTemporaryFolder()
            for file in files { try write(file) }
        }

        /// Writes a small note at `relative`, creating its folders.
        func write(_ relative: String, _ text: String = "# Note\n") throws {
            let url = root.appendingPathComponent(relative)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(),
                withIntermediateDirectories: true
            )
            try Data(text.utf8).write(to: url)
        }

        /// Creates a symbolic link at `relative` pointing to `destination`, written as given.
        func link(_ relative: String, to destination: String) throws {
            try FileManager.default.createSymbolicLink(
                atPath: root.appendingPathComponent(relative).path,
                withDestinationPath: destination
            )
        }

        /// The full path of `relative`.
        func at(_ relative: String) -> String { path + "/" + relative }

        func remove() { try? FileManager.default.removeItem(at: root) }
    }

    @Test func recursesAndKeepsNoteExtensionsOnly() throws {
        let tree = try Tree([
            "a.md", "b.MD", "c.markdown", "d.txt", "e.Txt", "f.pdf", "g.docx", "README", "notes.md.bak",
            "sub/h.md", "sub/deeper/still/i.markdown", "sub/deeper/j.csv",
        ])
        defer { tree.remove() }

        let collection = InputCollector().collect([tree.path])
        #expect(
            collection.files
                == [
                    "a.md", "b.MD", "c.markdown", "d.txt", "e.Txt", "sub/deeper/still/i.markdown", "sub/h.md",
                ]
                .map(tree.at)
        )
        #expect(collection.diagnostics.isEmpty)
    }

    @Test func explicitFilesAreTakenWhateverTheirExtension() throws {
        let tree = try Tree(["minutes.pdf", "README", "sub/notes.rtf"])
        defer { tree.remove() }

        let collection = InputCollector().collect([tree.at("minutes.pdf"), tree.at("README"), tree.at("sub/notes.rtf")])
        #expect(collection.files == [tree.at("README"), tree.at("minutes.pdf"), tree.at("sub/notes.rtf")])
        #expect(collection.diagnostics.isEmpty)
        // The same files found through their folder are not notes.
        #expect(InputCollector().collect([tree.path]).files.isEmpty)
    }

    @Test func customExtensionsAreCaseInsensitive() throws {
        let tree = try Tree(["a.md", "b.rst", "c.RST"])
        defer { tree.remove() }

        let collector = InputCollector(extensions: ["RST"])
        #expect(collector.extensions == ["rst"])
        #expect(collector.collect([tree.path]).files == [tree.at("b.rst"), tree.at("c.RST")])
    }

    @Test func hiddenFilesAndFoldersAreSkipped() throws {
        let tree = try Tree([
            "visible.md", ".hidden.md", ".git/HEAD.md", ".obsidian/notes/a.md", "sub/.draft.md", "sub/shown.txt",
        ])
        defer { tree.remove() }

        let collection = InputCollector().collect([tree.path])
        #expect(collection.files == [tree.at("sub/shown.txt"), tree.at("visible.md")])
        #expect(collection.diagnostics.isEmpty)
    }

    @Test func outputIsSortedAndWithoutDuplicates() throws {
        let tree = try Tree(["b.md", "a.md", "c/z.md", "c/y.txt"])
        defer { tree.remove() }

        let collection = InputCollector().collect([
            tree.at("c/z.md"), tree.at("b.md"), tree.path, tree.at("b.md"), tree.at("c"),
        ])
        #expect(collection.files == [tree.at("a.md"), tree.at("b.md"), tree.at("c/y.txt"), tree.at("c/z.md")])
    }

    @Test func overlappingArgumentsGiveNoLinkLoopWarning() throws {
        let tree = try Tree(["a.md", "sub/b.md"])
        defer { tree.remove() }

        let collection = InputCollector().collect([tree.at("sub"), tree.path, tree.path])
        #expect(collection.files == [tree.at("a.md"), tree.at("sub/b.md")])
        // Each argument is walked on its own, so `minutes ast notes notes/2020` warns about no link loop.
        #expect(collection.diagnostics.isEmpty, "\(collection.diagnostics)")
    }

    @Test func folderWithTrailingSlashGivesCleanPaths() throws {
        let tree = try Tree(["a.md", "sub/b.md"])
        defer { tree.remove() }

        let collection = InputCollector().collect([tree.path + "/"])
        #expect(collection.files == [tree.at("a.md"), tree.at("sub/b.md")])
    }

    @Test func missingPathIsAnErrorAndTheOthersCarryOn() throws {
        let tree = try Tree(["a.md", "sub/b.md"])
        defer { tree.remove() }
        let missing = tree.at("missing.md")
        let missingFolder = tree.at("nowhere/else")

        let collection = InputCollector().collect([missing, tree.at("a.md"), missingFolder, tree.at("sub")])
        #expect(collection.files == [tree.at("a.md"), tree.at("sub/b.md")])
        #expect(
            collection.diagnostics == [
                Diagnostic(.error, "no such file or directory", file: missing),
                Diagnostic(.error, "no such file or directory", file: missingFolder),
            ]
        )
        #expect(collection.diagnostics.first?.description == "\(missing): error: no such file or directory")
    }

    @Test func pathThroughAFileIsNotFound() throws {
        let tree = try Tree(["a.md"])
        defer { tree.remove() }

        let collection = InputCollector().collect([tree.at("a.md/b.md")])
        #expect(collection.files.isEmpty)
        #expect(collection.diagnostics.map(\.message) == ["no such file or directory"])
    }

    @Test func symbolicLinkToAFileIsFollowed() throws {
        let tree = try Tree(["notes/a.md", "elsewhere/real.md", "elsewhere/real.pdf"])
        defer { tree.remove() }
        try tree.link("notes/linked.md", to: "../elsewhere/real.md")
        try tree.link("notes/absolute.txt", to: tree.at("elsewhere/real.md"))
        // The link's own name decides, not its target's.
        try tree.link("notes/pdf-as-note.md", to: "../elsewhere/real.pdf")
        try tree.link("notes/note-as-pdf.pdf", to: "../elsewhere/real.md")

        let collection = InputCollector().collect([tree.at("notes")])
        #expect(
            collection.files
                == ["notes/a.md", "notes/absolute.txt", "notes/linked.md", "notes/pdf-as-note.md"]
                .map(tree.at)
        )
        #expect(collection.diagnostics.isEmpty)
    }

    @Test func symbolicLinkToAFolderIsFollowed() throws {
        let tree = try Tree(["notes/a.md", "archive/2020/b.md"])
        defer { tree.remove() }
        try tree.link("notes/archive", to: "../archive")

        let collection = InputCollector().collect([tree.at("notes")])
        #expect(collection.files == [tree.at("notes/a.md"), tree.at("notes/archive/2020/b.md")])
        #expect(collection.diagnostics.isEmpty)
    }

    @Test(.timeLimit(.minutes(1)))
    func linkLoopTerminatesWithAWarning() throws {
        let tree = try Tree(["top.md", "a/inner.md"])
        defer { tree.remove() }
        try tree.link("a/loop", to: "..")

        let collection = InputCollector().collect([tree.path])
        #expect(collection.files == [tree.at("a/inner.md"), tree.at("top.md")])
        let warning = try #require(collection.diagnostics.first)
        #expect(collection.diagnostics.count == 1)
        #expect(warning.severity == .warning)
        #expect(warning.file == tree.at("a/loop"))
        #expect(warning.message.contains("link loop"))
    }

    @Test(.timeLimit(.minutes(1)))
    func selfLinkLoopTerminates() throws {
        let tree = try Tree(["a.md"])
        defer { tree.remove() }
        try tree.link("self", to: "self")

        let collection = InputCollector().collect([tree.path])
        #expect(collection.files == [tree.at("a.md")])
        #expect(collection.diagnostics.count == 1)
        #expect(collection.diagnostics.first?.file == tree.at("self"))
        #expect(collection.diagnostics.first?.severity == .error)
    }

    @Test func danglingLinkIsADiagnostic() throws {
        let tree = try Tree(["a.md"])
        defer { tree.remove() }
        try tree.link("gone.md", to: "nowhere/gone.md")

        let collection = InputCollector().collect([tree.path])
        #expect(collection.files == [tree.at("a.md")])
        #expect(collection.diagnostics == [Diagnostic(.error, "no such file or directory", file: tree.at("gone.md"))])
    }

    @Test func fileNameThatIsNotUTF8() throws {
        let tree = try Tree(["a.md"])
        defer { tree.remove() }
        // `café.md` named in Latin-1, as in archives unpacked from old Windows machines.
        let name = Array(tree.at("caf").utf8) + [0xE9] + Array(".md".utf8) + [0]
        let descriptor = name.withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                chars.baseAddress.map { open($0, O_CREAT | O_WRONLY, 0o644) } ?? -1
            }
        }
        try #require(descriptor >= 0, "this file system refuses names that are not UTF-8")
        close(descriptor)

        let collection = InputCollector().collect([tree.path])
        #expect(collection.files.contains(tree.at("a.md")))
        // A name that is not UTF-8 cannot be held in a path string: the file is skipped with a clear warning, not
        // reported as missing, and the other notes carry on.
        #expect(collection.files == [tree.at("a.md")], "\(collection.files)")
        #expect(collection.diagnostics.map(\.severity) == [.warning])
        #expect(collection.diagnostics.first?.message.contains("not valid UTF-8") == true)
    }

    @Test func fifoInAFolderIsLeftOut() throws {
        let tree = try Tree(["a.md"])
        defer { tree.remove() }
        try #require(mkfifo(tree.at("pipe.md"), 0o600) == 0)

        let collection = InputCollector().collect([tree.path])
        #expect(collection.files == [tree.at("a.md")])
    }

    @Test(.enabled(if: getuid() != 0, "permissions do not apply to root"))
    func unreadableFolderIsADiagnostic() throws {
        let tree = try Tree(["a.md", "locked/secret.md"])
        defer { tree.remove() }
        try #require(chmod(tree.at("locked"), 0) == 0)
        defer { chmod(tree.at("locked"), 0o755) }

        let collection = InputCollector().collect([tree.path])
        #expect(collection.files == [tree.at("a.md")])
        #expect(collection.diagnostics.count == 1)
        let diagnostic = try #require(collection.diagnostics.first)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.file == tree.at("locked"))
        #expect(diagnostic.message.contains("permission denied"))
    }
}

@Suite struct ProjectDocumentTests {
    @Test func aFolderWalkLeavesOutTheFoldersOwnDocuments() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in ["README.md", "LICENSE.txt", "CHANGELOG.md", "SOURCES.md", "2021-05-01.md", "readme-notes.md"] {
            try Data("# x\n".utf8).write(to: folder.appendingPathComponent(name))
        }
        let names = InputCollector().collect([folder.path]).files.map { ($0 as NSString).lastPathComponent }
        #expect(names == ["2021-05-01.md", "readme-notes.md"])
        let named = InputCollector().collect([folder.appendingPathComponent("README.md").path]).files
        #expect(named.count == 1, "a file named on the command line is always read")
    }
}
