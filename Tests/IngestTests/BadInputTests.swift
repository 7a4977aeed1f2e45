import Dispatch
import Foundation
import Testing

@testable import Ingest

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Files that are not notes, or notes that are broken: each is refused with a clear error or read with a diagnostic,
/// never a crash or a hang.
@Suite struct BadInputTests {
    /// Writes `bytes` to `name` in a fresh temporary folder and returns the file's path and its folder.
    private func file(_ name: String, _ bytes: [UInt8]) throws -> (path: String, folder: URL) {
        let folder = try makeTemporaryFolder()
        let url = folder.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return (url.path, folder)
    }

    /// The error `body` throws, recording an issue when it throws none.
    private func ingestError(
        sourceLocation: SourceLocation = #_sourceLocation,
        _ body: () throws(IngestError) -> NoteDocument
    ) -> IngestError? {
        do {
            let document = try body()
            Issue.record(
                "expected an IngestError, read a \(document.source.format) note",
                sourceLocation: sourceLocation
            )
            return nil
        } catch {
            return error
        }
    }

    // MARK: Binary files

    @Test func nulBytesAreBinary() throws {
        let (path, folder) = try file("nul.md", Array("minutes\0\0\0\0of the meeting\n".utf8))
        defer { try? FileManager.default.removeItem(at: folder) }

        let error = ingestError { () throws(IngestError) in try NoteIngestor().ingest(path: path) }
        #expect(error == .binary(path: path, reason: "contains NUL bytes"))
        #expect(error?.diagnostic.description == "\(path): error: not a text note: contains NUL bytes; skipped")
        #expect(error?.diagnostic.severity == .error)
    }

    @Test func pngRenamedToMarkdownIsBinary() throws {
        let header: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D] + Array("IHDR".utf8)
        let (path, folder) = try file("photo.md", header + [0, 0, 1, 0, 0, 0, 1, 0, 8, 6, 0, 0, 0])
        defer { try? FileManager.default.removeItem(at: folder) }

