import Extract
import Foundation
import Ingest
import Testing

@testable import Publish

/// The note's HTML goes from cmark to the page and the cache as bytes, never made a `String`: it gives what the
/// `String` path it replaced gave (cmark's HTML read by `String(cString:)`, anchored by ``StringNoteHTML``), byte for
/// byte, on notes with every kind of text that path repaired, escaped or neutralised.
@Suite struct NoteHTMLBytesTests {
    /// Notes as file bytes: non-ASCII text, bytes that are not UTF-8, markup characters, unsafe characters, every
    /// heading level, links cmark's safe mode empties, raw HTML, nested blocks and more lines than one digit counts.
    static let notes: [[UInt8]] = {
        let texts = [
            "# Minutes\n\n**Present:** Ann, Bo\n\n- [ ] Ann to write\n  - nested\n",
            "# h1\n## h2\n### h3\n#### h4\n##### h5\n###### h6\n\nSetext\n===\n\nTwo\n---\n",
            "Zoë & Siobhán <b>bold</b> \"quoted\" 'single' \u{201C}curly\u{201D} \u{2013} e\u{301}\u{A0}nbsp\n",
            "<script>alert(1)</script>\n\n<p>raw</p> and <em>inline</em>\n",
            "[x](javascript:alert(1)) [y](vbscript:x) [z](https://example.org/?a=1&b=2 \"t&'\") ![i](data:x)\n",
            "rlo\u{202E}txt lri\u{2066}x\u{2069} bell\u{7} del\u{7F} c1\u{85} esc\u{1B}[31m\n",
            "> quote\n> > nested quote\n> - item\n>   1. ordered\n>      ```\n>      code <&>\n>      ```\n",
            "1. one\n2. two\n   > inner\n\n   para\n\n     indented code\n\n* * *\n\n| a | b |\n| - | - |\n",
            "Résumé — “quoted”\r\nline two\r\n\r\n```swift\r\nlet x = \"<\" // é\r\n```\r\n",
            "`code & <tag>` &amp; &copy; &#x1F600; &#0; &bogus; \\* escaped\n\nhard  \nbreak\\\nnext\n",
            (1...30).map { "Line \($0) – ACTION: Ann to do \($0)\n\n" }.joined(),
            "emoji 👩🏽‍⚕️ & more \u{FFFD} \u{10FFFF} ls\u{2028}ps\u{2029} \u{600}< \"\u{301}\n", "", "\n\n\n",
        ]
        var notes = texts.map { Array($0.utf8) }
        // Bytes that are not UTF-8: a lone continuation, a cut sequence, an overlong form, a surrogate, Latin-1.
        notes.append(Array("Caf".utf8) + [0xE9] + Array(" \u{2013} ".utf8) + [0x80, 0xC3, 0x41, 0xC0, 0xAF, 0x0A])
        notes.append([0x23, 0x20, 0xED, 0xA0, 0x80, 0x0A, 0x0A, 0x2D, 0x20, 0xFF, 0xFE, 0x3C, 0x0A])
        return notes
    }()

    /// Reads every note as Markdown, rendering its HTML.
    static let markdown = NoteIngestor(options: IngestOptions(format: .markdown, rendersHTML: true))

    /// The marks put on lines, some of them on lines no block starts.
    static let marks: [Int: NoteHTML.Mark] = [1: .action, 2: .decision, 3: .recommendation, 7: .action, 21: .decision]

    /// cmark's HTML is valid UTF-8: its bytes are what `String(cString:)` made of them, unrepaired.
    @Test func cmarkHTMLIsValidUTF8() throws {
        for note in Self.notes {
            let document = try NoteIngestor(options: IngestOptions(format: .markdown, rendersHTML: true)).ingest(
                bytes: note,
                path: "a.md"
            )
            let html = try #require(document.html, "\(note)")
            #expect(String(validating: html, as: UTF8.self) != nil, "\(note)")
            #expect(html == MarkdownRenderer.htmlBytes(document.text), "\(note)")
            #expect(html == Array(MarkdownRenderer.html(document.text).utf8), "\(note)")
        }
    }

