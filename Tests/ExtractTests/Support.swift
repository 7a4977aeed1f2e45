import Extract
@_exported import TestSupport

/// The meeting extracted from `text`, read as a note at `path`.
func meeting(_ text: String, path: String = "note.md", options: ExtractOptions = ExtractOptions()) throws -> Meeting {
    let document = try NoteIngestor().ingest(bytes: Array(text.utf8), path: path)
    return MeetingExtractor(options: options).extract(document)
}
