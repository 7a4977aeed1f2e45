import Extract
import Ingest

/// The compact JSON of the record types (``Meeting`` and what it holds), written field by field with no `Codable`
/// machinery in between.
///
/// It writes exactly what their `encode(to:)` gives through `OrderedJSONEncoder`: the same keys in the same order,
/// `null` for every absent value, the same escaping. `RecordJSONTests` compares the two on arbitrary records of every
/// type, so a field added to a record's `encode(to:)` and not here fails a test.
struct RecordJSON {
    /// The text so far, UTF-8.
    private(set) var bytes: [UInt8] = []

    /// The compact JSON of `value` when its type is a record type, else nil (a comparison of metadata, no cast).
    static func compact<T>(_ value: T) -> [UInt8]? {
        var writer = RecordJSON()
        if let meeting = exactly(value, Meeting.self) {
            writer.bytes.reserveCapacity(8192)
            writer.write(meeting)
        } else if let action = exactly(value, Action.self) {
            writer.write(action)
        } else if let person = exactly(value, Person.self) {
            writer.write(person)
        } else if let section = exactly(value, Section.self) {
            writer.write(section)
        } else if let recommendation = exactly(value, Recommendation.self) {
            writer.write(recommendation)
        } else if let decision = exactly(value, Decision.self) {
            writer.write(decision)
        } else {
            return nil
        }
        return writer.bytes
    }

    /// Writes a key with what comes before it: `{"key":` for the first, `,"key":` for the others.
    private mutating func key(_ text: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    private mutating func string(_ value: String) { JSONValue.writeString(value, to: &bytes) }

    private mutating func string(_ value: String?) {
        if let value { JSONValue.writeString(value, to: &bytes) } else { null() }
    }

    private mutating func int(_ value: Int) { JSONValue.writeInt(value, to: &bytes) }

    private mutating func int(_ value: Int?) {
        if let value { int(value) } else { null() }
    }

    private mutating func null() { bytes.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C]) }

    private mutating func strings(_ values: [String]) {
        bytes.append(0x5B)
        for (index, value) in values.enumerated() {
            if index > 0 { bytes.append(0x2C) }
            string(value)
        }
        bytes.append(0x5D)
    }

    private mutating func strings(_ values: [String]?) {
        if let values { strings(values) } else { null() }
    }

    /// `[first,last]`, as ``LineSpan``'s `encode(to:)` writes it.
    private mutating func lines(_ span: LineSpan) {
        bytes.append(0x5B)
        int(span.first)
        bytes.append(0x2C)
        int(span.last)
        bytes.append(0x5D)
    }

    /// Writes `values` as an array, each element by `write`.
    private mutating func array<Element>(_ values: [Element], _ write: (inout RecordJSON, Element) -> Void) {
        bytes.append(0x5B)
        for (index, value) in values.enumerated() {
            if index > 0 { bytes.append(0x2C) }
            write(&self, value)
        }
        bytes.append(0x5D)
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
        bytes.append(0x7D)
    }

    /// The synthesised `encode(to:)` of ``MeetingSource``: every property, in declaration order.
    mutating func write(_ source: MeetingSource) {
        key("{\"path\":")
        string(source.path)
        key(",\"sha256\":")
        string(source.sha256)
        key(",\"format\":")
        string(source.format.rawValue)
        bytes.append(0x7D)
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
        bytes.append(0x7D)
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
        bytes.append(0x7D)
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
        bytes.append(0x7D)
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
        bytes.append(0x7D)
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
        bytes.append(0x7D)
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
        bytes.append(0x7D)
    }
}
