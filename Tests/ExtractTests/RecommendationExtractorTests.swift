import Foundation
import Testing

@testable import Extract

@Suite struct RecommendationExtractorTests {
    @Test func findsRecommendingSentencesWithSpeakerAndAddressee() throws {
        let note = """
            # Panel

            - Members of the panel agreed that the Council should publish its repair times. Others disagreed.
            - The board must not cut the budget.
            - It was good to hear of plans, should funding become available.
            - Action: Council to publish repair times; it should do so monthly.
            - Should we meet in June?
            """
        let records = try meeting(note).recommendations
        #expect(
            records.map(\.text) == [
                "Members of the panel agreed that the Council should publish its repair times.",
                "The board must not cut the budget.",
            ]
        )
        #expect(records.first?.by == "Members of the panel")
        #expect(records.first?.to == "the Council")
        #expect(records.map(\.lines) == [LineSpan(3, 3), LineSpan(4, 4)])
        #expect(records.map(\.id) == ["r1", "r2"])
    }

    @Test func aLeadInCarriesItsSubItems() throws {
        let note = """
            # Panel
            ## Mobilisation

            - The group suggested ways in which the council could help:
              - Establish transition plans
              - Provide financial support.
            """
        let record = try #require(try meeting(note).recommendations.first)
        #expect(
            record.text
                == "The group suggested ways in which the council could help: Establish transition plans; Provide financial support."
        )
        #expect(record.lines == LineSpan(4, 6))
        #expect(record.section == "mobilisation")
        #expect(record.by == "The group")
    }

    @Test func spansTheLinesOfAWrappedSentence() throws {
        let note = "Intro line.\nThe sector must have a say in any\ndecision taken. Nothing else.\n"
        let record = try #require(try meeting(note).recommendations.first)
        #expect(record.text == "The sector must have a say in any decision taken.")
        #expect(record.lines == LineSpan(2, 3))
    }

    /// A sentence after a newline inside an inline, in a paragraph or an item, is on the source line it is on: such a
    /// newline ends a line as a break does.
    @Test func linesCountANewlineInsideAnInline() throws {
        let note = """
            # Meeting

            We looked at `the
            script` today.
            We recommend that the board adopts the plan.

            - We looked at *the
              script* today.
              We recommend that the council funds the hall.
            """
        let records = try meeting(note).recommendations
        #expect(
            records.map(\.text) == [
                "We recommend that the board adopts the plan.", "We recommend that the council funds the hall.",
            ]
        )
        #expect(records.map(\.lines) == [LineSpan(5, 5), LineSpan(9, 9)])
    }

    /// A line of a paragraph with no text (an image without alt text) is still a source line: the sentence after it
    /// is on its own line, not the one before.
    @Test func aLineWithNoTextIsStillALine() throws {
        let note = "# Meeting\n\nWe met today.\n![](x.png)\nWe recommend that the board adopts the plan.\n"
        let records = try meeting(note).recommendations
        #expect(records.map(\.text) == ["We recommend that the board adopts the plan."])
        #expect(records.map(\.lines) == [LineSpan(5, 5)])
    }

    @Test func theSeedRecommendationsAreAllFound() throws {
        guard let sharedCorpus else { return }
        let path = sharedCorpus.appendingPathComponent("seed/000_af9b84a5ac73a05f.txt").path
        let records = MeetingExtractor().extract(try NoteIngestor().ingest(path: path)).recommendations
        #expect(records.count == 8)
        #expect(records.first?.text.hasPrefix("Members of the group agreed that Clinks should refine") == true)
        #expect(records.last?.text.hasSuffix("estimates for the time each lot will need to mobilise.") == true)
    }
}
