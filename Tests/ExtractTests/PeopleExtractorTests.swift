import Foundation
import Testing

@testable import Extract

@Suite struct PeopleExtractorTests {
    // MARK: Entry forms

    /// Lower case that lengthens a character's bytes (`İ`, `Ⱥ`) must not move where the names start, nor past the end.
    @Test func apologySentencesWithLettersLowerCaseLengthens() throws {
        for (line, names) in [
            ("Apologies for the İstanbul office from Ann Lee.", ["Ann Lee"]),
            ("Apologies ȺȺȺȺȺȺȺȺȺȺȺȺ from Bo Li", ["Bo Li"]),
            ("Apologies were received FROM Cy Ray and from Di Fox.", ["Di Fox"]),
        ] {
            #expect(try meeting("# Meeting\n\n\(line)\n").absent.map(\.name) == names, "\(line)")
        }
        let text = "x FROM y from"
        #expect(PersonBlockReader.endOfLastMatch(ignoringCase: " from ", in: text).map { text[$0...] } == "y from")
        #expect(PersonBlockReader.endOfLastMatch(ignoringCase: " from ", in: "İ from") == nil)
    }

    /// An empty bracket after a lower-case descriptor (`chair()`, `chair(]`) describes nothing: a debug build trapped
    /// on it, where the descriptor read inside was asserted tidy, which no empty text is.
    @Test func emptyBracketsDescribeNothing() throws {
        // A Greek question mark is a semicolon as Swift compares characters, and parts a list as one.
        let list = PersonEntryParser.parseList("Dan A.\u{37E}Drand chair(]")
        #expect(list.entries.map { [$0.name, $0.role] } == [["Dan A.", "Drand chair"]] && list.failures.isEmpty)
        let entry = try #require(PersonEntryParser.parseList("Ann Lee, chair()").entries.first)
        #expect(entry.name == "Ann Lee" && entry.role == "chair")
    }

