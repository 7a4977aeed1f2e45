import Testing

@testable import Extract

/// The byte readings of roles and run-together lines must answer as the readings by words and characters they stand
/// in for.
@Suite struct PeopleByteReadingTests {
    /// Roles as people blocks write them, and texts that are more than they look.
    static let roles =
        PeopleFastPathTests.samples + [
            "Chair", "Vice Chair", "vice-chair", "Co-Chair and Treasurer", "Deputy Chair; Secretary", "Chair/Chair",
            "Member (co-opted)", "permanent member and co-sponsor of the panel", "Note taker", "minute-taker, Clerk",
            "Head of Operations", "Chair  chair\tchair", "CHAIRMAN", "vice president & trustee", "Members: staff",
            "observer+guest", "host.convenor", "Vice", "vice vice chair", "chair vice chair", "co opted member",
            "Trustee (Chair) - Governor", "Notes", "notes taker", "Minute\u{0B}taker", "Clerk\r\nto the Board",
            "Chair, chair, CHAIR", "", " ", "Director of Chairs", "sponsor co-sponsor", "Treasurer’s assistant",
            "Présidente", "Ex officio member", "Secretary (interim)", "vice chairman", "deputy chair deputy",
        ]

    @Test func tagsOnBytesAsByWords() {
        for role in Self.roles {
            if let ascii = PeopleBytes.withBytes(role, PeopleWords.asciiTags(ofWords:)) {
                #expect(ascii == PeopleWords.characterTags(ofWords: role), "\(role)")
            }
            #expect(PeopleWords.tags(ofWords: role) == PeopleWords.characterTags(ofWords: role), "\(role)")
        }
        #expect(PeopleWords.tags(ofWords: "Vice Chair and Treasurer") == ["vice_chair", "treasurer"])
        #expect(PeopleWords.tags(ofWords: "Chair, vice chair") == ["chair", "vice_chair"])
    }

    /// The phrases a word starts, read on its bytes, are those ``PeopleWords/roleTagStarts`` holds for it lowered.
    @Test func roleTagPhrasesAsTheStartsTheyStandFor() {
        let words =
            PeopleWords.roleTagStarts.keys.flatMap {
                [$0, $0.uppercased(), $0.prefix(1).uppercased() + $0.dropFirst()]
            } + ["vic", "chairs."]
        for word in words {
            let bits = PeopleBytes.withBytes(word, PeopleWords.roleTagPhrases(startingWith:))
            let starts = PeopleWords.roleTagStarts[word.lowercased()] ?? []
            #expect(bits == starts.reduce(0) { $0 | 1 << UInt64($1) }, "\(word)")
        }
    }

    /// Lines of people blocks, run together or not.
    static let lines =
        PeopleFastPathTests.samples + [
            "Ann Lee, Dale Project- co-opted Ben Ng, Hollow Works- co-opted",
            "Ann Lee, Org- member Bob Roy, Other- chair", "José Roberts, Citizens Advice Eastside - Chair",
            "Hannah Chowdhury, Arts, Culture and Heritage Forum - Head Teacher", "Ann Lee, Trust - chair Bob,",
            "Ann Lee, Trust- treasurer Zoë Quinn, Org- member", "Ann, Bob, Cy", "Ann Lee, Trust- Chair Bob Roy,",
            "Ann Lee, Trust- Trustees Bob Roy,", "Ann Lee, Trust- trustee Élise Roy,", "ann lee, trust- chair bob roy,",
            "Ann Lee, Trust- chaír Bob Roy,", "Ann Lee, Trust- co-opted Bob Roy, Org- co-opted",
            "  Ann  Lee, Trust- chair  Bob Roy, ", "Ann Lee, Trust- chair\u{301} Bob Roy,",
            "Ann Lee, Trust- chair Bob\u{A0}Roy,", "Ann Lee, Trust-chair Bob Roy,", "Ann Lee, Trust – chair Bob Roy,",
            "Ann Lee, Trust — member Bob Roy, Org — member", "Ann Lee, Trust- chair 'Bob' Roy,",
            "Ann Lee, Trust- chair O'Neil Roy, Org- chair", "Ann Lee, Trust- chair Dr. Roy, Org- chair",
            "Ann Lee, Trust- Chairs Bob Roy,", "Ann Lee, Trust- chair Ölaf Roy,", "Ann Lee, Trust- éditeur Bob Roy,",
        ]

