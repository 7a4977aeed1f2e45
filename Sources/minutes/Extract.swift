import ArgumentParser
import Publish

extension Minutes {
    /// `minutes extract`: prints the meeting records of notes as JSON.
    struct Extract: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the meeting record of each note as JSON.",
            discussion: """
                One note prints one pretty JSON object; several print JSON Lines, one meeting a line, in path order. \
                Diagnostics go to standard error. Exit status: 0 when every input gave a record, 1 when any could \
                not be read (the others are still printed), 2 for usage errors.
                """
        )

        @OptionGroup var input: InputOptions

        @OptionGroup var dates: DateOptions

        func run() throws {
            bufferStandardOutput()
            let configuration = dates.apply(to: try input.configuration())
            let collection = input.collect(configuration)
            Output.report(collection.diagnostics)
            var failed = collection.diagnostics.contains { $0.severity == .error }
            let single = collection.files.count == 1 && collection.diagnostics.isEmpty
            let encoder = OrderedJSONEncoder(pretty: single)
            let reader = MeetingReader(
                ingest: input.ingestOptions,
                extract: ExtractOptions(configuration: configuration),
                jobs: input.jobs
            )
            try reader.read(collection.files) { outcome in
                switch outcome {
                case .success(let meeting):
                    try encoder.withEncoded(meeting) { json in
                        Output.report(meeting.diagnostics)
                        standardOutput(json, lineEnd: !single)
                    }
                case .failure(let error):
                    Output.report([error.diagnostic])
                    failed = true
                }
            }
            if failed { throw ExitCode.failure }
        }
    }
}
