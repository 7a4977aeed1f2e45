/// Writes the JSON text of a value while it encodes itself, into one growing byte buffer, with no tree in between.
///
/// The text is the same as `JSONValue.serialized(pretty:)` of `OrderedJSONEncoder.value(of:)`. What streaming cannot
/// honour (a key written twice, a container written to after a sibling, `superEncoder`, a read of `codingPath`, a
/// value encoded twice into one slot, any error) marks the writer failed, and the caller encodes with the tree instead.
final class StreamingJSONWriter {
    /// An open array or object, innermost last; its index in `frames` is its depth.
    struct Frame {
        /// The slot the container fills: containers check it to know they are still the one being written.
        var slot: Int
        var isArray: Bool
        var count = 0
        /// Whether every element so far is a scalar (a pretty array of few short scalars stays on one line).
        var scalar = true
        /// Where this object's keys start in `keys`.
        var keyBase = 0
    }

    let pretty: Bool
    @exclusivity(unchecked) var bytes: [UInt8] = []
    @exclusivity(unchecked) var frames: [Frame] = []
    /// The slot waiting for a value, 0 when none: a value that writes nothing becomes `null`.
    @exclusivity(unchecked) var pending = 0
    @exclusivity(unchecked) var nextSlot = 1
    @exclusivity(unchecked) var failed = false
    /// The keys of the open objects, to find a key written twice.
    @exclusivity(unchecked) var keys: [String] = []
    /// Where the elements of the innermost open array start, while it may still be written on one line.
    @exclusivity(unchecked) var offsets: [Int] = []

    init(pretty: Bool) {
        self.pretty = pretty
        bytes.reserveCapacity(4096)
    }

