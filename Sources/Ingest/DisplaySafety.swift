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
        guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if isUnsafe(scalar) { out += "\u{FFFD}" } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }
}
