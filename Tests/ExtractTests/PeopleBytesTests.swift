import Testing

@testable import Extract

/// The byte-level first looks at people lines must answer as the character-level reading does.
@Suite struct PeopleBytesTests {
    /// Every scalar ``PeopleBytes/plainBytes(_:)`` lets through is a character of its own beside any other, and equals
    /// no ASCII character, so that splitting its bytes at ASCII characters splits where the characters would.
    @Test func plainScalarsStandAlone() {
        let ranges: [ClosedRange<UInt32>] = [0x20...0x7E, 0x80...0x2FF, 0x2010...0x2027, 0x2030...0x205E]
        let scalars = ranges.flatMap { $0 }.compactMap(Unicode.Scalar.init)
        let ascii = (0x20...0x7E).map { Character(Unicode.Scalar(UInt8($0))) }
        for scalar in scalars {
            let text = "a\(scalar)\(scalar)-\(scalar)a"
            #expect(PeopleBytes.plainBytes(text) != nil)
            #expect(text.count == text.unicodeScalars.count, "U+\(String(scalar.value, radix: 16))")
            if !scalar.isASCII { #expect(!ascii.contains(Character(scalar))) }
        }
        #expect(PeopleBytes.plainBytes("Ann\r\nLee") == nil)
        #expect(PeopleBytes.plainBytes("Rene\u{301} Roy") == nil)
        #expect(PeopleBytes.plainBytes("Ann 👋") == nil)
    }

    @Test func splitsAsCharactersDo() {
        let entries = [
            "Łukasz Diaz (Harbour Health Partnership), Siobhán Lee [SL]", "Ann Lee – Chair; Bob (Trust-co-opted",
            "Olivia Achterberg-Smythe, Ministry of Housing— Programme Officer", "Zoë Ng, Cooperative-permanent member",
        ]
        for entry in entries {
            #expect(PeopleBytes.plainBytes(entry) != nil)
            #expect(!PersonEntryParser.segments(of: entry).isEmpty)
        }
        #expect(PersonEntryParser.segments(of: "Ann Lee – Chair") == ["Ann Lee", "Chair"])
        #expect(
            PersonEntryParser.segments(of: "Łukasz Diaz, Green Lane Trust-co-opted") == [
                "Łukasz Diaz", "Green Lane Trust", "co-opted",
            ]
        )
        #expect(PersonEntryParser.splitBrackets("Siobhán (Chair [acting]) Lee").inside == ["Chair [acting]"])
    }

    @Test func longPhrasesNameNoOne() {
        #expect(PeopleBytes.opensWithLongPhrase("The minutes of the meeting held on 15 August were agreed."))
        #expect(!PeopleBytes.opensWithLongPhrase("Dr Ann van der Berg (Chair of the Harbour Trust board)"))
        #expect(!PeopleBytes.opensWithLongPhrase("Ann, the minutes of the meeting held on 15 August"))
        #expect(!PeopleBytes.opensWithLongPhrase("Zoë took members through the matters arising from the meeting"))
    }

    @Test func labelsAreNotRuledOutWrongly() {
        #expect(PeopleBytes.mayBeLabelled("**Members present (14):** Ann, Bob"))
        #expect(PeopleBytes.mayBeLabelled("Steering Committee Members: Ann"))
        #expect(!PeopleBytes.mayBeLabelled("Questions were raised about the plan, and the answer: none"))
        #expect(!PeopleBytes.mayBeLabelled("No colon here"))
    }
}
