import Extract
import Ingest
import PropertyBased
import Testing

@testable import Publish

/// Strings that stress a JSON writer: ``hostileString`` around a character JSON escapes or uses as syntax.
let jsonString = zip(
    hostileString,
    Gen<Character?>.element(of: Array("\"\\\u{2028}\u{2029}[]{},: \u{0}\u{1F}\u{7F}\u{85}é\u{301}😀")).map { $0 ?? "x" },
    hostileString
)
.map { $0 + String($1) + $2 }

/// Record values of every type, with every optional field sometimes absent.
enum RecordGen {
    static let optional = jsonString.optional
    static let line = Gen.int(in: 0...2_000_000)
    static let number = Gen.int(in: Int.min...Int.max)

    static let person = zip(jsonString, optional, optional, optional, optional, jsonString.array(of: 0...3), line, line)
        .map { name, organization, role, written, handle, roles, first, last in
            Person(
                name: name,
                organization: organization,
                role: role,
                roles: roles,
                handle: handle,
                lines: LineSpan(first, last),
                nameAsWritten: written,
                organizationAsWritten: written.map { $0 + role.debugDescription }
            )
        }

    static let section = zip(jsonString, jsonString, number, optional, line, line)
        .map { Section(id: $0, title: $1, level: $2, parent: $3, lines: LineSpan($4, $5)) }

    static let action = zip(
        jsonString,
        jsonString,
        jsonString.array(of: 0...10),
        jsonString.array(of: 0...3).optional,
        optional,
        optional,
        optional,
        line
    )
    .map { id, text, owners, written, due, dueText, section, first in
        Action(
            id: id,
            text: text,
            owners: owners,
            due: due,
            dueText: dueText,
            section: section,
            lines: LineSpan(first, first + 3),
            ownersAsWritten: written
        )
    }

    static let recommendation = zip(jsonString, jsonString, optional, optional, optional, line)
        .map { Recommendation(id: $0, text: $1, by: $2, to: $3, section: $4, lines: LineSpan($5, $5)) }

    static let decision = zip(jsonString, jsonString, optional, line)
        .map { Decision(id: $0, text: $1, section: $2, lines: LineSpan($3, $3 + 1)) }

    static let diagnostic = zip(
        Gen<Diagnostic.Severity?>.element(of: [.note, .warning, .error]),
        jsonString,
        jsonString,
        zip(line, number).optional
    )
    .map { severity, message, file, position in
        Diagnostic(
            severity ?? .note,
            message,
            file: file,
            position: position.map { SourcePosition(line: $0, column: $1) }
        )
    }

    static let heading = zip(
        jsonString,
        jsonString,
        jsonString,
        Gen<NoteFormat?>.element(of: NoteFormat.allCases),
        zip(optional, optional, optional, optional, optional)
    )

    static let people = zip(person.array(of: 0...3), person.array(of: 0...2), person.array(of: 0...2))

    static let records = zip(
        section.array(of: 0...3),
        recommendation.array(of: 0...2),
        action.array(of: 0...3),
        decision.array(of: 0...2),
        diagnostic.array(of: 0...2)
    )

    static let meeting = zip(heading, people, records).map { heading, people, records in
        let (id, path, sha256, format, texts) = heading
        return Meeting(
            id: id,
            source: MeetingSource(path: path, sha256: sha256, format: format ?? .text),
            title: texts.0,
            date: texts.1,
            startTime: texts.2,
            endTime: texts.3,
            location: texts.4,
            attendees: people.0,
            officials: people.1,
            absent: people.2,
            sections: records.0,
            recommendations: records.1,
            actions: records.2,
            decisions: records.3,
            diagnostics: records.4
        )
    }
}

/// The field-by-field writer of records must write what their `encode(to:)` writes through the tree encoder, in
/// both layouts, for every record type: a field added to a record and not to ``RecordJSON`` fails here.
@Suite struct RecordJSONTests {
    /// Checks `value` is written by ``RecordJSON`` as the `Codable` tree encoder writes it, compact and pretty.
    func expectSameAsCodable(_ value: some Encodable) throws {
        let compact = try #require(RecordJSON.compact(value))
        let tree = try OrderedJSONEncoder(pretty: false).value(of: value)
        let treeCompact = tree.serialized(pretty: false)
        let treePretty = tree.serialized(pretty: true) + "\n"
        // By bytes: `String` equality would take canonically equivalent text as the same.
        #expect(compact.elementsEqual(treeCompact.utf8), "\(treeCompact)")
        #expect(try OrderedJSONEncoder(pretty: false).encode(value).utf8.elementsEqual(treeCompact.utf8))
        #expect(try OrderedJSONEncoder(pretty: true).encode(value).utf8.elementsEqual(treePretty.utf8), "\(treePretty)")
        // The bytes a build writes to `json/ID.json`, laid out from the compact bytes with no `String` made of them.
        let written = compact.withUnsafeBufferPointer { RecordJSON.withPretty(ofCompact: $0) { Array($0) } }
        #expect(written.elementsEqual(treePretty.utf8))
        try expectSameBytesAsText(value)
    }

