import Foundation
import Testing

/// `minutes` run as a user runs it: the built binary, its exit status, standard output and standard error.
@Suite struct CommandLineTests {
    @Test func versionNamesToolAndCmark() throws {
        let run = try runMinutes(["--version"])
        #expect(run.status == 0)
        #expect(run.stdout.wholeMatch(of: /minutes 0\.1\.0 \(libcmark 0\.30\.\d+\)\n/) != nil, "got \(run.stdout)")
        #expect(run.stderr.isEmpty)
    }

    @Test(arguments: [["--help"], ["ast", "--help"], ["help", "ast"]])
    func helpMentionsAst(_ arguments: [String]) throws {
        let run = try runMinutes(arguments)
        #expect(run.status == 0)
        #expect(run.stdout.contains("USAGE: minutes"))
        #expect(run.stdout.contains("ast"))
    }

    @Test func astHelpShowsItsOptions() throws {
        let run = try runMinutes(["ast", "--help"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("USAGE: minutes ast"))
        #expect(run.stdout.contains("--max-size"))
        #expect(run.stdout.contains("--format"))
    }

    @Test func astWithoutInputsIsAUsageError() throws {
        let run = try runMinutes(["ast"])
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("Give at least one note file or folder."))
        #expect(run.stderr.contains("Usage: minutes ast"))
    }

    @Test(arguments: [["--max-size", "0"], ["--format", "html"]])
    func badOptionIsAUsageError(_ options: [String]) throws {
        let run = try runMinutes(["ast"] + options + ["corpus/front-matter.md"])
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("Usage: minutes ast"))
    }

    @Test(.enabled(if: seedNote != nil, "needs ../shared/corpus"))
    func seedNoteTree() throws {
        let seed = try #require(seedNote)
        let run = try runMinutes(["ast", seed.path])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.first?.hasPrefix("document @1:1-") == true)
        for expected in [
            "heading level=4 @7:1-7:18",
            "text \"Attendees\" @7:8-7:16",
            "heading level=2 @63:1-63:16",
            "heading level=4 @73:1-73:10",
            "text \"About\" @73:6-73:10",
            "text \"Jess Mullen, Clinks- Chair\" @9:1-9:26",
        ] {
            #expect(lines.contains { $0.trimmingPrefix(while: { $0 == " " }) == expected }, "missing \(expected)")
        }
        // Line 91 is `  - o A larger…`: the Word glyph after the marker is dropped, and the item stays a sibling
        // of the item on line 88 instead of becoming a deeper list.
        let furloughed = try #require(
            lines.first {
                $0.contains(
                    "text \"A larger organisation that has furloughed its whole business development team\" @91:"
                )
            }
        )
        let smallOrganisation = try #require(
            lines.first { $0.contains("text \"A small organisation") && $0.contains("@88:") }
        )
        #expect(indentation(furloughed) == indentation(smallOrganisation))
        let item91 = try #require(lines.first { $0.trimmingPrefix(while: { $0 == " " }).hasPrefix("item @91:") })
        let item88 = try #require(lines.first { $0.trimmingPrefix(while: { $0 == " " }).hasPrefix("item @88:") })
        #expect(indentation(item91) == indentation(item88))
        #expect(indentation(item91) > indentation(try #require(lines.first { $0.contains("item @87:") })))
    }

    @Test func missingInputIsReportedAndTheOthersStillPrinted() throws {
        let run = try runMinutes(["ast", "missing.md", "corpus/front-matter.md"])
        #expect(run.status == 1)
        #expect(run.stderr.split(separator: "\n").contains("missing.md: error: no such file or directory"))
        #expect(run.stdout.hasPrefix("document @1:1-"))
        #expect(run.stdout.contains("heading level=1 @22:1-22:56"))
        #expect(run.stdout.contains("text \"Friends of Hollin Street Library – Committee Meeting\" @22:3-22:56"))
    }

    @Test func wholeCorpusFolder() throws {
        let names = try FileManager.default.contentsOfDirectory(
            atPath: packageRoot.appendingPathComponent("corpus").path
        )
        let notes = names.filter { name in
            !name.hasPrefix(".")
                && ["md", "markdown", "txt"].contains(URL(fileURLWithPath: name).pathExtension.lowercased())
        }
        .map { "corpus/\($0)" }
        .sorted()
        try #require(notes.contains("corpus/windows-1252.txt"))

        let run = try runMinutes(["ast", "corpus"])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let headers = run.stdout.split(separator: "\n").filter { $0.hasPrefix("# ") }
        let headerPaths = headers.map { header in
            String(header.dropFirst(2).prefix { $0 != " " })
        }
        #expect(headerPaths == notes)
        #expect(headers.allSatisfy { $0.wholeMatch(of: /# \S+ \((markdown|text), [a-z0-9-]+\)/) != nil })
        #expect(headers.contains("# corpus/windows-1252.txt (text, windows-1252)"))
        #expect(headers.contains("# corpus/utf16-le.txt (text, utf-16le)"))
        #expect(headers.contains("# corpus/front-matter.md (markdown, utf-8)"))
        // Each tree follows its header, after a blank line from the previous tree.
        #expect(run.stdout.components(separatedBy: "\n\n# corpus/").count == notes.count)
        #expect(run.stdout.split(separator: "\n").filter { $0.hasPrefix("document @") }.count == notes.count)

        let warnings = run.stderr.split(separator: "\n").filter { $0.hasPrefix("corpus/windows-1252.txt:") }
        #expect(warnings.count == 1)
        #expect(warnings.allSatisfy { $0.wholeMatch(of: /corpus\/windows-1252\.txt:\d+:1: warning: .+/) != nil })
    }

    @Test func formatTextForcesTheTextProfile() throws {
        let detected = try runMinutes(["ast", "corpus/front-matter.md"])
        #expect(detected.status == 0)
        #expect(detected.stdout.contains("heading level=2 @24:1-24:12"))

        let forced = try runMinutes(["ast", "--format", "text", "corpus/front-matter.md"])
        #expect(forced.status == 0)
        #expect(!forced.stdout.contains("heading level="))
        #expect(forced.stdout.contains("text \"## Attendees\" @24:1-24:12"))
    }

    @Test func formatMarkdownForcesCmark() throws {
        // The text profile keeps `Date:` header lines apart; cmark runs them into one paragraph.
        let detected = try runMinutes(["ast", "corpus/plain-text-minutes.txt"])
        #expect(detected.status == 0)
        #expect(detected.stdout.contains("  paragraph @4:1-4:38\n"))

        let forced = try runMinutes(["ast", "--format", "markdown", "corpus/plain-text-minutes.txt"])
        #expect(forced.status == 0)
        #expect(!forced.stdout.contains("  paragraph @4:1-4:38\n"))
        #expect(forced.stdout.contains("  paragraph @4:1-"))
    }

    @Test func maxSizeRefusesBiggerNotes() throws {
        let run = try runMinutes(["ast", "--max-size", "10", "corpus/front-matter.md"])
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.hasPrefix("corpus/front-matter.md: error: "))
        #expect(run.stderr.contains("over the size limit of 10 bytes"))
        #expect(run.stderr.contains("--max-size"))
    }

    @Test func maxSizeLeavesSmallerNotesAlone() throws {
        let run = try runMinutes(["ast", "--max-size", "100000", "corpus/front-matter.md"])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("document @1:1-"))
        #expect(run.stderr.isEmpty)
    }
}
