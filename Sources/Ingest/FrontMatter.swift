import Yams

/// A value of YAML front matter, typed as YAML resolves it; dates and times stay strings, as written.
public enum FrontMatterValue: Hashable, Sendable {
    /// A string, including dates such as `2021-03-04`, which are kept as written.
    case string(String)
    /// An integer.
    case int(Int)
    /// A floating-point number.
    case double(Double)
    /// `true` or `false`.
    case bool(Bool)
    /// `null`, `~` or an empty value.
    case null
    /// A sequence.
    case list([FrontMatterValue])
    /// A mapping, in the order written.
    case map([Entry])

    /// One key and value of a mapping.
    public struct Entry: Hashable, Sendable {
        /// The key, as a string.
        public var key: String
        /// The value.
        public var value: FrontMatterValue

        /// Creates an entry.
        public init(key: String, value: FrontMatterValue) {
            self.key = key
            self.value = value
        }
    }

    /// The value for `key` in a mapping, compared case-insensitively; `nil` for other values.
    public subscript(key: String) -> FrontMatterValue? {
        guard case .map(let entries) = self else { return nil }
        let wanted = key.lowercased()
        return entries.first { $0.key.lowercased() == wanted }?.value
    }

    /// The value as text when it is a scalar.
    public var text: String? {
        switch self {
        case .string(let string): string
        case .int(let int): String(int)
        case .double(let double): String(double)
        case .bool(let bool): String(bool)
        case .null, .list, .map: nil
        }
    }
}

/// The YAML front matter at the top of a note (`---` … `---`).
public struct FrontMatter: Hashable, Sendable {
    /// The parsed value; usually a ``FrontMatterValue/map(_:)``.
    public var value: FrontMatterValue
    /// The lines the front matter occupies, delimiters included.
    public var lines: ClosedRange<Int>

    /// Creates front matter.
    public init(value: FrontMatterValue, lines: ClosedRange<Int>) {
        self.value = value
        self.lines = lines
    }

    /// The value for a top-level `key`, compared case-insensitively.
    public subscript(key: String) -> FrontMatterValue? { value[key] }
}

/// Finds and parses YAML front matter, and blanks its lines so that the body keeps the file's line numbers.
public enum FrontMatterParser {
    /// The most YAML nodes front matter may expand to; more is refused, which stops alias bombs.
    public static let nodeLimit = 10_000

    /// The result of splitting a note: its front matter, the text with the front matter lines emptied, and any
    /// problem with the YAML.
    public struct Split: Hashable, Sendable {
        /// The front matter, when there is some and it parsed.
        public var frontMatter: FrontMatter?
        /// The note with each front matter line emptied, so that line numbers still match the file.
        public var body: String
        /// A problem with the YAML, placed on its line in the file.
        public var diagnostics: [Diagnostic]
    }

