import Testing

@testable import Extract

/// The byte looks that turn text away before it is read closely keep what the close reading finds.
@Suite struct FinderSpeedTests {
    /// Plain ASCII markers past the first two bytes are still found after the look at their bytes, and text that
    /// only shares their first two bytes is still no marker.
    @Test func plainMarkersPassTheByteLook() {
        let found: [(String, String)] = [
            ("  To do: send the minutes", "send the minutes"), ("TODO: book the hall", "book the hall"),
            ("TO DO: chase", "chase"), ("Next step: draft", "draft"), ("Follow-up: ring Ann", "ring Ann"),
            ("AI - fix the gate", "fix the gate"), ("AI: Bob to write", "Bob to write"),
            ("**ACTION** Bob to write", "Bob to write"), ("__ACTION__ Ann to call", "Ann to call"),
            ("Action item: order chairs", "order chairs"), ("ACTION 3: renew", "renew"),
        ]
        for (text, body) in found {
            #expect(ActionMarker.leadingByCharacters(text)?.text == body, "\(text)")
        }
        #expect(ActionMarker.leadingByCharacters("ACTION ALL: read the paper")?.owners == ["ALL"])
        for text in ["To be discussed", "For the record", "Next meeting: 3 May", "**Notes**", "Actual figures: 3"] {
            #expect(ActionMarker.leadingByCharacters(text) == nil, "\(text)")
        }
    }

    /// A nickname is told by its shape whether it is ASCII or not.
    @Test func nicknamesByShape() {
        for word in ["mnot", "ab", "snake_case1", "zoë"] { #expect(OwnerParser.isNickname(word), "\(word)") }
        for word in ["Mnot", "a", "two words", "x-y", "abcdefghijklmnopqrstu", "Zoë"] {
            #expect(!OwnerParser.isNickname(word), "\(word)")
        }
    }

    /// The word sets looked up past ASCII hold ASCII words alone, which a plain word beyond ASCII never lower-cases
    /// to; such a word is read as a name, not as one of them.
    @Test func wordSetsAreASCII() {
        for word in OwnerParser.teamNouns.union(OwnerParser.notNames) {
            #expect(word.utf8.allSatisfy { $0 < 0x80 }, "\(word)")
        }
        #expect(OwnerParser.ownerList("Zoë Hughes") == ["Zoë Hughes"])
        #expect(OwnerParser.isOwnerPart("Zoë Hughes"))
        #expect(OwnerParser.isOwnerPart("Zoë's team"))
        #expect(!OwnerParser.isOwnerPart("Zoë went home"))
    }

    /// The Kelvin sign lower-cases to ASCII (`k`): a word spelt with it is not plain (`PeopleBytes.isPlain`), so it is
    /// lower-cased and looked up, not turned away as a plain word beyond ASCII.
    @Test func aKelvinSignLowerCasesIntoTheSets() throws {
        let noun = try #require(
            OwnerParser.teamNouns.first { $0.first == "k" } ?? OwnerParser.notNames.first { $0.first == "k" }
        )
        let kelvin = "\u{212A}" + noun.dropFirst()
        let set = OwnerParser.teamNouns.contains(noun) ? OwnerParser.teamNouns : OwnerParser.notNames
        let bytes = ByteWordSet(set)
        let held = OwnerParser.holds(set, bytes, kelvin)
        let zoe = OwnerParser.holds(set, bytes, "Zoë")
        #expect(held, "\(kelvin) lower-cases to \(noun)")
        #expect(!zoe)
    }
}
