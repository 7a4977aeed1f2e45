import Foundation
import Testing

@testable import Ingest

/// The note the project was designed from, and every note in ../shared/corpus and corpus/.
@Suite struct SeedIngestTests {
    @Test func headingsKeepTheirTrueLines() throws {
        guard let seedNote else { return }
        let document = try NoteIngestor().ingest(path: seedNote.path)
        let headings = document.root.children.filter {
            if case .heading = $0.kind { return true }
            return false
        }
        let found = headings.map { "\($0.plainText())@\($0.lines?.lowerBound ?? 0)" }
        #expect(
            found == [
                "Summary note of the RR3 Special Interest Group on Probation - meeting on the Dynamic Framework@3",
                "Attendees@7", "Officials@63", "About@73", "Summary note of meeting 21st April 2020@83",
                "Overview of voluntary sector capacity@85", "Qualification process@105", "Call-off process@115",
                "Mobilisation@134",
            ]
        )
    }

    @Test func attendeeLinesAreWholeAndSuperscriptsFolded() throws {
        guard let seedNote else { return }
        let document = try NoteIngestor().ingest(path: seedNote.path)
        let lines = document.root.children.filter { $0.kind == .paragraph }.flatMap {
            $0.plainText(softBreak: "\n").split(separator: "\n").map(String.init)
        }
        #expect(lines.contains("15:00 – 17:00, 21st April 2020, via video call"))
        #expect(lines.contains("Jess Mullen, Clinks- Chair"))
        #expect(
            lines.contains(
                "Adam Moll, Penrose- co-opted James Harding, Shelter- co-opted John Trolan, Nelson Trust- co-opted"
            )
        )
        #expect(lines.contains("Steph Smart, HM Prisons and Probation Service"))
    }

    @Test func theOBulletIsASiblingOfTheOtherSubItems() throws {
        guard let seedNote else { return }
        let document = try NoteIngestor().ingest(path: seedNote.path)
        let list = try #require(document.root.children.first { $0.lines?.lowerBound == 87 })
        let parent = try #require(list.children.first)
        #expect(parent.plainText().hasPrefix("Members of the SIG expressed"))
        let subItems = try #require(parent.children.last).children
        #expect(subItems.count == 6)
        #expect(subItems.map { $0.lines?.lowerBound } == [88, 89, 90, 91, 92, 93])
        #expect(
            subItems[3].plainText() == "A larger organisation that has furloughed its whole business development team"
        )
    }

    @Test func keepsTheLineCountOfEveryNote() throws {
        for url in try allNotes() {
            let bytes = try [UInt8](Data(contentsOf: url))
            let document = try NoteIngestor().ingest(bytes: bytes, path: url.path)
            let decoded = try TextDecoder.decode(bytes, path: url.path).text
            let lineEnds = decoded.replacing("\r\n", with: "\n").utf8.count { $0 == 0x0A || $0 == 0x0D }
            #expect(document.text.utf8.count { $0 == 0x0A } == lineEnds, "\(url.lastPathComponent)")
        }
    }

    @Test func everyNoteIngestsWithoutAnError() throws {
        let notes = try allNotes()
        #expect(notes.count >= 12)
        for url in notes {
            let document = try NoteIngestor().ingest(path: url.path)
            #expect(!document.root.children.isEmpty, "\(url.lastPathComponent)")
            #expect(document.diagnostics.allSatisfy { $0.severity != .error }, "\(document.diagnostics)")
            #expect(document.source.sha256.count == 64)
        }
    }

    @Test func ourCorpusCoversEachEncoding() throws {
        let corpus = packageRoot.appendingPathComponent("corpus")
        let encodings = try InputCollector().collect([corpus.path]).files.map {
            try NoteIngestor().ingest(path: $0).source.encoding
        }
        #expect(Set(encodings) == [.utf8, .utf16LE, .windows1252])
    }

    /// The notes in corpus/ and, when present, ../shared/corpus.
    private func allNotes() throws -> [URL] {
        var folders = [packageRoot.appendingPathComponent("corpus").path]
        if let sharedCorpus { folders.append(sharedCorpus.path) }
        return InputCollector().collect(folders).files.filter { !$0.hasSuffix("SOURCES.md") }.map {
            URL(fileURLWithPath: $0)
        }
    }
}
