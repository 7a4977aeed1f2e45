/// How a note is written: Markdown, or plain text read with the text profile.
public enum NoteFormat: String, Hashable, Sendable, Codable, CaseIterable {
    /// CommonMark, parsed by cmark.
    case markdown
    /// Plain text, read by ``TextProfileParser``.
    case text

    /// Guesses the format from the content, never from the file name: the seed note is Markdown in a `.txt` file,
    /// and some `.md` files are plain text.
    ///
    /// Markdown shows itself by ATX headings, fences, `**strong**`, links, block quotes and table rules; plain text
    /// by ALL-CAPS headings and indented prose. Underlined headings belong to both. A note with two Markdown signs, or one and no
    /// sign of plain text, is Markdown.
    public static func detect(_ text: String) -> NoteFormat {
        var markdown = 0
        var plain = 0
        var previousLength = 0
        var text = text
        let markdownSigns = markdownSigns
        return text.withUTF8 { bytes -> NoteFormat in
            var start = 0
            while start < bytes.count {
                let end = TextLines.lineFeed(in: bytes, from: start) ?? bytes.count
                let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
                start = end + 1
                var indent = 0
                while indent < line.count, line[indent] == 0x20 { indent += 1 }
                // `~~~~` right under a line of text underlines it (plain text), rather than opening a code fence.
                let underlinesPrevious = previousLength > 0 && line.allSatisfy { $0 == UInt8(ascii: "~") || $0 == 0x20 }
                previousLength = indent < line.count ? line.count : 0
                guard indent < line.count else { continue }
                let trimmed = UnsafeBufferPointer(rebasing: line[indent...])
                if indent < 4, trimmed[0] == UInt8(ascii: "#") {
                    var hashes = 0
                    while hashes < trimmed.count, trimmed[hashes] == UInt8(ascii: "#") { hashes += 1 }
                    if hashes <= 6, hashes < trimmed.count, trimmed[hashes] == 0x20 { markdown += 1 }
                } else if indent < 4, opensFenceOrQuote(trimmed, underlinesPrevious: underlinesPrevious) {
                    markdown += 1
                } else if trimmed.count <= 320, isCapitalHeading(trimmed) {
                    plain += 1
                } else if indent >= 4, !startsListItem(trimmed) {
                    plain += 1
                }
                if mayHoldSign(trimmed), markdownSigns.occurs(in: trimmed) { markdown += 1 }
                // Two signs of Markdown settle it; plain-text signs cannot outweigh them.
                if markdown >= 2 { return .markdown }
            }
            return markdown == 1 && plain == 0 ? .markdown : .text
        }
    }

    /// Signs of Markdown anywhere in a line: strong emphasis, links and table rules.
    private static let markdownSigns = TextSearch.Vocabulary(["**", "](", "|---", "| ---", "|:--"])

    /// Whether `line` holds a `*`, `]` or `|`, as each of ``markdownSigns`` does; eight bytes at a time.
    static func mayHoldSign(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = line.baseAddress else { return false }
        var index = 0
        while index + 8 <= line.count {
            let word = ASCIIWord.load(base, at: index)
            if ASCIIWord.has(word, UInt8(ascii: "*")) || ASCIIWord.has(word, UInt8(ascii: "]"))
                || ASCIIWord.has(word, UInt8(ascii: "|"))
            {
                return true
            }
            index += 8
        }
        while index < line.count {
            let byte = line[index]
            if byte == UInt8(ascii: "*") || byte == UInt8(ascii: "]") || byte == UInt8(ascii: "|") { return true }
            index += 1
        }
        return false
    }

    /// ``TextProfileParser/isCapitalHeading(_:)`` of a line's bytes: on the bytes when they are plain ASCII, and
    /// otherwise on its characters unless the bytes show a lower-case letter (made a string only then).
    private static func isCapitalHeading(_ trimmed: UnsafeBufferPointer<UInt8>) -> Bool {
        // (A prose line shows its lower-case letter in its first bytes: no need to scan all of it for ASCII first.)
        if TextLines.hasLoneLowercase(trimmed) { return false }
        if TextSearch.isPlainASCII(trimmed) { return TextProfileParser.isCapitalHeading(trimmed[...]) }
        return TextProfileParser.readsAsCapitalHeading(Substring(decoding(trimmed)))
    }

    /// ``TextProfileParser/startsListItem(_:)`` of a line's bytes: on the bytes when they are plain ASCII.
    private static func startsListItem(_ trimmed: UnsafeBufferPointer<UInt8>) -> Bool {
        TextSearch.isPlainASCII(trimmed)
            ? TextProfileParser.startsListItem(trimmed[...])
            : TextProfileParser.startsListItem(Substring(decoding(trimmed.prefix(12))))
    }

    private static func decoding(_ bytes: some Collection<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    /// Whether `trimmed` starts with ```` ``` ````, with `~~~` that does not underline the line above, or with `> `.
    private static func opensFenceOrQuote(_ trimmed: UnsafeBufferPointer<UInt8>, underlinesPrevious: Bool) -> Bool {
        guard trimmed.count >= 2 else { return false }
        let first = trimmed[0]
        switch first {
        case UInt8(ascii: "`"), UInt8(ascii: "~"):
            return trimmed.count >= 3 && trimmed[1] == first && trimmed[2] == first
                && (first == UInt8(ascii: "`") || !underlinesPrevious)
        case UInt8(ascii: ">"):
            return trimmed[1] == 0x20
        default:
            return false
        }
    }

    /// The character of `trimmed` (a line without its indentation) when it underlines the line above: three or
    /// more of one of `=`, `-` and `~`, then only spaces.
    static func underline<Line: TextLine>(_ trimmed: Line) -> UInt8? {
        // Each character of an underline is one ASCII byte (and no CR): a line with another character is none, and
        // its characters need not be read backwards to say so.
        guard trimmed.isPlainASCII else { return nil }
        let body = trimmed.reversed().drop { $0.matches(" ") }
        guard body.count >= 3, let first = body.first, first.matches("=") || first.matches("-") || first.matches("~")
        else {
            return nil
        }
        return body.allSatisfy { $0 == first } ? first.asciiValue : nil
    }
}
