import Testing

@testable import Extract

/// The first looks the people reader takes at the bytes must answer as the character reading they stand in for.
@Suite struct PeopleFastPathTests {
    /// ``PeopleTextTests/samples``, their words, and characters that are more than they look.
    static let samples =
        PeopleTextTests.samples + PeopleTextTests.samples.flatMap { $0.split(separator: " ").map(String.init) } + [
            "Á", "A\u{301}b", "e\u{301}ve", "\r\n", "ß", "山田太郎", "1abc", "a", "É", "\u{600}s", "\u{212A}ay", "İpek",
            "trustees", "Trustees", "class", "bus", "buss", "ÉÉÉs", "éés", "s", "ss", "Ann\u{301}s", "José’s",
            "Councillors", "Governors\u{301}", "Staff", "“Ann”", "(Chair)", "'Lee'", "Ann\u{A0}", "\u{A0}Ann",
        ]

    /// A word of a list, as it may be written before it is lowered, trimmed or cleaned, is never ruled out.
    @Test func leadPairsKeepEveryWord() {
        let lists: [any Collection<String>] = [PeopleWords.nobody, PeopleWords.notNames, PeopleWords.statusWords.keys]
        for list in lists {
            let leads = LeadPairs(list)
            for word in list {
                let written = [
                    word, word.uppercased(), word.prefix(1).uppercased() + word.dropFirst(), "**\(word)**", "(\(word))",
                    "\(word).", " \(word) ", "• \(word);", "\(word)\u{A0}", "\u{A0}\(word)", "**\(word)**\u{A0}…",
                ]
                for text in written { #expect(leads.mayMatch(text), "\(text)") }
            }
        }
        let nobody = LeadPairs(PeopleWords.nobody)
        #expect(!nobody.mayMatch("Oliver White"))
        #expect(!nobody.mayMatch("(Chair)"))
        #expect(nobody.mayMatch("Nobody"))
        // Not ASCII, or fewer than two letters and digits: left to the closer reading.
        #expect(nobody.mayMatch("Øliver"))
        #expect(nobody.mayMatch("O"))
        #expect(nobody.mayMatch("—"))
        // Beyond ASCII, the first two letters of an ASCII start decide when the second is a character of its own.
        #expect(!nobody.mayMatch("José Roberts"))
        #expect(!nobody.mayMatch("Oliver Ø"))
        #expect(nobody.mayMatch("No\u{301}ne"))
        #expect(nobody.mayMatch("N\u{301}one"))
        #expect(nobody.mayMatch("Nöne"))
        #expect(!PersonEntryParser.isNobody("José Roberts"))
        #expect(PersonEntryParser.isNobody("None\u{A0}"))
        // A list with a word beyond ASCII that has ASCII letters leaves every text beyond ASCII to the closer reading.
        let mixed = LeadPairs(["café", "none"])
        #expect(mixed.mayMatch("Café"))
        #expect(mixed.mayMatch("Caf\u{E9}s"))
        #expect(!mixed.mayMatch("Oliver"))
        #expect(!PersonEntryParser.isNobody("Oliver White"))
        #expect(PersonEntryParser.isNobody("**None.**"))
        #expect(PersonEntryParser.isNobody("N/A"))
        #expect(PeopleWords.status(of: "(Apologies)") == .absent)
        #expect(PeopleWords.status(of: "Treasurer") == nil)
    }

    @Test func firstCharactersAsTheCharacterReading() {
        for text in Self.samples {
            let first = text.first
            let capitalised = first.map { $0.isUppercase || ($0.isLetter && !$0.isLowercase) } ?? false
            #expect(PersonEntryParser.startsCapitalised(text) == capitalised, "\(text)")
            #expect(PersonEntryParser.startsLowercase(text) == (first?.isLowercase == true), "\(text)")
            #expect(PersonEntryParser.startsWithNumber(text) == (first?.isNumber == true), "\(text)")
        }
    }

    @Test func singularAsTheCharacterReading() {
        for word in Self.samples {
            let expected =
                word.hasSuffix("s") && !word.hasSuffix("ss") && word.count > 3 ? String(word.dropLast()) : word
            #expect(PersonEntryParser.singular(word) == expected, "\(word)")
        }
        #expect(PersonEntryParser.singular("trustees") == "trustee")
        #expect(PersonEntryParser.singular("ÉÉÉs") == "ÉÉÉ")
    }

    @Test func peopleHeadingsAsTheNormalisedTitle() {
        let titles =
            Self.samples + [
                "Attendees", "## Members present", "ATTENDANCE:", "Roll\u{A0}call", "Those present", "Non-members",
                "Apologies for absence", "Minutes of the previous meeting", "\u{212A}eep present", "İn attendance",
            ]
        for title in titles {
            let key = PeopleWords.normalise(title)
            let expected =
                PeopleWords.attendees.contains(key) || PeopleWords.officials.contains(key)
                || PeopleWords.absent.contains(key)
            #expect(PeopleWords.isPeopleHeading(title, vocabulary: Vocabulary()) == expected, "\(title)")
        }
        #expect(PeopleWords.isPeopleHeading("Attendees", vocabulary: Vocabulary()))
        #expect(!PeopleWords.isPeopleHeading("Matters arising", vocabulary: Vocabulary()))
    }

    @Test func titleEndingsOnBytesAndCharacters() {
        #expect(PeopleWords.group(endingTitle: "Councillors present") == .attendees)
        #expect(PeopleWords.group(endingTitle: "Councillors\u{301} present") == nil)
        #expect(PeopleWords.group(endingTitle: "Items to present") == nil)
        #expect(PeopleWords.group(endingTitle: "Opening, welcome and roll call") == .attendees)
        #expect(PeopleWords.group(endingTitle: "Governors also present") == .officials)
        #expect(PeopleWords.group(endingTitle: "Zoë’s guests") == .officials)
        #expect(PeopleWords.group(endingTitle: "Team members") == nil)
        #expect(PeopleWords.group(endingTitle: "Team members", allowMembers: true) == .attendees)
        #expect(PeopleWords.group(endingTitle: "Members\u{301}") == nil)
        #expect(PeopleWords.group(endingKey: "present") == .attendees)
        #expect(PeopleWords.group(endingKey: "unpresent") == nil)
    }
}

/// The readings of names and roles on the bytes of ASCII text must answer as the readings by characters.
@Suite struct PeopleASCIIReadingTests {
    static let words = [
        "Ann", "Lee", "van", "de", "Dr", "Dr.", "Prof", "O'Neil", "Ann-Marie", "\"Ann\"", "(Chair)", "Chair", "chairs",
        "Co-Chair", "co-chairs", "co--chair", "-chair", "Vice-President", "Trust", "trustees", "Trustees", "Library",
        "Council", "and", "&", "of", "None", "n/a", "TBD", "Minutes", "bus", "class", "S.", "A.", "ann", "beckermr",
        "@alee", "a@b.c", "Lee,", "Lee.", "Lee's", "'", ".", "1st", "Co-opted", "ex-officio", "Officers", "Officer",
        "Smith_Jones", "J.R.R.", "Canal", "Volunteers", "SS", "Boss", "Hosts", "(", "Ann\tLee", "",
    ]

