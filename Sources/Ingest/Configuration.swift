import Yams

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The kinds of record whose headings a configuration can add words for.
public enum RecordKind: String, CaseIterable, Hashable, Sendable, Comparable {
    /// Members present.
    case attendees
    /// Officials, guests, observers and staff.
    case officials
    /// Apologies and absences.
    case absent
    /// Action items.
    case actions
    /// Decisions and resolutions.
    case decisions

    /// Orders kinds as ``allCases`` lists them.
    public static func < (lhs: Self, rhs: Self) -> Bool {
        (allCases.firstIndex(of: lhs) ?? 0) < (allCases.firstIndex(of: rhs) ?? 0)
    }
}

/// How numeric dates such as `04/05/2021` are read.
public enum DateOrder: String, CaseIterable, Hashable, Sendable {
    /// `04/05/2021` is 4 May.
    case dayFirst = "day-first"
    /// `04/05/2021` is 5 April.
    case monthFirst = "month-first"
}

/// The settings of an archive, read from `minutes.yml`: heading words, markers, roles, aliases, date order and
/// which files to read.
///
/// Every list adds to what `minutes` knows already; nothing in a configuration removes a built-in word.
public struct Configuration: Hashable, Sendable {
    /// The file name looked for in the input folder.
    public static let fileName = "minutes.yml"

    /// Extra heading and label titles for each record kind (`actions: [Next steps]`), as written.
    public var headings: [RecordKind: [String]] = [:]
    /// Extra words or phrases that mark a line as an action when they open it before `:` (`Task: …`).
    public var actionMarkers: [String] = []
    /// Extra words or phrases that mark a line as a decision when they open it before `:` (`Ruling: …`).
    public var decisionMarkers: [String] = []
    /// Extra role phrases by the role tag they give (`chair: [Presiding officer]`).
    public var roles: [String: [String]] = [:]
    /// Organisation aliases: the canonical name, and the names it may be written as.
    public var organizations: [String: [String]] = [:]
    /// Person aliases: the canonical name, and the names or handles they may be written as.
    public var people: [String: [String]] = [:]
    /// How numeric dates are read; `nil` when the configuration does not say (day first).
    public var dates: DateOrder?
    /// Globs of files to read from folders, relative to ``folder``; empty for every note.
    public var include: [String] = []
    /// Globs of files to leave out of folders, relative to ``folder``.
    public var exclude: [String] = []
    /// The folder globs are relative to: the configuration file's folder.
    public var folder: String = "."

    /// Creates the default configuration.
    public init() {}

    /// The files a folder walk keeps: the include and exclude globs relative to ``folder``.
    public var pathFilter: PathFilter {
        PathFilter(base: folder, include: include.map(Glob.init), exclude: exclude.map(Glob.init))
    }

    /// A stable SHA-256 (lower-case hex) of what the configuration changes in a build; equal configurations, however
    /// they were written (order, comments, a default stated or left out), have equal fingerprints.
    public var fingerprint: String {
        var lines = ["minutes-configuration 1", "dates \((dates ?? .dayFirst).rawValue)"]
        for kind in RecordKind.allCases {
            lines.append("headings \(kind.rawValue) \(quoted(headings[kind] ?? []))")
        }
        lines.append("markers actions \(quoted(actionMarkers))")
        lines.append("markers decisions \(quoted(decisionMarkers))")
        for (name, table) in [("roles", roles), ("organizations", organizations), ("people", people)] {
            for (key, values) in table.sorted(by: { $0.key < $1.key }) {
                lines.append("\(name) \(quoted([key])) \(quoted(values))")
            }
        }
        lines.append("include \(quoted(include))")
        lines.append("exclude \(quoted(exclude))")
        return NoteIngestor.digest(lines.joined(separator: "\n"))
    }

    private func quoted(_ values: [String]) -> String {
        "["
            + values.map { "\"" + $0.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"") + "\"" }
            .joined(separator: ",") + "]"
    }
}

/// Why a configuration could not be used: it is missing, unreadable or invalid.
public struct ConfigurationError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The problems, each with the file, and the line and column when known.
    public var diagnostics: [Diagnostic]

    /// Creates an error from its diagnostics.
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

    /// The diagnostics, one a line.
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

/// Finds, reads and validates `minutes.yml`.
public enum ConfigurationLoader {
    /// The largest configuration file read.
    public static let sizeLimit = 1 << 20

    /// The configuration `path` holds; throws a ``ConfigurationError`` naming the file, line and key of every
    /// problem.
    public static func load(path: String) throws(ConfigurationError) -> Configuration {
        let bytes: [UInt8]
        do {
            bytes = try FileReader.contents(of: path, limit: sizeLimit)
        } catch {
            throw ConfigurationError([error.diagnostic])
        }
        var configuration = try parse(String(decoding: bytes, as: UTF8.self), path: path)
        configuration.folder = PathName.folder(of: path)
        return configuration
    }

