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

    /// The in-place comparison is the comparison of the bytes as collections, on every pair of tricky strings.
    @Test func bytesCompareInPlaceAsCollectionsDo() {
        let texts = [
            "", "a", "ab", "Zoë", "Zoe\u{308}", "“curly”", "\"curly\"", "a\u{A0}b", "a b", "crlf\r\n", "crlf\n",
            "👩🏽‍⚕️", "🇬🇧", String(repeating: "long ", count: 50), String(repeating: "long ", count: 50) + "!",
        ]
        var bytes: [UInt8] = []
        var ranges: [Range<Int>] = []
        for text in texts {
            let start = bytes.count
            bytes += Array(text.utf8)
            ranges.append(start..<bytes.count)
        }
        for range in ranges {
            for text in texts + [String(decoding: [0x61, 0xFF], as: UTF8.self)] {
                #expect(StringTable.same(bytes, range, text) == bytes[range].elementsEqual(text.utf8), "\(text)")
            }
        }
        // A string decoded from bytes elsewhere, compared by its bytes.
        let bridged = String(decoding: Array("Zoë".utf8), as: UTF8.self)
        #expect(StringTable.same(Array("xZoë".utf8), 1..<5, bridged))
        #expect(!StringTable.same(Array("xZoe".utf8), 1..<4, bridged))
    }
}
