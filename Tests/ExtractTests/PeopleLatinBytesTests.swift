import Testing

@testable import Extract

/// The byte readings of Latin text beyond ASCII (Latin-1 letters, Latin Extended-A, general punctuation) must answer
/// as the character readings they stand in for.
@Suite struct PeopleLatinBytesTests {
    /// Latin-1 and Latin Extended-A letters, the signs between them, general punctuation and the text that is not
    /// plain (marks, non-breaking spaces, line ends, emoji), each alone and beside ASCII.
    static let scalars: [Unicode.Scalar] = (Array(0x80...0x17F) + Array(0x2000...0x207F)).compactMap(
        Unicode.Scalar.init
    )

    static let texts: [String] =
        PeopleFastPathTests.samples
        + scalars.flatMap { scalar in
            ["\(scalar)", "Ann\(scalar)Lee", "Present \(scalar) (12)", "** \(scalar)Guests:", "\(scalar)e\u{301}"]
        } + [
            "Łukasz’s Members", "ŁUKASZ (Chair)", "İpek Present", "Ÿves Guests", "Ŀa Staff", "Ann\r\nLee",
            "Ann\u{A0}Lee",
            "Attendees 👋", "Présent(s)", "Invités – Guests", "“Apologies”", "Élus ×2 ÷", "ß Members", "Zoë\u{301}",
            "Members\u{2028}present", "x\u{200D}y", "Ā\u{304}", "ő Ő ű Ű ř Ř š Š ž Ž ł",
        ]

    @Test func labelKeysAsTheCharacters() {
        var read = 0
        for text in Self.texts {
            guard let kept = PeopleBytes.keptLowercased(text) else { continue }
            read += 1
            #expect(tidy(kept.trimmingPlain("*_#:- ")) == PeopleWords.keptKey(text), "\(text)")
        }
        // The bytes read most of the texts: a byte path that gave up on all of them would pass the test above.
        #expect(read > Self.texts.count / 2)
        #expect(PeopleBytes.keptLowercased("Łukasz’s – Présent") == "łukasz's  présent")
        #expect(PeopleBytes.keptLowercased("Ann\u{A0}Lee") == nil)
        #expect(PeopleBytes.keptLowercased("Ann\u{301}") == nil)
        #expect(PeopleBytes.keptLowercased("İpek") == nil)
    }

    @Test func lowersLatinExtendedOnTheBytes() {
        for scalar in Self.scalars {
            let text = "A\(scalar)b \(scalar)Ł"
            #expect(PeopleText.lowercased(text) == text.lowercased(), "U+\(String(scalar.value, radix: 16))")
            // Where lower case works on the bytes, it keeps their number, and the offsets of the text.
            if PeopleText.lowersOnBytes(text) {
                #expect(text.lowercased().utf8.count == text.utf8.count, "U+\(String(scalar.value, radix: 16))")
            }
        }
        #expect(PeopleText.lowersOnBytes("Łukasz Ńowak"))
        #expect(!PeopleText.lowersOnBytes("İpek"))
        #expect(!PeopleText.lowersOnBytes("Ÿves"))
        #expect(!PeopleText.lowersOnBytes("Ŀa"))
    }

    @Test func peopleHeadingsAsTheKeys() {
        let vocabulary = Vocabulary()
        let labels = Array(PeopleWords.attendees.union(PeopleWords.officials).union(PeopleWords.absent))
        var texts = Self.texts + labels
        for label in labels {
            texts += [label.uppercased(), "**\(label):**", "\(label) and a great many others besides", "Ł \(label)"]
        }
        for text in texts {
            let key = PeopleWords.normalise(text)
            let expected =
                PeopleWords.attendees.contains(key) || PeopleWords.officials.contains(key)
                || PeopleWords.absent.contains(key)
            #expect(PeopleWords.isPeopleHeading(text, vocabulary: vocabulary) == expected, "\(text)")
        }
    }
}

