import Testing

@testable import Extract

/// The first-byte readings of a word's first character, and the label group worked out from one key, must answer as
/// the character readings and the two looks they stand in for.
@Suite struct PeopleFirstByteTests {
    /// Words whose first character is ASCII alone, ASCII with a mark or joiner after it, a line end, a non-breaking
    /// space, a curly quote, or a letter beyond ASCII.
    static let words: [String] =
        PeopleLatinBytesTests.texts
        + [
            "", "a", "A", "1", "ann", "Ann", "9 members", "e\u{301}", "E\u{301}cole", "1\u{20E3}", "\r\nAnn", "\r",
            "\nann", "\u{A0}Ann", "“Ann”", "’s", "élodie", "Émile", "ß", "İpek", "山田", "a\u{200D}b", "x\u{FE0F}",
            "Ⅻ", "٣ members", "ǅemal", "ᾼ", "-", " ann",
        ]

    @Test func firstCharacterAsTheCharacters() {
        for word in Self.words {
            let first = word.first
            #expect(PersonEntryParser.startsLowercase(word) == (first?.isLowercase == true), "\(word)")
            #expect(PersonEntryParser.startsWithNumber(word) == (first?.isNumber == true), "\(word)")
            let capitalised = first.map { $0.isUppercase || ($0.isLetter && !$0.isLowercase) } ?? false
            #expect(PersonEntryParser.startsCapitalised(word) == capitalised, "\(word)")
            // A slice reads as the string it holds.
            let slice = Substring(word)
            #expect(PersonEntryParser.startsLowercase(slice) == PersonEntryParser.startsLowercase(word), "\(word)")
        }
    }

    @Test func nextByteIsASCIIReadsTheSecondByte() {
        #expect(PeopleText.nextByteIsASCII("a".utf8))
        #expect(PeopleText.nextByteIsASCII("ab".utf8))
        #expect(!PeopleText.nextByteIsASCII("e\u{301}".utf8))
        #expect(!PeopleText.nextByteIsASCII("aé".utf8))
        #expect(PeopleText.nextByteIsASCII("xab".utf8.dropFirst()))
        #expect(!PeopleText.nextByteIsASCII("xa\u{A0}".utf8.dropFirst()))
    }

