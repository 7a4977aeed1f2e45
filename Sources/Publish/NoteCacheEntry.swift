import Foundation

/// The bytes of one note's cache entry in the pack: a header line naming the entry's key and the byte lengths of the
/// record and the HTML, the record (compact JSON, which never holds a raw newline) and a line feed, then the HTML and
/// a line feed.
///
/// The header makes every entry stand on its own: a read checks that the entry at an index's offset is the one asked
/// for and as long as the index says, so that an entry cut short, overwritten or moved is a miss, never another
/// note's record.
enum NoteCacheEntry {
    /// Calls `body` with the parts of the entry of `key` in order (its header, `record`, a line feed, `html`, a line
    /// feed), `record` (compact JSON as UTF-8) and `html` (the note's HTML as UTF-8) where they lie, so that an entry
    /// is written without copying the note's HTML and record into one buffer.
    static func withParts<Result>(
        key: Digest,
        record: [UInt8],
        html: [UInt8],
        _ body: ([UnsafeBufferPointer<UInt8>]) throws -> Result
    ) rethrows -> Result {
        var header: [UInt8] = []
        appendLine(key, record.count, html.count, to: &header)
        let newline: [UInt8] = [0x0A]
        return try header.withUnsafeBufferPointer { header in
            try record.withUnsafeBufferPointer { record in
                try newline.withUnsafeBufferPointer { newline in
                    try html.withUnsafeBufferPointer { html in try body([header, record, newline, html, newline]) }
                }
            }
        }
    }

    /// Appends the line `<key> <first> <second>`, as an entry's header and each line of the pack's index are.
    static func appendLine(_ key: Digest, _ first: Int, _ second: Int, to bytes: inout [UInt8]) {
        bytes += key.description.utf8
        bytes.append(0x20)
        JSONValue.writeInt(first, to: &bytes)
        bytes.append(0x20)
        JSONValue.writeInt(second, to: &bytes)
        bytes.append(0x0A)
    }

    /// Where the record and the HTML lie in an entry of `key` that is `length` bytes long, given its first bytes
    /// (at least its header); `nil` when the bytes are not the header of that entry, or the lengths it names do not
    /// add up to `length`.
    ///
    /// The line feeds after the record and the HTML are for the caller to check, once it has read that far.
    static func layout(of bytes: UnsafeBufferPointer<UInt8>, key: Digest, length: Int) -> (
        record: Range<Int>, html: Range<Int>
    )? {
        guard bytes.count > 64, bytes[64] == 0x20,
            let named = Digest(hexDigits: UnsafeBufferPointer(rebasing: bytes[..<64])), named == key
        else { return nil }
        var index = 65
        /// The digits from `index` up to `end`; `nil` unless there are one to eighteen of them and `end` is there.
        func number(endingWith end: UInt8) -> Int? {
            var value = 0
            let start = index
            while index < bytes.count, case let byte = bytes[index], byte >= 0x30, byte <= 0x39 {
                guard index - start < 18 else { return nil }
                value = value * 10 + Int(byte - 0x30)
                index += 1
            }
            guard index > start, index < bytes.count, bytes[index] == end else { return nil }
            index += 1
            return value
        }
        guard let record = number(endingWith: 0x20), let html = number(endingWith: 0x0A) else { return nil }
        let start = index
        // Compared by subtraction: two lengths near 10^18 would overflow a sum.
        guard length - start - 2 >= record, html == length - start - 2 - record else { return nil }
        return (start..<start + record, start + record + 1..<length - 1)
    }
}
