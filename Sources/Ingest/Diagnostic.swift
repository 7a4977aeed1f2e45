/// A problem found in a note: something that looked meaningful but could not be read as meant.
///
/// Diagnostics never stop a run. They print as `path:line:column: severity: message`, the form that editors and
/// CI logs recognise.
public struct Diagnostic: Hashable, Sendable, Codable, CustomStringConvertible {
    /// How serious a diagnostic is.
    public enum Severity: String, Hashable, Sendable, Codable, Comparable {
        /// Information about a choice the tool made.
        case note
        /// Something in the note that was probably not read as its author meant.
        case warning
        /// A note, or part of one, that could not be read at all.
        case error

        /// Orders severities from `note` to `error`.
        public static func < (lhs: Self, rhs: Self) -> Bool {
            let order: [Self] = [.note, .warning, .error]
            return order.firstIndex(of: lhs) ?? 0 < order.firstIndex(of: rhs) ?? 0
        }
    }

    /// How serious the problem is.
    public var severity: Severity
    /// What went wrong, in a sentence that starts in lower case and has no closing full stop.
    public var message: String
    /// The path of the note, as the user gave it.
    public var file: String
    /// Where in the note, when known.
    public var position: SourcePosition?

    /// Creates a diagnostic.
    public init(_ severity: Severity, _ message: String, file: String, position: SourcePosition? = nil) {
        self.severity = severity
        self.message = message
        self.file = file
        self.position = position
    }

    /// Creates a diagnostic at the start of `line`.
    public init(_ severity: Severity, _ message: String, file: String, line: Int) {
        self.init(severity, message, file: file, position: SourcePosition(line: line, column: 1))
    }

    enum CodingKeys: String, CodingKey { case severity, message, file, line, column }

    /// Decodes the flat shape written by ``encode(to:)``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        severity = try container.decode(Severity.self, forKey: .severity)
        message = try container.decode(String.self, forKey: .message)
        file = try container.decode(String.self, forKey: .file)
        if let line = try container.decodeIfPresent(Int.self, forKey: .line) {
            position = SourcePosition(line: line, column: try container.decodeIfPresent(Int.self, forKey: .column) ?? 1)
        }
    }

    /// Encodes `{severity, message, file, line, column}`, with `null` line and column when the position is unknown.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(severity, forKey: .severity)
        try container.encode(message, forKey: .message)
        try container.encode(file, forKey: .file)
        try container.encode(position?.line, forKey: .line)
        try container.encode(position?.column, forKey: .column)
    }

    /// The diagnostic as `path:line:column: severity: message`.
    public var description: String {
        let where_ = position.map { ":\($0.line):\($0.column)" } ?? ""
        return "\(file)\(where_): \(severity.rawValue): \(message)"
    }
}
