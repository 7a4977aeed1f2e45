import Ingest
import Testing

@testable import Extract

/// The byte paths of the outline's text helpers give what the character paths give.
@Suite struct OutlineTextTests {
    /// Texts covering ASCII, long runs, tabs, non-breaking and wide spaces, combining marks and CR LF.
    private let samples = [
        "", " ", "a", "a b", "a  b", " a", "a ", "Action items for the meeting of 21 April",
        "Action items for the meeting  of 21 April", "Twelve chars", "twelve chars twelve chars!",
        "eight ch eight ch", "eight ch  ight ch", "tab\there inside a long line", "nbsp\u{00A0}inside a long line",
        "wide\u{3000}space in a longer line", "em\u{2003}space", "Réunion du comité", "e\u{301} accent",
        "line\r\nbreak", "ends with space in a long line ", "**Bold:**", "--  Topic  --",
    ]

    @Test func isTidyAgreesWithTidying() {
        for text in samples {
            let tidied = tidy(text)
            #expect(!tidied.contains("  "), "\(text)")
            #expect(isTidy(text) == (tidied == text && !text.isEmpty), "\(text)")
            #expect(tidy(tidied) == tidied, "\(text)")
        }
    }

    /// ``isTidy(_:)``, eight bytes at a time then one at a time, agrees with the definition at every length, with a
    /// space, a double space, a tab or a non-ASCII character at every place.
    @Test func isTidyAgreesWithTheScalarDefinitionAtEveryPlace() {
        let inserts: [String] = [" ", "  ", "\t", "\u{A0}", "é", "\r\n", "\u{2019}", "e\u{301}"]
        for count in 1...26 {
            var base = ""
            for offset in 0..<count {
                let letter: UInt8 = offset % 4 == 3 ? 0x20 : 0x61 + UInt8(offset % 26)
                base.unicodeScalars.append(Unicode.Scalar(letter))
            }
            var texts: [String] = [base, base + " ", " " + base]
            for place in 0..<count {
                for insert in inserts {
                    var text = base
                    text.insert(contentsOf: insert, at: text.index(text.startIndex, offsetBy: place))
                    texts.append(text)
                }
            }
            for text in texts {
                let tidied: String = tidiedScalars(text)
                let expected: Bool = !text.isEmpty && tidied == text
                #expect(isTidy(text) == expected, "\(text.debugDescription)")
                var copy = text
                let fromBytes: String = copy.withUTF8 { tidy(bytes: $0) }
                #expect(fromBytes == tidied, "\(text.debugDescription)")
            }
        }
    }

