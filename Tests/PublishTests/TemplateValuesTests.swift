import Extract
import Foundation
import Mustache
import Testing

@testable import Publish

/// The context types the digest renders with print, and act in sections, as the dictionaries, strings and numbers
/// they stand for.
@Suite struct TemplateValuesTests {
    /// Templates that use every way of reaching a value.
    let templates = [
        "{{title}}|{{{title}}}|{{#title}}[{{.}}]{{/title}}|{{^title}}none{{/title}}|{{uppercased(title)}}",
        "{{count}}|{{plusone(count)}}|{{#count}}[{{.}}]{{/count}}|{{#even(count)}}even{{/even(count)}}",
        "{{due}}|{{{due}}}|{{#due}}[{{.}}]{{/due}}|{{^due}}no date{{/due}}|{{uppercased(due)}}|{{due.x}}",
        "{{#rows}}{{name}} {{#handle}}({{.}}){{/handle}}{{^handle}}-{{/handle}} {{title}};{{/rows}}",
        "{{#rows}}{{#first()}}first {{/first()}}{{name}}{{/rows}} {{count(rows)}} {{#empty(rows)}}empty{{/empty(rows)}}",
        "{{#page}}{{number}} of {{count}} {{title}}{{/page}} {{count(page)}} {{#empty(page)}}e{{/empty(page)}}",
        "{{#sorted(page)}}{{key}}={{value}} {{/sorted(page)}}",
        "{{title.count}}|{{page.number}}|{{rows.name}}|{{missing}}|{{#missing}}x{{/missing}}",
    ]

    /// A span of lines prints from its digits as its description prints it, whatever its numbers.
    @Test func linesPrintAsTheirDescription() {
        let numbers = [0, 1, 9, 10, 42, 99, 100, 12_345, 999_999, -1, -10, .max, .min]
        for first in numbers {
            for last in numbers {
                let lines = LineSpan(first, last)
                #expect(SiteRenderer.linesText(lines).renderText == lines.description, "\(first) \(last)")
            }
        }
    }

    /// `.` is known by its word alone, and no other name is taken for it.
    @Test func onlyTheDotIsTheDot() {
        #expect(TemplateName(".").word == TemplateName.dotWord && TemplateName(".").isDot)
        for name in ["", "..", "x", ".x", "x.", "dot", "\u{2E}\u{301}"] {
            #expect(!TemplateName(name).isDot, "\(name)")
        }
    }

    @Test func rendersAsDictionariesStringsAndNumbersDo() throws {
        for title in ["A <b> & \"c\"", ""] {
            let dictionary: [String: Any] = [
                "title": title, "count": 4,
                "rows": [["name": "Ann", "handle": "@ann"], ["name": "Bob"]] as [[String: Any]],
                "page": ["number": 2, "count": 3] as [String: Any],
            ]
            let object: TemplateObject = [
                "title": TemplateText(title), "count": TemplateNumber(4), "due": TemplateNull(),
                "rows": [
                    ["name": TemplateText("Ann"), "handle": TemplateText("@ann")],
                    ["name": TemplateText("Bob"), "handle": TemplateNull()],
                ] as [TemplateObject],
                "page": ["number": TemplateNumber(2), "count": TemplateNumber(3), "gone": nil] as TemplateObject,
            ]
            for text in templates {
                let template = try MustacheTemplate(string: text)
                #expect(template.render(object) == template.render(dictionary), "\(text)")
            }
        }
    }

    @Test func anObjectSetsReplacesAndRemovesNames() {
        var object: TemplateObject = ["a": TemplateNumber(1), "b": nil, "c": TemplateText("x")]
        #expect(object.entries.map(\.key) == ["a", "c"])
        object["a"] = TemplateNumber(2)
        object["d"] = true
        object["c"] = nil
        #expect(object.entries.map(\.key) == ["a", "d"])
        #expect((object["a"] as? TemplateNumber)?.value == 2)
        #expect(object.child(named: "d") as? Bool == true)
        #expect(object.description == "[\"a\": 2, \"d\": true]")
    }

    /// A default template with each `{{.}}` written as the name of the section it is in (an innermost one), as the
    /// templates had it before.
    func namingSectionValues(_ template: String) throws -> String {
        var template = template
        for name in Set(template.matches(of: /\{\{#(\w+)\}\}/).map { String($0.output.1) }) {
            let section = try Regex("\\{\\{#\(name)\\}\\}(?:(?!\\{\\{#).)*?\\{\\{/\(name)\\}\\}").dotMatchesNewlines()
            template = template.replacing(section) {
                $0.output[0].substring?.replacing("{{.}}", with: "{{\(name)}}") ?? ""
            }
        }
        return template
    }

    @Test func pagesRenderAsTemplatesThatNameEachValueDo() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("minutes-templates-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, text) in DefaultTemplates.mustache {
            let named = try namingSectionValues(text)
            #expect(!named.contains("{{.}}"), "\(name)")
            try named.write(to: folder.appendingPathComponent("\(name).mustache"), atomically: true, encoding: .utf8)
        }
        let date = try #require(CalendarDate(iso: "2021-06-01"))
        let site = try SiteRenderer(templatesFolder: nil, buildDate: date, siteTitle: "Minutes", siteURL: "")
        let named = try SiteRenderer(templatesFolder: folder.path, buildDate: date, siteTitle: "Minutes", siteURL: "")
        let lines = LineSpan(2, 3)
        let meetings = [
            Meeting(
                id: "m1",
                source: MeetingSource(path: "a.md", sha256: "0", format: .markdown),
                title: "Board & <co>",
                date: "2021-05-01",
                startTime: "10:00",
                endTime: "11:00",
                location: "Hall",
                attendees: [Person(name: "Zoë", organization: "Acme", role: "Chair", handle: "@z", lines: lines)],
                officials: [Person(name: "Bob", lines: lines)],
                recommendations: [Recommendation(id: "r1", text: "Fund it", to: "Council", lines: lines)],
                actions: [
                    Action(id: "a1", text: "Write", owners: ["Zoë"], due: "2021-05-20", dueText: "soon", lines: lines),
                    Action(id: "a2", text: "Read", owners: [], lines: lines),
                ],
                decisions: [Decision(id: "d1", text: "Agreed", lines: lines)],
                diagnostics: [
                    Diagnostic(.warning, "odd", file: "a.md", line: 4), Diagnostic(.note, "fine", file: "a.md"),
                ]
            ),
            Meeting(
                id: "m2",
                source: MeetingSource(path: "b.txt", sha256: "0", format: .text),
                attendees: [Person(name: "Zoë", lines: lines)],
                recommendations: [Recommendation(id: "r1", text: "Wait", lines: lines)],
                actions: [Action(id: "a1", text: "Call", owners: ["Zoë", "Bob"], lines: lines)]
            ),
        ]
        let overview = try OverviewIndex(scratch: folder)
        for meeting in meetings {
            try overview.add(meeting)
            #expect(try site.meetingPage(meeting, noteHTML: []) == named.meetingPage(meeting, noteHTML: []))
        }
        let sealed = try overview.sealed()
        for pageSize in [1, 1000] {
            let pages = try site.overviewPages(sealed, pageSize: pageSize)
            let namedPages = try named.overviewPages(sealed, pageSize: pageSize)
            #expect(pages.map(\.name) == namedPages.map(\.name))
            for (page, namedPage) in zip(pages, namedPages) {
                #expect(try page.render() == namedPage.render(), "\(page.name)")
            }
        }
    }
}