/// The look at a role's bytes for a word that starts a role tag must never rule out a role that has a tag.
@Suite struct RoleTagBytesTests {
    @Test func rolesWithoutATagStartWordHaveNoTag() {
        var roles = PeopleLatinBytesTests.texts
        for (phrase, _) in PeopleWords.roleTags {
            roles += [
                phrase, phrase.uppercased(), "Head of \(phrase)", "(\(phrase))", "x,\(phrase)/y", "\(phrase)+\tz",
                "Deputy-\(phrase)", "\(phrase)s", "non\(phrase)", "a&\(phrase).", "\(phrase)\r\nlead",
            ]
        }
        roles += ["Head of Operations", "Project Manager", "Engagement Lead", "TSC", "", " ", "Co Opted"]
        var ruledOut = 0
        for role in roles {
            switch PeopleWords.mayHoldRoleTag(role) {
            case false?:
                ruledOut += 1
                #expect(PeopleWords.tags(ofWords: role).isEmpty, "\(role)")
            case true?:
                #expect(role.utf8.allSatisfy { $0 < 0x80 }, "\(role)")
            case nil:
                #expect(!role.utf8.allSatisfy { $0 < 0x80 }, "\(role)")
            }
        }
        #expect(ruledOut > 10)
        #expect(PeopleWords.mayHoldRoleTag("Vice-Chair, Finance") == true)
        #expect(PeopleWords.tags(forRole: "Vice-Chair, Finance") == ["vice_chair"])
        #expect(PeopleWords.mayHoldRoleTag("Head of Operations") == false)
    }
}

/// ``PersonEntryParser/isNameLike(latin:allowLowercase:isUserName:)`` must answer as the character reading.
@Suite struct LatinNameTests {
    /// Words of names and of what is no name, with Latin letters, signs, quotes and stops at either end.
    static let words = [
        "José", "Roberts", "Siobhán", "Fernández", "Łukasz", "łukasz", "ÉLODIE", "élodie", "Ñ", "ß", "Ærø", "Ōsaka",
        "İpek", "Ÿves", "Ŀa", "ĸa", "ŉa", "×Ann", "Ann÷", "Zoë’s", "’Ann’", "“Zoë”", "‘Zoë’", "(Zoë)", "\"Zoë\"",
        "Zoë.", "Zoë,", "Dr.", "dr", "Cllr", "van", "de", "Trust", "Trust’", "Trusts", "Trustees", "Chair", "Chairs",
        "Committee", "council", "None", "–", "—", "…", "-", "Ann-Marie", "O’Neil", "O'Neil", "Lee_2", "@zoë", "@ann",
        "Ann", "A.", "Zoë–Lee", "Zoë•", "é", "É", "Ğ", "ğ", "Œuvre", "œ", "Ann\u{301}", "Ann\u{A0}Lee", "山田",
        "Ann\u{2028}", "Žižek", "Škoda", "Ţ", "ŧ", "Ħ", "members", "Bank", "Ltd’", "Ŋ", "x",
    ]

    @Test func namesAsTheCharacters() {
        var names = Self.words
        for first in Self.words {
            for second in Self.words.prefix(40) { names.append("\(first) \(second)") }
        }
        names += [
            "Zoë Ann Bea Cy Dee Eve", "Zoë Ann Bea Cy Dee Eve Fay", String(repeating: "é", count: 61),
            String(repeating: "é", count: 60), "Dr Zoë", "Dr. Ōsaka Trust", "Ann van Zoë", "van Zoë",
        ]
        var read = 0
        for text in names {
            let name = tidy(text)
            for allowLowercase in [false, true] {
                let latin = PeopleBytes.withBytes(name) { bytes in
                    PersonEntryParser.isNameLike(latin: bytes, allowLowercase: allowLowercase) {
                        PersonEntryParser.isUserName(name)
                    }
                }
                guard let latin else { continue }
                read += 1
                #expect(
                    latin == PersonEntryParser.isNameLike(characters: name, allowLowercase: allowLowercase),
                    "\(name) \(allowLowercase)"
                )
            }
        }
        #expect(read > names.count)
        #expect(PersonEntryParser.isNameLike("José Roberts", allowLowercase: false))
        #expect(!PersonEntryParser.isNameLike("Zoë Trust’", allowLowercase: false))
    }

    /// The lists a Latin name is looked up in hold no word beyond ASCII but the marks of ``PeopleWords/nobody``.
    @Test func nameListsAreASCII() {
        let lists = [
            PeopleWords.notNames, PeopleWords.honorifics, PeopleWords.nameParticles, PeopleWords.organisationWords,
            PeopleWords.roleWords,
        ]
        for word in lists.joined() { #expect(word.utf8.allSatisfy { $0 < 0x80 }, "\(word)") }
        #expect(PeopleWords.nobody.filter { !$0.utf8.allSatisfy { $0 < 0x80 } } == ["–", "—", "…"] as Set)
    }

    /// Each Latin letter and sign starts a word capitalised on the bytes where it does as a character.
    @Test func capitalsAsTheCharacters() {
        for value in 0xC0...0x17F {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let character = Character(scalar)
            let text = String(character) + "a"
            let capitalised = PeopleBytes.withBytes(text) { PeopleBytes.startsUpperLatin($0, at: 0) }
            #expect(capitalised == PersonEntryParser.startsCapitalised(text), "U+\(String(value, radix: 16))")
        }
    }
}