    /// After eight bytes read one at a time (one of them white space other than a space, or from U+0080), the look
    /// goes on eight at a time: with two such inserts at every pair of places, at every length, it agrees with the
    /// definition.
    @Test func isTidyAgreesWithTheScalarDefinitionAfterAByteLook() {
        let inserts: [String] = [
            " ", "  ", "\t", "\u{A0}", "é", "\r\n", "\u{2019}", "e\u{301}", "\u{2003}", "\u{3000}",
        ]
        for count in 1...20 {
            let base = String((0..<count).map { $0 % 5 == 4 ? " " : Character(Unicode.Scalar(0x61 + UInt8($0 % 26))) })
            for first in 0..<count {
                for second in first..<count {
                    for one in inserts {
                        for two in inserts {
                            var text = base
                            text.insert(contentsOf: two, at: text.index(text.startIndex, offsetBy: second))
                            text.insert(contentsOf: one, at: text.index(text.startIndex, offsetBy: first))
                            #expect(
                                isTidy(text) == (!text.isEmpty && tidiedScalars(text) == text),
                                "\(text.debugDescription)"
                            )
                        }
                    }
                }
            }
        }
    }

    /// The definition ``tidy(_:)`` keeps to: runs of scalars with the White_Space property become one space.
    private func tidiedScalars(_ text: String) -> String {
        var out = ""
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.unicodeScalars.append(" ") }
                pendingSpace = false
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    @Test func tidyAgreesWithTheScalarDefinition() {
        let spaces = (0...0x3000).compactMap(Unicode.Scalar.init).filter(\.properties.isWhitespace)
        #expect(spaces.count == 25)
        var texts = samples + ["a\u{85}b", "\u{1680}x\u{1681}", "x\u{200B}y", "e\u{301} \u{301}", "a\u{E000}\u{3001}b"]
        for space in spaces {
            texts.append("a\(space)b\(space)\(space)c\(space)")
            texts.append("\(space)é\(space) x")
        }
        // Near misses: the scalars beside each white space scalar share its lead bytes.
        for value in [
            0x84, 0x86, 0x9F, 0xA1, 0x167F, 0x1681, 0x1FFF, 0x200B, 0x2027, 0x202A, 0x202E, 0x2030, 0x205E, 0x2060,
            0x2FFF, 0x3001,
        ] {
            texts.append("a \(Unicode.Scalar(value)!) b\(Unicode.Scalar(value)!)")
        }
        for text in texts {
            #expect(tidy(text) == tidiedScalars(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test func hasAtMostAgreesWithCounting() {
        for text in samples + ["e\u{301}e\u{301}e\u{301}", "\r\n\r\n\r\n", "🇬🇧🇬🇧", "ab\r\n"] {
            for limit in 0...14 {
                #expect(hasAtMost(limit, charactersIn: text) == (text.count <= limit), "\(text) \(limit)")
            }
        }
    }

    @Test func splittingOnBytesAgreesWithCharacters() {
        let texts =
            samples + [
                "a,b", ",a,,b,", "Zoë, Ann", "a,\u{301}b", "e\u{301},x", "\u{0600},x", "–,–", "a, b\r\n,c", "|x|é|",
                "x|\u{0338}y", "🇬🇧,🇫🇷", ",", "a\u{37E}b;c", "a\u{1FEF}b`c", "a\u{212A}bKc",
            ]
        var byBytes = 0
        for text in texts {
            // U+037E, U+1FEF and U+212A are `;`, `` ` `` and `K` as characters.
            for separator in [
                UInt8(ascii: ","), UInt8(ascii: "|"), UInt8(ascii: ";"), UInt8(ascii: "`"), UInt8(ascii: "K"),
            ] {
                let characters = text.split(
                    separator: Character(Unicode.Scalar(separator)),
                    omittingEmptySubsequences: false
                )
                guard let bytes = splitStandingAlone(text, at: separator) else { continue }
                byBytes += 1
                #expect(bytes.map(String.init) == characters.map(String.init), "\(text)")
            }
        }
        #expect(byBytes > texts.count)
        #expect(splitStandingAlone("a,\u{301}b", at: UInt8(ascii: ",")) == nil)
        #expect(splitStandingAlone("\u{0600},x", at: UInt8(ascii: ",")) == nil)
    }

    @Test func tableCellsSplitAtBarCharacters() throws {
        let note = """
            | Name | Role |
            | --- | --- |
            | Ann Lee |  Chair  |
            | Zoë  Ng | a |\u{0338} b |
            |  | Clerk
            """
        let document = try NoteIngestor().ingest(bytes: Array(note.utf8), path: "note.md")
        let rows = NoteOutline(document.root).blocks.filter { $0.kind == .tableRow }
        #expect(rows.map(\.header) == Array(repeating: ["Name", "Role"], count: 3))
        // A bar with a combining mark on it is a character of its own, not a cell's edge.
        #expect(rows.map(\.cells) == [["Ann Lee", "Chair"], ["Zoë Ng", "a |\u{0338} b"], ["", "Clerk"]])
    }

    @Test func trimmingMatchesACharacterTrim() {
        for text in samples + [
            "-- x --", "*é*", "é-", "-\u{301}x-", ":: a ::", "– é –", "e\u{301}x–", "\r\nx\r",
        ] {
            for set in ["*_ :-", " ", "#*_ :-", "–—- ", "’' ", "\u{037E}–", "e\u{301}–", "\r\n–"] {
                let start = text.drop { set.contains($0) }
                let end = start.lastIndex { !set.contains($0) }.map { start.index(after: $0) } ?? start.startIndex
                #expect(text.trimming(set) == String(start[..<end]), "\(text) \(set)")
                #expect(Substring(text).trimming(set) == String(start[..<end]), "\(text) \(set)")
            }
        }
    }

    /// Every scalar of general punctuation the byte path lets through only parts words, as folding reads it, in
    /// each place of a text; any other scalar from U+0080 is left to folding.
    @Test func slugsOfGeneralPunctuationAsFolded() throws {
        for value in UInt32(0x2010)...0x205E {
            let mark = String(Character(try #require(Unicode.Scalar(value))))
            for text in [
                mark, "a\(mark)b", "Board \(mark) Minutes", "\(mark)X1\(mark)", "a\(mark)\(mark)B", "A\(mark)\u{2013}",
            ] {
                let fromBytes = Slug.asciiWords(text)
                #expect(fromBytes != nil, "\(String(value, radix: 16))")
                #expect(fromBytes == Slug.foldedWords(text), "\(String(value, radix: 16)) in \(text)")
            }
        }
        for text in ["é", "a\u{2060}b", "\u{2009}\u{301}", "x\u{200F}", "Ａ", "\u{205F}", "\u{2000}a", "\u{300}"] {
            #expect(Slug.asciiWords(text) == nil, "\(text.unicodeScalars.map(\.value))")
        }
    }

    /// A table row's end pipes dropped on the bytes are those `hasPrefix("|")` and `hasSuffix("|")` find and
    /// `dropFirst()` and `dropLast()` drop, for pipes beside combining marks, CR LF, prepended marks and accents.
    @Test func endPipesDroppedAsByCharacters() {
        let pieces = ["|", "a", " ", "\u{301}", "\u{600}", "é", "\r\n", "\r", "-", "\u{200D}", "||"]
        var rows = [""]
        for _ in 0..<4 { rows = rows.flatMap { row in pieces.map { row + $0 } } }
        for row in rows {
            var expected = Substring(row)
            if expected.hasPrefix("|") { expected = expected.dropFirst() }
            if expected.hasSuffix("|") { expected = expected.dropLast() }
            let dropped = droppingEndPipes(row)
            #expect(dropped == expected, "\(row.unicodeScalars.map(\.value))")
            #expect(dropped.utf8.elementsEqual(expected.utf8), "\(row.unicodeScalars.map(\.value))")
        }
    }

    /// A slug cut as its bytes are written is the folded slug cut by characters, at every length: at a hyphen past
    /// the middle, else at the length; for plain, punctuated and accented titles, hyphens at and around each cut.
    @Test func slugsCutAsTheirBytesAreWrittenAsCutByCharacters() {
        /// The folded words of `text`, cut by characters.
        func cutByCharacters(_ text: String, _ maxLength: Int) -> String {
            let characters = Array(Slug.foldedWords(text))
            guard characters.count > maxLength else { return String(characters) }
            let head = characters[..<maxLength]
            if let hyphen = head.lastIndex(of: "-"), hyphen > maxLength / 2 { return String(characters[..<hyphen]) }
            return String(head)
        }
        let titles = [
            "", "a", "Ab-cd", "Board \u{2013} Minutes of the Annual General Meeting 2021", "a b c d e f g h i j k l",
            "Réunion du conseil municipal", "ab cd ef gh ij kl mn op qr st uv wx yz", "Item 10: Budget & Finance!!",
            "x-y--z  -w-", "Long-Word-Compound-Title-With-Many-Parts-Going-On-And-On",
        ]
        for title in titles {
            for maxLength in 0...64 {
                #expect(
                    Slug.make(title, maxLength: maxLength) == cutByCharacters(title, maxLength),
                    "\(title) \(maxLength)"
                )
            }
        }
    }

    /// Words between spaces cut on the bytes are the words `split(separator: " ")` gives, for every text of up to
    /// four pieces: spaces beside combining marks, no-break and wide spaces, CR LF, curly quotes and accents.
    @Test func spacedWordsAreSplitAsByCharacters() {
        let pieces = [
            " ", "  ", "a", "Bo", "\u{301}", "e\u{301}", "\u{A0}", "\u{3000}", "\r\n", "\u{201C}q\u{201D}", "é", "/",
        ]
        var texts = [""]
        for _ in 0..<4 {
            texts += texts.flatMap { text in pieces.map { text + $0 } }
        }
        for text in Set(texts) {
            #expect(spacedWords(text) == text.split(separator: " "), "\(text.unicodeScalars.map(\.value))")
        }
    }

    @Test func slugsOfASCIIAndAccentedText() {
        #expect(Slug.make("Action Items: 2021 Q1") == "action-items-2021-q1")
        #expect(Slug.make("  --Hello, World--  ") == "hello-world")
        #expect(Slug.make("Réunion du Comité") == "reunion-du-comite")
        #expect(Slug.make("one two three four five six", maxLength: 12) == "one-two")
        #expect(Slug.make("***") == "")
    }

    /// Spaces at the ends are passed over in place; any other white space beside them, or within, is still collapsed
    /// as the definition says.
    @Test func tidyOnBytesTrimsSpacesAtTheEnds() {
        let texts = [
            "  a b  ", " a  b ", "   ", " ", "", " \u{A0}a ", "a \u{A0} ", " e\u{301} ", " \u{301}x ", " \r\n a ",
            "\t a b \t", " Ann ", " \u{201C}q\u{201D} ", " \u{130}\u{212A} ", " a\u{2003}b ", "  \u{3000}  ",
            " x\r\ny ",
            " caf\u{E9} ", "\u{85} a ", " a \u{85}",
        ]
        for text in texts {
            var copy = text
            let fromBytes = copy.withUTF8 { tidy(bytes: $0) }
            #expect(fromBytes == tidiedScalars(text), "\(text.debugDescription)")
            #expect(fromBytes.utf8.elementsEqual(tidiedScalars(text).utf8), "\(text.debugDescription)")
        }
    }

    /// Table cells are tidied on their bytes as their strings would be: spaces, no-break spaces and marks beside the
    /// pipes.
    @Test func tableCellsAreTidiedAsStrings() throws {
        let rows = ["|  Ann  | Chair\u{A0} |", "| e\u{301}  x |\u{A0}\u{A0}|", "|\u{201C}a\u{201D}|  b  c  |"]
        let note = "| Name | Role |\n|---|---|\n" + rows.joined(separator: "\n") + "\n"
        let outline = NoteOutline(try NoteIngestor().ingest(bytes: Array(note.utf8), path: "cells.md").root)
        let cells = outline.blocks.filter { $0.kind == .tableRow }.map(\.cells)
        let expected = rows.map { row in
            row.dropFirst().dropLast().split(separator: "|", omittingEmptySubsequences: false).map {
                tidiedScalars(String($0))
            }
        }
        #expect(cells == expected)
    }

    @Test func tidyOnBytesAgreesWithTidyOnStrings() {
        for text in samples + ["a\u{85}b", "\u{1680}x", "e\u{301} \u{301}", "\u{3000}", "  ", "a\u{A0}\u{A0}b"] {
            var copy = text
            let fromBytes = copy.withUTF8 { tidy(bytes: $0) }
            #expect(fromBytes == tidy(text), "\(text)")
            #expect(fromBytes.utf8.elementsEqual(tidy(text).utf8), "\(text)")
        }
    }

    @Test func datesNeedADigit() {
        for text in ["21 April 2020", "April 21", "2020-04-21", "Monday", "April", "no date here"] {
            #expect(mayHoldDate(text) || DateParser.firstDate(in: text) == nil, "\(text)")
        }
    }

    @Test func blankOrColonsMatchesCharacters() {
        for text in samples + [
            " : ", ":\r\n", "\u{00A0}:", " \u{301}", "\t", "a\u{301}", "\u{0600}a", " a é", ": x\u{301}", ":\u{301}",
        ] {
            #expect(isBlankOrColons(text) == text.allSatisfy { $0.isWhitespace || $0 == ":" }, "\(text)")
        }
    }
}
