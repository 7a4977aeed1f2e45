import Ingest
import Testing

@testable import Extract

/// Word looks of the finders read on the bytes against the same looks read as characters, on tricky text: non-ASCII
/// letters, curly quotes, combining marks, NBSP, CRLF, capitals.
struct FinderBytesWordTests {
    static let connectorWords = [
        "", "of", "Of", "OF", "the", "The", "van", "Van", "vän", "de", "dé", "de\u{301}", "the\u{00A0}", "of\r\n",
        "ofx", "o", "and", "&", "at", "ａt", "bin", "din", "le’", "la", "\u{212A}", "in", "on", "al", "dos", "do",
    ]

    @Test(arguments: connectorWords)
    func connectorsAreFoundOnBytesAsInTheSet(word: String) {
        #expect(OwnerParser.isConnector(word) == OwnerParser.connectors.contains(word), "\(word.debugDescription)")
        let inside = Substring("x \(word) y").dropFirst(2).dropLast(2)
        #expect(OwnerParser.isConnector(inside) == OwnerParser.connectors.contains(String(inside)))
    }

    static let parts = [
        "members of the RR3 SIG", "Members Of The SIG", "members OF the SIG", "Ann van Lee", "Ann Van Lee",
        "Ann vän Lee", "Ann of", "Ann Of", "Ann the", "Zoë de la Cruz", "Zoë de\u{301} la Cruz", "Ann\u{00A0}of Lee",
        "the café team", "Thé team", "Ann and", "Ann & Bob", "Ann\r\nof", "Ann ＬＥＥ", "Ann l’Lee",
    ]

    @Test(arguments: parts)
    func ownerPartsWithConnectorsAreReadAsBefore(part: String) {
        #expect(
            OwnerParser.isOwnerPart(part) == FinderBytesTests.referenceIsOwnerPart(part),
            "\(part.debugDescription)"
        )
    }

    static let keys = [
        "", "actions", "action items", "next steps", "follow-ups", "to do", "to-do", "todo", "tasks", "ai",
        "decisions", "resolutions", "resolved", "agreements", "outcome", "conclusions", "motion", "notes", "a i",
        "acti on", "decisions and actions", "ACTIONS", "Decisions", "décisions", "action\u{301}s", "follow\u{00A0}up",
        "next\r\nsteps", "‘actions’", "x", "aim", "said", "motions carried", "reso lution",
    ]

    @Test(arguments: keys)
    func headingWordsAreFoundInOnePassAsOneByOne(key: String) {
        // Keys are lower case: there the look in one pass finds what the looks one by one find; on other text it
        // finds at least as much, so it passes over no heading.
        let lower = key.lowercased()
        let plain = TextSearch.isPlainASCII(lower)
        #expect(
            ActionMarker.mayNameActions(lower) == (!plain || TextSearch.containsAny(lower, ActionMarker.headingWords))
        )
        #expect(
            DecisionMarker.headingWordSearch.occurs(in: lower)
                == TextSearch.containsAny(lower, DecisionMarker.headingWords)
        )
        #expect(
            ActionMarker.combinedDecisionSearch.occurs(in: lower)
                == TextSearch.containsAny(lower, ActionMarker.combinedDecisionWords)
        )
        if TextSearch.containsAny(key, ActionMarker.headingWords) { #expect(ActionMarker.mayNameActions(key)) }
        if TextSearch.containsAny(key, DecisionMarker.headingWords) {
            #expect(DecisionMarker.headingWordSearch.occurs(in: key))
        }
    }
}
