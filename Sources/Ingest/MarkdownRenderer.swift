import CCmark

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Renders Markdown to HTML with cmark, in its safe mode.
///
/// Raw HTML is replaced by a comment and links to `javascript:`, `vbscript:`, `file:` and most `data:` URLs are
/// dropped. Never pass `CMARK_OPT_UNSAFE`.
public enum MarkdownRenderer {
    /// The HTML of `markdown`; block elements carry `data-sourcepos="line:column-line:column"`.
    public static func html(_ markdown: String) -> String {
        var text = markdown
        return text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                guard let rendered = cmark_markdown_to_html(chars.baseAddress, chars.count, CMARK_OPT_SOURCEPOS) else {
                    return ""
                }
                defer { free(rendered) }
                return String(cString: rendered)
            }
        }
    }
}
