import Mustache
import Testing

@testable import Publish

@Suite struct TemplateEscapingTests {
    @Test func escapesAsMustacheDoesWhateverTheText() throws {
        TemplateEscaping.register()
        let mustache = try MustacheTemplate(string: "{{value}}")
        let fast = try MustacheTemplate(string: TemplateEscaping.pragma + "{{value}}")
        let texts = [
            "", "plain", "a < b && c > d", "\"quoted\" and 'single'", "<script>alert(1)</script>",
            "Zoë & Siobhán <chair>", "\"\u{301}quote with a combining mark", "<\u{338} not less", "&amp; already",
            "emoji 👩🏽‍⚕️ & more", "\r\n<\r\n>", String(repeating: "<&>", count: 500),
        ]
        for text in texts {
            #expect(fast.render(["value": text]) == mustache.render(["value": text]), "\(text)")
        }
        #expect(fast.render(["value": "<b>"]) == "&lt;b&gt;")
    }
}
