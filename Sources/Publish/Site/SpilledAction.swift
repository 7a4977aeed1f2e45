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
        var out: [UInt8] = []
        out.reserveCapacity(action.text.utf8.count + 64)
        func append(_ number: UInt32) { withUnsafeBytes(of: number.littleEndian) { out.append(contentsOf: $0) } }
        func append(_ text: String?) {
            guard let text else { return append(UInt32.max) }
            append(UInt32(text.utf8.count))
            out.append(contentsOf: text.utf8)
        }
        append(action.id)
        append(action.text)
        append(UInt32(action.owners.count))
        for owner in action.owners { append(owner) }
        append(action.due)
        append(action.dueText)
        withUnsafeBytes(of: Int64(action.lines.first).littleEndian) { out.append(contentsOf: $0) }
        withUnsafeBytes(of: Int64(action.lines.last).littleEndian) { out.append(contentsOf: $0) }
        return out
    }

    /// The action that ``bytes(_:)`` gave `bytes` for, without the section and the owners as written, which no
    /// page shows.
    static func action(_ bytes: [UInt8]) throws -> Action {
        var offset = 0
        func number(_ size: Int) throws -> UInt64 {
            guard offset + size <= bytes.count else { throw Truncated() }
            var value: UInt64 = 0
            for place in 0..<size { value |= UInt64(bytes[offset + place]) << (8 * place) }
            offset += size
            return value
        }
        func string() throws -> String? {
            let length = try number(4)
            guard length != UInt64(UInt32.max) else { return nil }
            guard offset + Int(length) <= bytes.count else { throw Truncated() }
            defer { offset += Int(length) }
            return String(decoding: bytes[offset..<(offset + Int(length))], as: UTF8.self)
        }
        let id = try string() ?? ""
        let text = try string() ?? ""
        // One at a time: a damaged count must run out of bytes, not reserve room for billions of owners.
        var owners: [String] = []
        for _ in 0..<(try number(4)) { owners.append(try string() ?? "") }
        let due = try string()
        let dueText = try string()
        let first = Int(Int64(bitPattern: try number(8)))
        let last = Int(Int64(bitPattern: try number(8)))
        return Action(id: id, text: text, owners: owners, due: due, dueText: dueText, lines: LineSpan(first, last))
    }

    /// Bytes that end inside an action.
    struct Truncated: Error {}
}
