import Extract
import Testing

/// Letters whose lower case is longer or shorter in UTF-8 than they are never cut or shift the text taken from a note.
///
/// Extraction compares lower-cased text; an offset taken in the lower-cased copy and used on the original would cut
/// names short or trap (as `Apologies ȺȺȺ… from Bo Li` once did). Each line shape below is read in each kind of
/// section with such letters inside it, and every text a record takes from the note must be found in the note.
@Suite struct CaseLengthTests {
    /// Letters that change length in UTF-8 when lower-cased: Ⱥ 2 → 3 bytes, İ 2 → 3, ẞ 3 → 2, Kelvin sign 3 → 1,
    /// Ohm sign 3 → 2, and a title-case digraph.
    static let letters = [
        "ȺȺȺȺȺȺȺȺ", "İİİİİİ", "ẞẞẞẞẞẞ", "\u{212A}\u{212A}\u{212A}\u{212A}", "\u{2126}\u{2126}\u{2126}", "ǅǅǅ",
    ]

    /// Lines of the kinds extraction reads, with `{x}` where the letters go.
    static let shapes = [
        "Present: {x} Smith (Chair), Bo Li", "Apologies {x} from Bo Li and Ann Ray",
        "Apologies were received from {x} Ray, Bo Li", "- {x} Jones, Ministry of {x}, Treasurer",
        "Action: {x} to send the minutes by 3 March 2024", "ACTION {x}: Bo Li to circulate the report",
        "Agreed: the {x} budget was approved", "Decision: {x} resolved to adopt the plan",
        "It was RESOLVED that {x} be appointed", "The group recommends that {x} is funded", "Venue: {x} Hall",
        "**{x} Attendees**", "- [ ] {x} @bo to fix the site by Friday", "| {x} | Bo Li | 3 March |",
        "Owner: {x} Li; Due: {x} 2024",
    ]

    /// The words of `text`, lower-cased, one space before and after each: a text cut inside a word is not found.
    static func comparable(_ text: String) -> String {
        let words = text.lowercased().split { !$0.isLetter && !$0.isNumber }
        return " " + words.joined(separator: " ") + " "
    }

    /// Every text the records of `note` took from it.
    static func taken(from meeting: Meeting) -> [String] {
        let people = meeting.attendees + meeting.officials + meeting.absent
        var texts: [String?] = [meeting.title, meeting.location]
        texts += people.flatMap { [$0.nameAsWritten ?? $0.name, $0.organizationAsWritten ?? $0.organization, $0.role] }
        texts += meeting.actions.flatMap { [$0.text] + ($0.ownersAsWritten ?? $0.owners) }
        texts += meeting.decisions.map(\.text) + meeting.recommendations.map(\.text)
        return texts.compactMap { $0 }.filter { !$0.isEmpty }
    }

    /// An apology sentence names the same people whatever letters stand before `from`.
    @Test(arguments: letters)
    func apologySentencesNameThePeopleAfterFrom(_ letters: String) throws {
        let absent = try meeting("# Meeting\n\nApologies for \(letters) from Bo Li and Ann Ray.\n").absent
        #expect(absent.map(\.name) == ["Bo Li", "Ann Ray"])
    }

    @Test(arguments: letters)
    func recordsKeepTheTextAsWritten(_ letters: String) throws {
        var checked = 0
        for shape in Self.shapes {
            // Each line in the opening paragraphs (no heading), then under each kind of heading.
            for heading in ["", "## Attendees", "## Actions", "## Decisions"] {
                let line = shape.replacing("{x}", with: letters)
                let lines = "\(line)\n\n\(line.lowercased())\n\n- \(line)\n"
                let note = """
                    # \(letters) Meeting

                    \(heading.isEmpty ? lines : "Date: 4 March 2024")

                    ## Attendees

                    - Bo Li (Chair)
                    - Ann Ray

                    \(heading)

                    \(heading.isEmpty ? "" : lines)
                    """
                let found = Self.comparable(note)
                for text in Self.taken(from: try meeting(note)) {
                    checked += 1
                    #expect(
                        found.contains(Self.comparable(text)),
                        "\(text.debugDescription) is not in the note: \(line)"
                    )
                }
            }
        }
        #expect(checked > 100)
    }
}
