import Ingest
import PropertyBased
import Testing

@testable import Extract

/// The byte readings that actions' owners and due dates take first give what the full readings give, on random text of
/// owner phrases, due phrases and the characters that trip byte-level code.
@Suite struct ActionOwnerDueByteTests {
    /// Names, teams, list joiners, due words and marks, and characters that differ as bytes and as characters.
    static let piece = Gen<String?>
        .element(of: [
            "Keiko", "Ahmed", "The", "the", "Clerk", "team", "probation", "reform", "of", "All", "members", "Do", "DO",
            "RC", "Ann Lee", "@ann", "@bo-b.", "and", "AND", "&", "+", "/", ",", ", ", "http", "HTTP", "x", "Zoë", "é",
            "İ", "\u{212A}", "K", "Łukasz", "Émile", "Ÿves", "ĸ", "ß", "ŉ", "×", "÷", "ø", "Ø", "@zoë", "’", "May",
            "march", "24", "3rd", "2021", "end", "of", "by", "Friday", "(", "[", ")", "]",
            ".", ";", ":", "-", "–", "'", "’", " ", " ", " ", "  ", "\t", "\r\n", "\u{A0}", "\u{301}", "🎉",
        ])
        .map { $0 ?? "" }
    static let text = piece.array(of: 0...10).map { $0.joined() }
    /// The pieces with a space between each two, as owner lists are written (`Ann Lee and Keiko`): joined with none, two
    /// words and a connective seldom stand apart.
    static let spaced = piece.array(of: 0...10).map { $0.joined(separator: " ") }

    @Test(arguments: [false, true]) func ownersReadTheSameOnBytes(spaced: Bool) async {
        await propertyCheck(count: 4000, input: spaced ? Self.spaced : Self.text) { text in
            let said = "\(text.unicodeScalars.map(\.value))"
            #expect(OwnerParser.ownerList(text) == OwnerParser.ownerListByParts(text), "\(said)")
            #expect(OwnerParser.isPersonalName(text) == OwnerParser.isPersonalNameByWords(text), "\(said)")
            #expect(OwnerParser.isOwnerPart(text) == OwnerParser.isOwnerPartByWords(text), "\(said)")
        }
    }

    /// The handles opening a text are its owners only when a task follows them, however they are joined.
    @Test func leadingHandlesNeedATaskAfterThem() {
        #expect(OwnerParser.leadingHandles(of: "@jo.smith and @zoë") == nil)
        #expect(OwnerParser.leadingHandles(of: "@ann") == nil)
        #expect(OwnerParser.leadingHandles(of: "@jo.smith and @zoë draft the letter") == ["@jo.smith", "@zoë"])
        #expect(OwnerParser.leadingHandles(of: "@a + @b, @c to review it") == ["@a", "@b", "@c"])
        #expect(OwnerParser.leadingHandles(of: "@a AND @b: book the hall") == ["@a", "@b"])
        #expect(OwnerParser.leadingHandles(of: "@a Jo to book the hall") == ["@a"])
        #expect(OwnerParser.leadingHandles(of: "Jo @a to book the hall") == nil)
    }

    /// Each scalar of Latin-1 from `À`, of Latin Extended-A and of general punctuation has, as told by its bytes, its
    /// character's properties; and owner parts holding it read the same on the bytes.
    @Test func latinScalarsReadAsTheirCharacters() {
        let scalars = (0xC0...0x17F).compactMap(Unicode.Scalar.init) + (0x2010...0x205E).compactMap(Unicode.Scalar.init)
        for scalar in scalars {
            let text = String(Character(scalar))
            guard PeopleBytes.withBytes(text, { PeopleBytes.isPlain($0) && PeopleBytes.isLatin($0) }) else { continue }
            let read = PeopleBytes.withBytes(text) { OwnerParser.LatinScalar.scalars($0) }
            let character = Character(scalar)
            #expect(read.count == 1, "\(scalar.value)")
            #expect(read.first?.isLetter == character.isLetter, "\(scalar.value)")
            #expect(read.first?.isUppercase == character.isUppercase, "\(scalar.value)")
            #expect(read.first?.isLowercase == character.isLowercase, "\(scalar.value)")
            #expect(read.first?.isNumber == character.isNumber, "\(scalar.value)")
            for part in [text, text + "a", "A" + text, text + "b team", "Ann " + text + "x", "@" + text, "@a" + text] {
                #expect(OwnerParser.isOwnerPart(part) == OwnerParser.isOwnerPartByWords(part), "\(part)")
                #expect(OwnerParser.isPersonalName(part) == OwnerParser.isPersonalNameByWords(part), "\(part)")
            }
        }
    }

    @Test func inlineMarkerWordsAreFoundInOnePass() async {
        let words = ["ACTION", "Action", "AI:", "action", "ACTIO", "AI", "A", "ctio", "I:", "é", "\u{301}", " ", ":"]
        let text = Gen<String?>.element(of: words).map { $0 ?? "" }.array(of: 0...8).map { $0.joined() }
        await propertyCheck(count: 4000, input: text) { text in
            #expect(
                PeopleBytes.withBytes(text, ActionMarker.holdsInlineMarkerWord)
                    == TextSearch.containsAny(text, ["ACTION", "Action", "AI:"]),
                "\(text.unicodeScalars.map(\.value))"
            )
        }
    }

    @Test func charactersAreCountedOnlyWhereBytesCannotTell() async {
        await propertyCheck(count: 4000, input: Self.text) { text in
            for count in [0, 1, 5, 12, 30] {
                #expect(
                    ActionMarker.holdsAtLeast(count, charactersIn: text) == (text.count >= count),
                    "\(count) \(text.unicodeScalars.map(\.value))"
                )
            }
        }
    }

    @Test func duePhrasesTrimTheSameOnBytes() async {
        await propertyCheck(count: 4000, input: Self.text) { text in
            guard TextSearch.isPlainASCII(text) else { return }
            let bytes = PeopleBytes.withBytes(text) { DueDates.trimmedPhrase(bytes: $0) }
            #expect(bytes == DueDates.trimmedPhrase(text), "\(text.unicodeScalars.map(\.value))")
        }
    }

    /// A due phrase is its words with one space between each two, whether it is cut from the text's bytes (words one
    /// space apart) or joined again (words further apart).
    @Test func duePhrasesHaveOneSpaceBetweenWords() {
        let found = DueDates.find(in: "Jo to book the hall by  3 March  2025.", reference: nil, dayFirst: true)
        #expect(found?.text == "by 3 March 2025")
        let plain = DueDates.find(in: "Jo to book the hall by 3 March 2025.", reference: nil, dayFirst: true)
        #expect(plain?.text == "by 3 March 2025")
    }
}
