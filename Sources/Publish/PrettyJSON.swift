import Ingest

/// Lays compact JSON out as `JSONValue.serialized(pretty: true)` does, a byte at a time, without reading it into
/// values: one member or element a line, two spaces an indent, `"key": value`, and arrays of at most 8 scalars whose
/// compact texts (plus 2 each) fit in 72 bytes on one line.
///
/// The input must be compact JSON as the encoders here write it (no whitespace between tokens); the pretty form of a
/// record is then a pass over its compact bytes, not a second encoding. `StreamingJSONTests` and `RecordJSONTests`
/// compare the two layouts.
enum PrettyJSON {
    /// The pretty text of `compact`, without a final newline.
    static func format(_ compact: [UInt8]) -> [UInt8] {
        compact.withUnsafeBufferPointer { format($0) }
    }

    /// The pretty text of `compact`, without a final newline.
    static func format(_ compact: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out = ByteBuffer(capacity: compact.count + compact.count / 2 + 64)
        format(compact, into: &out)
        return out.bytes()
    }

    /// Appends the pretty text of `compact`, without a final newline, to `out`.
    ///
    /// The layout of the innermost open container is kept in `oneLine` and the depth in `depth`, so that a comma
    /// asks no array; the stack of layouts is touched only where a container opens or closes.
    static func format(_ compact: UnsafeBufferPointer<UInt8>, into out: inout ByteBuffer) {
        guard let base = compact.baseAddress else { return }
        // Whether each open container but the innermost is laid out on one line.
        var outer: [Bool] = []
        outer.reserveCapacity(16)
        var oneLine = false
        var depth = 0
        var index = 0
        let count = compact.count
        while index < count {
            let byte = base[index]
            switch byte {
            case 0x22:  // a string
                let end = scalarEnd(compact, from: index)
                out.append(UnsafeBufferPointer(start: base + index, count: end - index))
                index = end
            case 0x2C:  // ,
                if oneLine { out.append(0x2C, 0x20) } else { out.newline(after: 0x2C, indent: depth) }
                index += 1
            case 0x3A:  // :
                out.append(0x3A, 0x20)
                index += 1
            case 0x7B, 0x5B:  // { [
                let close: UInt8 = byte == 0x7B ? 0x7D : 0x5D
                if index + 1 < count, base[index + 1] == close {
                    out.append(byte, close)
                    index += 2
                    continue
                }
                if depth > 0 { outer.append(oneLine) }
                depth += 1
                oneLine = byte == 0x5B && fitsOnOneLine(compact, from: index + 1)
                if oneLine { out.append(byte) } else { out.newline(after: byte, indent: depth) }
                index += 1
            case 0x7D, 0x5D:  // } ]
                if depth > 0 {
                    depth -= 1
                    if !oneLine { out.newline(indent: depth) }
                    oneLine = depth > 0 ? outer.removeLast() : false
                }
                out.append(byte)
                index += 1
            default:
                let end = scalarEnd(compact, from: index)
                out.append(UnsafeBufferPointer(start: base + index, count: end - index))
                index = end
            }
        }
    }

    /// Where the string, number or literal starting at `start` ends.
    @inline(__always)
    private static func scalarEnd(_ compact: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        if compact[index] == 0x22 {
            index += 1
            if let base = compact.baseAddress {
                // Eight bytes at a time: a word with no quote or backslash is skipped whole; in one with either, the
                // first of them is found from the word (a quote ends the string, a backslash and its escaped byte are
                // skipped and the search goes on from there).
                while index + 8 <= compact.count {
                    let word = UInt64(littleEndian: ASCIIWord.load(base, at: index))
                    let found = ASCIIWord.matches(word, 0x22) | ASCIIWord.matches(word, 0x5C)
                    if found == 0 {
                        index += 8
                        continue
                    }
                    index += found.trailingZeroBitCount / 8
                    if base[index] == 0x22 { return index + 1 }
                    index += 2
                }
            }
            while index < compact.count {
                switch compact[index] {
                case 0x5C: index += 2
                case 0x22: return index + 1
                default: index += 1
                }
            }
            return compact.count
        }
        while index < compact.count {
            switch compact[index] {
            case 0x2C, 0x5D, 0x7D: return index
            default: index += 1
            }
        }
        return index
    }

    /// Whether the non-empty array whose elements start at `start` holds at most 8 scalars whose texts, plus 2 each,
    /// come to at most 72 bytes.
    private static func fitsOnOneLine(_ compact: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool {
        var index = start
        var elements = 0
        var total = 0
        while index < compact.count {
            let byte = compact[index]
            if byte == 0x5B || byte == 0x7B { return false }
            elements += 1
            let end = scalarEnd(compact, from: index)
            total += end - index + 2
            guard elements <= 8, total <= 72, end < compact.count else { return false }
            if compact[end] == 0x5D { return true }
            index = end + 1
        }
        return false
    }
}