    /// The configuration in `text`; `path` names the file in diagnostics, and its folder is not set.
    public static func parse(_ text: String, path: String) throws(ConfigurationError) -> Configuration {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            let (problem, mark) = YAMLProblem.describe(error)
            let position = mark.map { SourcePosition(line: $0.line, column: $0.column) }
            throw ConfigurationError([Diagnostic(.error, "not valid YAML: \(problem)", file: path, position: position)])
        } catch {
            throw ConfigurationError([Diagnostic(.error, "not valid YAML: \(error)", file: path)])
        }
        var reader = Reader(path: path)
        let configuration = reader.read(node)
        guard reader.diagnostics.isEmpty else { throw ConfigurationError(reader.diagnostics) }
        return configuration
    }

    /// The configuration file for `inputs`: `minutes.yml` in the folder given, or in the folder the inputs share;
    /// `nil` when there is none.
    public static func discover(for inputs: [String]) -> String? {
        guard let folder = PathName.commonFolder(of: inputs) else { return nil }
        let candidate = (folder.hasSuffix("/") ? folder : folder + "/") + Configuration.fileName
        var info = stat()
        guard stat(candidate, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        // Named relative to the working directory when inside it, as the inputs usually are.
        return PathName.relative(candidate, to: ".") ?? candidate
    }

    /// Walks the YAML tree, collecting every problem rather than stopping at the first.
    private struct Reader {
        let path: String
        var diagnostics: [Diagnostic] = []

        static let keys = ["headings", "markers", "roles", "aliases", "dates", "include", "exclude"]

        mutating func read(_ node: Node?) -> Configuration {
            var configuration = Configuration()
            guard let node, !isNull(node) else { return configuration }
            guard let entries = mapping(node, key: "the configuration") else { return configuration }
            for (key, value) in entries {
                switch key.string {
                case "headings":
                    for (kindKey, list) in mapping(value, key: "headings") ?? [] {
                        guard let kind = RecordKind(rawValue: kindKey.string) else {
                            let kinds = RecordKind.allCases.map(\.rawValue).joined(separator: ", ")
                            fail(kindKey, "unknown record kind 'headings.\(kindKey.string)' (one of \(kinds))")
                            continue
                        }
                        configuration.headings[kind] = strings(list, key: "headings.\(kind.rawValue)")
                    }
                case "markers":
                    for (kindKey, list) in mapping(value, key: "markers") ?? [] {
                        switch kindKey.string {
                        case "actions": configuration.actionMarkers = strings(list, key: "markers.actions")
                        case "decisions": configuration.decisionMarkers = strings(list, key: "markers.decisions")
                        default: fail(kindKey, "unknown key 'markers.\(kindKey.string)' (actions or decisions)")
                        }
                    }
                case "roles":
                    for (tagKey, list) in mapping(value, key: "roles") ?? [] {
                        let tag = tagKey.string
                        guard let first = tag.first, first.isASCII, first.isLowercase,
                            tag.allSatisfy({ $0.isASCII && ($0.isLowercase || $0 == "_") })
                        else {
                            fail(tagKey, "role tag 'roles.\(tag)' must be lower-case letters and '_' (like vice_chair)")
                            continue
                        }
                        configuration.roles[tag] = strings(list, key: "roles.\(tag)")
                    }
                case "aliases":
                    for (kindKey, table) in mapping(value, key: "aliases") ?? [] {
                        switch kindKey.string {
                        case "organizations", "organisations":
                            configuration.organizations = aliases(table, key: "aliases.\(kindKey.string)")
                        case "people":
                            configuration.people = aliases(table, key: "aliases.people")
                        default: fail(kindKey, "unknown key 'aliases.\(kindKey.string)' (organizations or people)")
                        }
                    }
                case "dates":
                    guard let text = scalar(value, key: "dates"), let order = DateOrder(rawValue: text) else {
                        if case .scalar = value.node {
                            fail(value, "'dates' must be day-first or month-first, not '\(value.string)'")
                        }
                        continue
                    }
                    configuration.dates = order
                case "include": configuration.include = strings(value, key: "include")
                case "exclude": configuration.exclude = strings(value, key: "exclude")
                default:
                    fail(key, "unknown key '\(key.string)' (known keys: \(Self.keys.joined(separator: ", ")))")
                }
            }
            return configuration
        }

        /// A node with its text, for the readers below.
        struct Item {
            var node: Node
            var string: String { node.scalar?.string ?? "" }
        }

        private func isNull(_ node: Node) -> Bool {
            guard case .scalar(let scalar) = node, scalar.style == .plain || scalar.style == .any else { return false }
            return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
        }

        private mutating func mapping(_ item: Item, key: String) -> [(Item, Item)]? {
            mapping(item.node, key: key)
        }

        private mutating func mapping(_ node: Node, key: String) -> [(Item, Item)]? {
            if isNull(node) { return [] }
            guard case .mapping(let mapping) = node else {
                fail(Item(node: node), "\(quotedKey(key)) must be a mapping of keys to values")
                return nil
            }
            var entries: [(Item, Item)] = []
            for (name, value) in mapping {
                guard case .scalar = name else {
                    fail(Item(node: name), "a key of \(quotedKey(key)) must be plain text")
                    continue
                }
                entries.append((Item(node: name), Item(node: value)))
            }
            return entries
        }

        private func quotedKey(_ key: String) -> String {
            key == "the configuration" ? key : "'\(key)'"
        }

        private mutating func scalar(_ item: Item, key: String) -> String? {
            guard case .scalar(let scalar) = item.node, !isNull(item.node) else {
                fail(item, "'\(key)' must be text")
                return nil
            }
            return scalar.string
        }

        private mutating func strings(_ item: Item, key: String) -> [String] {
            if isNull(item.node) { return [] }
            guard case .sequence(let sequence) = item.node else {
                fail(item, "'\(key)' must be a list of text, such as [\"\(item.string.isEmpty ? "…" : item.string)\"]")
                return []
            }
            var values: [String] = []
            for element in sequence {
                guard case .scalar(let scalar) = element, !isNull(element),
                    !scalar.string.allSatisfy({ $0 == " " })
                else {
                    fail(Item(node: element), "each entry of '\(key)' must be non-empty text")
                    continue
                }
                values.append(scalar.string.trimmingSpaces)
            }
            return values
        }

        private mutating func aliases(_ item: Item, key: String) -> [String: [String]] {
            var table: [String: [String]] = [:]
            var owners: [String: String] = [:]
            for (canonical, list) in mapping(item, key: key) ?? [] {
                let name = canonical.string.trimmingSpaces
                guard !name.isEmpty else {
                    fail(canonical, "a canonical name in '\(key)' must be non-empty text")
                    continue
                }
                // `Ministry of Justice: MoJ`: one alias written alone.
                let single = list.node.scalar != nil && !isNull(list.node)
                let aliases = single ? [list.string.trimmingSpaces] : strings(list, key: "\(key).\(name)")
                for alias in aliases {
                    if let other = owners[alias.lowercased()], other != name {
                        fail(list, "alias '\(alias)' in '\(key)' is given for both '\(other)' and '\(name)'")
                    }
                    owners[alias.lowercased()] = name
                }
                table[name] = aliases
            }
            return table
        }

        private mutating func fail(_ item: Item, _ message: String) {
            let position = item.node.mark.map { SourcePosition(line: $0.line, column: $0.column) }
            diagnostics.append(Diagnostic(.error, message, file: path, position: position))
        }
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    fileprivate var trimmingSpaces: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        return String(drop(while: isSpace).reversed().drop(while: isSpace).reversed())
    }
}

