import ArgumentParser
import Foundation
import Ingest

extension Minutes {
    /// `minutes init`: writes a commented default configuration.
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a commented default minutes.yml that documents every key.",
            discussion: """
                Writes DIR/minutes.yml (DIR is the current folder by default) and refuses to overwrite one that \
                exists. Exit status 1 when the file exists or cannot be written.
                """
        )

        @Argument(help: "The folder to write minutes.yml into.", completion: .directory)
        var folder = "."

        func run() throws {
            let url = URL(fileURLWithPath: folder).appendingPathComponent(Ingest.Configuration.fileName)
            let shown =
                (folder == "." ? "" : (folder.hasSuffix("/") ? folder : folder + "/")) + Ingest.Configuration.fileName
            do {
                try Data(Ingest.Configuration.defaultText.utf8).write(to: url, options: .withoutOverwriting)
            } catch CocoaError.fileWriteFileExists {
                standardError("\(shown): error: already exists; not overwritten (edit it, or remove it first)\n")
                throw ExitCode.failure
            } catch {
                standardError("\(shown): error: cannot write: \(error.localizedDescription)\n")
                throw ExitCode.failure
            }
            standardError("minutes: wrote \(shown)\n")
        }
    }
}
