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

    /// ``html(_:)`` as its UTF-8 bytes: valid UTF-8, since cmark is given valid UTF-8 and the positions are ASCII.
    public static func htmlBytes(_ markdown: String) -> [UInt8] {
        htmlBytes(markdown, cmarkWritesPositions: false)
    }

    /// ``htmlBytes(_:)``, its positions put in by ``SourcePositions`` or, when `cmarkWritesPositions`, by cmark.
    static func htmlBytes(_ markdown: String, cmarkWritesPositions: Bool) -> [UInt8] {
        var text = markdown
        return text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                guard let root = cmark_parse_document(chars.baseAddress, chars.count, CMARK_OPT_SOURCEPOS) else {
                    return []
                }
                defer { cmark_node_free(root) }
                return html(of: root, cmarkWritesPositions: cmarkWritesPositions)
            }
        }
    }

    /// The HTML of a document `root` cmark parsed with `CMARK_OPT_SOURCEPOS` (what cmark_markdown_to_html gives), as
    /// bytes not checked again; cmark's buffers are freed unless, `freeing` false, they lie in an arena that frees
    /// them (``CmarkArena``).
    ///
    /// cmark writes each block's `data-sourcepos` with `snprintf`, which costs more than the rest of the rendering:
    /// the HTML is rendered without them and ``SourcePositions`` puts them in, or, should its blocks and tags not
    /// pair up, rendered again by cmark with them.
    static func html(of root: OpaquePointer, freeing: Bool = true, cmarkWritesPositions: Bool = false) -> [UInt8] {
        if !cmarkWritesPositions {
            let placed = rendered(root, options: CMARK_OPT_DEFAULT, freeing: freeing) {
                SourcePositions.insert(into: $0, of: root)
            }
            if let placed, let placed { return placed }
        }
        return rendered(root, options: CMARK_OPT_SOURCEPOS, freeing: freeing) { Array($0) } ?? []
    }

    /// `body` applied to cmark's HTML of `root` with `options`; `nil` when cmark gives none.
    private static func rendered<Result>(
        _ root: OpaquePointer,
        options: Int32,
        freeing: Bool,
        _ body: (UnsafeBufferPointer<UInt8>) -> Result
    ) -> Result? {
        guard let rendered = cmark_render_html(root, options) else { return nil }
        defer { if freeing { free(rendered) } }
        return body(
            UnsafeBufferPointer(
                start: UnsafeRawPointer(rendered).assumingMemoryBound(to: UInt8.self),
                count: strlen(rendered)
            )
        )
    }
}

/// Puts into cmark's HTML rendered without `CMARK_OPT_SOURCEPOS` the `data-sourcepos` attributes that option gives.
///
/// With it cmark gives the opening tag of each block element ` data-sourcepos="L:C-L:C"` (cmark's own lines and
/// columns of the node), just before the tag's `>` (before the ` />` of `<hr />`), and changes nothing else. In
/// cmark's safe HTML every `<` opens a tag or a comment (text, code and attributes have theirs escaped), so the block
/// tags, met in order, pair with the blocks met in document order.
enum SourcePositions {
    /// `html` with the positions of the blocks of `root` put in; `nil` when a block and its tag do not pair up.
    static func insert(into html: UnsafeBufferPointer<UInt8>, of root: OpaquePointer) -> [UInt8]? {
        guard let places = places(in: html, of: root), let source = html.baseAddress else { return nil }
        // Written in place, each attribute at most its longest: no array growing or appending one piece at a time.
        let capacity = html.count + places.count * maxAttributeCount
        return [UInt8](unsafeUninitializedCapacity: capacity) { buffer, initialized in
            guard var end = buffer.baseAddress else { return }
            var copied = 0  // `html` is written up to here
            for (insertion, node) in places {
                end.initialize(from: source + copied, count: insertion - copied)
                end += insertion - copied
                end += writeAttribute(of: node, at: end)
                copied = insertion
            }
            end.initialize(from: source + copied, count: html.count - copied)
            end += html.count - copied
            initialized = buffer.baseAddress.map { $0.distance(to: end) } ?? 0
        }
    }

