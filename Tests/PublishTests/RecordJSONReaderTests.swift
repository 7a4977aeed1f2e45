import Extract
import Foundation
import Ingest
import PropertyBased
import Testing

@testable import Publish

/// ``RecordJSONReader`` must read what ``RecordJSON`` writes exactly as `JSONDecoder` does, and give up on anything
/// else, so that the cache's fallback to `JSONDecoder` keeps odd and damaged files read as before.
@Suite struct RecordJSONReaderTests {
    /// The compact JSON ``RecordJSON`` writes of `meeting`.
    static func compact(_ meeting: Meeting) throws -> [UInt8] { try #require(RecordJSON.compact(meeting)) }

    /// The text of `meeting` with `"key":value` put where `"key":old` was.
    static func edited(_ meeting: Meeting, _ old: String, _ new: String) throws -> [UInt8] {
        let text = String(decoding: try compact(meeting), as: UTF8.self)
        #expect(text.contains(old), "\(old) not in \(text)")
        return Array(text.replacingOccurrences(of: old, with: new).utf8)
    }

    /// What the reader makes of `bytes`, when they are UTF-8.
    static func read(_ bytes: [UInt8]) -> Meeting? {
        String(validating: bytes, as: UTF8.self).flatMap(RecordJSONReader.meeting)
    }

    /// A meeting with one of each record, `t` in every text.
    static let plain = StreamingJSONTests.meeting("t")

    /// Checks the reader gives exactly what `JSONDecoder` gives of `bytes`, compared field by field and by the bytes
    /// each writes back, since `String` equality takes canonically equivalent text as the same.
    func expectSameAsDecoder(_ bytes: [UInt8]) throws {
        let decoded = try JSONDecoder().decode(Meeting.self, from: Data(bytes))
        let read = try #require(Self.read(bytes), "\(String(decoding: bytes, as: UTF8.self))")
        #expect(read == decoded)
        #expect(try Self.compact(read) == Self.compact(decoded))
        let entry = try #require(NoteCache.entry(in: Data(bytes)))
        #expect(entry.meeting == decoded)
        #expect(entry.record == bytes)
    }

    /// Checks the reader gives up on `bytes`, and that the cache then reads them as `JSONDecoder` does.
    func expectFallback(_ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(Self.read(bytes) == nil, sourceLocation: sourceLocation)
        let decoded = try? JSONDecoder().decode(Meeting.self, from: Data(bytes))
        let entry = NoteCache.entry(in: Data(bytes))
        #expect(entry?.meeting == decoded, sourceLocation: sourceLocation)
        // The record text is the compact encoding, whatever shape the file had, for the pretty layout to read.
        if let decoded, let compact = try? Self.compact(decoded) {
            #expect(entry?.record == compact, sourceLocation: sourceLocation)
        }
    }

    @Test func arbitraryMeetings() async {
        await propertyCheck(count: 200, input: RecordGen.meeting) { meeting in
            let bytes = try Self.compact(meeting)
            try expectSameAsDecoder(bytes)
            #expect(try Self.compact(#require(Self.read(bytes))) == bytes)
        }
    }

    @Test func hostileTextAndAbsentOptionals() throws {
        for text in StreamingJSONTests.hostile {
            try expectSameAsDecoder(Self.compact(StreamingJSONTests.meeting(text)))
        }
        let empty = Meeting(id: "", source: MeetingSource(path: "", sha256: "", format: .text))
        try expectSameAsDecoder(Self.compact(empty))
        let extremes = Section(id: "s", title: "", level: Int.min, parent: nil, lines: LineSpan(0, Int.max))
        try expectSameAsDecoder(Self.compact(Meeting(id: "m", source: empty.source, sections: [extremes])))
    }

    @Test func everyEscape() throws {
        let escapes = [
            #"\"\\\/\b\f\n\r\t"#, #"\u0000\u001f\u007F\u00e9\u00E9"#, #"\u2028\u2029"#, #"\ud83d\ude00 \uD83C\uDDEC"#,
            #"a\u0301"#, #"a run of plain text longer than a word, then \n, then more: \"\u00e9\" and an end"#,
            #"\uFFFF\uFFFE\uE000"#, "é😀 raw", #"x\\u0041"#,
        ]
        for escaped in escapes {
            try expectSameAsDecoder(Self.edited(Self.plain, #""title":"t""#, #""title":"\#(escaped)""#))
            try expectSameAsDecoder(Self.edited(Self.plain, #""roles":["t","chair"]"#, #""roles":["\#(escaped)"]"#))
        }
    }

    @Test func diagnosticWithLineAndNoColumnIsAtColumnOne() throws {
        let meeting = Meeting(
            id: "m",
            source: Self.plain.source,
            diagnostics: [Diagnostic(.warning, "w", file: "f", line: 7)]
        )
        try expectSameAsDecoder(Self.edited(meeting, #""column":1"#, #""column":null"#))
    }

    /// What `NoteCache.entry(in:)` gave when it made a `String` of the bytes first: the record read from that string
    /// when it was UTF-8, else by `JSONDecoder` and encoded again.
    static func entryThroughAString(_ bytes: [UInt8]) -> (meeting: Meeting, record: [UInt8])? {
        if let record = String(validating: bytes, as: UTF8.self), let meeting = RecordJSONReader.meeting(record) {
            return (meeting, Array(record.utf8))
        }
        guard let meeting = try? JSONDecoder().decode(Meeting.self, from: Data(bytes)),
            let compact = try? OrderedJSONEncoder(pretty: false).encode(meeting)
        else { return nil }
        return (meeting, Array(compact.utf8))
    }

    /// The title of ``plain`` made of `bytes`, which need not be UTF-8.
    static func titled(_ bytes: [UInt8]) throws -> [UInt8] {
        let plain = try compact(plain)
        let title = Array(#""title":"t""#.utf8)
        let start = try #require(plain.indices.first { plain[$0...].starts(with: title) }) + title.count - 2
        return Array(plain[..<start]) + bytes + Array(plain[(start + 1)...])
    }

    /// Bytes that are not UTF-8: a stray continuation byte, 0xFF, an overlong "/", a surrogate, a sequence cut short.
    static let notUTF8: [[UInt8]] = [
        [0x80], [0xFF], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xE2, 0x80], [0xF4, 0x90, 0x80, 0x80],
    ]

    @Test func theCacheReadsRecordBytesAsItReadTheirString() throws {
        var inputs: [[UInt8]] = []
        let tricky = ["e\u{301}", "“curly” ‘quotes’", "a\u{A0}b", "crlf\r\nline", "Zoë 👩🏽‍⚕️ 🇬🇧"]
        for text in StreamingJSONTests.hostile + tricky {
            inputs.append(try Self.compact(StreamingJSONTests.meeting(text)))
            inputs.append(try Self.titled(Array(text.utf8)))
        }
        // The title put in by hand is read back.
        #expect(NoteCache.entry(in: try Self.titled(Array("Zoë “q”".utf8)))?.meeting.title == "Zoë “q”")
        let plain = try Self.compact(Self.plain)
        for count in stride(from: 0, to: plain.count, by: 5) { inputs.append(Array(plain[..<count])) }
        for bytes in Self.notUTF8 {
            let damaged = try Self.titled(bytes)
            // Refused as damage, the record never read from bytes that are not UTF-8.
            #expect(NoteCache.entry(in: damaged) == nil, "\(bytes)")
            inputs.append(damaged)
        }
        for input in inputs {
            let entry = NoteCache.entry(in: input)
            let before = Self.entryThroughAString(input)
            #expect(entry?.meeting == before?.meeting, "\(String(decoding: input, as: UTF8.self))")
            #expect(entry?.record == before?.record, "\(String(decoding: input, as: UTF8.self))")
        }
    }

    @Test func everyCutIsRefused() throws {
        let bytes = try Self.compact(Self.plain)
        for count in 0..<bytes.count { expectFallback(Array(bytes[..<count])) }
        expectFallback(bytes + [0x0A])
        expectFallback(bytes + Array("{}".utf8))
    }

    @Test func otherShapesAreRefused() throws {
        let meeting = Self.plain
        let cases: [(String, String)] = [
            (#""title":"t""#, #""title":"t","extra":1"#),
            (#"{"id":"2021-05-12-board","#, #"{"schema_version":2,"id":"2021-05-12-board","#),
            (#""date":null,"#, ""),
            (#""date":null"#, #""date" : null"#),
            (#""level":1"#, #""level":"1""#),
            (#""level":1"#, #""level":1.0"#),
            (#""level":1"#, #""level":1e0"#),
            (#""level":1"#, #""level":01"#),
            (#""level":1"#, #""level":-0"#),
            (#""level":1"#, #""level":9223372036854775808"#),
            (#""level":1"#, #""level":-9223372036854775809"#),
            (#""title":"t""#, #""title":"\ud83d""#),
            (#""title":"t""#, #""title":"\ude00""#),
            (#""title":"t""#, #""title":"\ud83dx""#),
            (#""title":"t""#, #""title":"\x""#),
            (#""title":"t""#, #""title":"\u12""#),
            (#""title":"t""#, "\"title\":\"tab\there\""),
            (#""title":"t""#, "\"title\":\"sixteen bytes of text, then a\ttab\""),
            (#""title":"t""#, "\"title\":\"sixteen bytes of text, then no end"),
            (#""title":"t""#, #""title":7"#),
            (#""title":"t""#, #""title":true"#),
            (#""format":"markdown""#, #""format":"html""#),
            (#""attendees":["#, #""attendees":null,"x":["#),
            (#""officials":[]"#, #""officials":{}"#),
            (#""lines":[4,4]"#, #""lines":[4,4,4]"#),
            (#""lines":[4,4]"#, #""lines":[4]"#),
            (#""sections":[{"#, #""sections":[,{"#),
        ]
        for (old, new) in cases { expectFallback(try Self.edited(meeting, old, new)) }
        // `§` is C2 A7; C2 41 is not UTF-8.
        let marked = try Self.edited(meeting, #""title":"t""#, #""title":"§""#)
        expectFallback(marked.map { $0 == 0xA7 ? 0x41 : $0 })
    }
}
