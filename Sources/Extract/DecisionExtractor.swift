import Ingest

/// Finds decisions: resolutions, agreements and the outcomes of motions.
///
/// Decisions are lines with a marker (`Decision:`, `Resolved:`, `RESOLUTION:`, `Agreed:`, `Conclusion:`),
/// `Consensus is that …` statements, items under a Decisions or Resolutions heading or label, result lines
/// (`Approved …`, `…, passed`), and outcomes that need what they answer: a motion's `Resolution: Passed` is joined
/// to the motion's text, and `Agreement in the room` to the proposal above it. Narrative (`the team agreed to …`)
/// is not a decision.
public struct DecisionExtractor: Sendable {
    /// Creates an extractor.
    public init() {}

    /// Extracts the decisions of the note in `context`.
    public func extract(_ context: ExtractionContext) -> Extracted<Decision> {
        var finder = DecisionFinder(context: context)
        return finder.run()
    }
}
