import ArgumentParser
import Foundation
import Publish

extension Minutes {
    /// `minutes build`: the main job, from notes to an output folder.
    struct Build: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Build JSON, JSON Lines, CSV tables and the schema for an archive of notes.",
            discussion: """
                Writes DIR/json/<id>.json, DIR/meetings.jsonl, DIR/schema/meeting.schema.json and DIR/csv/*.csv. \
                Each file is written to a temporary name and renamed, so an interrupted build leaves the previous \
                output readable; records of notes that were removed are pruned. Exit status 1 when any note could \
                not be read (the others are still built).
                """
        )

        @OptionGroup var input: InputOptions

        @Option(name: .customLong("out"), help: "The output folder.")
        var output: String = "out"

        @Flag(help: "Read numeric dates month first (04/21/2020) instead of day first.")
        var monthFirst = false

        @Flag(help: "Do not guard CSV cells that start like a formula (=, +, -, @) with a leading '.")
        var noCSVFormulaGuard = false

        @Flag(help: "Start CSV files with a UTF-8 byte-order mark, so Excel reads them as UTF-8.")
        var csvBOM = false

        func run() throws {
            let collection = InputCollector().collect(input.inputs)
            Output.report(collection.diagnostics)
            let options = BuildOptions(
                ingest: input.ingestOptions,
                extract: ExtractOptions(dayFirst: !monthFirst),
                csvGuardsFormulas: !noCSVFormulaGuard,
                csvByteOrderMark: csvBOM
            )
            let folder = try OutputFolder(path: output)
            let summary = try ArchiveBuilder(options: options).build(collection.files, into: folder)
            Output.report(summary.diagnostics)
            standardError(
                "minutes: \(summary.meetings) meetings, \(summary.people) people, \(summary.actions) actions; "
                    + "\(summary.warnings) warnings, \(summary.errors) errors; written to \(folder.root.path)\n"
            )
            if summary.errors > 0 || collection.diagnostics.contains(where: { $0.severity == .error }) {
                throw ExitCode.failure
            }
        }
    }
}
