import Extract
import Foundation
import Testing

@testable import Publish

/// The people pages show each person under the name of their newest appearance, on every page their list is on.
@Suite struct PeoplePagesTests {
    /// The names the rows of `html` show, with " (continued)" after a list that goes on from an earlier page.
    func rowNames(_ html: String) -> [String] {
        html.matches(of: /<tr><th scope="row">([^<]*)(<span class="muted">\(continued\))?/).map {
            $0.1.trimmingCharacters(in: .whitespaces) + ($0.2 == nil ? "" : " (continued)")
        }
    }

    /// A person is one person by their name in lower case (``OverviewIndex``): three notes give one person three
    /// spellings, the newest being neither the first nor the last of their span, so that taking any appearance but
    /// the newest shows another name.
    @Test func aPersonIsShownUnderTheirNewestName() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("minutes-people-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let date = try #require(CalendarDate(iso: "2021-06-01"))
        let site = try SiteRenderer(templatesFolder: nil, buildDate: date, siteTitle: "Minutes", siteURL: "")
        let lines = LineSpan(1, 1)
        func meeting(_ id: String, _ date: String, _ names: [String]) -> Meeting {
            Meeting(
                id: id,
                source: MeetingSource(path: "\(id).md", sha256: "0", format: .markdown),
                date: date,
                attendees: names.map { Person(name: $0, lines: lines) }
            )
        }
        // Added oldest first, newest in the middle, so that neither the order added nor the order of names is the
        // order of dates.
        let overview = try OverviewIndex(scratch: folder)
        try overview.add(meeting("old", "2021-01-01", ["Ann Lee", "Bob"]))
        try overview.add(meeting("new", "2021-03-01", ["ANN LEE"]))
        try overview.add(meeting("mid", "2021-02-01", ["ann lee", "Bob"]))
        let sealed = try overview.sealed()
        #expect(sealed.personCount == 2)

        func names(pageSize: Int) throws -> [[String]] {
            try site.overviewPages(sealed, pageSize: pageSize).filter { $0.name.hasPrefix("people") }.map {
                rowNames(String(decoding: try $0.render(), as: UTF8.self))
            }
        }
        #expect(try names(pageSize: 1000) == [["ANN LEE", "Bob"]])
        // Ann's list starts on a page and goes on to the next, then to one of its own.
        #expect(try names(pageSize: 2) == [["ANN LEE"], ["ANN LEE (continued)", "Bob"], ["Bob (continued)"]])
        #expect(
            try names(pageSize: 1) == [
                ["ANN LEE"], ["ANN LEE (continued)"], ["ANN LEE (continued)"], ["Bob"], ["Bob (continued)"],
            ]
        )
    }
}
