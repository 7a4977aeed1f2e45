public import Foundation

/// The folder a build writes into: every file is written whole to a temporary name and renamed into place, so an
/// interrupted build leaves each file either as it was or complete; nothing is written outside the folder.
public final class OutputFolder: @unchecked Sendable {
    /// Why a file could not be written.
    public struct WriteError: Error, CustomStringConvertible {
        /// The file that failed.
        public var path: String
        /// The system's reason.
        public var reason: String

        /// `path: error: cannot write: reason`.
        public var description: String { "\(path): error: cannot write: \(reason)" }
    }

    /// The folder's URL.
    public let root: URL
    private var written: Set<String> = []
    private let lock = NSLock()

    /// Opens (and creates) the folder at `path`.
    public init(path: String) throws {
        root = URL(fileURLWithPath: path, isDirectory: true).standardizedFileURL
        do {
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        } catch {
            throw WriteError(path: path, reason: error.localizedDescription)
        }
    }

    /// Writes `contents` to `relativePath` atomically; the path must stay inside the folder.
    public func write(_ contents: String, to relativePath: String) throws {
        let components = relativePath.split(separator: "/")
        guard !relativePath.hasPrefix("/"), !components.isEmpty,
            components.allSatisfy({ $0 != ".." && $0 != "." && !$0.contains("\0") })
        else {
            throw WriteError(path: relativePath, reason: "path would leave the output folder")
        }
        let url = root.appendingPathComponent(relativePath)
        let folder = url.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(contents.utf8).write(to: temporary)
            if rename(temporary.path, url.path) != 0 {
                throw WriteError(path: url.path, reason: String(cString: strerror(errno)))
            }
        } catch let error as WriteError {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw WriteError(path: url.path, reason: error.localizedDescription)
        }
        lock.withLock { _ = written.insert(relativePath) }
    }

    /// Removes what an earlier build left under `subfolder` and returns the relative paths removed.
    ///
    /// That is files this build did not write (their notes were removed) and temporary files of interrupted
    /// builds. An empty `subfolder` is the whole folder, where only leftover temporary files are removed.
    @discardableResult
    public func prune(_ subfolder: String) -> [String] {
        let base = root.appendingPathComponent(subfolder)
        guard let enumerator = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey])
        else { return [] }
        var removed: [String] = []
        let kept = lock.withLock { written }
        for case let url as URL in enumerator {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let relative = String(url.standardizedFileURL.path.dropFirst(root.path.count + 1))
            let leftover = url.lastPathComponent.hasPrefix(".") && url.lastPathComponent.hasSuffix(".tmp")
            if leftover || !subfolder.isEmpty && !kept.contains(relative) {
                try? FileManager.default.removeItem(at: url)
                removed.append(relative)
            }
        }
        return removed.sorted()
    }
}
