import Ingest
import Testing

@testable import Extract

/// ``NoteLinter``: the rules `minutes check` reports.
@Suite struct NoteLinterTests {
    /// The linter's findings for `text`, as `line: severity: message`.
    private func lint(_ text: String) throws -> [String] {
        NoteLinter().check(try meeting(text)).map { diagnostic in
            "\(diagnostic.position?.line ?? 0): \(diagnostic.severity.rawValue): \(diagnostic.message)"
        }
    }

    @Test func aCompleteNoteHasNothingToFix() throws {
        let note = """
            # Parish council

            Date: 4 March 2021

            ## Attendees

            - Ann Lee (Chair)
            - Bob Ray
            - Cy Dunn

            ## Actions

            - Ann to write the report by 30 March
            - Chair to book the hall by 12 March
            - BR to mail the minutes by 8 March
            - Dunn to call the vicar by 8 March
            """
        #expect(try lint(note) == [])
    }

    @Test func aMissingTitleAndDateAreErrors() throws {
        #expect(
            try lint("Present: Ann Lee, Bob Ray\n\nWe talked.\n") == [
                "1: error: no meeting date found: write it near the top (`Date: 4 March 2021`)"
            ]
        )
        let found = try lint("\n\n")
        #expect(
            found == [
                "0: warning: note is empty",
                "1: error: no title found: start the note with a heading that names the meeting",
                "1: error: no meeting date found: write it near the top (`Date: 4 March 2021`)",
                "1: warning: no attendees found: list who was there under a heading such as `Attendees` or `Present`",
            ]
        )
    }

    @Test func actionsWithoutOwnerOrDueDateAreWarnings() throws {
        let note = """
            # Parish council

            Date: 4 March 2021

            Present: Ann Lee, Bob Ray

            ## Actions

            - Write the report by 30 March
            - Ann to book the hall
            - Bob to tidy the shed before the next meeting
            """
        #expect(
            try lint(note) == [
                "9: warning: action a1 has no owner: name who will do it (`Action: Ann to …`)",
                "10: warning: action a2 has no due date",
            ]
        )
    }

    @Test func ownersMustBeAmongTheAttendeesOrOfficials() throws {
        let note = """
            # Parish council

            Date: 4 March 2021

            ## Attendees

            - Ann Lee
            - Ann Moss
            - Bob Ray

            ## Officials

            - Dee Fox (Clerk)

            ## Apologies

            - Eve Hart

            ## Actions

            - Zoe to write the report by 30 March
            - Ann to book the hall by 12 March
            - Eve to call the vicar by 12 March
            - Clerk to file the return by 12 March
            - Dee Fox to order chairs by 12 March
            - Everyone to read the plan by 12 March
            """
        #expect(
            try lint(note) == [
                "21: warning: action a1: owner 'Zoe' is not among the attendees or officials",
                "22: warning: action a2: owner 'Ann' could be any of Ann Lee, Ann Moss",
                "23: warning: action a3: owner 'Eve' is listed as absent, not among the attendees or officials",
            ]
        )
    }

    @Test func aNoteWithoutAttendeesSaysSoOnceAndSkipsOwnerChecks() throws {
        let note = """
            # Parish council

            Date: 4 March 2021

            ## Actions

            - Zoe to write the report by 30 March
            """
        #expect(
            try lint(note) == [
                "1: warning: no attendees found: list who was there under a heading such as `Attendees` or `Present`"
            ]
        )
    }

    @Test func extractionDiagnosticsAreReportedToo() throws {
        let note = """
            # Parish council

            Date: 4 March 2021

            ## Attendees

            - Ann Lee
            - the, and, of
            """
        #expect(try lint(note) == ["8: warning: could not read “the, and, of” in the Attendees block as a person"])
    }

    @Test func initialsAndOneNameMatchOnlyWhenUnambiguous() {
        let people = [
            Person(name: "Bob Wilson", lines: LineSpan(1, 1)), Person(name: "Beth Walker", lines: LineSpan(2, 2)),
            Person(name: "Ann Lee", handle: "@alee", lines: LineSpan(3, 3)),
        ]
        let roster = OwnerRoster(present: people, absent: [])
        #expect(roster.match("BW") == .ambiguous(["Bob Wilson", "Beth Walker"]))
        #expect(roster.match("AL") == .present)
        #expect(roster.match("A.L.") == .present)
        #expect(roster.match("@alee") == .present)
        #expect(roster.match("Wilson") == .present)
        #expect(roster.match("B. Wilson") == .present)
        #expect(roster.match("Ann Lee-Smith") == .unknown)
        #expect(roster.match("All") == .present)
        #expect(roster.match("Carl") == .unknown)
    }

    @Test func configuredRolePhrasesNameOwners() throws {
        let people = [Person(name: "Ann Lee", role: "Chair", roles: ["chair"], lines: LineSpan(1, 1))]
        let configuration = try ConfigurationLoader.parse("roles: {chair: [Presiding officer]}", path: "minutes.yml")
        let roster = OwnerRoster(present: people, absent: [], vocabulary: Vocabulary(configuration))
        #expect(roster.match("Presiding officer") == .present)
        #expect(OwnerRoster(present: people, absent: []).match("Presiding officer") == .unknown)
    }

    @Test func honorificsNicknamesAndGroupsMatch() {
        let people = [
            Person(name: "Cllr M. Tregarthen", lines: LineSpan(1, 1)),
            Person(name: "Margaret “Peggy” Holloway", lines: LineSpan(2, 2)),
            Person(name: "PC Laura Kendrick", lines: LineSpan(3, 3)),
        ]
        let roster = OwnerRoster(present: people, absent: [])
        #expect(roster.match("Cllr Tregarthen") == .present)
        #expect(roster.match("Peggy") == .present)
        #expect(roster.match("PC Kendrick") == .present)
        #expect(roster.match("Laura Kendrick") == .present)
        #expect(roster.match("All trustees") == .present)
        #expect(roster.match("Cllr Davenport") == .unknown)
    }
}
