import Testing

@testable import Extract

/// The look at whether a line is a comma list of names, read a piece at a time off the bytes, against the reading of
/// every piece split first.
@Suite struct PeopleListLookTests {
    /// Lines of names, of entries with organisations and roles, of prose, and of tricky text.
    static let lines =
        PeopleEquivalenceTests.samples + [
            "Ann Lee, Bob Roy, Cy Dee", "Ann Lee, Bob Roy", "Ann, Bob", "Ann Lee, Bob Roy and Cy Dee",
            "Ann Lee and Bob Roy", "Ann Lee & Bob Roy, Cy Dee", "and Ann Lee, & Bob Roy, Cy Dee",
            "Chen Harris (Northfield Borough Council), Liam Kaur (Lakeside University), Helen MacLeod",
            "Oliver White, City Transport Authority - Minute Taker", "Ann Lee, Branch Librarian, Hollin Library",
            "The group welcomed the progress, and the board agreed, subject to funding and review.",
            "Zoë Ng, José Roberts, Łukasz Diaz", "Zoë Ng\u{37E} Bob Roy, Cy Dee", "Ann ,, Bob ,Cy", ", , ,", ",",
            "Ann Lee,Bob Roy,Cy Dee", "Ann Lee , Bob Roy , Cy Dee ", "Ann Lee, Bob Roy, County Fire and Rescue",
            "Ann Lee, Bob Roy, Ann and Bob", "ann lee, bob roy, cy dee", "Ann Lee, Bob Roy (Chair), Cy Dee [CD]",
            "Ann\u{301} Lee, Bob Roy, Cy Dee", "Ann Lee,\u{301} Bob Roy, Cy Dee", "Ann Lee, Bob Roy, Cy\u{A0}Dee",
            "Ann Lee, Bob Roy, Cy Dee, Treasurer", "Ann Lee, Bob Roy, 4 members of the public", "",
            "Ann Lee, Bob Roy - Chair, Cy Dee", "Ann Lee, Bob Roy-Smith, Cy Dee", "Ann Lee, Bob Roy, Cy Dee – Clerk",
            "Ann Lee, Bob Roy, Cy Dee —", "Ann Lee, Bob Roy, Cy Dee -", "Ann Lee, Bob Roy and Cy - Dee",
            "- Ann, Bob, Cy",
        ]

    @Test func readsAsEveryPieceSplitFirst() {
        for line in Self.lines {
            for allowPairs in [false, true] {
                #expect(
                    PersonEntryParser.looksLikeList(line, allowPairs: allowPairs)
                        == Self.looksLikeList(line, allowPairs: allowPairs),
                    "\(line) \(allowPairs)"
                )
            }
        }
    }

    @Test func tellsListsFromEntries() {
        #expect(PersonEntryParser.looksLikeList("Ann Lee, Bob Roy, Cy Dee"))
        #expect(PersonEntryParser.looksLikeList("Ann Lee, Bob Roy", allowPairs: true))
        #expect(!PersonEntryParser.looksLikeList("Ann Lee, Bob Roy"))
        #expect(!PersonEntryParser.looksLikeList("Oliver White, City Transport Authority - Minute Taker"))
        #expect(PersonEntryParser.looksLikeList("Ann Lee and Bob Roy and Cy Dee"))
    }

    /// The look as it read before: every piece split at the commas first, then each read in turn.
    static func looksLikeList(_ text: String, allowPairs: Bool) -> Bool {
        let outside = PersonEntryParser.Cleaned(text).outside
        let pieces = PersonEntryParser.splitTopLevel(outside, separators: PersonEntryParser.commas)
        if pieces.count < 3, !(allowPairs && pieces.count == 2),
            !pieces.contains(where: { PeopleBytes.containsBytes($0, " and ") || PeopleBytes.containsBytes($0, " & ") })
        {
            return false
        }
        var count = 0
        var allOfTwoWords = true
        for piece in pieces {
            var part = tidy(piece)
            if PeopleText.hasPrefix(part, ascii: "and ") { part = tidy(String(part.dropFirst(4))) }
            if PeopleText.hasPrefix(part, ascii: "& ") { part = tidy(String(part.dropFirst(2))) }
            if PeopleBytes.containsBytes(part, " and ") || PeopleBytes.containsBytes(part, " & ") {
                let readings =
                    [[part]] + [" and ", " & "].map { PersonEntryParser.splitTopLevel(part, phrase: $0) }
                guard
                    readings.contains(where: { parts in
                        parts.allSatisfy {
                            PersonEntryParser.isNameLike($0, allowLowercase: false)
                                && !PersonEntryParser.isDescription($0)
                        }
                    })
                else { return false }
            }
            for part in PersonEntryParser.splitConjunction(part) {
                guard PersonEntryParser.isNameLike(part, allowLowercase: false), !PersonEntryParser.isDescription(part)
                else { return false }
                count += 1
                allOfTwoWords = allOfTwoWords && PeopleText.wordCount(part) >= 2
            }
        }
        return count >= 3 || (allowPairs && count == 2 && allOfTwoWords)
    }
}
