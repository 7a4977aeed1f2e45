import Foundation
import Testing

@testable import Ingest

/// `minutes.yml`: every key, the errors a bad file gets, the fingerprint, discovery and globs.
@Suite struct ConfigurationTests {
    static let everyKey = """
        # a comment
        headings:
          attendees: ["Who was there"]
          officials: [In the room]
          absent: ["Could not make it"]
          actions: [Next steps, Homework]
          decisions: [Outcomes]
        markers:
          actions: [Task]
          decisions: [Ruling]
        roles:
          chair: [Presiding officer]
          notes: [Recording clerk]
        aliases:
          organizations:
            Ministry of Justice: [MoJ, "M.o.J."]
          people:
            Eric Huss: ehuss
        dates: month-first
        include: ["minutes/**/*.md"]
        exclude: ["drafts/**", "*-template.md"]
        """

    @Test func readsEveryKey() throws {
        let configuration = try ConfigurationLoader.parse(Self.everyKey, path: "minutes.yml")
        #expect(configuration.headings[.attendees] == ["Who was there"])
        #expect(configuration.headings[.officials] == ["In the room"])
        #expect(configuration.headings[.absent] == ["Could not make it"])
        #expect(configuration.headings[.actions] == ["Next steps", "Homework"])
        #expect(configuration.headings[.decisions] == ["Outcomes"])
        #expect(configuration.actionMarkers == ["Task"])
        #expect(configuration.decisionMarkers == ["Ruling"])
        #expect(configuration.roles == ["chair": ["Presiding officer"], "notes": ["Recording clerk"]])
        #expect(configuration.organizations == ["Ministry of Justice": ["MoJ", "M.o.J."]])
        #expect(configuration.people == ["Eric Huss": ["ehuss"]])
        #expect(configuration.dates == .monthFirst)
        #expect(configuration.include == ["minutes/**/*.md"])
        #expect(configuration.exclude == ["drafts/**", "*-template.md"])
    }

    @Test func anEmptyFileIsTheDefaults() throws {
        #expect(try ConfigurationLoader.parse("", path: "minutes.yml") == Configuration())
        #expect(try ConfigurationLoader.parse("# nothing yet\n", path: "minutes.yml") == Configuration())
    }

    @Test func theDefaultFileParsesBackToTheDefaults() throws {
        let configuration = try ConfigurationLoader.parse(Configuration.defaultText, path: "minutes.yml")
        #expect(configuration.fingerprint == Configuration().fingerprint)
        #expect(configuration.headings.values.allSatisfy { $0.isEmpty })
        #expect(configuration.dates == .dayFirst)
        // Every key is documented.
        for key in ["headings:", "markers:", "roles:", "aliases:", "organizations:", "people:", "dates:", "include:"] {
            #expect(Configuration.defaultText.contains(key), "\(key)")
        }
        for kind in RecordKind.allCases {
            #expect(Configuration.defaultText.contains("  \(kind.rawValue): []"), "\(kind)")
        }
    }

    /// The messages of the errors `text` gets, as `line:column: message`.
    private func errors(_ text: String) -> [String] {
        do {
            _ = try ConfigurationLoader.parse(text, path: "minutes.yml")
            return []
        } catch {
            return error.diagnostics.map { "\($0)" }
        }
    }

