import Foundation
import Ingest
import PropertyBased
import Testing

@testable import Publish

/// Characters that break naive writers (quotes, commas, line ends, NUL, formula starts, markup, bidi overrides,
/// C1 controls, combining marks) mixed with letters and any Unicode scalar.
let hostileCharacter = Gen.frequency(
    (
        weight: 3,
        gen: Gen<Character?>
            .element(
                of: Array("\",\r\n\0=+-@\t<>&' \u{202E}\u{2066}\u{7F}\u{85}\u{1B}é\u{301}\u{600}🎉\u{FEFF}") + ["\r\n"]
            )
            .map { $0 ?? "?" }
    ),
    (weight: 2, gen: Gen.letterOrNumber),
    (weight: 1, gen: Gen<UInt32>.value(in: 0...0x10FFFF).compactMap { Unicode.Scalar($0).map(Character.init) })
)

/// Arbitrary short strings made of ``hostileCharacter``.
let hostileString = hostileCharacter.string(of: 0...24)

/// The rows of RFC 4180 text, read by Unicode scalar (a CRLF is one `Character`, two scalars here).
func readRFC4180(_ text: String) -> [[String]] {
    var rows: [[String]] = []
    var row: [String] = []
    var field = String.UnicodeScalarView()
    var quoted = false
    var scalars = text.unicodeScalars[...]
    while let scalar = scalars.popFirst() {
        if quoted {
            if scalar == "\"" {
                if scalars.first == "\"" {
                    scalars.removeFirst()
                    field.append("\"")
                } else {
                    quoted = false
                }
            } else {
                field.append(scalar)
            }
            continue
        }
        switch scalar {
        case "\"" where field.isEmpty: quoted = true
        case ",":
            row.append(String(field))
            field = String.UnicodeScalarView()
        case "\r" where scalars.first == "\n":
            scalars.removeFirst()
            row.append(String(field))
            rows.append(row)
            row = []
            field = String.UnicodeScalarView()
        default: field.append(scalar)
        }
    }
    if !field.isEmpty || !row.isEmpty { rows.append(row + [String(field)]) }
    return rows
}

@Suite struct CSVPropertyTests {
    @Test func cellsReadBackUnchangedWithoutTheGuard() async {
        await propertyCheck(count: 300, input: hostileString.array(of: 1...6).array(of: 0...4)) { rows in
            let writer = CSVWriter(guardsFormulas: false)
            let text = writer.text(header: ["a"], rows: rows)
            #expect(readRFC4180(text) == [["a"]] + rows)
        }
    }

    @Test func theGuardOnlyAddsALeadingQuoteToFormulaCells() async {
        await propertyCheck(count: 300, input: hostileString.array(of: 1...6)) { cells in
            let read = readRFC4180(CSVWriter().text(header: cells, rows: []))
            #expect(read.count == 1)
            for (cell, back) in zip(cells, read.first ?? []) {
                let formula = cell.unicodeScalars.first.map { "=+-@\t\r".unicodeScalars.contains($0) } ?? false
                #expect(
                    back == (formula ? "'" + cell : cell),
                    "\(cell.debugDescription) read as \(back.debugDescription)"
                )
            }
            #expect(read.first?.count == cells.count)
        }
    }

    @Test func theByteOrderMarkIsOnlyAPrefix() async {
        await propertyCheck(count: 100, input: hostileString.array(of: 1...4)) { cells in
            let plain = CSVWriter(guardsFormulas: false).text(header: cells, rows: [])
            let marked = CSVWriter(guardsFormulas: false, byteOrderMark: true).text(header: cells, rows: [])
            #expect(Array(marked.utf8) == [0xEF, 0xBB, 0xBF] + Array(plain.utf8))
        }
    }
}

@Suite struct HTMLEscapingPropertyTests {
    /// The five entities ``HTML/escape(_:)`` writes, matched by Unicode scalar (`&quot;` followed by a combining
    /// mark is one `Character` too many for a match by `Character`).
    let entity = /&(amp|lt|gt|quot|#39);/.matchingSemantics(.unicodeScalar)

    /// Undoes the five entities ``HTML/escape(_:)`` writes.
    func unescape(_ html: String) -> String {
        let characters = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "#39": "'"]
        return html.replacing(entity) { characters[String($0.output.1)] ?? "" }
    }

