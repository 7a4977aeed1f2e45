import Testing

@testable import Extract

/// Byte readings of the people reader against the character readings they stand in for, on characters that equal
/// ASCII ones (U+037E is `;`, U+1FEF is `` ` ``, U+212A is `K` as characters) and other tricky text.
@Suite struct PeopleEquivalenceTests {
    /// Texts with characters that equal ASCII ones, beside the fast-path samples.
    static let samples =
        PeopleFastPathTests.samples + [
            "Ann\u{37E} Bob", "Ann; Bob", "\u{37E}", "a\u{1FEF}b`c", "\u{212A}ey", "Key", "K;`", "Ann Lee\u{37E} Chair",
            "Zoë\u{37E} Ng", "x\u{37E}y;z", "\u{212A}", "k", "Ann\u{A0}; Bob", "a\r\n;b", "é;", ";\u{301}",
            "Ann \u{301}Lee", "\u{600} Ann", "Ann\u{600} Lee, Bob", "Ann,\u{200D}Bob", "\r\n-x", "Ann- \u{301}",
        ]

    /// The ASCII characters a character beyond ASCII equals, and some that none does.
    static let characters: [UInt8] = Array(";`K:, (-".utf8)

    @Test func containsAsTheCharacters() {
        for text in Self.samples {
            for byte in Self.characters {
                let character = Character(Unicode.Scalar(byte))
                #expect(PeopleText.contains(text, byte) == text.contains(character), "\(text) \(character)")
            }
        }
    }

