import Foundation
@_exported import TestSupport

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

/// Runs `minutes` with `arguments` in the package root, and waits for it.
func runMinutes(_ arguments: [String]) throws -> RunResult {
    try run(minutesExecutable, arguments)
}

/// The number of spaces at the start of `line`.
func indentation(_ line: Substring) -> Int {
    line.prefix { $0 == " " }.count
}