/// The tags and group endings of label keys read on the bytes must be those the words give.
@Suite struct LabelKeyBytesTests {
    static let keys: [String] = {
        var keys = [
            "", "s", "ss", "staff", "staffs", "guests present", "members", "council members", "officers",
            "invitees", "observer s", "class", "presents", "attendances", "the attending guests", "visitor",
            "members  present", "guest-s", "zoë guests", "guests’", "membersss", "member ss", "councils",
        ]
        for word in ["member", "council", "official", "officer", "guest", "visitor", "invitee", "observer", "staff"] {
            keys += [word, word + "s", word + "ss", "board " + word + "s", word + "s present", "x" + word]
        }
        return keys
    }()

    @Test func tagsAsTheWords() {
        var read = 0
        for key in Self.keys {
            guard let tag = PeopleBytes.withBytes(key, PeopleWords.asciiTag(ofKey:)) else { continue }
            read += 1
            #expect(tag == PeopleWords.tag(ofKeyWords: key), "\(key)")
        }
        #expect(read > Self.keys.count / 2)
        #expect(PeopleWords.tag(forLabel: "Guests") == "guest")
        #expect(PeopleWords.tag(forLabel: "Staff present") == nil)
    }

    @Test func groupEndingsAsTheSuffixes() {
        var keys = Self.keys
        for (suffix, _) in PeopleWords.suffixes {
            keys += [suffix, "councillors \(suffix)", "x\(suffix)", "a \(suffix) b", String(suffix.dropFirst())]
        }
        for key in keys {
            for allowMembers in [false, true] {
                // The suffix found by the characters, then read as the bytes are.
                let found = PeopleWords.suffixes.first { key == $0.words || key.hasSuffix(" " + $0.words) }
                let group = PeopleWords.group(endingKey: key, allowMembers: allowMembers)
                if found == nil { #expect(group == nil, "\(key)") }
                if let found, group != nil { #expect(group == found.group, "\(key)") }
            }
        }
        #expect(PeopleWords.group(endingKey: "councillors present") == .attendees)
        #expect(PeopleWords.group(endingKey: "items to present") == nil)
    }
}

/// The first look at the two bytes at each end of a line never rules out a role line.
@Suite struct RoleLineEndsTests {
    @Test func roleLinesPassTheFirstLook() {
        var texts = PeopleLatinBytesTests.texts
        let ends = ["", " ", ".", "\r\n", "\u{600}", "\u{301}", "Zoë ", "K", "\u{212A}", "İ"]
        for (phrase, _) in PeopleWords.roleLeads {
            for end in ends {
                texts += ["\(end)\(phrase) Ann\(end)", "\(end)\(phrase.uppercased()) Łukasz", "\(phrase)\(end)"]
            }
        }
        for phrase in PeopleWords.noteTakingPhrases {
            for end in ends { texts += ["Ann \(phrase)\(end)", "\(end)Zoë \(phrase.uppercased())\(end)"] }
        }
        var ruledOut = 0
        for text in texts {
            let passes = PeopleBytes.mayOpenOrEndRoleLine(text)
            if PeopleEquivalenceTests.opensOrEndsRoleLine(text) { #expect(passes, "\(text)") }
            if !passes { ruledOut += 1 }
        }
        #expect(ruledOut > texts.count / 2)
        #expect(!PeopleBytes.mayOpenOrEndRoleLine("Members discussed the budget."))
        #expect(!PeopleBytes.mayOpenOrEndRoleLine("Notes were taken"))
        #expect(PeopleBytes.mayOpenOrEndRoleLine("Notes taken by Ann"))
    }
}

/// A head count is told by its first character, read on the bytes where they can tell.
@Suite struct CountBytesTests {
    @Test func countsAsTheCharacters() {
        let texts =
            PeopleLatinBytesTests.texts + [
                "4 members of the public", "12 residents", "4", "4x", "٤ members", "½ day", "\r\n4 x",
                "4\u{301} members",
                "Ann 4", " 4 members", "²3 people", "10 ",
            ]
        for text in texts {
            let first = text.first
            let digits = text.prefix { $0.isNumber }
            let expected = first?.isNumber == true && text.dropFirst(digits.count).hasPrefix(" ")
            #expect(PersonEntryParser.isCount(text) == expected, "\(text)")
        }
        #expect(PersonEntryParser.isCount("4 members of the public"))
        #expect(!PersonEntryParser.isCount("Ann Lee"))
    }
}