    /// Every word, pair of words, and some runs of three, with odd spacing.
    static let phrases: [String] = {
        var phrases = words + ["  Ann   Lee ", " Dr  Ann", "Ann Lee Roy Dee Cy Bo Al", "Canal & River Volunteers"]
        for first in words { for second in words { phrases.append("\(first) \(second)") } }
        for (index, first) in words.enumerated() {
            for second in words[(index % 7)...].prefix(6) {
                for third in words.suffix(from: index / 2).prefix(4) { phrases.append("\(first) \(second) \(third)") }
            }
        }
        return phrases
    }()

    @Test func namesAndRolesOnBytesAsOnCharacters() {
        for phrase in Self.phrases {
            for allow in [false, true] {
                #expect(
                    PersonEntryParser.isNameLike(phrase, allowLowercase: allow)
                        == PersonEntryParser.isNameLike(characters: tidy(phrase), allowLowercase: allow),
                    "\(phrase)"
                )
            }
            #expect(
                PersonEntryParser.isRoleLike(phrase) == PersonEntryParser.isRoleLike(characters: phrase),
                "\(phrase)"
            )
        }
        #expect(PersonEntryParser.isNameLike("Dr Ann van der Berg", allowLowercase: false))
        #expect(!PersonEntryParser.isNameLike("Hollin Street Library", allowLowercase: false))
        #expect(!PersonEntryParser.isNameLike("Chair", allowLowercase: false))
        #expect(PersonEntryParser.isRoleLike("Co-chairs"))
        #expect(!PersonEntryParser.isRoleLike("Riverside Trust"))
        #expect(!PersonEntryParser.isRoleLike("Canal & River Volunteers"))
    }

    @Test func byteWordSetsAsSets() {
        let lists = [
            PeopleWords.roleWords, PeopleWords.honorifics, PeopleWords.nobody, PeopleWords.notNames,
            PersonEntryParser.functionWords,
        ]
        for list in lists {
            let bytes = ByteWordSet(list)
            for text in Array(list) + Self.words + list.map({ $0.uppercased() + "s" }) {
                let expected = text.utf8.allSatisfy { $0 < 0x80 } ? list.contains(text.lowercased()) : nil
                #expect(bytes.containsLowered(text) == expected, "\(text)")
            }
        }
    }
}

