/// The note itself as HTML for a meeting page: cmark's safe rendering for Markdown, a numbered `<pre>` for plain
/// text; every source line that starts a block gets an anchor (`id="L12"`), and blocks that hold a record are
/// marked (`class="record action"`) so the page highlights them in place.
enum NoteHTML {
    /// The kind of record a line starts, for highlighting.
    enum Mark: String {
        case action, decision, recommendation
    }

    static func render(_ document: NoteDocument, marks: [Int: Mark]) -> String {
        switch document.source.format {
        case .markdown: markdown(document.text, marks: marks)
        case .text: plainText(document.text, marks: marks)
        }
    }

    /// cmark's HTML with an anchor on the first block of each line and a class on blocks that start a record.
    ///
    /// One pass over the bytes: besides the anchors, links cmark's safe mode emptied (`javascript:`) become plain
    /// `<a>`, and headings go two levels down, since the note sits under the page's `<h2>`.
    private static func markdown(_ text: String, marks: [Int: Mark]) -> String {
        var html = MarkdownRenderer.html(text)
        return html.withUTF8 { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + bytes.count / 8)
            var anchored = Set<Int>()
            var index = 0
            func matches(_ literal: StaticString, at offset: Int) -> Bool {
                let count = literal.utf8CodeUnitCount
                guard offset + count <= bytes.count else { return false }
                for position in 0..<count where bytes[offset + position] != literal.utf8Start[position] {
                    return false
                }
                return true
            }
            func append(_ text: String) { out.append(contentsOf: text.utf8) }
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "<") {
                    // `<h1 ` … `<h6 ` and `</h1>` … `</h6>`: two levels down, at most h6.
                    let closing = index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "/")
                    let letter = index + (closing ? 2 : 1)
                    if letter + 2 < bytes.count, bytes[letter] == UInt8(ascii: "h"),
                        (UInt8(ascii: "1")...UInt8(ascii: "6")).contains(bytes[letter + 1]),
                        bytes[letter + 2] == (closing ? UInt8(ascii: ">") : UInt8(ascii: " "))
                    {
                        out.append(contentsOf: bytes[index...letter])
                        out.append(Swift.min(bytes[letter + 1] + 2, UInt8(ascii: "6")))
                        index = letter + 2
                        continue
                    }
                    if matches("<a href=\"\">", at: index) {
                        append("<a>")
                        index += "<a href=\"\">".utf8.count
                        continue
                    }
                } else if byte == UInt8(ascii: " "), matches(" data-sourcepos=\"", at: index) {
                    var digit = index + " data-sourcepos=\"".utf8.count
                    var line = 0
                    while digit < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[digit]),
                        line < 100_000_000
                    {
                        line = line * 10 + Int(bytes[digit] - UInt8(ascii: "0"))
                        digit += 1
                    }
                    if line > 0, anchored.insert(line).inserted {
                        append(" id=\"L\(line)\"")
                        if let mark = marks[line] { append(" class=\"record \(mark.rawValue)\"") }
                    }
                }
                out.append(byte)
                index += 1
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// Plain text as numbered lines, each an anchor.
    private static func plainText(_ text: String, marks: [Int: Mark]) -> String {
        var out = "<pre class=\"plain-note\">"
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = index + 1
            let mark = marks[number].map { " record \($0.rawValue)" } ?? ""
            out += "<span class=\"line\(mark)\" id=\"L\(number)\">\(HTML.escape(String(line)))</span>\n"
        }
        return out + "</pre>"
    }
}

/// Escaping for HTML text and attribute values, and for JSON inside `<script>`.
enum HTML {
    /// `text` with `& < > " '` escaped, and control and bidi-override characters made visible as `�`, so nothing
    /// from a note can become a tag or an attribute or reorder the page.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                if isUnsafe(scalar) { out += "\u{FFFD}" } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    /// Control characters (but tab and line feed) and bidirectional overrides and isolates.
    static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x20 { return value != 0x09 && value != 0x0A }
        return value == 0x7F || (0x80...0x9F).contains(value) || (0x202A...0x202E).contains(value)
            || (0x2066...0x2069).contains(value)
    }

    /// Text from a note made safe for display: unsafe characters replaced, as ``escape(_:)`` does, but not escaped,
    /// for templates that escape by themselves.
    static func neutralise(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if isUnsafe(scalar) { out += "\u{FFFD}" } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }

    /// JSON made safe inside `<script type="application/ld+json">`: `<`, `>` and `&` as `\u` escapes.
    static func scriptSafeJSON(_ json: String) -> String {
        json.replacing("<", with: "\\u003c").replacing(">", with: "\\u003e").replacing("&", with: "\\u0026")
    }
}
