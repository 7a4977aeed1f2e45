import Testing

@testable import Ingest

/// The first look a ``TextSearch/Vocabulary`` takes at three bytes of each sampled place passes over no word: on
/// long texts with words of the extractors' lists at every offset, in both cases, beside non-ASCII letters, curly
/// quotes, combining marks, NBSP and CRLF, it finds what a plain lower-cased search finds.
@Suite struct VocabularyTripleTests {
    /// Lists like the extractors' first look: a three-byte word with a colon, two-byte and four-byte words.
    private static let lists = [
        ["decision", "resolv", "agree", "outcome", "lost", "+1", "carried", "objection"],
        ["should", "must", "ought", "urge", "call", "propose"],
        ["action", "ai:"],
    ]

    /// Pieces that texts are made of, words of the lists cut short among them.
    private static let pieces = [
        "a", "I", "i", ":", "AI:", "Ai:", "ai", "ca", "CALL", "cal", "lOSt", "los", "MUST", "mus", "urg", "URGE", "+",
        "1", "+1", " ", "\r\n", "\u{A0}", "\u{2019}", "\u{201C}", "é", "\u{301}", "\u{212A}", "ß", "İ", "agreed",
        "AGRE", "Decision", "resolv", "RESOLVED", "ought", "shoul", "action", "actio", "x", "-", "0123456",
    ]

    @Test func tripleLookFindsWhatAPlainSearchFinds() {
        Self.check(lists: Self.lists, pieces: Self.pieces, seed: 11)
    }

    /// Two-byte words looked for apart, started by two bytes (a letter in either case), among words of three bytes
    /// and more: each place of either byte is read, up to the end.
    @Test func twoFirstBytesAreBothLookedFor() {
        Self.check(
            lists: [["by", "before", "due"], ["deadline", "until"], ["later"]],
            pieces: [
                "b", "B", "y", "Y", "by", "BY", "bY", "By", "due", "DUE", "du", "until", "unti", "dead", "line",
                "LATER",
                "late", "before", "befor", " ", "\r\n", "\t", "\u{A0}", "é", "\u{301}", "ß", "x", "-", "",
            ],
            seed: 12
        )
    }

    /// Lists whose shortest word of three bytes and more is five or six bytes long, so that the places sampled stand
    /// four or five bytes apart: words at the very start and end of the text, in both cases, beside bytes from 0x80.
    @Test func widerStepsPassOverNoWord() {
        let pieces = [
            "by", "BY", "b", "y", "until", "UNTIL", "Until", "unti", "ntil", "deadline", "DEADLINE", "deadlin",
            "eadline", "minutes", "MINUTES", "minute", "inutes", "agreed", "AGREED", "agree", "greed", " ", "\r\n",
            "\t", "\u{A0}", "\u{2019}", "\u{E9}", "\u{301}", "\u{212A}", "\u{10348}", "x", "-", "",
        ]
        Self.check(lists: [["by", "deadline"], ["until"]], pieces: pieces, seed: 13)
        Self.check(lists: [["minutes", "agreed"]], pieces: pieces, seed: 14)
    }

    /// Checks that `lists` answer in random texts of `pieces`, each suffix of each, what a plain lower-cased search
    /// finds.
    private static func check(lists: [[String]], pieces: [String], seed: UInt64) {
        var generator = SplitMix(seed: seed)
        let vocabulary = TextSearch.Vocabulary(lists: lists)
        for _ in 0..<4000 {
            let count = Int.random(in: 0...40, using: &generator)
            let text = (0..<count).map { _ in pieces[Int.random(in: 0..<pieces.count, using: &generator)] }
                .joined()
            // Every suffix, so that each word stands at every offset from the sampled places.
            for drop in 0..<min(4, text.utf8.count + 1) {
                let bytes = Array(text.utf8.dropFirst(drop))
                let lowered = bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
                var expected: UInt8 = 0
                for (number, list) in lists.enumerated() {
                    let holds = list.contains { word in
                        let pattern = Array(word.utf8)
                        return lowered.count >= pattern.count
                            && (0...(lowered.count - pattern.count)).contains {
                                lowered[$0..<$0 + pattern.count].elementsEqual(pattern)
                            }
                    }
                    if holds { expected |= 1 << UInt8(number) }
                }
                let found = bytes.withUnsafeBufferPointer { vocabulary.matches(in: $0) }
                #expect(found == expected, "\(String(decoding: bytes, as: UTF8.self).debugDescription)")
            }
        }
    }
}

/// ``TextSearch/splitOnce(_:at:)``, read in place, against a plain reading of the bytes copied to arrays.
@Suite struct SplitOnceTests {
    /// The parts around the one `separator` in `text`, found on arrays of the bytes.
    private static func plainSplit(_ text: String, _ separator: String) -> (String, String)? {
        let bytes = Array(text.utf8)
        let pattern = Array(separator.utf8)
        guard !pattern.isEmpty, bytes.count >= pattern.count else { return nil }
        let starts = (0...(bytes.count - pattern.count)).filter {
            bytes[$0..<$0 + pattern.count].elementsEqual(pattern)
        }
        // Matches that overlap the one before are not separators of their own.
        var kept: [Int] = []
        for start in starts where kept.last.map({ start >= $0 + pattern.count }) ?? true { kept.append(start) }
        guard kept.count == 1 else { return nil }
        let before = String(decoding: bytes[..<kept[0]], as: UTF8.self)
        return (before, String(decoding: bytes[(kept[0] + pattern.count)...], as: UTF8.self))
    }

    @Test func splitOnceAgreesWithAPlainReading() {
        let pieces = [" - ", " ", "-", "--", "a", "É", "e\u{301}", "\u{A0}", "\u{2013}", "\r\n", "\u{2019}", "Ann"]
        var generator = SplitMix(seed: 5)
        for _ in 0..<3000 {
            let count = Int.random(in: 0...10, using: &generator)
            let text = (0..<count).map { _ in pieces[Int.random(in: 0..<pieces.count, using: &generator)] }.joined()
            for separator in [" - ", "--", "-", "\u{2013}", ""] {
                let split = TextSearch.splitOnce(text, at: separator)
                let plain = Self.plainSplit(text, separator)
                #expect(split.map { String($0.0) } == plain?.0, "\(text.debugDescription) \(separator)")
                #expect(split.map { String($0.1) } == plain?.1, "\(text.debugDescription) \(separator)")
            }
        }
        #expect(
            TextSearch.splitOnce("Ann - report", at: " - ").map { [String($0.0), String($0.1)] } == ["Ann", "report"]
        )
        #expect(TextSearch.splitOnce("a - b - c", at: " - ") == nil)
    }
}
