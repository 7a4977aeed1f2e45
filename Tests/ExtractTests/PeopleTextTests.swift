import Testing

@testable import Extract

/// The byte paths of ``PeopleText`` must answer as the standard library's character reading does.
@Suite struct PeopleTextTests {
    /// Text that is ASCII, plain beyond ASCII, or anything but plain: marks after spaces, non-breaking spaces, line
    /// ends, emoji, letters whose lower case is not one scalar.
    static let samples = [
        "", " ", "Ann Lee", "  Ann   Lee  ", "ANN LEE (Chair)", "José Roberts, Citizens Advice Eastside - Chair",
        "Siobhán Fernández – Treasurer", "ÀÉÎÕÜ × Þß ÿ", "Łukasz Diaz", "İpek Kaya", "\u{212A}elvin Roy",
        "Ann \u{301}Lee", "Ann\u{A0}Lee", "Ann\r\nLee", "Ann 👋 Lee", "Ann\u{200D} Lee", "“Ann” ‘Lee’",
        "Μαρία Παπαδοπούλου", "\u{600} Ann", "co-chair, vice-chair", "Trust-co-opted", "- Ann -",
    ]

    @Test func lowersAsTheStandardLibrary() {
        for text in Self.samples { #expect(PeopleText.lowercased(text) == text.lowercased(), "\(text)") }
        for value in Array(0x20...0x2FF) + Array(0x2000...0x207F) {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = "A\(scalar)b \(scalar)"
            #expect(PeopleText.lowercased(text) == text.lowercased(), "U+\(String(value, radix: 16))")
        }
    }

    @Test func splitsAsTheStandardLibrary() {
        for text in Self.samples {
            #expect(PeopleText.words(text) == text.split(separator: " "), "\(text)")
            #expect(PeopleText.wordCount(text) == text.split(separator: " ").count, "\(text)")
            #expect(PeopleText.split(text, at: UInt8(ascii: "-")) == text.split(separator: "-"), "\(text)")
        }
    }

    @Test func trimsAsTheCharacterReading() {
        let sets = ["*_#:- ", ".,;:'’()\"", "\"“”'‘’()", " .!()", "."]
        for text in Self.samples + ["(Ann.)", "“Ann”", "’Ann’.", "..", "*_#"] {
            for set in sets {
                #expect(text.trimmingPlain(set) == text.trimming(set), "\(text) \(set)")
                #expect(PeopleText.loweredTrimming(text, set) == text.lowercased().trimming(set), "\(text) \(set)")
            }
        }
    }

    @Test func testsCharactersAsTheStandardLibrary() {
        for text in Self.samples {
            for byte in [UInt8(ascii: " "), UInt8(ascii: ","), UInt8(ascii: "-"), UInt8(ascii: "(")] {
                #expect(PeopleText.contains(text, byte) == text.contains(Character(Unicode.Scalar(byte))), "\(text)")
            }
            #expect(
                PeopleText.allSatisfy(text, ascii: PeopleText.isLetter, character: \.isLetter)
                    == text.allSatisfy(\.isLetter),
                "\(text)"
            )
        }
    }

    @Test func cleansPlainText() {
        #expect(PeopleText.cleanPlain("**Ann Lee**.") == "Ann Lee")
        #expect(PeopleText.cleanPlain("• Ann Lee;") == "Ann Lee")
        #expect(PeopleText.cleanPlain("> * __Ann__ ,") == "Ann")
        #expect(PeopleText.cleanPlain("Dan A.") == "Dan A.")
        #expect(PeopleText.cleanPlain("Ann..") == "Ann..")
        #expect(PeopleText.cleanPlain("José  Roberts.") == "José Roberts")
        #expect(PeopleText.cleanPlain("Ann Lee") == "Ann Lee")
        // Left to the character reading: white space beyond ASCII, a full stop after a letter beyond ASCII.
        #expect(PeopleText.cleanPlain("Ann\u{A0}Lee") == nil)
        #expect(PeopleText.cleanPlain("Dan É.") == nil)
        #expect(PeopleText.cleanPlain("Rene\u{301}") == nil)
        #expect(PersonEntryParser.clean("Dan É.") == "Dan É.")
    }
}
