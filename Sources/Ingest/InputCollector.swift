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
        let unique = files.sorted().filter { seen.insert($0).inserted }
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

    /// The first part of file `name` between dots and, when there are two or more, the last: what
    /// `split(separator: ".")` gives first and last (empty parts left out), read on the bytes of an ASCII name.
    static func nameParts(_ name: String) -> (first: String, last: String?) {
        // In ASCII each byte is a character (a CRLF, the one two-byte character, holds no dot).
        if name.utf8.allSatisfy({ $0 < 0x80 }) {
            let parts = name.utf8.split(separator: UInt8(ascii: "."))
            let last = parts.count > 1 ? parts.last.map { String(Substring($0)) } : nil
            return (parts.first.map { String(Substring($0)) } ?? "", last)
        }
        let parts = name.split(separator: ".")
        return (parts.first.map(String.init) ?? "", parts.count > 1 ? parts.last.map(String.init) : nil)
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
        for (name, type) in names.sorted(by: { $0.name < $1.name }) {
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
                let parts = Self.nameParts(name)
                if let ext = parts.last, extensions.contains(ext.lowercased()),
                    !Self.projectDocuments.contains(parts.first.lowercased()), filter.keeps(path)
                {
                    files.append(path)
                }
            default:
                continue
            }
        }
    }
}
