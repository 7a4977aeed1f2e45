import PropertyBased
import Testing

@testable import Extract

/// The byte-level fast paths of extraction give what the character readings they stand for give, on random text
/// made of the words extraction looks for and the characters that trip byte-level code.
@Suite struct FastPathPropertyTests {
    /// Words and marks of minutes (names, roles, markers, outcomes) and characters that differ as bytes and as
    /// characters: combining marks, CR LF, no-break spaces, `İ` and `Ⱥ` (longer in lower case), the Greek question
    /// mark and the Kelvin sign (equal to `;` and `K` as characters once normalised), prepended marks, dashes.
    static let piece = Gen<String?>
        .element(of: [
            "Ann", "Lee", "O'Neil", "van", "de", "Dr", "Cllr", "Chair", "Vice-Chair", "Clerk", "Treasurer", "Council",
            "Trust", "Action", "ACTION:", "Actions", "Decision", "agreed", "Agreed.", "carried", "Resolved", "motion",
            "in the room", "unanimously", "no objections", "consensus", "from", "FROM", "to", "will", "by", "@ann",
            "1.", "2)", "(", ")", "[", "]", ":", ";", ",", ".", "-", "–", "—", "'", "’", "\"", "|", "*", "**", "_",
            "#", " ", "  ", "\t", "\r\n", "\n", "\u{A0}", "\u{2003}", "\u{301}", "\u{338}", "\u{600}", "İ", "Ⱥ",
            "\u{37E}", "\u{212A}", "\u{1FEF}", "é", "Zoë", "Ō", "ß", "🎉", "👩🏽‍⚕️", "x", "K", "k",
        ])
        .map { $0 ?? "" }
    static let text = piece.array(of: 0...12).map { $0.joined() }

