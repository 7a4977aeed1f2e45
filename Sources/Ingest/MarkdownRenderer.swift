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
        String(decoding: htmlBytes(markdown), as: UTF8.self)
    }

    /// ``html(_:)`` as its UTF-8 bytes, as cmark writes them: valid UTF-8, since cmark is given valid UTF-8.
    public static func htmlBytes(_ markdown: String) -> [UInt8] {
        var text = markdown
        return text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                guard let root = cmark_parse_document(chars.baseAddress, chars.count, CMARK_OPT_SOURCEPOS) else {
                    return []
                }
                defer { cmark_node_free(root) }
                return html(of: root)
            }
        }
    }

    /// The HTML of a document `root` cmark parsed with `CMARK_OPT_SOURCEPOS` (what cmark_markdown_to_html does), as
    /// cmark's bytes, copied once and not checked again; cmark's buffer is freed unless, `freeing` false, it lies in
    /// an arena that frees it (``CmarkArena``).
    static func html(of root: OpaquePointer, freeing: Bool = true) -> [UInt8] {
        guard let rendered = cmark_render_html(root, CMARK_OPT_SOURCEPOS) else { return [] }
        defer { if freeing { free(rendered) } }
        let count = strlen(rendered)
        return [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            if let base = buffer.baseAddress {
                UnsafeMutableRawPointer(base).copyMemory(from: rendered, byteCount: count)
            }
            initialized = count
        }
    }
}
