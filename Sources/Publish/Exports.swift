/// Clients of Publish read Extract's records (and through them Ingest's values) too.
@_exported public import Extract
