import ArgumentParser
import Publish

extension Minutes {
    /// `minutes schema`: prints the JSON Schema of a meeting record.
    struct Schema: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the JSON Schema (draft 2020-12) of the meeting records."
        )

        func run() {
            print(MeetingSchema.text, terminator: "")
        }
    }
}
