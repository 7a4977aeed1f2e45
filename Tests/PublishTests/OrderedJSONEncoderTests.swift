import Foundation
import Publish
import Testing

@Suite struct OrderedJSONEncoderTests {
    @Test func keepsDeclarationOrderAndPrintsReadably() throws {
        let action = Action(
            id: "a1",
            text: "Ann to draft",
            owners: ["Ann"],
            due: nil,
            dueText: nil,
            lines: LineSpan(3, 4)
        )
        let text = try OrderedJSONEncoder().encode(action)
        #expect(
            text == """
                {
                  "id": "a1",
                  "text": "Ann to draft",
                  "owners": ["Ann"],
                  "owners_as_written": null,
                  "due": null,
                  "due_text": null,
                  "section": null,
                  "lines": [3, 4]
                }

                """
        )
        #expect(try OrderedJSONEncoder(pretty: false).encode(action).contains("\n") == false)
    }

    @Test(arguments: [
        "quote \" and \\ backslash", "tab\tnew\nline\r", "nul \u{0} bell \u{7} del \u{7F}", "</script> & é ✓ 😀",
        "\u{2028}\u{2029}",
    ])
    func escapesStringsSoTheyReadBack(text: String) throws {
        let json = try OrderedJSONEncoder(pretty: false).encode(["text": text])
        #expect(!json.unicodeScalars.contains { $0.value < 0x20 })
        let decoded = try JSONDecoder().decode([String: String].self, from: Data(json.utf8))
        #expect(decoded["text"] == text)
    }

    @Test func meetingsSurviveARoundTrip() throws {
        let meeting = Meeting(
            id: "2021-05-12-board",
            source: MeetingSource(path: "a.md", sha256: String(repeating: "0", count: 64), format: .markdown),
            title: "Board",
            date: "2021-05-12",
            attendees: [
                Person(name: "Ann Lee", organization: "Clinks", role: "Chair", roles: ["chair"], lines: LineSpan(4, 4))
            ],
            sections: [Section(id: "s", title: "S", level: 1, parent: nil, lines: LineSpan(1, 9))],
            recommendations: [
                Recommendation(id: "r1", text: "Should.", by: "We", to: nil, section: "s", lines: LineSpan(5, 6))
            ],
            actions: [
                Action(
                    id: "a1",
                    text: "Do",
                    owners: ["Ann"],
                    due: "2021-06-01",
                    dueText: "by 1 June",
                    section: "s",
                    lines: LineSpan(7, 7)
                )
            ],
            decisions: [Decision(id: "d1", text: "Agreed.", section: nil, lines: LineSpan(8, 8))],
            diagnostics: [Diagnostic(.warning, "odd", file: "a.md", line: 2), Diagnostic(.error, "bad", file: "a.md")]
        )
        for pretty in [true, false] {
            let json = try OrderedJSONEncoder(pretty: pretty).encode(meeting)
            #expect(try JSONDecoder().decode(Meeting.self, from: Data(json.utf8)) == meeting)
        }
    }
}

@Suite struct OrderedJSONEncoderIntegerTests {
    struct Sizes: Encodable {
        var small: UInt8 = 7
        var wide: Int64 = -9_000_000_000
        var float: Float = 0.5
    }

    @Test func encodesEveryIntegerWidth() throws {
        let text = try OrderedJSONEncoder(pretty: false).encode(Sizes())
        #expect(text == #"{"small":7,"wide":-9000000000,"float":0.5}"#)
    }

    @Test func refusesAnIntegerThatDoesNotFit() {
        struct Huge: Encodable { var value = UInt64.max }
        #expect(throws: EncodingError.self) { try OrderedJSONEncoder(pretty: false).encode(Huge()) }
    }
}