    /// Splits `text` (already normalised, LF line ends) into front matter and body.
    public static func split(_ text: String, path: String) -> Split {
        guard text.hasPrefix("---\n") || text.hasPrefix("--- \n") else {
            return Split(frontMatter: nil, body: text, diagnostics: [])
        }
        guard let found = find(in: text) else { return Split(frontMatter: nil, body: text, diagnostics: []) }
        let yaml = String(text[found.yaml])
        // Each front matter line emptied: one LF for each line before the closing delimiter, then the rest as it is.
        var body = String(repeating: "\n", count: found.close)
        body.append(contentsOf: text[found.rest...])
        let close = found.close
        do {
            // Yams's default resolver tries seven regular expressions on each mapping key (to hash it, in its check
            // for duplicate keys), which costs more than the rest of the note's reading. The tags it gives keys change
            // nothing here (a key is read as its string; a value keeps the tag written, which `Bool.construct` reads)
            // unless a key is also a value, through an anchor (`&`), or a `=` key is inside a mapping used as a key:
            // only text with one of those is resolved.
            let resolver: Resolver =
                yaml.utf8.contains { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "=") } ? .default : .basic
            let node = try Yams.compose(yaml: yaml, resolver, unreadConstructor, yamlEncoding)
            var budget = nodeLimit
            let value = try node.map { try convert($0, budget: &budget) } ?? .null
            return Split(frontMatter: FrontMatter(value: value, lines: 1...close + 1), body: body, diagnostics: [])
        } catch let error as YamlError {
            return Split(frontMatter: nil, body: body, diagnostics: [diagnostic(for: error, path: path)])
        } catch {
            let message = "front matter refused: it expands to more than \(nodeLimit) values (YAML aliases?)"
            return Split(frontMatter: nil, body: body, diagnostics: [Diagnostic(.error, message, file: path, line: 1)])
        }
    }

    /// Where the front matter of `text` lies: the YAML between the delimiters, the number of the closing delimiter's
    /// line counting from 0, and where the text after that line starts (at its LF); `nil` when there is none.
    private static func find(in text: String) -> (yaml: Range<String.Index>, close: Int, rest: String.Index)? {
        var copy = text
        let found = copy.withUTF8 { bytes -> (yaml: Range<Int>, close: Int, rest: Int)? in
            // The lines up to the closing delimiter: the body after it is not read here.
            var lines: [Range<Int>] = []
            var closing: Int?
            TextLines.forEachRange(in: bytes) { line in
                if !lines.isEmpty, isDelimiter(bytes[line]) { closing = lines.count }
                lines.append(line)
                return closing == nil
            }
            guard let close = closing else { return nil }
            // Front matter is a mapping: its first line that is not blank or a comment starts with `key:`. Otherwise
            // the `---` is a thematic break that opens the note.
            let firstEntry = lines[1..<close].lazy.map { TextLines.characters(bytes, $0) }
                .first { !$0.allSatisfy { $0 == " " } && !$0.hasPrefix("#") }
            if let firstEntry, !startsWithKey(firstEntry) { return nil }
            let yaml = lines[1].lowerBound..<max(lines[1].lowerBound, lines[close - 1].upperBound)
            return (yaml, close, lines[close].upperBound)
        }
        guard let found else { return nil }
        let utf8 = text.utf8
        func index(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
        return (index(found.yaml.lowerBound)..<index(found.yaml.upperBound), found.close, index(found.rest))
    }

    private static func startsWithKey(_ line: Substring) -> Bool {
        guard let colon = line.firstIndex(of: ":") else { return false }
        let key = line[..<colon]
        let after = line[line.index(after: colon)...]
        return !key.isEmpty && key.first != " " && !key.contains("  ") && key.count <= 60
            && (after.isEmpty || after.first == " ")
    }

    /// Yams's default encoding, read once: Yams reads it from the environment, all of it, on each use. (Kept as its
    /// raw value, which is `Sendable`.)
    private static let yamlEncodingName = Parser.Encoding.default.rawValue

    /// ``yamlEncodingName`` as the encoding.
    private static var yamlEncoding: Parser.Encoding { Parser.Encoding(rawValue: yamlEncodingName) ?? .default }

    /// A constructor for `compose`, without the maps of tags to Swift types that `Constructor.default` makes anew on
    /// each use: only `Node.any` reads them, and the values here are read from the nodes' scalars
    /// (``convert(_:budget:)``).
    private static var unreadConstructor: Constructor { Constructor([:], [:], [:]) }

    /// Whether `line` is `---` or `...`, give or take spaces around it.
    ///
    /// On the bytes: any other character, even a space with a combining mark, makes a line something else.
    private static func isDelimiter(_ line: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        let trimmed = line.drop { $0 == 0x20 }.reversed().drop { $0 == 0x20 }
        return trimmed.elementsEqual("---".utf8) || trimmed.elementsEqual("...".utf8)
    }

    private struct TooLarge: Error {}

    private static func convert(_ node: Node, budget: inout Int) throws -> FrontMatterValue {
        budget -= 1
        guard budget >= 0 else { throw TooLarge() }
        switch node {
        case .scalar(let scalar):
            // Quoted scalars are strings; plain ones resolve as YAML 1.1 does. Dates stay as written.
            guard scalar.style == .plain || scalar.style == .any else { return .string(scalar.string) }
            if ["", "~", "null", "Null", "NULL"].contains(scalar.string) { return .null }
            if let bool = Bool.construct(from: scalar) { return .bool(bool) }
            if mayBeInteger(scalar.string), let int = Int.construct(from: scalar) { return .int(int) }
            if scalar.string.contains("."), let double = Double.construct(from: scalar) { return .double(double) }
            return .string(scalar.string)
        case .sequence(let sequence):
            return .list(try sequence.map { try convert($0, budget: &budget) })
        case .mapping(let mapping):
            return .map(
                try mapping.map { key, value in
                    FrontMatterValue.Entry(key: key.string ?? "", value: try convert(value, budget: &budget))
                }
            )
        case .alias:
            return .null
        }
    }

    /// Whether Yams may read `string` as an integer, looked at on the bytes.
    ///
    /// `Int.construct` first takes out each `_` through Foundation, which costs more than the rest of a value's
    /// reading, and then wants a digit; and after a first digit 1-9 (no `0x`, `0b`, `0o` or `0` prefix) a sign only
    /// after a `:`. So a word, or a date such as `2021-03-04`, need not be asked.
    static func mayBeInteger(_ string: String) -> Bool {
        var digit = false
        var decimal = false
        var previous: UInt8?
        for byte in string.utf8 where byte != UInt8(ascii: "_") {
            let isDigit = byte &- UInt8(ascii: "0") < 10
            if isDigit, !digit { decimal = byte != UInt8(ascii: "0") }
            digit = digit || isDigit
            if decimal, byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+"), previous != UInt8(ascii: ":") {
                return false
            }
            previous = byte
        }
        return digit
    }

    /// A YAML error placed on its line in the file: YAML line 1 is file line 2.
    private static func diagnostic(for error: YamlError, path: String) -> Diagnostic {
        let (problem, mark) = YAMLProblem.describe(error)
        let position = SourcePosition(line: (mark?.line ?? 0) + 1, column: mark?.column ?? 1)
        return Diagnostic(
            .error,
            "front matter is not valid YAML: \(problem); body read without it",
            file: path,
            position: position
        )
    }
}
