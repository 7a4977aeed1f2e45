public import Ingest

/// Finds what the group, its members or the note recommend, urge or propose.
public struct RecommendationExtractor: Sendable {
    /// Creates an extractor.
    public init() {}

    /// Extracts the recommendations of the note in `context`, leaving out lines that are actions.
    public func extract(_ context: ExtractionContext, actionLines: Set<Int>) -> Extracted<Recommendation> {
        Extracted()
    }
}
