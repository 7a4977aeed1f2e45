import Extract
import Ingest

/// The compact JSON of the record types (``Meeting`` and what it holds, and the lines of a build manifest for each
/// note and page), written field by field with no `Codable` machinery in between.
///
/// It writes exactly what their `encode(to:)` gives through `OrderedJSONEncoder`: the same keys in the same order,
/// `null` for every absent value, the same escaping. `RecordJSONTests` compares the two on arbitrary records of every
/// type, so a field added to a record's `encode(to:)` and not here fails a test.
struct RecordJSON: ~Copyable {
    /// The text so far, UTF-8.
    private var out: ByteBuffer

    private init(capacity: Int) { out = ByteBuffer(capacity: capacity) }

    /// The compact JSON of `value` when its type is a record type, else nil (a comparison of metadata, no cast).
    static func compact<T>(_ value: T) -> [UInt8]? {
        withCompact(value) { Array($0) }
    }

    /// Calls `body` with the compact JSON of `value`, in place, when its type is a record type; else nil.
    static func withCompact<T, Result>(
        _ value: T,
        _ body: (UnsafeBufferPointer<UInt8>) throws -> Result
    ) rethrows -> Result? {
        if let meeting = exactly(value, Meeting.self) {
            var writer = RecordJSON(capacity: 8192)
            writer.write(meeting)
            return try writer.out.withBytes(body)
        }
        var writer = RecordJSON(capacity: 512)
        if let action = exactly(value, Action.self) {
            writer.write(action)
        } else if let person = exactly(value, Person.self) {
            writer.write(person)
        } else if let section = exactly(value, Section.self) {
            writer.write(section)
        } else if let recommendation = exactly(value, Recommendation.self) {
            writer.write(recommendation)
        } else if let decision = exactly(value, Decision.self) {
            writer.write(decision)
        } else if let note = exactly(value, BuildManifest.Note.self) {
            writer.write(note)
        } else if let page = exactly(value, BuildManifest.Page.self) {
            writer.write(page)
        } else {
            return nil
        }
        return try writer.out.withBytes(body)
    }

    /// Calls `body` with `compact`, JSON as ``RecordJSON`` writes it, laid out pretty and ending with a newline: the
    /// same as encoding the value again with `pretty` on, from its bytes, with no `String` made of them.
    static func withPretty<Result>(
        ofCompact compact: UnsafeBufferPointer<UInt8>,
        _ body: (UnsafeBufferPointer<UInt8>) throws -> Result
    ) rethrows -> Result {
        var out = ByteBuffer(capacity: compact.count + compact.count / 2 + 64)
        PrettyJSON.format(compact, into: &out)
        out.append(0x0A)
        return try out.withBytes(body)
    }

    /// Writes a key with what comes before it: `{"key":` for the first, `,"key":` for the others.
    @inline(__always)
    private mutating func key(_ text: StaticString) { out.append(text) }

    private mutating func string(_ value: String) { out.appendJSONString(value) }

    private mutating func string(_ value: String?) {
        if let value { out.appendJSONString(value) } else { null() }
    }

    private mutating func int(_ value: Int) { out.appendInt(value) }

    private mutating func int(_ value: Int?) {
        if let value { int(value) } else { null() }
    }

    private mutating func null() { out.append("null") }

    private mutating func strings(_ values: [String]) {
        array(values) { $0.string($1) }
    }

    private mutating func strings(_ values: [String]?) {
        if let values { strings(values) } else { null() }
    }

    /// `[first,last]`, as ``LineSpan``'s `encode(to:)` writes it.
    private mutating func lines(_ span: LineSpan) {
        out.append(0x5B)
        int(span.first)
        out.append(0x2C)
        int(span.last)
        out.append(0x5D)
    }

    /// Writes `values` as an array, each element by `write`, read in place (not copied out of the array).
    private mutating func array<Element>(_ values: [Element], _ write: (inout RecordJSON, Element) -> Void) {
        out.append(0x5B)
        values.withUnsafeBufferPointer { elements in
            for index in elements.indices {
                if index > 0 { out.append(0x2C) }
                write(&self, elements[index])
            }
        }
        out.append(0x5D)
    }

