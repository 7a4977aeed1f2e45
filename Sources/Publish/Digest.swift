import Crypto

/// A SHA-256 digest held in 32 bytes, with no allocation: a build keeps one or two for every note of the archive.
///
/// It reads and writes as 64 lower-case hex digits, the text the cache's file names and the manifest use.
struct Digest: Hashable, Sendable, Codable, CustomStringConvertible {
    private var words: (UInt64, UInt64, UInt64, UInt64)

    /// The digest of `text`'s UTF-8 bytes.
    init(of text: String) {
        self.init(joining: CollectionOfOne(text))
    }

    /// The digest whose 32 bytes `bytes` are, in order.
    private init(bytes: some Sequence<UInt8>) {
        var words: [UInt64] = []
        var word: UInt64 = 0
        for (index, byte) in bytes.enumerated() {
            word = word << 8 | UInt64(byte)
            if index % 8 == 7 {
                words.append(word)
                word = 0
            }
        }
        precondition(words.count == 4, "a SHA-256 digest has 32 bytes")
        self.words = (words[0], words[1], words[2], words[3])
    }

    /// The digest of `parts` joined by NUL bytes, hashed a part at a time: the joined text is never made.
    init(joining parts: some Sequence<String>) {
        var hasher = SHA256()
        for (index, part) in parts.enumerated() {
            if index > 0 { hasher.update(data: [0]) }
            var part = part
            part.withUTF8 { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }
        }
        self.init(bytes: hasher.finalize())
    }

    /// The digest `hex` spells in 64 hex digits, or `nil` when it does not.
    init?(hex: String) {
        self.init(hexDigits: hex.utf8)
    }

    /// The digest the bytes `hex` spell in 64 lower-case hex digits, or `nil` when they do not.
    init?(hexDigits hex: some Sequence<UInt8>) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32)
        var high: UInt8?
        for character in hex {
            guard let value = Self.value(ofHexDigit: character) else { return nil }
            if let first = high {
                bytes.append(first << 4 | value)
                high = nil
            } else {
                high = value
            }
        }
        guard bytes.count == 32, high == nil else { return nil }
        self.init(bytes: bytes)
    }

    /// 64 lower-case hex digits.
    var description: String {
        let digits = Array("0123456789abcdef".utf8)
        return String(unsafeUninitializedCapacity: 64) { buffer in
            for (index, word) in [words.0, words.1, words.2, words.3].enumerated() {
                for nibble in 0..<16 {
                    buffer[index * 16 + nibble] = digits[Int(word >> UInt64(60 - 4 * nibble) & 0xF)]
                }
            }
            return 64
        }
    }

    static func == (left: Digest, right: Digest) -> Bool {
        left.words == right.words
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(words.0)
        hasher.combine(words.1)
        hasher.combine(words.2)
        hasher.combine(words.3)
    }

    init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let digest = Digest(hex: text) else {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(codingPath: decoder.codingPath, debugDescription: "not a SHA-256 digest: \(text)")
            )
        }
        self = digest
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    private static func value(ofHexDigit byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        default: nil
        }
    }
}
