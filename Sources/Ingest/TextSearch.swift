/// Fast substring tests on UTF-8 bytes, for the first look ingest and the extractors take at every line before the
/// closer, character-level reading that few lines need.
public enum TextSearch {
    /// Whether `text` contains `needle`; with `ignoringCase`, ASCII letters match in either case (`needle` must then
    /// be lower case).
    public static func contains(_ text: String, _ needle: String, ignoringCase: Bool = false) -> Bool {
        var text = text
        return text.withUTF8 { contains($0, needle, ignoringCase: ignoringCase) }
    }

    /// Whether `bytes` contain the UTF-8 bytes of `needle`, ASCII case-insensitively with `ignoringCase`.
    public static func contains(_ bytes: UnsafeBufferPointer<UInt8>, _ needle: String, ignoringCase: Bool = false)
        -> Bool
    {
        let pattern = Array(needle.utf8)
        guard let first = pattern.first else { return true }
        guard bytes.count >= pattern.count else { return false }
        for start in 0...(bytes.count - pattern.count) {
            guard (ignoringCase ? lowered(bytes[start]) : bytes[start]) == first else { continue }
            var offset = 1
            while offset < pattern.count {
                let byte = bytes[start + offset]
                if (ignoringCase ? lowered(byte) : byte) != pattern[offset] { break }
                offset += 1
            }
            if offset == pattern.count { return true }
        }
        return false
    }

    /// Whether `text` starts with `prefix`, ASCII letters in either case (`prefix` must be lower case).
    public static func hasPrefix(_ text: String, ignoringCase prefix: String) -> Bool {
        var index = text.utf8.startIndex
        for byte in prefix.utf8 {
            guard index < text.utf8.endIndex, lowered(text.utf8[index]) == byte else { return false }
            index = text.utf8.index(after: index)
        }
        return true
    }

    /// Whether `text` contains any of `needles`.
    public static func containsAny(_ text: String, _ needles: [String], ignoringCase: Bool = false) -> Bool {
        needles.contains { contains(text, $0, ignoringCase: ignoringCase) }
    }

    /// A set of lower-case words looked for together in one pass over a text's bytes, ASCII case-insensitively: the
    /// first look an extractor takes at every block before its closer reading.
    public struct Vocabulary: Sendable {
        /// For each lower-cased first byte, the words (as bytes, without that byte) that start with it.
        private let tails: [[[UInt8]]]

        /// Creates a vocabulary of `words`, which must be lower case.
        public init(_ words: [String]) {
            var tails = [[[UInt8]]](repeating: [], count: 256)
            for word in words {
                let bytes = Array(word.utf8)
                guard let first = bytes.first else { continue }
                tails[Int(first)].append(Array(bytes.dropFirst()))
            }
            self.tails = tails
        }

        /// Whether any word occurs in `text`.
        public func occurs(in text: String) -> Bool {
            var text = text
            return text.withUTF8 { occurs(in: $0) }
        }

        /// Whether any word occurs in `bytes`.
        public func occurs(in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            for start in bytes.indices {
                let candidates = tails[Int(lowered(bytes[start]))]
                guard !candidates.isEmpty else { continue }
                for tail in candidates where start + tail.count < bytes.count {
                    var offset = 0
                    while offset < tail.count, lowered(bytes[start + 1 + offset]) == tail[offset] { offset += 1 }
                    if offset == tail.count { return true }
                }
            }
            return false
        }
    }

    @inline(__always) private static func lowered(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }
}
