public import Ingest

/// The first and last line of a record in its note, encoded as `[first, last]`.
public struct LineSpan: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The first line, 1-based.
    public var first: Int
    /// The last line, inclusive.
    public var last: Int

    /// Creates a span; `last` is raised to `first` when smaller.
    public init(_ first: Int, _ last: Int) {
        self.first = first
        self.last = Swift.max(first, last)
    }

    /// Creates a span covering `lines`.
    public init(_ lines: ClosedRange<Int>) { self.init(lines.lowerBound, lines.upperBound) }

    /// Decodes `[first, last]`.
    public init(from decoder: any Decoder) throws {
        var container = try decoder.unkeyedContainer()
        self.init(try container.decode(Int.self), try container.decode(Int.self))
    }

    /// Encodes `[first, last]`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        try container.encode(first)
        try container.encode(last)
    }

    /// The span joined with `other`.
    public func union(_ other: LineSpan) -> LineSpan {
        LineSpan(Swift.min(first, other.first), Swift.max(last, other.last))
    }

    /// `first-last`, or `first` when one line.
    public var description: String { first == last ? "\(first)" : "\(first)-\(last)" }
}

/// Where a meeting record came from.
public struct MeetingSource: Hashable, Sendable, Codable {
    /// The note's path, as given.
    public var path: String
    /// The SHA-256 of the note's bytes, lower-case hex.
    public var sha256: String
    /// `markdown` or `text`.
    public var format: NoteFormat

    /// Creates a source.
    public init(path: String, sha256: String, format: NoteFormat) {
        self.path = path
        self.sha256 = sha256
        self.format = format
    }
}

/// A person recorded in a meeting: an attendee, an official or guest, or someone absent.
public struct Person: Hashable, Sendable, Codable {
    /// The name, without handles or notes in brackets; the canonical name when a configured alias applied.
    public var name: String
    /// The organisation, when stated; the canonical name when a configured alias applied.
    public var organization: String?
    /// The name as written when an alias replaced it in ``name``; `nil` otherwise.
    public var nameAsWritten: String?
    /// The organisation as written when an alias replaced it in ``organization``; `nil` otherwise.
    public var organizationAsWritten: String?
    /// The role as written, tidied (`RR3 permanent member and co-sponsor of SIG`).
    public var role: String?
    /// Normalised role tags such as `chair`, `vice_chair`, `member`, `co_opted`, `secretary`, `notes`, `scribe`.
    public var roles: [String]
    /// A handle such as a GitHub `@name`, when given.
    public var handle: String?
    /// The lines the entry came from.
    public var lines: LineSpan

    /// Creates a person.
    public init(
        name: String,
        organization: String? = nil,
        role: String? = nil,
        roles: [String] = [],
        handle: String? = nil,
        lines: LineSpan,
        nameAsWritten: String? = nil,
        organizationAsWritten: String? = nil
    ) {
        self.name = name
        self.organization = organization
        self.nameAsWritten = nameAsWritten
        self.organizationAsWritten = organizationAsWritten
        self.role = role
        self.roles = roles
        self.handle = handle
        self.lines = lines
    }

    enum CodingKeys: String, CodingKey {
        case name
        case nameAsWritten = "name_as_written"
        case organization
        case organizationAsWritten = "organization_as_written"
        case role, roles, handle, lines
    }

    /// Encodes every key, with `null` for absent values, so consumers see a fixed shape.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(nameAsWritten, forKey: .nameAsWritten)
        try container.encode(organization, forKey: .organization)
        try container.encode(organizationAsWritten, forKey: .organizationAsWritten)
        try container.encode(role, forKey: .role)
        try container.encode(roles, forKey: .roles)
        try container.encode(handle, forKey: .handle)
        try container.encode(lines, forKey: .lines)
    }
}

