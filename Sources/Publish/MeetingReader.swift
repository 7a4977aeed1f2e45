/// Reads notes into meetings a batch at a time, in parallel, handing them over in path order with ids unique within
/// the run, so that what follows is the same for every number of jobs and memory holds one batch, not the archive.
public struct MeetingReader: Sendable {
    /// One note read: its document and meeting, or why it could not be read.
    public typealias Outcome = Result<(document: NoteDocument, meeting: Meeting), IngestError>

    private let ingestor: NoteIngestor
    private let extractor: MeetingExtractor
    private let jobs: Int

    /// Creates a reader.
    public init(ingest: IngestOptions, extract: ExtractOptions, jobs: Int) {
        ingestor = NoteIngestor(options: ingest)
        extractor = MeetingExtractor(options: extract)
        self.jobs = Swift.max(1, jobs)
    }

    /// Reads `files` and calls `body` with each batch of outcomes, in path order.
    public func read(_ files: [String], _ body: ([Outcome]) throws -> Void) rethrows {
        var ids = MeetingIDAllocator()
        for paths in files.batches(of: 16 * jobs) {
            let ingestor = ingestor
            let extractor = extractor
            var outcomes = ParallelMap.map(paths, jobs: jobs) { path -> Outcome in
                Result { () throws(IngestError) in
                    let document = try ingestor.ingest(path: path)
                    return (document, extractor.extract(document))
                }
            }
            for index in outcomes.indices {
                guard case .success(var item) = outcomes[index] else { continue }
                item.meeting.id = ids.unique(item.meeting.id)
                outcomes[index] = .success(item)
            }
            try body(outcomes)
        }
    }
}
