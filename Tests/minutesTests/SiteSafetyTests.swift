import Foundation
import Testing

/// Nothing from a note becomes markup in the digest, the feed or the tables, and the pages work in a real browser.
@Suite(.serialized) struct SiteSafetyTests {
    static let scriptTitle = "<script>alert(1)</script>"
    static let imageName = "\"><img src=x onerror=alert(1)>"

    /// A note whose title, attendee, action and body try to inject markup, and one ordinary note.
    func buildHostile() throws -> (notes: URL, out: URL) {
        let notes = try makeTemporaryFolder()
        let out = try makeTemporaryFolder()
        // Front matter and plain text keep what they hold as text: the place for payloads to reach the records.
        let frontMatter = """
            ---
            title: '\(Self.scriptTitle) minutes'
            date: 2021-03-03
            location: '<iframe src="https://example.org"></iframe>'
            attendees:
              - '\(Self.imageName)'
              - "Bidi \u{202E}evil\u{202C} Person"
            ---
            ## Actions

            - Action: Ann Lee to check <img src=x onerror="document.title='pwned'"> by 30 March 2021
            - Action: Bob to open [a link](javascript:alert(3)) now

            <script>document.title = 'pwned'</script>
            <b onmouseover=alert(2)>Bold</b>
            """
        let plain = """
            \(Self.scriptTitle) committee

            Date: 4 March 2021
            Present: \(Self.imageName), Ann Lee
            Apologies: Bob <iframe src=x>

            Action: Ann to remove <script>document.title='pwned'</script> from the site.
            """
        try Data(frontMatter.utf8).write(to: notes.appendingPathComponent("hostile.md"))
        try Data(plain.utf8).write(to: notes.appendingPathComponent("hostile.txt"))
        try Data("# Ordinary\n\nDate: 1 April 2021\n\n- Action: Ann to tidy up\n".utf8)
            .write(to: notes.appendingPathComponent("ordinary.md"))
        let result = try runMinutes(["build", notes.path, "--out", out.path, "--build-date", "2021-06-01"])
        #expect(result.status == 0, "\(result.stderr)")
        return (notes, out)
    }

    @Test func noteTextNeverBecomesMarkup() throws {
        let (notes, out) = try buildHostile()
        defer {
            try? FileManager.default.removeItem(at: notes)
            try? FileManager.default.removeItem(at: out)
        }
        let site = out.appendingPathComponent("site")
        let pages = filesUnder(site).filter { $0.hasSuffix(".html") || $0.hasSuffix(".xml") }
        #expect(pages.count >= 6)
        for page in pages {
            let text = try String(contentsOf: site.appendingPathComponent(page), encoding: .utf8)
            #expect(!text.contains("<script>alert"), "\(page)")
            #expect(!text.contains("<script>document"), "\(page)")
            #expect(!text.contains("<img src=x"), "\(page)")
            #expect(!text.contains("<img src=\"x\""), "\(page)")
            #expect(!text.contains("<b onmouseover"), "\(page)")
            #expect(!text.contains("<iframe"), "\(page)")
            #expect(!text.contains("javascript:"), "\(page)")
            #expect(!text.contains("\u{202E}"), "\(page): bidi override passed through")
        }
        let index = try String(contentsOf: site.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(index.contains("&lt;script&gt;alert(1)&lt;/script&gt; minutes"))
        let feed = try String(contentsOf: site.appendingPathComponent("feed.xml"), encoding: .utf8)
        #expect(feed.contains("<title>&lt;script&gt;alert(1)&lt;/script&gt; minutes</title>"))
        let meeting = try String(
            contentsOf: site.appendingPathComponent("meetings/2021-03-03-script-alert-1-script-minutes.html"),
            encoding: .utf8
        )
        #expect(meeting.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"))
        #expect(meeting.contains("<!-- raw HTML omitted -->"))
        let plain = try String(
            contentsOf: site.appendingPathComponent("meetings/2021-03-04-script-alert-1-script-committee.html"),
            encoding: .utf8
        )
        #expect(plain.contains("&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;"))
        #expect(!meeting.contains("</script><script"), "JSON-LD must not close its script element")
    }

    @Test func tidyFindsValidHTML5() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/tidy") else {
            print("note: tidy is absent; the HTML check is skipped (scripts/bootstrap installs it)")
            return
        }
        let (notes, out) = try buildHostile()
        let corpus = try makeTemporaryFolder()
        defer {
            try? FileManager.default.removeItem(at: notes)
            try? FileManager.default.removeItem(at: out)
            try? FileManager.default.removeItem(at: corpus)
        }
        // Small pages, so that the pager and continued lists are checked too.
        #expect(try runMinutes(["build", "corpus", "--out", corpus.path, "--page-size", "5"]).status == 0)
        for site in [out.appendingPathComponent("site"), corpus.appendingPathComponent("site")] {
            for page in filesUnder(site) where page.hasSuffix(".html") {
                let result = try run(
                    URL(fileURLWithPath: "/usr/bin/tidy"),
                    ["-e", "-q", site.appendingPathComponent(page).path]
                )
                #expect(result.status == 0 && result.stderr.isEmpty, "\(page): \(result.stderr)")
            }
        }
    }

    /// The DOM that headless Chromium builds from `url`, after scripts ran.
    func dom(_ url: URL) throws -> String? {
        let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
        guard let chromium else {
            print("note: chromium is absent; the browser test is skipped (scripts/bootstrap installs it)")
            return nil
        }
        let profile = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: profile) }
        let arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--user-data-dir=\(profile.path)",
            "--virtual-time-budget=2000", "--dump-dom", url.absoluteString,
        ]
        return try run(URL(fileURLWithPath: chromium), arguments).stdout
    }

    @Test func aRealBrowserShowsThePagesAndRunsNoInjectedScript() throws {
        let (notes, out) = try buildHostile()
        defer {
            try? FileManager.default.removeItem(at: notes)
            try? FileManager.default.removeItem(at: out)
        }
        let site = out.appendingPathComponent("site")
        guard let index = try dom(site.appendingPathComponent("index.html")) else { return }
        #expect(index.contains("<title>Meetings · Meeting minutes</title>"), "\(index.prefix(400))")
        #expect(index.contains("&lt;script&gt;alert(1)&lt;/script&gt; minutes"))
        #expect(index.contains("Ordinary"))
        let page = site.appendingPathComponent("meetings/2021-03-03-script-alert-1-script-minutes.html")
        guard let meeting = try dom(page) else { return }
        #expect(meeting.contains("<title>&lt;script&gt;alert(1)&lt;/script&gt; minutes · Meeting minutes</title>"))
        #expect(!meeting.contains("pwned"), "an injected script ran")
        #expect(!meeting.contains("<img src=\"x\""), "an injected element was built")
        #expect(meeting.contains("<h2 id=\"actions\">Actions</h2>"))
        #expect(meeting.contains("<tr id=\"a1\">"))
        #expect(meeting.contains("<tr id=\"a2\">"))
        #expect(meeting.contains("id=\"L11\""), "the action's source line has an anchor")
    }
}

