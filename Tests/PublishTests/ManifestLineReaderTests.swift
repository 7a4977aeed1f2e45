import Extract
import Foundation
import Ingest
import PropertyBased
import Testing

@testable import Publish

/// The manifest's lines of notes and pages must be read by ``RecordJSONReader`` as `JSONDecoder` reads them, and a
/// line in another shape must still be read, by `JSONDecoder`.
@Suite struct ManifestLineReaderTests {
    static let note = zip(
        Gen.int(in: Int.min...Int.max),
        jsonString,
        jsonString.optional.map { $0.map { Digest(joining: [$0]) } },
        RecordGen.diagnostic.optional
    )
    .map { BuildManifest.Note(position: $0, path: $1, key: $2, error: $3) }

    static let page = zip(jsonString, jsonString).map { BuildManifest.Page(id: $0, key: Digest(joining: [$1])) }

    /// What `read` makes of the whole of `line`.
    static func read<Value>(
        _ line: String,
        _ read: (inout RecordJSONReader) throws(RecordJSONReader.Unexpected) -> Value
    ) -> Value? {
        line.utf8.withContiguousStorageIfAvailable { RecordJSONReader.whole(utf8: $0, read) } ?? nil
    }

    /// Checks the reader gives what `JSONDecoder` gives of `value`'s line, compared by the lines each writes back.
    func expectSameAsDecoder<Value: Codable>(
        _ value: Value,
        _ read: (inout RecordJSONReader) throws(RecordJSONReader.Unexpected) -> Value
    ) throws {
        let encoder = OrderedJSONEncoder(pretty: false)
        let line = try encoder.encode(value)
        let decoded = try JSONDecoder().decode(Value.self, from: Data(line.utf8))
        let fast = Self.read(line, read)
        let value = try #require(fast, "\(line)")
        #expect(try encoder.encode(value) == line)
        #expect(try encoder.encode(decoded) == line)
    }

    @Test func arbitraryLines() async {
        await propertyCheck(count: 300, input: Self.note, Self.page) { note, page in
            try expectSameAsDecoder(note) { reader throws(RecordJSONReader.Unexpected) in try reader.manifestNote() }
            try expectSameAsDecoder(page) { reader throws(RecordJSONReader.Unexpected) in try reader.manifestPage() }
        }
    }

    @Test func otherShapesAreLeftToTheDecoder() {
        let key = String(repeating: "ab", count: 32)
        let lines = [
            #"{"position":1,"path":"p","key":null}"#, #"{"position":1,"path":"p","key":null,"error":null,"x":1}"#,
            #"{"path":"p","position":1,"key":null,"error":null}"#,
            #"{"position":1,"path":"p","key":"zz","error":null}"#,
            #"{"position":1, "path":"p","key":null,"error":null}"#,
            #"{"position":1.5,"path":"p","key":null,"error":null}"#,
            #"{"id":"m","key":"\#(key)"} "#, #"{"id":"m","key":"\#(key.uppercased())"}"#, #"{"id":"m"}"#,
        ]
        for line in lines {
            #expect(Self.read(line) { reader throws(RecordJSONReader.Unexpected) in try reader.manifestNote() } == nil)
            #expect(Self.read(line) { reader throws(RecordJSONReader.Unexpected) in try reader.manifestPage() } == nil)
        }
    }

    /// A manifest reads back as written, and so does one whose note and page lines have spaces in them.
    @Test func manifestRoundTrip() throws {
        let root = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = try OutputFolder(path: root.path)
        let key = Digest(joining: ["k"])
        let manifest = BuildManifest(
            version: "v",
            fingerprint: "f",
            settings: "s",
            inputs: "i",
            shard: nil,
            inputCount: 3,
            notes: [
                .init(position: 0, path: "a \"é\"\n", key: key, error: nil),
                .init(position: 2, path: "b", key: nil, error: Diagnostic(.error, "unreadable 😀", file: "b", line: 3)),
            ],
            pages: [.init(id: "m\u{2028}", key: key)],
            overview: ["site/index.html"],
            summary: BuildSummary()
        )
        try manifest.write(to: folder, at: "first.jsonl")
        let written = try String(contentsOf: root.appendingPathComponent("first.jsonl"), encoding: .utf8)
        let spaced = written.replacingOccurrences(of: "\",\"", with: "\", \"")
        try spaced.write(to: root.appendingPathComponent("spaced.jsonl"), atomically: true, encoding: .utf8)
        for name in ["first.jsonl", "spaced.jsonl"] {
            let read = try #require(BuildManifest(contentsOf: root.appendingPathComponent(name)))
            try read.write(to: folder, at: "again.jsonl")
            #expect(try String(contentsOf: root.appendingPathComponent("again.jsonl"), encoding: .utf8) == written)
        }
    }

    /// A build keeps a manifest note for every input: the rare diagnostic is boxed, so a note stays small.
    @Test func aManifestNoteIsSmall() {
        #expect(MemoryLayout<BuildManifest.Note>.stride <= 72)
        var note = BuildManifest.Note(position: 1, path: "a.md")
        let diagnostic = Diagnostic(.error, "cannot be read", file: "a.md")
        note.error = diagnostic
        #expect(note.error?.description == diagnostic.description)
        note.error = nil
        #expect(note.error == nil)
    }
}