    /// The JSON text of `value`, or nil when it must be encoded with the tree; pretty text ends with a newline.
    static func text(of value: some Encodable, pretty: Bool) throws -> String? {
        let writer = StreamingJSONWriter(pretty: pretty)
        try writer.encodeValue(value, depth: 0)
        guard !writer.failed, writer.pending == 0 else { return nil }
        while !writer.frames.isEmpty { writer.close() }
        if pretty { writer.bytes.append(0x0A) }
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    func fail() { failed = true }

    func newSlot() -> Int {
        defer { nextSlot += 1 }
        return nextSlot
    }

    /// Makes the container at `depth` filling `slot` the innermost one, closing those inside it; false if it is gone.
    func enter(depth: Int, slot: Int) -> Bool {
        guard !failed, pending == 0, depth < frames.count, frames[depth].slot == slot else {
            failed = true
            return false
        }
        while frames.count > depth + 1 { close() }
        return true
    }

    /// Opens a container for the encoder filling `slot` at `depth`, or continues the one it opened; false if neither.
    func open(depth: Int, slot: Int, isArray: Bool) -> Bool {
        if failed { return false }
        if pending == slot, frames.count == depth {
            pending = 0
            if !frames.isEmpty { frames[frames.count - 1].scalar = false }
            bytes.append(isArray ? 0x5B : 0x7B)
            frames.append(Frame(slot: slot, isArray: isArray, keyBase: keys.count))
            if isArray, pretty { offsets.removeAll(keepingCapacity: true) }
            return true
        }
        if depth < frames.count, frames[depth].isArray == isArray { return enter(depth: depth, slot: slot) }
        failed = true
        return false
    }

    func close() {
        let frame = frames.removeLast()
        let depth = frames.count
        if frame.isArray {
            if frame.count > 0, pretty {
                if frame.scalar, frame.count <= 8, inline(count: frame.count, depth: depth) {
                    bytes.append(0x5D)
                    return
                }
                newline(depth)
            }
            bytes.append(0x5D)
        } else {
            keys.removeSubrange(frame.keyBase...)
            if frame.count > 0, pretty { newline(depth) }
            bytes.append(0x7D)
        }
    }

    /// Rewrites the elements of the array being closed on one line if they are short enough; true if it did.
    private func inline(count: Int, depth: Int) -> Bool {
        let separator = 2 + 2 * (depth + 1)
        var total = 0
        for index in 0..<count {
            let end = index + 1 < count ? offsets[index + 1] - separator : bytes.count
            total += end - offsets[index] + 2
        }
        guard total <= 72 else { return false }
        var line: [UInt8] = []
        line.reserveCapacity(total)
        for index in 0..<count {
            if index > 0 { line.append(contentsOf: [0x2C, 0x20]) }
            let end = index + 1 < count ? offsets[index + 1] - separator : bytes.count
            line.append(contentsOf: bytes[offsets[index]..<end])
        }
        bytes.removeSubrange((offsets[0] - separator + 1)...)
        bytes.append(contentsOf: line)
        return true
    }

    func newline(_ indent: Int) {
        bytes.append(0x0A)
        for _ in 0..<indent { bytes.append(contentsOf: [0x20, 0x20]) }
    }

    /// Starts the member `key` of the object at `depth`; false if that cannot be streamed.
    func member(_ key: String, depth: Int, slot: Int) -> Bool {
        guard enter(depth: depth, slot: slot) else { return false }
        let base = frames[depth].keyBase
        for index in base..<keys.count where keys[index] == key {
            failed = true
            return false
        }
        keys.append(key)
        if frames[depth].count > 0 { bytes.append(0x2C) }
        frames[depth].count += 1
        if pretty { newline(depth + 1) }
        writeString(key)
        if pretty { bytes.append(contentsOf: [0x3A, 0x20]) } else { bytes.append(0x3A) }
        return true
    }

    /// Starts the next element of the array at `depth`; false if that cannot be streamed.
    func element(depth: Int, slot: Int) -> Bool {
        guard enter(depth: depth, slot: slot) else { return false }
        let count = frames[depth].count
        if count > 0 { bytes.append(0x2C) }
        frames[depth].count += 1
        if pretty {
            newline(depth + 1)
            if frames[depth].scalar, count < 9 { offsets.append(bytes.count) }
        }
        return true
    }

    /// Writes `value` where the container at `depth - 1` (or the start) expects it, as `OrderedJSONEncoder` would.
    func encodeValue(_ value: some Encodable, depth: Int) throws {
        switch value {
        case let string as String: writeString(string)
        case let int as Int: writeInt(int)
        case let bool as Bool: writeBool(bool)
        case let double as Double: writeDouble(double)
        case let float as Float: writeDouble(Double(float))
        case let integer as any BinaryInteger:
            guard let exact = Int(exactly: integer) else { return fail() }
            writeInt(exact)
        default:
            let slot = newSlot()
            pending = slot
            try value.encode(to: StreamingEncoder(writer: self, depth: depth, slot: slot))
            if failed { return }
            if pending == slot {
                pending = 0
                bytes.append(contentsOf: "null".utf8)
            } else if pending != 0 {
                return fail()
            }
            while frames.count > depth { close() }
        }
    }

    func writeNull() { bytes.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C]) }

    func writeBool(_ value: Bool) {
        if value {
            bytes.append(contentsOf: [0x74, 0x72, 0x75, 0x65])
        } else {
            bytes.append(contentsOf: [0x66, 0x61, 0x6C, 0x73, 0x65])
        }
    }

    func writeInt(_ value: Int) { bytes.append(contentsOf: String(value).utf8) }

    func writeDouble(_ value: Double) {
        if value.isFinite { bytes.append(contentsOf: value.description.utf8) } else { writeNull() }
    }

    /// Writes `string` as `JSONValue.writeString` does.
    func writeString(_ string: String) {
        let plain = string.utf8.withContiguousStorageIfAvailable { utf8 in
            guard !JSONValue.needsEscape(utf8) else { return false }
            bytes.append(0x22)
            bytes.append(contentsOf: utf8)
            bytes.append(0x22)
            return true
        }
        if plain == true { return }
        var text = ""
        JSONValue.writeString(string, to: &text)
        bytes.append(contentsOf: text.utf8)
    }
}

extension StreamingJSONWriter {
    /// The encoder for a container nested at `depth` once its member or element has `started`.
    fileprivate func nested(_ started: Bool, depth: Int) -> StreamingEncoder {
        guard started else { return StreamingEncoder(writer: self, depth: depth, slot: 0) }
        let slot = newSlot()
        pending = slot
        return StreamingEncoder(writer: self, depth: depth, slot: slot)
    }

    /// An encoder that writes nothing: `superEncoder` shares its storage in the tree, which a stream cannot.
    fileprivate func detached(depth: Int) -> StreamingEncoder {
        fail()
        return StreamingEncoder(writer: self, depth: depth, slot: 0)
    }
}

