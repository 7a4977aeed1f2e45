import Testing

@testable import Extract

/// The byte-level first looks at people lines must answer as the character-level reading does.
@Suite struct PeopleBytesTests {
    /// Every scalar ``PeopleBytes/plainBytes(_:)`` lets through is a character of its own beside any other, and equals
    /// no ASCII character, so that splitting its bytes at ASCII characters splits where the characters would.
    @Test func plainScalarsStandAlone() {
        let ranges: [ClosedRange<UInt32>] = [0x20...0x7E, 0x80...0x2FF, 0x2010...0x2027, 0x2030...0x205E]
        let scalars = ranges.flatMap { $0 }.compactMap(Unicode.Scalar.init)
        let ascii = (0x20...0x7E).map { Character(Unicode.Scalar(UInt8($0))) }
        for scalar in scalars {
            let text = "a\(scalar)\(scalar)-\(scalar)a"
            #expect(PeopleBytes.plainBytes(text) != nil)
            #expect(text.count == text.unicodeScalars.count, "U+\(String(scalar.value, radix: 16))")
            if !scalar.isASCII { #expect(!ascii.contains(Character(scalar))) }
        }
        #expect(PeopleBytes.plainBytes("Ann\r\nLee") == nil)
        #expect(PeopleBytes.plainBytes("Rene\u{301} Roy") == nil)
        #expect(PeopleBytes.plainBytes("Ann 👋") == nil)
    }

    @Test func splitsAsCharactersDo() {
        let entries = [
            "Łukasz Diaz (Harbour Health Partnership), Siobhán Lee [SL]", "Ann Lee – Chair; Bob (Trust-co-opted",
            "Olivia Achterberg-Smythe, Ministry of Housing— Programme Officer", "Zoë Ng, Cooperative-permanent member",
        ]
        for entry in entries {
            #expect(PeopleBytes.plainBytes(entry) != nil)
            #expect(!PersonEntryParser.segments(of: entry).isEmpty)
        }
        #expect(PersonEntryParser.segments(of: "Ann Lee – Chair") == ["Ann Lee", "Chair"])
        #expect(
            PersonEntryParser.segments(of: "Łukasz Diaz, Green Lane Trust-co-opted") == [
                "Łukasz Diaz", "Green Lane Trust", "co-opted",
            ]
        )
        #expect(PersonEntryParser.splitBrackets("Siobhán (Chair [acting]) Lee").inside == ["Chair [acting]"])
    }

    /// Entries whose separators fall at every place of an eight-byte step, beside lines of every sample.
    static let segmentEntries: [String] = {
        let pieces = [
            ", ", "; ", ": ", " - ", "-", " – ", "—", "Trust-co-opted", " trust-co-opted", " lane trust-Observer",
            "Co-chair",
            ",,", " :", "é", "Zoë", "  ", "(a, b)",
        ]
        var entries = PeopleEquivalenceTests.samples + PeopleListLookTests.lines
        for piece in pieces {
            for offset in 0..<17 {
                let lead = String(repeating: "Abcdefgh", count: 3).prefix(offset)
                entries.append("\(lead)\(piece)Riverside Community Trust\(piece)chair of the board")
                entries.append("Ann Lee\(piece)\(lead) Federation\(piece)permanent member")
            }
        }
        return entries
    }()

    /// The segments read on the bytes, some eight at a time, are those read by the characters.
    @Test func segmentsAsTheCharacterReading() {
        var split = 0
        for entry in Self.segmentEntries {
            let segments = PersonEntryParser.segments(of: entry)
            #expect(segments == PersonEntryParser.characterSegments(of: entry), "\(entry)")
            if segments.count > 1 { split += 1 }
        }
        #expect(split > 100)
    }

