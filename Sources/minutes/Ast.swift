import ArgumentParser
import Ingest

extension Minutes {
    /// `minutes ast`: prints each note's normalised syntax tree with source ranges.
    struct Ast: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the syntax tree of each note, with line ranges.",
            discussion: """
                For debugging notes and writing configuration: shows the tree that extraction sees, after \
                decoding, normalisation and front matter, with each node's start and end as line:column \
                (columns in UTF-8 bytes, end inclusive). Diagnostics go to standard error.
                """
        )

        @OptionGroup var input: InputOptions

        func run() throws {
            let collection = input.collect(try input.configuration())
            Output.report(collection.diagnostics)
            var failed = !collection.diagnostics.filter { $0.severity == .error }.isEmpty
            let ingestor = input.ingestor
            for (index, path) in collection.files.enumerated() {
                do {
                    let document = try ingestor.ingest(path: path)
                    Output.report(document.diagnostics)
                    if collection.files.count > 1 {
                        if index > 0 { print() }
                        print("# \(path) (\(document.source.format.rawValue), \(document.source.encoding.rawValue))")
                    }
                    print(TreeDumper.dump(document.root), terminator: "")
                } catch {
                    Output.report([error.diagnostic])
                    failed = true
                }
            }
            if failed { throw ExitCode.failure }
        }
    }
}
