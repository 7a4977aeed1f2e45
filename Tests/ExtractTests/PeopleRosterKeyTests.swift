import Testing

@testable import Extract

/// The key a roster compares names by, read on the bytes of ASCII and Latin names, against the key read by the words
/// of the name lowered.
@Suite struct PeopleRosterKeyTests {
    /// Names of ASCII, Latin-1 and Latin Extended-A letters, with honorifics, punctuation and characters beyond them.
    static let names =
        PeopleEquivalenceTests.samples + [
            "Zoë Brown", "Łukasz Diaz", "Siobhán O’Brien", "Cllr Ángel Núñez", "ÀÉÎÕÜ Þorn", "Ann × Bob", "Ann ÷ Bob",
            "Ann–Lee", "Ann—Lee", "Dr. Ÿves", "İpek Öz", "Ŀuis", "Mr", "Dr Prof", "ß Straße", "Ann\r\nLee", "José’s",
            "µ Ann", "", "@handle", "Revd Chen Lindqvist", "ĲSSEL", "Ŋ Ž ž", "Œuvre", "Ann‘Lee’", "Ann…Lee", "Ann‐Lee",
            "Dr Zoë", "Zoë Dr", "ÉMILE ZOLA", "Ǆ", "Ann\u{301} Lee", "Ann 山田", "Ann\u{2028}Lee", "Ann\u{202E}Lee",
        ]

    @Test func keysAsTheWordsLowered() {
        for name in Self.names {
            #expect(PersonRoster.key(name) == Self.key(name), "\(name)")
        }
    }

    @Test func keysLatinNames() {
        #expect(PersonRoster.key("Cllr Ángel Núñez") == "ángel núñez")
        #expect(PersonRoster.key("Łukasz O’Brien") == "łukasz obrien")
        #expect(PersonRoster.key("Ann × Bob") == "ann bob")
    }

    /// The key read by the words of the name lowered, as names beyond ASCII and Latin are read.
    static func key(_ name: String) -> String {
        let words = PersonRoster.keyWords(PeopleText.lowercased(name))
        let filtered = words.filter { !PeopleWords.honorifics.contains($0) }
        return (filtered.isEmpty ? words : filtered).joined(separator: " ")
    }
}
