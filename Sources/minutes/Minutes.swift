import ArgumentParser
import Foundation
import Ingest

/// The `minutes` command: turns archives of meeting notes into structured records.
@main
struct Minutes: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "minutes",
        abstract: "Turn archives of meeting notes into structured records.",
        discussion: """
            Reads Markdown and plain-text minutes (.md, .markdown, .txt), parses them with cmark, and extracts the \
            meeting, its attendees, sections, recommendations, actions and decisions, each with its source lines.
            """,
        version: "minutes \(ToolVersion.current) (libcmark \(MarkdownParser.cmarkVersion))",
        subcommands: [Build.self, Merge.self, Extract.self, Check.self, Init.self, Schema.self, Ast.self]
    )

    /// Runs the command; usage errors exit with status 2, as the extract contract promises (not 64).
    static func main() {
        Allocator.configure()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                standardError(fullMessage(for: error) + "\n")
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

/// Options shared by every subcommand that reads notes.
struct InputOptions: ParsableArguments {
    @Argument(help: "Note files or folders (searched recursively for .md, .markdown and .txt).", completion: .file())
    var inputs: [String] = []

    @Option(name: .customLong("max-size"), help: "Refuse notes larger than this many bytes.")
    var maxSize: Int = IngestOptions.defaultMaxFileSize

    @Option(help: "Read every note as this format instead of detecting it from its content.")
    var format: FormatChoice?

    @Option(name: .shortAndLong, help: "How many notes to read at once (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(
        name: .customLong("config"),
        help: "The configuration file (default: minutes.yml in the input folder, or the folder the inputs share).",
        completion: .file(extensions: ["yml", "yaml"])
    )
    var configPath: String?

    func validate() throws {
        guard !inputs.isEmpty else { throw ValidationError("Give at least one note file or folder.") }
        guard maxSize > 0 else { throw ValidationError("--max-size must be a positive number of bytes.") }
        guard jobs > 0 else { throw ValidationError("--jobs must be at least 1.") }
    }

    var ingestOptions: IngestOptions {
        IngestOptions(maxFileSize: maxSize, format: format.map { NoteFormat(rawValue: $0.rawValue) ?? .markdown })
    }

    var ingestor: NoteIngestor { NoteIngestor(options: ingestOptions) }

    /// The configuration in force: `--config`, or `minutes.yml` found beside the inputs, or the defaults.
    ///
    /// A configuration that cannot be read or is invalid is reported and exits with status 2, before any note is read.
    func configuration() throws -> Configuration {
        guard let path = configPath ?? ConfigurationLoader.discover(for: inputs) else { return Configuration() }
        do {
            return try ConfigurationLoader.load(path: path)
        } catch {
            Output.report(error.diagnostics)
            throw ExitCode(2)
        }
    }

    /// The notes the inputs name, folders filtered by the configuration's include and exclude globs.
    func collect(_ configuration: Configuration) -> InputCollector.Collection {
        InputCollector(filter: configuration.pathFilter).collect(inputs)
    }
}

/// The date-order flag of the commands that extract records.
struct DateOptions: ParsableArguments {
    @Flag(
        help: "Read numeric dates month first (04/21/2020) instead of day first (21/04/2020); wins over the dates key."
    )
    var monthFirst = false

    /// The effective configuration: `configuration` with this flag applied.
    func apply(to configuration: Configuration) -> Configuration {
        var configuration = configuration
        if monthFirst { configuration.dates = .monthFirst }
        return configuration
    }
}

/// The note formats as a command-line choice.
enum FormatChoice: String, CaseIterable, ExpressibleByArgument {
    case markdown, text
}