    /// The note's HTML on bytes is what the `String` path made, with and without marks, as Markdown and as text.
    @Test func noteHTMLIsWhatTheStringPathGave() throws {
        for note in Self.notes {
            for format in [NoteFormat.markdown, .text] {
                let ingestor = NoteIngestor(options: IngestOptions(format: format, rendersHTML: true))
                let document = try ingestor.ingest(bytes: note, path: "a.md")
                for marks in [[:], Self.marks] {
                    let bytes = NoteHTML.render(document, marks: NoteHTML.LineMarks(marks))
                    #expect(String(validating: bytes, as: UTF8.self) != nil, "\(note)")
                    guard format == .markdown else { continue }
                    let expected = StringNoteHTML.markdown(MarkdownRenderer.html(document.text), marks: marks)
                    #expect(bytes == Array(expected.utf8), "\(String(decoding: note, as: UTF8.self).debugDescription)")
                }
            }
        }
    }

    /// A plain-text note is a numbered, escaped line for every line its text splits into at `\n` characters (so
    /// not inside CR LF), the empty ones and the one after a last line feed too.
    @Test func plainTextNotesAreNumberedLines() throws {
        let notes = ["", "a", "a\n", "\n\n", "one\ntwo <b> & \"c\"\n\nfour", "é\nü\u{301}\n日本\u{202E}x", "x\r\ny\nz\r"]
        let ingestor = NoteIngestor(options: IngestOptions(format: .text, rendersHTML: true))
        for note in notes {
            let document = try ingestor.ingest(bytes: Array(note.utf8), path: "a.txt")
            for marks in [[:], [2: NoteHTML.Mark.action, 3: .decision]] {
                var expected = "<pre class=\"plain-note\">"
                let lines = document.text.split(separator: "\n", omittingEmptySubsequences: false)
                for (index, line) in lines.enumerated() {
                    let mark = marks[index + 1].map { " record \($0.rawValue)" } ?? ""
                    expected += "<span class=\"line\(mark)\" id=\"L\(index + 1)\">\(HTML.escape(String(line)))</span>\n"
                }
                expected += "</pre>"
                let html = NoteHTML.render(document, marks: NoteHTML.LineMarks(marks))
                #expect(html == Array(expected.utf8), "\(note.debugDescription)")
            }
        }
    }

    /// Hand-made HTML the byte pass acts on: headings at the ends of the text, attributes cut short, anchors on
    /// lines of many digits, an emptied link at the very end, unsafe characters only in the last bytes.
    @Test func edgesOfTheBytePassAreWhatTheStringPathGave() {
        let inputs = [
            "<h1", "<h1 ", "</h6>", "<h7 x>", "<h3 data-sourcepos=\"9:1-9:2\">t</h3>", "<a href=\"\">", "<a href=\"\"",
            " data-sourcepos=\"", " data-sourcepos=\"12", "<p data-sourcepos=\"123456789012:1-1:1\">x</p>",
            "<p data-sourcepos=\"0:1-1:1\">x</p>", "<p data-sourcepos=\"2:1-2:1\"><p data-sourcepos=\"2:3-2:4\">",
            "abcdefg\u{202E}", "abcdefgh\u{1B}", "nul\u{0}<h1 x>", "\u{85}", "é<h2 x>é</h2>",
            "&quot;\"<a href=\"\">x</a>",
        ]
        for input in inputs {
            for marks in [[:], [2: NoteHTML.Mark.recommendation, 9: .decision]] {
                #expect(
                    NoteHTML.markdown(input, marks: NoteHTML.LineMarks(marks))
                        == StringNoteHTML.markdown(input, marks: marks),
                    "\(input.debugDescription)"
                )
            }
        }
    }

    /// The word test finds the first byte that can start an unsafe character wherever it stands, whatever is around.
    @Test func theWordTestFindsTheFirstUnsafeStart() {
        for byte in UInt8.min...UInt8.max {
            for position in 0..<8 {
                for filler: UInt8 in [0x41, 0xC3, 0x0A, 0xE2] {
                    var bytes = [UInt8](repeating: 0x41, count: 8)
                    bytes[position] = byte
                    for later in position + 1..<8 { bytes[later] = filler }
                    let word = bytes.withUnsafeBufferPointer { ASCIIWord.load($0.baseAddress!, at: 0) }
                    let found = HTML.unsafeStarts(word)
                    let expected = HTML.mayStartUnsafe(byte) ? position : bytes.firstIndex(where: HTML.mayStartUnsafe)
                    #expect((found == 0 ? nil : found.trailingZeroBitCount / 8) == expected, "\(byte) at \(position)")
                }
            }
        }
    }

    /// The cache entry's bytes are what its text is: a header of the key and the record's and the HTML's lengths
    /// in bytes, the record, the HTML.
    @Test func cacheEntryBytesAreWhatItsTextWas() throws {
        let key = Digest(of: "a key")
        for note in Self.notes {
            let document = try NoteIngestor(options: IngestOptions(format: .markdown, rendersHTML: true)).ingest(
                bytes: note,
                path: "a.md"
            )
            let html = NoteHTML.render(document, marks: NoteHTML.LineMarks(Self.marks))
            let record = #"{"id":"é \"x\""}"#
            let text = String(decoding: html, as: UTF8.self)
            let expected = "\(key) \(record.utf8.count) \(text.utf8.count)\n" + record + "\n" + text + "\n"
            #expect(NoteCacheEntry.bytes(key: key, record: Array(record.utf8), html: html) == Array(expected.utf8))
        }
    }
}

