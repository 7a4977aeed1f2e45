import PropertyBased
import Testing

@testable import Extract

/// The byte-level fast paths of extraction give what the character readings they stand for give, on random text
/// made of the words extraction looks for and the characters that trip byte-level code.
@Suite struct FastPathPropertyTests {
    /// Words and marks of minutes (names, roles, markers, outcomes) and characters that differ as bytes and as
    /// characters: combining marks, CR LF, no-break spaces, `İ` and `Ⱥ` (longer in lower case), the Greek question
    /// mark and the Kelvin sign (equal to `;` and `K` as characters once normalised), prepended marks, dashes.
    static let piece = Gen<String?>
        .element(of: [
            "Ann", "Lee", "O'Neil", "van", "de", "Dr", "Cllr", "Chair", "Vice-Chair", "Clerk", "Treasurer", "Council",
            "Trust", "Action", "ACTION:", "Actions", "Decision", "agreed", "Agreed.", "carried", "Resolved", "motion",
            "in the room", "unanimously", "no objections", "consensus", "from", "FROM", "to", "will", "by", "@ann",
            "1.", "2)", "(", ")", "[", "]", ":", ";", ",", ".", "-", "–", "—", "'", "’", "\"", "|", "*", "**", "_",
            "#", " ", "  ", "\t", "\r\n", "\n", "\u{A0}", "\u{2003}", "\u{301}", "\u{338}", "\u{600}", "İ", "Ⱥ",
            "\u{37E}", "\u{212A}", "\u{1FEF}", "é", "Zoë", "Ō", "ß", "🎉", "👩🏽‍⚕️", "x", "K", "k",
        ])
        .map { $0 ?? "" }
    static let text = piece.array(of: 0...12).map { $0.joined() }

    @Test func namesAndRolesReadAsByCharacters() async {
        await propertyCheck(count: 3000, input: Self.text) { text in
            for lowercase in [false, true] {
                #expect(
                    PersonEntryParser.isNameLike(text, allowLowercase: lowercase)
                        == PersonEntryParser.isNameLike(characters: tidy(text), allowLowercase: lowercase),
                    "\(text.unicodeScalars.map(\.value))"
                )
            }
            #expect(
                PersonEntryParser.isRoleLike(text) == PersonEntryParser.isRoleLike(characters: text),
                "\(text.unicodeScalars.map(\.value))"
            )
        }
    }

    @Test func outcomesAndHeadingsReadAsByCharacters() async {
        await propertyCheck(count: 3000, input: Self.text) { text in
            #expect(
                DecisionMarker.isBareOutcome(text) == DecisionMarker.isBareOutcomeByCharacters(text),
                "\(text.unicodeScalars.map(\.value))"
            )
            #expect(
                ActionMarker.normalisedHeading(text) == ActionMarker.normalisedHeadingByCharacters(text),
                "\(text.unicodeScalars.map(\.value))"
            )
        }
    }

    @Test func outlineHelpersReadAsByCharacters() async {
        await propertyCheck(count: 3000, input: Self.text) { text in
            for separator in [UInt8(ascii: ","), UInt8(ascii: "|")] {
                if let parts = splitStandingAlone(text, at: separator) {
                    let characters = text.split(
                        separator: Character(Unicode.Scalar(separator)),
                        omittingEmptySubsequences: false
                    )
                    #expect(
                        parts.map(String.init) == characters.map(String.init),
                        "\(text.unicodeScalars.map(\.value))"
                    )
                }
            }
            for limit in [0, 3, 12] {
                #expect(hasAtMost(limit, charactersIn: text) == (text.count <= limit))
            }
            #expect(isBlankOrColons(text) == text.allSatisfy { $0.isWhitespace || $0 == ":" })
        }
    }
}
