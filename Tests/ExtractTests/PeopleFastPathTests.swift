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
                    "\(word).", " \(word) ", "• \(word);",
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