/// A part of the streaming encoder: the stream keeps no coding path, so reading one sends the value to the tree
/// encoder.
private protocol StreamingPart {
    var writer: StreamingJSONWriter { get }
}

extension StreamingPart {
    var codingPath: [any CodingKey] {
        writer.fail()
        return []
    }
}

/// The encoder a value gets to fill one slot.
private struct StreamingEncoder: Encoder, StreamingPart {
    let writer: StreamingJSONWriter
    let depth: Int
    let slot: Int

    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        _ = writer.open(depth: depth, slot: slot, isArray: false)
        return KeyedEncodingContainer(StreamingKeyedContainer<Key>(writer: writer, depth: depth, slot: slot))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        _ = writer.open(depth: depth, slot: slot, isArray: true)
        return StreamingUnkeyedContainer(writer: writer, depth: depth, slot: slot)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        StreamingSingleContainer(writer: writer, depth: depth, slot: slot)
    }
}

private struct StreamingKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol, StreamingPart {
    let writer: StreamingJSONWriter
    let depth: Int
    let slot: Int

    private func member(_ key: Key) -> Bool { writer.member(key.stringValue, depth: depth, slot: slot) }

    mutating func encodeNil(forKey key: Key) throws { if member(key) { writer.writeNull() } }
    mutating func encode(_ value: String, forKey key: Key) throws { if member(key) { writer.writeString(value) } }
    mutating func encode(_ value: Int, forKey key: Key) throws { if member(key) { writer.writeInt(value) } }
    mutating func encode(_ value: Bool, forKey key: Key) throws { if member(key) { writer.writeBool(value) } }
    mutating func encode(_ value: Double, forKey key: Key) throws { if member(key) { writer.writeDouble(value) } }

    mutating func encode(_ value: some Encodable, forKey key: Key) throws {
        if member(key) { try writer.encodeValue(value, depth: depth + 1) }
    }

    mutating func encodeIfPresent(_ value: (some Encodable)?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type,
        forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        writer.nested(member(key), depth: depth + 1).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        writer.nested(member(key), depth: depth + 1).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        writer.detached(depth: depth)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        writer.detached(depth: depth)
    }
}

private struct StreamingUnkeyedContainer: UnkeyedEncodingContainer, StreamingPart {
    let writer: StreamingJSONWriter
    let depth: Int
    let slot: Int

    var count: Int {
        guard !writer.failed, depth < writer.frames.count, writer.frames[depth].slot == slot else {
            writer.fail()
            return 0
        }
        return writer.frames[depth].count
    }

    private func element() -> Bool { writer.element(depth: depth, slot: slot) }

    mutating func encodeNil() throws { if element() { writer.writeNull() } }
    mutating func encode(_ value: String) throws { if element() { writer.writeString(value) } }
    mutating func encode(_ value: Int) throws { if element() { writer.writeInt(value) } }
    mutating func encode(_ value: Bool) throws { if element() { writer.writeBool(value) } }
    mutating func encode(_ value: Double) throws { if element() { writer.writeDouble(value) } }

    mutating func encode(_ value: some Encodable) throws {
        if element() { try writer.encodeValue(value, depth: depth + 1) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<
        NestedKey
    > {
        writer.nested(element(), depth: depth + 1).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        writer.nested(element(), depth: depth + 1).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        writer.detached(depth: depth)
    }
}

private struct StreamingSingleContainer: SingleValueEncodingContainer, StreamingPart {
    let writer: StreamingJSONWriter
    let depth: Int
    let slot: Int

    /// Claims the slot for one value; false if it is already filled.
    private func claim() -> Bool {
        guard !writer.failed, writer.pending == slot else {
            writer.fail()
            return false
        }
        writer.pending = 0
        return true
    }

    mutating func encodeNil() throws { if claim() { writer.writeNull() } }
    mutating func encode(_ value: String) throws { if claim() { writer.writeString(value) } }
    mutating func encode(_ value: Int) throws { if claim() { writer.writeInt(value) } }
    mutating func encode(_ value: Bool) throws { if claim() { writer.writeBool(value) } }
    mutating func encode(_ value: Double) throws { if claim() { writer.writeDouble(value) } }

    mutating func encode(_ value: some Encodable) throws {
        if claim() { try writer.encodeValue(value, depth: depth) }
    }
}
