import Ingest
import Testing

@testable import Extract

/// The byte-level readings the action, decision and recommendation finders take give what the character-level
/// ones give, on text where the two could part: non-ASCII letters, curly quotes, combining marks, NBSP, CRLF.
@Suite struct FindingsBytesTests {
    static let headings = [
        "", " ", "Actions", "5. Action Items (from last week)", "  **Next  Steps:**  ", "Decisions & Actions",
        "iv) Follow-up", "To (x)do", "a(b)c(d", "(", ")(", "Actions ( ) ", "Action - items", "#1 Actions", "AI",
        "ACTIONS:", "`code` - x", "x.-", "b) next steps", "1.2.3 Actions", "Action\r\nItems", "Café actions",
        "Actions – agreed", "Owner’s actions", "Tas\u{212A}s", "Actions\u{00A0}list", "e\u{301} Actions",
        "5. Actions", "iv) x", "b) y", "1.2) z", "(a) q", "x) ", "ii.", "10) Next steps", ".) a", "). b", "xi Actions",
        "A&B", "**1.** *Actions*", "- Next steps -", "3 & 4",
    ]

    @Test func enumerationsAreTheSameOnBytes() {
        for word in ["5", "5.", "5)", "iv)", "iv", "b)", "bb)", "1.2)", ".)", ")", "x.", "xi.", "ix)", "12a.", "a", ""]
        {
            #expect(
                Array(word.utf8).withUnsafeBufferPointer { ActionMarker.isPlainEnumeration($0) }
                    == ActionMarker.isEnumeration(word),
                "\(word.debugDescription)"
            )
        }
    }

    @Test(arguments: headings)
    func headingKeysAreTheSameOnBytes(title: String) {
        let plain = ActionMarker.normalisedPlainHeading(title)
        if TextSearch.isPlainASCII(title) {
            #expect(plain == ActionMarker.normalisedHeadingByCharacters(title), "\(title.debugDescription)")
        } else {
            #expect(plain == nil, "\(title.debugDescription)")
        }
        #expect(ActionMarker.normalisedHeading(title) == ActionMarker.normalisedHeadingByCharacters(title))
    }

    static let outcomes = [
        "Agreed", "Agreed.", "Agreed — unanimously", "Agreed – 9 for, 0 against", "£5k approved",
        "Agreement in the room – thanks all", "consensus\u{00A0}reached", "Agreed\u{301}", "“Agreed”",
        "Agreed by all\r\n", "No objections", "Approved unanimously – see the £ figures for the café and the rest",
        "We agreed – after a long discussion of the café’s budget and the £500 grant – to meet again",
        ":+1: :+1: :+1: :+1: :+1: :+1: :+1: :+1: :+1: Agreed – yes", "( … Agreed … )", "Carried – nem con",
        "The motion carried", "Agreement in room (+1s from Zoë, Åsa, Chloé, Dí, Ed, Flo, Gus and Hal)",
        "Passed \u{0301} \u{0301} \u{0301} \u{0301} \u{0301} \u{0301} \u{0301} \u{0301} \u{0301}",
        "Unanimous – a b c d e f g h i", "ROOM – agreed a b c d e f g h i j",
        "The room agreed to meet in the hall on the first Monday of each month",
        "(Agreement in the room) a b c d e f g h i",
        ":+1: ... agreement in the room with many words a b c d e f g h",
        "General agreement in the room – a b c d e f g h",
        "Agreement. in the room a b c d e f g h i j", "No objections in the room from a b c d e f g h",
        "Agreed in the meeting room on a b c d e f g h i", ".. [Consensus in room] a b c d e f g h i j",
    ]

    @Test(
        arguments: outcomes + [
            "  Agreed  ", ":+1:", "::", ":x: AGREED :+1:", "[Agreed.] ", "Agreed :", "..", "No  Objections ( )",
            "a:b:c",
        ]
    )
    func bareOutcomeKeysAreTheSameOnBytes(text: String) {
        guard TextSearch.isPlainASCII(text) else { return }
        #expect(
            DecisionMarker.bareOutcomeKey(plain: text) == DecisionMarker.bareOutcomeKey(text),
            "\(text.debugDescription)"
        )
    }

    @Test(
        arguments: outcomes + [
            "It was RESOLVED THAT fees rise", "after talk it was agreed that we go", "+1, DECISION MADE",
            "The Motion Was lost",
            "Motion carried 4-0.", "no disagreements, passed", "Agreement in the ROOM", "decision\u{00A0}made",
            "mot\u{301}ion was",
        ]
    )
    func sharedCuesTellWhatEachLookTells(text: String) {
        let cues = DecisionMarker.LineCues(text)
        #expect(
            cues.has(DecisionMarker.LineCues.decisionMade)
                == TextSearch.contains(text, "decision made", ignoringCase: true)
        )
        #expect(
            cues.has(DecisionMarker.LineCues.motionWas) == TextSearch.contains(text, "motion was", ignoringCase: true)
        )
        #expect(cues.has(DecisionMarker.LineCues.room) == TextSearch.contains(text, "room", ignoringCase: true))
        #expect(
            DecisionMarker.isBareOutcome(text, cues: cues) == DecisionMarker.isBareOutcome(text),
            "\(text.debugDescription)"
        )
        #expect(DecisionMarker.isMotionOutcome(text, cues: cues) == DecisionMarker.isMotionOutcome(text))
        #expect(DecisionMarker.midSentenceResolution(text, cues: cues) == DecisionMarker.midSentenceResolution(text))
        #expect(DecisionMarker.decisionMade(text, cues: cues) == DecisionMarker.decisionMade(text))
        #expect(DecisionMarker.endsWithResult(text, cues: cues) == DecisionMarker.endsWithResult(text))
    }

    @Test(arguments: [
        "", " ", "**", "a.", "a. **", "Agreed.__", "\u{600}.", "\u{600}. *", "x\u{600}*", "a.\u{301}", "a\r\n",
        "a\r\n *", "é.", "é", "“a.”", "a?\u{00A0}", "a!_ _", ".", "\u{1F1FA}\u{1F1F8}.", "a\u{200D}.",
    ])
    func lastCharacterBesideMarksIsTheTrimmedOne(text: String) {
        #expect(DecisionMarker.lastBesideMarks(text) == text.trimming(" *_").last, "\(text.debugDescription)")
    }

    @Test(arguments: [
        "", "Action", "ACTION: Ann", "action item", "Actions:", "@ann", "[x", "Z{", "a`b", "AI@", "Action\u{301}s",
        "Actioné", "ACTION\u{00A0}3", "Action\r\n", "\u{212A}ey", "item(s)/x",
    ])
    func leadingLettersAreTheSameOnBytes(text: String) {
        let plain = TextSearch.isPlainASCII(text)
        #expect(
            ActionMarker.leadingLetters(text, plain: plain) == text.prefix { $0.isLetter },
            "\(text.debugDescription)"
        )
        #expect(ActionMarker.leadingLetters(text, plain: false) == text.prefix { $0.isLetter })
    }

    @Test func inlineSeparatorsPassTheQuickLookAtPlainBytes() {
        // Every text of one to three ASCII bytes from a few that make up separators and their neighbours.
        let bytes = Array(" .;:-(–→a\t".unicodeScalars.filter(\.isASCII).map { Character($0) })
        var texts = bytes.map { String($0) }
        for _ in 0..<2 { texts += texts.flatMap { text in bytes.map { text + String($0) } } }
        for text in Set(texts) where TextSearch.isPlainASCII(text) {
            let holds = ActionMarker.inlineSeparators.contains { text.hasPrefix($0) }
            #expect(!holds || ActionMarker.mayStartPlainSeparator(Substring(text).utf8), "\(text.debugDescription)")
        }
    }

    @Test(arguments: ["", ":", "a:b", "é:b", "a\r\n:b", "\u{600}:x", "a", "Ann, Bob: write"])
    func firstColonIsTheCharacter(text: String) {
        #expect(OwnerParser.firstColon(in: text) == text.firstIndex(of: ":"), "\(text.debugDescription)")
    }

    @Test(arguments: outcomes)
    func bareOutcomesAreTheSameOnBytes(text: String) {
        #expect(
            DecisionMarker.isBareOutcome(text) == DecisionMarker.isBareOutcomeByCharacters(text),
            "\(text.debugDescription)"
        )
    }

    @Test func bareOutcomesPastTheQuickLookStillCount() {
        #expect(DecisionMarker.isBareOutcome("Agreed in the room – with thanks to Zoë, Åsa, Chloé, Dí and the rest"))
        #expect(!DecisionMarker.isBareOutcome("Agreed – "))
        #expect(DecisionMarker.isBareOutcome("Agreement in the room – thanks all, Zoë, Åsa, Chloé, Dí and the rest"))
        #expect(!DecisionMarker.isBareOutcome("We agreed – after a long discussion of the café’s budget – to go"))
    }

    static let texts = [
        "", " ", "Ann to write", "  Ann  to  write  ", "Zoë to write the café’s plan", "Ann\u{00A0}Lee to write",
        "Ann \u{301}to write", "Ann\r\nLee to write", "“Ann” to write", "one two three four five six seven eight",
    ]

    @Test(arguments: texts)
    func leadingWordsAreTheFirstWords(text: String) {
        for limit in [1, 2, 3, 7, 15, Int.max] {
            let expected = Array(text.split(separator: " ").prefix(limit))
            #expect(OwnerParser.leadingWords(of: text, limit: limit) == expected, "\(text.debugDescription) \(limit)")
        }
    }

    static let sentences = [
        "", " ", "The Board should act.", "  Members (of the group) said: 'yes', \"no\"  ", "A,B;C:D", "(((", "x",
        "HOUSING Team MUST Act", "... ,,, ;;;", "Staff, should it rain, must Ought TO act,", "a,  b , ,c,",
    ]

    @Test(arguments: sentences)
    func recommendationWordsAreTheSameOnBytes(sentence: String) {
        var bytesOf = sentence
        let (words, lower) = bytesOf.withUTF8 { bytes in
            let cut = PlainWords(bytes)
            return (
                (0..<cut.count).map { String(decoding: bytes[cut.whole($0)], as: UTF8.self) },
                (0..<cut.count).map { String(decoding: cut.coreBytes($0), as: UTF8.self).lowercased() }
            )
        }
        #expect(words == PeopleText.words(sentence).map(String.init), "\(sentence.debugDescription)")
        #expect(
            lower == PeopleText.words(sentence).map { PeopleText.loweredTrimming($0, ",.;:'\"()") },
            "\(sentence.debugDescription)"
        )
    }

    static let recommendations = [
        "", "?", "The Board should act.", "The Board should act?", "Members of the group said the Council must act.",
        "Members, of the group, said: the Council should act", "It was agreed that Clinks should refine the plan.",
        "If it rains, should we act?", "Rain, should it come, must be met by the Town Team.",
        "The panel CALLED ON the Mayor to act.", "We call  on them to act.", "They call, on them to act.",
        "Ann (chair) said the 'Board' ought to act.", "Ann ought TO act.", "Ann ought, to act.", "Ann ought",
        "They recommended that, the Board act.", ",, said Ann should act", ", , Ann should go", "x",
        "Bob, Ann and Cy recommend a review.", "One two three four five six seven said X must act.",
        "One two three four five six said X must act.", "Staff, should it rain, must Ought TO act,",
        "Suggested ways forward: none.", "Zoë said the café should open.", "Zoë\u{301} said Ann should open.",
        "Ann\u{00A0}Lee said Bob should go.", "Ann said “Bob” should go.", "Ann said Bob should go.\r\nThen more.",
        "ANN SAID BOB SHOULD GO", "the board should act", "The  Board   should    act", "Insisted: the Board acts.",
        "(Ann) said (Bob) must (act)", "Ann proposed that Bob, Cy must go", "Ann said that Bob's team must go",
    ]

    @Test(arguments: recommendations)
    func recommendationCuesAreTheSameOnBytes(sentence: String) {
        #expect(RecommendationCue.find(in: sentence) == RecommendationCue.findByCharacters(in: sentence), "\(sentence)")
    }

    static let words = [
        "to", "To", "TO", "tO", "t", "tow", "to\u{301}", "ｔｏ", "İt", "will", "WILL", "WİLL", "Will,", "wil", "",
        "K", "\u{212A}", "Ann", "Zoë", "O'Neil", "O’Neil", "A.B.", "RC", "PM", "Rc", "R\u{301}C", "ÉA", "x-y", "A&B",
        "Ann/Bob", "A1", "AB\r\n", "@ann",
    ]

    @Test(arguments: words)
    func wordTestsAreTheSameOnBytes(word: String) {
        let sub = Substring(word)
        #expect(OwnerParser.isWord(sub, "to") == (word.lowercased() == "to"), "\(word.debugDescription)")
        #expect(OwnerParser.isWord(sub, "will") == (word.lowercased() == "will"), "\(word.debugDescription)")
        let capitalised =
            word.first?.isUppercase == true
            && word.allSatisfy { $0.isLetter || $0.isNumber || "-'’.&/".contains($0) }
        #expect(OwnerParser.isCapitalised(word) == capitalised, "\(word.debugDescription)")
        #expect(OwnerParser.isCapitalised(sub) == capitalised, "\(word.debugDescription)")
        let initials = (2...3).contains(word.count) && word.allSatisfy { $0.isUppercase && $0.isLetter }
        #expect(OwnerParser.isInitials(word) == initials, "\(word.debugDescription)")
    }

    static let lists = [
        "", ",", "Ann", "Ann, Bob", "Ann and Bob", "Ann AND Bob & Cy + Di", "Ann,,Bob", " Ann ,  Bob  and ", "and",
        "Ann & & Bob", "Mark/Philippe", "Andy Anders", "Ann,and Bob", "Ann +Bob", "A, B, C and D", "Zoë and Åsa",
        "Zoë, Åsa & Chloé", "Zoë AND Åsa", "Zoë – Åsa", "Zoë ANd Åsa + Dí",
    ]

    static let phrases = [
        "Zoë Åsa", "Zoë; Åsa", "Zoë \u{037E} Åsa", "Zoë “Åsa”", "Zoë http Åsa", "Zoë, Åsa and Chloé", "Zoë (Åsa)",
        "Zoë\u{301}, Åsa", "Zoë,\u{301} Åsa", String(repeating: "é", count: 60), String(repeating: "é", count: 91),
        "Ann Lee", "Ann; Lee", "Ann, Bob", "the café team", "Zoë + Åsa", "Zoë ,Åsa",
    ]

    /// ``OwnerParser/ownerList(_:)`` as it read before its looks at the bytes.
    static func referenceOwnerList(_ raw: String) -> [String]? {
        let phrase = raw.trimming(" ,")
        guard !phrase.isEmpty, phrase.count <= 90 else { return nil }
        if phrase.contains(where: { ";:!?()[]{}\"“”|=<>#".contains($0) }) || phrase.contains("http") { return nil }
        let hasComma = phrase.contains(",")
        let parts = OwnerParser.splitList(phrase)
        guard !parts.isEmpty, parts.count <= 8 else { return nil }
        var owners: [String]
        if parts.count == 1 {
            owners = parts
        } else if hasComma || parts.allSatisfy({ OwnerParser.isHandle($0) }) || phrase.contains(" + ")
            || parts.allSatisfy(OwnerParser.isPersonalName)
        {
            owners = parts
        } else {
            owners = [phrase]
        }
        guard owners.allSatisfy(OwnerParser.isOwnerPart) else { return nil }
        // No phrase here holds a slash, so none is split further.
        return owners
    }

    @Test(arguments: phrases)
    func ownerListsReadAsBefore(phrase: String) {
        #expect(OwnerParser.ownerList(phrase) == Self.referenceOwnerList(phrase), "\(phrase.debugDescription)")
    }

    @Test(arguments: lists)
    func ownerListsSplitTheSameOnBytes(phrase: String) {
        #expect(OwnerParser.splitPlainList(phrase) == OwnerParser.splitList(phrase), "\(phrase.debugDescription)")
    }

    @Test func offsetsOfLettersAreTheSameOnBytes() {
        func characterOffset(of needle: String, in text: String) -> Int? {
            var index = text.startIndex
            var offset = 0
            while index < text.endIndex {
                if text[index...].hasPrefix(needle) { return offset }
                index = text.index(after: index)
                offset += 1
            }
            return nil
        }
        let texts = [
            "Zoë said it was resolved that", "café: decision made", "decision\u{301} made", "no decision made – ok",
            "£5 decision made", "DECISION MADE £", "decisio", "e\u{301}decision made",
        ]
        for text in texts {
            for needle in ["decision made", "it was resolved that ", " RESOLVED THAT "] {
                #expect(
                    DecisionMarker.offset(of: needle, in: text) == characterOffset(of: needle, in: text),
                    "\(needle.debugDescription) in \(text.debugDescription)"
                )
            }
        }
    }

    @Test func resolutionsMidSentenceAreFoundInAnyText() {
        #expect(
            DecisionMarker.midSentenceResolution("After discussion – IT WAS RESOLVED THAT the £5 fee be kept")
                == "the £5 fee be kept"
        )
        #expect(DecisionMarker.midSentenceResolution("Zoë: it was agreed that we go") == "we go")
        #expect(DecisionMarker.midSentenceResolution("Zoë agreed that we go") == nil)
        #expect(
            DecisionMarker.midSentenceResolution("After discussion, the board RESOLVED THAT Zoë chairs") == "Zoë chairs"
        )
    }

    @Test func passagesKeptAreThePassagesWithTheWords() throws {
        let note = """
            # Notes

            The board should meet.
            It met in the café.
            Nothing else.

            Another paragraph
            that must wrap.

            - An item that recommends
              a second line
            - A plain item
              - A child that should count
            - Members should:
              - review the budget
              - reply by May

            Last line.
            """
        let document = try NoteIngestor().ingest(bytes: Array(note.utf8), path: "note.md")
        let blocks = NoteOutline(document.root).blocks
        let all = Passage.collect(blocks).filter { RecommendationCue.stems.occurs(in: $0.text) }
        let kept = Passage.collect(blocks, keeping: RecommendationCue.stems.occurs(in:))
        #expect(kept.map(\.text) == all.map(\.text))
        #expect(kept.map(\.block) == all.map(\.block))
        #expect(kept.map(\.lines) == all.map(\.lines))
        #expect(kept.map(\.children) == all.map(\.children))
        #expect(kept.count == 5)
        // A kept item brings its nested items with it.
        #expect(kept.last?.children.count == 2)
        // The context's first look, taken on the items' texts, keeps the same passages.
        let context = ExtractionContext(document: document, options: ExtractOptions())
        let cued = Passage.collect(
            context.blocks,
            keepingBlocks: { context.blockCues[$0] & BlockCue.recommendation != 0 }
        )
        #expect(cued.map(\.text) == kept.map(\.text))
        #expect(cued.map(\.block) == kept.map(\.block))
        #expect(cued.map(\.children) == all.map(\.children))
        // Each passage the cues keep holds a stem, so a sentence that is all of it is kept unread.
        #expect(cued.allSatisfy { RecommendationCue.stems.occurs(in: $0.text) })
    }

    /// ``Sentences/splitCharacters(_:)`` as it read the word before a stop: the sentence so far split into words.
    static func referenceSplit(_ text: String) -> [String] {
        var sentences: [String] = []
        var start = text.startIndex
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            let next = text.index(after: index)
            if ".!?".contains(character), next < text.endIndex, text[next] == " " {
                let after = text.index(after: next)
                let word = text[start..<index].split(separator: " ").last.map { $0.lowercased() } ?? ""
                let startsSentence =
                    after < text.endIndex && (text[after].isUppercase || "'\"‘“(".contains(text[after]))
                if startsSentence, !Sentences.abbreviations.contains(word), !(word.count == 1 && character == ".") {
                    sentences.append(String(text[start...index]))
                    start = after
                }
            }
            index = next
        }
        if start < text.endIndex { sentences.append(String(text[start...])) }
        return sentences.map { tidy($0) }.filter { !$0.isEmpty }
    }

    static let prose = [
        "Zoë said e.g. café. Then Bob.", "Mr. Müller came. “Yes.” Zoë left.", "A. Ökonom. B", "Ends  . Zoë",
        "Café \u{301}. Zoë", "e.g. Zoë. Ann", "Dr. Zoë. Etc. Ann.", "X . Y", " . Z", "Café. ‘Quoted’ next.",
        "Tab\tword. Zoë", "No. Zoë. No.", "\u{00A0}word. Zoë",
    ]

    @Test(arguments: prose)
    func sentencesOfAnyTextSplitAsBefore(text: String) {
        #expect(Sentences.splitCharacters(text).map(\.text) == Self.referenceSplit(text), "\(text.debugDescription)")
    }

    @Test func markersOpeningNonASCIITextAreStillFound() {
        #expect(ActionMarker.leading("Action: Zoë to write")?.text == "Zoë to write")
        #expect(ActionMarker.leading("  TODO: café menu")?.text == "café menu")
        #expect(ActionMarker.leading("**Action** Zoë to call")?.text == "Zoë to call")
        #expect(ActionMarker.leading("Action item: £5 float")?.text == "£5 float")
        #expect(ActionMarker.leading("Follow-up: Zoë")?.text == "Zoë")
        #expect(ActionMarker.leading("[NEW] Action: Zoë to go")?.text == "Zoë to go")
        #expect(ActionMarker.leading("The café – Action: no") == nil)
        #expect(ActionMarker.leading("Áction: no") == nil)
        #expect(DecisionMarker.leading("Decision: café stays")?.text == "café stays")
        #expect(DecisionMarker.leading("Resolved – £5 float")?.text == "£5 float")
        #expect(DecisionMarker.leading("It was resolved that Zoë chairs")?.text == "Zoë chairs")
        #expect(DecisionMarker.leading("AGREED Zoë chairs")?.text == "Zoë chairs")
        #expect(DecisionMarker.leading("Décision: no") == nil)
        #expect(DecisionMarker.leading("Decision\u{301}: no") == nil)
        #expect(DecisionMarker.isConsensus("Consensus is that Zoë chairs"))
        #expect(DecisionMarker.isConsensus("The consensus was – café"))
        #expect(!DecisionMarker.isConsensus("Ça: consensus is that"))
    }

    @Test func threeWordsAreCountedAsBefore() {
        for text in [
            "", "a", "a b", "a b   ", "a b c", "  a  b  c  ", "Zoë café", "Zoë café £5", "a\u{301} b", "a b \u{301}",
        ] {
            #expect(
                DecisionMarker.hasThreeWords(Substring(text)) == (text.split(separator: " ").count >= 3),
                "\(text.debugDescription)"
            )
        }
    }

    @Test func contentWordsAreCountedAsTheKeyHoldsThem() {
        for text in [
            "a b c d e f g h i", "a b c d e f g h", ":+1: :x: a b c d e f g h", ". . . a b c d e f g h",
            "é b c d e f g h i",
            "a\u{301} b c d e f g h i", " a  b  c  d  e  f  g  h  i ", "(a) [b] c! d. e f g h i", "“a” b c d e f g h",
        ] {
            let words = text.split(separator: " ").filter { !($0.count > 2 && $0.hasPrefix(":") && $0.hasSuffix(":")) }
            let content = words.filter { $0.contains { !" .![]()".contains($0) } }
            #expect(
                DecisionMarker.hasContentWords(text, moreThan: 8) == (content.count > 8),
                "\(text.debugDescription)"
            )
        }
    }

    @Test func recommendationsWithAndWithoutASpeaker() {
        #expect(
            RecommendationCue.find(in: "Members of the group said the council should act.")?.by
                == "Members of the group"
        )
        #expect(RecommendationCue.find(in: "The council should act.")?.by == nil)
        #expect(RecommendationCue.find(in: "The council should act.")?.to == nil)
        #expect(RecommendationCue.find(in: "The board said the Council should act.")?.to == "the Council")
        #expect(RecommendationCue.find(in: "Zoë said the café should open.")?.by == "Zoë")
    }

    /// ``DecisionMarker/startsWithResult(_:)`` as it read before its look at the first bytes.
    static func referenceStartsWithResult(_ text: String) -> Bool {
        let openings: Set<String> = [
            "approved", "passed", "carried", "adopted", "ratified", "rejected", "vote", "motion", "proposal",
            "resolution",
        ]
        if let first = text.split(separator: " ", maxSplits: 1).first,
            !openings.contains(first.lowercased().trimming(".,;:"))
        {
            return false
        }
        let words = text.split(separator: " ").map { $0.lowercased().trimming(".,;:") }
        guard words.count >= 2 else { return false }
        if words.count >= 3, ["approved", "passed", "carried", "adopted", "ratified", "rejected"].contains(words[0]) {
            return true
        }
        return ["vote", "motion", "proposal", "resolution", "the vote", "the motion"].contains(words[0])
            && ["passed", "carried", "approved", "adopted", "failed", "rejected", "defeated"].contains(words[1])
    }

    @Test func resultsStatedFirstAreReadAsBefore() {
        for text in [
            "Approved up to £3000 for the café", " .Approved the plan now", "“Approved” the plan now", "Vote passed",
            "Zoë approved it all", "Approvéd the plan now", ", approved the plan", "...: Carried by all",
            "MOTION CARRIED",
            "", " ", "Ratified\u{301} a b", "Rejected\r\nnow then", "Ápproved a b",
        ] {
            #expect(
                DecisionMarker.startsWithResult(text) == Self.referenceStartsWithResult(text),
                "\(text.debugDescription)"
            )
        }
    }

    @Test func motionOutcomesOfAnyTextAreRead() {
        #expect(DecisionMarker.isMotionOutcome("Motion carried – 4 votes to 0"))
        #expect(DecisionMarker.isMotionOutcome("The motion was carried") == false)
        #expect(
            !DecisionMarker.isMotionOutcome(
                "The motion carried – with thanks to Zoë’s team for all of the work on the café"
            )
        )
    }

    @Test func consecutiveWordsJoinAsBefore() {
        for text in ["Ann Lee said", "Ann  Lee said", "Zoë Åsa said", "a\u{301} b c", " x y ", "one"] {
            let words = text.split(separator: " ")
            for end in 0...words.count {
                #expect(
                    OwnerParser.joined(words[..<end]) == words[..<end].joined(separator: " "),
                    "\(text.debugDescription) \(end)"
                )
            }
        }
    }
}
