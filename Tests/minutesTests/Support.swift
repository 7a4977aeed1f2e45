import Dispatch
import Foundation

/// The package's root folder, found from this file's path.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// The seed note of `../shared/corpus`, or `nil` (with a message) when this machine does not have it.
let seedNote: URL? = {
    let url = packageRoot.deletingLastPathComponent().appendingPathComponent(
        "shared/corpus/seed/000_af9b84a5ac73a05f.txt"
    )
    guard FileManager.default.fileExists(atPath: url.path) else {
        print("note: \(url.path) is absent; tests over the shared corpus are skipped")
        return nil
    }
    return url
}()

/// The `minutes` executable built with the tests: beside the running test binary, else in `.build/debug`.
let minutesExecutable: URL = {
    var candidates: [URL] = []
    #if os(Linux)
    if let running = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
        candidates.append(URL(fileURLWithPath: running).deletingLastPathComponent())
    }
    #endif
    if let running = Bundle.main.executableURL?.resolvingSymlinksInPath() {
        candidates.append(running.deletingLastPathComponent())
    }
    #if canImport(Darwin)
    // On macOS the tests run inside `minutesPackageTests.xctest/Contents/MacOS/`.
    for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
        candidates.append(bundle.bundleURL.deletingLastPathComponent())
    }
    #endif
    candidates.append(packageRoot.appendingPathComponent(".build/debug"))
    let found = candidates.map { $0.appendingPathComponent("minutes") }.first { url in
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && !isDirectory.boolValue
            && FileManager.default.isExecutableFile(atPath: url.path)
    }
    return found ?? packageRoot.appendingPathComponent(".build/debug/minutes")
}()

/// What one run of `minutes` printed, and how it exited.
struct RunResult: Sendable {
    /// The exit status.
    var status: Int32
    /// Standard output, decoded as UTF-8.
    var stdout: String
    /// Standard error, decoded as UTF-8.
    var stderr: String
}

/// Bytes read on another thread, handed over when that thread is done.
private final class ReadBox: @unchecked Sendable {
    var data = Data()
}

/// Runs `minutes` with `arguments` in the package root, and waits for it.
func runMinutes(_ arguments: [String]) throws -> RunResult {
    try run(minutesExecutable, arguments)
}

/// Runs `executable` with `arguments` in the package root, and waits for it.
func run(_ executable: URL, _ arguments: [String]) throws -> RunResult {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.currentDirectoryURL = packageRoot
    process.standardInput = FileHandle.nullDevice
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
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

/// The number of spaces at the start of `line`.
func indentation(_ line: Substring) -> Int {
    line.prefix { $0 == " " }.count
}
