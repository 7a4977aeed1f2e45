/// Folds HTML left in notes by converters into the Markdown it stands for, one line at a time.
///
/// Inline formatting tags (`<sup>st</sup>`, `<span style=…>`) are dropped so their text reads on; emphasis tags
/// become Markdown emphasis; block tags at the start of a line become Markdown blocks, with `<li>` indented by the
/// depth of the enclosing `<ul>`/`<ol>` so nested lists stay nested. Code spans are copied untouched, and tags it
/// does not know (`<a>`, `<table>`…) are left for cmark, which never passes raw HTML through.
struct HTMLFolder {
    /// The open `<ul>`/`<ol>` lists, innermost last; `true` for ordered.
    private var lists: [Bool] = []

    private enum Action {
        case drop, space, text(String), heading(Int), paragraph, listOpen(ordered: Bool), item, rule
    }

    private static let actions: [String: Action] = [
        "sup": .drop, "sub": .drop, "u": .drop, "span": .drop, "font": .drop, "o:p": .drop, "small": .drop,
        "big": .drop, "ins": .drop, "mark": .drop, "abbr": .drop, "div": .paragraph, "section": .paragraph,
        "article": .paragraph, "body": .paragraph, "html": .paragraph, "center": .paragraph,
        "br": .space, "b": .text("**"), "strong": .text("**"), "i": .text("*"), "em": .text("*"),
        "h1": .heading(1), "h2": .heading(2), "h3": .heading(3), "h4": .heading(4), "h5": .heading(5),
        "h6": .heading(6), "p": .paragraph, "ul": .listOpen(ordered: false), "ol": .listOpen(ordered: true),
        "li": .item, "hr": .rule,
    ]

    /// Returns `line` with the HTML it knows folded into Markdown.
    mutating func fold(_ line: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(line.count)
        var atStart = true  // nothing but whitespace written yet
        var index = line.startIndex
        while index < line.endIndex {
            let byte = line[index]
            if byte == UInt8(ascii: "`") {
                let end = codeSpanEnd(line, from: index)
                out.append(contentsOf: line[index..<end])
                atStart = false
                index = end
                continue
            }
            guard byte == UInt8(ascii: "<"), let tag = Tag(line, at: index) else {
                out.append(byte)
                if byte != 0x20 && byte != 0x09 { atStart = false }
                index += 1
                continue
            }
            if tag.isComment {
                index = tag.end
                continue
            }
            guard let action = Self.actions[tag.name] else {
                out.append(contentsOf: line[index..<tag.end])
                atStart = false
                index = tag.end
                continue
            }
            index = tag.end
            switch action {
            case .drop:
                break
            case .space:
                if !atStart { out.append(0x20) }
            case .text(let markdown):
                out.append(contentsOf: markdown.utf8)
                atStart = false
            case .heading(let level):
                if tag.closing { break }
                if atStart {
                    out = Array(repeating: UInt8(ascii: "#"), count: level) + [0x20]
                } else {
                    out.append(0x20)
                }
                atStart = false
            case .paragraph:
                if atStart { out.removeAll() } else if !tag.closing { out.append(0x20) }
            case .listOpen(let ordered):
                if !tag.closing { lists.append(ordered) } else if !lists.isEmpty { lists.removeLast() }
                if atStart { out.removeAll() }
            case .item:
                if tag.closing { break }
                if atStart {
                    out = itemMarker()
                } else {
                    out.append(contentsOf: "; ".utf8)
                }
                atStart = false
            case .rule:
                if atStart {
                    out = Array("***".utf8)
                    atStart = false
                }
            }
        }
        if atStart { out.removeAll() }
        return out
    }

    /// The indentation and marker for an `<li>` at the current list depth.
    private func itemMarker() -> [UInt8] {
        let enclosing = lists.dropLast()
        let indent = enclosing.reduce(0) { $0 + ($1 ? 3 : 2) }
        let marker = (lists.last ?? false) ? "1. " : "- "
        return Array(repeating: 0x20, count: indent) + Array(marker.utf8)
    }

    /// The index just past the code span that starts with the backtick run at `start`, or past the run itself.
    private func codeSpanEnd(_ line: ArraySlice<UInt8>, from start: Int) -> Int {
        var index = start
        while index < line.endIndex, line[index] == UInt8(ascii: "`") { index += 1 }
        let runLength = index - start
        var search = index
        while search < line.endIndex {
            if line[search] == UInt8(ascii: "`") {
                var end = search
                while end < line.endIndex, line[end] == UInt8(ascii: "`") { end += 1 }
                if end - search == runLength { return end }
                search = end
            } else {
                search += 1
            }
        }
        return index
    }

    /// One HTML tag or comment that starts and ends on the same line.
    private struct Tag {
        var name: String
        var closing: Bool
        var isComment: Bool
        var end: Int

        init?(_ line: ArraySlice<UInt8>, at start: Int) {
            var index = start + 1
            if line[index...].starts(with: "!--".utf8) {
                var search = index + 3
                while search + 2 < line.endIndex {
                    if line[search] == UInt8(ascii: "-"), line[search + 1] == UInt8(ascii: "-"),
                        line[search + 2] == UInt8(ascii: ">")
                    {
                        (name, closing, isComment, end) = ("", false, true, search + 3)
                        return
                    }
                    search += 1
                }
                return nil
            }
            closing = index < line.endIndex && line[index] == UInt8(ascii: "/")
            if closing { index += 1 }
            let nameStart = index
            while index < line.endIndex,
                isASCIILetter(line[index]) || (index > nameStart && (isASCIIDigit(line[index]) || line[index] == 0x3A))
            {
                index += 1
            }
            guard index > nameStart, index < line.endIndex else { return nil }
            name = String(decoding: line[nameStart..<index], as: UTF8.self).lowercased()
            // Attributes run to the first `>` outside quotes; a tag never spans lines here.
            var quote: UInt8?
            while index < line.endIndex {
                let byte = line[index]
                if let open = quote {
                    if byte == open { quote = nil }
                } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    quote = byte
                } else if byte == UInt8(ascii: ">") {
                    break
                } else if byte == UInt8(ascii: "<") {
                    return nil
                }
                index += 1
            }
            guard index < line.endIndex else { return nil }
            let first = line[nameStart + name.utf8.count]
            guard first == 0x20 || first == 0x09 || first == UInt8(ascii: "/") || first == UInt8(ascii: ">") else {
                return nil
            }
            isComment = false
            end = index + 1
        }
    }
}

@inline(__always) func isASCIILetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
@inline(__always) func isASCIIDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