    @Test func escapedTextStartsNoTagAndClosesNoAttribute() async {
        await propertyCheck(count: 500, input: hostileString) { text in
            let escaped = HTML.escape(text)
            #expect(!escaped.unicodeScalars.contains { "<>\"'".unicodeScalars.contains($0) }, "\(escaped)")
            #expect(!escaped.unicodeScalars.contains(where: DisplaySafety.isUnsafe))
            // Every `&` starts one of the five entities: nothing else was taken as markup.
            #expect(!escaped.replacing(entity, with: "").unicodeScalars.contains("&"))
            #expect(unescape(escaped) == DisplaySafety.neutralise(text))
        }
    }

    @Test func escapingBytesGivesWhatEscapingScalarsGives() async {
        let tricky = [
            "", "plain line", "a < b && c > d", "\"quoted\" and 'single'", "tab\there", "Zoë & Siobhán <chair>",
            "\"\u{301}quote with a combining mark", "\u{600}<", "nbsp\u{A0}here", "curly \u{201C}quotes\u{201D}",
            "bell\u{7}", "del\u{7F}", "c1\u{85}", "bidi\u{202E}override", "cr\r", "\r\n",
        ]
        // Byte paths against the scalar path they stand for.
        @Sendable func check(_ text: String) {
            var out: [UInt8] = []
            Array(text.utf8).withUnsafeBufferPointer { HTML.appendReplacing($0, HTML.markupReplacement, to: &out) }
            let scalars = "\(text.unicodeScalars.map(\.value))"
            #expect(
                String(decoding: out, as: UTF8.self) == HTML.replacingScalars(text, HTML.markupReplacement),
                "\(scalars)"
            )
            #expect(HTML.scriptSafeJSON(text) == HTML.replacingScalars(text, HTML.jsonReplacement), "\(scalars)")
        }
        for text in tricky { check(text) }
        #expect(HTML.scriptSafeJSON("{\"a\":\"<b> & c\"}") == "{\"a\":\"\\u003cb\\u003e \\u0026 c\"}")
        await propertyCheck(count: 500, input: hostileString) { text in check(text) }
    }

    @Test func neutralisingReplacesOnlyUnsafeScalars() async {
        await propertyCheck(count: 500, input: hostileString) { text in
            let neutral = DisplaySafety.neutralise(text)
            #expect(neutral.unicodeScalars.count == text.unicodeScalars.count)
            for (before, after) in zip(text.unicodeScalars, neutral.unicodeScalars) {
                #expect(after == (DisplaySafety.isUnsafe(before) ? "\u{FFFD}" : before))
            }
        }
    }

    @Test func isolatingMarkupOnBytesGivesWhatItGivesByCharacter() async {
        let tricky = [
            "", "plain", "a & b", "\r\n<\r\n", "O'Brien \"quoted\"", "\"\u{301}", "\u{600}<", "Zoë & co", "Zoë",
            "nbsp\u{A0}&", "curly \u{201C}'\u{201D}", "<\u{338}", "e\u{301}>",
        ]
        for text in tricky {
            #expect(HTML.isolatingMarkup(text) == HTML.isolatingMarkupByCharacter(text), "\(text.unicodeScalars)")
        }
        #expect(HTML.isolatingMarkup("\u{600}<") == "\u{600}\u{200B}<\u{200B}")
        await propertyCheck(count: 500, input: hostileString) { text in
            #expect(HTML.isolatingMarkup(text) == HTML.isolatingMarkupByCharacter(text))
        }
    }

    @Test func markupCharactersAreCharactersOfTheirOwnForMustache() async {
        await propertyCheck(count: 500, input: hostileString) { text in
            let isolated = HTML.isolatingMarkup(text)
            #expect(isolated.unicodeScalars.filter { $0 != "\u{200B}" }.elementsEqual(text.unicodeScalars))
            let markup = Set("<>&\"'".unicodeScalars)
            for character in isolated {
                let scalars = Array(character.unicodeScalars)
                if scalars.contains(where: markup.contains) {
                    #expect(scalars.count == 1, "\(scalars.map(\.value)) in \(text.unicodeScalars.map(\.value))")
                }
            }
        }
    }

    @Test func aMeetingPageShowsNoMarkupOrBidiFromItsRecord() async throws {
        let site = try SiteRenderer(
            templatesFolder: nil,
            buildDate: try #require(CalendarDate(iso: "2021-06-01")),
            siteTitle: "Minutes",
            siteURL: ""
        )
        let document = try NoteIngestor().ingest(bytes: Array("# Note\n".utf8), path: "n.md")
        // Each string carries `<zz`: a page that kept it unescaped would have a `<zz` tag.
        let payload = hostileString.map { "\($0)<zz\($0)\"'\u{600}<zz<\u{301}zz" }
        await propertyCheck(count: 60, input: payload, payload, payload) { title, name, text in
            let meeting = Meeting(
                id: "m",
                source: MeetingSource(path: name, sha256: "0", format: .markdown),
                title: title,
                location: text,
                attendees: [Person(name: name, organization: text, role: title, lines: LineSpan(1, 1))],
                actions: [Action(id: "a1", text: text, owners: [name], dueText: title, lines: LineSpan(1, 1))],
                decisions: [Decision(id: "d1", text: text, lines: LineSpan(1, 1))],
                diagnostics: [Diagnostic(.warning, text, file: name, line: 1)]
            )
            let overview = try OverviewIndex(scratch: FileManager.default.temporaryDirectory)
            try overview.add(meeting)
            let pages = try site.overviewPages(try overview.sealed(), pageSize: 1).map { try $0.render() }
            for bytes in [try site.meetingPage(meeting, noteHTML: SiteRenderer.noteHTML(meeting, document: document))]
                + pages
            {
                let page = String(decoding: bytes, as: UTF8.self)
                #expect(!page.contains("<zz"))
                #expect(!page.unicodeScalars.contains { $0 == "\u{202E}" || $0 == "\u{2066}" || $0 == "\u{1B}" })
            }
        }
    }
}