        let error = try #require(ingestError { () throws(IngestError) in try NoteIngestor().ingest(path: path) })
        guard case .binary(let errorPath, let reason) = error else {
            Issue.record("expected .binary, got \(error)")
            return
        }
        #expect(errorPath == path)
        #expect(reason.contains("PNG"))
        #expect(error.description.hasPrefix("\(path): error: not a text note: "))
    }

    @Test func pdfIsBinary() throws {
        let bytes =
            Array("%PDF-1.4\n%".utf8) + [0xE2, 0xE3, 0xCF, 0xD3] + Array("\n1 0 obj\n<< /Type /Catalog >>\n".utf8)
        let (path, folder) = try file("minutes.txt", bytes)
        defer { try? FileManager.default.removeItem(at: folder) }

        let error = try #require(ingestError { () throws(IngestError) in try NoteIngestor().ingest(path: path) })
        guard case .binary(_, let reason) = error else {
            Issue.record("expected .binary, got \(error)")
            return
        }
        #expect(reason.contains("PDF"))
    }

    @Test(
        arguments: [
            ([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10] + Array("JFIF".utf8), "JPEG"),
            ([0x50, 0x4B, 0x03, 0x04, 0x14, 0, 0x06, 0] + Array("[Content_Types].xml".utf8), "ZIP"),
            ([0x1F, 0x8B, 0x08, 0] + Array("minutes".utf8), "gzip"),
        ] as [([UInt8], String)]
    )
    func otherBinaryFormatsAreNamed(bytes: [UInt8], kind: String) {
        let error = ingestError { () throws(IngestError) in try NoteIngestor().ingest(bytes: bytes, path: "x.md") }
        guard case .binary(_, let reason)? = error else {
            Issue.record("expected .binary, got \(String(describing: error))")
            return
        }
        #expect(reason.contains(kind))
    }

    @Test func controlCharactersAreBinary() {
        let bytes = (0..<64).map { UInt8($0 % 8 + 1) }
        let error = ingestError { () throws(IngestError) in try NoteIngestor().ingest(bytes: bytes, path: "x.md") }
        #expect(error == .binary(path: "x.md", reason: "mostly control characters"))
    }

    // MARK: Empty and oversized files

    @Test func emptyFileIsAnEmptyDocumentWithAWarning() throws {
        let (path, folder) = try file("empty.md", [])
        defer { try? FileManager.default.removeItem(at: folder) }

        let document = try NoteIngestor().ingest(path: path)
        #expect(document.root.children.isEmpty)
        #expect(document.diagnostics == [Diagnostic(.warning, "note is empty", file: path)])
        #expect(document.source.size == 0)
        #expect(document.source.sha256 == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test func blankFileHasNoContent() throws {
        let document = try NoteIngestor().ingest(bytes: Array("\n   \n\n".utf8), path: "blank.md")
        #expect(document.root.children.isEmpty)
        #expect(document.diagnostics.map(\.severity) == [.warning])
    }

    @Test(arguments: [Array("\n   \n\n".utf8), [0xEF, 0xBB, 0xBF], Array("\r\n\t\r\n".utf8)])
    func noteWithoutContentIsCalledEmpty(bytes: [UInt8]) throws {
        let document = try NoteIngestor().ingest(bytes: bytes, path: "blank.md")
        #expect(document.root.children.isEmpty)
        #expect(document.frontMatter == nil)
        let warning = try #require(document.diagnostics.first)
        #expect(document.diagnostics.count == 1)
        #expect(warning.severity == .warning)
        // A blank note, or one that is only a byte-order mark, is empty: it has no front matter either.
        #expect(!warning.message.contains("front matter"), "\(warning)")
    }

    @Test func fileOverTheLimitIsRefusedBeforeReading() throws {
        let (path, folder) = try file("big.md", Array(repeating: UInt8(ascii: "a"), count: 200))
        defer { try? FileManager.default.removeItem(at: folder) }
        let ingestor = NoteIngestor(options: IngestOptions(maxFileSize: 100))

        let error = try #require(ingestError { () throws(IngestError) in try ingestor.ingest(path: path) })
        #expect(error == .tooLarge(path: path, size: 200, limit: 100))
        #expect(error.message.contains("200 bytes"))
        #expect(error.message.contains("over the size limit of 100 bytes"))
        #expect(error.message.contains("--max-size"))

        // The limit itself is allowed.
        let atLimit = NoteIngestor(options: IngestOptions(maxFileSize: 200))
        #expect(throws: Never.self) { try atLimit.ingest(path: path) }
    }

    @Test func bytesOverTheLimitAreRefused() {
        let ingestor = NoteIngestor(options: IngestOptions(maxFileSize: 100))
        let bytes = Array(repeating: UInt8(ascii: "a"), count: 101)
        let error = ingestError { () throws(IngestError) in try ingestor.ingest(bytes: bytes, path: "big.md") }
        #expect(error == .tooLarge(path: "big.md", size: 101, limit: 100))
    }

    @Test func defaultLimitIsSixteenMebibytes() {
        #expect(IngestOptions().maxFileSize == 16 * 1024 * 1024)
        let bytes = Array(repeating: UInt8(ascii: "a"), count: IngestOptions.defaultMaxFileSize + 1)
        let error = ingestError { () throws(IngestError) in try NoteIngestor().ingest(bytes: bytes, path: "huge.md") }
        #expect(error?.message.contains("over the size limit of 16 MiB") == true, "\(String(describing: error))")
    }

    // MARK: Encodings

    @Test func invalidUTF8IsReadAsWindows1252() throws {
        let bytes = Array("Minutes\n\nMet at the caf".utf8) + [0xE9] + Array(" on the corner\nEnd\n".utf8)
        let document = try NoteIngestor().ingest(bytes: bytes, path: "cafe.txt")
        #expect(document.source.encoding == .windows1252)
        #expect(document.text.contains("Met at the café on the corner"))
        let warnings = document.diagnostics.filter { $0.severity == .warning }
        #expect(warnings.count == 1)
        #expect(warnings.first?.position?.line == 3)
        #expect(warnings.first?.description.hasPrefix("cafe.txt:3:1: warning: ") == true)
        #expect(document.diagnostics.allSatisfy { $0.severity != .error })
    }

    @Test func windows1252PunctuationIsMapped() throws {
        // ’ “ ” – € as Windows-1252 bytes, none of them valid UTF-8.
        let bytes = Array("It".utf8) + [0x92] + Array("s ".utf8) + [0x93, 0x61, 0x94, 0x20, 0x96, 0x20, 0x80, 0x0A]
        let document = try NoteIngestor().ingest(bytes: bytes, path: "quotes.txt")
        #expect(document.text == "It’s “a” – €\n")
        #expect(document.diagnostics.count == 1)
        #expect(document.diagnostics.first?.message.hasPrefix("5 bytes not valid UTF-8") == true)
    }

    @Test func utf16WithALoneSurrogateIsReplaced() throws {
        var units: [UInt16] = Array("Minutes\nAlice ".utf16) + [0xD800] + Array(" Bob\n".utf16)
        units.insert(0xFEFF, at: 0)
        let bytes = units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(bytes.starts(with: [0xFF, 0xFE]))

        let document = try NoteIngestor().ingest(bytes: bytes, path: "utf16.txt")
        #expect(document.source.encoding == .utf16LE)
        #expect(document.text == "Minutes\nAlice \u{FFFD} Bob\n")
        #expect(document.diagnostics.count == 1)
        let warning = try #require(document.diagnostics.first)
        #expect(warning.severity == .warning)
        #expect(warning.message.contains("lone surrogate"))
        #expect(warning.message.contains("U+FFFD"))
        #expect(warning.position?.line == 2)
    }

    @Test func lineEndingsOfOldMacFilesCountInWarnings() throws {
        let legacy = Array("Minutes\r\rMet at the caf".utf8) + [0xE9] + Array("\r".utf8)
        let document = try NoteIngestor().ingest(bytes: legacy, path: "cr.txt")
        #expect(document.text == "Minutes\n\nMet at the café\n")
        #expect(document.root.children.last?.range?.lowerBound.line == 3)

        let units: [UInt16] = Array("\u{FEFF}Minutes\r\rAlice ".utf16) + [0xDC00] + Array(" Bob\r".utf16)
        let utf16 = try NoteIngestor().ingest(
            bytes: units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] },
            path: "cr16.txt"
        )
        #expect(utf16.text == "Minutes\n\nAlice \u{FFFD} Bob\n")

        // Decoding warnings count lines at CR too, as normalisation will, so they point at the line in the tree.
        #expect(document.diagnostics.first?.position?.line == 3)
        #expect(utf16.diagnostics.first?.position?.line == 3)
    }

    // MARK: Things that are not files

    @Test(.timeLimit(.minutes(1)))
    func fifoIsNotARegularFileAndDoesNotHang() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("pipe.md").path
        try #require(mkfifo(path, 0o600) == 0)

        // Read on another thread, so that a blocking open fails this test instead of hanging the run.
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            outcome.error = ingestError { () throws(IngestError) in try NoteIngestor().ingest(path: path) }
            done.signal()
        }
        if done.wait(timeout: .now() + 10) == .timedOut {
            Issue.record("ingest(path:) blocked on a FIFO with no writer")
            // Release the blocked reader by opening the other end.
            let writer = open(path, O_WRONLY | O_NONBLOCK)
            if writer >= 0 { close(writer) }
            done.wait()
            return
        }
        #expect(outcome.error == .notRegularFile(path: path))
        #expect(outcome.error?.message == "not a regular file (a device, socket or pipe); skipped")
    }

    @Test func characterDeviceIsNotARegularFile() {
        let error = ingestError { () throws(IngestError) in try NoteIngestor().ingest(path: "/dev/null") }
        #expect(error == .notRegularFile(path: "/dev/null"))
    }

    @Test func socketIsNotARegularFile() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("socket.md").path
        let listener = try bindUnixSocket(at: path)
        defer { close(listener) }

        let error = ingestError { () throws(IngestError) in try NoteIngestor().ingest(path: path) }
        #expect(error != nil)
        // open(2) of a socket fails with ENXIO before fstat could tell what it is.
        #expect(error == .notRegularFile(path: path))
    }

    @Test func directoryIsUnreadable() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }

        let error = ingestError { () throws(IngestError) in try NoteIngestor().ingest(path: folder.path) }
        #expect(error == .unreadable(path: folder.path, reason: "is a directory"))
        #expect(error?.description == "\(folder.path): error: cannot read: is a directory")
    }

    @Test(.enabled(if: getuid() != 0, "permissions do not apply to root"))
    func unreadableFileIsUnreadable() throws {
        let (path, folder) = try file("secret.md", Array("# Secret\n".utf8))
        defer { try? FileManager.default.removeItem(at: folder) }
        try #require(chmod(path, 0) == 0)

        let error = ingestError { () throws(IngestError) in try NoteIngestor().ingest(path: path) }
        #expect(error == .unreadable(path: path, reason: "permission denied"))
    }

    @Test func missingFileIsNotFound() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("missing.md").path

        let error = ingestError { () throws(IngestError) in try NoteIngestor().ingest(path: path) }
        #expect(error == .notFound(path: path))
        #expect(error?.description == "\(path): error: no such file or directory")
    }

    // MARK: Front matter

    @Test func onlyFrontMatterIsADocumentWithAWarning() throws {
        let document = try NoteIngestor().ingest(bytes: Array("---\ntitle: x\n---\n".utf8), path: "fm.md")
        #expect(document.root.children.isEmpty)
        #expect(document.frontMatter?["title"] == .string("x"))
        #expect(document.frontMatter?.lines == 1...3)
        #expect(
            document.diagnostics == [
                Diagnostic(.warning, "note has no content outside its front matter", file: "fm.md")
            ]
        )
    }

    @Test(.timeLimit(.minutes(1)))
    func yamlAliasBombIsRefused() throws {
        var yaml = "a: &a [\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\"]\n"
        let names = ["a", "b", "c", "d", "e", "f", "g", "h"]
        for (previous, name) in zip(names, names.dropFirst()) {
            let aliases = Array(repeating: "*\(previous)", count: 9).joined(separator: ",")
            yaml += "\(name): &\(name) [\(aliases)]\n"
        }
        let note = "---\n\(yaml)---\n\n# Body\n\nText after the bomb.\n"
        let bodyLine = 1 + names.count + 1 + 2

        // Expanded, the bomb would be 9^8 nodes: that it returns at all, refused, is the check (no timed assertion).
        let read = try NoteIngestor().ingest(bytes: Array(note.utf8), path: "bomb.md")
        #expect(read.frontMatter == nil)
        let errors = read.diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 1)
        #expect(errors.first?.message.contains("refused") == true, "\(errors)")
        let heading = try #require(read.root.children.first)
        #expect(heading.kind == .heading(level: 1))
        #expect(heading.range?.lowerBound.line == bodyLine)
        #expect(heading.plainText() == "Body")
    }

    @Test func deeplyNestedYamlIsAnError() throws {
        let depth = 20_000
        let note =
            "---\nx: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
            + "\n---\n# Body\n"
        let document = try NoteIngestor().ingest(bytes: Array(note.utf8), path: "deep.md")
        #expect(document.frontMatter == nil)
        let error = try #require(document.diagnostics.first)
        #expect(error.severity == .error)
        #expect(error.position?.line == 2)
        #expect(document.root.children.first?.kind == .heading(level: 1))
        #expect(document.root.children.first?.range?.lowerBound.line == 4)
    }

    @Test func leadingThematicBreakIsNotFrontMatter() throws {
        let note = "---\n# Minutes of the AGM\n\nHeld on 4 March.\n---\n\nAttendees: Ann, Bob\n"
        let document = try NoteIngestor().ingest(bytes: Array(note.utf8), path: "rule.md")
        #expect(document.root.children.last?.plainText() == "Attendees: Ann, Bob")
        // Front matter starts with a `key:` line; a note opening with a rule keeps its title and first paragraph.
        #expect(document.frontMatter == nil)
        #expect(document.root.children.contains { $0.kind == .heading(level: 1) })
    }

    @Test func largeButHonestFrontMatterIsKept() throws {
        let entries = (1...500).map { "  - person \($0)" }.joined(separator: "\n")
        let note = "---\nattendees:\n\(entries)\n---\n# Body\n"
        let document = try NoteIngestor().ingest(bytes: Array(note.utf8), path: "many.md")
        #expect(document.diagnostics.isEmpty)
        guard case .list(let people)? = document.frontMatter?["attendees"] else {
            Issue.record("attendees is not a list")
            return
        }
        #expect(people.count == 500)
    }

    @Test func malformedYamlIsAnErrorAndTheBodyIsStillRead() throws {
        let document = try NoteIngestor().ingest(
            bytes: Array("---\ntitle: [unclosed\n---\n# Body\n".utf8),
            path: "bad.md"
        )
        #expect(document.frontMatter == nil)
        let errors = document.diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 1)
        let error = try #require(errors.first)
        #expect(error.message.hasPrefix("front matter is not valid YAML: "))
        let line = try #require(error.position?.line)
        #expect((2...3).contains(line), "error on line \(line), outside the front matter")
        let heading = try #require(document.root.children.first)
        #expect(heading.kind == .heading(level: 1))
        #expect(heading.range?.lowerBound.line == 4)
        #expect(heading.plainText() == "Body")
    }

    @Test func yamlErrorOnALaterLineIsPlacedOnThatLine() throws {
        let note = "---\ntitle: Minutes\ndate: 2021-03-04\nchair: [Ann\n  bad: : x\n---\nBody\n"
        let document = try NoteIngestor().ingest(bytes: Array(note.utf8), path: "bad.md")
        let error = try #require(document.diagnostics.first { $0.severity == .error })
        let line = try #require(error.position?.line)
        #expect((4...6).contains(line), "error on line \(line)")
        #expect(document.root.children.first?.range?.lowerBound.line == 7)
    }
}

/// Creates a Unix-domain socket listening at `path`, and returns its descriptor.
private func bindUnixSocket(at path: String) throws -> Int32 {
    #if canImport(Glibc)
    let listener = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
    #else
    let listener = socket(AF_UNIX, SOCK_STREAM, 0)
    #endif
    try #require(listener >= 0)
    var address = sockaddr_un()
    address.sun_family = sa_family_t(AF_UNIX)
    let bytes = Array(path.utf8)
    try #require(bytes.count < MemoryLayout.size(ofValue: address.sun_path))
    withUnsafeMutableBytes(of: &address.sun_path) { buffer in
        buffer.copyBytes(from: bytes)
    }
    let bound = withUnsafePointer(to: &address) { pointer in
        pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
            bind(listener, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
        }
    }
    try #require(bound == 0)
    return listener
}

/// A result handed from a worker thread; the semaphore that follows the write orders the read after it.
private final class Outcome: @unchecked Sendable {
    var error: IngestError?
}
