import Ingest
import Mustache
import Testing

@testable import Publish

@Suite struct TemplateEscapingTests {
    @Test func escapesAsMustacheDoesWhateverTheText() throws {
        TemplateEscaping.register()
        let mustache = try MustacheTemplate(string: "{{value}}")
        let fast = try MustacheTemplate(string: TemplateEscaping.pragma + "{{value}}")
        for text in Self.texts {
            #expect(fast.render(["value": text]) == mustache.render(["value": text]), "\(text)")
        }
        #expect(fast.render(["value": "<b>"]) == "&lt;b&gt;")
    }

    /// A page is written as bytes: the escaped bytes appended to a page are the escaped text's, after what it held.
    @Test func escapesIntoBytesAsIntoText() {
        for text in Self.texts {
            var page = Array("<p>".utf8)
            TemplateEscaping.escape(text, into: &page)
            #expect(page == Array(("<p>" + TemplateEscaping.escape(text)).utf8), "\(text)")
        }
    }

    /// The word test finds one of the five wherever it stands among any other bytes, and misses no word that holds one.
    @Test func theWordTestFindsEachOfTheFive() {
        for byte in UInt8.min...UInt8.max {
            for position in 0..<8 {
                for filler: UInt8 in [0x41, 0x20, 0x3D, 0x3F, 0x25, 0x23, 0x26, 0xC3] {
                    var bytes = [UInt8](repeating: filler, count: 8)
                    bytes[position] = byte
                    let word = bytes.withUnsafeBufferPointer { ASCIIWord.load($0.baseAddress!, at: 0) }
                    #expect(
                        TemplateEscaping.mayHoldSpecial(word) == bytes.contains(where: TemplateEscaping.isSpecial),
                        "\(byte) at \(position) among \(filler)"
                    )
                    // The lowest bit names the first of the five, as the escaping's search takes it.
                    let bits = TemplateEscaping.specialBits(word)
                    #expect(
                        (bits == 0 ? nil : bits.trailingZeroBitCount / 8)
                            == bytes.firstIndex(where: TemplateEscaping.isSpecial),
                        "\(byte) at \(position) among \(filler)"
                    )
                }
            }
        }
        #expect(TemplateEscaping.isSpecial(UInt8(ascii: "'")) && !TemplateEscaping.isSpecial(UInt8(ascii: "=")))
    }

    /// Each of the five, and a letter that is not ASCII, at every place of texts around the length of a word.
    @Test func escapesEachPlaceAsMustacheDoes() throws {
        TemplateEscaping.register()
        let mustache = try MustacheTemplate(string: "{{value}}")
        let fast = try MustacheTemplate(string: TemplateEscaping.pragma + "{{value}}")
        for length in [1, 7, 8, 9, 15, 16, 17, 24] {
            for place in 0..<length {
                for inserted in ["<", ">", "&", "\"", "'", "=", "é", "\u{301}"] {
                    var characters = Array(repeating: "a", count: length)
                    characters[place] = inserted
                    let text = characters.joined()
                    #expect(fast.render(["value": text]) == mustache.render(["value": text]), "\(text)")
                }
            }
        }
    }

    static let texts = [
        "", "plain", "a < b && c > d", "\"quoted\" and 'single'", "<script>alert(1)</script>",
        "Zoë & Siobhán <chair>", "\"\u{301}quote with a combining mark", "<\u{338} not less", "&amp; already",
        "emoji 👩🏽‍⚕️ & more", "\r\n<\r\n>", String(repeating: "<&>", count: 500),
        // Eight bytes at a time: the five and non-ASCII text before, inside and after whole words.
        "0123456789abcdef<", "01234567'", "0123456789abcdé\"", "é0123456789abcdef&", "01234567\"\u{301}89abcdef",
        "0123456789abcdef", "ab<cdefghijklmnopqrstuvwxyz>", "abcdefgh\u{301}abcdefgh'abcdefgh",
        // Non-ASCII text with the five: beside ASCII, beside a letter, a mark, a prepended scalar or a joiner.
        "Zoë <b> & Łukasz", "é<", "<é", "\u{600}<x", "x<\u{301}", "\u{200D}&", "&\u{200D}", "👍\"", "'👍",
        "<\u{FE0F}", "e\u{301} & <f\u{301}>", "\r\n\"\r\né", "é\r\n<\r\n", "\u{1F1EC}\u{1F1E7}&",
    ]
}