/// The note's HTML as it was made before it went on bytes, kept only to show the byte path gives the same.
///
/// It reads the HTML as a `String`, byte by byte, and appends to a `String`.
private enum StringNoteHTML {
    static func markdown(_ html: String, marks: [Int: NoteHTML.Mark]) -> String {
        var source = html
        return source.withUTF8 { bytes in
            var out = ""
            // A set where the byte path keeps a sorted array: whether a line was anchored before is all either asks.
            var anchored: Set<Int> = []
            func anchor(_ line: Int) -> Bool { anchored.insert(line).inserted }
            var lastAnchored = 0
            var unsafe = false
            var index = 0
            var copied = 0
            let utf8 = html.utf8
            func copy(upTo end: Int) {
                if end > copied {
                    let range =
                        utf8.index(utf8.startIndex, offsetBy: copied)..<utf8.index(utf8.startIndex, offsetBy: end)
                    out.append(contentsOf: html[range])
                }
                copied = end
            }
            func matches(_ literal: String, at offset: Int) -> Bool {
                let literal = Array(literal.utf8)
                guard offset + literal.count <= bytes.count else { return false }
                return Array(bytes[offset..<offset + literal.count]) == literal
            }
            let attribute = " data-sourcepos=\""
            let attributeLength = attribute.utf8.count
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "<") {
                    let closing = index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "/")
                    let letter = index + (closing ? 2 : 1)
                    if letter + 2 < bytes.count, bytes[letter] == UInt8(ascii: "h"),
                        (UInt8(ascii: "1")...UInt8(ascii: "6")).contains(bytes[letter + 1]),
                        bytes[letter + 2] == (closing ? UInt8(ascii: ">") : UInt8(ascii: " "))
                    {
                        copy(upTo: letter + 1)
                        out.unicodeScalars.append(Unicode.Scalar(Swift.min(bytes[letter + 1] + 2, UInt8(ascii: "6"))))
                        index = letter + 2
                        copied = index
                        continue
                    }
                    if matches("<a href=\"\">", at: index) {
                        copy(upTo: index)
                        out += "<a>"
                        index += "<a href=\"\">".utf8.count
                        copied = index
                        continue
                    }
                } else if byte == UInt8(ascii: "\""), index + 1 >= attributeLength,
                    matches(attribute, at: index + 1 - attributeLength)
                {
                    let start = index + 1 - attributeLength
                    var digit = index + 1
                    var line = 0
                    while digit < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[digit]),
                        line < 100_000_000
                    {
                        line = line * 10 + Int(bytes[digit] - UInt8(ascii: "0"))
                        digit += 1
                    }
                    if line > 0, line != lastAnchored, anchor(line) {
                        lastAnchored = line
                        copy(upTo: start)
                        if let mark = marks[line] {
                            out += " id=\"L\(line)\" class=\"record \(mark.rawValue)\""
                        } else {
                            out += " id=\"L\(line)\""
                        }
                    }
                } else if !unsafe, HTML.mayStartUnsafe(byte), byte != 0x0A {
                    unsafe = HTML.startsUnsafe(bytes, at: index)
                }
                index += 1
            }
            copy(upTo: bytes.count)
            return unsafe ? DisplaySafety.neutralise(out) : out
        }
    }
}
