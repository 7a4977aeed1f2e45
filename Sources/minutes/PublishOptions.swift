import ArgumentParser
import Extract
import Foundation
import Ingest
import Publish

/// Options of the commands that write an output folder (`build`, `merge`).
struct PublishOptions: ParsableArguments {
    @Option(name: .customLong("out"), help: "The output folder.")
    var output: String = "out"

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

    @Option(
        help: ArgumentHelp(
            "The most meetings, actions or people's appearances on one page of the meetings, actions and people lists.",
            discussion: "Longer lists go on to further pages (people-2.html…) with links between them."
        )
    )
    var pageSize = BuildOptions.defaultPageSize

    @Flag(name: .shortAndLong, help: "Print nothing but diagnostics and errors: no progress bar, no summary.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Name each note as it is done.")
    var verbose = false

    @Flag(help: "Print the time spent per stage (read, parse, extract, publish), summed over jobs.")
    var stats = false

    func validate() throws {
        if let buildDate, CalendarDate(iso: buildDate) == nil {
            throw ValidationError("--build-date must be a date written YYYY-MM-DD.")
        }
        guard pageSize >= 1 else { throw ValidationError("--page-size must be at least 1.") }
    }

    /// Build options with these settings, reading notes with `ingest` and `extract`.
    func buildOptions(ingest: IngestOptions, extract: ExtractOptions, jobs: Int) throws -> BuildOptions {
        let reporter = ProgressReporter(quiet: quiet, verbose: verbose)
        let date = try buildDate.flatMap(CalendarDate.init(iso:)) ?? Self.today()
        var options = BuildOptions(
            ingest: ingest,
            extract: extract,
            csvGuardsFormulas: !noCSVFormulaGuard,
            csvByteOrderMark: csvBOM,
            templatesFolder: templates,
            siteTitle: siteTitle,
            siteURL: siteURL,
            buildDate: date,
            pageSize: pageSize,
            jobs: jobs
        )
        if !reporter.isSilent {
            options.progress = { progress in reporter.report(progress) }
        }
        return options
    }

    /// Prints the closing summary (unless quiet) and the stage times (with --stats).
    func report(_ summary: BuildSummary, folder: OutputFolder, seconds: Double, shard: Shard? = nil) {
        ProgressReporter.clearLine(quiet: quiet)
        Output.report(summary.diagnostics)
        if !quiet {
            let counts =
                "\(summary.meetings) meetings, \(summary.people) people, \(summary.actions) actions; "
                + "\(summary.warnings) warnings, \(summary.errors) errors"
            let time = String(format: "%.1f s", seconds)
            if summary.upToDate {
                standardError("minutes: up to date (\(counts)); nothing to do in \(time)\n")
            } else if let shard {
                standardError(
                    "minutes: shard \(shard): \(counts); \(summary.reused) from the cache; \(time); "
                        + "merge the shards with `minutes merge`\n"
                )
            } else {
                standardError(
                    "minutes: \(counts); \(summary.reused) from the cache; \(time); written to \(folder.root.path)\n"
                        + "minutes: open the digest at \(folder.root.appendingPathComponent("site/index.html").path)\n"
                )
            }
        }
        if stats {
            let stages = [
                ("read", summary.stats.read), ("parse", summary.stats.parse), ("extract", summary.stats.extract),
                ("publish", summary.stats.publish),
            ]
            let text = stages.map { name, duration in
                String(format: "%@ %.2f s", name, duration.seconds)
            }
            standardError("minutes: time per stage, summed over jobs: \(text.joined(separator: ", "))\n")
        }
    }

    /// Today's date in UTC.
    static func today() throws -> CalendarDate {
        let iso = ISO8601DateFormatter().string(from: Date()).prefix(10)
        guard let date = CalendarDate(iso: String(iso)) else { throw ValidationError("cannot read today's date") }
        return date
    }
}
