#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Expands the paths a user gives into the notes to read.
///
/// Files named explicitly are taken whatever their extension. Folders are searched recursively for files with one
/// of ``extensions``, leaving out a folder's own documents (``projectDocuments``: `README.md`, `LICENSE`…); hidden
/// files and folders (names starting with `.`) are skipped; symbolic links are followed,
/// and a folder reached twice (a link loop) is skipped with a warning. The result is sorted by path, so runs are
/// deterministic. A missing or unreadable path is a diagnostic, and the other paths carry on.
public struct InputCollector: Sendable {
    /// The result of a collection: the files to read, in order, and problems with the paths.
    public struct Collection: Hashable, Sendable {
        /// The note files, sorted by path and without duplicates.
        public var files: [String]
        /// Problems with paths that were given or found.
        public var diagnostics: [Diagnostic]
    }

    /// The file extensions read from folders, lower case and without the dot.
    public var extensions: Set<String>

    /// The extensions read by default: `md`, `markdown` and `txt`.
    public static let defaultExtensions: Set<String> = ["md", "markdown", "txt"]

    /// Which files found in folders are kept (a configuration's include and exclude globs); files named
    /// explicitly are always read.
    public var filter: PathFilter

    /// Creates a collector for files with the given extensions, keeping those `filter` keeps.
    public init(
        extensions: Set<String> = InputCollector.defaultExtensions,
        filter: PathFilter = PathFilter(base: ".")
    ) {
        self.extensions = Set(extensions.map { $0.lowercased() })
        self.filter = filter
    }

    /// Collects the notes under `paths`.
    public func collect(_ paths: [String]) -> Collection {
        var files: [String] = []
        var diagnostics: [Diagnostic] = []
        for path in paths {
            // Each argument is walked on its own: a folder given twice, or inside another argument, is no loop.
            var visited = Set<FileID>()
            var info = stat()
            guard stat(path, &info) == 0 else {
                diagnostics.append(FileReader.error(errno, path).diagnostic)
                continue
            }
            if info.st_mode & S_IFMT == S_IFDIR {
                walk(path, id: FileID(info), files: &files, diagnostics: &diagnostics, visited: &visited)
            } else {
                files.append(path)
            }
        }
        var seen = Set<String>()
        let unique = Self.sorted(files, byKey: { $0 }).filter { seen.insert($0).inserted }
        return Collection(files: unique, diagnostics: diagnostics)
    }

    /// The stems of files that document a folder rather than record a meeting (`README.md`, `LICENSE.txt`); a
    /// folder walk leaves them out, though a file named on the command line is always read.
    public static let projectDocuments: Set<String> = [
        "readme", "license", "licence", "changelog", "contributing", "code_of_conduct", "code-of-conduct", "security",
        "sources", "authors", "notice", "copying", "index", "template", "_template",
    ]

    static func isProjectDocument(_ name: String) -> Bool {
        projectDocuments.contains(nameParts(name).first.lowercased())
    }

    /// The longest of ``projectDocuments``, in bytes: the first part of an ASCII name longer than this names none.
    private static let longestProjectDocument = projectDocuments.map(\.utf8.count).max() ?? 0

    /// Whether a folder walk reads the file `name`: one of ``extensions``, and no project document.
    ///
    /// An ASCII name is read on its bytes, and its first part made a string only when it is short enough to be a
    /// document.
    func readsNote(named name: String) -> Bool {
        let parts = name.withUTF8Bytes { bytes -> (first: String?, last: String?)? in
            guard let ranges = Self.asciiParts(of: bytes) else { return nil }
            func lowered(_ range: Range<Int>) -> String {
                String(unsafeUninitializedCapacity: range.count) { lower in
                    for (offset, index) in range.enumerated() { lower[offset] = TextSearch.lowered(bytes[index]) }
                    return range.count
                }
            }
            return (
                ranges.first.count <= Self.longestProjectDocument ? lowered(ranges.first) : nil,
                ranges.last.map(lowered)
            )
        }
        // Other names as their characters split and lower-case.
        let lowered =
            parts
            ?? {
                let split = Self.nameParts(name)
                return (split.first.lowercased(), split.last?.lowercased())
            }()
        guard let last = lowered.last, extensions.contains(last) else { return false }
        return lowered.first.map { !Self.projectDocuments.contains($0) } ?? true
    }

    /// The first part of file `name` between dots and, when there are two or more, the last: what
    /// `split(separator: ".")` gives first and last (empty parts left out).
    static func nameParts(_ name: String) -> (first: String, last: String?) {
        let parts = name.split(separator: ".")
        return (parts.first.map(String.init) ?? "", parts.count > 1 ? parts.last.map(String.init) : nil)
    }