@Suite struct RecordPropertyTests {
    @Test func meetingsSurviveAJSONRoundTrip() async throws {
        let optional = hostileString.optional
        let line = Gen.int(in: 1...100_000)
        let person = zip(hostileString, optional, optional, hostileString.array(of: 0...2), optional, line)
            .map { Person(name: $0, organization: $1, role: $2, roles: $3, handle: $4, lines: LineSpan($5, $5 + 2)) }
        let action = zip(hostileString, hostileString.array(of: 0...2), optional, optional, line)
            .map { Action(id: "a1", text: $0, owners: $1, due: $2, dueText: $3, section: $2, lines: LineSpan($4, $4)) }
        let texts = zip(hostileString, optional, optional, optional, optional, optional)
        await propertyCheck(count: 200, input: texts, person.array(of: 0...3), action.array(of: 0...3)) {
            texts,
            people,
            actions in
            let (text, title, date, time, location, section) = texts
            let meeting = Meeting(
                id: text,
                source: MeetingSource(path: text, sha256: "ab", format: .text),
                title: title,
                date: date,
                startTime: time,
                endTime: time,
                location: location,
                attendees: people,
                officials: people.reversed(),
                absent: Array(people.prefix(1)),
                sections: [Section(id: text, title: text, level: 2, parent: section, lines: LineSpan(3, 9))],
                recommendations: [Recommendation(id: "r1", text: text, by: title, to: location, lines: LineSpan(4, 4))],
                actions: actions,
                decisions: [Decision(id: "d1", text: text, section: section, lines: LineSpan(5, 6))],
                diagnostics: [
                    Diagnostic(.error, text, file: text, position: SourcePosition(line: 7, column: 3)),
                    Diagnostic(.note, text, file: text),
                ]
            )
            for pretty in [true, false] {
                let json = try OrderedJSONEncoder(pretty: pretty).encode(meeting)
                let decoded = try JSONDecoder().decode(Meeting.self, from: Data(json.utf8))
                #expect(decoded == meeting, "\(json)")
            }
        }
    }
}
