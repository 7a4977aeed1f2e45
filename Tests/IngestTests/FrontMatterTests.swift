import Testing

@testable import Ingest

@Suite struct FrontMatterTests {
    static let note = """
        ---
        title: Garden Trust committee
        date: 2021-03-04
        quorate: true
        members: 7
        budget: 1250.50
        location: ~
        attendees:
          - Ann Lee
          - name: Bob Roy
            role: Chair
        ---
        # Minutes

        Present: Ann, Bob
        """

    @Test func parsesTypedValuesInOrder() throws {
        let document = try NoteIngestor().ingest(bytes: Array(Self.note.utf8), path: "n.md")
        let frontMatter = try #require(document.frontMatter)
        #expect(frontMatter.lines == 1...12)
        #expect(frontMatter["title"] == .string("Garden Trust committee"))
        #expect(frontMatter["date"] == .string("2021-03-04"), "dates stay as written")
        #expect(frontMatter["Quorate"] == .bool(true), "keys compare case-insensitively")
        #expect(frontMatter["members"] == .int(7))
        #expect(frontMatter["budget"] == .double(1250.5))
        #expect(frontMatter["location"] == .null)
        let attendees = try #require(frontMatter["attendees"])
        guard case .list(let people) = attendees else {
            Issue.record("attendees is not a list: \(attendees)")
            return
        }
        #expect(people.first == .string("Ann Lee"))
        #expect(people.last?["role"] == .string("Chair"))
        guard case .map(let entries) = frontMatter.value else { return }
        #expect(entries.map(\.key) == ["title", "date", "quorate", "members", "budget", "location", "attendees"])
    }

    @Test func keepsLineNumbersOfTheBody() throws {
        let document = try NoteIngestor().ingest(bytes: Array(Self.note.utf8), path: "n.md")
        let heading = try #require(document.root.children.first)
        #expect(heading.kind == .heading(level: 1))
        #expect(heading.lines == 13...13)
        #expect(document.root.children.last?.lines == 15...15)
        #expect(document.text.split(separator: "\n", omittingEmptySubsequences: false).count == 15)
        #expect(document.diagnostics.isEmpty)
    }

    @Test func quotedScalarsStayStrings() {
        let split = FrontMatterParser.split("---\nyes: \"true\"\nn: '42'\n---\n", path: "n.md")
        #expect(split.frontMatter?["yes"] == .string("true"))
        #expect(split.frontMatter?["n"] == .string("42"))
    }

    @Test func reportsInvalidYAMLOnItsLineAndReadsTheBody() throws {
        let text = "---\ntitle: ok\nattendees: [Ann, Bob\n---\n# Body\n"
        let document = try NoteIngestor().ingest(bytes: Array(text.utf8), path: "n.md")
        #expect(document.frontMatter == nil)
        let error = try #require(document.diagnostics.first { $0.severity == .error })
        #expect(error.message.hasPrefix("front matter is not valid YAML"))
        #expect((2...4).contains(error.position?.line ?? 0), "the error points into the front matter: \(error)")
        #expect(document.root.children.first?.kind == .heading(level: 1))
        #expect(document.root.children.first?.lines == 5...5)
    }

    @Test func refusesAnAliasBomb() {
        var yaml = "a: &a [x, x, x, x, x, x, x, x, x]\n"
        let names = ["b", "c", "d", "e", "f", "g", "h", "i"]
        var previous = "a"
        for name in names {
            yaml += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]\n"
            previous = name
        }
        let split = FrontMatterParser.split("---\n\(yaml)---\nBody\n", path: "bomb.md")
        #expect(split.frontMatter == nil)
        #expect(split.diagnostics.map(\.severity) == [.error])
        #expect(split.diagnostics.first?.message.contains("refused") == true)
        #expect(split.body.hasSuffix("\nBody\n"))
    }

    @Test(arguments: ["# No front matter\n", "---\nnot closed\n", "Text\n---\nb: 1\n---\n"])
    func leavesNotesWithoutFrontMatterAlone(text: String) {
        let split = FrontMatterParser.split(text, path: "n.md")
        #expect(split.frontMatter == nil)
        #expect(split.body == text)
        #expect(split.diagnostics.isEmpty)
    }
}
