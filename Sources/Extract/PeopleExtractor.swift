public import Ingest

/// Finds the people of a meeting: attendees, officials and guests, and apologies.
///
/// People come from front matter lists (`members:`, `other_attendees:`, `apologies:`), from blocks under a people
/// heading or label (`## Attendees`, `**Members**`, `Present` over a list, a sub-heading of `Attendance`), from
/// `Label: a, b, c` lines (`Present: Ann, Bob`, `Regrets: Cy`), from tables with a name column, and from role lines
/// (`Chair: Ann`, `### Notes: Bob`, `Cy took notes`), which add the person as an attendee or give a listed person
/// the role. Entries read as ``PersonEntryParser`` describes; wrapped entries are joined and entries run together
/// on one line are split.
public struct PeopleExtractor: Sendable {
    /// The people found, by group.
    public struct Result: Sendable {
        /// Members present.
        public var attendees: [Person] = []
        /// Officials, guests, observers and staff listed apart from members.
        public var officials: [Person] = []
        /// Apologies and absences.
        public var absent: [Person] = []
        /// Lines in a people block that could not be read.
        public var diagnostics: [Diagnostic] = []
    }

    /// Creates an extractor.
    public init() {}

    /// Extracts the people of the note in `context`.
    public func extract(_ context: ExtractionContext) -> Result {
        var reader = PersonBlockReader(context: context)
        reader.read()
        var result = Result()
        result.attendees = reader.roster.people(in: .attendees)
        result.officials = reader.roster.people(in: .officials)
        result.absent = reader.roster.people(in: .absent)
        result.diagnostics = reader.diagnostics
        return result
    }
}
