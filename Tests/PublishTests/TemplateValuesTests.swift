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
        var object: TemplateObject = ["a": 1, "b": nil, "c": "x"]
        #expect(object.entries.map(\.key) == ["a", "c"])
        object["a"] = 2
        object["d"] = true
        object["c"] = nil
        #expect(object.entries.map(\.key) == ["a", "d"])
        #expect(object["a"] as? Int == 2)
        #expect(object.description == "[\"a\": 2, \"d\": true]")
    }
}
