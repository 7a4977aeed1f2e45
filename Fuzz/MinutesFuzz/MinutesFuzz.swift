// The libFuzzer target: bytes in, as a note, through every stage into memory. Built only by `scripts/fuzz`
// (`MINUTES_FUZZ=1`, `-sanitize=fuzzer,address -parse-as-library`); Fuzz/CFuzzMain starts libFuzzer's driver.
import Extract
import Foundation
import Ingest

@testable import Publish

/// The stages, set up once: template parsing is not what is being fuzzed.
private let ingestor = NoteIngestor(options: IngestOptions(rendersHTML: true))
private let extractor = MeetingExtractor()
private let pretty = OrderedJSONEncoder(pretty: true)
private let compact = OrderedJSONEncoder(pretty: false)
private let csv = CSVWriter()
private let site: SiteRenderer = {
    guard let date = CalendarDate(iso: "2021-06-01"),
        let renderer = try? SiteRenderer(templatesFolder: nil, buildDate: date, siteTitle: "Fuzz", siteURL: "")
    else { fatalError("the built-in templates do not load") }
    return renderer
}()

/// One input: a note that cannot be read is fine; a crash, a hang, a sanitizer report or a broken invariant is not.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    // The bytes as a damaged cache record, and as a damaged cache entry of the key they start with: read or
    // refused, never a crash; an entry's parts lie inside it, the HTML last, before a line feed.
    _ = NoteCache.entry(in: Data(bytes))
    if let key = Digest(hexDigits: bytes.prefix(64)),
        let layout = bytes.withUnsafeBufferPointer({ NoteCacheEntry.layout(of: $0, key: key, length: $0.count) })
    {
        precondition(layout.record.upperBound < layout.html.lowerBound && layout.html.upperBound == bytes.count - 1)
    }
    guard let document = try? ingestor.ingest(bytes: bytes, path: "fuzz.md") else { return 0 }
    if document.source.format == .markdown {
        precondition(document.html == MarkdownRenderer.htmlBytes(document.text), "the tree rendered unlike its text")
    }
    let meeting = extractor.extract(document)
    do {
        let json = try pretty.encode(meeting)
        let line = try compact.encode(meeting)
        // Records survive a JSON round trip, by the decoder and by the cache's own reader, and the pretty JSON is
        // the compact line laid out.
        let decoded = try JSONDecoder().decode(Meeting.self, from: Data(json.utf8))
        precondition(decoded == meeting, "the record changed in a JSON round trip")
        precondition(RecordJSONReader.meeting(line) == meeting, "the record changed read back from the cache")
        let laidOut = Array(line.utf8).withUnsafeBufferPointer { RecordJSON.withPretty(ofCompact: $0) { Array($0) } }
        precondition(laidOut.elementsEqual(json.utf8), "the pretty layout differs")
        var tables = CSVTables.headers.map { csv.text(header: $0.header, rows: []) }
        for (index, rows) in CSVTables.rows(of: meeting).enumerated() {
            for row in rows { csv.appendRow(row, to: &tables[index]) }
        }
        try site.meetingPage(meeting, noteHTML: SiteRenderer.noteHTML(meeting, document: document)) { _ in }
        // The overview pages, two items a page so that the pager is fuzzed too.
        let overview = try OverviewIndex(scratch: FileManager.default.temporaryDirectory)
        try overview.add(meeting)
        for page in try site.overviewPages(try overview.sealed(), pageSize: 2) { try page.write { _ in } }
    } catch {
        fatalError("publishing a meeting threw: \(error)")
    }
    return 0
}
