import Foundation
import Testing

/// `minutes init`, `minutes check` and `minutes.yml` as the commands find and honour it.
@Suite struct ConfigurationCommandTests {
    /// A temporary folder of notes.
    private struct Folder {
        let root: URL

        init(_ files: [String: String]) throws {
            root = try makeTemporaryFolder()
            for (name, text) in files { try write(name, text) }
        }

        func write(_ name: String, _ text: String) throws {
            let url = root.appendingPathComponent(name)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(),
                withIntermediateDirectories: true
            )
            try Data(text.utf8).write(to: url)
        }

        func path(_ name: String = "") -> String { name.isEmpty ? root.path : root.appendingPathComponent(name).path }

        func remove() { try? FileManager.default.removeItem(at: root) }
    }

    static let note = """
        # Parish council

        Date: 04/05/2021

        ## Who was there

        - Ann Lee
        - Bob Ray

        ## Homework

        - Ann to write the report by 30 May
        - Zoe to book the hall
        """

    /// The JSON object `minutes extract` printed.
    private func record(_ run: RunResult) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    }

    @Test func initWritesADefaultThatTheCommandsReadAndRefusesToOverwrite() throws {
        let folder = try Folder(["a.md": Self.note])
        defer { folder.remove() }
        let first = try runMinutes(["init", folder.path()])
        #expect(first.status == 0, "\(first.stderr)")
        let written = try String(contentsOfFile: folder.path("minutes.yml"), encoding: .utf8)
        #expect(written.hasPrefix("# minutes.yml"))
        #expect(written.contains("headings:") && written.contains("exclude: []"))
        let again = try runMinutes(["init", folder.path()])
        #expect(again.status == 1)
        #expect(again.stderr.contains("minutes.yml: error: already exists; not overwritten"), "\(again.stderr)")
        #expect(try String(contentsOfFile: folder.path("minutes.yml"), encoding: .utf8) == written)
        // The default changes nothing: the same record as with no configuration at all.
        let configured = try runMinutes(["extract", folder.path("a.md")])
        #expect(configured.status == 0, "\(configured.stderr)")
        try FileManager.default.removeItem(atPath: folder.path("minutes.yml"))
        let plain = try runMinutes(["extract", folder.path("a.md")])
        #expect(configured.stdout == plain.stdout)
    }

    @Test func aConfigurationInTheInputFolderIsHonouredByExtractBuildAndCheck() throws {
        let folder = try Folder([
            "notes/a.md": Self.note,
            "notes/drafts/b.md": "# Draft\n\nDate: 1 May 2021\n",
            "notes/minutes.yml": """
            headings: {attendees: [Who was there], actions: [Homework]}
            dates: month-first
            exclude: [drafts/]
            """,
        ])
        defer { folder.remove() }
        let extract = try runMinutes(["extract", folder.path("notes")])
        #expect(extract.status == 0, "\(extract.stderr)")
        let json = try record(extract)
        #expect(json["date"] as? String == "2021-04-05")
        #expect(
            (json["attendees"] as? [[String: Any]])?.compactMap { $0["name"] as? String } == ["Ann Lee", "Bob Ray"]
        )
        #expect((json["actions"] as? [Any])?.count == 2)

        let out = folder.root.appendingPathComponent("out")
        let build = try runMinutes(["build", folder.path("notes"), "--out", out.path, "--build-date", "2021-06-01"])
        #expect(build.status == 0, "\(build.stderr)")
        #expect(filesUnder(out.appendingPathComponent("json")) == ["2021-04-05-parish-council.json"])

        let check = try runMinutes(["check", folder.path("notes")])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(
            check.stdout == """
                \(folder.path("notes/a.md")):13:1: warning: action a2 has no due date
                \(folder.path("notes/a.md")):13:1: warning: action a2: owner 'Zoe' is not among the attendees or officials

                """
        )
        // The flag wins over the configuration's date order; --config names another file.
        try folder.write("other.yml", "dates: day-first\n")
        let flagged = try runMinutes([
            "extract", "--month-first", "--config", folder.path("other.yml"), folder.path("notes/a.md"),
        ])
        #expect(try record(flagged)["date"] as? String == "2021-04-05")
        let other = try runMinutes(["extract", "--config", folder.path("other.yml"), folder.path("notes/a.md")])
        #expect(try record(other)["date"] as? String == "2021-05-04")
        // Its own settings only: no heading aliases, so `Who was there` lists nobody.
        #expect((try record(other)["attendees"] as? [Any])?.isEmpty == true)
    }

    @Test(arguments: ["extract", "build", "check", "ast"])
    func aBadConfigurationIsAUsageErrorNamingFileLineAndKey(_ command: String) throws {
        let folder = try Folder([
            "a.md": Self.note,
            "minutes.yml": "headings:\n  actions: [Homework]\nheadingz:\n  attendees: []\n",
        ])
        defer { folder.remove() }
        let out = folder.root.appendingPathComponent("out").path
        let run = try runMinutes([command, folder.path()] + (command == "build" ? ["--out", out] : []))
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(
            run.stderr.hasPrefix("\(folder.path("minutes.yml")):3:1: error: unknown key 'headingz'"),
            "\(run.stderr)"
        )
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func aMissingConfigFileIsAUsageError() throws {
        let run = try runMinutes(["extract", "--config", "no-such-minutes.yml", "corpus/front-matter.md"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("no-such-minutes.yml: error: no such file or directory"), "\(run.stderr)")
    }

    @Test func checkExitsOneOnErrorsAndWithStrictOnWarnings() throws {
        let folder = try Folder([
            "clean.md": "# Council\n\nDate: 4 March 2021\n\nPresent: Ann Lee\n\nAction: Ann to write by 30 March\n",
            "warned.md": "# Council\n\nDate: 4 March 2021\n\nPresent: Ann Lee\n\nAction: Ann to write\n",
            "broken.md": "Present: Ann Lee\n",
        ])
        defer { folder.remove() }
        let clean = try runMinutes(["check", "--strict", folder.path("clean.md")])
        #expect(clean.status == 0)
        #expect(clean.stdout.isEmpty)
        #expect(clean.stderr.contains("1 notes checked; 0 errors, 0 warnings"))
        let warned = try runMinutes(["check", folder.path("warned.md")])
        #expect(warned.status == 0)
        #expect(warned.stdout == "\(folder.path("warned.md")):7:1: warning: action a1 has no due date\n")
        #expect(try runMinutes(["check", "--strict", folder.path("warned.md")]).status == 1)
        let broken = try runMinutes(["check", folder.path()])
        #expect(broken.status == 1)
        #expect(
            broken.stdout.contains(
                "\(folder.path("broken.md")):1:1: error: no meeting date found: write it near the top (`Date: 4 March 2021`)"
            ),
            "\(broken.stdout)"
        )
        #expect(broken.stderr.contains("3 notes checked; 1 errors, 1 warnings"), "\(broken.stderr)")
        let missing = try runMinutes(["check", folder.path("nothing-here.md")])
        #expect(missing.status == 1)
        #expect(missing.stdout.contains("nothing-here.md: error: no such file or directory"))
    }
}
