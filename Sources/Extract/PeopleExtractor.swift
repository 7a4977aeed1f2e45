public import Ingest

/// Finds the people of a meeting: attendees, officials and guests, and apologies.
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
        Result()
    }
}
