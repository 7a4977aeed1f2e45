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
        return text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                switch byte {
                case 0x09, 0x0A: break
                case ..<0x20, 0x7F: return true
                case 0xC2 where index + 1 < bytes.count && (0x80...0x9F).contains(bytes[index + 1]): return true
                case 0xE2 where index + 2 < bytes.count:
                    let (second, third) = (bytes[index + 1], bytes[index + 2])
                    if second == 0x80 && (0xAA...0xAE).contains(third) { return true }
                    if second == 0x81 && (0xA6...0xA9).contains(third) { return true }
                default: break
                }
                index += 1
            }
            return false
        }
    }
}
