import Foundation

/// The package's root folder, found from this file's path.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// `../shared/corpus` beside the package, or `nil` (with a message) when this machine does not have it.
let sharedCorpus: URL? = {
    let url = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus")
    guard FileManager.default.fileExists(atPath: url.path) else {
        print("note: \(url.path) is absent; tests over the shared corpus are skipped")
        return nil
    }
    return url
}()

/// The seed note, when the shared corpus is present.
let seedNote: URL? = sharedCorpus?.appendingPathComponent("seed/000_af9b84a5ac73a05f.txt")

/// A fresh temporary folder, removed by the caller.
func makeTemporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("minutes-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
