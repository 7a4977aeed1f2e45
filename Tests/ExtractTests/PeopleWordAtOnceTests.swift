import Testing

@testable import Extract

/// The readings of the people reader that take eight bytes at once, read a value only when asked, or make one key
/// string, against the readings they stand in for.
@Suite struct PeopleWordAtOnceTests {
    /// What is put into long texts at every offset, so that it falls on each side of an eight-byte boundary.
    static let inserts = [
        "  ", "**", "__", "*_", "_*", " *", "\t", "\r\n", "\u{A0}", "\u{85}", "é", "–", "’", "\u{301}", "\u{7F}",
        "\u{1}",
        "..", ".", ";", ",", "*", "_", " ", "\u{2028}", "Zoë", "“", "•",
    ]

    /// Long texts with each of ``inserts`` at each offset, at the ends too.
    static var longTexts: [String] {
        let bases = ["Ann Lee Roberts-Smith, Chair", "Councillor Amara Hussain (Greenway Trust)", "abcdefghijklmnopq"]
        var texts: [String] = []
        for base in bases {
            let utf8 = Array(base.utf8)
            for insert in inserts {
                for offset in 0...utf8.count {
                    texts.append(
                        String(decoding: utf8[..<offset] + Array(insert.utf8) + utf8[offset...], as: UTF8.self)
                    )
                }
            }
        }
        return texts
    }

    @Test func cleansEightBytesAtOnceAsTheCharacters() {
        var read = 0
        for text in Self.longTexts {
            guard let plain = PeopleText.cleanPlain(text) else { continue }
            read += 1
            #expect(plain == PeopleEquivalenceTests.cleanByCharacters(text), "\(text.debugDescription)")
        }
        // Most texts are plain: a look that gave up on all of them would pass the test above.
        #expect(read > Self.longTexts.count / 2)
        #expect(PeopleText.cleanPlain("Ann Lee Roberts  Smith") == "Ann Lee Roberts Smith")
        #expect(PeopleText.cleanPlain("Ann Lee **Roberts** Smith") == "Ann Lee Roberts Smith")
        #expect(PeopleText.cleanPlain("Ann Lee  Roberts Smith") == "Ann Lee Roberts Smith")
        #expect(PeopleText.cleanPlain("Ann Lee\r\nRoberts Smith") == nil)
    }

    @Test func unclosedBracketsEightBytesAtOnceAsTheCharacters() {
        var texts = Self.longTexts
        for base in [
            "Councillor Amara Hussain (Greenway Trust) and Ann Lee", "Ann Lee [AL] Roberts-Smith, Chair of it",
        ] {
            let utf8 = Array(base.utf8)
            for insert in ["(", ")", "[", "]", "\r", "é", "(\u{301}"] {
                for offset in 0...utf8.count {
                    texts.append(
                        String(decoding: utf8[..<offset] + Array(insert.utf8) + utf8[offset...], as: UTF8.self)
                    )
                }
            }
        }
        for text in texts {
            let expected = text.count(where: { "([".contains($0) }) > text.count(where: { ")]".contains($0) })
            #expect(PersonEntryParser.hasUnclosedBracket(text) == expected, "\(text.debugDescription)")
        }
    }

