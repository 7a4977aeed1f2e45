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
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop { $0 == " " }
            let indent = line.count - trimmed.count
            if trimmed.isEmpty {
                continue
            }
            if indent < 4, let first = trimmed.first, first == "#" {
                let hashes = trimmed.prefix { $0 == "#" }.count
                if hashes <= 6, trimmed.dropFirst(hashes).first == " " { markdown += 1 }
            } else if indent < 4, trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") || trimmed.hasPrefix("> ") {
                markdown += 1
            } else if TextProfileParser.isCapitalHeading(trimmed) {
                plain += 1
            } else if indent >= 4, !TextProfileParser.startsListItem(trimmed) {
                plain += 1
            }
            if trimmed.contains("**") || trimmed.contains("](") || trimmed.contains("|---") || trimmed.contains("| ---")
                || trimmed.contains("|:--")
            {
                markdown += 1
            }
        }
        return markdown >= 2 || markdown == 1 && plain == 0 ? .markdown : .text
    }

    static func isUnderline(_ trimmed: Substring) -> Bool {
        let body = trimmed.reversed().drop { $0 == " " }
        guard body.count >= 3, let first = body.first, first == "=" || first == "-" else { return false }
        return body.allSatisfy { $0 == first }
    }
}