    @Test func firstIndexAsTheCharacters() {
        for text in Self.samples {
            for byte in Self.characters {
                let character = Character(Unicode.Scalar(byte))
                #expect(
                    PeopleText.firstIndex(of: byte, in: text) == text.firstIndex(of: character),
                    "\(text) \(character)"
                )
            }
        }
    }

    @Test func asciiEquivalentsAreEqualCharacters() {
        #expect(PeopleBytes.asciiEquivalent("a\u{37E}") == "a;")
        #expect(PeopleBytes.asciiEquivalent("\u{1FEF}x") == "`x")
        #expect(PeopleBytes.asciiEquivalent("\u{212A}ey") == "Key")
        #expect(PeopleBytes.asciiEquivalent("Zoë") == nil)
        #expect(PeopleBytes.asciiEquivalent("e\u{301}") == nil)
        for (value, ascii) in PeopleBytes.asciiSingletons {
            let character = Character(Unicode.Scalar(value)!)
            #expect(character == Character(ascii), "\(value)")
        }
    }

    /// A word list that gains a word with a character equal to an ASCII one is looked up as `Set<String>` would.
    @Test func wordSetsAsSetsOfStrings() {
        let lists: [[String]] = [
            ["a\u{37E}", "b\u{1FEF}", "\u{212A}ey", "key", "zoë", "ann"],
            Array(PeopleWords.nobody), Array(PeopleWords.roleWords), Array(PeopleWords.honorifics),
            Array(PeopleWords.organisationWords), Array(PeopleWords.notNames),
        ]
        for list in lists {
            let words = ByteWordSet(list)
            let set = Set(list)
            let leads = LeadPairs(list)
            let texts = Self.samples + list + list.map { $0.uppercased() } + ["a;", "A;", "b`", "KEY", "Key", "ann"]
            for text in texts {
                let lowered = text.lowercased()
                if let found = words.containsLowered(text) {
                    #expect(found == set.contains(lowered), "\(text)")
                }
                if set.contains(lowered) { #expect(leads.mayMatch(text), "\(text)") }
            }
        }
    }

    @Test func segmentsSplitAtEveryCharacterThatIsASemicolon() {
        #expect(PersonEntryParser.segments(of: "Ann Lee\u{37E} Chair") == ["Ann Lee", "Chair"])
        #expect(PersonEntryParser.segments(of: "Ann Lee; Chair") == ["Ann Lee", "Chair"])
        #expect(PersonEntryParser.splitTopLevel("Ann\u{37E} Bob", separators: PersonEntryParser.semicolons).count == 2)
    }

    /// `text` without the characters of `set` at its ends, a character at a time.
    static func trimmed(_ text: String, _ set: String) -> String {
        var rest = Substring(text)
        while let first = rest.first, set.contains(first) { rest = rest.dropFirst() }
        while let last = rest.last, set.contains(last) { rest = rest.dropLast() }
        return String(rest)
    }

    @Test func trimmingAsTheCharacters() {
        let sets = ["*_#- ", " .,;:", "\"“”'‘’()", "*_: ", " .", ".,;:'’()"]
        let texts =
            Self.samples + [
                "**Present:** ", "  Ann  ", "--Ann--", ".;Ann;.", "“Ann”", "(Chair)", "*\u{301}Ann", "Ann *\u{301}",
                "- Ann\u{A0}", "\r\n Ann \r\n", ":::", "", "é.", " .é. ",
            ]
        for text in texts {
            for set in sets {
                #expect(text.trimmingPlain(set) == Self.trimmed(text, set), "\(text) \(set)")
            }
        }
    }

    @Test func nameKeysAsTheCharacters() {
        let names =
            Self.samples + [
                "Cllr Ann O'Brien", "Dr. J. Smith", "@alee", "Mr", "MR. JONES", "Ann\r\nLee", "Ann-Lee Roy", "Ann  Lee",
                "Revd Amara Hussain", "Sir", "D’Arcy", "Zoë Ng", "a.b.c", "",
                "Ann Dr Lee", "Ann Lee Mr", "Mr Dr", "Ann O'Brien-Lee Jr. Mrs", "x@y.z Sir Bob", "' . '",
            ]
        for name in names {
            let words = PersonRoster.keyWords(name.lowercased())
            let kept = words.filter { !PeopleWords.honorifics.contains($0) }
            #expect(PersonRoster.key(name) == (kept.isEmpty ? words : kept).joined(separator: " "), "\(name)")
        }
    }

    /// The text outside brackets and each bracket's content, a character at a time.
    static func bracketsByCharacters(_ text: String) -> (outside: String, inside: [String]) {
        var outside = ""
        var inside: [String] = []
        var depth = 0
        var current = ""
        for character in text {
            if character == "(" || character == "[" {
                if depth > 0 { current.append(character) }
                depth += 1
            } else if character == ")" || character == "]", depth > 0 {
                depth -= 1
                if depth == 0 {
                    inside.append(tidy(current))
                    current = ""
                } else {
                    current.append(character)
                }
            } else if depth > 0 {
                current.append(character)
            } else {
                outside.append(character)
            }
        }
        if depth > 0, !current.isEmpty { inside.append(tidy(current)) }
        return (tidy(outside), inside)
    }

    @Test func bracketsAsTheCharacters() {
        let texts =
            Self.samples + [
                "Ann Lee (Chair)", "Ann (Riverside Trust – Chair) [AL]", "a (b (c) d", "a (b) c (d", "a) b (c", "(",
                "()", "Ann ( ) Lee", "Zoë Ng (Café  Owner)", "Ann\u{A0}(Chair)", "Ann (Chair\u{301})", "x [y (z] w)",
                "Ann (", "Ann ((Chair))", " ( Chair ) Ann ",
            ]
        for text in texts {
            let (outside, inside) = PersonEntryParser.splitBrackets(text)
            let expected = Self.bracketsByCharacters(text)
            #expect(outside == expected.outside && inside == expected.inside, "\(text)")
        }
    }

    /// ``PersonEntryParser/clean(_:)`` read a character at a time.
    static func cleanByCharacters(_ text: String) -> String {
        var result = tidy(text.replacingAll("**", with: "").replacingAll("__", with: ""))
        while let first = result.first, "*•·▪◦>".contains(first) { result = tidy(String(result.dropFirst())) }
        while let last = result.last, ".;,".contains(last), !result.hasSuffix(".."),
            !(last == "." && PersonEntryParser.endsWithInitial(result))
        {
            result = tidy(String(result.dropLast()))
        }
        return result
    }

    @Test func cleansAsTheCharacters() {
        let texts =
            Self.samples + [
                "**Ann**", "__Ann__", "*_Ann_*", "Ann * * Lee", "Ann_Lee", "a**b__c", "***", "* Ann", "Ann.", " Ann ,",
                "Dan A.", "Ann..", "• Zoë;", "> Ann", "Ann\u{A0}", "_*_*", "Ann\tLee", "Ann  Lee", " Ann", "Ann ",
                "Ann\u{85}Lee", "·Ann", "Zoë", "Ann\u{B}", "Ann**", "a__", "Ann—Lee", "Ann\r\nLee", "Zoë  Lee", "Zoë*",
                "é**", "Ann\u{C}", "*é", ">é", "•Ann", "Ann – Lee", "Ann\u{2028}Lee", "Ann_ _Lee", "Ann *Lee*",
            ]
        for text in texts {
            guard let plain = PeopleText.cleanPlain(text) else { continue }
            #expect(plain == Self.cleanByCharacters(text), "\(text)")
        }
    }

    @Test func unclosedBracketsAsTheCharacters() {
        let texts =
            Self.samples + ["Ann (alee", "Ann (a) (b", "a)(", "x [y", "Zoë (Café", "a\r\n(b", "(\u{301}", "é)"]
        for text in texts {
            let expected = text.count(where: { "([".contains($0) }) > text.count(where: { ")]".contains($0) })
            #expect(PersonEntryParser.hasUnclosedBracket(text) == expected, "\(text)")
        }
    }

    @Test func wordsOneAtATimeAsTheWords() {
        for text in Self.samples + ["", " ", "  Ann  Lee ", "a b  c", "Ann"] {
            var copy = text
            copy.withUTF8 { bytes in
                var found: [Range<Int>] = []
                var start = 0
                while let word = PeopleBytes.nextWord(in: bytes, from: start) {
                    found.append(word)
                    start = word.upperBound
                }
                #expect(found == PeopleBytes.words(bytes), "\(text)")
                #expect(PeopleBytes.wordCount(bytes) == found.count, "\(text)")
            }
        }
    }

    @Test func acronymsAsTheCharacters() {
        for text in Self.samples + ["TSC", "WG", "ABCDEF", "A", "AB\r\n", "ÉÉ", "A\u{301}B", "Ab", "T5"] {
            let expected = (2...5).contains(text.count) && text.allSatisfy { $0.isUppercase && $0.isLetter }
            #expect(PersonEntryParser.isAcronym(text) == expected, "\(text)")
        }
    }

    /// Every people label has two ASCII letters or digits, which the first look at a label's lead needs.
    @Test func everyPeopleLabelHasALead() {
        for label in PeopleWords.attendees.union(PeopleWords.officials).union(PeopleWords.absent) {
            let ascii = PeopleBytes.asciiEquivalent(label)
            #expect(ascii != nil, "\(label)")
            #expect((ascii ?? "").utf8.count { PeopleText.isAlphanumeric($0) } >= 2, "\(label)")
        }
    }

    @Test func labelGroupsAsTheKeys() {
        let labels = Array(PeopleWords.attendees.union(PeopleWords.officials).union(PeopleWords.absent))
        var texts = Self.samples
        for label in labels {
            texts += [
                label, label.uppercased(), "**\(label):**", "\(label) (12)", "(x) \(label)", "Ab (\(label))",
                "\(label) 👋", "## \(label)", "x\(label)",
            ]
        }
        let vocabulary = Vocabulary()
        for text in texts {
            var expected: PeopleGroup?
            if text.utf8.count <= 80 {
                let key = PeopleWords.labelKey(text)
                if PeopleWords.attendees.contains(key) {
                    expected = .attendees
                } else if PeopleWords.officials.contains(key) {
                    expected = .officials
                } else if PeopleWords.absent.contains(key) {
                    expected = .absent
                }
            }
            #expect(PeopleWords.group(ofLabel: text, vocabulary: vocabulary) == expected, "\(text)")
        }
    }

    /// What ``PersonBlockReader/roleLine(_:labelled:vocabulary:)`` finds without a label: a role lead or a note-taking ending.
    static func opensOrEndsRoleLine(_ text: String) -> Bool {
        let lower = PeopleText.lowercased(text).trimmingPlain(" .")
        return PeopleWords.roleLeads.contains { lower.hasPrefix($0.phrase + " ") }
            || PeopleWords.noteTakingPhrases.contains { lower.hasSuffix(" " + $0) }
    }

    @Test func roleLinesAreFoundWhateverTheMiddleHolds() {
        var texts = Self.samples
        let middles = ["Zoë", "山田", "\u{212A}ay", "İpek", "x\u{600}", "Ann\u{301}", "\r\n", "\u{37E}"]
        for (phrase, _) in PeopleWords.roleLeads {
            for middle in middles {
                texts += [
                    "\(phrase) \(middle)", "  \(phrase.uppercased()) \(middle).", "\(phrase)\u{301} \(middle)",
                    "\(middle) \(phrase) \(middle)", ". \(phrase) \(middle) and Bob Roy of the Riverside Trust",
                ]
            }
        }
        for phrase in PeopleWords.noteTakingPhrases {
            for middle in middles {
                texts += [
                    "\(middle) \(phrase)", "\(middle) \(phrase.uppercased()). ", "\(middle)\(phrase)",
                    "The chair, \(middle), and \(middle) \(phrase)", "\(middle) \(phrase)\u{301}",
                ]
            }
        }
        for text in texts where Self.opensOrEndsRoleLine(text) {
            #expect(PeopleBytes.mayOpenOrEndRoleLine(text), "\(text)")
        }
        // Ends of ASCII rule a line out, whatever its middle holds.
        #expect(!PeopleBytes.mayOpenOrEndRoleLine("The budget was presented by 山田 at the meeting of the full board"))
    }
}
