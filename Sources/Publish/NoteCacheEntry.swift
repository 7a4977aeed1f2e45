import Foundation

/// The file of one note's cache entry: the byte length of the note's HTML on the first line, the record (compact
/// JSON, which never holds a raw newline) on the second, then the HTML.
///
/// One file a note rather than two: creating a file is what a build spends most of its system time on. The length
/// makes an entry cut short or run long anywhere a damaged entry, found from the file's size alone, so the record is
/// read without the HTML after it.
enum NoteCacheEntry {
    /// The longest length line read: ten digits and its newline.
    private static let longestLength = 11
    /// How much of an entry is read first for its record: most records fit, with some HTML after them.
    private static let firstRead = 16 * 1024

    /// Calls `body` with the parts of an entry in order (its length line, `record`, a line feed, `html`), `record`
    /// (compact JSON as UTF-8) and `html` (the note's HTML as UTF-8) where they lie, so that an entry is written
    /// without copying the note's HTML and record into one buffer.
    static func withParts<Result>(
        record: [UInt8],
        html: [UInt8],
        _ body: ([UnsafeBufferPointer<UInt8>]) throws -> Result
    ) rethrows -> Result {
        var length: [UInt8] = []
        JSONValue.writeInt(html.count, to: &length)
        length.append(0x0A)
        let newline: [UInt8] = [0x0A]
        return try length.withUnsafeBufferPointer { length in
            try record.withUnsafeBufferPointer { record in
                try newline.withUnsafeBufferPointer { newline in
                    try html.withUnsafeBufferPointer { html in try body([length, record, newline, html]) }
                }
            }
        }
    }

    /// Where the record and the HTML lie in an entry's first bytes, given the whole file's size; `nil` when the
    /// bytes are no entry of that size, or do not reach the record's end.
    static func layout(of bytes: UnsafeBufferPointer<UInt8>, size: Int) -> (record: Range<Int>, html: Range<Int>)? {
        var length = 0
        var index = 0
        while index < min(bytes.count, longestLength), case let byte = bytes[index], byte != 0x0A {
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            length = length * 10 + Int(byte - 0x30)
            index += 1
        }
        guard index > 0, index < bytes.count, bytes[index] == 0x0A else { return nil }
        let start = index + 1
        // The record's end, found by `memchr`: the record is most of what is read, and a loop over it byte by byte
        // cost more than the rest of the read.
        guard let base = bytes.baseAddress,
            let found = memchr(base + start, 0x0A, bytes.count - start),
            case let newline = UnsafeRawPointer(found) - UnsafeRawPointer(base), start < newline
        else { return nil }
        let html = newline + 1
        guard size - html == length else { return nil }
        return (start..<newline, html..<size)
    }

    /// The record of the entry at `path`, and its HTML when `withHTML`; `nil` when missing or damaged.
    ///
    /// Without the HTML, the first read takes the record and what follows it up to ``firstRead`` bytes; a damaged
    /// entry is one cut short, too long, or not an entry at all.
    static func read(path: String, withHTML: Bool) -> (record: [UInt8], html: [UInt8]?)? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        let size = Int(info.st_size)
        var bytes: [UInt8] = []
        var wanted = withHTML ? size : min(size, firstRead)
        while true {
            let filled = bytes.count
            bytes += repeatElement(0, count: wanted - filled)
            guard readFully(descriptor, into: &bytes, from: filled) else { return nil }
            if let found = bytes.withUnsafeBufferPointer({ layout(of: $0, size: size) }) {
                return (Array(bytes[found.record]), withHTML ? Array(bytes[found.html]) : nil)
            }
            // No record's end in what was read: read on, unless the whole file was read.
            guard wanted < size else { return nil }
            wanted = min(size, wanted * 4)
        }
    }

    /// Fills `bytes` from index `start` with the file's bytes from the same offset; `false` when the file ends first
    /// or cannot be read.
    private static func readFully(_ descriptor: Int32, into bytes: inout [UInt8], from start: Int) -> Bool {
        var total = start
        let wanted = bytes.count
        while total < wanted {
            let count = bytes.withUnsafeMutableBytes { buffer in
                pread(descriptor, buffer.baseAddress.map { $0 + total }, wanted - total, off_t(total))
            }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return false }
            total += count
        }
        return true
    }
}
