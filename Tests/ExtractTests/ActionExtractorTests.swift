import Foundation
import Testing

@testable import Extract

@Suite struct ActionExtractorTests {
    /// The actions of `note` as `(text, owners)` pairs.
    private func actions(_ note: String, path: String = "note.md") throws -> [(text: String, owners: [String])] {
        try meeting(note, path: path).actions.map { ($0.text, $0.owners) }
    }

    // MARK: - Markers

    @Test func readsEachMarkerForm() throws {
        let note = """
            # Board meeting

            Action: Priya to renew the domain.
            ACTION: Omar to book the hall.
            ACTION 3: Lena to update the wiki.
            Action item: Hugo to send the survey.
            Action point: Ines to chase the printer.
            AI: Sam to draft the budget.
            [ACTION] Kai to file the report.
            [FOLLOWUP] Rhea to call the venue.
            ***ACTION ITEM - Zoe to order the banners.***
            Nothing else was discussed.
            """
        let found = try actions(note)
        #expect(
            found.map(\.text) == [
                "Priya to renew the domain.", "Omar to book the hall.", "Lena to update the wiki.",
                "Hugo to send the survey.", "Ines to chase the printer.", "Sam to draft the budget.",
                "Kai to file the report.", "Rhea to call the venue.", "Zoe to order the banners.",
            ]
        )
        #expect(
            found.map(\.owners) == [
                ["Priya"], ["Omar"], ["Lena"], ["Hugo"], ["Ines"], ["Sam"], ["Kai"], ["Rhea"], ["Zoe"],
            ]
        )
    }

    @Test func readsScribeAndBotForms() throws {
        let note = """
            # Call

            - Action item(s)/Assignee(s): Kate: Write the blog post.
            - TODO: follow up with attendees
            - [NEW] ACTION: Ann to review the spec
            - #action ttx to send the mail
            - Action - create channel
            """
        let found = try actions(note)
        #expect(
            found.map(\.text) == [
                "Write the blog post.", "follow up with attendees", "Ann to review the spec", "ttx to send the mail",
                "create channel",
            ]
        )
        #expect(found.map(\.owners) == [["Kate"], [], ["Ann"], ["ttx"], []])
    }

    @Test func readsOwnersBetweenKeywordAndColon() throws {
        let note = """
            Minutes of the working group

            Action Ruth: Will circulate the draft charter.
            Action Ruth/Pavel: Talk to the registry about fees.
            ACTION ALL: read the proposal before Monday.
            ACTION JT: schedule the follow-up call
            Action: Mark this section "stable" in the draft.
            """
        let found = try actions(note, path: "notes.txt")
        #expect(found.map(\.owners) == [["Ruth"], ["Ruth", "Pavel"], ["ALL"], ["JT"], []])
        #expect(found[0].text == "Will circulate the draft charter.")
        #expect(found[4].text == "Mark this section \"stable\" in the draft.")
    }

    @Test func foldsHardWrappedMarkerLines() throws {
        let note = """
            PARISH COUNCIL

            Members discussed the footpath.
            Action: Clerk to report the obstruction to the county rights of way
            team by 14 September.
            Bob: I will also mention it.
            """
        let found = try meeting(note, path: "minutes.txt").actions
        #expect(found.count == 1)
        #expect(
            found.first?.text == "Clerk to report the obstruction to the county rights of way team by 14 September."
        )
        #expect(found.first?.lines == LineSpan(4, 5))
    }

    @Test func readsActionsListedUnderALabel() throws {
        let note = """
            # Team sync

            Actions:
            - Mei to merge the release branch
            - Tom and Anya to update the changelog

            Other notes:
            - Lunch was good
            """
        let found = try actions(note)
        #expect(found.map(\.text) == ["Mei to merge the release branch", "Tom and Anya to update the changelog"])
        #expect(found.map(\.owners) == [["Mei"], ["Tom", "Anya"]])
    }

    @Test func ignoresTheWordActionInProse() throws {
        let note = """
            # Sync

            - Action items review
            - The group discussed possible actions for next year.
            - Actions Review happened last week.
            """
        #expect(try actions(note).isEmpty)
    }

    // MARK: - Action sections

    @Test func takesEveryItemUnderAnActionHeading() throws {
        let note = """
            # Committee

            ## Notes

            - Dana to look at the budget (not an action: not under the heading)

            ## Next steps

            - Check the insurance renewal
            - Ben: send the minutes
            - [x] Ola to confirm the room
            - None
            """
        let found = try actions(note)
        #expect(found.map(\.text) == ["Check the insurance renewal", "send the minutes", "Ola to confirm the room"])
        #expect(found.map(\.owners) == [[], ["Ben"], ["Ola"]])
    }

    @Test func readsGroupHeadersAndDetailSubItems() throws {
        let note = """
            # Council

            ## Action Items

            - Emma: Draft the blog post
                - Paste into the CMS - Emma
                - Share in the channel
            - Grants
                - Emma: Prepare the application
                - Plan a call with the fund
            - Tim: Iterate on the governance document
                - Tim: Rework the eligibility rules
                - Blocked by the election process

            ### Review of last week

            - Items from last week were closed.
            """
        let found = try actions(note)
        #expect(
            found.map(\.text) == [
                "Draft the blog post", "Prepare the application", "Plan a call with the fund",
                "Iterate on the governance document", "Rework the eligibility rules",
            ]
        )
        #expect(found.map(\.owners) == [["Emma"], ["Emma"], [], ["Tim"], ["Tim"]])
    }

    @Test func subCheckboxesInheritTheirParentsOwner() throws {
        let note = """
            # Outreach

            ## Action Items
             - [ ] Improve the build guide (@ckerr)
                 - [ ] Say how much disk space is needed
                     * about 30 GB
                 - [ ] Explain debug and release builds
            """
        let found = try actions(note)
        #expect(
            found.map(\.text) == [
                "Improve the build guide (@ckerr)", "Say how much disk space is needed",
                "Explain debug and release builds",
            ]
        )
        #expect(found.map(\.owners) == [["@ckerr"], ["@ckerr"], ["@ckerr"]])
    }

    @Test func takesOwnedCheckboxesOutsideActionSections() throws {
        let note = """
            # RFC meeting

            1. [x] **PR**: [#12 RFC: overrides](https://example.org/12) - @alex
                - [ ] **Action:** @alex to add a note on cascading config
            - [ ] Discuss next week
            - [ ] @sam review the implementation notes
            - [ ] Write the migration guide (@jo)
            """
        let found = try actions(note)
        #expect(
            found.map(\.text) == [
                "@alex to add a note on cascading config", "@sam review the implementation notes",
                "Write the migration guide (@jo)",
            ]
        )
        #expect(found.map(\.owners) == [["@alex"], ["@sam"], ["@jo"]])
    }

    // MARK: - Tables

    @Test func readsActionTablesWithOwnerAndDueColumns() throws {
        let note = """
            # Campaign meeting

            Date: 14 April 2021

            ## Actions

            | Action | Owner | Due |
            | ------ | ----- | --- |
            | Submit the response | Dee Moreau | 10 May 2021 |
            | Organise volunteers | Noor Aziz, Cal Reid | before the next meeting |
            | Pay the renewal | Bea Alm | end of May 2021 |
            | Confirm a speaker | Hari Mensah | |
            """
        let found = try meeting(note).actions
        #expect(
            found.map(\.text) == ["Submit the response", "Organise volunteers", "Pay the renewal", "Confirm a speaker"]
        )
        #expect(found.map(\.owners) == [["Dee Moreau"], ["Noor Aziz", "Cal Reid"], ["Bea Alm"], ["Hari Mensah"]])
        #expect(found.map(\.dueText) == ["10 May 2021", "before the next meeting", "end of May 2021", nil])
        #expect(found.map(\.due) == ["2021-05-10", nil, "2021-05-31", nil])
    }

    @Test func listsASummaryTableActionOnceWhenTheBodyRepeatsIt() throws {
        let note = """
            # Devs call 27

            ## Actions Needed

            Action Item | Action
            -|-
            **27.1** | Kenji to publish the release candidate
            **27.2** | Review the firmware notes

            ## Firmware

            - Talked about firmware.

            ## Actions

            - **27.1**—Kenji to publish the release candidate
            - **27.2**—Review the firmware notes
            - Ines to update the wiki
            """
        let found = try actions(note)
        #expect(
            found.map(\.text) == [
                "Kenji to publish the release candidate", "Review the firmware notes", "Ines to update the wiki",
            ]
        )
        #expect(found.map(\.owners) == [["Kenji"], [], ["Ines"]])
    }

    @Test func foldsASummaryTableAfterTheBodyIntoTheBodysActions() throws {
        let note = """
            # Food bank network

            Date: 1 July 2021

            ## Stock

            Action: Sean to draft the August appeal list and send it to all sites.

            ## Actions summary

            | Action | Owner | Due |
            | --- | --- | --- |
            | August appeal list | Sean O'Rourke | 30 July |
            | Site paragraphs for the annual report | All site leads | 10 September |
            """
        let found = try meeting(note).actions
        #expect(
            found.map(\.text) == [
                "Sean to draft the August appeal list and send it to all sites.",
                "Site paragraphs for the annual report",
            ]
        )
        #expect(found.map(\.owners) == [["Sean"], ["All site leads"]])
        #expect(found.map(\.due) == ["2021-07-30", "2021-09-10"])
    }

    // MARK: - Owners

    @Test func splitsOwnerListsBetweenNamesOnly() throws {
        let note = """
            # Steering group

            - Action: Dan, Travis, Sangwhan to review the draft.
            - Action: @ruya + @darcy to comb through the terminology.
            - Action: Research and Development team to cost the pilot.
            - Action: MoJ/HMPPS probation reform team, Clinks and members of the RR3 SIG to agree a process.
            - Action: MoJ/HMPPS to share the plan.
            - Action: Geth team finish final reviews.
            - Action: All trustees to return their declarations.
            - Action: Revisit next week.
            - Action: Bumped to next teleconference.
            """
        let found = try actions(note)
        #expect(
            found.map(\.owners) == [
                ["Dan", "Travis", "Sangwhan"], ["@ruya", "@darcy"], ["Research and Development team"],
                ["MoJ/HMPPS probation reform team", "Clinks", "members of the RR3 SIG"], ["MoJ/HMPPS"], ["Geth team"],
                ["All trustees"], [], [],
            ]
        )
    }

    @Test func readsOwnerLabelsAndBrackets() throws {
        let note = """
            # Board

            ## Actions

            1. ALL: Look at the agenda for the retreat.
            2. Bill Mills: Merge the website pull request.
            3. Update the policy page (Owner: Rosa Diaz)
            4. Note: the room is booked.
            """
        let found = try actions(note)
        #expect(found.map(\.owners) == [["ALL"], ["Bill Mills"], ["Rosa Diaz"], []])
        #expect(
            found.map(\.text).prefix(2) == ["Look at the agenda for the retreat.", "Merge the website pull request."]
        )
    }

    @Test func readsNicknamesTopicLabelsAndBracketedNames() throws {
        let note = """
            # IETF minutes

            ACTION: mnot to create a ticket for the caching exception
            ACTION: put the exception to a proxy in the draft

            ## Action items

            * EIP 2515: James will work on charting.
            * Create a search query for usernames (Tierney)
            * Update the docs (GSoC)
            * Draft the announcement
                * Owner: Priya Shah
                * Due: 30 June 2021
            """
        let found = try meeting(note).actions
        #expect(found.map(\.owners) == [["mnot"], [], ["James"], ["Tierney"], [], ["Priya Shah"]])
        #expect(found.last?.dueText == "30 June 2021")
        #expect(found.last?.due == "2021-06-30")
    }

    @Test func warnsAboutActionsWithoutOwners() throws {
        let note = """
            # Telecon

            ACTION: Revisit during the face to face.
            ACTION: Ana to follow up.
            """
        let result = try meeting(note)
        #expect(result.actions.count == 2)
        let warnings = result.diagnostics.filter { $0.message == "action has no owner" }
        #expect(warnings.map(\.position?.line) == [3])
    }

    // MARK: - Due dates

    @Test func resolvesDueDatesAgainstTheMeetingDate() throws {
        let note = """
            # Friends of the library

            Date: Wednesday 12 May 2021

            ## Action items

            - Peter to draft the letter by 21 May.
            - Yasmin to recruit volunteers by 30 June 2021.
            - Sunita to confirm the checks (due 2021-06-01).
            - Daniel to order the reader before the next meeting.
            - Colm to print reminders by end of May 2021.
            - Ruth to get quotes by end of June.
            - Ali to call the council by Friday.
            - Jo to tidy the shelves.
            """
        let found = try meeting(note).actions
        #expect(
            found.map(\.dueText) == [
                "by 21 May", "by 30 June 2021", "due 2021-06-01", "before the next meeting", "by end of May 2021",
                "by end of June", "by Friday", nil,
            ]
        )
        #expect(
            found.map(\.due) == [
                "2021-05-21", "2021-06-30", "2021-06-01", nil, "2021-05-31", "2021-06-30", "2021-05-14", nil,
            ]
        )
    }

    @Test func keepsDueTextWhenTheMeetingHasNoDate() throws {
        let note = """
            Working group notes

            Action: Olu to survey publishers by end of June.
            Action: Kim to write up the rule by Friday.
            """
        let result = try meeting(note, path: "notes.txt")
        #expect(result.date == nil)
        #expect(result.actions.map(\.dueText) == ["by end of June", "by Friday"])
        #expect(result.actions.map(\.due) == [nil, nil])
    }

    @Test func computesWeekdays() {
        let date = CalendarDate(year: 2021, month: 5, day: 12)
        #expect(date.map(DueDates.weekday(of:)) == 2)
        #expect(date.map { DueDates.next(weekday: 2, after: $0, inclusive: false).description } == "2021-05-19")
        #expect(DueDates.date(dayNumber: 0)?.description == "1970-01-01")
        #expect(
            CalendarDate(year: 2024, month: 2, day: 28).map { DueDates.adding(2, to: $0).description } == "2024-03-01"
        )
    }

    // MARK: - Records

    @Test func givesIdsSectionsAndLines() throws {
        let note = """
            # Meeting

            ## Budget

            ACTION: Ana to check the figures.

            ## Venue

            - Action: Bo to book the room.
            """
        let found = try meeting(note).actions
        #expect(found.map(\.id) == ["a1", "a2"])
        #expect(found.map(\.section) == ["budget", "venue"])
        #expect(found.map(\.lines) == [LineSpan(5, 5), LineSpan(9, 9)])
    }

    /// An action after a line with a newline inside an inline (a code span, emphasis, a link, inline HTML) is on the
    /// source line after it, not the line before: that newline ends a line as a soft break does.
    @Test func linesCountANewlineInsideAnInline() throws {
        for inline in ["`the\nscript`", "*emphasis\nacross lines*", "[a link\nacross lines](u)", "<span\nclass=\"x\">"]
        {
            let note = "# Meeting\n\nWe looked at \(inline) today\nAction: Ann to send the draft by 3 March.\n"
            let found = try meeting(note).actions
            #expect(found.map(\.text) == ["Ann to send the draft by 3 March."], "\(inline.debugDescription)")
            #expect(found.map(\.lines) == [LineSpan(5, 5)], "\(inline.debugDescription)")
        }
        // An action holding such a newline covers both lines.
        let spanning = try meeting("# Meeting\n\nAction: Ann to run `the\nscript` by Friday.\nDone.\n").actions
        #expect(spanning.map(\.lines) == [LineSpan(3, 4)])
    }

    // MARK: - Generalisation fixes

    @Test func readsDashLabelsButNotStatusNotesOrDashedLists() throws {
        let note = """
            # Sync

            ## Action items

            - [ ] Priya – chase legal on the merchant terms
            - [ ] Marco & Tobias - add the flag to the test matrix
            - Emma: Draft the blog post
                - Translations - Need to ask the team
                - Paste - plan publish - tell the others - Emma
            """
        let found = try actions(note)
        #expect(
            found.map(\.text).prefix(3) == [
                "chase legal on the merchant terms", "add the flag to the test matrix", "Draft the blog post",
            ]
        )
        #expect(found.map(\.owners).prefix(3) == [["Priya"], ["Marco", "Tobias"], ["Emma"]])
        #expect(!found.flatMap(\.owners).contains("Translations"))
        #expect(!found.flatMap(\.owners).contains("Paste"))
    }

    @Test func readsNicknameLabelsAfterAMarker() throws {
        let note = """
            # Call

            ACTION: mnot: look at the header registry
            """
        let found = try actions(note)
        #expect(found.map(\.owners) == [["mnot"]])
        #expect(found.map(\.text) == ["look at the header registry"])
    }

    @Test func readsDottedHandlesAndCapitalInitials() throws {
        let note = """
            # Call

            Action: @jane.doe update the risk register
            Action: DO to book the room.
            Action: AS and PS to draft the letter.
            """
        let found = try actions(note)
        #expect(found.map(\.owners) == [["@jane.doe"], ["DO"], ["AS", "PS"]])
    }

    @Test func splitsSlashesBetweenPeopleButNotOrganisations() throws {
        #expect(OwnerParser.ownerList("RC/PM") == ["RC", "PM"])
        #expect(OwnerParser.ownerList("Ann Lee/Bob Roy") == ["Ann Lee", "Bob Roy"])
        #expect(OwnerParser.ownerList("MoJ/HMPPS probation reform team") == ["MoJ/HMPPS probation reform team"])
    }

    @Test func takesTheSentenceBeforeAnOwnerOnlyMarker() throws {
        let note = """
            # PTA

            3.3 Amir will set up the payment page. Action: Amir
            4.3 Volunteers are needed for the stalls. Kate to send a sign-up sheet to class reps
            by 20th October. Action: KS
            Trustees asked for a breakdown of income
            by month for the next meeting. Action: HP
            Gate repairs are overdue. ACTION BR
            """
        let found = try actions(note)
        #expect(
            found.map(\.text) == [
                "Amir will set up the payment page.",
                "Kate to send a sign-up sheet to class reps by 20th October.",
                "Trustees asked for a breakdown of income by month for the next meeting.",
                "Gate repairs are overdue.",
            ]
        )
        #expect(found.map(\.owners) == [["Amir"], ["KS"], ["HP"], ["BR"]])
        #expect(try meeting(note).actions[1].lines == LineSpan(4, 5))
    }

    @Test func readsInlineMarkersAfterColonsBracketsAndArrows() throws {
        let note = """
            # Club

            Kit order: Emma will collect sizes. (Action: Emma)
            Boathouse roof: ACTION – Committee to get three quotes.
            → Action: CD to book the hall.
            **ACTION** Ann to call the plumber.
            Follow-up: Dan to check the fence.
            Next step: Eve to write the report.
            """
        let found = try actions(note)
        #expect(
            found.map(\.text) == [
                "Kit order: Emma will collect sizes.", "Committee to get three quotes.", "CD to book the hall.",
                "Ann to call the plumber.", "Dan to check the fence.", "Eve to write the report.",
            ]
        )
        #expect(found.map(\.owners) == [["Emma"], ["Committee"], ["CD"], ["Ann"], ["Dan"], ["Eve"]])
    }

    @Test func readsActionHeadingsByTheirHeadNoun() throws {
        #expect(ActionMarker.isActionHeading("Outstanding actions", vocabulary: Vocabulary()))
        #expect(ActionMarker.isActionHeading("Action tracker", vocabulary: Vocabulary()))
        #expect(ActionMarker.isActionHeading("Action plan", vocabulary: Vocabulary()))
        #expect(!ActionMarker.isActionHeading("Climate action plan", vocabulary: Vocabulary()))
        let note = """
            # Meeting

            ## Outstanding actions

            - Ann to ring the bank

            ## Action tracker

            - Cy to email the vicar
            """
        #expect(try actions(note).map(\.owners) == [["Ann"], ["Cy"]])
    }

    @Test func doesNotWrapAMinuteNumberIntoTheActionAbove() throws {
        let note = """
            # PTA

            Action: Jo to book the castle and check the insurance certificate for the fair
            4.3 Volunteers are needed for the tombola.
            """
        #expect(
            try actions(note).map(\.text) == ["Jo to book the castle and check the insurance certificate for the fair"]
        )
    }

    // MARK: - Shared corpus

    @Test(.enabled(if: sharedCorpus != nil)) func matchesTheSeedNotesActionsExactly() throws {
        let folder = try #require(sharedCorpus).appendingPathComponent("seed")
        let note = folder.appendingPathComponent("000_af9b84a5ac73a05f.txt")
        let gold = folder.appendingPathComponent("000_af9b84a5ac73a05f.gold.json")
        let document = try NoteIngestor().ingest(bytes: Array(try Data(contentsOf: note)), path: note.path)
        let found = MeetingExtractor().extract(document).actions
        struct Gold: Decodable {
            struct GoldAction: Decodable {
                var text: String
                var owners: [String]
            }
            var actions: [GoldAction]
        }
        let expected = try JSONDecoder().decode(Gold.self, from: Data(contentsOf: gold)).actions
        #expect(found.count == 9)
        #expect(found.map(\.text) == expected.map(\.text))
        #expect(found.map(\.owners) == expected.map(\.owners))
    }
}

/// A library user may add blocks to a context's outline before the extractors run: they are read like the others.
@Suite struct EditedOutlineTests {
    @Test func blocksAddedToTheOutlineAreRead() throws {
        let document = try NoteIngestor().ingest(
            bytes: Array("# Meeting\n\n## Actions\n\n- Ann to send the report\n".utf8),
            path: "note.md"
        )
        var context = ExtractionContext(document: document, options: ExtractOptions())
        var added = try #require(context.outline.blocks.last)
        added.text = "Bo to book the hall"
        context.outline.blocks.append(added)
        _ = SectionExtractor().extract(&context)
        let actions = ActionExtractor().extract(context).records
        #expect(actions.map(\.text).contains("Bo to book the hall"))
    }
}
