import Extract
import Foundation
import Ingest
import PropertyBased
import Testing

@testable import Publish

/// The byte fast paths of the digest's text handling give what the scalar and character paths they skip would.
@Suite struct SiteTextTests {
    /// Text with every kind of character the fast paths look for or must leave alone.
    let tricky = [
        "", "plain", "tab\there", "line\nfeed", "crlf\r\nline", "a < b && c > d", "\"quoted\" and 'single'",
        "Zoë & Siobhán", "\u{201C}curly\u{201D} \u{2013} dash", "e\u{301} combining", "\"\u{301}quote with a mark",
        "\u{600}<prepended", "nbsp\u{A0}here", "bell\u{7}", "del\u{7F}", "c1\u{85}next", "c1\u{9F}", "\u{80}",
        "rlo\u{202E}txt", "lre\u{202A}", "pdf\u{202C}", "lri\u{2066}x\u{2069}", "zwsp\u{200B}", "ls\u{2028}ps\u{2029}",
        "escape\u{1B}[31m", "nul\u{0}", "emoji 👩🏽‍⚕️ & more", "\u{FFFD}", "\u{10FFFF}",
    ]

    @Test func safeTextIsWhatNeutralisingAndIsolatingGive() {
        for text in tricky {
            #expect(HTML.safe(text) == HTML.isolatingMarkup(DisplaySafety.neutralise(text)), "\(text.debugDescription)")
        }
        #expect(HTML.isPlainText("tab\tand\nfeed ~"))
        #expect(!HTML.isPlainText("del\u{7F}"))
        #expect(!HTML.isPlainText("carriage\rreturn"))
        #expect(!HTML.isPlainText("é"))
    }

