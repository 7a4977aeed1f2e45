import Ingest
import PropertyBased
import Testing

@testable import Extract

/// The finders' byte readings of plain text (each scalar a character of its own) give what their readings by
/// characters give, on random text of the words they look for and the characters that trip byte-level code.
@Suite struct FinderPlainPathTests {
    /// Words of actions, owners, due dates and sentences, and characters that differ as bytes and as characters:
    /// capitals and quotes beyond ASCII, combining marks, CR LF, no-break spaces, `İ`, the Kelvin sign, emoji.
    static let piece = Gen<String?>
        .element(of: [
            "Ann", "Lee", "Zoë", "Émile", "Ōta", "ß", "İ", "\u{212A}", "@ann", "@bo-b.", "@_x", "@", "@é", "to", "TO",
            "will", "Will", "needs", "is", "the", "a", "write", "Write", "report,", "by", "BY", "before", "until",
            "Due", "deadline", "no", "not", "later", "than", "nobody", "Until", "dEadLine", "e.g", "Mr", "x", "é",
            ".", "!", "?", ". ", "? ", "! ", ",", ":", ";", "'", "\"", "‘", "“", "’", "(", "*", "_", "-", "–", " ",
            "  ", "\t", "\r\n", "\u{A0}", "\u{301}", "\u{200D}", "🎉", "3.", "K", "k", "*", "_", ": ", ":**",
        ])
        .map { $0 ?? "" }
    static let text = piece.array(of: 0...14).map { $0.joined() }

    /// A tag (`103.1—`) is split off as the characters split it: texts opening with digits, dots, letters, a mark
    /// after the first byte, other digits (`١`, `½`), CR LF and dashes.
    @Test func tagsSplitTheSameOnBytes() {
        let pieces = ["1", "03", ".", "a", "A", " ", "\u{301}", "١", "½", "—", "–", "-", ":", ")", "\r\n", "é", "x "]
        var texts = [""]
        for _ in 0..<4 {
            texts += texts.flatMap { text in pieces.map { text + $0 } }
        }
        for text in Set(texts) {
            let bytes = ActionFinder.splitTag(text)
            let characters = ActionFinder.splitTagByCharacters(text)
            #expect(bytes.tag == characters.tag && bytes.text == characters.text, "\(text.unicodeScalars.map(\.value))")
        }
    }

