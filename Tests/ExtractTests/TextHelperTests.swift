import Testing

@testable import Extract

/// The byte-level fast paths of the text helpers give what the character-level definitions give.
@Suite struct TextHelperTests {
    static let samples = [
        "", " ", "  Ann Lee  ", "**Present:**", "Ann\tLee", "Ann  Lee", "Ann\u{00A0}Lee", " Zoë ", "-\u{301}x",
        "x-\u{301}", "\r\nAnn\r\n", "— Chair —", "‘quoted’", "...", "Ann Lee", "Ann Lee.", "Ann\u{2003}Lee ",
        // Characters equal to ASCII ones: U+037E is `;`, U+1FEF is `` ` ``, U+212A is `K`.
        "Ann\u{37E}", "\u{1FEF}Ann\u{1FEF}", "\u{212A}Ann\u{212A}", "\u{37E} ;Ann; \u{37E}",
    ]
    static let sets = [" ", "*_#: ", " .", "-–— ", "‘’ ", "\n", " \r\n", "; ", "`", "K"]

    @Test(arguments: samples)
    func trimmingMatchesTheCharacterDefinition(text: String) {
        for set in Self.sets {
            let start = text.drop { set.contains($0) }
            let end = start.lastIndex { !set.contains($0) }.map { start.index(after: $0) } ?? start.startIndex
            #expect(
                text.trimming(set) == String(start[..<end]),
                "\(text.debugDescription) trimming \(set.debugDescription)"
            )
        }
    }

    @Test(arguments: samples)
    func tidyCollapsesEveryKindOfSpace(text: String) {
        let words = text.split { $0.isWhitespace }.joined(separator: " ")
        #expect(tidy(text) == words, "\(text.debugDescription)")
    }

    @Test func replacingAllReplacesOnlyWhatIsThere() {
        #expect("**Ann** Lee".replacingAll("**", with: "") == "Ann Lee")
        #expect("Ann Lee".replacingAll("**", with: "") == "Ann Lee")
        #expect("Ann’s".replacingAll("’", with: "'") == "Ann's")
    }
}

/// The byte-level readings of plain ASCII text give what the character-level ones give.
@Suite struct PlainTextTests {
    static let prose = [
        "", "One. Two", "See e.g. Ann. Then Bob.", "Mr. Lee said so. \"Yes.\" (Later.) 'Done.' no. Ok",
        "A. B. C", "Why? Because! Fine.", "Ends with a stop. ", "  Lead spaces.  Two  spaces. X", "3.3 and 4. Five",
        "Etc. Incl. Approx. Vs. No. Cf. Dr. Done", "Trailing space . X", ". Leading stop. Y",
        // Long enough to be read eight bytes at a time, with stops on either side of each eighth byte.
        "Seven.. Eight!!! This sentence is rather long indeed. Another one follows here! And why? Yes. Done",
        "abcdefg. Hijklmn? Opqrstu! Vwxyzab. Cdefghij. Klmnopqr. Stuvwxyz. e.g. Ann. Mr. Lee went. To town.",
        "No stop in these forty or more bytes at all here", "Stop at the end of eight bytes......... X.",
    ]

    @Test(arguments: prose)
    func sentencesSplitTheSameOnBytes(text: String) {
        let plain = Sentences.splitPlain(text)
        let characters = Sentences.splitCharacters(text)
        #expect(plain.map(\.text) == characters.map(\.text), "\(text.debugDescription)")
        #expect(plain.map(\.range) == characters.map(\.range), "\(text.debugDescription)")
    }

    @Test func bareOutcomesPastTheQuickLook() {
        #expect(DecisionMarker.isBareOutcome(":+1: :+1: :+1: :+1: :+1: :+1: :+1: :+1: :+1: Agreed."))
        #expect(DecisionMarker.isBareOutcome("General broad unanimous full agreement all round"))
        #expect(DecisionMarker.isBareOutcome("Agreement in the room (+1s from Ann, Bob, Cy, Di, Ed, Flo, Gus and Hal)"))
        #expect(DecisionMarker.isBareOutcome("( ... Agreed ... )"))
        #expect(!DecisionMarker.isBareOutcome("We agreed to meet again next week in the small hall upstairs"))
        #expect(!DecisionMarker.isBareOutcome("Nothing to see"))
    }

    @Test func motionOutcomesPastTheQuickLook() {
        #expect(DecisionMarker.isMotionOutcome("The motion carried 4-0."))
        #expect(DecisionMarker.isMotionOutcome("**Carried** (3 for, 1 against)"))
        #expect(
            !DecisionMarker.isMotionOutcome("The motion carried after a long debate about the fees and the rents today")
        )
        #expect(DecisionMarker.endsWithMotionOutcome("Moved by Ann, seconded by Bob. Motion carried 4-0."))
        #expect(DecisionMarker.endsWithOutcomeSentence("Vote: 5 in favour, 0 against. Timeline approved."))
        #expect(DecisionMarker.startsWithResult("Approved up to $3000 for the hall"))
        #expect(!DecisionMarker.startsWithResult("Ann approved the budget"))
        #expect(DecisionMarker.endsWithResult("No disagreements, passed."))
        #expect(
            DecisionMarker.midSentenceResolution("After discussion, it was resolved that the fees rise")
                == "the fees rise"
        )
        #expect(DecisionMarker.offset(of: "b", in: "aéb") == 2)
        #expect(DecisionMarker.offset(of: "b", in: "aab") == 2)
    }
}
