import Testing

@testable import Extract

@Suite struct DecisionExtractorTests {
    private func decisions(_ note: String, path: String = "note.md") throws -> [String] {
        try meeting(note, path: path).decisions.map(\.text)
    }

    @Test func readsEachMarkerForm() throws {
        let note = """
            # Committee

            Decision: the fee stays at £5.
            Resolved: the accounts are approved.
            RESOLUTION: Line totals are rounded half up.
            **Resolution:** spend up to £60 on printing.
            **Resolution**: We will not add autofix.
            Agreed: the hall is booked for June.
            Conclusion: the pilot continues.
            Consensus is that we will not publish the results.
            RESOLVED that the budget be adopted.
            The team agreed to look into it later.
            Decided last meeting to alternate times.
            """
        #expect(
            try decisions(note) == [
                "the fee stays at £5.", "the accounts are approved.", "Line totals are rounded half up.",
                "spend up to £60 on printing.", "We will not add autofix.", "the hall is booked for June.",
                "the pilot continues.", "Consensus is that we will not publish the results.",
                "the budget be adopted.",
            ]
        )
    }

    @Test func takesTopLevelItemsUnderADecisionsHeading() throws {
        let note = """
            # Friends meeting

            ## Decisions

            - Agreed: the minutes of April are approved.
            - Membership fees stay the same.
                - Reviewed again next year.

            ## Notes

            - Members talked about fees.
            """
        #expect(try decisions(note) == ["the minutes of April are approved.", "Membership fees stay the same."])
    }

    @Test func joinsMotionOutcomesToTheMotion() throws {
        let note = """
            # Board

            ## Motions

            ### Motion 1
            Presenter: Ann Lee.
            Text: Approve the call for task forces.
            Resolution: Passed.
            Details: Proposals may ask for money.

            ### Discussion 1
            Presenter: Ann Lee.
            Text: Retreat agenda
            Resolution: Postponed to next meeting due lack of time.
            """
        let found = try meeting(note).decisions
        #expect(
            found.map(\.text) == [
                "Approve the call for task forces. Resolution: Passed.",
                "Retreat agenda. Resolution: Postponed to next meeting due lack of time.",
            ]
        )
        #expect(found.map(\.lines) == [LineSpan(7, 8), LineSpan(13, 14)])
    }

    @Test func joinsAgreementInTheRoomToTheProposalAbove() throws {
        let note = """
            Working group minutes

            - Proposals

            Error code proposal: merge the two error spaces
               Eli: This is basic cleanup.
               - Agreement in the room.

            Registry policies proposal
               Agreement in room

            Agreement in Tokyo to ship a first draft.
            """
        let found = try meeting(note, path: "minutes.txt").decisions
        #expect(
            found.map(\.text) == [
                "Error code proposal: merge the two error spaces: agreement in the room.",
                "Registry policies proposal: agreement in room",
            ]
        )
        #expect(found.first?.lines == LineSpan(5, 7))
    }

    @Test func readsResultLines() throws {
        let note = """
            # TSC

            ## Travel fund request

            * Approved up to $3000 spend for Anna

            ## Move the repository

            * Brief discussion about licences
            * Jeremiah abstained from vote, no disagreements, passed

            ## Timeline

            * Vote: 5 in favour, 0 against. Timeline approved.
            * The membership was approved by email vote last month and is now live.
            """
        #expect(
            try decisions(note) == [
                "Approved up to $3000 spend for Anna", "Jeremiah abstained from vote, no disagreements, passed",
                "Vote: 5 in favour, 0 against. Timeline approved.",
            ]
        )
    }

    @Test func readsConsensusInsideAnAction() throws {
        let note = """
            # Council

            ACTION: Consensus is that we will share turnout only.
            ACTION: Joe to update the issue.
            """
        let result = try meeting(note)
        #expect(result.decisions.map(\.text) == ["Consensus is that we will share turnout only."])
        #expect(result.actions.count == 2)
    }

    @Test func joinsProceduralResolutionsToTheirMatter() throws {
        let note = """
            MINUTES OF THE PREVIOUS MEETING

            3. The minutes of the meeting held on 6 July were approved as a
               correct record.
               Resolved: proposed Cllr Okonjo, seconded Cllr Davenport, all in favour.
            """
        let found = try decisions(note, path: "minutes.txt")
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("The minutes of the meeting held on 6 July were approved") == true)
        #expect(
            found.first?.hasSuffix("resolved: proposed Cllr Okonjo, seconded Cllr Davenport, all in favour.") == true
        )
    }

    @Test func readsDecisionMadeMarkers() throws {
        let note = """
            # Call

            ## Build

            - Use the new build system +1 decision made

            ## API

            - Discussed the API shape.
            - No decision made
            - The marker "+1 decision made" is described in the guide.
            """
        #expect(try decisions(note) == ["Use the new build system"])
    }

    @Test func joinsABareAgreementToASiblingProposal() throws {
        let note = """
            # Call

            ## Budget

            - Bob: fees are low
            - Proposal to raise fees by 5%
            - Sue: fine by me
            - Agreed.
            """
        let found = try meeting(note).decisions
        #expect(found.map(\.text) == ["Proposal to raise fees by 5%: agreed."])
        #expect(found.map(\.lines) == [LineSpan(6, 8)])
    }

    @Test func readsDecisionTables() throws {
        let note = """
            # Execution layer meeting

            | Decision Item | Description |
            | ------------- | ----------- |
            | 160.1 | **EIP 6780:** Changes the SELFDESTRUCT opcode. |
            | 160.2 | **EIP 6475:** Adds an optional SSZ type. |

            ## Intro
            """
        #expect(
            try decisions(note) == [
                "EIP 6780: Changes the SELFDESTRUCT opcode.", "EIP 6475: Adds an optional SSZ type.",
            ]
        )
    }

    @Test func readsOutcomesOfVotesAndPolls() throws {
        let note = """
            # Steering committee

            ### Motion

            Motion text: Kate as Chair and Rayna as Secretary.
            Background: Both volunteered.
            - Presented by: Jason
            - Result: Passed

            #### RFC: add a registry per package
            - Darcy: Not controversial.
            - Ratified :+1:

            #### Renaming the bindings

            BS: POLL: rename host-bindings to webidl-bindings.

            [Unanimous consent.]

            - Consensus: we will not hold the event this year.
            - #agreed the release moves to May
            """
        #expect(
            try decisions(note) == [
                "Kate as Chair and Rayna as Secretary. Result: Passed",
                "RFC: add a registry per package: ratified :+1:",
                "BS: POLL: rename host-bindings to webidl-bindings: unanimous consent.",
                "we will not hold the event this year.", "the release moves to May",
            ]
        )
    }

    @Test func splitsASharedSectionBetweenDecisionsAndActions() throws {
        let note = """
            # Board

            ## Decisions and Action Items

            - The budget is approved.
            - Bob to send the invoice.
            - We will meet monthly.
            - Vote passed among present members
            """
        let result = try meeting(note)
        #expect(
            result.decisions.map(\.text) == [
                "The budget is approved.", "We will meet monthly.", "Vote passed among present members",
            ]
        )
        #expect(result.actions.map(\.text) == ["Bob to send the invoice."])
    }

    @Test func givesIdsAndSections() throws {
        let note = """
            # Meeting

            ## Budget

            Decision: the budget is approved.

            ## Venue

            Agreed: we stay in the hall.
            """
        let found = try meeting(note).decisions
        #expect(found.map(\.id) == ["d1", "d2"])
        #expect(found.map(\.section) == ["budget", "venue"])
    }

    // MARK: - Generalisation fixes

    @Test func joinsMotionOutcomesToTheirMotion() throws {
        let note = """
            # Council

            ## Approval of agenda

            Motion by Councilmember Ortiz, seconded by Councilmember Lee, to approve the agenda.
            Motion carried 4-0.

            ## Adjournment

            Motion by Councilmember Lee, seconded by Councilmember Ortiz, to adjourn at 8:05 p.m. Motion carried 4-0.
            """
        #expect(
            try decisions(note) == [
                "Motion by Councilmember Ortiz, seconded by Councilmember Lee, to approve the agenda. Motion carried 4-0.",
                "Motion by Councilmember Lee, seconded by Councilmember Ortiz, to adjourn at 8:05 p.m. Motion carried 4-0.",
            ]
        )
    }

    @Test func joinsMotionOutcomesToTheHeading() throws {
        let note = """
            # AGM

            ### Motion 1: Raise the fee to £320

            Proposed by Ian, seconded by Chloe.
            Vote: 15 for, 1 against. **Carried.**

            ### Motion 2: Let juniors row alone

            Proposed by Jack, seconded by Grace.
            After a long discussion the motion was **defeated** (6 for, 10 against).
            """
        #expect(
            try decisions(note) == [
                "Raise the fee to £320. Vote: 15 for, 1 against. Carried.",
                "Let juniors row alone. After a long discussion the motion was defeated (6 for, 10 against).",
            ]
        )
    }

    @Test func readsResolutionsMidSentence() throws {
        let note = """
            # Board

            The auditor presented the findings. After discussion, IT WAS RESOLVED THAT the annual accounts for
            2022 be approved.

            3.2 The committee voted to fund the shed. Carried unanimously.
            """
        #expect(
            try decisions(note) == [
                "the annual accounts for 2022 be approved.",
                "The committee voted to fund the shed. Carried unanimously.",
            ]
        )
    }

    @Test func judgesOutcomeSentencesOnWholeParagraphs() throws {
        let note = """
            # Group

            Sam gave an update on the volunteer handbook for new members. Members agreed
            to review it at the next meeting.
            Rhys gave an update on the partnership
            agreement.
            """
        #expect(try decisions(note).isEmpty)
    }

    @Test func readsGeneralBareOutcomes() throws {
        #expect(DecisionMarker.isBareOutcome("Agreed in the room."))
        #expect(DecisionMarker.isBareOutcome("General agreement"))
        #expect(DecisionMarker.isBareOutcome("No objections"))
        #expect(DecisionMarker.isBareOutcome("Consensus unanimously"))
        #expect(!DecisionMarker.isBareOutcome("Agreement on the lease is pending"))
        let note = """
            # Topic

            Proposal to buy chairs.
            No objections.
            """
        #expect(try decisions(note) == ["Proposal to buy chairs: no objections."])
    }

    @Test func keepsTheLineAroundABracketedDecisionMade() throws {
        let note = """
            # Topic

            - Use Postgres (+1, decision made)
            - Ship it on Friday (+1, decision made) after the freeze
            - Decision: +1
            """
        #expect(try decisions(note) == ["Use Postgres", "Ship it on Friday after the freeze"])
    }
}