    @Test func subjectsReadTheSameOnBytes() async {
        await propertyCheck(count: 3000, input: Self.text) { text in
            for nicknames in [false, true] {
                #expect(
                    OwnerParser.subject(of: text, nicknames: nicknames)
                        == OwnerParser.subjectByWords(of: text, nicknames: nicknames),
                    "\(text.unicodeScalars.map(\.value))"
                )
            }
        }
    }

    @Test func handlesAndWordsReadTheSameOnBytes() async {
        await propertyCheck(count: 3000, input: Self.text) { text in
            let said = "\(text.unicodeScalars.map(\.value))"
            #expect(OwnerParser.isHandle(text) == OwnerParser.isHandleByCharacters(text), "\(said)")
            #expect(
                DueDates.holdsTriggerPart(Substring(text)) == DueDates.triggerParts.occurs(in: text),
                "\(said)"
            )
            let last = text.utf8.last { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "*") && $0 != UInt8(ascii: "_") }
            #expect(ActionMarker.endsWithColon(text) == (last == UInt8(ascii: ":")), "\(said)")
        }
    }

    @Test func ownerPartsAndListsReadTheSameOnBytes() async {
        let words = Gen<String?>
            .element(of: [
                "Ann", "Lee", "the", "The", "team", "Team", "of", "and", "AND", "&", "+", "All", "all", "trustees",
                "each", "Each", "member", "probation", "reform", "Board", "TBD", "RC", "Rc", "PM", "DO", "Do", "@ann",
                "@", "x", "X", "notes", "Notes", "De", "de", "van", "O'Neil", "Ann-Lee", "A.B.", "A&B", "1st", "ALL",
                ",", " ", "  ", "Zoë", "Émile", "ann's", "it's", "Acme/Co", "-", "'", "sub-group", "We", "WE",
            ])
            .map { $0 ?? "" }
        await propertyCheck(count: 3000, input: words.array(of: 0...9).map { $0.joined(separator: " ") }) { text in
            let said = "\(text.unicodeScalars.map(\.value))"
            #expect(OwnerParser.isOwnerPart(text) == OwnerParser.isOwnerPartByWords(text), "\(said)")
            if PeopleBytes.isPlain(text) {
                #expect(OwnerParser.splitPlainList(text) == OwnerParser.splitList(text), "\(said)")
            }
        }
    }

    @Test func actionMarkersReadTheSameOnBytes() async {
        let words = Gen<String?>
            .element(of: [
                "Action", "ACTION", "action", "aCtIoN", "Actions", "Actioned", "Action1", ":", " :", "-", "- ", "–",
                "—",
                "Ann", "to", "write", "item", "3", "by", "(Bob)", "Bob:", " ", "  ", "é", "\r\n", "\u{A0}", "*", "[",
                "AI:", "#action", "**ACTION**", "\u{301}", "K", "\u{212A}",
            ])
            .map { $0 ?? "" }
        await propertyCheck(count: 3000, input: words.array(of: 0...8).map { $0.joined() }) { text in
            #expect(
                ActionMarker.leading(text) == ActionMarker.leadingByCharacters(text),
                "\(text.unicodeScalars.map(\.value))"
            )
        }
        for text in [
            "Action: Ann to write", "  ACTION - Bob to go  ", "action :x", "Action:", "Actions: x", "Action -x",
            "Action - ", "ACTION -  ", " action:  ",
        ] {
            #expect(ActionMarker.leading(text) == ActionMarker.leadingByCharacters(text), "\(text.debugDescription)")
        }
    }

    @Test func resultOpeningsAndConsensusReadTheSameOnBytes() async {
        let words = Gen<String?>
            .element(of: [
                "Approved", "approved.", "PASSED,", "Carried", "vote", "Vote:", "Motion", "the", "The", "consensus",
                "Consensus", "general", "General", "is", "was", "that", "to", "reached", "there", "There", "passed",
                "failed", "up", "to", "x", ".", ",", " ", "  ", "é", "Zoë", "\u{301}", "İ", "\u{212A}", "\r\n",
                "\u{A0}",
            ])
            .map { $0 ?? "" }
        await propertyCheck(count: 3000, input: words.array(of: 0...6).map { $0.joined(separator: " ") }) { text in
            let said = "\(text.unicodeScalars.map(\.value))"
            if let opens = DecisionMarker.plainOpensWithResult(text) {
                let first = OwnerParser.leadingWords(of: text, limit: 1).first
                #expect(
                    opens
                        == first.map {
                            [
                                "approved", "passed", "carried", "adopted", "ratified", "rejected", "vote",
                                "motion", "proposal", "resolution",
                            ].contains($0.lowercased().trimming(".,;:"))
                        },
                    "\(said)"
                )
            }
            let lower = text.lowercased()
            #expect(
                DecisionMarker.isConsensus(text)
                    == DecisionMarker.consensusOpenings.contains(where: { lower.hasPrefix($0) }),
                "\(said)"
            )
        }
    }

    @Test func sentencesOfPlainTextSplitAsByCharacters() async {
        await propertyCheck(count: 3000, input: Self.text) { text in
            guard PeopleBytes.isPlain(text) else { return }
            let plain = Sentences.splitPlain(text)
            let characters = Sentences.splitCharacters(text)
            #expect(plain.map(\.text) == characters.map(\.text), "\(text.unicodeScalars.map(\.value))")
            #expect(plain.map(\.range) == characters.map(\.range), "\(text.unicodeScalars.map(\.value))")
        }
    }

    @Test func recommendationCuesOfPlainTextReadAsByCharacters() async {
        let words = Gen<String?>
            .element(of: [
                "Zoë", "Émile", "the", "Board", "should", "must", "ought", "to", "said", "that", "recommend", "call",
                "on", "asked", "urged", "“should”", "‘must’", "(“Ann”)", "don’t", "café,", "ÉTÉ", "ß", "İt", "\u{212A}",
                "“”", ",", "?", "(", "é.", "Ōta,", "“Members", "group”", "proposed", "that,", "–", "—",
            ])
            .map { $0 ?? "" }
        await propertyCheck(count: 3000, input: words.array(of: 0...12).map { $0.joined(separator: " ") }) { text in
            #expect(
                RecommendationCue.find(in: text) == RecommendationCue.findByCharacters(in: text),
                "\(text.unicodeScalars.map(\.value))"
            )
        }
    }

    @Test func sentencesKeptAreThoseWithTheWords() async {
        await propertyCheck(count: 2000, input: Self.text) { text in
            let kept = Sentences.split(text, keeping: { RecommendationCue.stems.occurs(in: $0) })
            let all = Sentences.split(text).filter { RecommendationCue.stems.occurs(in: $0.text) }
            #expect(kept.map(\.text) == all.map(\.text), "\(text.unicodeScalars.map(\.value))")
            #expect(kept.map(\.range) == all.map(\.range), "\(text.unicodeScalars.map(\.value))")
        }
        let prose = "We should act. It rains.  Members must go. Ann said\u{A0}so. Zoë urges it. Ok"
        #expect(Sentences.split(prose, keeping: { RecommendationCue.stems.occurs(in: $0) }).count == 3)
    }

    @Test func marksAreThePlainMarks() {
        for byte in UInt8.min...UInt8.max {
            #expect(PlainWords.isMark(byte) == RecommendationCue.plainMarks.contains(byte), "\(byte)")
        }
    }

    @Test(arguments: [
        "Zoë Lee to write the plan.", "Émile and Ann will send it", "ann to write", "Ann needs to write", "Ann to the",
        "Ann  and  Bob to write", "@ann to write", "The Board will 5", "Ann to Write", "Ann is to write",
        "A B C D E F G H I J K L M N to write", "Ann\u{A0}Lee to write", "Zoë to Émile",
    ])
    func subjectsOfSomeLines(text: String) {
        #expect(OwnerParser.subject(of: text) == OwnerParser.subjectByWords(of: text), "\(text.debugDescription)")
    }

    @Test func plainSentencesOpenWithCapitalsAndQuotesBeyondASCII() {
        let text = "Agreed. Émile spoke. ‘Quoted.’ Then “this”. é. Ōta left! ß is small. End"
        #expect(Sentences.split(text).map(\.text) == Sentences.splitCharacters(text).map(\.text))
        #expect(Sentences.split(text).count == 4)
    }
}
