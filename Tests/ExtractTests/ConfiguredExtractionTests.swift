import Ingest
import Testing

@testable import Extract

/// What a configuration changes in extraction: heading aliases, markers, roles, aliases and the date order.
@Suite struct ConfiguredExtractionTests {
    /// Options from the YAML `text`.
    private func options(_ text: String, monthFirst: Bool = false) throws -> ExtractOptions {
        ExtractOptions(configuration: try ConfigurationLoader.parse(text, path: "minutes.yml"), monthFirst: monthFirst)
    }

    static let note = """
        # Parish council

        Date: 4 March 2021

        ## Who was there

        - Ann Lee
        - Bob Ray

        ## Could not make it

        - Cy Dunn

        ## Homework

        - Ann to write the report by 30 March
        - Bob to book the hall

        ## Rulings

        - The hall fee stays at £20.
        """

    @Test func withoutAliasesTheHeadingsAreTopics() throws {
        let found = try meeting(Self.note)
        #expect(found.attendees.isEmpty)
        #expect(found.absent.isEmpty)
        #expect(found.actions.isEmpty)
        #expect(found.decisions.isEmpty)
    }

    @Test func headingAliasesChangeWhatIsExtracted() throws {
        let configured = try options(
            """
            headings:
              attendees: [Who was there]
              absent: [could not make it]
              actions: [Homework]
              decisions: [Rulings]
            """
        )
        let found = try meeting(Self.note, options: configured)
        #expect(found.attendees.map(\.name) == ["Ann Lee", "Bob Ray"])
        #expect(found.absent.map(\.name) == ["Cy Dunn"])
        #expect(found.actions.map(\.text) == ["Ann to write the report by 30 March", "Bob to book the hall"])
        #expect(found.actions.map(\.owners) == [["Ann"], ["Bob"]])
        #expect(found.actions.first?.due == "2021-03-30")
        #expect(found.decisions.map(\.text) == ["The hall fee stays at £20."])
        #expect(found.title == "Parish council")
    }

    @Test func headingAliasesWorkAsLabelsToo() throws {
        let note = """
            # Parish council

            Date: 4 March 2021

            Who was there: Ann Lee, Bob Ray

            **Homework:**

            - Ann to write the report
            """
        let found = try meeting(
            note,
            options: try options("headings: {attendees: [Who was there], actions: [Homework]}")
        )
        #expect(found.attendees.map(\.name) == ["Ann Lee", "Bob Ray"])
        #expect(found.actions.map(\.text) == ["Ann to write the report"])
    }

    @Test func extraMarkersMarkActionsAndDecisions() throws {
        let note = """
            # Parish council

            Date: 4 March 2021

            ## Hall

            Task: Ann to book the hall by 12 March.

            Ruling: the hall fee stays at £20.

            Taskforce members were thanked.
            """
        #expect(try meeting(note).actions.isEmpty)
        let found = try meeting(note, options: try options("markers: {actions: [Task], decisions: [Ruling]}"))
        #expect(found.actions.map(\.text) == ["Ann to book the hall by 12 March."])
        #expect(found.actions.map(\.owners) == [["Ann"]])
        #expect(found.decisions.map(\.text) == ["the hall fee stays at £20."])
    }

    @Test func rolePhrasesGiveRoleTagsAndRoleLines() throws {
        let note = """
            # Parish council

            Date: 4 March 2021

            Presiding officer: Ann Lee

            ## Attendees

            - Bob Ray (Scrivener)
            - Cy Dunn
            """
        let plain = try meeting(note)
        #expect(!plain.attendees.contains { $0.name == "Ann Lee" })
        let found = try meeting(
            note,
            options: try options("roles: {chair: [Presiding officer], notes: [scrivener]}")
        )
        let ann = try #require(found.attendees.first { $0.name == "Ann Lee" })
        #expect(ann.roles == ["chair"])
        let bob = try #require(found.attendees.first { $0.name == "Bob Ray" })
        #expect(bob.role == "Scrivener")
        #expect(bob.roles == ["notes"])
    }

    @Test func aliasesGiveCanonicalNamesAndKeepTheTextAsWritten() throws {
        let note = """
            # Working group

            Date: 4 March 2021

            ## Attendees

            - Eric Huss (MoJ)
            - ehuss
            - Priya Shah (Ministry of Justice)
            - Dan Ode (NHS)

            ## Actions

            - @ehuss to review the draft
            - MoJ to confirm the budget
            - Dan to circulate the notes
            """
        let configured = try options(
            """
            aliases:
              organizations:
                Ministry of Justice: [MoJ]
              people:
                Eric Huss: [ehuss]
            """
        )
        let found = try meeting(note, options: configured)
        // `ehuss` and `Eric Huss` are one person, as first written.
        #expect(found.attendees.map(\.name) == ["Eric Huss", "Priya Shah", "Dan Ode"])
        let eric = found.attendees[0]
        #expect(eric.nameAsWritten == nil)
        #expect(eric.organization == "Ministry of Justice")
        #expect(eric.organizationAsWritten == "MoJ")
        #expect(found.attendees[1].organizationAsWritten == nil)
        #expect(found.attendees[2].organization == "NHS")
        #expect(found.attendees[2].organizationAsWritten == nil)
        #expect(found.actions.map(\.owners) == [["Eric Huss"], ["Ministry of Justice"], ["Dan"]])
        #expect(found.actions.map(\.ownersAsWritten) == [["@ehuss"], ["MoJ"], nil])
        // Without the configuration, everything stays as written.
        let plain = try meeting(note)
        #expect(plain.attendees.map(\.name) == ["Eric Huss", "ehuss", "Priya Shah", "Dan Ode"])
        #expect(plain.attendees.allSatisfy { $0.nameAsWritten == nil && $0.organizationAsWritten == nil })
        #expect(plain.actions.allSatisfy { $0.ownersAsWritten == nil })
    }

    @Test func anAliasWrittenAloneKeepsItAsWritten() throws {
        let note = "# Meeting\n\nDate: 4 March 2021\n\n## Attendees\n\n- ehuss\n- Ann Lee\n"
        let found = try meeting(note, options: try options("aliases: {people: {Eric Huss: ehuss}}"))
        #expect(found.attendees.map(\.name) == ["Eric Huss", "Ann Lee"])
        #expect(found.attendees.map(\.nameAsWritten) == ["ehuss", nil])
    }

    @Test func monthFirstComesFromTheConfigurationAndTheFlagWins() throws {
        let note = "# Meeting\n\nDate: 04/05/2021\n"
        #expect(try meeting(note).date == "2021-05-04")
        #expect(try meeting(note, options: try options("dates: month-first")).date == "2021-04-05")
        #expect(try meeting(note, options: try options("dates: day-first")).date == "2021-05-04")
        #expect(try meeting(note, options: try options("dates: day-first", monthFirst: true)).date == "2021-04-05")
    }
}
