import ArgumentParser
import Publish

extension Minutes {
    /// `minutes check`: lints notes for whoever writes the minutes.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check notes for what their writer should fix, as path:line:column: severity: message.",
            discussion: """
                Reports people lines that could not be read, a missing title or date, actions without an owner or a \
                due date, and owners who are not among the attendees or officials (matched by name, handle, role, \
                or a first name or initials that fit one person). Problems go to standard output, a summary to \
                standard error. Exit status: 1 when there are errors (or, with --strict, warnings), 0 otherwise, 2 \
                for usage errors and a bad configuration.
                """
        )

        @OptionGroup var input: InputOptions

        @OptionGroup var dates: DateOptions

        @Flag(help: "Fail on warnings too.")
        var strict = false

        func run() throws {
            let configuration = dates.apply(to: try input.configuration())
            let collection = input.collect(configuration)
            var problems = collection.diagnostics
            let options = ExtractOptions(configuration: configuration)
            let reader = MeetingReader(ingest: input.ingestOptions, extract: options, jobs: input.jobs)
            let linter = NoteLinter(vocabulary: options.vocabulary)
            reader.read(collection.files) { outcome in
                switch outcome {
                case .success(let meeting): problems += linter.check(meeting)
                case .failure(let error): problems.append(error.diagnostic)
                }
            }
            for problem in problems { print(problem) }
            let errors = problems.count { $0.severity == .error }
            let warnings = problems.count { $0.severity == .warning }
            standardError("minutes: \(collection.files.count) notes checked; \(errors) errors, \(warnings) warnings\n")
            if errors > 0 || (strict && warnings > 0) { throw ExitCode.failure }
        }
    }
}
