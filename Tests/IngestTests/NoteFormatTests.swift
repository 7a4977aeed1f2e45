import Foundation
import Testing

@testable import Ingest

@Suite struct NoteFormatTests {
    @Test(arguments: [
        ("# Minutes\n\nPresent: Ann\n", NoteFormat.markdown),
        ("Minutes\n\n- **Ann** (@ann)\n- [Issue](https://example.org)\n", .markdown),
        ("MINUTES OF THE MEETING\n\nPresent: Ann, Bob\nApologies: Cy\n\n1. WELCOME\n", .text),
        ("Parish Council\n==============\n\nDate: 3 May\n    Indented discussion\n", .text),
        ("Just a line of text\nand another one\n", .text),
    ])
    func detectsByContent(text: String, expected: NoteFormat) {
        #expect(NoteFormat.detect(text) == expected)
    }

    @Test func theSeedIsMarkdownInATextFile() throws {
        guard let seedNote else { return }
        let document = try NoteIngestor().ingest(path: seedNote.path)
        #expect(document.source.format == .markdown)
    }

    @Test func thePlainTextRealMinutesUseTheTextProfile() throws {
        guard let sharedCorpus else { return }
        let path = sharedCorpus.appendingPathComponent("real/httpwg-ietf86-minutes.txt").path
        #expect(try NoteIngestor().ingest(path: path).source.format == .text)
    }

    @Test func everyRealMarkdownNoteIsMarkdown() throws {
        guard let sharedCorpus else { return }
        let folder = sharedCorpus.appendingPathComponent("real")
        let notes = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".md") }
        for name in notes where name != "SOURCES.md" {
            let document = try NoteIngestor().ingest(path: folder.appendingPathComponent(name).path)
            #expect(document.source.format == .markdown, "\(name)")
        }
    }

    /// The look for `*`, `]` and `|` before the look for Markdown signs finds each sign wherever it stands.
    @Test func theSignLookFindsEverySignAtEveryPlace() {
        for sign in ["**", "](", "|---", "| ---", "|:--", "*", "]", "|"] {
            for before in 0..<20 {
                for after in 0..<10 {
                    var line = String(repeating: "a", count: before) + sign + String(repeating: "é", count: after)
                    #expect(line.withUTF8 { NoteFormat.mayHoldSign($0) }, "\(line)")
                }
            }
        }
        for length in 0..<30 {
            var line = String(repeating: "x-[)", count: length)
            #expect(!line.withUTF8 { NoteFormat.mayHoldSign($0) })
        }
        #expect(NoteFormat.detect("Title\n\nSee [the plan](plan.md) and **this**.") == .markdown)
    }
}
