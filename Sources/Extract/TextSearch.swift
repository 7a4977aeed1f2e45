/// Fast substring tests on UTF-8 bytes, for the first look extractors take at every line before the closer,
/// character-level reading that few lines need.
enum TextSearch {
    /// Whether `text` contains `needle`; with `ignoringCase`, ASCII letters match in either case (`needle` must then
    /// be lower case).
    static func contains(_ text: String, _ needle: String, ignoringCase: Bool = false) -> Bool {
        let pattern = Array(needle.utf8)
        guard let first = pattern.first else { return true }
        var found = false
        var text = text
        text.withUTF8 { bytes in
            guard bytes.count >= pattern.count else { return }
            var start = 0
            let last = bytes.count - pattern.count
            while start <= last {
                let byte = ignoringCase ? lowered(bytes[start]) : bytes[start]
                if byte == first {
                    var offset = 1
                    while offset < pattern.count {
                        let next = ignoringCase ? lowered(bytes[start + offset]) : bytes[start + offset]
                        if next != pattern[offset] { break }
                        offset += 1
                    }
                    if offset == pattern.count {
                        found = true
                        return
                    }
                }
                start += 1
            }
        }
        return found
    }

    /// Whether `text` contains any of `needles`.
    static func containsAny(_ text: String, _ needles: [String], ignoringCase: Bool = false) -> Bool {
        needles.contains { contains(text, $0, ignoringCase: ignoringCase) }
    }

    @inline(__always) private static func lowered(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }
}
