/// Prints a syntax tree one node a line, indented by depth, with source ranges.
///
/// The format is `kind [payload] @startLine:startColumn-endLine:endColumn` with inclusive end columns, as
/// `cmark --sourcepos` shows them, and text literals quoted:
/// ```
/// document @1:1-94:170
///   heading level=4 @7:1-7:18
///     strong @7:6-7:18
///       text "Attendees" @7:8-7:16
/// ```
public enum TreeDumper {
    /// Returns the dump of `node` and its descendants, ending in a newline.
    public static func dump(_ node: MarkdownNode) -> String {
        var out = ""
        // An explicit stack: deep notes must not exhaust the call stack.
        var pending: [(node: MarkdownNode, depth: Int)] = [(node, 0)]
        while let (current, depth) = pending.popLast() {
            out += String(repeating: "  ", count: depth)
            out += describe(current.kind)
            if let range = current.range {
                out += " @\(range.lowerBound.line):\(range.lowerBound.column)-\(range.upperBound.line):"
                out += "\(range.upperBound.column - 1)"
            }
            out += "\n"
            for child in current.children.reversed() { pending.append((child, depth + 1)) }
        }
        return out
    }

    private static func describe(_ kind: MarkdownNode.Kind) -> String {
        switch kind {
        case .document: "document"
        case .blockQuote: "block_quote"
        case .list(let ordered, let start, let tight):
            ordered ? "list ordered start=\(start) tight=\(tight)" : "list bullet tight=\(tight)"
        case .item(let checkbox): checkbox.map { "item checkbox=\($0.rawValue)" } ?? "item"
        case .codeBlock(let info, let literal):
            "code_block" + (info.isEmpty ? "" : " info=\(quoted(info))") + " \(quoted(literal))"
        case .htmlBlock(let literal): "html_block \(quoted(literal))"
        case .paragraph: "paragraph"
        case .heading(let level): "heading level=\(level)"
        case .thematicBreak: "thematic_break"
        case .text(let text): "text \(quoted(text))"
        case .softBreak: "softbreak"
        case .lineBreak: "linebreak"
        case .code(let code): "code \(quoted(code))"
        case .htmlInline(let html): "html_inline \(quoted(html))"
        case .emphasis: "emph"
        case .strong: "strong"
        case .link(let destination, let title):
            "link url=\(quoted(destination))" + (title.isEmpty ? "" : " title=\(quoted(title))")
        case .image(let destination, let title):
            "image url=\(quoted(destination))" + (title.isEmpty ? "" : " title=\(quoted(title))")
        }
    }

    /// `text` in double quotes, with quotes, backslashes and line ends escaped.
    private static func quoted(_ text: String) -> String {
        var out = "\""
        for character in text {
            switch character {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default: out.append(character)
            }
        }
        return out + "\""
    }
}
