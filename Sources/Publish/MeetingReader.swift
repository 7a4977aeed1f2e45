/// Reads notes into meetings in parallel, handing them over one at a time in path order with ids unique within the
/// run, so that what follows is the same for every number of jobs and memory holds a few notes, not the archive.
public struct MeetingReader: Sendable {
    /// One note read: its meeting, or why it could not be read.
    ///
    /// The note's document is let go by the thread that read it: a syntax tree is costly to free, and freed on the
    /// thread that hands meetings over it would be work done while the others wait.
    public typealias Outcome = Result<Meeting, IngestError>

    private let ingestor: NoteIngestor
    private let extractor: MeetingExtractor
    private let jobs: Int

    /// Creates a reader.
    public init(ingest: IngestOptions, extract: ExtractOptions, jobs: Int) {
        ingestor = NoteIngestor(options: ingest)
        extractor = MeetingExtractor(options: extract)
        self.jobs = Swift.max(1, jobs)
    }

    /// Reads `files` and calls `body` with each outcome, in path order, on the calling thread.
    public func read<Failure: Error>(_ files: [String], _ body: (Outcome) throws(Failure) -> Void) throws(Failure) {
        var ids = MeetingIDAllocator()
        let ingestor = ingestor
        let extractor = extractor
        try ParallelMap.forEachInOrder(files, jobs: jobs, window: 16 * jobs) { path -> Outcome in
            Result { () throws(IngestError) in extractor.extract(try ingestor.ingest(path: path)) }
        } _: { (outcome: Outcome) throws(Failure) in
            try body(
                outcome.map { meeting in
                    var meeting = meeting
                    meeting.id = ids.unique(meeting.id)
                    return meeting
                }
            )
        }
    }
}
