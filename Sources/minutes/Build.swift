import ArgumentParser
import Foundation
import Publish

extension Minutes {
    /// `minutes build`: the main job, from notes to an output folder.
    struct Build: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Build JSON, JSON Lines, CSV tables, the schema and an HTML digest for an archive of notes.",
            discussion: """
                Writes DIR/json/<id>.json, DIR/meetings.jsonl, DIR/schema/meeting.schema.json, DIR/csv/*.csv and \
                the digest in DIR/site/ (index.html, meetings/<id>.html, actions.html, people.html, feed.xml). \
                Each file is written to a temporary name and renamed, so an interrupted build leaves the previous \
                output readable; records of notes that were removed are pruned. Exit status 1 when any note could \
                not be read (the others are still built).
                """
        )

        @OptionGroup var input: InputOptions

        @Option(name: .customLong("out"), help: "The output folder.")
        var output: String = "out"

        @OptionGroup var dates: DateOptions

        @Flag(help: "Do not guard CSV cells that start like a formula (=, +, -, @) with a leading '.")
        var noCSVFormulaGuard = false

        @Flag(help: "Start CSV files with a UTF-8 byte-order mark, so Excel reads them as UTF-8.")
        var csvBOM = false

        @Option(
            help: "A folder of templates (index.mustache, meeting.mustache, style.css…) that replace the built-in ones."
        )
        var templates: String?

        @Option(help: "The title of the HTML digest.")
        var siteTitle = "Meeting minutes"

        @Option(help: "The absolute URL the digest will be published at, for the Atom feed.")
        var siteURL = ""

        @Option(help: "The day to judge overdue actions by, as YYYY-MM-DD (default: today).")
        var buildDate: String?

        func validate() throws {
            if let buildDate, CalendarDate(iso: buildDate) == nil {
                throw ValidationError("--build-date must be a date written YYYY-MM-DD.")
            }
        }

        /// Today's date in UTC.
        static func today() throws -> CalendarDate {
            let iso = ISO8601DateFormatter().string(from: Date()).prefix(10)
            guard let date = CalendarDate(iso: String(iso)) else { throw ValidationError("cannot read today's date") }
            return date
        }

        func run() throws {
            let configuration = dates.apply(to: try input.configuration())
            let collection = input.collect(configuration)
            Output.report(collection.diagnostics)
            let options = BuildOptions(
                ingest: input.ingestOptions,
                extract: ExtractOptions(configuration: configuration),
                configurationFingerprint: configuration.fingerprint,
                csvGuardsFormulas: !noCSVFormulaGuard,
                csvByteOrderMark: csvBOM,
                templatesFolder: templates,
                siteTitle: siteTitle,
                siteURL: siteURL,
                buildDate: try buildDate.flatMap(CalendarDate.init(iso:)) ?? Self.today(),
                jobs: input.jobs
            )
            let folder = try OutputFolder(path: output)
            let summary = try ArchiveBuilder(options: options).build(collection.files, into: folder)
            Output.report(summary.diagnostics)
            standardError(
                "minutes: \(summary.meetings) meetings, \(summary.people) people, \(summary.actions) actions; "
                    + "\(summary.warnings) warnings, \(summary.errors) errors; written to \(folder.root.path)\n"
                    + "minutes: open the digest at \(folder.root.appendingPathComponent("site/index.html").path)\n"
            )
            if summary.errors > 0 || collection.diagnostics.contains(where: { $0.severity == .error }) {
                throw ExitCode.failure
            }
        }
    }
}
