import Foundation
import Testing

@testable import Publish

/// The streaming encoder must write exactly what the tree encoder writes, and records must not need the tree.
@Suite struct StreamingJSONTests {
    static let hostile = [
        "", "plain", "quote \" and \\ backslash", "tab\tnew\nline\r", "nul \u{0} bell \u{7} esc \u{1B} del \u{7F}",
        "</script> & é ✓ 😀", "\u{2028}\u{2029}", "–dash’quote…", "\u{E2}", "e\u{301}", "🇬🇧", "end \u{2028}",
        "\u{2027}\u{2030}\u{2029}x",
    ]

    /// The text of the tree encoder: `value(of:)` serialised, as `encode` wrote it before streaming.
    func treeText(_ value: some Encodable, pretty: Bool) throws -> String {
        let text = try OrderedJSONEncoder(pretty: pretty).value(of: value).serialized(pretty: pretty)
        return pretty ? text + "\n" : text
    }

    func expectSame(_ value: some Encodable, streams: Bool = true) throws {
        for pretty in [true, false] {
            let streamed = try StreamingJSONWriter.text(of: value, pretty: pretty)
            #expect((streamed != nil) == streams)
            #expect(try OrderedJSONEncoder(pretty: pretty).encode(value) == treeText(value, pretty: pretty))
        }
    }

    static func meeting(_ text: String) -> Meeting {
        let person = Person(name: text, organization: nil, role: text, roles: [text, "chair"], lines: LineSpan(4, 4))
        return Meeting(
            id: "2021-05-12-board",
            source: MeetingSource(path: text, sha256: String(repeating: "0", count: 64), format: .markdown),
            title: text,
            date: nil,
            attendees: [person, person],
            officials: [],
            absent: [person],
            sections: [Section(id: "s", title: text, level: 1, parent: nil, lines: LineSpan(1, 9))],
            recommendations: [
                Recommendation(id: "r1", text: text, by: nil, to: text, section: "s", lines: LineSpan(5, 6))
            ],
            actions: [
                Action(
                    id: "a1",
                    text: text,
                    owners: [],
                    due: nil,
                    dueText: text,
                    section: nil,
                    lines: LineSpan(7, 7),
                    ownersAsWritten: [text]
                ),
                Action(
                    id: "a2",
                    text: text,
                    owners: [text, text, text, text, text, text, text, text, text],
                    due: "2021-06-01",
                    dueText: nil,
                    lines: LineSpan(8, 800_000)
                ),
            ],
            decisions: [],
            diagnostics: [Diagnostic(.warning, text, file: text, line: 2), Diagnostic(.error, text, file: "a.md")]
        )
    }

    @Test(arguments: hostile) func meetingsStreamAsTheTreeWritesThem(text: String) throws {
        try expectSame(Self.meeting(text))
        try expectSame([Self.meeting(text), Self.meeting(text)])
        try expectSame(Self.meeting(text).actions)
    }

    struct Scalars: Encodable {
        var small: UInt8 = 7
        var wide: Int64 = -9_000_000_000
        var minimum = Int.min
        var float: Float = 0.1
        var doubles = [0.5, 1e300, -0.0, .infinity, .nan, 1.0 / 3.0]
        var flags = [true, false]
        var optional: Int16? = 3
        var none: String? = nil
    }

    @Test func scalarsOfEveryKind() throws {
        try expectSame(Scalars())
        try expectSame("root \"string\"")
        try expectSame(42)
        try expectSame(String?.none)
    }

    @Test func arraysOnOneLineOrMany() throws {
        try expectSame([[Int]]())
        try expectSame([[1, 2], [], [3]])
        try expectSame(Array(1...8))
        try expectSame(Array(1...9))
        try expectSame([String(repeating: "x", count: 60), "y"])
        try expectSame([String(repeating: "x", count: 70)])
        try expectSame([String(repeating: "x", count: 66), "y"])
        try expectSame(["a": [[String: Int]](), "b": [["k": 1]]])
        try expectSame([Int?.none, 1, nil])
        try expectSame([[String: String]()])
    }

    struct Nothing: Encodable {
        func encode(to encoder: any Encoder) throws {}
    }

    struct Nested: Encodable {
        enum Key: String, CodingKey { case a, b, c }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            var inner = container.nestedContainer(keyedBy: Key.self, forKey: .a)
            try inner.encode(Nothing(), forKey: .a)
            var list = inner.nestedUnkeyedContainer(forKey: .b)
            try list.encode(1)
            var deeper = list.nestedUnkeyedContainer()
            try deeper.encodeNil()
            _ = list.nestedContainer(keyedBy: Key.self)
            try list.encode("after")
            try container.encode([Nothing(), Nothing()], forKey: .b)
            _ = container.nestedUnkeyedContainer(forKey: .c)
        }
    }

    @Test func nestedContainersAndEmptyValues() throws {
        try expectSame(Nested())
        try expectSame(Nothing())
        try expectSame([Nothing()])
    }

    /// Patterns the stream cannot write as it goes: the tree encoder writes them.
    struct Awkward: Encodable {
        enum Key: String, CodingKey { case a, b }
        let pattern: Int
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            switch pattern {
            case 0:
                try container.encode(1, forKey: .a)
                try container.encode(2, forKey: .b)
                try container.encode(3, forKey: .a)
            case 1:
                var inner = container.nestedUnkeyedContainer(forKey: .a)
                try container.encode(2, forKey: .b)
                try inner.encode(1)
            case 2:
                try container.encode(1, forKey: .a)
                var single = container.superEncoder(forKey: .b).singleValueContainer()
                try single.encode("super")
            case 3:
                try container.encode(encoder.codingPath.count, forKey: .a)
            default:
                var single = encoder.singleValueContainer()
                try single.encode(1)
            }
        }
    }

    struct Twice: Encodable {
        func encode(to encoder: any Encoder) throws {
            var single = encoder.singleValueContainer()
            try single.encode(1)
            try single.encode("two")
        }
    }

    @Test(arguments: 0...4) func awkwardPatternsFallBackToTheTree(pattern: Int) throws {
        try expectSame(Awkward(pattern: pattern), streams: false)
        try expectSame(["x": Awkward(pattern: pattern)], streams: false)
    }

    @Test func aSlotEncodedTwiceFallsBack() throws {
        try expectSame(Twice(), streams: false)
    }

    @Test func errorsAreTheTreeEncodersErrors() {
        #expect(throws: EncodingError.self) { try OrderedJSONEncoder(pretty: true).encode([UInt64.max]) }
    }
}
