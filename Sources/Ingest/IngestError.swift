/// Why a path could not be read as a note at all.
///
/// Ingest never throws for what is *in* a note: those problems are ``Diagnostic``s. It fails only when there is
/// nothing to read: the path is missing or unreadable, or the bytes are not text.
public enum IngestError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Nothing exists at the path.
    case notFound(path: String)
    /// The path exists but could not be opened or read; `reason` is the system's message.
    case unreadable(path: String, reason: String)
    /// The path is a device, socket or pipe rather than a regular file.
    case notRegularFile(path: String)
    /// The file is larger than the configured limit.
    case tooLarge(path: String, size: Int, limit: Int)
    /// The bytes are not text: `reason` says what they look like.
    case binary(path: String, reason: String)

    /// The path the error is about.
    public var path: String {
        switch self {
        case .notFound(let path), .unreadable(let path, _), .notRegularFile(let path), .tooLarge(let path, _, _),
            .binary(let path, _):
            path
        }
    }

    /// The message, without the path.
    public var message: String {
        switch self {
        case .notFound: "no such file or directory"
        case .unreadable(_, let reason): "cannot read: \(reason)"
        case .notRegularFile: "not a regular file (a device, socket or pipe); skipped"
        case .tooLarge(_, let size, let limit):
            "file is \(ByteCount(size)), over the size limit of \(ByteCount(limit)); skipped (raise the limit with --max-size)"
        case .binary(_, let reason): "not a text note: \(reason); skipped"
        }
    }

    /// The error as an error ``Diagnostic`` for its path.
    public var diagnostic: Diagnostic { Diagnostic(.error, message, file: path) }

    /// The error as `path: error: message`.
    public var description: String { diagnostic.description }
}

/// A byte count shown the way people read sizes: `16 MiB`, `2.5 KiB`, `512 bytes`.
struct ByteCount: CustomStringConvertible {
    var bytes: Int

    init(_ bytes: Int) { self.bytes = bytes }

    var description: String {
        let units = ["bytes", "KiB", "MiB", "GiB", "TiB"]
        var value = Double(bytes)
        var unit = 0
        while value >= 1024, unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        if unit == 0 { return "\(bytes) bytes" }
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? "\(Int(rounded)) \(units[unit])" : "\(rounded) \(units[unit])"
    }
}
