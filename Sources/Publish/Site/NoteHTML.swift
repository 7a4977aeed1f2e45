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
    private static func markdown(_ text: String, marks: [Int: Mark]) -> String {
        let html = MarkdownRenderer.html(text)
        var out = ""
        out.reserveCapacity(html.utf8.count + html.utf8.count / 8)
        var anchored = Set<Int>()
        var rest = html[...]
        let attribute = " data-sourcepos=\""
        while let found = rest.firstRange(of: attribute) {
            out += rest[..<found.lowerBound]
            let valueStart = found.upperBound
            guard let valueEnd = rest[valueStart...].firstIndex(of: "\"") else {
                rest = rest[found.lowerBound...]
                break
            }
            let value = rest[valueStart..<valueEnd]
            let line = Int(value.prefix { $0.isNumber }) ?? 0
            if line > 0, anchored.insert(line).inserted {
                out += " id=\"L\(line)\""
                if let mark = marks[line] { out += " class=\"record \(mark.rawValue)\"" }
            }
            out += " data-sourcepos=\"\(value)\""
            rest = rest[rest.index(after: valueEnd)...]
        }
        out += rest
        // cmark's safe mode empties unsafe link targets (`javascript:`); a link without a target is plain text.
        out = out.replacing("<a href=\"\">", with: "<a>")
        // cmark passes bidirectional overrides through; they must not reorder the page.
        out = DisplaySafety.neutralise(out)
        // The note sits under the page's `<h2>`: its headings go two levels down, so the outline stays in order.
        for level in (1...6).reversed() {
            let demoted = Swift.min(level + 2, 6)
            out = out.replacing("<h\(level) ", with: "<h\(demoted) ").replacing("</h\(level)>", with: "</h\(demoted)>")
        }
        return out
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
        replacingScalars(text) { scalar in
            switch scalar {
            case "&": "&amp;"
            case "<": "&lt;"
            case ">": "&gt;"
            case "\"": "&quot;"
            case "'": "&#39;"
            default: nil
            }
        }
    }

    /// JSON made safe inside `<script type="application/ld+json">`.
    ///
    /// `<`, `>` and `&` become `\u` escapes and unsafe characters (which JSON strings may hold as they are) `�`, as
    /// in ``escape(_:)``, by Unicode scalar: a `<` sharing a `Character` with a prepended mark (`U+0600<`) too.
    static func scriptSafeJSON(_ json: String) -> String {
        replacingScalars(json) { scalar in
            switch scalar {
            case "<": "\\u003c"
            case ">": "\\u003e"
            case "&": "\\u0026"
            default: nil
            }
        }
    }

    /// `text` with the scalars `replacement` names replaced, and unsafe ones (``DisplaySafety``) shown as `�`.
    private static func replacingScalars(_ text: String, _ replacement: (Unicode.Scalar) -> String?) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if let replaced = replacement(scalar) {
                out += replaced
            } else if DisplaySafety.isUnsafe(scalar) {
                out += "\u{FFFD}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// `text` with each of `< > & " '` made a `Character` of its own, by a zero-width space between it and a
    /// prepended or combining neighbour (`U+0600<`, `"U+0301`), so an escaper that works by `Character`, as
    /// Mustache's does, still escapes it.
    static func isolatingMarkup(_ text: String) -> String {
        let isMarkup = { (scalar: Unicode.Scalar) in "<>&\"'".unicodeScalars.contains(scalar) }
        guard text.unicodeScalars.contains(where: isMarkup) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            guard character.unicodeScalars.count > 1, character.unicodeScalars.contains(where: isMarkup) else {
                out.append(character)
                continue
            }
            for scalar in character.unicodeScalars {
                if isMarkup(scalar) { out += "\u{200B}\(scalar)\u{200B}" } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }
}
