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

@Suite struct PlainASCIITests {
    @Test func plainASCIIMeansOneByteACharacter() {
        #expect(TextSearch.isPlainASCII("Ann Lee: 3 items"))
        #expect(TextSearch.isPlainASCII(""))
        #expect(!TextSearch.isPlainASCII("Zoë"))
        #expect(!TextSearch.isPlainASCII("line\r\nbreak"))
        #expect(TextSearch.isPlainASCII("Ann Lee"[...]))
    }

    @Test(arguments: ["", " ", "a", " a  b ", "one two three", "x\ty z"])
    func wordCountMatchesSplit(text: String) {
        #expect(TextSearch.wordCount(text) == text.split(separator: " ").count)
        #expect(TextSearch.wordCount(text[...]) == text.split(separator: " ").count)
    }

    @Test func wordCountLeavesOtherTextToCharacters() {
        #expect(TextSearch.wordCount("a \u{301}b") == nil)
    }

    @Test func lowerCasedLooksMatchLowercased() {
        #expect(TextSearch.lowercasedHasPrefix("MOTION BY Ann", ["motion by "]))
        #expect(!TextSearch.lowercasedHasPrefix("Ann", ["motion by "]))
        #expect(TextSearch.lowercasedHasPrefix("ÉTAT: x", ["état"]))
        #expect(TextSearch.lowercasedContains("Held on ZOOM", ["zoom"]))
        #expect(TextSearch.lowercasedContains("Réunion via ZOOM", ["zoom"]))
        #expect(!TextSearch.lowercasedContains("In the hall", ["zoom"]))
    }

    @Test func byteOffsetFindsTheFirstMatch() {
        #expect(TextSearch.byteOffset(of: "ab", in: "xxabab") == 2)
        #expect(TextSearch.byteOffset(of: "ab", in: "xx") == nil)
        #expect(TextSearch.byteOffset(of: "", in: "xx") == 0)
    }
}