    @Test func doubledMarkersEightBytesAtOnce() {
        for text in Self.longTexts {
            let bytes = Array(text.utf8)
            guard bytes.count >= 8 else { continue }
            bytes.withUnsafeBufferPointer { buffer in
                for index in 0...(bytes.count - 8) {
                    let window = bytes[index..<index + 8]
                    let printable = window.allSatisfy { $0 >= 0x20 && $0 < 0x80 }
                    guard let word = PeopleBytes.printableWord(buffer, at: index) else {
                        #expect(!printable, "\(text.debugDescription) \(index)")
                        continue
                    }
                    #expect(printable, "\(text.debugDescription) \(index)")
                    let previous = index > 0 ? bytes[index - 1] : 0
                    let pairs = zip([previous] + window.dropLast(), window)
                    let doubled = pairs.contains { $0 == $1 && ($0 == 0x20 || $0 == 0x2A || $0 == 0x5F) }
                    #expect(
                        PeopleBytes.hasDoubledMarkerOrSpace(word, after: previous) == doubled,
                        "\(text.debugDescription) \(index)"
                    )
                }
            }
        }
    }

    @Test func labelValueReadWhenAsked() {
        let values = [
            "", " ", "**", "* _ *", "\t", "\u{A0}", " \u{A0} ", "*\u{301}", " \u{301}", "\r\n", "Ann", " **Ann** ",
            "_ Zoë", "“Ann”", "—", "\u{2028}", "  \t Ann", "*", "é", "Ann: Bob", "(3)",
        ]
        var read = 0
        for label in ["Present", "**Present**", "Présent ", "Apologies\u{301}", "Members present (14)"] {
            for value in values {
                let text = "\(label):\(value)"
                guard let labelled = PersonBlockReader.labelled(text), let colon = text.firstIndex(of: ":") else {
                    continue
                }
                read += 1
                let expected = tidy(PeopleText.trimming(text[text.index(after: colon)...], "*_ "))
                #expect(labelled.value(in: text) == expected, "\(text.debugDescription)")
                #expect(labelled.valueIsEmpty(in: text) == expected.isEmpty, "\(text.debugDescription)")
            }
        }
        #expect(read >= values.count * 3)
        #expect(PersonBlockReader.labelled("Present: **")?.valueIsEmpty(in: "Present: **") == true)
        #expect(PersonBlockReader.labelled("Present:\u{A0}")?.valueIsEmpty(in: "Present:\u{A0}") == true)
        #expect(PersonBlockReader.labelled("Present: *\u{301}")?.valueIsEmpty(in: "Present: *\u{301}") == false)
        #expect(PersonBlockReader.labelled("Members present (14): Ann")?.label == "Members present")
    }

    @Test func namedBodiesOnBytesAsByWords() {
        let texts = [
            "Canal & River Volunteers", "Chair and Trustees", "Friends and Trustees", "canal & River Volunteers",
            "Canal & River Volunteer", "Canal & River VolunteerS", "Canal & The River Volunteers", "Of & And Members",
            "Canal  &  River Volunteers", "Canal&River Volunteers", "Canal AND River Volunteers", "A & Trustees",
            "Parks and Gardens Trustees", "Trustees and Members", "Arts & Crafts Councillors", "Ann & Bob", "& & s",
            "Canal & River Volunteers.", "Canal & River (Volunteers)", "Canal & river Volunteers", "1 & 2 Members",
        ]
        for text in texts {
            let tidied = tidy(text)
            let bytes = Array(tidied.utf8)
            #expect(
                bytes.withUnsafeBufferPointer { PersonEntryParser.isNamedBody(ascii: $0) }
                    == PersonEntryParser.isNamedBody(text),
                "\(text)"
            )
        }
        #expect(Array("Canal & River Volunteers".utf8).withUnsafeBufferPointer(PersonEntryParser.isNamedBody(ascii:)))
    }

    @Test func containsBytesAsALoopOfBytes() {
        let needles = [" and ", " & ", "  ", "&", "and", "a", "", "é", " – ", "dd"]
        for text in Self.longTexts + ["", "a", "and", " and", " and ", "x and y", "a  b", "é", "é &", "add"] {
            let bytes = Array(text.utf8)
            for needle in needles {
                let pattern = Array(needle.utf8)
                let expected =
                    pattern.isEmpty
                    || (bytes.count >= pattern.count
                        && (0...(bytes.count - pattern.count)).contains {
                            bytes[$0..<$0 + pattern.count].elementsEqual(pattern)
                        })
                #expect(PeopleBytes.containsBytes(text, needle) == expected, "\(text.debugDescription) \(needle)")
            }
        }
    }

    @Test func asciiPrefixesOnBytesAsTheCharacters() {
        let texts = [
            "", "@", "@a", "@\u{301}a", "@ann", "a@b", "and ", "and", "and Bob", "and \u{301}Bob", "And Bob", "& Bob",
            "&\u{A0}Bob", "& \u{301}", "&", " & Bob", "@\r\nann", "and\r\n", "＠ann", "andé", "and é", "@é",
        ]
        for text in texts {
            #expect(PeopleText.hasPrefix(text, ascii: "@") == text.hasPrefix("@"), "\(text.debugDescription)")
            #expect(PeopleText.hasPrefix(text, ascii: "and ") == text.hasPrefix("and "), "\(text.debugDescription)")
            #expect(PeopleText.hasPrefix(text, ascii: "& ") == text.hasPrefix("& "), "\(text.debugDescription)")
        }
    }

    @Test func keyWordsOnBytesAsSplit() {
        let keys = [
            "", "ann", "ann lee", "lee ann", "ann lee roy", "an", "anne", "ann ann", "zoë", "zoë ng", "ng", "a b c",
        ]
        for key in keys {
            let words = key.split(separator: " ")
            for other in keys {
                let otherWords = other.split(separator: " ")
                if words.count == 1, let word = words.first {
                    #expect(PersonRoster.opens(other, withWord: key) == (otherWords.first == word), "\(key) \(other)")
                }
                #expect(
                    PersonRoster.hasEveryWord(of: key, in: other) == words.allSatisfy { otherWords.contains($0) },
                    "\(key) \(other)"
                )
            }
        }
    }

    @Test func latinLettersOnBytesAsTheCharacters() {
        var told = 0
        for value in UInt32(0x80)...0x7FF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let bytes = Array(String(scalar).utf8)
            guard let latin = PeopleBytes.latinLetterOrNumber(lead: bytes[0], last: bytes[1]) else { continue }
            told += 1
            let character = Character(scalar)
            #expect(latin == (character.isLetter || character.isNumber), "\(scalar)")
        }
        #expect(told == 0x180 - 0xC0)
        #expect(PersonRoster.key("Zoë Ng-Müller") == "zoë ng müller")
        #expect(PersonRoster.key("Ann × Lee") == "ann lee")
    }

    @Test func keysAreOneStringOfTheWords() {
        #expect(PersonRoster.key("Cllr Ann Lee") == "ann lee")
        #expect(PersonRoster.key("Zoë  Ng") == "zoë ng")
        #expect(PersonRoster.key("Dr. J. Smith") == "j smith")
        #expect(PersonRoster.key("Mr Dr") == "mr dr")
        #expect(PersonRoster.key("...") == "")
    }
}
