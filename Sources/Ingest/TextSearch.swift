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

    /// Whether `text` contains any of `needles`.
    public static func containsAny(_ text: String, _ needles: [String], ignoringCase: Bool = false) -> Bool {
        needles.contains { contains(text, $0, ignoringCase: ignoringCase) }
    }

    @inline(__always) private static func lowered(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }
}
