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

    /// Buffers of exactly their text's size: no byte past the end is read (AddressSanitizer runs would report it).
    @Test func vocabularyReadsNoByteBeyondItsBuffer() {
        let vocabulary = TextSearch.Vocabulary(["carried", "ab"])
        for count in 1...24 {
            for last in [UInt8(ascii: "x"), UInt8(ascii: "a")] {
                let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: count)
                defer { buffer.deallocate() }
                buffer.initialize(repeating: UInt8(ascii: "x"))
                buffer[count - 1] = last
                #expect(!vocabulary.occurs(in: UnsafeBufferPointer(buffer)), "\(count)")
            }
        }
    }

    /// Two-byte words looked for apart are found at every place of texts of 2 to 24 bytes, the last place among
    /// them.
    @Test func shortWordsAreFoundAtEveryPlace() {
        for (words, short) in [(["+1", "carried"], "+1"), (["by", "before", "until"], "By"), (["ok", "x:"], "x:")] {
            let vocabulary = TextSearch.Vocabulary(words)
            for count in 2...24 {
                for place in 0...(count - 2) {
                    var text = String(repeating: "-", count: count)
                    let start = text.index(text.startIndex, offsetBy: place)
                    text.replaceSubrange(start..<text.index(start, offsetBy: 2), with: short)
                    #expect(vocabulary.occurs(in: text), "\(text)")
                    let cut = String(text.prefix(place + 1)) + "-" + String(text.dropFirst(place + 1))
                    #expect(vocabulary.occurs(in: cut) == words.contains { cut.lowercased().contains($0) }, "\(cut)")
                }
            }
        }
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

/// The fast byte searches against plain readings of what they promise, on many small random texts.
@Suite struct TextSearchAgreementTests {
    /// Pieces that random texts are made of: ASCII in both cases, CR, and multi-byte characters.
    private static let pieces = [
        "a", "B", "c", "re", "RE", "ab", "x", " ", "\r", "\n", "é", "É", "ß", "İ", "\u{301}", "\u{212A}", ";",
        "\u{37E}",
        "+", "1", "0123456", "agreed", "AGREED", "resolve",
    ]

    private static func texts(count: Int) -> [String] {
        var generator = SplitMix(seed: 7)
        return (0..<count).map { _ in
            (0..<Int.random(in: 0...24, using: &generator))
                .map { _ in pieces[Int.random(in: 0..<pieces.count, using: &generator)] }
                .joined()
        }
    }

    @Test func vocabularyFindsWhatALowerCasedSearchFinds() {
        let words = ["re", "agreed", "b", "x1", "éa", "+"]
        let vocabulary = TextSearch.Vocabulary(words)
        let pairsOnly = TextSearch.Vocabulary(["re", "agreed", "x1", "ab"])
        let shared = [" re ", " ab", " x", "ab", "abc", "re1", "agreed a"]  // words that share their first bytes
        let sharing = TextSearch.Vocabulary(shared)
        for text in Self.texts(count: 3000) {
            let lowered = String(decoding: text.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
            let bytes = Array(lowered.utf8)
            func holds(_ word: String) -> Bool {
                let pattern = Array(word.utf8)
                return bytes.count >= pattern.count
                    && (0...(bytes.count - pattern.count)).contains {
                        bytes[$0..<$0 + pattern.count].elementsEqual(pattern)
                    }
            }
            #expect(vocabulary.occurs(in: text) == words.contains(where: holds), "\(text.debugDescription)")
            #expect(pairsOnly.occurs(in: text) == ["re", "agreed", "x1", "ab"].contains(where: holds))
            #expect(sharing.occurs(in: text) == shared.contains(where: holds))
        }
    }

    /// Vocabularies whose shortest words are long sample every second, third or sixth place; two-byte words with
    /// one or two first bytes are looked for apart: each finds what a plain search finds, at any offset and length.
    @Test func sampledVocabularyFindsWhatALowerCasedSearchFinds() {
        let lists = [
            ["agreed", "resolve", "decision", "+1"],
            ["agreed", "resolve", "bé"],
            ["ab", "Ab", "resolve"],  // `Ab` is no lower-case word: it is never found
            ["abc", "ree", "a1;"],
            ["agreed"],
            ["é\u{301}x", "agreed", ";;"],
            ["re", "ab", "agreed", "resolve"],
            ["1", "resolve", "+1"],
        ]
        let vocabularies = lists.map { TextSearch.Vocabulary($0) }
        // All the lists in one vocabulary, list n answering with bit n.
        let together = TextSearch.Vocabulary(lists: lists)
        for text in Self.texts(count: 3000) {
            let lowered = Array(text.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 })
            func holds(_ word: String) -> Bool {
                let pattern = Array(word.utf8)
                return lowered.count >= pattern.count
                    && (0...(lowered.count - pattern.count)).contains {
                        lowered[$0..<$0 + pattern.count].elementsEqual(pattern)
                    }
            }
            var bits: UInt8 = 0
            for (number, list) in lists.enumerated() where list.contains(where: { $0 == $0.lowercased() && holds($0) })
            {
                bits |= 1 << UInt8(number)
            }
            #expect(together.matches(in: text) == bits, "\(text.debugDescription)")
            for (list, vocabulary) in zip(lists, vocabularies) {
                let expected = list.contains { $0 == $0.lowercased() && holds($0) }
                #expect(vocabulary.occurs(in: text) == expected, "\(list) \(text.debugDescription)")
                // Every suffix, so that each word stands at every offset from the sampled places.
                for drop in 1..<min(6, text.utf8.count + 1) {
                    let rest = Array(text.utf8.dropFirst(drop))
                    let restLowered = Array(lowered.dropFirst(drop))
                    let restExpected = list.contains { word in
                        let pattern = Array(word.utf8)
                        return word == word.lowercased() && restLowered.count >= pattern.count
                            && (0...(restLowered.count - pattern.count)).contains {
                                restLowered[$0..<$0 + pattern.count].elementsEqual(pattern)
                            }
                    }
                    #expect(rest.withUnsafeBufferPointer { vocabulary.occurs(in: $0) } == restExpected)
                }
            }
        }
    }

    @Test func plainASCIIIsNoByteAbove127AndNoCR() {
        for text in Self.texts(count: 3000) {
            let expected = text.utf8.allSatisfy { $0 < 0x80 && $0 != 0x0D }
            #expect(TextSearch.isPlainASCII(text) == expected)
            #expect(
                TextSearch.isPlainASCII(text.dropFirst())
                    == text.dropFirst().utf8.allSatisfy { $0 < 0x80 && $0 != 0x0D }
            )
        }
    }

    @Test func lowerCasedPrefixSaysWhatLowercasedSays() {
        let prefixes = ["re", "k", "ab", "é", "i", "\n", "b"]
        for text in Self.texts(count: 3000) {
            for prefix in prefixes {
                #expect(TextSearch.lowercasedHasPrefix(text, [prefix]) == text.lowercased().hasPrefix(prefix))
            }
            #expect(
                TextSearch.lowercasedHasPrefix(text, prefixes) == prefixes.contains { text.lowercased().hasPrefix($0) }
            )
        }
    }

    /// ``TextSearch/contains(_:_:ignoringCase:)``, which passes over eight places at a time, against a plain search
    /// of the bytes (lowered for `ignoringCase`), for needles at every offset of texts of every length.
    @Test func containsFindsWhatAPlainSearchFinds() {
        let needles = ["re", "agreed", "a", "é", ";", "b ", "x1", "\r\n", "résolve", "ab", "zz"]
        for text in Self.texts(count: 3000) {
            let bytes = Array(text.utf8)
            let lowered = bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
            for needle in needles {
                let pattern = Array(needle.utf8)
                func holds(_ haystack: [UInt8]) -> Bool {
                    haystack.count >= pattern.count
                        && (0...(haystack.count - pattern.count)).contains {
                            haystack[$0..<$0 + pattern.count].elementsEqual(pattern)
                        }
                }
                #expect(TextSearch.contains(text, needle) == holds(bytes), "\(text.debugDescription) \(needle)")
                #expect(
                    TextSearch.contains(text, needle, ignoringCase: true) == holds(lowered),
                    "\(text.debugDescription) \(needle)"
                )
            }
        }
    }

    /// The first look of ``TextSearch/lowercasedContains(_:_:)`` holds: lower-casing makes ASCII bytes of no scalar
    /// from U+0080 but U+0130 and U+212A.
    @Test func onlyTwoScalarsLowerCaseToASCII() {
        var found: [UInt32] = []
        // No scalar above U+1FFFF has a case mapping.
        for value in UInt32(0x80)...0x1FFFF {
            guard let scalar = Unicode.Scalar(value), scalar.properties.changesWhenLowercased else { continue }
            if String(scalar).lowercased().utf8.contains(where: { $0 < 0x80 }) { found.append(value) }
        }
        #expect(found == [0x130, 0x212A])
        #expect(TextSearch.mayLowerCaseToASCII("x\u{130}"))
        #expect(TextSearch.mayLowerCaseToASCII("\u{212A}"))
        #expect(!TextSearch.mayLowerCaseToASCII("\u{2013} \u{2019} \u{C4}"))
    }

    @Test func lowerCasedContainsSaysWhatLowercasedSays() {
        let needles = ["re", "k", ";", "a ", "ss", "i"]
        for text in Self.texts(count: 3000) {
            for needle in needles {
                #expect(TextSearch.lowercasedContains(text, [needle]) == text.lowercased().contains(needle))
            }
        }
    }
}