    /// Parts split without the spaces around them clean as the parts with them, which a list reads them as.
    @Test func trimmedPartsCleanAsTheParts() {
        var trimmed = 0
        for line in Self.segmentEntries + [" Ann ,  Bob Roy. ;  **Cy** , ", "Ann , , Bob", "  ,  ", " • Ann,  > Bob"] {
            let parts = PersonEntryParser.splitTopLevel(line, separators: PersonEntryParser.commasAndSemicolons)
            let bare = PersonEntryParser.splitTopLevel(
                line,
                separators: PersonEntryParser.commasAndSemicolons,
                mayTrimSpaces: true
            )
            #expect(bare.count == parts.count, "\(line)")
            for (part, bare) in zip(parts, bare) {
                #expect(PersonEntryParser.clean(bare) == PersonEntryParser.clean(part), "\(part)")
                if PeopleBytes.isPlain(line) { #expect(bare == part.trimmingPlain(" "), "\(part)") }
                if bare != part { trimmed += 1 }
            }
        }
        #expect(trimmed > 50)
    }

    /// A byte found by `memchr`, or by a test, in strings and substrings is a byte of their UTF-8.
    @Test func bytesFoundAsInTheUTF8() {
        for text in Self.segmentEntries {
            let texts: [Substring] = [Substring(text), text.dropFirst(3), text.dropLast(2)]
            for part in texts {
                for byte: UInt8 in [0x20, 0x2C, 0x2D, 0x40, 0x65, 0xC3, 0xE2, 0x0D, 0x00] {
                    #expect(PeopleBytes.containsByte(part, byte) == part.utf8.contains(byte), "\(part) \(byte)")
                    #expect(PeopleBytes.containsByte(String(part), byte) == part.utf8.contains(byte), "\(part)")
                    #expect(PeopleBytes.containsByte(part) { $0 == byte } == part.utf8.contains(byte), "\(part)")
                }
            }
        }
    }

    @Test func longPhrasesNameNoOne() {
        #expect(PeopleBytes.opensWithLongPhrase("The minutes of the meeting held on 15 August were agreed."))
        #expect(!PeopleBytes.opensWithLongPhrase("Dr Ann van der Berg (Chair of the Harbour Trust board)"))
        #expect(!PeopleBytes.opensWithLongPhrase("Ann, the minutes of the meeting held on 15 August"))
        #expect(!PeopleBytes.opensWithLongPhrase("Zoë took members through the matters arising from the meeting"))
    }

    /// The count of white space that rules a text out before the walk never rules out one the walk finds long.
    @Test func longPhraseCountAsTheWalk() {
        let plainWords = ["Ann", "lee", "of", "the", "(x y z)", "@ann", "7", "met", "a\tb", "[a b c d e f]", "x@y"]
        let otherWords = ["--", "a,b", "[a b", "é", "a\r\nb", "a;b", "a:b"]
        // Seven words with six spaces between them, the fewest a long phrase has, and six words.
        var texts =
            PeopleEquivalenceTests.samples + PeopleListLookTests.lines + [
                "The minutes of the meeting were agreed", "a b c d e f g", "a\tb\tc\td\te\tf\tg", "a b c d e f",
                "1 2 3 4 5 6 7", "a b c d e f @g", "(x) a b c d e f g",
            ]
        for words in [plainWords, plainWords + otherWords] {
            for count in 5...9 {
                for separator in [" ", "\t", "  ", " \u{A0}", "\u{0B}", "\n"] {
                    for start in words.indices {
                        let picked = (0..<count).map { words[(start + $0 * 3) % words.count] }
                        texts.append(picked.joined(separator: separator))
                        texts.append("Ann Lee " + picked.joined(separator: separator))
                    }
                }
            }
        }
        var long = 0
        for text in texts {
            let walked = PeopleBytes.withBytes(text) { PeopleBytes.walksLongPhrase($0) }
            #expect(PeopleBytes.opensWithLongPhrase(text) == walked, "\(text)")
            if walked { long += 1 }
        }
        // Both answers are met.
        #expect(long > 10)
        #expect(long < texts.count)
    }

    @Test func labelsAreNotRuledOutWrongly() {
        #expect(PeopleBytes.mayBeLabelled("**Members present (14):** Ann, Bob"))
        #expect(PeopleBytes.mayBeLabelled("Steering Committee Members: Ann"))
        #expect(!PeopleBytes.mayBeLabelled("Questions were raised about the plan, and the answer: none"))
        #expect(!PeopleBytes.mayBeLabelled("No colon here"))
    }

    /// ``isTidy(_:)`` says a text is tidy only when ``tidy(_:)`` leaves it as it is.
    @Test func tidyTextIsFoundTidy() {
        let spaces =
            [0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x3000, 0x2028, 0x2029, 0x202F, 0x205F]
            + Array(0x2000...0x200A)
        for space in spaces.compactMap({ Unicode.Scalar(UInt32($0)) }) {
            for text in ["Ann\(space)Lee", "\(space)Ann", "Ann\(space)", "Ann \(space)Lee"] {
                #expect(!isTidy(text) || tidy(text) == text)
            }
        }
        for text in ["Łukasz Diaz – Chair", "Siobhán O’Brien", "Ann • Lee", "", "Ann  Lee", " Ann", "Ann "] {
            #expect(isTidy(text) == (tidy(text) == text && !text.isEmpty) || text.isEmpty)
        }
    }
}
