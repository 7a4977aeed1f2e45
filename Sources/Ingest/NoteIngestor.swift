import Crypto

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Settings for reading notes.
public struct IngestOptions: Hashable, Sendable {
    /// The largest file read, in bytes (default 16 MiB); larger files are refused with a diagnostic.
    public var maxFileSize: Int
    /// The format to read every note in, or `nil` to detect it from each note's content.
    public var format: NoteFormat?
    /// Whether Markdown notes keep cmark's HTML of their text (``NoteDocument/html``), rendered from the tree
    /// parsed for extraction rather than by parsing the text again.
    public var rendersHTML: Bool

    /// The default limit on file size: 16 MiB.
    public static let defaultMaxFileSize = 16 * 1024 * 1024

    /// Creates options.
    public init(
        maxFileSize: Int = IngestOptions.defaultMaxFileSize,
        format: NoteFormat? = nil,
        rendersHTML: Bool = false
    ) {
        self.maxFileSize = maxFileSize
        self.format = format
        self.rendersHTML = rendersHTML
    }
}

/// Reads notes: bytes to decoded, normalised text, front matter and a syntax tree.
///
/// The stages, each usable alone: ``TextDecoder``, ``TextNormaliser``, ``FrontMatterParser``,
/// ``NoteFormat/detect(_:)``, then ``MarkdownParser`` or ``TextProfileParser``.
public struct NoteIngestor: Sendable {
    /// The settings in force.
    public var options: IngestOptions

    /// Creates an ingestor.
    public init(options: IngestOptions = IngestOptions()) {
        self.options = options
    }

    /// Reads and ingests the file at `path`.
    ///
    /// - Throws: ``IngestError`` when the file cannot be read or is not text. Problems in the text are
    ///   diagnostics on the returned document.
    public func ingest(path: String) throws(IngestError) -> NoteDocument {
        try ingest(bytes: read(path: path), path: path)
    }

    /// Reads the bytes of the file at `path`, refusing what is not a regular file or is over the size limit.
    public func read(path: String) throws(IngestError) -> [UInt8] {
        try FileReader.contents(of: path, limit: options.maxFileSize)
    }

    /// The SHA-256 of `bytes`, lower-case hex.
    public static func digest(_ bytes: [UInt8]) -> String {
        hex(SHA256.hash(data: bytes))
    }

    /// The SHA-256 of the file at `path`, read a megabyte at a time, lower-case hex; `nil` when it cannot be read.
    public static func digest(fileAt path: String) -> String? {
        FileReader.sha256(of: path).map(hex)
    }

    /// The SHA-256 of `text`'s UTF-8 bytes, lower-case hex.
    public static func digest(_ text: String) -> String {
        hex(SHA256.hash(data: Array(text.utf8)))
    }

    private static func hex(_ digest: SHA256.Digest) -> String {
        digest.withUnsafeBytes { bytes in
            String(unsafeUninitializedCapacity: 2 * bytes.count) { out in
                for (index, byte) in bytes.enumerated() {
                    out[2 * index] = hexDigit(byte >> 4)
                    out[2 * index + 1] = hexDigit(byte & 0x0F)
                }
                return 2 * bytes.count
            }
        }
    }

    /// The lower-case hex digit of `value` (0 to 15), in ASCII.
    @inline(__always) private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? 0x30 + value : 0x57 + value
    }

    /// Ingests a note held in memory; `path` names it in diagnostics; `sha256`, when known, is the bytes' digest.
    ///
    /// - Throws: ``IngestError`` when the bytes are over the size limit or not text.
    public func ingest(bytes: [UInt8], path: String, sha256: String? = nil) throws(IngestError) -> NoteDocument {
        guard bytes.count <= options.maxFileSize else {
            throw .tooLarge(path: path, size: bytes.count, limit: options.maxFileSize)
        }
        let decoded = try TextDecoder.decodeToUTF8(bytes, path: path)
        var diagnostics = decoded.diagnostics
        // Normalised on the bytes, then made a `String` once.
        let normalised = decoded.utf8.withUnsafeBufferPointer { utf8 in
            TextBytes.string(TextNormaliser.normalise(utf8: utf8)[...])
        }
        let split = FrontMatterParser.split(normalised, path: path)
        diagnostics += split.diagnostics
        let format = options.format ?? (split.frontMatter != nil ? .markdown : NoteFormat.detect(split.body))
        var html: [UInt8]?
        let root: MarkdownNode
        if format == .markdown {
            (root, html) = MarkdownParser.parse(split.body, rendersHTML: options.rendersHTML)
        } else {
            root = TextProfileParser.parse(split.body)
        }
        if !root.hasChildren {
            let what = split.frontMatter == nil ? "note is empty" : "note has no content outside its front matter"
            diagnostics.append(Diagnostic(.warning, what, file: path))
        }
        let source = NoteSource(
            path: path,
            sha256: sha256 ?? Self.digest(bytes),
            format: format,
            size: bytes.count,
            encoding: decoded.encoding
        )
        return NoteDocument(
            source: source,
            text: split.body,
            frontMatter: split.frontMatter,
            root: root,
            html: html,
            diagnostics: diagnostics
        )
    }
}

/// Reads whole files with POSIX calls, refusing what is not a regular file or is over the limit before reading.
enum FileReader {
    static func contents(of path: String, limit: Int) throws(IngestError) -> [UInt8] {
        // O_NONBLOCK: opening a FIFO must not wait for a writer.
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            // A Unix socket cannot be opened at all.
            if errno == ENXIO { throw .notRegularFile(path: path) }
            throw error(errno, path)
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw error(errno, path) }
        guard info.st_mode & S_IFMT == S_IFREG else {
            if info.st_mode & S_IFMT == S_IFDIR { throw .unreadable(path: path, reason: "is a directory") }
            throw .notRegularFile(path: path)
        }
        let size = Int(info.st_size)
        guard size <= limit else { throw .tooLarge(path: path, size: size, limit: limit) }
        // Read into uninitialised storage: zeroing it first would be a pass over the bytes for nothing.
        var failure: Int32?
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            var total = 0
            while total < size {
                let count = read(descriptor, buffer.baseAddress.map { $0 + total }, size - total)
                if count < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    break
                }
                if count == 0 { break }
                total += count
            }
            initialized = total
        }
        if let failure { throw error(failure, path) }
        return bytes
    }

    /// The SHA-256 of the file at `path`, read a megabyte at a time; `nil` when it cannot be read.
    static func sha256(of path: String) -> SHA256.Digest? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var hash = SHA256()
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count == 0 { return hash.finalize() }
            if count < 0 {
                if errno == EINTR { continue }
                return nil
            }
            buffer.withUnsafeBytes { hash.update(bufferPointer: UnsafeRawBufferPointer(rebasing: $0[..<count])) }
        }
    }

    static func error(_ code: Int32, _ path: String) -> IngestError {
        if code == ENOENT || code == ENOTDIR { return .notFound(path: path) }
        return .unreadable(path: path, reason: String(cString: strerror(code)).lowercased())
    }
}
