/// Where a note came from and how it was read.
public struct NoteSource: Hashable, Sendable, Codable {
    /// The path as the user gave it (or as found under a folder they gave).
    public var path: String
    /// The SHA-256 of the file's bytes, in lower-case hex.
    public var sha256: String
    /// How the note was read: Markdown or the plain-text profile.
    public var format: NoteFormat
    /// The size of the file in bytes.
    public var size: Int
    /// The character encoding the bytes were decoded from.
    public var encoding: TextEncoding

    /// Creates a source description.
    public init(path: String, sha256: String, format: NoteFormat, size: Int, encoding: TextEncoding) {
        self.path = path
        self.sha256 = sha256
        self.format = format
        self.size = size
        self.encoding = encoding
    }
}

/// One note, ingested: its source, normalised text, front matter, syntax tree and diagnostics.
///
/// Every node of ``root`` carries lines that match the file: normalisation never adds or removes a line, and front
/// matter lines are emptied rather than cut.
public struct NoteDocument: Hashable, Sendable {
    /// Where the note came from.
    public var source: NoteSource
    /// The normalised text that was parsed, with front matter lines emptied.
    public var text: String
    /// The YAML front matter, when the note has some that parsed.
    public var frontMatter: FrontMatter?
    /// The `document` node of the syntax tree.
    public var root: MarkdownNode
    /// cmark's safe HTML of ``text``, as its UTF-8 bytes, when ``IngestOptions/rendersHTML`` asked for it (Markdown
    /// notes only).
    public var html: [UInt8]?
    /// Problems found while reading the note.
    public var diagnostics: [Diagnostic]

    /// Creates a document.
    public init(
        source: NoteSource,
        text: String,
        frontMatter: FrontMatter?,
        root: MarkdownNode,
        html: [UInt8]? = nil,
        diagnostics: [Diagnostic]
    ) {
        self.source = source
        self.text = text
        self.frontMatter = frontMatter
        self.root = root
        self.html = html
        self.diagnostics = diagnostics
    }
}