    /// Where the first part between dots and, when there are two or more, the last lie in a plain ASCII name's bytes.
    ///
    /// `nil` when the name is not plain ASCII (``TextSearch/isPlainASCII(_:)-(UnsafeBufferPointer<UInt8>)``). In
    /// plain ASCII each byte is a character, so the parts are those `split(separator: ".")` makes of the characters.
    private static func asciiParts(of bytes: UnsafeBufferPointer<UInt8>) -> (first: Range<Int>, last: Range<Int>?)? {
        guard TextSearch.isPlainASCII(bytes) else { return nil }
        let dot = UInt8(ascii: ".")
        var start = 0
        while start < bytes.count, bytes[start] == dot { start += 1 }
        var end = start
        while end < bytes.count, bytes[end] != dot { end += 1 }
        // The last part ends before the trailing dots; a dot stands between it and the first when there are two.
        var lastEnd = bytes.count
        while lastEnd > end, bytes[lastEnd - 1] == dot { lastEnd -= 1 }
        guard lastEnd > end else { return (start..<end, nil) }
        var lastStart = lastEnd
        while bytes[lastStart - 1] != dot { lastStart -= 1 }
        return (start..<end, lastStart..<lastEnd)
    }

    /// `items` in the order `<` gives their keys, compared byte by byte when every key is plain ASCII
    /// (``TextSearch/isPlainASCII(_:)-(UnsafeBufferPointer<UInt8>)``), where the two orders agree.
    ///
    /// A folder of an archive holds thousands of names, sorted before any note is read: as strings, the sort cost
    /// more than the rest of the walk. The keys' bytes are laid end to end in one buffer and their places sorted, so
    /// that no string is retained or moved while sorting.
    static func sorted<Item>(_ items: [Item], byKey key: (Item) -> String) -> [Item] {
        var bytes: [UInt8] = []
        var bounds: [Range<Int>] = []
        bounds.reserveCapacity(items.count)
        for item in items {
            let start = bytes.count
            let plain = key(item).withUTF8Bytes { keyBytes in
                guard TextSearch.isPlainASCII(keyBytes) else { return false }
                bytes.append(contentsOf: keyBytes)
                return true
            }
            guard plain else { return items.sorted { key($0) < key($1) } }
            bounds.append(start..<bytes.count)
        }
        let order = bytes.withUnsafeBufferPointer { buffer -> [Int] in
            // No bytes at all: every key is empty, and equal keys keep their order.
            guard let base = UnsafeRawPointer(buffer.baseAddress) else { return Array(bounds.indices) }
            return bounds.indices.sorted { (first: Int, second: Int) -> Bool in
                let (one, two) = (bounds[first], bounds[second])
                let common = min(one.count, two.count)
                let sign = common == 0 ? 0 : memcmp(base + one.lowerBound, base + two.lowerBound, common)
                return sign == 0 ? one.count < two.count : sign < 0
            }
        }
        return order.map { items[$0] }
    }

    /// A file's identity on disk, to notice a folder reached twice through links.
    private struct FileID: Hashable {
        var device: UInt64
        var inode: UInt64

        init(_ info: stat) {
            device = UInt64(info.st_dev)
            inode = UInt64(info.st_ino)
        }
    }

    private func walk(
        _ directory: String,
        id: FileID,
        files: inout [String],
        diagnostics: inout [Diagnostic],
        visited: inout Set<FileID>
    ) {
        guard visited.insert(id).inserted else {
            diagnostics.append(
                Diagnostic(
                    .warning,
                    "folder already visited through a symbolic link (a link loop?); skipped",
                    file: directory
                )
            )
            return
        }
        guard let handle = opendir(directory) else {
            diagnostics.append(FileReader.error(errno, directory).diagnostic)
            return
        }
        var names: [(name: String, type: UInt8)] = []
        while let entry = readdir(handle) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) {
                    String(validatingCString: $0)
                }
            }
            guard let name else {
                let message = "a file name in this folder is not valid UTF-8; that file is skipped (rename it)"
                diagnostics.append(Diagnostic(.warning, message, file: directory))
                continue
            }
            if !name.hasPrefix(".") { names.append((name, entry.pointee.d_type)) }
        }
        closedir(handle)
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        for (name, type) in Self.sorted(names, byKey: { $0.name }) {
            let path = prefix + name
            var info = stat()
            // A regular file, as the folder tells it, needs no `stat`: of an archive's thousands of entries, only
            // folders (for their identity), links and the entries of file systems that do not tell are looked up.
            let mode: mode_t
            if type == UInt8(DT_REG) {
                mode = S_IFREG
            } else if stat(path, &info) == 0 {
                mode = info.st_mode & S_IFMT
            } else {
                // A dangling link or a file removed while walking.
                diagnostics.append(FileReader.error(errno, path).diagnostic)
                continue
            }
            switch mode {
            case S_IFDIR:
                walk(path, id: FileID(info), files: &files, diagnostics: &diagnostics, visited: &visited)
            case S_IFREG:
                if readsNote(named: name), filter.keeps(path) { files.append(path) }
            default:
                continue
            }
        }
    }
}
