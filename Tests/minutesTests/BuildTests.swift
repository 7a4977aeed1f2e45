import Foundation
import Testing

/// `minutes build` end to end: golden outputs for corpus/, the schema, CSV, escaping, a real browser, and builds
/// killed part way.
@Suite(.serialized) struct BuildTests {
    static let golden = packageRoot.appendingPathComponent("Tests/minutesTests/Golden/build")

    /// Builds corpus/ into a new folder with a fixed build date; the caller removes it.
    func buildCorpus() throws -> URL {
        let out = try makeTemporaryFolder()
        let result = try runMinutes(["build", "corpus", "--out", out.path, "--build-date", "2021-06-01"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("minutes: 17 meetings"), "\(result.stderr)")
        #expect(result.stderr.contains("open the digest at \(out.standardizedFileURL.path)/site/index.html"))
        return out
    }

    @Test func matchesTheGoldenOutputsOfTheCorpus() throws {
        let out = try buildCorpus()
        defer { try? FileManager.default.removeItem(at: out) }
        // The cache is the build's own business; what it publishes is the rest.
        let files = filesUnder(out).filter { !$0.hasPrefix(".minutes-cache/") }
        #expect(
            files.contains("site/index.html") && files.contains("csv/actions.csv") && files.contains("meetings.jsonl")
        )
        var problems: [String] = []
        for file in files {
            let actual = try String(contentsOf: out.appendingPathComponent(file), encoding: .utf8)
            // A meeting's record is expected beside its note (corpus/<note>.expected.json); the rest under Golden/.
            var expected = Self.golden.appendingPathComponent(file)
            if file.hasPrefix("json/") {
                let record = try JSONSerialization.jsonObject(with: Data(actual.utf8)) as? [String: Any]
                let source = (record?["source"] as? [String: Any])?["path"] as? String ?? file
                expected = packageRoot.appendingPathComponent(source + ".expected.json")
            }
            if let problem = try goldenMismatch(actual, at: expected) { problems.append(problem) }
        }
        let goldenFiles = filesUnder(Self.golden).filter { !$0.hasPrefix("json/") }
        for stale in Set(goldenFiles).subtracting(files) { problems.append("golden \(stale) is no longer written") }
        let notes = filesUnder(packageRoot.appendingPathComponent("corpus")).filter { !$0.hasSuffix(".expected.json") }
        let expectedRecords = filesUnder(packageRoot.appendingPathComponent("corpus")).filter {
            $0.hasSuffix(".expected.json")
        }
        #expect(expectedRecords.count == notes.count, "every note in corpus/ has its expected record beside it")
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    @Test func buildsAreByteIdenticalOnReRuns() throws {
        let first = try buildCorpus()
        let second = try buildCorpus()
        defer {
            try? FileManager.default.removeItem(at: first)
            try? FileManager.default.removeItem(at: second)
        }
        #expect(filesUnder(first) == filesUnder(second))
        for file in filesUnder(first) {
            let a = try Data(contentsOf: first.appendingPathComponent(file))
            let b = try Data(contentsOf: second.appendingPathComponent(file))
            #expect(a == b, "\(file)")
        }
    }

    @Test func outputIsTheSameForEveryNumberOfJobs() throws {
        var outputs: [URL] = []
        defer { for out in outputs { try? FileManager.default.removeItem(at: out) } }
        for jobs in ["1", "2", "5"] {
            let out = try makeTemporaryFolder()
            outputs.append(out)
            let result = try runMinutes([
                "build", "corpus", "--out", out.path, "--build-date", "2021-06-01", "--jobs", jobs,
            ])
            #expect(result.status == 0, "\(result.stderr)")
        }
        let files = filesUnder(outputs[0])
        for out in outputs.dropFirst() {
            #expect(filesUnder(out) == files)
            for file in files {
                let a = try Data(contentsOf: outputs[0].appendingPathComponent(file))
                let b = try Data(contentsOf: out.appendingPathComponent(file))
                #expect(a == b, "\(file)")
            }
        }
        let single = try runMinutes(["extract", "corpus", "--jobs", "1"])
        let parallel = try runMinutes(["extract", "corpus", "--jobs", "3"])
        #expect(single.stdout == parallel.stdout && single.stdout.split(separator: "\n").count == 17)
    }

    @Test func everyRecordValidatesAgainstThePublishedSchema() throws {
        guard let python = python(with: ["jsonschema"]) else { return }
        let out = try buildCorpus()
        defer { try? FileManager.default.removeItem(at: out) }
        var inputs = [out.appendingPathComponent("meetings.jsonl").path]
        if let sharedCorpus {
            let records = try runMinutes(["extract", sharedCorpus.path]).stdout
            let file = out.appendingPathComponent("shared.jsonl")
            try Data(records.utf8).write(to: file)
            inputs.append(file.path)
        }
        let schema = try runMinutes(["schema"]).stdout
        #expect(
            schema
                == (try String(contentsOf: out.appendingPathComponent("schema/meeting.schema.json"), encoding: .utf8))
        )
        let script = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1]))
            jsonschema.Draft202012Validator.check_schema(schema)
            validator = jsonschema.Draft202012Validator(schema)
            count = 0
            for path in sys.argv[2:]:
                for line in open(path, encoding='utf-8'):
                    record = json.loads(line)
                    for error in validator.iter_errors(record):
                        print(record['source']['path'], list(error.path), error.message)
                    count += 1
            print('validated', count)
            """
        let result = try run(
            python,
            ["-c", script, out.appendingPathComponent("schema/meeting.schema.json").path] + inputs
        )
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("validated "), "\(result.stdout)")
        let json = filesUnder(out.appendingPathComponent("json"))
        #expect(json.count == 17)
    }

    @Test func everyCSVReadsBackThroughPythonsCSVModule() throws {
        guard let python = python() else { return }
        let out = try buildCorpus()
        defer { try? FileManager.default.removeItem(at: out) }
        let meetings = try readCSV(out.appendingPathComponent("csv/meetings.csv"), with: python)
        #expect(meetings.count == 18)
        for file in filesUnder(out.appendingPathComponent("csv")) {
            let rows = try readCSV(out.appendingPathComponent("csv/\(file)"), with: python)
            let width = rows.first?.count ?? 0
            #expect(width > 0 && rows.allSatisfy { $0.count == width }, "\(file): ragged rows")
            let raw = try String(contentsOf: out.appendingPathComponent("csv/\(file)"), encoding: .utf8)
            #expect(raw.hasSuffix("\r\n"), "\(file)")
        }
        let actions = try readCSV(out.appendingPathComponent("csv/actions.csv"), with: python)
        #expect(
            actions.first == [
                "meeting_id", "id", "owners", "text", "due", "due_text", "section", "first_line", "last_line",
                "owners_as_written",
            ]
        )
    }

    @Test func removedNotesArePrunedAndNothingIsWrittenOutside() throws {
        let notes = try makeTemporaryFolder()
        let out = try makeTemporaryFolder()
        defer {
            try? FileManager.default.removeItem(at: notes)
            try? FileManager.default.removeItem(at: out)
        }
        try Data("# One\n\nDate: 1 May 2021\n".utf8).write(to: notes.appendingPathComponent("one.md"))
        try Data("# Two\n\nDate: 2 May 2021\n".utf8).write(to: notes.appendingPathComponent("two.md"))
        #expect(try runMinutes(["build", notes.path, "--out", out.path]).status == 0)
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("json/2021-05-02-two.json").path))
        try FileManager.default.removeItem(at: notes.appendingPathComponent("two.md"))
        #expect(try runMinutes(["build", notes.path, "--out", out.path]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("json/2021-05-02-two.json").path))
        #expect(
            !FileManager.default.fileExists(
                atPath: out.appendingPathComponent("site/meetings/2021-05-02-two.html").path
            )
        )
        #expect(filesUnder(out).allSatisfy { !$0.hasSuffix(".tmp") })
    }
}