    @Test func groupAndKeyAsTheTwoLooks() {
        var withHeadings = Vocabulary()
        withHeadings.attendees = ["crew", "who came"]
        let vocabularies = [Vocabulary(), withHeadings]
        let labels = Array(PeopleWords.attendees.union(PeopleWords.officials).union(PeopleWords.absent))
        var texts = PeopleLatinBytesTests.texts + labels + ["Crew", "Who came (in order)", "Governors present"]
        for label in labels.prefix(20) {
            texts += ["**\(label):**", "\(label) (12)", "Ł \(label)", "Items to present"]
        }
        var keyed = 0
        for vocabulary in vocabularies {
            for text in texts {
                let found = PeopleWords.groupAndKey(ofLabel: text, vocabulary: vocabulary)
                #expect(found.group == PeopleWords.group(ofLabel: text, vocabulary: vocabulary), "\(text)")
                guard let key = found.key else { continue }
                keyed += 1
                #expect(key == PeopleWords.labelKey(text), "\(text)")
                for allowMembers in [false, true] {
                    #expect(
                        PeopleWords.group(endingKey: key, allowMembers: allowMembers)
                            == PeopleWords.group(endingTitle: text, allowMembers: allowMembers),
                        "\(text)"
                    )
                }
            }
        }
        // Most labels are looked up by their key: a look that never took one would pass the test above.
        #expect(keyed > labels.count)
    }

    @Test func labelledValueStartsAfterTheColon() {
        var read = 0
        for text in PeopleLatinBytesTests.texts.map({ "Present:\($0)" }) + Self.words.map({ "\($0): Ann:\u{301}" }) {
            guard let labelled = PersonBlockReader.labelled(text), let colon = text.firstIndex(of: ":") else {
                continue
            }
            read += 1
            #expect(
                labelled.value(in: text) == tidy(PeopleText.trimming(text[text.index(after: colon)...], "*_ ")),
                "\(text)"
            )
        }
        #expect(read > PeopleLatinBytesTests.texts.count / 2)
        #expect(PersonBlockReader.labelled("Present:Ann")?.value(in: "Present:Ann") == "Ann")
        #expect(PersonBlockReader.labelled("Présent : Zoë\u{301}")?.value(in: "Présent : Zoë\u{301}") == "Zoë\u{301}")
        #expect(PersonBlockReader.labelled("**Apologies:** Cy")?.value(in: "**Apologies:** Cy") == "Cy")
    }

    /// A label has five words at most, of letters, digits and ` '-&.` (or the letters, numbers and `’` of any
    /// script), without a head count in brackets: read on the bytes of ASCII labels as by the characters of others.
    @Test func labelsAsTheirWordsAndCharactersAllow() {
        let cases: [(text: String, label: String?)] = [
            ("Members of the steering group: Ann", "Members of the steering group"),
            ("Members of the steering group here: Ann", nil), ("Members present (14): Ann", "Members present"),
            ("Chair & co-chair: Ann", "Chair & co-chair"), ("Dr. O'Neil: Ann", "Dr. O'Neil"),
            ("Item 4b: Ann", "Item 4b"),
            ("Item+4: Ann", nil), ("Présent d’office: Ann", "Présent d’office"), ("Zoë a b c d e: Ann", nil),
            ("Présent (Zoë): Ann", nil), ("  **Present** : Ann", "Present"),
        ]
        for (text, label) in cases {
            #expect(PersonBlockReader.labelled(text)?.label == label, "\(text)")
        }
    }

    @Test func lastWordAsTheWords() {
        let texts =
            Self.words
            + Self.words.flatMap {
                ["Ann Lee \($0)", "\($0) and", "Head of  \($0)  ", " \($0)\u{301} x", "a\u{A0}\($0)"]
            }
        for text in texts {
            #expect(PeopleText.lastWord(text) == PeopleText.words(text).last, "\(text)")
        }
        for text in texts {
            let last = PeopleBytes.withBytes(text) { bytes in PeopleBytes.lastWord(in: bytes) }
            #expect(last == PeopleBytes.withBytes(text) { PeopleBytes.words($0).last }, "\(text)")
        }
        #expect(PeopleBytes.withBytes("Head of  ") { PeopleBytes.lastWord(in: $0) } == 5..<7)
        #expect(PeopleText.lastWord("Head of ") == "of")
        #expect(PeopleText.lastWord("   ") == nil)
        #expect(PeopleText.lastWord("") == nil)
    }

    /// `describe` reads its descriptor as tidy once trimmed, without tidying it again for ``isRoleLike(_:)``.
    @Test func trimmedTidyTextStaysTidy() {
        let texts =
            Self.words
            + Self.words.flatMap { [". \($0) ,", "Chair\u{A0}\($0) .", " ;\($0)\r\n:", "Head of \($0)\u{301} ."] }
        var ascii = 0
        for text in texts + texts.map({ "Deputy \($0) Chair" }) + ["Chair.", " , Vice chair ;", "co-chair :"] {
            let trimmed = tidy(text).trimmingPlain(" .,;:")
            // ASCII text trimmed stays tidy; other text (a space before a joiner, ` \u{200C}`) may not, but is read by
            // its characters either way.
            if trimmed.utf8.allSatisfy({ $0 < 0x80 }) {
                ascii += 1
                #expect(tidy(trimmed) == trimmed, "\(text)")
            } else {
                #expect(!tidy(trimmed).utf8.allSatisfy { $0 < 0x80 }, "\(text)")
            }
            #expect(
                PersonEntryParser.isRoleLike(tidied: trimmed, text: trimmed) == PersonEntryParser.isRoleLike(trimmed),
                "\(text)"
            )
            let outside = PersonEntryParser.splitBrackets(trimmed).outside
            #expect(tidy(outside) == outside, "\(text)")
        }
        #expect(ascii > 10)
    }
}
