import ArgumentParser
import Extract
import Foundation
import Ingest
import Publish

extension Minutes {
    /// `minutes build`: the main job, from notes to an output folder.
    struct Build: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Build JSON, JSON Lines, CSV tables, the schema and an HTML digest for an archive of notes.",
            discussion: """
                Writes DIR/json/<id>.json, DIR/meetings.jsonl, DIR/schema/meeting.schema.json, DIR/csv/*.csv and \
                the digest in DIR/site/ (index.html, meetings/<id>.html, actions.html, people.html, feed.xml). \
                A file already there is replaced through a temporary name and a rename, so an interrupted build \
                leaves the previous output readable (a new file it left cut short is written again next time); \
                records of notes that were removed are pruned. A cache in DIR/.minutes-cache \
                keeps each note's record by its path and content: the next build extracts only the notes that \
                changed, and does nothing when nothing did (--force redoes everything). With --shard I/N it takes \
                every Nth note from the Ith and writes only the cache, for `minutes merge`. Exit status 1 when any \
                note could not be read (the others are still built).
                """
        )

        @OptionGroup var input: InputOptions
        @OptionGroup var publish: PublishOptions

        @OptionGroup var dates: DateOptions

        @Flag(help: "Extract and render every note again, ignoring the cache.")
        var force = false

        @Option(help: "Build only part I of N of the inputs (0 ≤ I < N), for `minutes merge`.")
        var shard: String?

        func validate() throws {
            if let shard, Shard(shard) == nil {
                throw ValidationError("--shard must be I/N with 0 ≤ I < N, as in --shard 0/4.")
            }
        }

        func run() throws {
            let start = ContinuousClock.now
            let configuration = dates.apply(to: try input.configuration())
            let collection = input.collect(configuration)
            Output.report(collection.diagnostics)
            var options = try publish.buildOptions(
                ingest: input.ingestOptions,
                extract: ExtractOptions(configuration: configuration),
                jobs: input.jobs
            )
            options.configurationFingerprint = configuration.fingerprint
            options.force = force
            options.shard = shard.flatMap(Shard.init)
            let folder = try OutputFolder(path: publish.output)
            let summary = try ArchiveBuilder(options: options).build(collection.files, into: folder)
            publish.report(summary, folder: folder, seconds: start.secondsSince, shard: options.shard)
            if summary.errors > 0 || collection.diagnostics.contains(where: { $0.severity == .error }) {
                throw ExitCode.failure
            }
        }
    }

    /// `minutes merge`: joins the outputs of sharded builds.
    struct Merge: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Join the folders of `minutes build --shard I/N` into one output folder.",
            discussion: """
                Reads the cache each shard wrote and publishes the whole archive (JSON, JSON Lines, CSV, schema, \
                site) exactly as one `minutes build` of every note would, with the same publishing options. Every \
                shard 0…N-1 must be given once. Exit status 1 when a note could not be read in its shard or the \
                folders are not the shards of one build.
                """
        )

        @Argument(help: "The output folders of the shards.", completion: .directory)
        var shards: [String] = []

        @OptionGroup var publish: PublishOptions

        @Option(name: .shortAndLong, help: "How many notes to work on at once (default: the number of cores).")
        var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

        func validate() throws {
            guard jobs > 0 else { throw ValidationError("--jobs must be at least 1.") }
            guard !shards.isEmpty else { throw ValidationError("Give the output folder of every shard.") }
        }

        func run() throws {
            let start = ContinuousClock.now
            let options = try publish.buildOptions(ingest: IngestOptions(), extract: ExtractOptions(), jobs: jobs)
            let folder = try OutputFolder(path: publish.output)
            let summary: BuildSummary
            do {
                summary = try ArchiveBuilder(options: options).merge(shards, into: folder)
            } catch let error as ArchiveBuilder.MergeError {
                standardError("minutes: \(error)\n")
                throw ExitCode.failure
            }
            publish.report(summary, folder: folder, seconds: start.secondsSince)
            if summary.errors > 0 { throw ExitCode.failure }
        }
    }
}

extension ContinuousClock.Instant {
    /// Seconds from this instant to now.
    var secondsSince: Double { (ContinuousClock.now - self).seconds }
}

extension Duration {
    /// The duration in seconds, for people to read.
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
