import Foundation
import Testing

/// Hostile notes built together with an ordinary one: each is refused or read with diagnostics, and the ordinary
/// note's record, rows and page come out as they do when it is built alone.
@Suite struct HostileInputTests {
    static let ordinaryID = "2021-04-01-ordinary"
    static let ordinary = "# Ordinary\n\nDate: 1 April 2021\n\nPresent: Ann Lee, Bob Roy\n\n- Action: Ann to tidy up\n"

    /// What a build of the ordinary note with hostile ones wrote, and what it said.
    struct Build {
        var result: RunResult
        var out: URL

        func text(_ file: String) throws -> String {
            try String(contentsOf: out.appendingPathComponent(file), encoding: .utf8)
        }
    }

    /// Builds `ordinary.md` alone, then with `hostile` notes beside it, checks that the ordinary note's outputs are
    /// the same in both, and hands the second build to `body`.
    func buildWithOrdinary(
        _ hostile: [String: Data],
        arguments: [String] = [],
        sourceLocation: SourceLocation = #_sourceLocation,
        _ body: (Build) throws -> Void
    ) throws {
        let notes = try makeTemporaryFolder()
        let alone = try makeTemporaryFolder()
        let together = try makeTemporaryFolder()
        defer {
            for folder in [notes, alone, together] { try? FileManager.default.removeItem(at: folder) }
        }
        try Data(Self.ordinary.utf8).write(to: notes.appendingPathComponent("ordinary.md"))
        let common = ["--build-date", "2021-06-01"] + arguments
        let baseline = try runMinutes(["build", notes.path, "--out", alone.path] + common)
        try #require(baseline.status == 0, "\(baseline.stderr)", sourceLocation: sourceLocation)
        for (name, bytes) in hostile {
            try bytes.write(to: notes.appendingPathComponent(name))
        }
        let result = try runMinutes(["build", notes.path, "--out", together.path] + common)

        let record = "json/\(Self.ordinaryID).json"
        let expected = try Data(contentsOf: alone.appendingPathComponent(record))
        #expect(
            try Data(contentsOf: together.appendingPathComponent(record)) == expected,
            sourceLocation: sourceLocation
        )
        for table in filesUnder(alone.appendingPathComponent("csv")) {
            let rows = { (folder: URL) throws -> [Substring] in
                let text = try String(contentsOf: folder.appendingPathComponent("csv/\(table)"), encoding: .utf8)
                return text.split(separator: "\r\n").filter { $0.hasPrefix(Self.ordinaryID + ",") }
            }
            #expect(try rows(together) == rows(alone), "\(table)", sourceLocation: sourceLocation)
        }
        let page = try String(
            contentsOf: together.appendingPathComponent("site/meetings/\(Self.ordinaryID).html"),
            encoding: .utf8
        )
        #expect(page.contains("Ann to tidy up"), sourceLocation: sourceLocation)
        let index = try String(contentsOf: together.appendingPathComponent("site/index.html"), encoding: .utf8)
        #expect(index.contains("meetings/\(Self.ordinaryID).html"), sourceLocation: sourceLocation)
        try body(Build(result: result, out: together))
    }

    /// The meeting records a build wrote.
    func records(_ build: Build) throws -> [[String: Any]] {
        try build.text("meetings.jsonl").split(separator: "\n").map {
            try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    // MARK: Nesting and width

    /// A note nested 10,000 deep (or 2,000 indented levels), by the name of its shape.
    static func deepNote(_ shape: String) -> String {
        switch shape {
        case "bullets": String(repeating: "- ", count: 10_000) + "deepest\n"
        case "ordered": String(repeating: "1. ", count: 10_000) + "deepest\n"
        case "quotes": String(repeating: "> ", count: 10_000) + "deepest\n"
        case "quoted lists": String(repeating: "> - ", count: 5_000) + "deepest\n"
        default:
            (0..<2_000).map { String(repeating: "  ", count: $0) + "- item \($0)" }.joined(separator: "\n")
                + " deepest\n"
        }
    }

    @Test(arguments: ["bullets", "ordered", "quotes", "quoted lists", "indented bullets"])
    func tenThousandDeepNestingIsRead(shape: String) throws {
        try buildWithOrdinary(["deep.md": Data(("# Deep\n\n" + Self.deepNote(shape)).utf8)]) { build in
            #expect(build.result.status == 0, "\(build.result.stderr)")
            #expect(build.result.stderr.contains("minutes: 2 meetings"), "\(build.result.stderr)")
            let deep = try #require(try records(build).first { $0["title"] as? String == "Deep" })
            let id = try #require(deep["id"] as? String)
            let page = try build.text("site/meetings/\(id).html")
            #expect(page.contains("deepest"), "the deepest text is on the page")
        }
    }

    @Test func tenThousandColumnTableIsRead() throws {
        let columns = 10_000
        let header = "| " + (1...columns).map { "c\($0)" }.joined(separator: " | ") + " |\n"
        let rule = "|" + String(repeating: "---|", count: columns) + "\n"
        let row = "| " + (1...columns).map { "v\($0)" }.joined(separator: " | ") + " |\n"
        let note = "# Wide\n\nDate: 2 April 2021\n\n" + header + rule + row
        try buildWithOrdinary(["wide.md": Data(note.utf8)]) { build in
            #expect(build.result.status == 0, "\(build.result.stderr)")
            let page = try build.text("site/meetings/2021-04-02-wide.html")
            #expect(page.contains("c10000") && page.contains("v10000"))
        }
    }

    // MARK: Size

    @Test func fiftyMegabyteNoteIsRefusedAndTheOthersAreBuilt() throws {
        let line = "Lorem ipsum dolor sit amet, the committee noted the item and moved on to the next one.\n"
        let big = Data(String(repeating: line, count: 50_000_000 / line.utf8.count + 1).utf8)
        #expect(big.count > 50_000_000)
        try buildWithOrdinary(["big.md": big]) { build in
            #expect(build.result.status == 1, "a note that could not be read sets the exit status")
            let message = build.result.stderr.split(separator: "\n").first { $0.contains("big.md") }
            #expect(message?.contains("error:") == true, "\(build.result.stderr)")
            #expect(message?.contains("47.7 MiB") == true, "\(build.result.stderr)")
            #expect(message?.contains("over the size limit of 16 MiB") == true, "\(build.result.stderr)")
            #expect(message?.contains("--max-size") == true, "\(build.result.stderr)")
            #expect(build.result.stderr.contains("minutes: 1 meetings"), "\(build.result.stderr)")
            let written = try records(build)
            #expect(written.count == 1)
        }
    }

    // MARK: Identity

    @Test func titlesThatSlugAlikeGetDistinctIDsAndBothAreWritten() throws {
        let first = "# Budget Review\n\nDate: 3 April 2021\n\n- Action: Cy to cost it\n"
        let second = "# budget: review!\n\nDate: 3 April 2021\n\n- Action: Di to fund it\n"
        try buildWithOrdinary(["a.md": Data(first.utf8), "b.md": Data(second.utf8)]) { build in
            #expect(build.result.status == 0, "\(build.result.stderr)")
            let records = try records(build)
            let ids = records.compactMap { $0["id"] as? String }
            #expect(ids.count == 3)
            #expect(Set(ids).count == 3, "\(ids)")
            #expect(ids.contains("2021-04-03-budget-review") && ids.contains("2021-04-03-budget-review-2"), "\(ids)")
            let files = filesUnder(build.out)
            for id in ids {
                #expect(files.contains("json/\(id).json") && files.contains("site/meetings/\(id).html"), "\(id)")
            }
            let pages = try ["2021-04-03-budget-review", "2021-04-03-budget-review-2"].map {
                try build.text("site/meetings/\($0).html")
            }
            #expect(pages[0].contains("Cy to cost it") && pages[1].contains("Di to fund it"))
        }
    }

    // MARK: Control and bidi characters

    /// The control characters (but tab, line feed and carriage return) and bidi overrides and isolates in `text`.
    func unsafeScalars(_ text: String) -> [String] {
        text.unicodeScalars.filter { scalar in
            let value = scalar.value
            return (value < 0x20 && ![0x09, 0x0A, 0x0D].contains(value)) || (0x7F...0x9F).contains(value)
                || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
        }.map { String($0.value, radix: 16) }
    }

    @Test func controlAndBidiCharactersInNamesAndTitlesAreNeutralisedInHTMLAndCSV() throws {
        // YAML escapes put C0 and C1 controls in the values; the body carries U+202E and U+2066 as they are.
        let frontMatter = """
            ---
            title: "Board\\x1B[31m \\u202Egnp.exe\\x07 minutes"
            date: 2021-04-05
            location: "Room\\u2066 9\\x00"
            attendees:
              - "Ann\\u202E eeL\\x1B"
              - Bob Roy
            ---
            ## Actions

            - Action: Cy to check the \u{2067}hall\u{2069} and \u{202E}gro.live by 30 April 2021
            """
        let markdown = "# Tenants \u{202E}committee\n\nDate: 6 April 2021\n\nPresent: Di Fox\u{202E}, Ed Gray\n"
        try buildWithOrdinary(["fm.md": Data(frontMatter.utf8), "tenants.md": Data(markdown.utf8)]) { build in
            #expect(build.result.status == 0, "\(build.result.stderr)")
            #expect(unsafeScalars(build.result.stderr).isEmpty, "diagnostics quote the note without its controls")
            let records = try records(build)
            #expect(records.count == 3)
            // The records keep what the note says; JSON escapes the controls.
            let titles = records.compactMap { $0["title"] as? String }
            #expect(titles.contains("Board\u{1B}[31m \u{202E}gnp.exe\u{07} minutes"), "\(titles)")
            // Names hiding such characters are not read as people, and say so.
            #expect(build.result.stderr.contains("could not read “Ann\u{FFFD} eeL\u{FFFD}”"), "\(build.result.stderr)")
            #expect(build.result.stderr.contains("could not read “Di Fox\u{FFFD}”"), "\(build.result.stderr)")
            let files = filesUnder(build.out).filter {
                $0.hasSuffix(".html") || $0.hasSuffix(".csv") || $0.hasSuffix(".xml")
            }
            #expect(files.count >= 12)
            for file in files {
                let unsafe = unsafeScalars(try build.text(file))
                #expect(unsafe.isEmpty, "\(file) has \(unsafe)")
            }
            let meetings = try build.text("csv/meetings.csv")
            #expect(meetings.contains("Board\u{FFFD}[31m \u{FFFD}gnp.exe\u{FFFD} minutes"), "\(meetings)")
            #expect(meetings.contains("Room\u{FFFD} 9\u{FFFD}"))
            let actions = try build.text("csv/actions.csv")
            #expect(actions.contains("the \u{FFFD}hall\u{FFFD} and \u{FFFD}gro.live"), "\(actions)")
            let page = try build.text("site/meetings/2021-04-06-tenants-committee.html")
            #expect(page.contains("Tenants \u{FFFD}committee"))
        }
    }

    @Test func prependedAndCombiningMarksDoNotUnescapeMarkup() throws {
        // U+0600 is a prepended mark and U+0301 a combining one: each makes a `<` or `"` part of a larger
        // `Character`, which an escaper working by `Character` (Mustache's) passes through as it is. Front matter
        // keeps the tags in the record; the pages are searched by byte, as a browser reads them.
        let note = """
            ---
            title: "Marks \\u0600<script>alert(1)</script>"
            date: 2021-04-07
            location: "Room \\u0600</script><script>alert(2)</script>"
            ---
            ## Actions

            - Action: Ann to fix the title="x"\u{301} onmouseover=alert(3) x by 30 April 2021
            """
        try buildWithOrdinary(["marks.md": Data(note.utf8)]) { build in
            #expect(build.result.status == 0, "\(build.result.stderr)")
            let records = try records(build)
            #expect(records.contains { ($0["title"] as? String)?.contains("script>alert(1)</script>") == true })
            let site = build.out.appendingPathComponent("site")
            let pages = filesUnder(site).filter { $0.hasSuffix(".html") || $0.hasSuffix(".xml") }
            #expect(pages.count >= 6)
            for page in pages {
                let bytes = try Data(contentsOf: site.appendingPathComponent(page))
                for needle in ["<script>alert", "</script><script>", "\"\u{301} onmouseover"] {
                    #expect(bytes.firstRange(of: Data(needle.utf8)) == nil, "\(page) has \(needle.debugDescription)")
                }
            }
            // A quote followed by a combining mark is still doubled in CSV: every row keeps its cells.
            if let python = python() {
                let rows = try readCSV(build.out.appendingPathComponent("csv/actions.csv"), with: python)
                let width = rows.first?.count ?? 0
                #expect(width >= 9 && rows.allSatisfy { $0.count == width }, "\(rows)")
                #expect(rows.contains { $0[3].contains("title=\"x\"\u{301} onmouseover") }, "\(rows)")
            }
        }
    }
}
