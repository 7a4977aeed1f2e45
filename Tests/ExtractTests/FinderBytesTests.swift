import Ingest
import Testing

@testable import Extract

/// The record finders' looks on the bytes against the same looks read as characters, on tricky text: non-ASCII
/// letters, curly quotes, combining marks, NBSP, CRLF.
struct FinderBytesTests {
    static let words = [
        "", "by", "By,", "(BY)", "[due]", "deadline:", "\"Friday\"", "“Friday”", "Friday’s", "‘June’", "Zoë.",
        "e\u{301}.",
        "K", "\u{212A}", "ＢＹ", "by\u{00A0}", "by\r\n", ".,;", "((", "'tis", "30th,", "2021-05-01).", "İ", "ǅ",
    ]

    @Test(arguments: words)
    func dueDateWordsAreBareOnBytesAsByCharacters(word: String) {
        #expect(DueDates.bare(Substring(word)) == DueDates.bareByCharacters(word), "\(word.debugDescription)")
        let inside = Substring("x \(word) y").dropFirst(2).dropLast(2)
        #expect(DueDates.bare(inside) == DueDates.bareByCharacters(inside), "\(word.debugDescription)")
    }

    @Test(arguments: words + ["Ann,", "(Bob)", "“Cy”", "'Di'", "Ed;:", "Fay\r\n,", ",\r\n", "ÉA.", "x\u{301},"])
    func recommendationWordsAreLoweredOnBytesAsByCharacters(word: String) {
        #expect(
            RecommendationCue.lowered(Substring(word)) == RecommendationCue.loweredByCharacters(Substring(word)),
            "\(word.debugDescription)"
        )
    }

    static let openings = [
        "", "Decision: x", "DECISION x", "decided", "Resolved, x", "It was resolved that", "it WAS resolved", "Agreed.",
        "Decisão: x", "Décision", "K", "\u{212A}", "Decision\u{301}: x", "Decision\r\n", "ｄecision", "Outcome",
        "Motion carried", "Resolution", "Decisions", "Consensus:", "x",
    ]

    @Test(arguments: openings)
    func decisionKeywordsOpenOnBytesAsBefore(text: String) {
        let letters = text.utf8.prefix { PeopleText.isLetter($0) }
        let expected =
            TextSearch.hasPrefix(text, ignoringCase: "it was resolved")
            || DecisionMarker.keywords.contains(String(decoding: letters.map { $0 | 0x20 }, as: UTF8.self))
        #expect(DecisionMarker.mayOpenWithKeyword(text) == expected, "\(text.debugDescription)")
    }

    static let consensusTexts = [
        "", "The consensus is to wait", "THE CONSENSUS WAS x", "There is consensus", "there was consensus on x",
        "General consensus: yes", "Consensus reached", "consensus that x", "Tconsensus", "Thé consensus is",
        "T\u{301}he consensus is", "\u{212A}onsensus", "İt", "Ｔhe consensus is", "The\u{00A0}consensus is",
        "The consensus\r\nis", "Gen consensus", "c", "The",
    ]

    @Test(arguments: consensusTexts)
    func consensusOpeningsAreReadAsBefore(text: String) {
        let expected =
            ["c", "C", "t", "T", "g", "G"].contains { text.hasPrefix($0) }
            && DecisionMarker.consensusOpenings.contains { text.lowercased().hasPrefix($0) }
        #expect(DecisionMarker.isConsensus(text) == expected, "\(text.debugDescription)")
    }

    static let dashTexts = [
        "", "Priya - chase legal", "Priya – chase legal", "Priya — chase legal", "Marco & Tobias - add the flag",
        "Translations - Need to fix", "Paste - plan - share - Emma", "Priya-chase legal", "Zoë - chase legal",
        "Zoë – chase – legal", "Ann Lee - write it", "Ann\u{00A0}Lee - write it", "Ann - Écrire", "Ann -\r\nwrite",
        "**Ann** - write", "Ann - ", " - write", "Ann – Bob - write", "the team - write",
    ]

    @Test(arguments: dashTexts)
    func dashLabelsAreReadAsBefore(text: String) {
        let found = OwnerParser.dashLabel(of: text)
        let expected = Self.referenceDashLabel(text)
        #expect(found?.owners == expected?.owners, "\(text.debugDescription)")
        #expect(found?.rest == expected?.rest, "\(text.debugDescription)")
    }

    /// ``OwnerParser/dashLabel(of:)`` as it read before: each dash by characters.
    static func referenceDashLabel(_ text: String) -> (owners: [String], rest: String)? {
        for dash in [" – ", " — ", " - "] {
            let parts = text.split(separator: dash, omittingEmptySubsequences: false)
            guard parts.count == 2 else { continue }
            let label = parts[0].trimming(" *_")
            let rest = parts[1].trimming(" ")
            guard let first = rest.first, first.isLowercase, !label.contains(" - "), !label.contains(" – "),
                let owners = OwnerParser.ownerList(label), owners.count <= 6,
                owners.allSatisfy(OwnerParser.isPersonalName)
            else { return nil }
            return (owners, rest)
        }
        return nil
    }

    static let lastSentences = [
        "", ".", "A.", "One. Two", "One.  Two  ", "  One. Two.  ", "Vote: 5-0. Timeline approved.", "3.3 and 4",
        "Why? Because!", "a.b.c", "One.\u{00A0}Two.", "Zoë said. Café.", "One. Two\u{301}.", "One.\r\nTwo.",
        "One . Two . ", "...", "Done!. x", "No stop here",
    ]

    @Test(arguments: lastSentences)
    func lastSentencesAreCutOnBytesAsByCharacters(text: String) {
        let found = DecisionMarker.lastSentence(text)
        let expected = DecisionMarker.lastSentenceByCharacters(text)
        #expect(found?.before == expected?.before, "\(text.debugDescription)")
        #expect(found?.sentence == expected?.sentence, "\(text.debugDescription)")
    }

    static let nothings = [
        "", " ", "-", "None", "none.", "N/A", "na", "TBD", "tbc", "Nothing new", "No action", "- none -",
        ". . Nothing", "No new decision", "Note this", "To do", "Ann to write", "—", "– none", "Ñone", "None\u{301}",
        "None\r\n", "\u{00A0}None", "!!", "...x", "No outstanding items",
    ]

    @Test(arguments: nothings)
    func nothingIsReadOnBytesAsByCharacters(text: String) {
        #expect(ActionFinder.isNothing(text) == ActionFinder.isNothingByCharacters(text), "\(text.debugDescription)")
    }

    static let phrases = [
        "", ".", "by 30 May.", "by 30 May).", "by Friday;:)]", "by Friday.\u{301}", "by Zoë’s day.", "by 1 June\r\n.",
        "by 1 June.\r\n", "by\u{00A0}June.", "by ). ", "by “June”.", ".,;:)]",
    ]

    @Test(arguments: phrases)
    func dueDatePhrasesEndAsByCharacters(phrase: String) {
        let set = ".,;:)]"
        #expect(
            DueDates.trimEnd(phrase, set) == DueDates.trimEndByCharacters(phrase, set),
            "\(phrase.debugDescription)"
        )
    }

    static let ownerWords = [
        "", "team", "Team", "TEAM", "teams,", "co-chairs", "Co-Chairs", "the", "The", "THE", "thé", "the\u{301}",
        "all", "All", "ALL", "everyone", "Everybody", "need", "Need", "K", "\u{212A}", "ｔｅａｍ", "team\r\n", "İ",
        "Zoë", "needs", "Needs", "remaining", "e.g.", "E.G.", "let's", "let’s", "no-one", "member\u{00A0}",
    ]

    @Test(arguments: ownerWords)
    func ownerWordListsAreReadOnBytesAsByCharacters(word: String) {
        #expect(
            OwnerParser.holds(OwnerParser.teamNouns, OwnerParser.teamNounBytes, word)
                == OwnerParser.teamNouns.contains(word.lowercased()),
            "\(word.debugDescription)"
        )
        #expect(
            OwnerParser.holds(OwnerParser.teamNouns, OwnerParser.teamNounBytes, Substring(word))
                == OwnerParser.teamNouns.contains(word.lowercased()),
            "\(word.debugDescription)"
        )
    }

    static let parts = [
        "", "Ann", "the team", "The Team", "All", "ALL", "all members", "Each member", "Zoë and the café team",
        "probation reform team", "MoJ/HMPPS probation reform team", "members of the RR3 SIG", "The\u{00A0}Team",
        "Thé team", "need team", "Ann Need", "Ann the", "the", "Team", "Co-Chairs", "ＴＥＡＭ", "Ann\r\nLee",
    ]

    @Test(arguments: parts)
    func ownerPartsAreReadAsBefore(part: String) {
        #expect(OwnerParser.isOwnerPart(part) == Self.referenceIsOwnerPart(part), "\(part.debugDescription)")
    }

    /// ``OwnerParser/isOwnerPart(_:)`` as it read before its looks on the bytes.
    static func referenceIsOwnerPart(_ part: String) -> Bool {
        let tokens = OwnerParser.words(of: part)
        guard (1...7).contains(tokens.count), let first = tokens.first, let last = tokens.last else { return false }
        let teamNouns = OwnerParser.teamNouns
        if tokens.count == 1 {
            if OwnerParser.isHandle(first) { return true }
            if ["all", "everyone", "everybody"].contains(first.lowercased()) { return true }
        }
        let firstLower = first.lowercased()
        guard
            OwnerParser.isCapitalised(first) || OwnerParser.isHandle(first) || teamNouns.contains(firstLower)
                || firstLower == "the"
        else { return false }
        if referenceIsNotName(first) { return false }
        if tokens.count == 1, first.count < 2 { return false }
        let connectors: Set<String> = [
            "of", "the", "for", "and", "de", "van", "von", "der", "den", "da", "du", "la", "le", "del", "di", "dos",
            "bin", "al", "in", "on", "at",
        ]
        if connectors.contains(last) { return false }
        if ["all", "each", "every", "both", "other", "remaining"].contains(firstLower), tokens.count <= 3,
            tokens.dropFirst().allSatisfy({ $0.allSatisfy { $0.isLetter || $0 == "-" } })
        {
            return true
        }
        var offset = 0
        while offset < tokens.count {
            let token = tokens[offset]
            let lower = token.lowercased()
            offset += 1
            if OwnerParser.isHandle(token) || connectors.contains(token) || (offset > 1 && lower == "the")
                || teamNouns.contains(lower)
            {
                continue
            }
            if OwnerParser.isCapitalised(token) {
                if offset > 1, referenceIsNotName(token), !teamNouns.contains(lower) { return false }
                continue
            }
            var run = offset - 1
            func isPlainWord(_ token: String) -> Bool {
                token.first?.isLowercase == true && token.allSatisfy { $0.isLetter || $0 == "-" || $0 == "'" }
            }
            while run < tokens.count, isPlainWord(tokens[run]), !teamNouns.contains(tokens[run].lowercased()) {
                if OwnerParser.notNames.contains(tokens[run].lowercased()) { return false }
                run += 1
            }
            guard run > offset - 1, run - (offset - 1) <= 3, run < tokens.count,
                teamNouns.contains(tokens[run].lowercased())
            else { return false }
            offset = run
        }
        return true
    }

    /// ``OwnerParser/isNotName(_:)`` as it read before its look on the bytes.
    static func referenceIsNotName(_ token: String) -> Bool {
        if OwnerParser.isInitials(token) { return OwnerParser.isNotName(token) }  // initials are read as before
        return OwnerParser.notNames.contains(token.lowercased())
    }

    @Test(arguments: ownerWords + parts)
    func notNamesAreReadOnBytesAsByCharacters(word: String) {
        guard !OwnerParser.isInitials(word) else { return }
        #expect(
            OwnerParser.isNotName(word) == OwnerParser.notNames.contains(word.lowercased()),
            "\(word.debugDescription)"
        )
    }

    static let lines = [
        "", "via Zoom", "Via zoom", "VIA ZOOM", "21 April, via video call", "21 April, via  video call",
        "21 April,  Video   Call", "15:00, Microsoft Teams", "Town Hall, Room 3", "Zoë’s café, via Zoom",
        "Online", "online, 3pm", "21 April\u{00A0}, via Zoom", "21 April,\r\nvia Zoom", "21 April, vi\u{301}a Zoom",
        "Lunch, zoom", "10 May, online", "a, b, c", " via Zoom ", "via", "21 April, Jitsi\t", "x,via Skype",
    ]

    @Test(arguments: lines)
    func placesAreFoundAsPartByPart(line: String) {
        #expect(
            MetadataExtractor.place(in: line) == MetadataExtractor.placeByParts(in: line),
            "\(line.debugDescription)"
        )
    }
}