/// A heading of the note (or a line acting as one), with its place in the outline.
public struct Section: Hashable, Sendable, Codable {
    /// A slug of the title, unique within the meeting.
    public var id: String
    /// The title, markup stripped.
    public var title: String
    /// The semantic nesting level, 1 for the outermost sections.
    public var level: Int
    /// The `id` of the enclosing section, if any.
    public var parent: String?
    /// From the heading to the line before the next section at the same or an outer level.
    public var lines: LineSpan

    /// Creates a section.
    public init(id: String, title: String, level: Int, parent: String?, lines: LineSpan) {
        self.id = id
        self.title = title
        self.level = level
        self.parent = parent
        self.lines = lines
    }

    enum CodingKeys: String, CodingKey { case id, title, level, parent, lines }

    /// Encodes every key, with `null` for a top-level section's parent.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(title, forKey: .title)
        try container.encode(level, forKey: .level)
        try container.encode(parent, forKey: .parent)
        try container.encode(lines, forKey: .lines)
    }
}

/// Something someone must do: an explicitly marked action item.
public struct Action: Hashable, Sendable, Codable {
    /// `a1`, `a2`… in document order.
    public var id: String
    /// The whole action as written, marker removed.
    public var text: String
    /// Who must do it, as written (names, initials, @handles, teams), or the canonical name when a configured alias
    /// applied; empty when nobody is named.
    public var owners: [String]
    /// The owners as written, one for each of ``owners``, when an alias replaced any of them; `nil` otherwise.
    public var ownersAsWritten: [String]?
    /// The due date, ISO `YYYY-MM-DD`, when it could be resolved.
    public var due: String?
    /// The due date as written (`by 30 May`, `before the next meeting`).
    public var dueText: String?
    /// The `id` of the section the action is in.
    public var section: String?
    /// The lines the action came from.
    public var lines: LineSpan

    /// Creates an action.
    public init(
        id: String,
        text: String,
        owners: [String],
        due: String? = nil,
        dueText: String? = nil,
        section: String? = nil,
        lines: LineSpan,
        ownersAsWritten: [String]? = nil
    ) {
        self.id = id
        self.text = text
        self.owners = owners
        self.ownersAsWritten = ownersAsWritten
        self.due = due
        self.dueText = dueText
        self.section = section
        self.lines = lines
    }

    enum CodingKeys: String, CodingKey {
        case id, text, owners
        case ownersAsWritten = "owners_as_written"
        case due
        case dueText = "due_text"
        case section, lines
    }

    /// Encodes every key, with `null` for absent values.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(text, forKey: .text)
        try container.encode(owners, forKey: .owners)
        try container.encode(ownersAsWritten, forKey: .ownersAsWritten)
        try container.encode(due, forKey: .due)
        try container.encode(dueText, forKey: .dueText)
        try container.encode(section, forKey: .section)
        try container.encode(lines, forKey: .lines)
    }
}

/// Something the group, its members or the note recommend, urge or propose.
public struct Recommendation: Hashable, Sendable, Codable {
    /// `r1`, `r2`… in document order.
    public var id: String
    /// The recommendation, with the sub-items of a lead-in joined to it.
    public var text: String
    /// Who recommends, when stated (`Members of the group`).
    public var by: String?
    /// Whom it addresses, when stated (`MoJ/HMPPS`).
    public var to: String?
    /// The `id` of the section it is in.
    public var section: String?
    /// The lines it came from.
    public var lines: LineSpan

    /// Creates a recommendation.
    public init(id: String, text: String, by: String? = nil, to: String? = nil, section: String? = nil, lines: LineSpan)
    {
        self.id = id
        self.text = text
        self.by = by
        self.to = to
        self.section = section
        self.lines = lines
    }

    enum CodingKeys: String, CodingKey { case id, text, by, to, section, lines }

    /// Encodes every key, with `null` for absent values.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(text, forKey: .text)
        try container.encode(by, forKey: .by)
        try container.encode(to, forKey: .to)
        try container.encode(section, forKey: .section)
        try container.encode(lines, forKey: .lines)
    }
}

