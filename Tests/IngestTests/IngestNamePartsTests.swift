import Testing

@testable import Ingest

/// ``InputCollector/readsNote(named:)`` reads ASCII names on their bytes: it must keep every name that the parts
/// `split(separator: ".")` makes of its characters keep.
@Suite struct IngestNamePartsTests {
    /// The first and last parts as the characters split them.
    func byCharacters(_ name: String) -> (first: String, last: String?) {
        let parts = name.split(separator: ".")
        return (parts.first.map(String.init) ?? "", parts.count > 1 ? parts.last.map(String.init) : nil)
    }

    /// Names whose parts are easy to get wrong: dots at either end or doubled, case, non-ASCII around the dots.
    let names = [
        "", ".", "..", "md", ".md", "a.md", "A.MD", "a..md", "a.md.", "a.b.c", "README.md", "readme", "a. md",
        "notes 2021.txt", "a\r\n.md", "é.md", "résumé.MD", "a.\u{301}md", "a\u{301}.md", "note.m\u{301}d",
        "a.\u{00A0}md", "“quoted”.txt", "a．md", "😀.md", "a.😀", "..\u{301}.md", "x.\u{200D}.md", "...md..",
        "License.TXT", "CODE_OF_CONDUCT.md", "code_of_conduct_2.md", "index.markdown", "Index.md.bak", ".README.md",
        "2021-03-04 Minutes of the Riverside Trust AGM.md", "LICEN\u{212A}E.md", "\u{212A}.MD", "notes.Md",
    ]

    /// A walk reads a name on its bytes: it must keep the names the parts and their lower case keep.
    @Test func readsNoteAsThePartsTell() {
        let collector = InputCollector()
        for name in names {
            let parts = byCharacters(name)
            let expected =
                parts.last.map { collector.extensions.contains($0.lowercased()) } == true
                && !InputCollector.projectDocuments.contains(parts.first.lowercased())
            #expect(collector.readsNote(named: name) == expected, "\(name.debugDescription)")
        }
    }

    @Test func extensionsAndProjectDocuments() {
        #expect(InputCollector.nameParts("a.b.md") == ("a", "md"))
        #expect(InputCollector.nameParts("notes").last == nil)
        // A dot with a combining mark is no dot.
        #expect(InputCollector.nameParts("a.\u{301}md").last == nil)
        #expect(InputCollector.isProjectDocument("README.md"))
        #expect(InputCollector.isProjectDocument("License"))
        #expect(!InputCollector.isProjectDocument("2021-03-04.md"))
    }
}