    @Test func runTogetherAsWithoutTheFirstLook() {
        for line in Self.lines {
            #expect(
                PersonEntryParser.splitRunTogether(line) == PersonEntryParser.splitRunTogether(line, firstLook: false),
                "\(line)"
            )
        }
        #expect(PersonEntryParser.splitRunTogether("Ann Lee, Org- member Bob Roy, Other- chair").count == 2)
    }

    /// Titles and labels whose keys may or may not end with a people word.
    static let titles =
        PeopleFastPathTests.samples + [
            "Councillors present", "Opening, welcome and roll call", "Members -", "ATTENDEES\t-", "roll-call",
            "Guests (12)", "Apologies)", "x present", "Present:", "New members", "Absent\u{A0}", "  Regrets  ",
            "Staff   present", "Items to present", "Officers in attendance", "Those present!", "Members!present",
            "Members-\t", "Members -\t- ", "Visitors, ", "Observers'", "guest s", "Call", "roll call", "Roll  Call",
            "Attendance (in order of arrival)", "Also present (remote)", "(Present)", "Digital inclusion", "AOB",
            "Minutes", "Not attending", "Trustees", "Trustees present", "Absentees.", "**Participants**",
            "## Members present", "Present\u{301}", "Présent", "Apologies — received", "Attendees–", "sent", "-sent",
            "Governors present.", "Present \u{1F44B}", "Members\r\n", "Apologies\u{B}", "a\u{C}present",
        ]

    @Test func titleEndingsAsTheirKeys() {
        for title in Self.titles {
            let key = PeopleWords.labelKey(title)
            let expected = title.utf8.count <= 160 ? PeopleWords.group(endingKey: key) : nil
            #expect(PeopleWords.group(endingTitle: title) == expected, "\(title)")
            if PeopleBytes.withBytes(title, { PeopleWords.keyMayEndWithSuffix(asciiTitle: $0) }) == false {
                #expect(PeopleWords.group(endingKey: key, allowMembers: true) == nil, "\(title)")
            }
        }
        #expect(PeopleWords.group(endingTitle: "Councillors present") == .attendees)
        #expect(PeopleWords.group(endingTitle: "Opening, welcome and roll call") == .attendees)
    }

    @Test func keysOnBytesAsByWords() {
        let names =
            Self.roles + [
                "Cllr Ann Lee", "Dr. Mr Ms", "Ann O'Neil", "J.R.R. Tolkien", "@ann", "Mx  Sam-Lee", "Prof Dr", "Sir",
                "ann.lee@example.org", "", "  ", "Rt Hon Ann", "CLLR ANN", "Ann_Lee", "Ann (Chair)", "Dr Dr Ann Dr",
                "Mayor", "Ann 2nd",
                "a-b-c-d-e-f-g-h-i-j-k-l-m-n-o-p-q-r-s-t-u-v-w-x-y-z-a-b-c-d-e-f-g-h-i-j-k-l-m-n-o-p",
            ]
        for name in names where name.utf8.allSatisfy({ $0 < 0x80 }) {
            let words = PersonRoster.keyWords(PeopleText.lowercased(name))
            let filtered = words.filter { !PeopleWords.honorifics.contains($0) }
            #expect(PersonRoster.key(name) == (filtered.isEmpty ? words : filtered).joined(separator: " "), "\(name)")
        }
        #expect(PersonRoster.key("Cllr Ann O'Neil") == "ann oneil")
        #expect(PersonRoster.key("Dr. Mr Ms") == "dr mr ms")
        #expect(PersonRoster.key("") == "")
    }

    @Test func wordSetsAsByteWordSets() {
        let lists = [
            PeopleWords.nobody, PeopleWords.notNames, PeopleWords.honorifics, PeopleWords.roleWords,
            PeopleWords.organisationWords, PeopleWords.nameParticles, Set(["", "a", "Upper", "naïve", "x\u{212A}"]),
        ]
        let texts = Self.roles + Self.titles + lists.flatMap { $0 } + lists.flatMap { $0.map { $0.uppercased() } }
        for list in lists {
            let (words, bytes) = (PeopleWordSet(list), ByteWordSet(list))
            for text in texts {
                PeopleBytes.withBytes(text) { text in
                    guard text.allSatisfy({ $0 < 0x80 }) else { return }
                    #expect(words.containsLowered(text) == bytes.containsLowered(text), "\(Array(text))")
                }
            }
        }
    }

    /// Each bracket's descriptors describe the entry in the order written, however many the brackets give.
    @Test func descriptorsOfEveryBracketInOrder() {
        let entry = PersonEntryParser.parse("Ann Lee (Riverside Trust - Chair) (Acme Ltd - Treasurer) (Observer)")
        #expect(entry?.name == "Ann Lee")
        #expect(entry?.organization == "Riverside Trust, Acme Ltd")
        #expect(entry?.role == "Chair, Treasurer, Observer")
        #expect(
            PersonEntryParser.bracketDescriptors("Riverside Trust - Chair")
                == [.organization("Riverside Trust"), .role("Chair")]
        )
    }

    /// A word that names nobody (`none`, `tbc`, `all`) after a name is no role, whether it stands alone or after an
    /// organisation.
    @Test func nobodyWordsAreNoRole() {
        for text in ["Ann Lee, none:", "Bob Roy - Acme Ltd, tbc:", "Cy Dee, all:", "Ann Lee, none"] {
            let entry = PersonEntryParser.parse(text)
            #expect(entry?.role == nil, "\(text): \(String(describing: entry?.role))")
        }
    }

    /// A carriage return before a line feed is no character of its own, as the character reading tells.
    @Test func containsReadsACarriageReturnAsTheCharacters() {
        for text in ["a\r\nb", "a\rb", "\r\n", "\r", "a\n\rb", "Zoë\r\n"] {
            #expect(PeopleText.contains(text, 0x0D) == text.contains("\r"), "\(Array(text.utf8))")
            #expect(PeopleText.firstIndex(of: 0x0D, in: text) == text.firstIndex(of: "\r"), "\(Array(text.utf8))")
        }
    }

    @Test func spacedDashesAsTheSplits() {
        let texts =
            Self.lines + Self.roles + ["Trust - Chair", "co-opted", "A – B — C", "x -y", "(a - b)", " - ", "-"] + [
                "a - – b", "a – - b", "a — – - b", "Riverside Trust – Chair", "(x - y) - z", "a) - b ( - c",
                "a - b - c",
                "Ann - (Chair - x) – y", "[a – b] — c", "a -  b", "Zoë - Ærø – Chair",
            ]
        for text in texts {
            var parts = [text]
            for dash in [" - ", " – ", " — "] {
                parts = parts.flatMap { PersonEntryParser.splitTopLevel($0, phrase: dash) }
            }
            #expect(PersonEntryParser.splitAtSpacedDash(text) == parts.filter { !$0.isEmpty }, "\(text)")
        }
    }
}
