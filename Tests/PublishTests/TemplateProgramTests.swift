import Extract
import Foundation
import Mustache
import PropertyBased
import Testing

@testable import Publish

/// Built-in templates rendered as ``TemplateProgram``s give the text swift-mustache gives for them.
@Suite struct TemplateProgramTests {
    /// `page` with `partials`, registered as ``SiteRenderer`` registers them, rendered by the library and as a
    /// program; `nil` for the program when it does not read the template.
    func bothWays(
        _ page: String,
        partials: [String: String] = [:],
        _ context: TemplateObject
    ) throws -> (library: String?, program: String?) {
        TemplateEscaping.register()
        var library = MustacheLibrary()
        var programs: [String: TemplateProgram] = [:]
        for (name, text) in partials {
            try library.register(TemplateEscaping.pragma + "\n" + text, named: name)
            programs[name] = TemplateProgram(TemplateEscaping.pragma + "\n" + text)
        }
        try library.register(TemplateEscaping.pragma + page, named: "page")
        let program = TemplateProgram(TemplateEscaping.pragma + page)
        return (
            library.render(context, withTemplate: "page"),
            program.map { String(decoding: $0.render(context, partials: programs), as: UTF8.self) }
        )
    }

    /// A context with every kind of value, in sections and lists.
    func context(_ text: String) -> TemplateObject {
        [
            "title": TemplateText(text), "empty": TemplateText(""), "count": TemplateNumber(3), "none": TemplateNull(),
            "yes": true, "no": false, "nothing": [TemplateObject](),
            "rows": [
                ["name": TemplateText(text), "handle": TemplateText("@a")],
                ["name": TemplateText("B & b"), "handle": TemplateNull(), "title": TemplateText("inner")],
            ] as [TemplateObject],
            "page": ["number": TemplateNumber(2), "label": TemplateText(text)] as TemplateObject,
        ]
    }

    /// Templates that use every tag a program reads, on lines of their own and not, indented and not.
    let templates = [
        "{{title}}|{{{title}}}|{{empty}}|{{count}}|{{{count}}}|{{none}}|{{yes}}|{{no}}|{{missing}}|{{{missing}}}",
        "{{#title}}[{{.}}]{{/title}}{{^title}}none{{/title}}{{#empty}}[{{.}}]{{/empty}}{{#count}}<{{.}}>{{/count}}",
        "{{#none}}x{{/none}}{{^none}}no value{{/none}}{{#missing}}x{{/missing}}{{^missing}}missing{{/missing}}",
        "{{#yes}}yes {{title}}{{/yes}}{{^yes}}x{{/yes}}{{#no}}x{{/no}}{{^no}}not{{/no}}",
        "{{#nothing}}x{{/nothing}}{{^nothing}}empty {{.}} {{title}}{{/nothing}}{{^rows}}x{{/rows}}",
        "{{#rows}}{{name}} {{#handle}}({{.}}){{/handle}}{{^handle}}-{{/handle}} {{title}} {{count}};{{/rows}}",
        "{{#page}}{{number}} {{label}} {{title}} {{.}}{{/page}} {{page}} {{{rows}}} {{nothing}}",
        "{{#rows}}\n  {{name}}\n{{/rows}}\n  {{#yes}}  \n  in\n  {{/yes}}  \nafter\n{{^no}}\n\tnot\n{{/no}}",
        "  {{title}}\n\t{{#yes}}x{{/yes}}\n  {{{title}}} \n  {{#yes}}\n{{/yes}} tail\n{ {title} }{{ title }}{x",
        "{{> part}}{{title}}\n{{> part}}\n{{#rows}}{{> part}}{{/rows}}\n  {{> missing}}x\n{{> part}}",
        "\n{{#rows}}\r\n{{name}}\r\n{{/rows}}\r\n{{#yes}} \u{85}x{{/yes}}",
        "Zoë\u{301} – {{title}} é\r\n{{#yes}}ü\u{301}{{/yes}}日本 {{ title }} 🙂\n  {{#rows}}\n  ñ {{name}}\n{{/rows}}",
    ]

    @Test func programsRenderAsTheLibraryDoes() throws {
        let partials = ["part": "<{{title}}>\n{{#rows}}\n{{name}}\n{{/rows}}\n", "unused": "{{! comment }}"]
        for text in ["A <b> & \"c\" 'd'", "", "Zoë\u{301} \"\u{301} \u{600}< \u{A0}&\r\n"] {
            for template in templates {
                let (library, program) = try bothWays(template, partials: partials, context(text))
                #expect(program != nil, "\(template.debugDescription)")
                #expect(program == library, "\(template.debugDescription) with \(text.debugDescription)")
            }
        }
    }

    /// A program writes a number's digits itself: the text the library prints for it, whatever its size or sign.
    @Test func numbersRenderAsTheLibraryPrintsThem() throws {
        let numbers = [0, 1, 9, 10, 42, 99, 100, 101, 999, 1000, 12_345, -1, -9, -10, -99, -100, -12_345, .max, .min]
        for number in numbers {
            let context: TemplateObject = ["n": TemplateNumber(number), "rows": [["n": TemplateNumber(number)]]]
            let (library, program) = try bothWays("{{n}}|{{{n}}}|{{#n}}{{.}}{{/n}}|{{#rows}}{{n}}{{/rows}}", context)
            #expect(program == library, "\(number)")
            #expect(program?.hasPrefix(String(number) + "|") == true, "\(number)")
        }
    }

