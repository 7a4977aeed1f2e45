#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A shell-style pattern over `/`-separated paths: `*`, `?` and `[…]` match within one name, `**` matches any number
/// of folders; a pattern without `/` (but for a trailing one) matches a name at any depth (`draft-*.md`), and a
/// trailing `/` everything under a folder (`drafts/`).
public struct Glob: Hashable, Sendable, CustomStringConvertible {
    /// The pattern as written.
    public var pattern: String
    private var segments: [String]

    /// Creates a glob from its pattern.
    public init(_ pattern: String) {
        self.pattern = pattern
        var text = pattern
        if text.hasPrefix("./") { text.removeFirst(2) }
        if !text.dropLast(text.hasSuffix("/") ? 1 : 0).contains("/") { text = "**/" + text }
        if text.hasSuffix("/") { text += "**" }
        if text.hasPrefix("/") { text.removeFirst() }
        segments = text.split(separator: "/").map(String.init)
    }

    /// Whether `path` (relative, `/`-separated) matches.
    public func matches(_ path: String) -> Bool {
        Self.match(segments[...], path.split(separator: "/").map(String.init)[...])
    }

    private static func match(_ pattern: ArraySlice<String>, _ names: ArraySlice<String>) -> Bool {
        guard let head = pattern.first else { return names.isEmpty }
        if head == "**" {
            var rest = names
            while true {
                if match(pattern.dropFirst(), rest) { return true }
                guard !rest.isEmpty else { return false }
                rest = rest.dropFirst()
            }
        }
        guard let name = names.first, fnmatch(head, name, 0) == 0 else { return false }
        return match(pattern.dropFirst(), names.dropFirst())
    }

    /// The pattern as written.
    public var description: String { pattern }
}

/// Which files a folder walk keeps, by globs relative to a base folder.
///
/// A file must match an include glob (when there are any) and no exclude glob. Files outside the base folder are
/// kept.
public struct PathFilter: Hashable, Sendable {
    /// The folder the globs are relative to.
    public var base: String
    /// Globs a file must match one of; empty for every file.
    public var include: [Glob]
    /// Globs that leave a file out.
    public var exclude: [Glob]

    /// Creates a filter.
    public init(base: String, include: [Glob] = [], exclude: [Glob] = []) {
        self.base = base
        self.include = include
        self.exclude = exclude
    }

    /// Whether the filter lets every file through.
    public var isEmpty: Bool { include.isEmpty && exclude.isEmpty }

    /// Whether the file at `path` is kept.
    public func keeps(_ path: String) -> Bool {
        guard !isEmpty, let relative = PathName.relative(path, to: base) else { return true }
        if !include.isEmpty, !include.contains(where: { $0.matches(relative) }) { return false }
        return !exclude.contains { $0.matches(relative) }
    }
}

/// Lexical path arithmetic: no file system access beyond the working directory.
enum PathName {
    /// `path` made absolute against the working directory, with `.`, `..` and repeated `/` resolved.
    static func absolute(_ path: String) -> String {
        var full = path
        if !path.hasPrefix("/") {
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let cwd = getcwd(&buffer, buffer.count).map { _ in
                String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            }
            full = (cwd ?? ".") + "/" + path
        }
        var parts: [Substring] = []
        for part in full.split(separator: "/") {
            switch part {
            case ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(part)
            }
        }
        return "/" + parts.joined(separator: "/")
    }

    /// The folder holding `path` (`notes/a.md` → `notes`, `a.md` → `.`).
    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// `path` relative to `base`, or `nil` when it is not inside it.
    static func relative(_ path: String, to base: String) -> String? {
        let full = absolute(path)
        let root = absolute(base)
        let prefix = root == "/" ? "/" : root + "/"
        guard full.hasPrefix(prefix) else { return nil }
        return String(full.dropFirst(prefix.count))
    }

    /// The deepest folder that holds every input: a folder input itself, a file's own folder; `nil` for no inputs.
    static func commonFolder(of inputs: [String]) -> String? {
        let folders = inputs.map { input -> [Substring] in
            var info = stat()
            let isFolder = stat(input, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
            return absolute(isFolder ? input : folder(of: input)).split(separator: "/")
        }
        guard var common = folders.first else { return nil }
        for parts in folders.dropFirst() {
            common = Array(zip(common, parts).prefix { $0 == $1 }.map(\.0))
        }
        return "/" + common.joined(separator: "/")
    }
}
