import Testing

@testable import Extract

@Suite struct StringTableTests {
    @Test func stringsReadBackByNumberInTheOrderAdded() {
        var table = StringTable()
        let strings = ["", "Alice", "Zoë", "👩🏽‍⚕️ nurse", String(repeating: "long ", count: 400), "Alice"]
        let numbers = strings.map { table.append($0) }
        #expect(numbers == Array(0..<Int32(strings.count)))
        #expect(numbers.map { table[$0] } == strings)
        #expect(table.count == strings.count)
    }

    @Test func internGivesOneNumberPerDistinctStringAsADictionaryWould() {
        var table = StringTable()
        var reference: [String: Int32] = [:]
        // Canonically equal spellings ("é" composed and decomposed) are one string, as in a dictionary.
        let words = ["chair", "Chair", "café", "cafe\u{301}", "chair", "", "secretary", "café"]
        for word in words {
            let number = table.intern(word)
            if let known = reference[word] { #expect(number == known) } else { reference[word] = number }
        }
        #expect(table.count == Set(words).count)
        #expect(table.number(of: "treasurer") == nil)
        #expect(table.number(of: "secretary").map { table[$0] } == "secretary")
    }

    @Test func appendedStringsAreNotFoundByText() {
        var table = StringTable()
        table.append("minutes")
        #expect(table.number(of: "minutes") == nil)
        #expect(table.intern("minutes") == 1)
    }
}
