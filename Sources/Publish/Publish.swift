/// The Publish stage: renders meeting records as JSON, CSV and an HTML digest.
///
/// Publish sees Extract's records, never the syntax tree's C origin; this file anchors the stage in the pipeline.
@_exported public import Extract