    mutating func write(_ meeting: Meeting) {
        key("{\"id\":")
        string(meeting.id)
        key(",\"schema_version\":")
        int(meeting.schemaVersion)
        key(",\"source\":")
        write(meeting.source)
        key(",\"title\":")
        string(meeting.title)
        key(",\"date\":")
        string(meeting.date)
        key(",\"start_time\":")
        string(meeting.startTime)
        key(",\"end_time\":")
        string(meeting.endTime)
        key(",\"location\":")
        string(meeting.location)
        key(",\"attendees\":")
        array(meeting.attendees) { $0.write($1) }
        key(",\"officials\":")
        array(meeting.officials) { $0.write($1) }
        key(",\"absent\":")
        array(meeting.absent) { $0.write($1) }
        key(",\"sections\":")
        array(meeting.sections) { $0.write($1) }
        key(",\"recommendations\":")
        array(meeting.recommendations) { $0.write($1) }
        key(",\"actions\":")
        array(meeting.actions) { $0.write($1) }
        key(",\"decisions\":")
        array(meeting.decisions) { $0.write($1) }
        key(",\"diagnostics\":")
        array(meeting.diagnostics) { $0.write($1) }
        out.append(0x7D)
    }

    /// The synthesised `encode(to:)` of ``MeetingSource``: every property, in declaration order.
    mutating func write(_ source: MeetingSource) {
        key("{\"path\":")
        string(source.path)
        key(",\"sha256\":")
        string(source.sha256)
        key(",\"format\":")
        string(source.format.rawValue)
        out.append(0x7D)
    }

    mutating func write(_ person: Person) {
        key("{\"name\":")
        string(person.name)
        key(",\"name_as_written\":")
        string(person.nameAsWritten)
        key(",\"organization\":")
        string(person.organization)
        key(",\"organization_as_written\":")
        string(person.organizationAsWritten)
        key(",\"role\":")
        string(person.role)
        key(",\"roles\":")
        strings(person.roles)
        key(",\"handle\":")
        string(person.handle)
        key(",\"lines\":")
        lines(person.lines)
        out.append(0x7D)
    }

    mutating func write(_ section: Section) {
        key("{\"id\":")
        string(section.id)
        key(",\"title\":")
        string(section.title)
        key(",\"level\":")
        int(section.level)
        key(",\"parent\":")
        string(section.parent)
        key(",\"lines\":")
        lines(section.lines)
        out.append(0x7D)
    }

    mutating func write(_ action: Action) {
        key("{\"id\":")
        string(action.id)
        key(",\"text\":")
        string(action.text)
        key(",\"owners\":")
        strings(action.owners)
        key(",\"owners_as_written\":")
        strings(action.ownersAsWritten)
        key(",\"due\":")
        string(action.due)
        key(",\"due_text\":")
        string(action.dueText)
        key(",\"section\":")
        string(action.section)
        key(",\"lines\":")
        lines(action.lines)
        out.append(0x7D)
    }

    mutating func write(_ recommendation: Recommendation) {
        key("{\"id\":")
        string(recommendation.id)
        key(",\"text\":")
        string(recommendation.text)
        key(",\"by\":")
        string(recommendation.by)
        key(",\"to\":")
        string(recommendation.to)
        key(",\"section\":")
        string(recommendation.section)
        key(",\"lines\":")
        lines(recommendation.lines)
        out.append(0x7D)
    }

    mutating func write(_ decision: Decision) {
        key("{\"id\":")
        string(decision.id)
        key(",\"text\":")
        string(decision.text)
        key(",\"section\":")
        string(decision.section)
        key(",\"lines\":")
        lines(decision.lines)
        out.append(0x7D)
    }

    /// A build manifest's line for a note (``ManifestLineReader`` reads it back).
    mutating func write(_ note: BuildManifest.Note) {
        key("{\"position\":")
        int(note.position)
        key(",\"path\":")
        string(note.path)
        key(",\"key\":")
        string(note.key?.description)
        key(",\"error\":")
        if let error = note.error { write(error) } else { null() }
        out.append(0x7D)
    }

    /// A build manifest's line for a page.
    mutating func write(_ page: BuildManifest.Page) {
        key("{\"id\":")
        string(page.id)
        key(",\"key\":")
        string(page.key.description)
        out.append(0x7D)
    }

    mutating func write(_ diagnostic: Diagnostic) {
        key("{\"severity\":")
        string(diagnostic.severity.rawValue)
        key(",\"message\":")
        string(diagnostic.message)
        key(",\"file\":")
        string(diagnostic.file)
        key(",\"line\":")
        int(diagnostic.position?.line)
        key(",\"column\":")
        int(diagnostic.position?.column)
        out.append(0x7D)
    }
}
