/// Characters that can disguise or take over how text is shown (in a page, a spreadsheet or a terminal): control
/// characters other than tab and line feed, and bidirectional overrides and isolates.
public enum DisplaySafety {
    /// Whether `scalar` is a control character (but tab and line feed) or a bidirectional override or isolate.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x20 { return value != 0x09 && value != 0x0A }
        return value == 0x7F || (0x80...0x9F).contains(value) || (0x202A...0x202E).contains(value)
            || (0x2066...0x2069).contains(value)
    }

    /// `text` with every unsafe scalar replaced by `�`, so it is seen instead of acted on.
    public static func neutralise(_ text: String) -> String {
        guard containsUnsafe(text) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if isUnsafe(scalar) { out += "\u{FFFD}" } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }

    /// Whether `text` holds an unsafe scalar, read on its UTF-8 bytes: each unsafe scalar has a byte form of its own
    /// (`00`–`1F` but tab and line feed, `7F`, `C2 80`–`C2 9F`, `E2 80 AA`–`E2 80 AE`, `E2 81 A6`–`E2 81 A9`).
    static func containsUnsafe(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { containsUnsafe($0) }
    }

    /// ``containsUnsafe(_:)`` of UTF-8 `bytes`, passing eight bytes at a time those with no control character, no DEL
    /// and no `C2` or `E2` lead byte.
    static func containsUnsafe(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        var index = 0
        while index < bytes.count {
            if index + 8 <= bytes.count {
                let word = ASCIIWord.load(base, at: index)
                if !ASCIIWord.hasBelow(word, 0x20), !ASCIIWord.has(word, 0x7F),
                    word & ASCIIWord.high == 0 || !ASCIIWord.has(word, 0xC2) && !ASCIIWord.has(word, 0xE2)
                {
                    index += 8
                    continue
                }
            }
            let stop = min(index + 8, bytes.count)
            while index < stop {
                if isUnsafe(bytes, at: index) { return true }
                index += 1
            }
        }
        return false
    }

    /// Whether an unsafe scalar starts at `index` of `bytes`.
    @inline(__always) private static func isUnsafe(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        switch bytes[index] {
        case 0x09, 0x0A: return false
        case ..<0x20, 0x7F: return true
        case 0xC2: return index + 1 < bytes.count && (0x80...0x9F).contains(bytes[index + 1])
        case 0xE2 where index + 2 < bytes.count:
            let (second, third) = (bytes[index + 1], bytes[index + 2])
            return second == 0x80 && (0xAA...0xAE).contains(third) || second == 0x81 && (0xA6...0xA9).contains(third)
        default: return false
        }
    }
}