    /// Every unsafe character starts with a byte ``HTML/mayStartUnsafe(_:)`` names, and ``HTML/startsUnsafe(_:at:)``
    /// agrees with ``DisplaySafety/isUnsafe(_:)`` on every scalar.
    @Test func theUnsafeByteTestAgreesWithDisplaySafetyOnEveryScalar() {
        var unsafeCount = 0
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            var bytes: [UInt8] = []
            UTF8.encode(scalar) { bytes.append($0) }
            let unsafe = DisplaySafety.isUnsafe(scalar)
            if unsafe {
                unsafeCount += 1
                #expect(HTML.mayStartUnsafe(bytes[0]), "U+\(String(value, radix: 16))")
            }
            bytes.append(0x41)
            let starts = bytes.withUnsafeBufferPointer { HTML.startsUnsafe($0, at: 0) }
            if starts != unsafe { Issue.record("U+\(String(value, radix: 16)): \(starts), not \(unsafe)") }
        }
        #expect(unsafeCount > 60)
    }

    @Test func noteHTMLNeutralisesWhatCmarkPassesThrough() {
        let sourcepos = #"<p data-sourcepos="1:1-1:9">"#
        for text in tricky {
            let html = sourcepos + HTML.escape(text).replacingOccurrences(of: "\u{FFFD}", with: "") + "</p>\n"
            let raw = sourcepos + text + "</p>\n"
            for input in [html, raw] {
                let rendered = NoteHTML.markdown(input, marks: [1: .action])
                let expected = DisplaySafety.neutralise(
                    input.replacingOccurrences(of: "<p ", with: #"<p id="L1" class="record action" "#)
                )
                #expect(rendered == expected, "\(input.debugDescription)")
            }
        }
    }

    /// Each line is anchored once, on the first block that starts on it, in whatever order the blocks come.
    @Test func noteHTMLAnchorsEachLineOnce() {
        let lines = [3, 3, 1, 5, 1, 4, 3, 5, 2, 0, 6, 2, 7]
        let input = lines.map { #"<p data-sourcepos="\#($0):1-\#($0):2">x</p>"# }.joined(separator: "\n")
        var seen = Set<Int>()
        var last = 0
        let expected = lines.map { line -> String in
            let first = line > 0 && line != last && seen.insert(line).inserted
            if first { last = line }
            let id = first ? #" id="L\#(line)""# + (line == 4 ? #" class="record decision""# : "") : ""
            return #"<p\#(id) data-sourcepos="\#(line):1-\#(line):2">x</p>"#
        }
        #expect(NoteHTML.markdown(input, marks: [4: .decision]) == expected.joined(separator: "\n"))
    }

    /// Due dates read on bytes as `CalendarDate(iso:)` reads them, canonical or not.
    @Test func dueDatesReadAsCalendarDateReadsThem() async {
        let texts = [
            "2021-05-20", "2021-02-29", "2020-02-29", "2021-13-01", "2021-00-10", "2021-04-31", "0021-05-20",
            "1899-12-31", "2200-12-31", "2201-01-01", "2021-5-20", "2021-05-2x", "+021-05-20", "2021--05-20",
            "2021-05-20-", "-2021-05-20", "2021-05-20\n", "\u{661}\u{662}\u{663}\u{664}-05-20", "2021-05-1\u{301}",
            "", "2021/05/20", "20210520", "2021-05-20T10", "x021-05-20", "2021-0a-20",
        ]
        for text in texts + tricky {
            #expect(SiteRenderer.date(text) == CalendarDate(iso: text), "\(text.debugDescription)")
        }
        let characters = Gen<Character?>.element(of: Array("0123456789-+x")).map { $0 ?? "0" }
        await propertyCheck(count: 300, input: characters.string(of: 8...12)) { text in
            #expect(SiteRenderer.date(text) == CalendarDate(iso: text), "\(text.debugDescription)")
        }
    }

    @Test func replacingOnBytesGivesWhatReplacingScalarsGives() {
        for text in tricky {
            // Long plain runs around the text, so that words of eight bytes are passed over on either side of it.
            for padded in [text, "0123456789abcdef" + text + "ghijklmnopqrstuv", "x" + text + text + "yz0123456"] {
                // JSON's replacement leaves quotes alone: its bytes need no look at them.
                for (replacement, quotes) in [
                    (HTML.markupReplacement, true), (HTML.jsonReplacement, true), (HTML.jsonReplacement, false),
                ] {
                    var out: [UInt8] = []
                    Array(padded.utf8).withUnsafeBufferPointer {
                        HTML.appendReplacing($0, replacement, quotes: quotes, to: &out)
                    }
                    #expect(
                        String(decoding: out, as: UTF8.self) == HTML.replacingScalars(padded, replacement),
                        "\(padded.debugDescription)"
                    )
                }
            }
        }
    }

    /// JSON with quotes and letters that are not ASCII, but none of `< > &` and nothing unsafe, is copied as it is.
    @Test func jsonThatNeedsNoReplacementIsCopiedWhole() {
        for text in [
            "{\"@type\":\"Person\",\"name\":\"Zoë\"}", "{\"name\":\"0123456789abcdef\"}", "'\u{201C}é\u{201D}'",
        ] {
            var out: [UInt8] = []
            let bytes = Array(text.utf8)
            bytes.withUnsafeBufferPointer { HTML.appendReplacing($0, HTML.jsonReplacement, quotes: false, to: &out) }
            #expect(out == bytes, "\(text.debugDescription)")
        }
    }

    /// The JSON-LD of a meeting, as a `JSONValue` tree gives it.
    func treeJSONLD(_ meeting: Meeting) -> String {
        var event: [(key: String, value: JSONValue)] = [
            ("@context", .string("https://schema.org")), ("@type", .string("Event")),
            ("name", .string(meeting.title ?? meeting.id)),
        ]
        if let date = meeting.date {
            event.append(("startDate", .string(meeting.startTime.map { "\(date)T\($0)" } ?? date)))
            if let end = meeting.endTime { event.append(("endDate", .string("\(date)T\(end)"))) }
        }
        if let location = meeting.location { event.append(("location", .string(location))) }
        let attendees = (meeting.attendees + meeting.officials).map { person -> JSONValue in
            var fields: [(key: String, value: JSONValue)] = [
                ("@type", .string("Person")), ("name", .string(person.name)),
            ]
            if let organization = person.organization {
                fields.append(
                    ("affiliation", .object([("@type", .string("Organization")), ("name", .string(organization))]))
                )
            }
            return .object(fields)
        }
        if !attendees.isEmpty { event.append(("attendee", .array(attendees))) }
        let json = HTML.scriptSafeJSON(JSONValue.object(event).serialized(pretty: false))
        return "<script type=\"application/ld+json\">\(json)</script>"
    }

    @Test func jsonLDIsWhatAJSONTreeGives() {
        let lines = LineSpan(1, 1)
        for text in tricky + ["</script><script>alert(1)</script>", "back\\slash"] {
            let meetings = [
                Meeting(id: "m", source: MeetingSource(path: "a.md", sha256: "0", format: .markdown)),
                Meeting(
                    id: "m",
                    source: MeetingSource(path: "a.md", sha256: "0", format: .markdown),
                    title: text,
                    date: "2021-05-01",
                    startTime: "10:00",
                    endTime: text,
                    location: text,
                    attendees: [
                        Person(name: text, organization: text, lines: lines), Person(name: "Bob", lines: lines),
                    ],
                    officials: [Person(name: "Ann", organization: "Acme", lines: lines)]
                ),
                Meeting(
                    id: text,
                    source: MeetingSource(path: "a.md", sha256: "0", format: .markdown),
                    date: "2021-05-01",
                    officials: [Person(name: text, lines: lines)]
                ),
            ]
            for meeting in meetings {
                let bytes = SiteRenderer.jsonLD(meeting)
                #expect(String(validating: bytes, as: UTF8.self) == treeJSONLD(meeting), "\(text.debugDescription)")
            }
        }
    }
}