/// The first looks at people lines on their bytes must find what the character reading finds.
@Suite struct PeopleLineBytesTests {
    @Test func colonsAsCharacters() {
        let texts =
            PeopleFastPathTests.samples + [
                "Present: Ann", ":\u{301} Ann: Bob", "é: x", "a\r\n: b", "\u{600}:x: y", "no colon", ":", "Zoë:",
            ]
        for text in texts {
            #expect(PeopleText.firstIndex(of: UInt8(ascii: ":"), in: text) == text.firstIndex(of: ":"), "\(text)")
        }
    }

    @Test func roleLinesAreNotRuledOutWrongly() {
        #expect(PeopleBytes.mayOpenOrEndRoleLine("Notes taken by Zoë Ng."))
        #expect(PeopleBytes.mayOpenOrEndRoleLine("  NOTES BY Zoë Ng"))
        #expect(PeopleBytes.mayOpenOrEndRoleLine("Zoë Ng took the minutes."))
        #expect(!PeopleBytes.mayOpenOrEndRoleLine("Zoë Ng presented the budget."))
        #expect(!PeopleBytes.mayOpenOrEndRoleLine("Ann – Chair"))
        #expect(PeopleBytes.mayOpenOrEndRoleLine("\u{212A}ay took notes"))
    }
}

/// More byte readings of people lines, against the character readings they stand in for.
@Suite struct PeopleTextBytesTests {
    @Test func lastMatchesAsRanges() {
        let texts =
            PeopleFastPathTests.samples + [
                "apologies from ann from bob", " from from ", "apologies from", "from", "apologies  from  ann",
                "x from y from z", "é from ü", "",
            ]
        for text in texts {
            #expect(PeopleText.endOfLastMatch(of: " from ", in: text) == text.ranges(of: " from ").last?.upperBound)
        }
    }

    @Test func separatorsAsReplacingAll() {
        for text in PeopleFastPathTests.samples + ["a,b;c/d(e)f.g:h&i+j", "vice-chair/secretary (acting)", "\r\n,"] {
            guard let spaced = PeopleBytes.replacingASCII(text, ",;/().:&+", with: UInt8(ascii: " ")) else {
                #expect(!text.utf8.allSatisfy { $0 < 0x80 })
                continue
            }
            var expected = text
            for separator in [",", ";", "/", "(", ")", ".", ":", "&", "+"] {
                expected = expected.replacingAll(separator, with: " ")
            }
            #expect(spaced == expected, "\(text)")
        }
    }

    @Test func plainAtAGlanceAsScalarByScalar() {
        for text in PeopleFastPathTests.samples + ["Ann\rLee", "\r", "abc"] {
            let bytes = Array(text.utf8)
            let glance = bytes.withUnsafeBufferPointer { PeopleBytes.isPlain($0) }
            #expect(glance == PeopleBytes.isPlain(bytes.lazy.map { $0 }), "\(text)")
        }
    }

    @Test func piecesBetweenSpacesAreCleaned() {
        #expect(PeopleText.cleanPlain("  Ann Lee ") == "Ann Lee")
        #expect(PeopleText.cleanPlain(" Ann  Lee ") == "Ann Lee")
        #expect(PeopleText.cleanPlain(" Dan A. ") == "Dan A.")
        #expect(PeopleText.cleanPlain(" Ann. ") == "Ann")
        #expect(PeopleText.cleanPlain(" * Ann") == "Ann")
        #expect(PeopleText.cleanPlain(" **Ann** ") == "Ann")
        #expect(PersonEntryParser.splitRunTogether("Ann Lee") == ["Ann Lee"])
        #expect(PersonEntryParser.splitRunTogether("  Ann   Lee ") == ["Ann Lee"])
        #expect(PersonEntryParser.splitRunTogether("   ").isEmpty)
    }
}

/// Splitting plain text at its brackets on the bytes must give what the character reading gives.
@Suite struct PeopleTidyBytesTests {
    @Test func splitsBracketsAsTheCharacterReading() {
        let texts =
            PeopleFastPathTests.samples + [
                " Ann \t Lee ", "Ann\u{85}Lee", "Ann\u{A0} Lee", "\n", "Ann\u{B}\u{C}Lee", "Zoë  – Chair ", "  ",
                "Ann (Chair\u{A0} ) Lee", "Ann ((Riverside) Trust) [x]", "Ann (unclosed  note", "Ann )( Lee",
                "Zoë ( Trésorière ,  “Club” )", "Ann (\u{85}) Lee", "(", "Ann [ ] ( )", "Ann (Chair\r\n)",
                "José\u{301} (Ñu – Chair)",
            ]
        for text in texts {
            let split = PersonEntryParser.splitBrackets(text)
            let expected = PeopleEquivalenceTests.bracketsByCharacters(text)
            #expect(split.outside == expected.outside && split.inside == expected.inside, "\(text)")
        }
        #expect(PersonEntryParser.splitBrackets(" Ann  Lee  ( Chair  ) ") == ("Ann Lee", ["Chair"]))
    }
}
