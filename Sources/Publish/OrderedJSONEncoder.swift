/// Encodes `Encodable` values to JSON with keys in the order the value encodes them.
///
/// Foundation's `JSONEncoder` orders keys either alphabetically or not at all; records here encode their keys in
/// declaration order (`id` first), and this encoder keeps that order, so output is byte-stable and reads well.
public struct OrderedJSONEncoder: Sendable {
    /// Whether to write one member a line, indented, or everything on one line.
    public var pretty: Bool

    /// Creates an encoder.
    public init(pretty: Bool = true) {
        self.pretty = pretty
    }

    /// The JSON value of `value`.
    public func value(of value: some Encodable) throws -> JSONValue {
        let encoder = TreeEncoder(codingPath: [])
        try value.encode(to: encoder)
        return encoder.storage.value
    }

    /// The JSON text of `value`; pretty output ends with a newline.
    public func encode(_ value: some Encodable) throws -> String {
        // Records are written field by field; other values straight to text as they encode themselves; what
        // streaming cannot honour goes through the tree.
        if let compact = RecordJSON.compact(value) { return Self.text(compact: compact, pretty: pretty) }
        if let text = try? StreamingJSONWriter.text(of: value, pretty: pretty) { return text }
        let text = try self.value(of: value).serialized(pretty: pretty)
        return pretty ? text + "\n" : text
    }

    /// Calls `body` with the UTF-8 bytes of what ``encode(_:)`` gives for `value`: a record's in place, without
    /// making a `String` of them.
    public func withEncoded<Result>(
        _ value: some Encodable,
        _ body: (UnsafeBufferPointer<UInt8>) throws -> Result
    ) throws -> Result {
        let pretty = pretty
        let result = try RecordJSON.withCompact(value) { compact in
            guard pretty else { return try body(compact) }
            var bytes = PrettyJSON.format(compact)
            bytes.append(0x0A)
            return try bytes.withUnsafeBufferPointer(body)
        }
        if let result { return result }
        var text = try encode(value)
        return try text.withUTF8(body)
    }

    /// The text of compact JSON, laid out pretty (ending with a newline) or left as it is.
    static func text(compact: [UInt8], pretty: Bool) -> String {
        guard pretty else { return String(decoding: compact, as: UTF8.self) }
        var bytes = PrettyJSON.format(compact)
        bytes.append(0x0A)
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// Mutable storage for a value being encoded; containers write into it in place (appending to an array or object
/// never copies what is already there, so encoding stays linear in the output).
private final class Box {
    enum Kind {
        case empty, single, array, object
    }

    var kind = Kind.empty
    var single = JSONValue.null
    var elements: [Box] = []
    var members: [(key: String, box: Box)] = []

    var value: JSONValue {
        switch kind {
        case .empty: .null
        case .single: single
        case .array: .array(elements.map(\.value))
        case .object: .object(members.map { (key: $0.key, value: $0.box.value) })
        }
    }

    func set(_ value: JSONValue) {
        kind = .single
        single = value
    }
}

private struct TreeEncoder: Encoder {
    var codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    let storage: Box

    init(codingPath: [any CodingKey], storage: Box = Box()) {
        self.codingPath = codingPath
        self.storage = storage
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if storage.kind != .object {
            storage.kind = .object
            storage.members = []
        }
        return KeyedEncodingContainer(KeyedContainer<Key>(codingPath: codingPath, storage: storage))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if storage.kind != .array {
            storage.kind = .array
            storage.elements = []
        }
        return UnkeyedContainer(codingPath: codingPath, storage: storage)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleContainer(codingPath: codingPath, storage: storage)
    }
}

private func encodeValue(_ value: some Encodable, into box: Box, codingPath: [any CodingKey]) throws {
    switch value {
    case let string as String: box.set(.string(string))
    case let int as Int: box.set(.int(int))
    case let bool as Bool: box.set(.bool(bool))
    case let double as Double: box.set(.double(double))
    case let float as Float: box.set(.double(Double(float)))
    // Other integer types (`Int64`, `UInt8`…) encode themselves as themselves: without this case, forever.
    case let integer as any BinaryInteger:
        guard let exact = Int(exactly: integer) else {
            throw EncodingError.invalidValue(
                value,
                EncodingError.Context(codingPath: codingPath, debugDescription: "\(integer) does not fit in an Int")
            )
        }
        box.set(.int(exact))
    default: try value.encode(to: TreeEncoder(codingPath: codingPath, storage: box))
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    var codingPath: [any CodingKey]
    let storage: Box

    private func child(_ key: Key) -> Box {
        let box = Box()
        // A key written twice keeps its first place and its last value.
        if let existing = storage.members.firstIndex(where: { $0.key == key.stringValue }) {
            storage.members[existing].box = box
        } else {
            storage.members.append((key.stringValue, box))
        }
        return box
    }

    mutating func encodeNil(forKey key: Key) throws { child(key).set(.null) }

    mutating func encode(_ value: some Encodable, forKey key: Key) throws {
        try encodeValue(value, into: child(key), codingPath: codingPath + [key])
    }

    mutating func encodeIfPresent(_ value: (some Encodable)?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type,
        forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        TreeEncoder(codingPath: codingPath + [key], storage: child(key)).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        TreeEncoder(codingPath: codingPath + [key], storage: child(key)).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { TreeEncoder(codingPath: codingPath, storage: storage) }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        TreeEncoder(codingPath: codingPath + [key], storage: child(key))
    }
}

private struct IndexKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(_ index: Int) {
        stringValue = String(index)
        intValue = index
    }
    init?(stringValue: String) { nil }
    init?(intValue: Int) { self.init(intValue) }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    var codingPath: [any CodingKey]
    let storage: Box

    var count: Int { storage.elements.count }

    private func next() -> Box {
        let box = Box()
        storage.elements.append(box)
        return box
    }

    mutating func encodeNil() throws { next().set(.null) }

    mutating func encode(_ value: some Encodable) throws {
        try encodeValue(value, into: next(), codingPath: codingPath + [IndexKey(count)])
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<
        NestedKey
    > {
        TreeEncoder(codingPath: codingPath + [IndexKey(count)], storage: next()).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        TreeEncoder(codingPath: codingPath + [IndexKey(count)], storage: next()).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { TreeEncoder(codingPath: codingPath, storage: next()) }
}

private struct SingleContainer: SingleValueEncodingContainer {
    var codingPath: [any CodingKey]
    let storage: Box

    mutating func encodeNil() throws { storage.set(.null) }

    mutating func encode(_ value: some Encodable) throws {
        try encodeValue(value, into: storage, codingPath: codingPath)
    }
}
