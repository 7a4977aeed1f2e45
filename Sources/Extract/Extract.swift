/// The Extract stage: turns an ingested note's syntax tree into typed meeting records.
///
/// Extract sees only Ingest's Swift values (``Ingest/NoteDocument``), never C. Its records are filled in by the
/// extractors that follow; this file anchors the stage in the pipeline.
@_exported public import Ingest
