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
        subcommands: [Build.self, Merge.self, Extract.self, Schema.self, Ast.self]
    )

    /// Runs the command; usage errors exit with status 2, as the extract contract promises (not 64).
    static func main() {
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

    func validate() throws {
        guard !inputs.isEmpty else { throw ValidationError("Give at least one note file or folder.") }
        guard maxSize > 0 else { throw ValidationError("--max-size must be a positive number of bytes.") }
        guard jobs > 0 else { throw ValidationError("--jobs must be at least 1.") }
    }

    var ingestOptions: IngestOptions {
        IngestOptions(maxFileSize: maxSize, format: format.map { NoteFormat(rawValue: $0.rawValue) ?? .markdown })
    }

    var ingestor: NoteIngestor { NoteIngestor(options: ingestOptions) }
}

/// The note formats as a command-line choice.
enum FormatChoice: String, CaseIterable, ExpressibleByArgument {
    case markdown, text
}