    @Test func namesAndRolesReadAsByCharacters() async {
        await propertyCheck(count: 3000, input: Self.text) { text in
            for lowercase in [false, true] {
                #expect(
                    PersonEntryParser.isNameLike(text, allowLowercase: lowercase)
                        == PersonEntryParser.isNameLike(characters: tidy(text), allowLowercase: lowercase),
                    "\(text.unicodeScalars.map(\.value))"
                )
            }
            #expect(
                PersonEntryParser.isRoleLike(text) == PersonEntryParser.isRoleLike(characters: text),
                "\(text.unicodeScalars.map(\.value))"
            )
        }
    }

    @Test func outcomesAndHeadingsReadAsByCharacters() async {
        await propertyCheck(count: 3000, input: Self.text) { text in
            #expect(
                DecisionMarker.isBareOutcome(text) == DecisionMarker.isBareOutcomeByCharacters(text),
                "\(text.unicodeScalars.map(\.value))"
            )
            #expect(
                ActionMarker.normalisedHeading(text) == ActionMarker.normalisedHeadingByCharacters(text),
                "\(text.unicodeScalars.map(\.value))"
            )
        }
    }

    /// Each decision check that takes `cues` answers with them as it does without them, for `text`.
    static func expectChecksReadTheSame(_ text: String, cues: DecisionMarker.LineCues) {
        let said = "\(text.unicodeScalars.map(\.value))"
        #expect(DecisionMarker.isBareOutcome(text, cues: cues) == DecisionMarker.isBareOutcome(text), "\(said)")
        #expect(DecisionMarker.isMotionOutcome(text, cues: cues) == DecisionMarker.isMotionOutcome(text), "\(said)")
        #expect(
            DecisionMarker.statesMotionResult(text, cues: cues) == DecisionMarker.statesMotionResult(text),
            "\(said)"
        )
        #expect(
            DecisionMarker.midSentenceResolution(text, cues: cues) == DecisionMarker.midSentenceResolution(text),
            "\(said)"
        )
        #expect(DecisionMarker.decisionMade(text, cues: cues) == DecisionMarker.decisionMade(text), "\(said)")
        #expect(DecisionMarker.endsWithResult(text, cues: cues) == DecisionMarker.endsWithResult(text), "\(said)")
    }

    @Test func decisionChecksReadTheSameWithSharedCues() async {
        await propertyCheck(count: 3000, input: Self.text) { text in
            let cues = DecisionMarker.LineCues(text)
            #expect(DecisionMarker.lastBesideMarks(text) == text.trimming(" *_").last, "\(text.unicodeScalars)")
            Self.expectChecksReadTheSame(text, cues: cues)
        }
    }

    /// The decision finder's checks read the same when a text whose first look (``BlockCue``) found no decision word
    /// is not looked through: none of what they look for is there.
    @Test func decisionChecksReadTheSameWithoutADecisionWord() async {
        // Outcomes and results stated first, and words next to them, so that the checks find some.
        let pieces = [
            "Approved", "passed", "CARRIED", "Motion", "the", "vote", "agreed", "in the room", "room", "Room",
            "decision", "made", "resolved that", "motion was", "unanimously", "no", "objections", "x", "Ann", " ",
            ",", ".", "+1", "(", ")", ":", "İ", "\u{212A}", "\u{301}", "é",
        ]
        let text = Gen<String?>.element(of: pieces).map { $0 ?? "" }.array(of: 0...8).map { $0.joined() }
        await propertyCheck(count: 3000, input: text) { text in
            let holds = DecisionMarker.vocabulary.occurs(in: text)
            let cues = DecisionMarker.LineCues(text, holdsDecisionWord: holds)
            Self.expectChecksReadTheSame(text, cues: cues)
            let said = "\(text.unicodeScalars.map(\.value))"
            // A result stated first and an outcome word hold a decision word too.
            #expect(holds || !DecisionMarker.startsWithResult(text), "\(said)")
            #expect(holds || !DecisionMarker.outcomeSentenceWords.occurs(in: text), "\(said)")
        }
    }

    /// The gate the property above samples, checked on every word: each word the decision checks look for but
    /// `room` (read only beside a bare outcome's) holds a word of the first look's decision list, so a text without
    /// one has none of theirs.
    @Test func everyCheckWordHoldsADecisionWord() {
        for word in DecisionMarker.lineLists.joined() where word != "room" {
            #expect(BlockCue.cues(of: word, vocabulary: BlockCue.vocabulary) & BlockCue.decision != 0, "\(word)")
        }
    }

    @Test func outlineHelpersReadAsByCharacters() async {
        await propertyCheck(count: 3000, input: Self.text) { text in
            for separator in [
                UInt8(ascii: ","), UInt8(ascii: "|"), UInt8(ascii: ";"), UInt8(ascii: "`"), UInt8(ascii: "K"),
            ] {
                if let parts = splitStandingAlone(text, at: separator) {
                    let characters = text.split(
                        separator: Character(Unicode.Scalar(separator)),
                        omittingEmptySubsequences: false
                    )
                    #expect(
                        parts.map(String.init) == characters.map(String.init),
                        "\(text.unicodeScalars.map(\.value))"
                    )
                }
            }
            for limit in [0, 3, 12] {
                #expect(hasAtMost(limit, charactersIn: text) == (text.count <= limit))
            }
            #expect(isBlankOrColons(text) == text.allSatisfy { $0.isWhitespace || $0 == ":" })
            for character in text {
                #expect(isSentenceStop(character) == ".!?".contains(character), "\(text.unicodeScalars.map(\.value))")
            }
        }
    }

    /// The context's one look for the finders' word lists finds what each list's own look finds.
    @Test func blockCuesAreEachListsLook() async {
        // The lists' words, pieces of them in any case, and characters that trip byte-level code.
        let pieces =
            DecisionMarker.vocabularyWords + RecommendationCue.stemWords + ActionMarker.inlineWordList + [
                "A", "I:", "+", "1", "SHOULD", "Agree", "mus", "ACTION", "Ai", " ", "é", "\u{301}", "\r\n", "İ",
                "\u{212A}", "ß", "\u{A0}", ".", ":", "*", "_", ":**",
            ]
        let text = Gen<String?>.element(of: pieces).map { $0 ?? "" }.array(of: 0...12).map { $0.joined() }
        await propertyCheck(count: 3000, input: text) { text in
            let cues = BlockCue.vocabulary.matches(in: text)
            #expect((cues & BlockCue.decision != 0) == DecisionMarker.vocabulary.occurs(in: text), "\(text)")
            #expect((cues & BlockCue.recommendation != 0) == RecommendationCue.stems.occurs(in: text), "\(text)")
            let inline = TextSearch.Vocabulary(ActionMarker.inlineWordList)
            #expect((cues & BlockCue.action != 0) == inline.occurs(in: text), "\(text)")
            // The colon cue: the last byte but spaces, `*` and `_` is a colon.
            let last = text.utf8.last { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "*") && $0 != UInt8(ascii: "_") }
            #expect(
                (BlockCue.cues(of: text, vocabulary: BlockCue.vocabulary) & BlockCue.colonEnd != 0)
                    == (last == UInt8(ascii: ":")),
                "\(text)"
            )
            #expect(
                BlockCue.cues(of: text, vocabulary: BlockCue.vocabulary) & ~BlockCue.colonEnd == cues,
                "\(text)"
            )
        }
    }

    /// Pieces of times: ASCII digits and others (full-width, Arabic-Indic, with a combining mark), whole times,
    /// separators and meridiems, and letters and numbers past ASCII that plain text holds (`ª`, `½`).
    static let timePiece = Gen<String?>
        .element(of: [
            "1", "9", "12", "0", "１", "٣", "3\u{301}", ":", ".", "h", " ", "-", "–", "—", "to", "am", "PM", "p.m.", "a",
            "x", "é", "\r\n", "\u{A0}", "Zoom", "ZOOM", "zo", "om", "IRC", "\u{130}rc", "via ", "Teams", "microsoft",
            "call", "phone ", "\u{212A}", "15:00", "9.30", "pm", "ª", "½", "Ō",
        ])
        .map { $0 ?? "" }

    @Test func timesReadAsByCharacters() async {
        await propertyCheck(count: 3000, input: Self.timePiece.array(of: 0...8).map { $0.joined() }) { text in
            let quick = DateParser.timeRange(in: text)
            let slow = DateParser.timeRange(characters: Array(text))
            #expect(quick?.start == slow?.start && quick?.end == slow?.end, "\(text.unicodeScalars.map(\.value))")
            let platforms = MetadataExtractor.platforms
            #expect(
                MetadataExtractor.namesPlatform(text) == platforms.contains { text.lowercased().contains($0) },
                "\(text.unicodeScalars.map(\.value))"
            )
        }
    }

    /// Pieces of paths: separators, dots, and characters that join a `/` or `.` to a neighbour.
    static let pathPiece = Gen<String?>
        .element(of: [
            "/", ".", "..", "a", "B", "md", "note", "-", " ", "\r\n", "\u{301}", "é", "\u{A0}", "2021", "\u{600}",
        ])
        .map { $0 ?? "" }

    @Test func meetingFileNamesReadAsByCharacters() async {
        await propertyCheck(count: 3000, input: Self.pathPiece.array(of: 0...10).map { $0.joined() }) { path in
            let fileName = path.split(separator: "/").last.map(String.init) ?? path
            let stem = fileName.split(separator: ".").dropLast().joined(separator: ".")
            let found = MeetingID.nameAndStem(of: path)
            #expect(
                Array(found.name.utf8) == Array(fileName.utf8) && Array(found.stem.utf8) == Array(stem.utf8),
                "\(path.unicodeScalars.map(\.value))"
            )
        }
    }
}
