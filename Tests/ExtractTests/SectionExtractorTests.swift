import Ingest
import Testing

@testable import Extract

@Suite struct SectionExtractorTests {
    /// The parents found while the sections are made are the first sections with the parents' ids, as
    /// ``ExtractionContext/parentIndices(of:)`` finds them, also when a numbered id repeats another title's.
    @Test func parentsAreTheFirstSectionsWithTheirIDs() throws {
        let note = """
            # Budget

            ## Items

            # Budget

            ## Items

            # Budget 2

            ## Items

            ### Notes

            # Items

            ## Budget
            """
        let document = try NoteIngestor().ingest(bytes: Array(note.utf8), path: "note.md")
        var context = ExtractionContext(document: document, options: ExtractOptions())
        _ = SectionExtractor().extract(&context)
        #expect(context.sections.map(\.id).contains("budget-2"))
        #expect(context.sectionParent == ExtractionContext.parentIndices(of: context.sections))
        #expect(context.sectionParent.contains { $0 != nil })
    }

    @Test func nestsConverterHeadingsByTheirNeighbours() throws {
        let note = """
            # Summary note of the working group

            #### **Attendees**

            Ann Lee, Clinks- Chair

            ## **Officials**

            Bob Roy, Ministry of Justice

            # Summary of the meeting

            ## Overview

            ## **Qualification**

            # **Call-off process**

            ### Mobilisation
            """
        let result = try meeting(note)
        #expect(result.title == "Summary note of the working group")
        #expect(
            result.sections.map(\.title) == [
                "Attendees", "Officials", "Summary of the meeting", "Overview", "Qualification", "Call-off process",
                "Mobilisation",
            ]
        )
        #expect(result.sections.map(\.level) == [1, 1, 1, 2, 2, 2, 3])
        #expect(
            result.sections.map(\.parent) == [
                nil, nil, nil, "summary-of-the-meeting", "summary-of-the-meeting", "summary-of-the-meeting",
                "call-off-process",
            ]
        )
        #expect(
            result.sections.map(\.lines) == [
                LineSpan(3, 6), LineSpan(7, 10), LineSpan(11, 19), LineSpan(13, 14), LineSpan(15, 16), LineSpan(17, 19),
                LineSpan(19, 19),
            ]
        )
    }

    @Test func leavesHeaderMetadataOutOfSections() throws {
        let note = """
            # Core Devs Meeting 12 <!-- omit in toc -->
            ### Meeting Date/Time: Friday 08 Jan 2021, 14:00 UTC
            ### [Agenda](https://example.org/agenda)
            ### Moderator: Ann Lee

            # Summary
            ## Decisions
            """
        let result = try meeting(note)
        #expect(result.title == "Core Devs Meeting 12")
        #expect(result.sections.map(\.title) == ["Summary", "Decisions"])
        #expect(result.date == "2021-01-08")
        #expect(result.startTime == "14:00")
    }

    @Test func aGenericFirstHeadingIsNotTheTitle() throws {
        let result = try meeting("---\ndate: 2026-02-02\n---\n\n## Agenda\n\n- Budget\n\n## Action Items\n")
        #expect(result.title == nil)
        #expect(result.sections.map(\.title) == ["Agenda", "Action Items"])
        #expect(result.date == "2026-02-02")
    }

    @Test func boldNumberedItemsAreSections() throws {
        let result = try meeting("# Board\n\n**1. Introduction**\n\nWelcome.\n\n**Members**\n\n- Ann\n")
        #expect(result.sections.map(\.title) == ["1. Introduction"])
    }

    @Test func plainTextTopicsAreSections() throws {
        let note =
            "Minutes of the working group\n\n- HTTP 1.1\nReview of documents.\n\n-- Ann's presentation:\nProposal one\n"
        let result = try meeting(note, path: "minutes.txt")
        #expect(result.title == "Minutes of the working group")
        #expect(result.sections.map(\.title) == ["HTTP 1.1", "Ann's presentation"])
    }

    @Test func sectionIDsAreUniqueSlugs() throws {
        let result = try meeting("# T\n\n## Actions\n\n## Réunion d'été\n\n## Actions\n")
        #expect(result.sections.map(\.id) == ["actions", "reunion-d-ete", "actions-2"])
    }

    @Test func boldTopicsOverListsAreSectionsButLabelsAndDatesAreNot() throws {
        let note = """
            # Trust board

            *17 July 2023, 09:00–11:00*

            **Members**

            - Ann Lee

            **Communications**

            - Newsletter goes out monthly.

            **Actions**

            - Ann to send the newsletter.

            *Minutes taken by the clerk on the day.*
            """
        #expect(try meeting(note).sections.map(\.title) == ["Communications"])
    }

    @Test func aHeadingRepeatingTheFrontMatterTitleIsNotASection() throws {
        let result = try meeting("---\ntitle: Board\n---\n# Board\n\n## Budget\n")
        #expect(result.title == "Board")
        #expect(result.sections.map(\.title) == ["Budget"])
    }

    @Test func aTopicNestedUnderAPeopleHeadingStillHoldsRecommendations() throws {
        let result = try meeting("# Sync\n\n## Participants\n\n- Ann\n\n### Roadmap\n\nWe should ship in May.\n")
        #expect(result.sections.map(\.title) == ["Participants", "Roadmap"])
        #expect(result.recommendations.map(\.text) == ["We should ship in May."])
    }

    @Test func tildeUnderlinesInPlainTextAreHeadingsNotFences() throws {
        let note = "MINUTES OF THE BOARD\n\nClimate action plan\n~~~~~~~~~~~~~~~~~~~\nAction: Ann to draft the plan.\n"
        let result = try meeting(note, path: "board.txt")
        #expect(result.sections.map(\.title) == ["Climate action plan"])
        #expect(result.actions.map(\.owners) == [["Ann"]])
    }
}
