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

    /// ``isTidy(_:)`` says a text is tidy only when ``tidy(_:)`` leaves it as it is.
    @Test func tidyTextIsFoundTidy() {
        let spaces =
            [0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x3000, 0x2028, 0x2029, 0x202F, 0x205F]
            + Array(0x2000...0x200A)
        for space in spaces.compactMap({ Unicode.Scalar(UInt32($0)) }) {
            for text in ["Ann\(space)Lee", "\(space)Ann", "Ann\(space)", "Ann \(space)Lee"] {
                #expect(!isTidy(text) || tidy(text) == text)
            }
        }
        for text in ["Łukasz Diaz – Chair", "Siobhán O’Brien", "Ann • Lee", "", "Ann  Lee", " Ann", "Ann "] {
            #expect(isTidy(text) == (tidy(text) == text && !text.isEmpty) || text.isEmpty)
        }
    }
}