    @Test func readsNameOrganisationRoleLinesWithContinuations() throws {
        let note = """
            # Panel on housing

            #### **Attendees**

            Ruth Bell, Harbour Trust- Chair

            Omar Said, Northgate Centre- permanent member

            and co-sponsor of the panel

            Ida Frost, Valley Cooperative-

            permanent member

            Leo Hart, Fenwick- permanent

            member

            Mia Lund, Riverside Community

            Federation- permanent member

            Kit Moss, Green Lane Trust-co-

            opted

            Ava Lee, Dale Project- co-opted Ben Ng, Hollow Works- co-opted Cy Roe, Moor Trust- co-opted

            Dot Kerr, Ash Network- permanent member Eli Vance, Birch House-

            permanent member

            Fay Wren, Harbour Trust- notes

            Ruth Bell, Harbour Trust- Chair

            ## **Officials**

            Gus Pyle, Department of Works
            Hal Quinn, Regional Office

            #### About

            Ruth Bell opened the meeting.
            """
        let result = try meeting(note)
        let rows = result.attendees.map { [$0.name, $0.organization ?? "-", $0.role ?? "-"] }
        #expect(
            rows == [
                ["Ruth Bell", "Harbour Trust", "Chair"],
                ["Omar Said", "Northgate Centre", "permanent member and co-sponsor of the panel"],
                ["Ida Frost", "Valley Cooperative", "permanent member"],
                ["Leo Hart", "Fenwick", "permanent member"],
                ["Mia Lund", "Riverside Community Federation", "permanent member"],
                ["Kit Moss", "Green Lane Trust", "co-opted"],
                ["Ava Lee", "Dale Project", "co-opted"],
                ["Ben Ng", "Hollow Works", "co-opted"],
                ["Cy Roe", "Moor Trust", "co-opted"],
                ["Dot Kerr", "Ash Network", "permanent member"],
                ["Eli Vance", "Birch House", "permanent member"],
                ["Fay Wren", "Harbour Trust", "notes"],
            ]
        )
        #expect(result.attendees.map(\.roles).prefix(2) == [["chair"], ["member", "sponsor"]])
        #expect(result.attendees.first { $0.name == "Kit Moss" }?.roles == ["co_opted"])
        #expect(result.attendees.first { $0.name == "Fay Wren" }?.roles == ["notes"])
        #expect(result.attendees.map(\.lines).dropFirst().prefix(2) == [LineSpan(7, 9), LineSpan(11, 13)])
        #expect(result.attendees.first { $0.name == "Eli Vance" }?.lines == LineSpan(29, 31))
        #expect(result.officials.map(\.name) == ["Gus Pyle", "Hal Quinn"])
        #expect(result.officials.map(\.organization) == ["Department of Works", "Regional Office"])
        #expect(result.officials.map(\.lines) == [LineSpan(39, 39), LineSpan(40, 40)])
        #expect(result.absent.isEmpty)
        #expect(result.diagnostics.filter { $0.message.contains("person") }.isEmpty)
    }

    @Test func readsBracketsDashesAndHandles() throws {
        let note = """
            # Steering group

            ## Present

            * Ann Lowe (Millbrook Library)
            * Bo Chen - Tidewater Labs - treasurer
            * Cara Diaz – Chair
            * Dan Erikson @dane (TSC)
            * Eve Fox @evef (observer/Quarry Systems)
            * Finn Gale (@finng)
            * Gia Hart (@giah) - TSC
            * Hugo Ibsen (hugoi
            * @kim
            """
        let people = try meeting(note).attendees
        #expect(
            people.map(\.name) == [
                "Ann Lowe", "Bo Chen", "Cara Diaz", "Dan Erikson", "Eve Fox", "Finn Gale",
                "Gia Hart", "Hugo Ibsen", "@kim",
            ]
        )
        #expect(
            people.map(\.organization) == [
                "Millbrook Library", "Tidewater Labs", nil, nil, "Quarry Systems", nil,
                nil, nil, nil,
            ]
        )
        #expect(people.map(\.role) == [nil, "treasurer", "Chair", "TSC", "observer", nil, "TSC", nil, nil])
        #expect(people.map(\.handle) == [nil, nil, nil, "@dane", "@evef", "@finng", "@giah", nil, "@kim"])
        #expect(people.map(\.roles).dropFirst().prefix(4) == [["treasurer"], ["chair"], ["member"], ["observer"]])
    }

    @Test func aBracketNoteIsNotARole() throws {
        let note = "# Board\n\n## Apologies\n\n- Ola Park (work commitments)\n- Pia Quist – Trustee (accepted)\n"
        let absent = try meeting(note).absent
        #expect(absent.map(\.name) == ["Ola Park", "Pia Quist"])
        #expect(absent.map(\.role) == [nil, "Trustee"])
    }

    @Test func keepsHyphenatedRolesAndNamesWhole() throws {
        let note = "# Board\n\n## Present\n\n- Rae Santos-Ortiz – Vice-chair, parent governor\n"
        let person = try #require(try meeting(note).attendees.first)
        #expect(person.name == "Rae Santos-Ortiz")
        #expect(person.role == "Vice-chair, parent governor")
        #expect(person.roles == ["vice_chair", "governor"])
        #expect(person.organization == nil)
    }

    // MARK: Label lines

    @Test func readsPresentRegretsAndScribeLines() throws {
        let note = """
            ## Design Teleconference
            ##### 2 March 2021

            Present: Ann, Bob, Cyd, Dee

            Regrets: Eli, Fay

            Scribe: Cyd

            ---

            Ann: Let us start with the first issue.
            Gus: I joined late.
            """
        let result = try meeting(note)
        #expect(result.attendees.map(\.name) == ["Ann", "Bob", "Cyd", "Dee"])
        #expect(result.attendees.map(\.role) == [nil, nil, "Scribe", nil])
        #expect(result.attendees.dropFirst(2).first?.roles == ["scribe"])
        #expect(result.absent.map(\.name) == ["Eli", "Fay"])
        #expect(result.absent.map(\.lines) == [LineSpan(6, 6), LineSpan(6, 6)])
        #expect(result.officials.isEmpty)
    }

    @Test func readsPlainTextLabelLines() throws {
        let note = """
            Riverside Rowing Club
            Committee minutes, 4 May 2021

            Present: Tom Ash (Chair), Una Bly (Secretary),
            Vic Cole (Treasurer)
            Apologies: Wes Dunn (work commitments)
            In attendance: Mrs X. Young (Clerk), 3 members of the public

            1. Minutes
            Approved.
            """
        let result = try meeting(note, path: "minutes.txt")
        #expect(result.attendees.map(\.name) == ["Tom Ash", "Una Bly", "Vic Cole"])
        #expect(result.attendees.map(\.roles) == [["chair"], ["secretary"], ["treasurer"]])
        #expect(result.attendees.map(\.lines) == Array(repeating: LineSpan(4, 5), count: 3))
        #expect(result.absent.map(\.name) == ["Wes Dunn"])
        #expect(result.officials.map(\.name) == ["Mrs X. Young"])
        #expect(result.officials.first?.role == "Clerk")
    }

    @Test func readsALabelOverOneNamePerLine() throws {
        let note = """
            Harbour Museum Volunteers
            Minutes of 3 June 2021

            Present:
            Ann Marsh (Chair)
            Bea North

            Apologies: Cal Oakes

            1. Welcome and minutes
            Ann welcomed everyone.
            """
        let result = try meeting(note, path: "minutes.txt")
        #expect(result.attendees.map(\.name) == ["Ann Marsh", "Bea North"])
        #expect(result.absent.map(\.name) == ["Cal Oakes"])
    }

    @Test func readsBoldLabelsUnderAHeading() throws {
        let note = """
            # Outreach group
            April 1, 2019

            ## Attendees
            **Members**
            - Ann
            - Bob
            - Cyd

            **Visitors**


            **Apologies**
            - Dee Egan

            ## Agenda
            * Onboarding check-in
            * Welcome
            """
        let result = try meeting(note)
        #expect(result.attendees.map(\.name) == ["Ann", "Bob", "Cyd"])
        #expect(result.attendees.map(\.role) == ["Member", "Member", "Member"])
        #expect(result.attendees.map(\.roles) == [["member"], ["member"], ["member"]])
        #expect(result.officials.isEmpty)
        #expect(result.absent.map(\.name) == ["Dee Egan"])
    }

    @Test func readsAPlainLabelOverAList() throws {
        let note = """
            Tenants' Association
            Committee Meeting – Minutes

            Present
            - Ana Bell – Chair
            - Ben Cole – Block A representative

            In attendance
            - Cai Dunn – Neighbourhood Officer, Kestrel Lettings

            1. Minutes and matters arising
            - Minutes agreed.
            """
        let result = try meeting(note, path: "minutes.txt")
        #expect(result.attendees.map(\.name) == ["Ana Bell", "Ben Cole"])
        #expect(result.attendees.map(\.role) == ["Chair", "Block A representative"])
        #expect(result.officials.map(\.name) == ["Cai Dunn"])
        #expect(result.officials.first?.organization == "Kestrel Lettings")
        #expect(result.officials.first?.role == "Neighbourhood Officer")
    }

    // MARK: Front matter and tables

    @Test func readsFrontMatterLists() throws {
        let note = """
            ---
            date: 2026-02-02
            members:
              - Ann Lee
              - Bob Roy
            other_attendees:
              - Cyd Sun
            apologies:
              - Dee Tan
            chair: Ann Lee
            ---

            ## Agenda

            - Budget
            """
        let result = try meeting(note)
        #expect(result.attendees.map(\.name) == ["Ann Lee", "Bob Roy"])
        #expect(result.attendees.map(\.role) == ["member; Chair", "member"])
        #expect(result.attendees.map(\.roles) == [["member", "chair"], ["member"]])
        #expect(result.officials.map(\.name) == ["Cyd Sun"])
        #expect(result.absent.map(\.name) == ["Dee Tan"])
        #expect(result.attendees.first?.lines == LineSpan(1, 11))
    }

    @Test func frontMatterAndBodyListsMerge() throws {
        let note = """
            ---
            attendees:
              - Ann Lee
              - Bob Roy
            guests:
              - Cyd Sun
            ---

            ## Attendees

            - Ann Lee – Chair
            - Bob Roy – Secretary

            Guest: Cyd Sun, Branch Librarian, Hollin Library (items 2 and 3 only)
            """
        let result = try meeting(note)
        #expect(result.attendees.map(\.name) == ["Ann Lee", "Bob Roy"])
        #expect(result.attendees.map(\.role) == ["Chair", "Secretary"])
        #expect(result.attendees.map(\.lines) == [LineSpan(11, 11), LineSpan(12, 12)])
        #expect(result.officials.map(\.name) == ["Cyd Sun"])
        #expect(result.officials.first?.role == "Branch Librarian")
        #expect(result.officials.first?.organization == "Hollin Library")
        #expect(result.officials.first?.roles == ["guest"])
    }

    @Test func readsAttendeeTables() throws {
        let note = """
            # Cycling campaign

            ## Attendees

            | Name | Initials | Affiliation | Role | Username |
            | ---- | -------- | ----------- | ---- | -------- |
            | Ann Lee | AL | Southbank Riders | Chair | @annl |
            | Bob Roy | | | | bobr |
            |  | | Nobody Ltd | | |

            ## Actions

            | Action | Owner | Due |
            | ------ | ----- | --- |
            | Book the hall | Cyd Sun | 1 May |
            """
        let result = try meeting(note)
        #expect(result.attendees.map(\.name) == ["Ann Lee", "Bob Roy"])
        #expect(result.attendees.map(\.organization) == ["Southbank Riders", nil])
        #expect(result.attendees.map(\.role) == ["Chair", nil])
        #expect(result.attendees.map(\.handle) == ["@annl", "bobr"])
        #expect(result.attendees.map(\.lines) == [LineSpan(7, 7), LineSpan(8, 8)])
    }

    // MARK: Attendance headings

    @Test func readsSubHeadingsOfAnAttendanceHeading() throws {
        let note = """
            # Board Meeting Minutes

            ## Attendance

            ### Steering Committee Members

            - Ann Lee
            - Bob Roy

            ### Trustees

            - Cyd Sun (Chair)

            ### Staff

            - Dee Tan

            ### Others

            - Eve Ung

            ### Not attending

            - Fay Vos

            ## Updates

            ### Update 1

            - Gus Wu presented the accounts.
            """
        let result = try meeting(note)
        #expect(result.attendees.map(\.name) == ["Ann Lee", "Bob Roy", "Cyd Sun"])
        #expect(result.attendees.map(\.role) == ["Steering Committee Member", "Steering Committee Member", "Chair"])
        #expect(result.officials.map(\.name) == ["Dee Tan", "Eve Ung"])
        #expect(result.officials.map(\.roles) == [["staff"], []])
        #expect(result.absent.map(\.name) == ["Fay Vos"])
    }

    @Test func readsARollCallOfBareLines() throws {
        let note = """
            # Working group call

            ## Meeting Notes

            ### Opening, welcome and roll call

            Ann Lee
            Bob van Roy
            JF Sun
            Deeq

            ### Introduction of attendees

            ### Adoption of the agenda

            Bob Roy seconds.
            Ann Lee to take notes.
            """
        let result = try meeting(note)
        #expect(result.attendees.map(\.name) == ["Ann Lee", "Bob van Roy", "JF Sun", "Deeq"])
        #expect(result.attendees.first?.role == "note taker")
        #expect(result.attendees.first?.roles == ["notes"])
        #expect(result.attendees.first?.lines == LineSpan(7, 7))
    }

    @Test func titleSuffixesNeedPeopleBeforeThem() {
        #expect(PeopleWords.group(endingTitle: "Governors present") == .attendees)
        #expect(PeopleWords.group(endingTitle: "Items to present") == nil)
        #expect(PeopleWords.group(endingTitle: "In attendance") == .officials)
        #expect(PeopleWords.group(endingTitle: "Officers in attendance") == .officials)
        #expect(PeopleWords.group(endingTitle: "Introduction of attendees") == .attendees)
        #expect(PeopleWords.group(endingTitle: "New members") == nil)
        #expect(PeopleWords.group(endingTitle: "Team members", allowMembers: true) == .attendees)
    }

    @Test func aHeadingThatOnlyEndsWithAPeopleWordNeedsNames() throws {
        let note = """
            # Club

            ## Welcome and roll call

            The chair opened the meeting at seven.
            Ann Lee

            ## Budget
            """
        let result = try meeting(note)
        #expect(result.attendees.isEmpty)
        #expect(result.diagnostics.filter { $0.message.contains("person") }.isEmpty)
    }

    // MARK: Role lines

    @Test func roleLinesAddAttendeesAndRoles() throws {
        let note = """
            # Core Devs Meeting 12 <!-- omit in toc -->
            ### Meeting Date/Time: Friday 08 Jan 2021, 14:00 UTC <!-- omit in toc -->
            ### Moderator: Ann Lee and Bob Roy <!-- omit in toc -->
            ### Notes: Cyd Sun <!-- omit in toc -->

            # Summary

            Dee: we should ship.

            # Annex

            ## Attendance

            - Ann Lee
            - Bob Roy
            - Eve Ung

            ## Next Meeting Date/Time

            Friday January 22, 2021 14:00 UTC
            """
        let result = try meeting(note)
        #expect(result.attendees.map(\.name) == ["Cyd Sun", "Ann Lee", "Bob Roy", "Eve Ung"])
        #expect(result.attendees.map(\.role) == ["Notes", "Moderator", "Moderator", nil])
        #expect(result.attendees.map(\.roles) == [["notes"], ["moderator"], ["moderator"], []])
        #expect(
            result.attendees.map(\.lines) == [LineSpan(4, 4), LineSpan(14, 14), LineSpan(15, 15), LineSpan(16, 16)]
        )
    }

    @Test func aRoleLineWithAFirstNameGivesTheListedPersonTheRole() throws {
        let note = "# Club\n\nPresent: Ann Lee, Bob Roy\n\nChair: Ann\n\nNotes: the hall is booked until ten.\n"
        let result = try meeting(note)
        #expect(result.attendees.map(\.name) == ["Ann Lee", "Bob Roy"])
        #expect(result.attendees.map(\.role) == ["Chair", nil])
    }

    // MARK: Roll calls and lists

    @Test func nestedItemsUnderAnOrganisationTakeIt() throws {
        let note = """
            # SIG weekly

            Attendees:
            - Northwind
              - Ann Lee
              - Bob Roy
            - Observers:
              - Cyd Sun
            - Dee Tan (she/her) <dee@example.org>
            - Eve Ung
              - joined late

            ## Notes
            - discussed things
            """
        let result = try meeting(note)
        #expect(result.attendees.map(\.name) == ["Ann Lee", "Bob Roy", "Dee Tan", "Eve Ung"])
        #expect(result.attendees.map(\.organization) == ["Northwind", "Northwind", nil, nil])
        #expect(result.attendees.map(\.role) == [nil, nil, nil, nil])
        #expect(result.officials.map(\.name) == ["Cyd Sun"])
        #expect(result.officials.first?.roles == ["observer"])
    }

    @Test func rollCallMarksAndChecklistsSortPeople() throws {
        let note = """
            # Board meeting

            ## Roll call

            - Ann Lee - present
            - Bob Roy - absent
            - Cyd Sun (apologies)

            ## Attendees

            - [x] Dee Tan
            - [ ] Eve Ung

            ## Attendance

            | Name | Present |
            | --- | --- |
            | Fay Vos | ✓ |
            | Gus Wu | no |

            Notes taken by Hal Yu.
            """
        let result = try meeting(note)
        #expect(result.attendees.map(\.name) == ["Ann Lee", "Dee Tan", "Fay Vos", "Hal Yu"])
        #expect(result.attendees.map(\.role) == [nil, nil, nil, "Notes"])
        #expect(result.absent.map(\.name) == ["Bob Roy", "Cyd Sun", "Eve Ung", "Gus Wu"])
    }

    @Test func readsListsOfNicknamesAndSentences() throws {
        let note = """
            # Working group telecon

            Present: kwalsh, pmorro, Renko_, Ada_Vance, and Ines Vale
            Regrets: (none)
            Chair: pmorro

            Apologies were received from Cllr Ada Bryce and Cllr Sato.
            """
        let result = try meeting(note)
        #expect(result.attendees.map(\.name) == ["kwalsh", "pmorro", "Renko_", "Ada_Vance", "Ines Vale"])
        #expect(result.attendees.map(\.role) == [nil, "Chair", nil, nil, nil])
        #expect(result.absent.map(\.name) == ["Cllr Ada Bryce", "Cllr Sato"])
        #expect(result.diagnostics.filter { $0.message.contains("person") }.isEmpty)
    }

    @Test func lowerCaseBracketsFollowTheRestOfTheList() throws {
        let projects = try meeting(
            "# Devs call\n\n## Attendance\n\nAnn Lee (Tidewater), Bob Roy (kettle-lang/Forge), Cyd Sun (brine), Dee Tan (QVM)\n"
        )
        #expect(projects.attendees.map(\.organization) == ["Tidewater", "kettle-lang/Forge", "brine", "QVM"])
        #expect(projects.attendees.map(\.role) == [nil, nil, nil, nil])
        let areas = try meeting("# Cafe\n\n## Attendees\n\n- Ann Lee (coordinator)\n- Bob Roy (bikes)\n- Cyd Sun\n")
        #expect(areas.attendees.map(\.role) == ["coordinator", "bikes", nil])
        #expect(areas.attendees.map(\.organization) == [nil, nil, nil])
    }

    @Test func inAttendanceAloneListsTheMembers() throws {
        let alone = try meeting(
            "# Parish meeting\n\nIn attendance: Ann Lee, Bob Roy and Cyd Sun\n\nChaired by Ann Lee\n"
        )
        #expect(alone.attendees.map(\.name) == ["Ann Lee", "Bob Roy", "Cyd Sun"])
        #expect(alone.attendees.first?.role == "Chair")
        #expect(alone.officials.isEmpty)
        let beside = try meeting("# Parish meeting\n\nPresent: Ann Lee, Bob Roy\n\nIn attendance: Cyd Sun (Clerk)\n")
        #expect(beside.attendees.map(\.name) == ["Ann Lee", "Bob Roy"])
        #expect(beside.officials.map(\.name) == ["Cyd Sun"])
        #expect(beside.officials.first?.roles == ["clerk"])
    }

    @Test func aLabelEndsAPeopleBlock() throws {
        let note = """
            # Team sync

            ## Attendees
            - Ann Lee
            - Bob Roy

            Agenda:
            1. Matters Arising
            2. Budget

            **Next steps**
            - Cyd Sun
            """
        let result = try meeting(note)
        #expect(result.attendees.map(\.name) == ["Ann Lee", "Bob Roy"])
        #expect(result.diagnostics.filter { $0.message.contains("person") }.isEmpty)
    }

    @Test func subHeadingsOfAttendanceNameOrganisations() throws {
        let note = "# Meeting\n\n## Attendance\n\n### Northwind\n- Ann Lee\n\n### Directors\n- Bob Roy\n\n## Agenda\n"
        let result = try meeting(note)
        #expect(result.attendees.map(\.name) == ["Ann Lee", "Bob Roy"])
        #expect(result.attendees.map(\.organization) == ["Northwind", nil])
        #expect(result.attendees.map(\.role) == [nil, "Director"])
    }

    // MARK: What is not a person

    @Test func ignoresNoneLinksAgendaItemsAndSpeakers() throws {
        let note = """
            # Group meeting

            ## Attendees

            - None

            ## Apologies

            N/A

            ## Agenda

            1. Apologies
            2. Matters Arising
            3. [Roadmap](https://example.org/roadmap)

            ## Discussion

            Ann Lee: I think we should wait.
            Bob Roy said the budget is fine.
            """
        let result = try meeting(note)
        #expect(result.attendees.isEmpty)
        #expect(result.officials.isEmpty)
        #expect(result.absent.isEmpty)
        #expect(result.diagnostics.filter { $0.message.contains("person") }.isEmpty)
    }

    @Test func warnsAboutLinesOfAPeopleBlockThatAreNotPeople() throws {
        let note = """
            # Meeting

            ## Attendees

            - Ann Lee
            - see the sign-in sheet for everyone else
            - Bob Roy
            """
        let result = try meeting(note)
        #expect(result.attendees.map(\.name) == ["Ann Lee", "Bob Roy"])
        let warnings = result.diagnostics.filter { $0.message.contains("as a person") }
        #expect(warnings.count == 1)
        #expect(warnings.first?.position?.line == 6)
        #expect(warnings.first?.severity == .warning)
        #expect(warnings.first?.message.contains("Attendees") == true)
    }

    @Test func aNameListedTwiceIsOnePerson() throws {
        let note = "# Club\n\n## Present\n\n- Ann Lee\n- Bob Roy\n- Ann Lee (Chair)\n"
        let people = try meeting(note).attendees
        #expect(people.map(\.name) == ["Ann Lee", "Bob Roy"])
        #expect(people.first?.role == "Chair")
    }

    // MARK: Wrapped and grouped label lines

    /// People listed one a line with backslash hard breaks read as with hard breaks of two spaces: cmark 0.30 places
    /// the name after a backslash break on the line before, past its end, which read as a line indented under it
    /// and joined the names into one.
    @Test func aBackslashBreakReadsAsTwoSpaces() throws {
        let note =
            "# Meeting\n\n## Attendees\n\nAnn Lee (Chair)\\\nTreasurer\\\nBob Roy\n\nPresent: Cy Dee,\\\nDi Eve\n"
        let backslash = try meeting(note)
        let twoSpaces = try meeting(note.replacing("\\\n", with: "  \n"))
        for result in [backslash, twoSpaces] {
            #expect(result.attendees.map(\.name) == ["Ann Lee", "Bob Roy", "Cy Dee", "Di Eve"])
            #expect(
                result.attendees.map(\.lines) == [LineSpan(5, 5), LineSpan(7, 7), LineSpan(9, 10), LineSpan(9, 10)]
            )
            #expect(
                result.diagnostics.filter { $0.message.contains("person") }.map {
                    [$0.message, "\($0.position?.line ?? 0)"]
                }
                    == [["could not read “Treasurer” in the Attendees block as a person", "6"]]
            )
        }
        #expect(backslash.attendees == twoSpaces.attendees)
    }

    @Test func joinsALabelValueHardWrappedOntoIndentedLines() throws {
        let note = """
            Notes of the Garden Group

            PRESENT: Ann Lee (Hill and Dale Community Health
                     Partnership - Chair), Bob Roy (Office for Local
                     Records), Cy Dee, Dan
                     Eve (Project Officer), Gil Hay (Wood Trust
                     - Clerk), Ivo Jay

            Apologies were received from Fay Gold, Kit
            Lamb and Gus Hill.

            WELCOME
            Ann welcomed everyone.
            """
        let result = try meeting(note, path: "notes.txt")
        #expect(result.attendees.map(\.name) == ["Ann Lee", "Bob Roy", "Cy Dee", "Dan Eve", "Gil Hay", "Ivo Jay"])
        #expect(result.attendees.first?.organization == "Hill and Dale Community Health Partnership")
        #expect(result.attendees.first?.role == "Chair")
        #expect(result.attendees.map(\.lines) == Array(repeating: LineSpan(3, 7), count: 6))
        #expect(result.attendees[4].role == "Clerk")
        #expect(result.absent.map(\.name) == ["Fay Gold", "Kit Lamb", "Gus Hill"])
    }

    @Test func joinsColumnAlignedLabelValues() throws {
        let note = """
            MINUTES OF A MEETING OF THE BOARD

            DIRECTORS PRESENT:      Ann Lee (Chairman)
                                    Bob Roy (Finance Director)

            IN ATTENDANCE:          Cy Dee (Company Secretary)
                                    Dan Eve (Auditors LLP), for item 3 only

            ROLL CALL
            Present: Mayor Ida Fox, Councilmember Jon Gray, Councilmember
            Kay Hunt, Councilmember Lou Ives
            Absent: Councilmember Max Jones
            """
        let result = try meeting(note, path: "board.txt")
        #expect(
            result.attendees.map(\.name) == [
                "Ann Lee", "Bob Roy", "Mayor Ida Fox", "Councilmember Jon Gray", "Councilmember Kay Hunt",
                "Councilmember Lou Ives",
            ]
        )
        #expect(result.officials.map(\.name) == ["Cy Dee", "Dan Eve"])
        #expect(result.absent.map(\.name) == ["Councilmember Max Jones"])
    }

    @Test func readsCountsPluralPeopleLabelsAndSubGroups() throws {
        let note = """
            # Rowing club AGM

            ## Attendance

            Committee: Ann Lee (Captain), Bob Roy (Treasurer)

            Members present (3): Cy Dee, Dan Eve,
            Fay Gold

            ## Business

            Trustees: Gus Hill, Ida Fox
            """
        let result = try meeting(note)
        #expect(
            result.attendees.map(\.name) == [
                "Ann Lee", "Bob Roy", "Cy Dee", "Dan Eve", "Fay Gold", "Gus Hill", "Ida Fox",
            ]
        )
        #expect(result.attendees.first?.roles.contains("captain") == true || result.attendees.first?.role != nil)
    }

    @Test func keepsOrganisationsWithAndWhole() throws {
        let note = """
            # Partnership board

            ## Attendees

            - Ann Lee, County Fire and Rescue
            - Bob Roy (County Fire and Rescue)
            - Cy Dee (Canal & River Volunteers)
            - Dan Eve (Northfield Borough Council - Head of Operations)
            """
        let result = try meeting(note)
        let rows = result.attendees.map { [$0.name, $0.organization ?? "-", $0.role ?? "-"] }
        #expect(
            rows == [
                ["Ann Lee", "County Fire and Rescue", "-"],
                ["Bob Roy", "County Fire and Rescue", "-"],
                ["Cy Dee", "Canal & River Volunteers", "-"],
                ["Dan Eve", "Northfield Borough Council", "Head of Operations"],
            ]
        )
        #expect(PersonEntryParser.parse("Committee") == nil)
        #expect(PersonEntryParser.parse("Board") == nil)
        #expect(PersonEntryParser.parse("Councilmember") == nil)
        #expect(PersonEntryParser.splitConjunction("Ann and Bob Roy") == ["Ann", "Bob Roy"])
    }

    @Test func joinsIndentedWrapsUnderAPeopleHeading() throws {
        let note = """
            Present
            =======

              Ann Lee, Hill Valley Community Partnership -
                Director
              Bob Roy, Canal & River Volunteers
              Cy Dee - Treasurer
              Dan Eve, Borough Council - Head of
                Operations

            Business
            ========

            Ann opened the meeting.
            """
        let result = try meeting(note, path: "notes.txt")
        let rows = result.attendees.map { [$0.name, $0.organization ?? "-", $0.role ?? "-"] }
        #expect(
            rows == [
                ["Ann Lee", "Hill Valley Community Partnership", "Director"],
                ["Bob Roy", "Canal & River Volunteers", "-"],
                ["Cy Dee", "-", "Treasurer"],
                ["Dan Eve", "Borough Council", "Head of Operations"],
            ]
        )
    }

    @Test func readsInitialsRoleAcronymsAndGroupAcronyms() {
        let initials = PersonEntryParser.parse("Prof. Jane Smith [JS]")
        #expect(initials?.name == "Prof. Jane Smith")
        #expect(initials?.organization == nil)
        #expect(PersonEntryParser.parse("Priya Shah (PM)")?.role == "PM")
        #expect(PersonEntryParser.parse("Priya Shah (NHS)")?.organization == "NHS")
        let member = PersonEntryParser.parse("Ann Lee (@alee) - WG")
        #expect(member?.handle == "@alee")
        #expect(member?.role == "WG")
        #expect(PersonEntryParser.parse("Mayor Linda Alvarez")?.name == "Mayor Linda Alvarez")
        // A role is what the dash sets off, whatever its qualifier.
        let honorary = PersonEntryParser.parse("Ann Lee, Valley Trust-honorary member")
        #expect(honorary?.organization == "Valley Trust")
        #expect(honorary?.role == "honorary member")
        #expect(PersonEntryParser.parse("Bo Chen, Hill Centre- co-sponsor")?.role == "co-sponsor")
    }

    // MARK: Entry parser

    @Test func classifiesDescriptors() {
        #expect(
            PersonEntryParser.parse("Sam Cole – Repairs Supervisor, Kestrel Homes")?.organization == "Kestrel Homes"
        )
        #expect(PersonEntryParser.parse("Sam Cole – Repairs Supervisor, Kestrel Homes")?.role == "Repairs Supervisor")
        #expect(PersonEntryParser.parse("Welcome and minutes") == nil)
        #expect(PersonEntryParser.parse("Ministry of Justice") == nil)
        #expect(PersonEntryParser.parse("Chair") == nil)
        #expect(PersonEntryParser.parse("None") == nil)
        #expect(PersonEntryParser.parse("beckermr") == nil)
        #expect(PersonEntryParser.parse("beckermr", allowLowercaseName: true)?.name == "beckermr")
        #expect(PersonEntryParser.splitRunTogether("Ann Lee, Org- member Bob Roy, Other- chair").count == 2)
        #expect(PersonEntryParser.splitRunTogether("Ann Lee, head of Research Unit, Bob").count == 1)
    }

    // MARK: Shared corpus

    @Test func seedAttendeesAndOfficials() throws {
        guard let corpus = sharedCorpus else { return }
        let path = corpus.appendingPathComponent("seed/000_af9b84a5ac73a05f.txt").path
        let result = MeetingExtractor().extract(try NoteIngestor().ingest(path: path))
        let gold = try goldPeople(corpus.appendingPathComponent("seed/000_af9b84a5ac73a05f.gold.json"))
        let attendees = result.attendees.map { [$0.name, $0.organization ?? "", $0.role ?? ""] }
        let officials = result.officials.map { [$0.name, $0.organization ?? "", $0.role ?? ""] }
        #expect(attendees.count == 19)
        #expect(officials.count == 7)
        #expect(attendees == gold.attendees)
        #expect(officials == gold.officials)
        #expect(result.absent.isEmpty)
    }

    @Test func realCorpusMeetsTheBar() throws {
        guard let corpus = sharedCorpus else { return }
        let folder = corpus.appendingPathComponent("real")
        let golds = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
            $0.hasSuffix(".gold.json")
        }
        #expect(golds.count >= 12)
        var tallies: [String: (matched: Int, gold: Int, found: Int)] = [:]
        var organisations = (right: 0, total: 0)
        for file in golds {
            let stem = String(file.dropLast(".gold.json".count))
            guard
                let note = ["md", "txt", "markdown"].map({ folder.appendingPathComponent(stem + "." + $0).path })
                    .first(where: { FileManager.default.fileExists(atPath: $0) })
            else { continue }
            let result = MeetingExtractor().extract(try NoteIngestor().ingest(path: note))
            let json = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent(file)))
            let gold = json as? [String: Any] ?? [:]
            for (field, found) in [
                ("attendees", result.attendees), ("officials", result.officials), ("absent", result.absent),
            ] {
                let wanted = (gold[field] as? [Any] ?? []).map(goldEntry)
                let pairs = match(wanted.map(\.name), found.map(\.name))
                var tally = tallies[field] ?? (0, 0, 0)
                tally.matched += pairs.count
                tally.gold += wanted.count
                tally.found += found.count
                tallies[field] = tally
                guard field == "attendees" else { continue }
                for (goldIndex, foundIndex) in pairs {
                    guard let organisation = wanted[goldIndex].organisation else { continue }
                    organisations.total += 1
                    let ours = normalised(found[foundIndex].organization ?? "")
                    let theirs = normalised(organisation)
                    if !ours.isEmpty, ours.contains(theirs) || theirs.contains(ours) { organisations.right += 1 }
                }
            }
        }
        func f1(_ field: String) -> Double {
            guard let tally = tallies[field], tally.gold + tally.found > 0 else { return 1 }
            return 2 * Double(tally.matched) / Double(tally.gold + tally.found)
        }
        #expect(f1("attendees") >= 0.95)
        #expect(f1("officials") >= 0.8)
        #expect(f1("absent") >= 0.8)
        #expect(organisations.total > 0 && organisations.right == organisations.total)
    }

    // MARK: Helpers

    private func goldPeople(_ url: URL) throws -> (attendees: [[String]], officials: [[String]]) {
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any] ?? [:]
        func rows(_ key: String) -> [[String]] {
            (json[key] as? [[String: Any]] ?? []).map { entry in
                [entry["name"], entry["organisation"], entry["role"]].map { ($0 as? String) ?? "" }
            }
        }
        return (rows("attendees"), rows("officials"))
    }

    private func goldEntry(_ value: Any) -> (name: String, organisation: String?) {
        if let name = value as? String { return (name, nil) }
        let entry = value as? [String: Any] ?? [:]
        return (entry["name"] as? String ?? "", (entry["organisation"] ?? entry["organization"]) as? String)
    }

    /// Pairs of gold and found names that match as the scorer matches them: the same words, or the words of a
    /// name of two or more words all in the other.
    private func match(_ gold: [String], _ found: [String]) -> [(Int, Int)] {
        var used = Set<Int>()
        var pairs: [(Int, Int)] = []
        for (goldIndex, name) in gold.enumerated() {
            let wanted = Set(words(name))
            let hit = found.indices.first { index in
                guard !used.contains(index) else { return false }
                let ours = Set(words(found[index]))
                guard !wanted.isEmpty, !ours.isEmpty else { return false }
                if wanted == ours { return true }
                let (small, big) = wanted.count <= ours.count ? (wanted, ours) : (ours, wanted)
                return small.count >= 2 && small.isSubset(of: big)
            }
            if let hit {
                used.insert(hit)
                pairs.append((goldIndex, hit))
            }
        }
        return pairs
    }

    private func words(_ text: String) -> [String] {
        normalised(text).split(separator: " ").map(String.init).filter { !PeopleWords.honorifics.contains($0) }
    }

    private func normalised(_ text: String) -> String {
        let mapped = text.lowercased().map { $0.isLetter || $0.isNumber || $0 == "@" ? $0 : " " }
        return tidy(String(mapped))
    }
}
