public import Ingest

/// Finds decisions: resolutions, agreements and the outcomes of motions.
public struct DecisionExtractor: Sendable {
    /// Creates an extractor.
    public init() {}

    /// Extracts the decisions of the note in `context`.
    public func extract(_ context: ExtractionContext) -> Extracted<Decision> {
        Extracted(records: [])
    }
}
