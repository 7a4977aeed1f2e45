import Foundation
import Publish

/// The package's root folder, found from this file's path.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// `../shared/corpus` beside the package, or `nil` (with a message) when this machine does not have it.
let sharedCorpus: URL? = {
    let url = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus")
    guard FileManager.default.fileExists(atPath: url.path) else {
        print("note: \(url.path) is absent; tests over the shared corpus are skipped")
        return nil
    }
    return url
}()

/// The meeting extracted from `text`, read as a note at `path`.
func meeting(_ text: String, path: String = "note.md", options: ExtractOptions = ExtractOptions()) throws -> Meeting {
    let document = try NoteIngestor().ingest(bytes: Array(text.utf8), path: path)
    return MeetingExtractor(options: options).extract(document)
}
