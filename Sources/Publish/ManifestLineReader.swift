import Ingest

/// The lines of a build manifest that there is one of for each note and page, read as ``OrderedJSONEncoder`` writes
/// them; anything else is left to `JSONDecoder` by ``BuildManifest/init(contentsOf:)``.
extension RecordJSONReader {
    /// `{"position":…,"path":…,"key":…,"error":…}`, with `null` for an absent key or error.
    mutating func manifestNote() throws(Unexpected) -> BuildManifest.Note {
        try literal("{\"position\":")
        let position = try int()
        try literal(",\"path\":")
        let path = try string()
        try literal(",\"key\":")
        let key = null() ? nil : try digest()
        try literal(",\"error\":")
        let error = null() ? nil : try diagnostic()
        try literal("}")
        return BuildManifest.Note(position: position, path: path, key: key, error: error)
    }

    /// `{"id":…,"key":…}`.
    mutating func manifestPage() throws(Unexpected) -> BuildManifest.Page {
        try literal("{\"id\":")
        let id = try string()
        try literal(",\"key\":")
        let key = try digest()
        try literal("}")
        return BuildManifest.Page(id: id, key: key)
    }

    /// A digest as its `init(from:)` reads one: a string of its hexadecimal digits.
    private mutating func digest() throws(Unexpected) -> Digest {
        guard let digest = Digest(hex: try string()) else { throw Unexpected() }
        return digest
    }
}