/// Something the meeting decided: a resolution, an agreement, a motion's outcome.
public struct Decision: Hashable, Sendable, Codable {
    /// `d1`, `d2`… in document order.
    public var id: String
    /// The decision as written, marker removed.
    public var text: String
    /// The `id` of the section it is in.
    public var section: String?
    /// The lines it came from.
    public var lines: LineSpan

    /// Creates a decision.
    public init(id: String, text: String, section: String? = nil, lines: LineSpan) {
        self.id = id
        self.text = text
        self.section = section
        self.lines = lines
    }

    enum CodingKeys: String, CodingKey { case id, text, section, lines }

    /// Encodes every key, with `null` for absent values.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(text, forKey: .text)
        try container.encode(section, forKey: .section)
        try container.encode(lines, forKey: .lines)
    }
}

/// Everything extracted from one note.
public struct Meeting: Hashable, Sendable, Codable {
    /// The version of this record's shape; bumped when a field changes meaning.
    public static let schemaVersion = 2

    /// A stable slug from the date and title, unique within a run.
    public var id: String
    /// ``Meeting/schemaVersion`` at the time of writing.
    public var schemaVersion: Int
    /// Where the note came from.
    public var source: MeetingSource
    /// The title, markup stripped.
    public var title: String?
    /// The date, ISO `YYYY-MM-DD`.
    public var date: String?
    /// The start time, `HH:MM`.
    public var startTime: String?
    /// The end time, `HH:MM`.
    public var endTime: String?
    /// Where the meeting was held (`via video call`, a room, a call platform).
    public var location: String?
    /// The members present.
    public var attendees: [Person]
    /// Officials, guests, observers and staff, listed apart from members.
    public var officials: [Person]
    /// Apologies and absences.
    public var absent: [Person]
    /// The note's sections in document order.
    public var sections: [Section]
    /// Recommendations in document order.
    public var recommendations: [Recommendation]
    /// Actions in document order.
    public var actions: [Action]
    /// Decisions in document order.
    public var decisions: [Decision]
    /// Problems found while reading and extracting the note.
    public var diagnostics: [Diagnostic]

    /// Creates a meeting record.
    public init(
        id: String,
        source: MeetingSource,
        title: String? = nil,
        date: String? = nil,
        startTime: String? = nil,
        endTime: String? = nil,
        location: String? = nil,
        attendees: [Person] = [],
        officials: [Person] = [],
        absent: [Person] = [],
        sections: [Section] = [],
        recommendations: [Recommendation] = [],
        actions: [Action] = [],
        decisions: [Decision] = [],
        diagnostics: [Diagnostic] = []
    ) {
        self.id = id
        self.schemaVersion = Meeting.schemaVersion
        self.source = source
        self.title = title
        self.date = date
        self.startTime = startTime
        self.endTime = endTime
        self.location = location
        self.attendees = attendees
        self.officials = officials
        self.absent = absent
        self.sections = sections
        self.recommendations = recommendations
        self.actions = actions
        self.decisions = decisions
        self.diagnostics = diagnostics
    }

    enum CodingKeys: String, CodingKey {
        case id
        case schemaVersion = "schema_version"
        case source, title, date
        case startTime = "start_time"
        case endTime = "end_time"
        case location, attendees, officials, absent, sections, recommendations, actions, decisions, diagnostics
    }

    /// Encodes every key, with `null` for absent values, so consumers see a fixed shape.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(schemaVersion, forKey: .schemaVersion)
        try container.encode(source, forKey: .source)
        try container.encode(title, forKey: .title)
        try container.encode(date, forKey: .date)
        try container.encode(startTime, forKey: .startTime)
        try container.encode(endTime, forKey: .endTime)
        try container.encode(location, forKey: .location)
        try container.encode(attendees, forKey: .attendees)
        try container.encode(officials, forKey: .officials)
        try container.encode(absent, forKey: .absent)
        try container.encode(sections, forKey: .sections)
        try container.encode(recommendations, forKey: .recommendations)
        try container.encode(actions, forKey: .actions)
        try container.encode(decisions, forKey: .decisions)
        try container.encode(diagnostics, forKey: .diagnostics)
    }
}
