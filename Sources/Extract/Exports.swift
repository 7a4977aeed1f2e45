/// Clients of Extract read Ingest's values (``Ingest/NoteDocument``, ``Ingest/Diagnostic``) too.
@_exported public import Ingest
