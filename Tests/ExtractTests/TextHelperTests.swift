import Testing

@testable import Extract

/// The byte-level fast paths of the text helpers give what the character-level definitions give.
@Suite struct TextHelperTests {
    static let samples = [
        "", " ", "  Ann Lee  ", "**Present:**", "Ann\tLee", "Ann  Lee", "Ann\u{00A0}Lee", " Zoë ", "-\u{301}x",
        "x-\u{301}", "\r\nAnn\r\n", "— Chair —", "‘quoted’", "...", "Ann Lee", "Ann Lee.", "Ann\u{2003}Lee ",
    ]
    static let sets = [" ", "*_#: ", " .", "-–— ", "‘’ ", "\n", " \r\n"]

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