/// `--templates DIR` replaces built-in templates by file name and keeps the others.
@Suite struct TemplateOverrideTests {
    @Test func aTemplateFolderReplacesTemplatesByName() throws {
        let notes = try makeTemporaryFolder()
        let templates = try makeTemporaryFolder()
        let out = try makeTemporaryFolder()
        defer {
            for folder in [notes, templates, out] { try? FileManager.default.removeItem(at: folder) }
        }
        try Data("# Board <i>meeting</i>\n\nDate: 1 May 2021\n".utf8).write(to: notes.appendingPathComponent("a.md"))
        let index = "{{> head}}<h1>Our archive</h1><ul>{{#meetings}}<li>{{title}}</li>{{/meetings}}</ul>{{> foot}}"
        try Data(index.utf8).write(to: templates.appendingPathComponent("index.mustache"))
        try Data("body { color: teal; }\n".utf8).write(to: templates.appendingPathComponent("style.css"))
        let result = try runMinutes(["build", notes.path, "--out", out.path, "--templates", templates.path])
        #expect(result.status == 0, "\(result.stderr)")
        let html = try String(contentsOf: out.appendingPathComponent("site/index.html"), encoding: .utf8)
        #expect(html.contains("<h1>Our archive</h1><ul><li>Board meeting</li></ul>"))
        #expect(html.hasSuffix("</html>\n"), "the built-in head and foot partials still apply")
        let css = try String(contentsOf: out.appendingPathComponent("site/style.css"), encoding: .utf8)
        #expect(css == "body { color: teal; }\n")
        let meeting = try String(
            contentsOf: out.appendingPathComponent("site/meetings/2021-05-01-board-meeting.html"),
            encoding: .utf8
        )
        #expect(meeting.contains("<h2 id=\"note\">The note</h2>"), "templates not given stay built in")
        #expect(meeting.contains("<h3 id=\"L1\""), "the note's own h1 sits below the page's h2")
    }

    @Test func aBrokenTemplateIsAClearError() throws {
        let notes = try makeTemporaryFolder()
        let templates = try makeTemporaryFolder()
        let out = try makeTemporaryFolder()
        defer {
            for folder in [notes, templates, out] { try? FileManager.default.removeItem(at: folder) }
        }
        try Data("# A\n".utf8).write(to: notes.appendingPathComponent("a.md"))
        try Data("{{#meetings}}unclosed".utf8).write(to: templates.appendingPathComponent("index.mustache"))
        let result = try runMinutes(["build", notes.path, "--out", out.path, "--templates", templates.path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("template index does not parse"), "\(result.stderr)")
    }
}