    /// Each block of `root` that gets a position, in document order, with where in `html` its position goes; `nil`
    /// when a block and its tag do not pair up.
    private static func places(
        in html: UnsafeBufferPointer<UInt8>,
        of root: OpaquePointer
    ) -> [(insertion: Int, node: OpaquePointer)]? {
        guard let iterator = cmark_iter_new(root) else { return nil }
        defer { cmark_iter_free(iterator) }
        var places: [(insertion: Int, node: OpaquePointer)] = []
        places.reserveCapacity(html.count / 64 + 8)  // (a block tag for about every 100 bytes of HTML)
        var from = 0
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator),
                let expected = tagName(of: node)
            else { continue }
            guard let tag = nextBlockTag(in: html, from: from), isNamed(tag.name, expected) else { return nil }
            places.append((tag.insertion, node))
            from = tag.insertion
        }
        guard nextBlockTag(in: html, from: from) == nil else { return nil }
        return places
    }

    /// The name of the tag cmark opens `node` with when it gives it a position; `nil` for inlines, HTML blocks,
    /// the document and paragraphs of tight lists, which have none.
    private static func tagName(of node: OpaquePointer) -> StaticString? {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_BLOCK_QUOTE: return "blockquote"
        case CMARK_NODE_LIST: return cmark_node_get_list_type(node) == CMARK_BULLET_LIST ? "ul" : "ol"
        case CMARK_NODE_ITEM: return "li"
        case CMARK_NODE_CODE_BLOCK: return "pre"
        case CMARK_NODE_THEMATIC_BREAK: return "hr"
        case CMARK_NODE_HEADING:
            let names: [StaticString] = ["h1", "h2", "h3", "h4", "h5", "h6"]
            let level = Int(cmark_node_get_heading_level(node))
            return (1...6).contains(level) ? names[level - 1] : "h?"
        case CMARK_NODE_PARAGRAPH:
            // As cmark decides: a paragraph whose grandparent is a tight list has no tag.
            guard let grandparent = cmark_node_parent(node).flatMap(cmark_node_parent),
                cmark_node_get_type(grandparent) == CMARK_NODE_LIST, cmark_node_get_list_tight(grandparent) != 0
            else { return "p" }
            return nil
        default: return nil
        }
    }

    /// Whether `name` is that of a block tag cmark gives a position: `blockquote`, `ul`, `ol`, `li`, `pre`, `hr`,
    /// `p` or `h1` to `h6`.
    private static func isBlockName(_ name: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        func `is`(_ wanted: StaticString) -> Bool { isNamed(name, wanted) }
        switch name.count {
        case 1: return `is`("p")
        case 2:
            let (first, second) = (name[name.startIndex], name[name.startIndex + 1])
            if first == UInt8(ascii: "h") {
                return second >= UInt8(ascii: "1") && second <= UInt8(ascii: "6") || second == UInt8(ascii: "r")
            }
            return `is`("ul") || `is`("ol") || `is`("li")
        case 3: return `is`("pre")
        case 10: return `is`("blockquote")
        default: return false
        }
    }

    /// The next opening tag of a block in `html` from `start`: its name, and where its position goes.
    private static func nextBlockTag(
        in html: UnsafeBufferPointer<UInt8>,
        from start: Int
    ) -> (name: Slice<UnsafeBufferPointer<UInt8>>, insertion: Int)? {
        guard let base = html.baseAddress else { return nil }
        var index = start
        while index < html.count, let found = memchr(base + index, Int32(UInt8(ascii: "<")), html.count - index) {
            let open = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            var end = open + 1
            while end < html.count, isNameByte(html[end]) { end += 1 }
            index = end
            guard end < html.count, html[end] == UInt8(ascii: ">") || html[end] == 0x20 else { continue }
            let name = html[(open + 1)..<end]
            guard isBlockName(name) else { continue }
            if name.count == 2, name[open + 2] == UInt8(ascii: "r") { return (name, end) }  // `<hr />`
            guard let close = memchr(base + end, Int32(UInt8(ascii: ">")), html.count - end) else { return nil }
            return (name, base.distance(to: close.assumingMemoryBound(to: UInt8.self)))
        }
        return nil
    }

    /// Whether the bytes of `name` are those of `wanted`.
    @inline(__always) private static func isNamed(_ name: Slice<UnsafeBufferPointer<UInt8>>, _ wanted: StaticString)
        -> Bool
    {
        guard name.count == wanted.utf8CodeUnitCount, let base = name.base.baseAddress else { return false }
        return memcmp(base + name.startIndex, wanted.utf8Start, name.count) == 0
    }

    /// Whether `byte` may be part of a tag name cmark writes: a lower-case ASCII letter or a digit.
    @inline(__always) private static func isNameByte(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") || byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    /// The name that starts each position.
    private static let attributeName: StaticString = #" data-sourcepos=""#

    /// The most bytes a position takes: its name, four numbers of at most 11 bytes, three separators and a quote.
    private static let maxAttributeCount = attributeName.utf8CodeUnitCount + 48

    /// Writes ` data-sourcepos="L:C-L:C"` of `node`, as cmark writes it (`%d:%d-%d:%d`), at `start`, which has room
    /// for ``maxAttributeCount`` bytes; returns the count.
    private static func writeAttribute(of node: OpaquePointer, at start: UnsafeMutablePointer<UInt8>) -> Int {
        start.initialize(from: attributeName.utf8Start, count: attributeName.utf8CodeUnitCount)
        var end = start + attributeName.utf8CodeUnitCount
        end += writeDecimal(cmark_node_get_start_line(node), at: end)
        end.pointee = UInt8(ascii: ":")
        end += 1 + writeDecimal(cmark_node_get_start_column(node), at: end + 1)
        end.pointee = UInt8(ascii: "-")
        end += 1 + writeDecimal(cmark_node_get_end_line(node), at: end + 1)
        end.pointee = UInt8(ascii: ":")
        end += 1 + writeDecimal(cmark_node_get_end_column(node), at: end + 1)
        end.pointee = UInt8(ascii: "\"")
        return start.distance(to: end) + 1
    }

    /// Writes `value` in decimal, as `%d` writes it, at `pointer`, which has room for 11 bytes; returns the count.
    @inline(__always) private static func writeDecimal(_ value: Int32, at pointer: UnsafeMutablePointer<UInt8>) -> Int {
        let sign = value < 0 ? 1 : 0
        if value < 0 { pointer.pointee = UInt8(ascii: "-") }
        var magnitude = value.magnitude
        var digits = 1
        while magnitude >= 10 {
            digits += 1
            magnitude /= 10
        }
        magnitude = value.magnitude
        var index = sign + digits
        repeat {
            index -= 1
            pointer[index] = UInt8(ascii: "0") + UInt8(magnitude % 10)
            magnitude /= 10
        } while magnitude > 0
        return sign + digits
    }
}