    @Test func programsRenderHostileTextAsTheLibraryDoes() async throws {
        await propertyCheck(count: 100, input: hostileString) { text in
            for template in templates {
                let (library, program) = try bothWays(template, partials: ["part": "{{title}}\n"], context(text))
                #expect(program == library, "\(template.debugDescription) with \(text.unicodeScalars.map(\.value))")
            }
        }
    }

    @Test func templatesWithOtherTagsAreLeftToTheLibrary() {
        let others = [
            "{{! comment }}", "{{&title}}", "{{title.count}}", "{{uppercased(title)}}", "{{=<% %>=}}",
            "{{<base}}{{/base}}",
            "{{$block}}x{{/block}}", "\n  {{> part}}\n", "{{title}}{", "{{>*dynamic}}", "{{#rows}}x", "{{/rows}}",
            "{{#a}}{{/b}}",
            "{{}}",
            "{{title", "{{{title}}",
        ]
        for text in others {
            #expect(TemplateProgram(TemplateEscaping.pragma + text) == nil, "\(text)")
        }
        // Without the pragma the library escapes as Mustache does, which a program does not.
        #expect(TemplateProgram("{{title}}") == nil)
    }

    @Test func everyBuiltInTemplateIsAProgram() {
        for (name, text) in DefaultTemplates.mustache {
            #expect(TemplateProgram(TemplateEscaping.pragma + "\n" + text) != nil, "\(name)")
            if SiteRenderer.pageTemplates.contains(name) {
                #expect(TemplateProgram(TemplateEscaping.pragma + text) != nil, "\(name)")
            }
        }
    }

    /// Meetings whose text holds what escaping and the stack must get right.
    func meetings(_ text: String) -> [Meeting] {
        let lines = LineSpan(2, 3)
        return [
            Meeting(
                id: "m1",
                source: MeetingSource(path: "a \(text).md", sha256: "0", format: .markdown),
                title: "Board & <co> \(text)",
                date: "2021-05-01",
                startTime: "10:00",
                endTime: "11:00",
                location: text,
                attendees: [Person(name: "Zoë", organization: text, role: "Chair", handle: "@z", lines: lines)],
                officials: [Person(name: text, lines: lines)],
                absent: [Person(name: "Al", organization: "Acme", lines: lines)],
                recommendations: [Recommendation(id: "r1", text: text, to: "Council", lines: lines)],
                actions: [
                    Action(id: "a1", text: text, owners: ["Zoë"], due: "2021-05-20", dueText: "soon", lines: lines),
                    Action(id: "a2", text: "Read", owners: [], dueText: text, lines: lines),
                ],
                decisions: [Decision(id: "d1", text: text, lines: lines)],
                diagnostics: [
                    Diagnostic(.warning, text, file: "a.md", line: 4), Diagnostic(.note, "fine", file: "a.md"),
                ]
            ),
            Meeting(
                id: "m2",
                source: MeetingSource(path: "b.txt", sha256: "0", format: .text),
                attendees: [Person(name: "Zoë", lines: lines)],
                recommendations: [Recommendation(id: "r1", text: "Wait", lines: lines)],
                actions: [Action(id: "a1", text: "Call", owners: ["Zoë", text], lines: lines)]
            ),
            Meeting(id: "m3", source: MeetingSource(path: "c.md", sha256: "0", format: .markdown)),
        ]
    }

    @Test func builtInPagesRenderAsTheLibraryRendersThem() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("minutes-programs-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let date = try #require(CalendarDate(iso: "2021-06-01"))
        for (title, url) in [("Minutes", ""), ("A <b> & \"c\" 'd'", "https://example.org/")] {
            let site = try SiteRenderer(templatesFolder: nil, buildDate: date, siteTitle: title, siteURL: url)
            let library = try SiteRenderer(
                templatesFolder: nil,
                buildDate: date,
                siteTitle: title,
                siteURL: url,
                usesPrograms: false
            )
            for text in ["plain", "A <b> & \"c\" 'd'", "Zoë\u{301} \"\u{301} \u{600}< \u{A0}&\r\n", ""] {
                let overview = try OverviewIndex(scratch: folder)
                for meeting in meetings(text) {
                    try overview.add(meeting)
                    let note = Array("<p id=\"L1\">\(text)</p>".utf8)
                    #expect(
                        try site.meetingPage(meeting, noteHTML: note) == library.meetingPage(meeting, noteHTML: note)
                    )
                }
                let sealed = try overview.sealed()
                for pageSize in [1, 2, 1000] {
                    let pages = try site.overviewPages(sealed, pageSize: pageSize)
                    let libraryPages = try library.overviewPages(sealed, pageSize: pageSize)
                    #expect(pages.map(\.name) == libraryPages.map(\.name))
                    for (page, libraryPage) in zip(pages, libraryPages) {
                        #expect(try page.render() == libraryPage.render(), "\(page.name)")
                    }
                }
            }
        }
    }

    /// A folder that replaces one partial makes the pages that render it go through the library, as written.
    @Test func aReplacedPartialIsRendered() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("minutes-programs-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "<footer>{{siteTitle}}</footer>\n".write(
            to: folder.appendingPathComponent("foot.mustache"),
            atomically: true,
            encoding: .utf8
        )
        let date = try #require(CalendarDate(iso: "2021-06-01"))
        let site = try SiteRenderer(templatesFolder: folder.path, buildDate: date, siteTitle: "Mine", siteURL: "")
        let page = String(decoding: try site.meetingPage(meetings("x")[0], noteHTML: []), as: UTF8.self)
        #expect(page.hasSuffix("</article>\n<footer>Mine</footer>\n"))
    }
}
