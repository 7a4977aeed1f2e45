public import Foundation

/// The package's root folder, found from this file's path.
public let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// `../shared` beside the package, or `nil` (with a message) when this machine does not have it.
public let sharedFolder: URL? = {
    let url = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
    guard FileManager.default.fileExists(atPath: url.appendingPathComponent("corpus").path) else {
        print("note: \(url.path)/corpus is absent; tests over the shared corpus are skipped")
        return nil
    }
    return url
}()

/// `../shared/corpus`, or `nil` when absent.
public let sharedCorpus: URL? = sharedFolder?.appendingPathComponent("corpus")

/// The seed note, or `nil` when the shared corpus is absent.
public let seedNote: URL? = sharedCorpus?.appendingPathComponent("seed/000_af9b84a5ac73a05f.txt")

/// A Python 3 with the modules the tests use, or `nil` (with a message).
public func python(with modules: [String] = []) -> URL? {
    for candidate in ["/usr/bin/python3", "/usr/local/bin/python3"] {
        guard FileManager.default.isExecutableFile(atPath: candidate) else { continue }
        let check = modules.map { "import \($0)" }.joined(separator: "; ")
        if modules.isEmpty || (try? run(URL(fileURLWithPath: candidate), ["-c", check]))?.status == 0 {
            return URL(fileURLWithPath: candidate)
        }
    }
    print("note: no python3 with \(modules.joined(separator: ", ")); the test is skipped")
    return nil
}

/// What one run of a program printed, and how it exited.
public struct RunResult: Sendable {
    /// The exit status, or the signal number when it was killed.
    public var status: Int32
    /// Standard output, decoded as UTF-8.
    public var stdout: String
    /// Standard error, decoded as UTF-8.
    public var stderr: String
}

/// Bytes read on another thread, handed over when that thread is done.
private final class ReadBox: @unchecked Sendable {
    var data = Data()
}

/// Runs `executable` with `arguments` in the package root, and waits for it.
public func run(_ executable: URL, _ arguments: [String], input: Data? = nil) throws -> RunResult {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.currentDirectoryURL = packageRoot
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    let stdin = Pipe()
    process.standardInput = input == nil ? FileHandle.nullDevice : stdin
    try process.run()
    if let input {
        stdin.fileHandleForWriting.write(input)
        try stdin.fileHandleForWriting.close()
    }
    // Both pipes are drained before waiting, stderr on another thread, so a full pipe cannot block the child.
    let errorBytes = ReadBox()
    let reading = DispatchGroup()
    let errorHandle = errors.fileHandleForReading
    DispatchQueue.global().async(group: reading) {
        errorBytes.data = errorHandle.readDataToEndOfFile()
    }
    let outputBytes = output.fileHandleForReading.readDataToEndOfFile()
    reading.wait()
    process.waitUntilExit()
    return RunResult(
        status: process.terminationStatus,
        stdout: String(decoding: outputBytes, as: UTF8.self),
        stderr: String(decoding: errorBytes.data, as: UTF8.self)
    )
}

/// A fresh temporary folder; remove it when done.
public func makeTemporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("minutes-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Compares `actual` with the file at `url`; with `RECORD_GOLDEN` set (or no file yet) it writes the file and
/// returns a message, so that a recording run is never green.
public func goldenMismatch(_ actual: String, at url: URL) throws -> String? {
    if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] != nil || !FileManager.default.fileExists(atPath: url.path)
    {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(actual.utf8).write(to: url)
        return "recorded \(url.path); rerun without RECORD_GOLDEN"
    }
    let expected = try String(contentsOf: url, encoding: .utf8)
    return actual == expected ? nil : "\(url.lastPathComponent) differs (RECORD_GOLDEN=1 to accept on purpose)"
}

/// The cells of the CSV file at `url`, as Python's csv module reads them (a leading byte-order mark is skipped).
public func readCSV(_ url: URL, with python: URL) throws -> [[String]] {
    let script = """
        import csv, json, sys
        with open(sys.argv[1], newline='', encoding='utf-8-sig') as f:
            print(json.dumps(list(csv.reader(f))))
        """
    let result = try run(python, ["-c", script, url.path])
    return try JSONDecoder().decode([[String]].self, from: Data(result.stdout.utf8))
}

/// The regular files under `folder`, as sorted paths relative to it.
public func filesUnder(_ folder: URL) -> [String] {
    let base = folder.standardizedFileURL.path
    guard let enumerator = FileManager.default.enumerator(atPath: base) else { return [] }
    var files: [String] = []
    while let relative = enumerator.nextObject() as? String {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: base + "/" + relative, isDirectory: &isDirectory),
            !isDirectory.boolValue
        {
            files.append(relative)
        }
    }
    return files.sorted()
}

/// A seeded random number generator (SplitMix64), so that a randomised test's failure repeats.
public struct SplitMix: RandomNumberGenerator {
    /// Where the sequence is.
    public var state: UInt64

    /// A generator starting at `seed`.
    public init(seed: UInt64) { state = seed }

    /// The next number of the sequence.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
