import Foundation
import Testing

/// The meetings, actions and people lists split into pages (`--page-size`): the same items in the same order as on
/// one page, no page over the limit, links that lead through every page, and pages that are no longer needed removed.
@Suite(.serialized) struct OverviewPagingTests {
    /// Builds corpus/ into `out` with `pageSize` items a page.
    func build(into out: URL, pageSize: Int) throws {
        let result = try runMinutes([
            "build", "corpus", "--out", out.path, "--build-date", "2021-06-01", "--page-size", "\(pageSize)", "-q",
        ])
        #expect(result.status == 0, "\(result.stderr)")
    }

    /// The pages of `list` (`index`, `actions`, `people`) in `site`, in order, found by following the Next links.
    func pages(_ list: String, in site: URL) throws -> [(name: String, html: String)] {
        var pages: [(name: String, html: String)] = []
        var name: String? = "\(list).html"
        while let current = name, pages.count < 1000 {
            let html = try String(contentsOf: site.appendingPathComponent(current), encoding: .utf8)
            pages.append((current, html))
            name = html.firstMatch(of: /<a href="([^"]+)" rel="next">/).map { String($0.1) }
        }
        return pages
    }

    /// The lines of `html` that hold one item of `list`.
    func items(_ list: String, _ html: String) -> [String] {
        let lines = html.split(separator: "\n").map(String.init)
        switch list {
        case "people":
            // One item per meeting a person appears at.
            return lines.flatMap { line in
                line.matches(of: /<li><a href="meetings\/[^<]*<\/a>[^<]*<span[^<]*<\/span><\/li>/)
            }
            .map { String($0.0) }
        default: return lines.filter { $0.hasPrefix("<tr><td>") }
        }
    }

    /// Each person's name once, in order, from pages where a person's list may continue onto the next page.
    func names(_ pages: [String]) -> [String] {
        var names: [String] = []
        for html in pages {
            for match in html.matches(of: /<tr><th scope="row">([^<]*)/) {
                let name = String(match.1).trimmingCharacters(in: .whitespaces)
                if names.last != name { names.append(name) }
            }
        }
        return names
    }

    @Test func pagesHoldTheSameItemsInTheSameOrderAsOnePage() throws {
        let whole = try makeTemporaryFolder()
        let paged = try makeTemporaryFolder()
        defer {
            try? FileManager.default.removeItem(at: whole)
            try? FileManager.default.removeItem(at: paged)
        }
        try build(into: whole, pageSize: 100_000)
        try build(into: paged, pageSize: 4)
        for list in ["index", "actions", "people"] {
            let one = try pages(list, in: whole.appendingPathComponent("site"))
            let many = try pages(list, in: paged.appendingPathComponent("site"))
            #expect(one.count == 1, "\(list): one page when everything fits")
            #expect(!one[0].html.contains("class=\"pager\""), "\(list): no pager on a single page")
            #expect(many.count > 2, "\(list): the corpus needs several pages of 4")
            let files = filesUnder(paged.appendingPathComponent("site")).filter {
                $0 == "\(list).html" || $0.hasPrefix("\(list)-")
            }
            #expect(files.sorted() == many.map(\.name).sorted(), "\(list): the Next links reach every page")
            for page in many {
                #expect(items(list, page.html).count <= 4, "\(page.name) holds more than a page")
                #expect(page.html.contains("Page \(many.firstIndex { $0.name == page.name }! + 1) of \(many.count)"))
            }
            #expect(many.flatMap { items(list, $0.html) } == items(list, one[0].html), "\(list): items differ")
        }
        let people = try pages("people", in: paged.appendingPathComponent("site")).map(\.html)
        #expect(names(people) == names([try pages("people", in: whole.appendingPathComponent("site"))[0].html]))
        let actions = try pages("actions", in: paged.appendingPathComponent("site")).map(\.html)
        #expect(
            actions.contains { $0.contains(", continued</span></h2>") },
            "an owner's actions go on to the next page"
        )
    }

    @Test func pagesNoLongerNeededAreRemovedAndDeletedOnesComeBack() throws {
        let out = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let site = out.appendingPathComponent("site")
        try build(into: out, pageSize: 4)
        let second = site.appendingPathComponent("people-2.html")
        #expect(FileManager.default.fileExists(atPath: second.path))
        try FileManager.default.removeItem(at: second)
        try build(into: out, pageSize: 4)
        #expect(FileManager.default.fileExists(atPath: second.path), "a page deleted by hand is written again")
        try build(into: out, pageSize: 100_000)
        let left = filesUnder(site).filter { !$0.hasPrefix("meetings/") && $0.contains("-") }
        #expect(left.isEmpty, "pages of the smaller page size are left: \(left)")
    }
}
