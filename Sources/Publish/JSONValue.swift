import Ingest

/// A JSON value whose objects keep their keys in the order they were written.
public indirect enum JSONValue: Hashable, Sendable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// An integer.
    case int(Int)
    /// A floating-point number.
    case double(Double)
    /// A string.
    case string(String)
    /// An array.
    case array([JSONValue])
    /// An object, keys in order.
    case object([(key: String, value: JSONValue)])

    /// Compares values; objects compare key by key, in order.
    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case (.bool(let a), .bool(let b)): a == b
        case (.int(let a), .int(let b)): a == b
        case (.double(let a), .double(let b)): a == b
        case (.string(let a), .string(let b)): a == b
        case (.array(let a), .array(let b)): a == b
        case (.object(let a), .object(let b)): a.map(\.key) == b.map(\.key) && a.map(\.value) == b.map(\.value)
        default: false
        }
    }

    /// Hashes the value, keys in order.
    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null: hasher.combine(0)
        case .bool(let value): hasher.combine(value)
        case .int(let value): hasher.combine(value)
        case .double(let value): hasher.combine(value)
        case .string(let value): hasher.combine(value)
        case .array(let values): hasher.combine(values)
        case .object(let pairs):
            for pair in pairs {
                hasher.combine(pair.key)
                hasher.combine(pair.value)
            }
        }
    }

    /// The value as JSON text.
    ///
    /// `pretty` puts one member a line with two-space indentation and `"key": value`, keeping short arrays of
    /// scalars on one line; otherwise the text is compact, on one line. Slashes are not escaped; non-ASCII text is
    /// written as UTF-8.
    public func serialized(pretty: Bool) -> String {
        var out: [UInt8] = []
        write(to: &out, pretty: pretty, indent: 0)
        return String(decoding: out, as: UTF8.self)
    }

    private func write(to out: inout [UInt8], pretty: Bool, indent: Int) {
        switch self {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let value): out.append(contentsOf: (value ? "true" : "false").utf8)
        case .int(let value): out.append(contentsOf: String(value).utf8)
        case .double(let value): out.append(contentsOf: (value.isFinite ? "\(value)" : "null").utf8)
        case .string(let value): JSONValue.writeString(value, to: &out)
        case .array(let values):
            guard !values.isEmpty else {
                out.append(contentsOf: "[]".utf8)
                return
            }
            // Short arrays of scalars (`"lines": [7, 62]`, `"owners": ["Ann"]`) stay on one line.
            let inline =
                pretty && values.allSatisfy(\.isScalar) && values.count <= 8
                && values.reduce(0, { $0 + $1.serialized(pretty: false).utf8.count + 2 }) <= 72
            out.append(0x5B)
            for (index, value) in values.enumerated() {
                if index > 0 { out.append(contentsOf: (inline ? ", " : ",").utf8) }
                if pretty, !inline { newline(&out, indent + 1) }
                value.write(to: &out, pretty: pretty, indent: indent + 1)
            }
            if pretty, !inline { newline(&out, indent) }
            out.append(0x5D)
        case .object(let pairs):
            guard !pairs.isEmpty else {
                out.append(contentsOf: "{}".utf8)
                return
            }
            out.append(0x7B)
            for (index, pair) in pairs.enumerated() {
                if index > 0 { out.append(0x2C) }
                if pretty { newline(&out, indent + 1) }
                JSONValue.writeString(pair.key, to: &out)
                out.append(contentsOf: (pretty ? ": " : ":").utf8)
                pair.value.write(to: &out, pretty: pretty, indent: indent + 1)
            }
            if pretty { newline(&out, indent) }
            out.append(0x7D)
        }
    }

    private var isScalar: Bool {
        switch self {
        case .array, .object: false
        default: true
        }
    }

    private func newline(_ out: inout [UInt8], _ indent: Int) {
        out.append(0x0A)
        for _ in 0..<indent { out.append(contentsOf: [0x20, 0x20]) }
    }

    /// Whether valid UTF-8 holds a quote, a backslash, a control character, DEL, U+2028 or U+2029: the only scalars
    /// ``writeString(_:to:)`` escapes, so text without them goes out byte for byte.
    static func needsEscape(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        /// Whether the byte at `index` starts a scalar that is escaped.
        func escaped(_ index: Int) -> Bool {
            let byte = utf8[index]
            if byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F { return true }
            return byte == 0xE2 && index + 2 < utf8.count && utf8[index + 1] == 0x80
                && (utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9)
        }
        guard let base = utf8.baseAddress else { return false }
        let count = utf8.count
        var index = 0
        // Eight bytes at a time: a word with no byte below 0x20, `"`, `\`, DEL or 0xE2 (the lead byte of U+2028 and
        // U+2029) is skipped whole, and only a word with one is read a byte at a time.
        while index + 8 <= count {
            if mayHoldEscape(ASCIIWord.load(base, at: index)) {
                for offset in index..<index + 8 where escaped(offset) { return true }
            }
            index += 8
        }
        // The last bytes of a text of eight or more as one word too: the eight before the end (those before `index`
        // were read already and escape nothing).
        if index < count, count >= 8, !mayHoldEscape(ASCIIWord.load(base, at: count - 8)) { return false }
        while index < count {
            if escaped(index) { return true }
            index += 1
        }
        return false
    }

    /// Whether any byte of `word` is below 0x20, `"`, `\`, DEL or 0xE2.
    @inline(__always)
    private static func mayHoldEscape(_ word: UInt64) -> Bool {
        // Most words are printable ASCII without a quote or a backslash, told in a few steps.
        if ASCIIWord.isPrintable(quick: word), ASCIIWord.matches(word, 0x22) | ASCIIWord.matches(word, 0x5C) == 0 {
            return false
        }
        return ASCIIWord.hasBelow(word, 0x20) || ASCIIWord.has(word, 0x22) || ASCIIWord.has(word, 0x5C)
            || ASCIIWord.has(word, 0x7F) || ASCIIWord.has(word, 0xE2)
    }

    /// Appends the decimal digits of `value`, as `String(value)` spells them.
    static func writeInt(_ value: Int, to out: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: maximumDigits) { buffer in
            guard let base = buffer.baseAddress else { return }
            out.append(contentsOf: UnsafeBufferPointer(start: base, count: digits(of: value, into: base)))
        }
    }

    /// The most bytes ``digits(of:into:)`` writes: a sign and 19 digits.
    static let maximumDigits = 20

    /// Writes the decimal digits of `value` (with `-` when negative) at `target`, which has room for
    /// ``maximumDigits`` bytes, and returns how many it wrote.
    static func digits(of value: Int, into target: UnsafeMutablePointer<UInt8>) -> Int {
        // One or two digits, most of what is written (line numbers, counts), with no loop.
        if UInt(bitPattern: value) < 100 {
            if value < 10 {
                target[0] = 0x30 + UInt8(truncatingIfNeeded: value)
                return 1
            }
            target[0] = 0x30 + UInt8(truncatingIfNeeded: value / 10)
            target[1] = 0x30 + UInt8(truncatingIfNeeded: value % 10)
            return 2
        }
        var magnitude = value.magnitude
        var length = value < 0 ? 2 : 1
        var rest = magnitude
        while rest >= 10 {
            rest /= 10
            length += 1
        }
        if value < 0 { target[0] = 0x2D }
        var index = length - 1
        repeat {
            target[index] = 0x30 + UInt8(truncatingIfNeeded: magnitude % 10)
            magnitude /= 10
            index -= 1
        } while magnitude > 0
        return length
    }

    /// Appends `string` as a JSON string literal, escaping quotes, backslashes and control characters.
    static func writeString(_ string: String, to out: inout [UInt8]) {
        // Most strings need no escape: one look at the bytes and they go whole.
        let plain = string.utf8.withContiguousStorageIfAvailable { utf8 in
            guard !needsEscape(utf8) else { return false }
            out.append(0x22)
            out.append(contentsOf: utf8)
            out.append(0x22)
            return true
        }
        if plain == true { return }
        out.append(0x22)
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": out.append(contentsOf: [0x5C, 0x22])
            case "\\": out.append(contentsOf: [0x5C, 0x5C])
            case "\n": out.append(contentsOf: [0x5C, 0x6E])
            case "\r": out.append(contentsOf: [0x5C, 0x72])
            case "\t": out.append(contentsOf: [0x5C, 0x74])
            case "\u{2028}": out.append(contentsOf: "\\u2028".utf8)
            case "\u{2029}": out.append(contentsOf: "\\u2029".utf8)
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16)
                    out.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
                } else {
                    UTF8.encode(scalar) { out.append($0) }
                }
            }
        }
        out.append(0x22)
    }
}