    /// Checks ``OrderedJSONEncoder/withEncoded(_:_:)`` hands over the bytes of ``OrderedJSONEncoder/encode(_:)``'s
    /// text, compact and pretty.
    func expectSameBytesAsText(_ value: some Encodable) throws {
        for pretty in [false, true] {
            let encoder = OrderedJSONEncoder(pretty: pretty)
            let bytes = try encoder.withEncoded(value) { Array($0) }
            #expect(bytes.elementsEqual(try encoder.encode(value).utf8))
        }
    }

    @Test func meetings() async {
        await propertyCheck(count: 150, input: RecordGen.meeting) { meeting in
            try expectSameAsCodable(meeting)
        }
    }

    @Test func eachRecordTypeOnItsOwn() async {
        await propertyCheck(
            count: 200,
            input: zip(RecordGen.person, RecordGen.section, RecordGen.action),
            zip(RecordGen.recommendation, RecordGen.decision)
        ) { first, second in
            try expectSameAsCodable(first.0)
            try expectSameAsCodable(first.1)
            try expectSameAsCodable(first.2)
            try expectSameAsCodable(second.0)
            try expectSameAsCodable(second.1)
        }
    }

    /// The manifest's lines for notes and pages, written field by field, are what the streaming and tree encoders
    /// write of them.
    @Test func manifestNotesAndPages() async {
        let diagnostic = RecordGen.diagnostic.optional
        await propertyCheck(count: 200, input: jsonString, Gen.int(in: Int.min...Int.max), Gen.bool, diagnostic) {
            text,
            position,
            keyed,
            error in
            let key = keyed ? Digest(of: text) : nil
            let note = BuildManifest.Note(position: position, path: text, key: key, error: error)
            try expectSameAsCodable(note)
            let streamedNote = try #require(try StreamingJSONWriter.text(of: note, pretty: false))
            #expect(try #require(RecordJSON.compact(note)).elementsEqual(streamedNote.utf8))
            let page = BuildManifest.Page(id: text, key: Digest(of: text))
            try expectSameAsCodable(page)
            let streamedPage = try #require(try StreamingJSONWriter.text(of: page, pretty: false))
            #expect(try #require(RecordJSON.compact(page)).elementsEqual(streamedPage.utf8))
        }
    }

    @Test func recordsWithEveryOptionalAbsentOrPresent() throws {
        let span = LineSpan(3, 3)
        for text in StreamingJSONTests.hostile {
            let some: String? = text
            for value in [nil, some] {
                try expectSameAsCodable(
                    Person(
                        name: text,
                        organization: value,
                        role: value,
                        handle: value,
                        lines: span,
                        nameAsWritten: value
                    )
                )
                try expectSameAsCodable(Section(id: text, title: text, level: -1, parent: value, lines: span))
                try expectSameAsCodable(
                    Action(
                        id: text,
                        text: text,
                        owners: [],
                        due: value,
                        dueText: value,
                        section: value,
                        lines: span,
                        ownersAsWritten: value.map { [$0] }
                    )
                )
                try expectSameAsCodable(Recommendation(id: text, text: text, by: value, to: value, lines: span))
                try expectSameAsCodable(Decision(id: text, text: text, section: value, lines: span))
                try expectSameAsCodable(StreamingJSONTests.meeting(text))
            }
        }
    }

    @Test func otherValuesAreNotRecords() throws {
        #expect(RecordJSON.compact([StreamingJSONTests.meeting("x")]) == nil)
        #expect(RecordJSON.compact(LineSpan(1, 2)) == nil)
        #expect(RecordJSON.compact("text") == nil)
        try expectSameBytesAsText([StreamingJSONTests.meeting("x")])
        try expectSameBytesAsText(LineSpan(1, 2))
    }
}
