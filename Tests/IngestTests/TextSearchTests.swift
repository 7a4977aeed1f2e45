import Testing

@testable import Ingest

@Suite struct TextSearchTests {
    @Test(arguments: [
        ("The motion was CARRIED", true),
        ("Decisions", true),
        ("carr", false),
        ("", false),
        ("Ann to write the report", false),
        ("résumé of the Résolution", true),
        ("a+1", true),
    ])
    func vocabularyFindsAnyWordInAnyCase(text: String, expected: Bool) {
        let vocabulary = TextSearch.Vocabulary(["carried", "decision", "résolution", "+1"])
        #expect(vocabulary.occurs(in: text) == expected)
    }

    @Test func vocabularyMatchesAtTheVeryEnd() {
        let vocabulary = TextSearch.Vocabulary(["ab", "b"])
        #expect(vocabulary.occurs(in: "xab"))
        #expect(vocabulary.occurs(in: "b"))
        #expect(!vocabulary.occurs(in: "xa"))
    }

    @Test func prefixIgnoresTheCaseOfASCIILetters() {
        #expect(TextSearch.hasPrefix("APOLOGIES from Ann", ignoringCase: "apologies"))
        #expect(TextSearch.hasPrefix("Apologies", ignoringCase: "apologies"))
        #expect(!TextSearch.hasPrefix("Apology", ignoringCase: "apologies"))
        #expect(!TextSearch.hasPrefix("", ignoringCase: "a"))
        #expect(TextSearch.hasPrefix("", ignoringCase: ""))
    }
}
