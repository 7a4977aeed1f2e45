import Extract
import Foundation
import Ingest

/// Reads back the compact JSON that ``RecordJSON`` writes of a ``Meeting``, byte by byte, with no `Codable` machinery.
///
/// It reads only that exact shape: the keys in ``RecordJSON``'s order, no whitespace, integers without fraction or
/// exponent. Anything else (another order, an unknown key, whitespace, a number it cannot read exactly, text that is
/// not JSON) makes it give up, and the caller decodes with `JSONDecoder`, so an odd or damaged file is
/// read exactly as before. `RecordJSONReaderTests` checks it gives what `JSONDecoder` gives on arbitrary records.
struct RecordJSONReader {
    /// Thrown when the text is not what ``RecordJSON`` writes.
    struct Unexpected: Error {}

    /// The text, UTF-8.
    private let bytes: UnsafeBufferPointer<UInt8>
    /// Where reading has got to.
    private var index = 0

    private init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// The meeting in `record` when it is exactly what ``RecordJSON`` writes of one, else nil.
    static func meeting(_ record: String) -> Meeting? {
        record.utf8.withContiguousStorageIfAvailable { meeting(utf8: $0) } ?? nil
    }

    /// The meeting in `bytes`, which are UTF-8 (so each string is made from its bytes with no check of its own).
    static func meeting(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Meeting? {
        whole(utf8: bytes) { reader throws(Unexpected) in try reader.meeting() }
    }

    /// What `read` makes of the whole of `bytes`, which are UTF-8; nil when it throws or leaves bytes unread.
    static func whole<Value>(
        utf8 bytes: UnsafeBufferPointer<UInt8>,
        _ read: (inout RecordJSONReader) throws(Unexpected) -> Value
    ) -> Value? {
        var reader = RecordJSONReader(bytes)
        guard let value = try? read(&reader), reader.index == bytes.count else { return nil }
        return value
    }

    /// Skips `text` where reading has got to, or throws when the bytes there are others.
    ///
    /// Inlined: with `text` known where it is called, the comparison is a few loads of constants, not a call.
    @inline(__always)
    mutating func literal(_ text: StaticString) throws(Unexpected) {
        let count = text.utf8CodeUnitCount
        guard bytes.count - index >= count, let base = bytes.baseAddress,
            memcmp(base + index, text.utf8Start, count) == 0
        else { throw Unexpected() }
        index += count
    }

    /// Skips `byte` when it is next and says whether it was.
    private mutating func skip(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    /// `null`, skipped, when it is next.
    mutating func null() -> Bool {
        guard bytes.count - index >= 4, bytes[index] == 0x6E, bytes[index + 1] == 0x75, bytes[index + 2] == 0x6C,
            bytes[index + 3] == 0x6C
        else { return false }
        index += 4
        return true
    }

    /// An integer as ``JSONValue`` writes one: an optional minus and digits, no leading zero, no `-0`.
    mutating func int() throws(Unexpected) -> Int {
        let negative = skip(0x2D)
        let start = index
        var value = 0
        while index < bytes.count, bytes[index] &- 0x30 < 10 {
            let digit = Int(bytes[index] &- 0x30)
            // Built negative, so that `Int.min` fits.
            let (times, overflowTimes) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflowSum) = times.subtractingReportingOverflow(digit)
            guard !overflowTimes, !overflowSum else { throw Unexpected() }
            value = sum
            index += 1
        }
        let digits = index - start
        guard digits > 0, bytes[start] != 0x30 || digits == 1 && !negative else { throw Unexpected() }
        if negative { return value }
        guard value != Int.min else { throw Unexpected() }
        return -value
    }

    private mutating func optionalInt() throws(Unexpected) -> Int? { null() ? nil : try int() }

    /// A string, with every JSON escape; throws on a control character or a lone surrogate.
    mutating func string() throws(Unexpected) -> String {
        guard skip(0x22) else { throw Unexpected() }
        let start = index
        if let base = bytes.baseAddress {
            // Eight bytes at a time past those with no `"`, `\` or control character, to the first that is one
            // (the lowest bit of the masks is exact), then a byte at a time.
            while index + 8 <= bytes.count {
                let word = UInt64(littleEndian: ASCIIWord.load(base, at: index))
                let below = (word &- 0x2020_2020_2020_2020) & ~word & 0x8080_8080_8080_8080
                let found = ASCIIWord.matches(word, 0x22) | ASCIIWord.matches(word, 0x5C) | below
                if found != 0 {
                    index += found.trailingZeroBitCount / 8
                    break
                }
                index += 8
            }
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x22 {
                index += 1
                return text(UnsafeBufferPointer(rebasing: bytes[start..<index - 1]))
            }
            if byte == 0x5C || byte < 0x20 { break }
            index += 1
        }
        var escaped = Array(bytes[start..<index])
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case 0x22: return escaped.withUnsafeBufferPointer { text($0) }
            case 0x5C: try escape(into: &escaped)
            case 0..<0x20: throw Unexpected()
            default: escaped.append(byte)
            }
        }
        throw Unexpected()
    }

    private mutating func optionalString() throws(Unexpected) -> String? { null() ? nil : try string() }

    /// `bytes` as a string: UTF-8, since the whole text is and they start and end by ASCII, or are decoded escapes.
    private func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String { String(decoding: bytes, as: UTF8.self) }

    /// The escape after a backslash, appended as UTF-8.
    private mutating func escape(into out: inout [UInt8]) throws(Unexpected) {
        guard index < bytes.count else { throw Unexpected() }
        let byte = bytes[index]
        index += 1
        switch byte {
        case 0x22, 0x5C, 0x2F: out.append(byte)
        case 0x62: out.append(0x08)
        case 0x66: out.append(0x0C)
        case 0x6E: out.append(0x0A)
        case 0x72: out.append(0x0D)
        case 0x74: out.append(0x09)
        case 0x75:
            var value = try hex4()
            if 0xD800..<0xDC00 ~= value {
                try literal("\\u")
                let low = try hex4()
                guard 0xDC00..<0xE000 ~= low else { throw Unexpected() }
                value = 0x10000 + (value - 0xD800) << 10 + (low - 0xDC00)
            }
            guard let scalar = Unicode.Scalar(value), let encoded = UTF8.encode(scalar) else { throw Unexpected() }
            out.append(contentsOf: encoded)
        default: throw Unexpected()
        }
    }

    /// Four hexadecimal digits.
    private mutating func hex4() throws(Unexpected) -> UInt32 {
        guard bytes.count - index >= 4 else { throw Unexpected() }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case 0x30...0x39: digit = byte - 0x30
            case 0x41...0x46: digit = byte - 0x41 + 10
            case 0x61...0x66: digit = byte - 0x61 + 10
            default: throw Unexpected()
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }

    /// An array, each element read by `element`.
    private mutating func array<Element>(
        _ element: (inout RecordJSONReader) throws(Unexpected) -> Element
    ) throws(Unexpected) -> [Element] {
        guard skip(0x5B) else { throw Unexpected() }
        var values: [Element] = []
        if skip(0x5D) { return values }
        repeat { values.append(try element(&self)) } while skip(0x2C)
        guard skip(0x5D) else { throw Unexpected() }
        return values
    }

    private mutating func optionalStrings() throws(Unexpected) -> [String]? {
        null() ? nil : try array { reader throws(Unexpected) in try reader.string() }
    }

    /// `[first,last]`.
    private mutating func lines() throws(Unexpected) -> LineSpan {
        try literal("[")
        let first = try int()
        try literal(",")
        let last = try int()
        try literal("]")
        return LineSpan(first, last)
    }

    private mutating func meeting() throws(Unexpected) -> Meeting {
        try literal("{\"id\":")
        let id = try string()
        try literal(",\"schema_version\":")
        let schemaVersion = try int()
        try literal(",\"source\":")
        let source = try self.source()
        try literal(",\"title\":")
        let title = try optionalString()
        try literal(",\"date\":")
        let date = try optionalString()
        try literal(",\"start_time\":")
        let startTime = try optionalString()
        try literal(",\"end_time\":")
        let endTime = try optionalString()
        try literal(",\"location\":")
        let location = try optionalString()
        try literal(",\"attendees\":")
        let attendees = try array { reader throws(Unexpected) in try reader.person() }
        try literal(",\"officials\":")
        let officials = try array { reader throws(Unexpected) in try reader.person() }
        try literal(",\"absent\":")
        let absent = try array { reader throws(Unexpected) in try reader.person() }
        try literal(",\"sections\":")
        let sections = try array { reader throws(Unexpected) in try reader.section() }
        try literal(",\"recommendations\":")
        let recommendations = try array { reader throws(Unexpected) in try reader.recommendation() }
        try literal(",\"actions\":")
        let actions = try array { reader throws(Unexpected) in try reader.action() }
        try literal(",\"decisions\":")
        let decisions = try array { reader throws(Unexpected) in try reader.decision() }
        try literal(",\"diagnostics\":")
        let diagnostics = try array { reader throws(Unexpected) in try reader.diagnostic() }
        try literal("}")
        var meeting = Meeting(
            id: id,
            source: source,
            title: title,
            date: date,
            startTime: startTime,
            endTime: endTime,
            location: location,
            attendees: attendees,
            officials: officials,
            absent: absent,
            sections: sections,
            recommendations: recommendations,
            actions: actions,
            decisions: decisions,
            diagnostics: diagnostics
        )
        meeting.schemaVersion = schemaVersion
        return meeting
    }

    private mutating func source() throws(Unexpected) -> MeetingSource {
        try literal("{\"path\":")
        let path = try string()
        try literal(",\"sha256\":")
        let sha256 = try string()
        try literal(",\"format\":")
        guard let format = NoteFormat(rawValue: try string()) else { throw Unexpected() }
        try literal("}")
        return MeetingSource(path: path, sha256: sha256, format: format)
    }

    private mutating func person() throws(Unexpected) -> Person {
        try literal("{\"name\":")
        let name = try string()
        try literal(",\"name_as_written\":")
        let nameAsWritten = try optionalString()
        try literal(",\"organization\":")
        let organization = try optionalString()
        try literal(",\"organization_as_written\":")
        let organizationAsWritten = try optionalString()
        try literal(",\"role\":")
        let role = try optionalString()
        try literal(",\"roles\":")
        let roles = try array { reader throws(Unexpected) in try reader.string() }
        try literal(",\"handle\":")
        let handle = try optionalString()
        try literal(",\"lines\":")
        let lines = try self.lines()
        try literal("}")
        return Person(
            name: name,
            organization: organization,
            role: role,
            roles: roles,
            handle: handle,
            lines: lines,
            nameAsWritten: nameAsWritten,
            organizationAsWritten: organizationAsWritten
        )
    }

    private mutating func section() throws(Unexpected) -> Section {
        try literal("{\"id\":")
        let id = try string()
        try literal(",\"title\":")
        let title = try string()
        try literal(",\"level\":")
        let level = try int()
        try literal(",\"parent\":")
        let parent = try optionalString()
        try literal(",\"lines\":")
        let lines = try self.lines()
        try literal("}")
        return Section(id: id, title: title, level: level, parent: parent, lines: lines)
    }

    private mutating func action() throws(Unexpected) -> Action {
        try literal("{\"id\":")
        let id = try string()
        try literal(",\"text\":")
        let text = try string()
        try literal(",\"owners\":")
        let owners = try array { reader throws(Unexpected) in try reader.string() }
        try literal(",\"owners_as_written\":")
        let ownersAsWritten = try optionalStrings()
        try literal(",\"due\":")
        let due = try optionalString()
        try literal(",\"due_text\":")
        let dueText = try optionalString()
        try literal(",\"section\":")
        let section = try optionalString()
        try literal(",\"lines\":")
        let lines = try self.lines()
        try literal("}")
        return Action(
            id: id,
            text: text,
            owners: owners,
            due: due,
            dueText: dueText,
            section: section,
            lines: lines,
            ownersAsWritten: ownersAsWritten
        )
    }

    private mutating func recommendation() throws(Unexpected) -> Recommendation {
        try literal("{\"id\":")
        let id = try string()
        try literal(",\"text\":")
        let text = try string()
        try literal(",\"by\":")
        let by = try optionalString()
        try literal(",\"to\":")
        let to = try optionalString()
        try literal(",\"section\":")
        let section = try optionalString()
        try literal(",\"lines\":")
        let lines = try self.lines()
        try literal("}")
        return Recommendation(id: id, text: text, by: by, to: to, section: section, lines: lines)
    }

    private mutating func decision() throws(Unexpected) -> Decision {
        try literal("{\"id\":")
        let id = try string()
        try literal(",\"text\":")
        let text = try string()
        try literal(",\"section\":")
        let section = try optionalString()
        try literal(",\"lines\":")
        let lines = try self.lines()
        try literal("}")
        return Decision(id: id, text: text, section: section, lines: lines)
    }

    /// A diagnostic as its `init(from:)` reads one: a position when `line` is given, at column 1 when `column` is not.
    mutating func diagnostic() throws(Unexpected) -> Diagnostic {
        try literal("{\"severity\":")
        guard let severity = Diagnostic.Severity(rawValue: try string()) else { throw Unexpected() }
        try literal(",\"message\":")
        let message = try string()
        try literal(",\"file\":")
        let file = try string()
        try literal(",\"line\":")
        let line = try optionalInt()
        try literal(",\"column\":")
        let column = try optionalInt()
        try literal("}")
        let position = line.map { SourcePosition(line: $0, column: column ?? 1) }
        return Diagnostic(severity, message, file: file, position: position)
    }
}
