import Testing

@testable import Extract

@Suite struct MetadataExtractorTests {
    @Test func readsDateTimeAndPlaceFromTheLineUnderTheTitle() throws {
        let result = try meeting("# Panel meeting\n\n15:00 – 17:00, 21<sup>st</sup> April 2020, via video call\n")
        #expect(result.date == "2020-04-21")
        #expect(result.startTime == "15:00")
        #expect(result.endTime == "17:00")
        #expect(result.location == "via video call")
    }

    @Test func readsLabelledLines() throws {
        let note = "PARISH COUNCIL\n\nDate: Tuesday 7 September 2021\nTime: 7.30pm\nVenue: Village Hall\n"
        let result = try meeting(note, path: "minutes.txt")
        #expect(result.date == "2021-09-07")
        #expect(result.startTime == "19:30")
        #expect(result.location == "Village Hall")
    }

    @Test func frontMatterWins() throws {
        let note = "---\ntitle: Board\ndate: 2021-05-12\nlocation: Library\n---\n# Other title\n\nDate: 1 May 2020\n"
        let result = try meeting(note)
        #expect(result.title == "Board")
        #expect(result.date == "2021-05-12")
        #expect(result.location == "Library")
    }

    @Test func fallsBackToTheFileName() throws {
        #expect(try meeting("# Notes\n\nNothing dated.\n", path: "notes/2016-10-06.md").date == "2016-10-06")
        #expect(try meeting("# Notes\n", path: "20201117_agenda.md").date == "2020-11-17")
    }

    @Test func warnsWhenThereIsNoDate() throws {
        let result = try meeting("# Notes\n\nNothing dated.\n", path: "notes.md")
        #expect(result.date == nil)
        #expect(
            result.diagnostics.map(\.description) == [
                "notes.md:1:1: warning: no meeting date found in the note or its file name"
            ]
        )
    }

    @Test func idsAreSlugsOfDateAndTitle() throws {
        #expect(try meeting("# 15-Sep-2016 TSC Meeting Notes\n").id == "2016-09-15-tsc-meeting-notes")
        #expect(try meeting("# Réunion <b>du</b> comité\n", path: "x.md").id == "reunion-du-comite")
        #expect(try meeting("", path: "dir/CON.md").id == "con-meeting")
    }

    @Test func idsAreUniqueWithinARun() {
        var ids = MeetingIDAllocator()
        #expect(["a", "a", "a-2", "a", "b"].map { ids.unique($0) } == ["a", "a-2", "a-2-2", "a-3", "b"])
    }
}