    @Test func anUnknownKeyIsAnErrorWithItsLineAndColumn() {
        let found = errors("dates: day-first\n\nheadings:\n  actions: []\nheadingz:\n  actions: []\n")
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("minutes.yml:5:1: error: unknown key 'headingz'") == true, "\(found)")
        let nested = errors("markers:\n  actions: []\n  decision: [Ruling]\n")
        #expect(nested == ["minutes.yml:3:3: error: unknown key 'markers.decision' (actions or decisions)"])
    }

    @Test func anUnknownRecordKindIsAnError() {
        let found = errors("headings:\n  minutes: [Notes]\n")
        #expect(found.first?.hasPrefix("minutes.yml:2:3: error: unknown record kind 'headings.minutes'") == true)
    }

    @Test func wrongTypesAreErrorsAndEveryProblemIsReported() {
        let found = errors(
            """
            headings:
              actions: Next steps
            markers: [Task]
            dates: sideways
            include: "*.md"
            roles:
              Chair: [Presiding officer]
            aliases:
              people:
                Eric Huss: [[ehuss]]
            """
        )
        #expect(
            found == [
                "minutes.yml:2:12: error: 'headings.actions' must be a list of text, such as [\"Next steps\"]",
                "minutes.yml:3:10: error: 'markers' must be a mapping of keys to values",
                "minutes.yml:4:8: error: 'dates' must be day-first or month-first, not 'sideways'",
                "minutes.yml:5:10: error: 'include' must be a list of text, such as [\"*.md\"]",
                "minutes.yml:7:3: error: role tag 'roles.Chair' must be lower-case letters and '_' (like vice_chair)",
                "minutes.yml:10:17: error: each entry of 'aliases.people.Eric Huss' must be non-empty text",
            ]
        )
    }

    @Test func anAliasGivenForTwoNamesIsAnError() {
        let found = errors("aliases:\n  people:\n    Ann Lee: [AL]\n    Al Lane: [al, Lane]\n")
        #expect(
            found == [
                "minutes.yml:4:14: error: alias 'al' in 'aliases.people' is given for both 'Ann Lee' and 'Al Lane'"
            ]
        )
    }

    @Test func invalidYAMLAndDuplicateKeysAreErrorsWithTheirLine() {
        let invalid = errors("headings:\n  actions: [Next steps\ndates: day-first\n")
        #expect(invalid.count == 1)
        #expect(invalid.first?.contains("error: not valid YAML") == true, "\(invalid)")
        #expect(invalid.first?.hasPrefix("minutes.yml:3:") == true, "\(invalid)")
        let duplicate = errors("dates: day-first\ndates: month-first\n")
        #expect(duplicate.first?.contains("duplicate key 'dates'") == true, "\(duplicate)")
        #expect(
            errors("- a\n- b\n") == ["minutes.yml:1:1: error: the configuration must be a mapping of keys to values"]
        )
    }

    @Test func loadNamesTheFileAndSetsTheFolder() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("minutes.yml").path
        try Data("dates: month-first\n".utf8).write(to: URL(fileURLWithPath: path))
        let configuration = try ConfigurationLoader.load(path: path)
        #expect(configuration.dates == .monthFirst)
        #expect(configuration.folder == folder.path)
        try Data("headingz: []\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect {
            try ConfigurationLoader.load(path: path)
        } throws: { error in
            "\(error)"
                == "\(path):1:1: error: unknown key 'headingz' (known keys: headings, markers, roles, aliases, dates, include, exclude)"
        }
        #expect(throws: ConfigurationError.self) { try ConfigurationLoader.load(path: path + ".missing") }
    }

    @Test func theFingerprintFollowsTheContentNotTheWriting() throws {
        let written = try ConfigurationLoader.parse(Self.everyKey, path: "a.yml")
        let reordered = try ConfigurationLoader.parse(
            """
            exclude: ["drafts/**", "*-template.md"]
            include: ["minutes/**/*.md"]
            dates: month-first
            aliases: {people: {Eric Huss: [ehuss]}, organizations: {Ministry of Justice: [MoJ, M.o.J.]}}
            roles: {notes: [Recording clerk], chair: [Presiding officer]}
            markers: {decisions: [Ruling], actions: [Task]}
            headings:
              decisions: [Outcomes]
              actions: [Next steps, Homework]
              absent: ["Could not make it"]
              officials: [In the room]
              attendees: ["Who was there"]
            """,
            path: "b.yml"
        )
        #expect(written.fingerprint == reordered.fingerprint)
        #expect(written.fingerprint.count == 64)
        var changed = written
        changed.dates = .dayFirst
        #expect(changed.fingerprint != written.fingerprint)
        changed = written
        changed.headings[.actions] = ["Homework", "Next steps"]
        #expect(changed.fingerprint != written.fingerprint)
        // Stating a default is the same as leaving it out.
        #expect(
            try ConfigurationLoader.parse("dates: day-first\n", path: "c.yml").fingerprint
                == Configuration().fingerprint
        )
    }

    @Test func isFoundInTheInputFolderOrTheFolderTheInputsShare() throws {
        let root = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let notes = root.appendingPathComponent("notes")
        try FileManager.default.createDirectory(
            at: notes.appendingPathComponent("2021"),
            withIntermediateDirectories: true
        )
        for file in ["notes/2021/a.md", "notes/b.md"] {
            try Data("# A\n".utf8).write(to: root.appendingPathComponent(file))
        }
        #expect(ConfigurationLoader.discover(for: [notes.path]) == nil)
        try Data("dates: day-first\n".utf8).write(to: notes.appendingPathComponent("minutes.yml"))
        let expected = notes.appendingPathComponent("minutes.yml").path
        #expect(ConfigurationLoader.discover(for: [notes.path]) == expected)
        #expect(ConfigurationLoader.discover(for: [notes.appendingPathComponent("b.md").path]) == expected)
        // The folder two inputs share, not the folder of either.
        let both = [notes.appendingPathComponent("2021/a.md").path, notes.appendingPathComponent("b.md").path]
        #expect(ConfigurationLoader.discover(for: both) == expected)
        // A file in a sub-folder does not look upwards.
        #expect(ConfigurationLoader.discover(for: [notes.appendingPathComponent("2021/a.md").path]) == nil)
    }

    @Test(arguments: [
        ("*.md", "a.md", true), ("*.md", "deep/er/a.md", true), ("*.md", "a.txt", false),
        ("drafts/**", "drafts/a.md", true), ("drafts/**", "drafts/x/y/a.md", true),
        ("drafts/**", "x/drafts/a.md", false),
        ("drafts/", "drafts/a.md", true), ("**/drafts/*.md", "x/drafts/a.md", true),
        ("**/drafts/*.md", "drafts/a.md", true),
        ("minutes/**/*.md", "minutes/a.md", true), ("minutes/**/*.md", "minutes/2021/03/a.md", true),
        ("minutes/**/*.md", "other/a.md", false), ("/top.md", "top.md", true), ("/top.md", "x/top.md", false),
        ("2021-0?-*.md", "2021-03-04.md", true), ("2021-0?-*.md", "2021-11-04.md", false),
        ("[ab]*.md", "b1.md", true), ("[ab]*.md", "c1.md", false), ("*", "a/b.md", true),
    ])
    func globsMatchRelativePaths(_ pattern: String, _ path: String, _ matches: Bool) {
        #expect(Glob(pattern).matches(path) == matches, "\(pattern) ~ \(path)")
    }

    @Test func includeAndExcludeFilterAFolderWalkRelativeToTheConfigurationsFolder() throws {
        let root = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        for file in [
            "minutes/2021/a.md", "minutes/2021/b-template.md", "minutes/drafts/c.md", "minutes/d.txt", "notes/e.md",
        ] {
            let url = root.appendingPathComponent(file)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(),
                withIntermediateDirectories: true
            )
            try Data("# Note\n".utf8).write(to: url)
        }
        var configuration = try ConfigurationLoader.parse(
            "include: [\"minutes/**/*.md\", \"notes/*.md\"]\nexclude: [\"drafts/\", \"*-template.md\"]\n",
            path: "minutes.yml"
        )
        configuration.folder = root.path
        let collector = InputCollector(filter: configuration.pathFilter)
        let relative = { (files: [String]) in files.map { String($0.dropFirst(root.path.count + 1)) } }
        #expect(relative(collector.collect([root.path]).files) == ["minutes/2021/a.md", "notes/e.md"])
        // Globs stay relative to the configuration's folder when a sub-folder is given.
        #expect(
            relative(collector.collect([root.appendingPathComponent("minutes").path]).files) == ["minutes/2021/a.md"]
        )
        // A file named explicitly is read whatever the globs say.
        let draft = root.appendingPathComponent("minutes/drafts/c.md").path
        #expect(collector.collect([draft]).files == [draft])
        // No configuration: everything.
        #expect(InputCollector().collect([root.path]).files.count == 5)
    }
}