/// The problem and place a Yams error reports, shared by front matter and configuration.
enum YAMLProblem {
    /// The message and mark (1-based line and column in the YAML text) of `error`.
    static func describe(_ error: YamlError) -> (problem: String, mark: Mark?) {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            (problem, mark)
        case .duplicatedKeysInMapping(let duplicates, let context):
            ("duplicate key '\(duplicates.joined(separator: "', '"))'", context.mark)
        case .reader(let problem, _, _, _): (problem, nil)
        default: ("\(error)", nil)
        }
    }
}

extension Configuration {
    /// The commented default `minutes.yml` that `minutes init` writes: every key, at its default, with examples.
    public static let defaultText = """
        # minutes.yml: how `minutes` reads the notes of this folder.
        #
        # `minutes build`, `extract` and `check` look for this file in the folder they are given (or the folder
        # their inputs share), or take one with --config FILE. Every list adds to the words `minutes` knows
        # already; none removes one. Unknown keys are errors. Matching ignores case.

        # Extra titles of headings and labels, by the record kind they hold.
        headings:
          attendees: []   # e.g. ["Who was there"]
          officials: []   # e.g. ["In the room"]
          absent: []      # e.g. ["Could not make it"]
          actions: []     # e.g. ["Homework"]
          decisions: []   # e.g. ["Rulings"]

        # Extra words that mark a line as an action or a decision when they open it before a colon
        # (`Task: Ann to book the hall`).
        markers:
          actions: []     # e.g. ["Task", "To action"]
          decisions: []   # e.g. ["Ruling"]

        # Extra role words and phrases, by the role tag they give (chair, vice_chair, secretary, notes, treasurer,
        # member, guest… or a tag of your own: lower-case letters and _).
        roles: {}
        #  chair: ["Presiding officer"]
        #  notes: ["Recording clerk"]

        # Aliases: the canonical name, and the ways it is written. Records carry the canonical name, with the
        # text as written beside it (name_as_written, organization_as_written, owners_as_written).
        aliases:
          organizations: {}
        #    Ministry of Justice: [MoJ]
          people: {}
        #    Eric Huss: [ehuss, "@ehuss"]

        # How numeric dates such as 04/05/2021 are read: day-first (4 May) or month-first (5 April).
        # --month-first on the command line wins.
        dates: day-first

        # Which notes a folder walk reads, as globs relative to this file's folder: * and ? within a name,
        # ** across folders; a pattern without / matches a file name at any depth. Empty include: every note.
        # Files named on the command line are always read.
        include: []       # e.g. ["minutes/**/*.md"]
        exclude: []       # e.g. ["drafts/**", "*-template.md"]

        """
}
