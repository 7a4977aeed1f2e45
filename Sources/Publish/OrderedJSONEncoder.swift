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
        let text = try self.value(of: value).serialized(pretty: pretty)
        return pretty ? text + "\n" : text
    }
}

/// Mutable storage for a value being encoded; containers write into it.
private final class Box {
    enum Content {
        case empty
        case single(JSONValue)
        case array([Box])
        case object([(String, Box)])
    }

    var content: Content = .empty

    var value: JSONValue {
        switch content {
        case .empty: .null
        case .single(let value): value
        case .array(let boxes): .array(boxes.map(\.value))
        case .object(let pairs): .object(pairs.map { (key: $0.0, value: $0.1.value) })
        }
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
        if case .object = storage.content {} else { storage.content = .object([]) }
        return KeyedEncodingContainer(KeyedContainer<Key>(codingPath: codingPath, storage: storage))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .array = storage.content {} else { storage.content = .array([]) }
        return UnkeyedContainer(codingPath: codingPath, storage: storage)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleContainer(codingPath: codingPath, storage: storage)
    }
}

private func encodeValue(_ value: some Encodable, into box: Box, codingPath: [any CodingKey]) throws {
    switch value {
    case let string as String: box.content = .single(.string(string))
    case let int as Int: box.content = .single(.int(int))
    case let bool as Bool: box.content = .single(.bool(bool))
    case let double as Double: box.content = .single(.double(double))
    default: try value.encode(to: TreeEncoder(codingPath: codingPath, storage: box))
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    var codingPath: [any CodingKey]
    let storage: Box

    private func child(_ key: Key) -> Box {
        let box = Box()
        if case .object(var pairs) = storage.content {
            pairs.removeAll { $0.0 == key.stringValue }
            pairs.append((key.stringValue, box))
            storage.content = .object(pairs)
        }
        return box
    }

    mutating func encodeNil(forKey key: Key) throws { child(key).content = .single(.null) }

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

    var count: Int {
        if case .array(let boxes) = storage.content { return boxes.count }
        return 0
    }

    private func next() -> Box {
        let box = Box()
        if case .array(var boxes) = storage.content {
            boxes.append(box)
            storage.content = .array(boxes)
        }
        return box
    }

    mutating func encodeNil() throws { next().content = .single(.null) }

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

    mutating func encodeNil() throws { storage.content = .single(.null) }

    mutating func encode(_ value: some Encodable) throws {
        try encodeValue(value, into: storage, codingPath: codingPath)
    }
}
