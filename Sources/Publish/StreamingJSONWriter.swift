/// Writes the compact JSON text of a value while it encodes itself, into one growing byte buffer, with no tree in
/// between; the pretty text is laid out from it by ``PrettyJSON``.
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
        /// Where this object's keys start in `keys`.
        var keyBase = 0
    }

    @exclusivity(unchecked) var bytes: [UInt8] = []
    @exclusivity(unchecked) var frames: [Frame] = []
    /// The slot waiting for a value, 0 when none: a value that writes nothing becomes `null`.
    @exclusivity(unchecked) var pending = 0
    @exclusivity(unchecked) var nextSlot = 1
    @exclusivity(unchecked) var failed = false
    /// The keys of the open objects, to find a key written twice.
    @exclusivity(unchecked) var keys: [String] = []

    init() {
        bytes.reserveCapacity(4096)
    }

    /// The JSON text of `value`, or nil when it must be encoded with the tree; pretty text ends with a newline.
    static func text(of value: some Encodable, pretty: Bool) throws -> String? {
        let writer = StreamingJSONWriter()
        try writer.encodeValue(value, depth: 0)
        guard !writer.failed, writer.pending == 0 else { return nil }
        while !writer.frames.isEmpty { writer.close() }
        return OrderedJSONEncoder.text(compact: writer.bytes, pretty: pretty)
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
            bytes.append(isArray ? 0x5B : 0x7B)
            frames.append(Frame(slot: slot, isArray: isArray, keyBase: keys.count))
            return true
        }
        if depth < frames.count, frames[depth].isArray == isArray { return enter(depth: depth, slot: slot) }
        failed = true
        return false
    }

    func close() {
        let frame = frames.removeLast()
        if frame.isArray {
            bytes.append(0x5D)
        } else {
            keys.removeSubrange(frame.keyBase...)
            bytes.append(0x7D)
        }
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
        writeString(key)
        bytes.append(0x3A)
        return true
    }

    /// Starts the next element of the array at `depth`; false if that cannot be streamed.
    func element(depth: Int, slot: Int) -> Bool {
        guard enter(depth: depth, slot: slot) else { return false }
        if frames[depth].count > 0 { bytes.append(0x2C) }
        frames[depth].count += 1
        return true
    }

    /// Writes `value` where the container at `depth - 1` (or the start) expects it, as `OrderedJSONEncoder` would.
    func encodeValue<T: Encodable>(_ value: T, depth: Int) throws {
        // The types records are made of, by a comparison of metadata: the casts below are calls into the runtime,
        // and a failed one (every struct and array) tries each case and a conformance lookup.
        if let string = exactly(value, String.self) { return writeString(string) }
        if let string = exactly(value, String?.self) {
            if let string { writeString(string) } else { writeNull() }
            return
        }
        if let int = exactly(value, Int.self) { return writeInt(int) }
        if let int = exactly(value, Int?.self) {
            if let int { writeInt(int) } else { writeNull() }
            return
        }
        if let strings = exactly(value, [String].self) { return writeStrings(strings, depth: depth) }
        if let bool = exactly(value, Bool.self) { return writeBool(bool) }
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

    /// Writes an array of strings as the unkeyed container of `Array.encode(to:)` would.
    private func writeStrings(_ strings: [String], depth: Int) {
        pending = newSlot()
        guard open(depth: depth, slot: pending, isArray: true) else { return }
        let slot = frames[depth].slot
        for string in strings where element(depth: depth, slot: slot) { writeString(string) }
        if failed { return }
        while frames.count > depth { close() }
    }

    func writeNull() { bytes.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C]) }

    func writeBool(_ value: Bool) {
        if value {
            bytes.append(contentsOf: [0x74, 0x72, 0x75, 0x65])
        } else {
            bytes.append(contentsOf: [0x66, 0x61, 0x6C, 0x73, 0x65])
        }
    }

    func writeInt(_ value: Int) { JSONValue.writeInt(value, to: &bytes) }

    func writeDouble(_ value: Double) {
        if value.isFinite { bytes.append(contentsOf: value.description.utf8) } else { writeNull() }
    }

    func writeString(_ string: String) { JSONValue.writeString(string, to: &bytes) }
}

/// `value` as `U` when `T` is exactly `U`: a comparison of metadata and a copy, no cast through the runtime.
@inline(__always) func exactly<T, U>(_ value: T, _: U.Type) -> U? {
    T.self == U.self ? unsafeBitCast(value, to: U.self) : nil
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
