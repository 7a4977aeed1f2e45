public import Ingest

/// Finds explicitly marked actions, with their owners and due dates.
public struct ActionExtractor: Sendable {
    /// Creates an extractor.
    public init() {}

    /// Extracts the actions of the note in `context`.
    public func extract(_ context: ExtractionContext) -> Extracted<Action> {
        Extracted(records: [])
    }
}
