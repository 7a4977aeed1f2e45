import Ingest

/// Finds explicitly marked actions, with their owners and due dates.
///
/// Actions are lines with a marker (`Action:`, `ACTION n:`, `Action item:`, `AI:`, `[ACTION]`, `[FOLLOWUP]`,
/// `ACTION ITEM - …`, `ACTION ALL:`), items and lines under an action heading (`Action items`, `Next steps`) or a
/// label (`Actions:`), task-list items that name an owner, and rows of tables with an action column. An action
/// repeated in a summary table and in the body is listed once. Owners come from `X to …`, `X will …`, a `Name:`
/// label, `@handles`, `(Owner: X)`, an owner column or an owned parent checkbox; due dates are resolved against the
/// meeting's date. An action without an owner is kept, with a warning.
public struct ActionExtractor: Sendable {
    /// Creates an extractor.
    public init() {}

    /// Extracts the actions of the note in `context`.
    public func extract(_ context: ExtractionContext) -> Extracted<Action> {
        var finder = ActionFinder(context: context)
        return finder.run()
    }
}
