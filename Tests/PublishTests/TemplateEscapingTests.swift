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
