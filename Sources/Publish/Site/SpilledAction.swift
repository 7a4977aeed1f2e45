import Extract

/// An action as the actions page shows it, in a compact byte form for the overview's scratch file: writing JSON and
/// decoding it again cost more than the rest of the actions page.
///
/// Each string is its UTF-8 length (4 bytes, little-endian; all ones for none) and bytes; the owners are their
/// count and strings; the lines two 8-byte numbers. The file lives only as long as the build, so the form may change
/// with the program.
enum SpilledAction {
    /// The bytes of `action`'s id, text, owners, due date (resolved and as written) and lines.
    static func bytes(_ action: Action) -> [UInt8] {
        var out = ByteBuffer(capacity: action.text.utf8.count + 64)
        write(action, into: &out)
        return out.bytes()
    }

    /// Appends ``bytes(_:)`` of `action` to `out`.
    static func write(_ action: Action, into out: inout ByteBuffer) {
        append(action.id, to: &out)
        append(action.text, to: &out)
        append(UInt32(action.owners.count), to: &out)
        for owner in action.owners { append(owner, to: &out) }
        append(action.due, to: &out)
        append(action.dueText, to: &out)
        append(Int64(action.lines.first), to: &out)
        append(Int64(action.lines.last), to: &out)
    }

    /// A number's bytes, little-endian.
    private static func append(_ number: some FixedWidthInteger, to out: inout ByteBuffer) {
        withUnsafeBytes(of: number.littleEndian) { out.append($0.assumingMemoryBound(to: UInt8.self)) }
    }

    /// A string's length and UTF-8 bytes, or all ones for none.
    private static func append(_ text: String?, to out: inout ByteBuffer) {
        guard let text else { return append(UInt32.max, to: &out) }
        text.withUTF8Bytes { utf8 in
            append(UInt32(utf8.count), to: &out)
            out.append(utf8)
        }
    }

    /// The action that ``bytes(_:)`` gave `bytes` for, without the section and the owners as written, which no
    /// page shows.
    static func action(_ bytes: [UInt8]) throws -> Action {
        try bytes.withUnsafeBufferPointer { bytes in
            var offset = 0
            // Numbers are read whole from where they lie, little-endian, as they were written.
            func number<Number: FixedWidthInteger>(_: Number.Type) throws -> Number {
                guard let base = bytes.baseAddress, offset + MemoryLayout<Number>.size <= bytes.count else {
                    throw Truncated()
                }
                defer { offset += MemoryLayout<Number>.size }
                return Number(littleEndian: UnsafeRawPointer(base + offset).loadUnaligned(as: Number.self))
            }
            // A string from its bytes in place, as a buffer of bytes (which `String` decodes at once).
            func string() throws -> String? {
                let length = try number(UInt32.self)
                guard length != UInt32.max else { return nil }
                guard offset + Int(length) <= bytes.count else { throw Truncated() }
                defer { offset += Int(length) }
                return String(
                    decoding: UnsafeBufferPointer(rebasing: bytes[offset..<(offset + Int(length))]),
                    as: UTF8.self
                )
            }
            let id = try string() ?? ""
            let text = try string() ?? ""
            // Room for as many owners as the bytes left can hold, at most: a damaged count must run out of bytes,
            // not reserve room for billions of owners.
            let ownerCount = Int(try number(UInt32.self))
            var owners: [String] = []
            owners.reserveCapacity(Swift.min(ownerCount, (bytes.count - offset) / 4))
            for _ in 0..<ownerCount { owners.append(try string() ?? "") }
            let due = try string()
            let dueText = try string()
            let first = Int(try number(Int64.self))
            let last = Int(try number(Int64.self))
            return Action(id: id, text: text, owners: owners, due: due, dueText: dueText, lines: LineSpan(first, last))
        }
    }

    /// Bytes that end inside an action.
    struct Truncated: Error {}
}
