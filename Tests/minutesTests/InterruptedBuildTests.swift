import Foundation
import Testing

/// A build killed at any moment leaves the previous output complete and readable, and the next build succeeds.
@Suite(.serialized) struct InterruptedBuildTests {
    /// Whether every file of a build is whole: JSON parses, pages end their document, tables end their row.
    func isComplete(_ out: URL, files: [String]) throws -> [String] {
        var broken: [String] = []
        for file in files {
            let url = out.appendingPathComponent(file)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                broken.append("\(file): missing")
                continue
            }
            let text = String(decoding: data, as: UTF8.self)
            switch url.pathExtension {
            case "json":
                if (try? JSONSerialization.jsonObject(with: data)) == nil { broken.append("\(file): not JSON") }
            case "jsonl":
                let lines = text.split(separator: "\n")
                if !text.hasSuffix("\n")
                    || lines.contains(where: { (try? JSONSerialization.jsonObject(with: Data($0.utf8))) == nil })
                {
                    broken.append("\(file): cut short")
                }
            case "html": if !text.hasSuffix("</html>\n") { broken.append("\(file): cut short") }
            case "xml": if !text.hasSuffix("</feed>\n") { broken.append("\(file): cut short") }
            case "csv": if !text.hasSuffix("\r\n") { broken.append("\(file): cut short") }
            default: break
            }
        }
        return broken
    }

    @Test func killedBuildsLeaveThePreviousOutputWhole() throws {
        let notes = try makeTemporaryFolder()
        let out = try makeTemporaryFolder()
        defer {
            try? FileManager.default.removeItem(at: notes)
            try? FileManager.default.removeItem(at: out)
        }
        // Enough notes that a build takes a while: corpus/ twelve times over, each copy in its own folder.
        let corpus = packageRoot.appendingPathComponent("corpus")
        for copy in 0..<12 {
            let folder = notes.appendingPathComponent("copy\(copy)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for file in filesUnder(corpus) {
                try FileManager.default.copyItem(
                    at: corpus.appendingPathComponent(file),
                    to: folder.appendingPathComponent(file)
                )
            }
        }
        let arguments = ["build", notes.path, "--out", out.path, "--build-date", "2021-06-01"]
        let started = Date()
        #expect(try runMinutes(arguments).status == 0)
        let fullBuild = Date().timeIntervalSince(started)
        let files = filesUnder(out)
        #expect(files.count > 200)
        #expect(try isComplete(out, files: files).isEmpty)

        var generator = SystemRandomNumberGenerator()
        /// Runs `minutes` with `arguments` and kills it after a random part of a full build's time; returns the delay.
        func killed(_ arguments: [String]) throws -> Double {
            let process = Process()
            process.executableURL = minutesExecutable
            process.arguments = arguments
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            let delay = Double.random(in: 0.02...max(0.05, fullBuild * 0.9), using: &generator)
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return delay
        }
        // Builds that have work to do: another build date (every page again, from the cache), or everything again.
        let variants = [
            ["--build-date", "2021-06-02"], ["--build-date", "2021-06-01", "--force"],
            ["--build-date", "2021-06-02", "--force"],
        ]
        for round in 0..<8 {
            let delay = try killed(Array(arguments.prefix(4)) + variants[round % variants.count])
            // (The cache's manifest is removed by a build before it writes: a killed build leaves none.)
            let broken = try isComplete(out, files: files.filter { !$0.hasPrefix(".minutes-cache/") })
            #expect(broken.isEmpty, "round \(round), killed after \(delay) s: \(broken.prefix(5))")
        }
        #expect(try runMinutes(arguments).status == 0)
        #expect(filesUnder(out) == files, "the next build writes the same files and leaves no temporary ones")
        #expect(try isComplete(out, files: files).isEmpty)

        // A first build killed leaves its new files cut short: the next build writes them again, whole, and the same
        // as the build that was never killed.
        let first = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: first) }
        var firstArguments = arguments
        firstArguments[3] = first.path
        _ = try killed(firstArguments)
        #expect(try runMinutes(firstArguments).status == 0)
        #expect(filesUnder(first) == files)
        for file in files where !file.hasPrefix(".minutes-cache/") {
            #expect(
                FileManager.default.contents(atPath: first.appendingPathComponent(file).path)
                    == FileManager.default.contents(atPath: out.appendingPathComponent(file).path),
                "\(file)"
            )
        }
    }
}
