import Testing

@testable import Ingest

/// The looks at a line's bytes that spare reading its characters (``TextLines/hasLoneLowercase(_:)`` before
/// ``TextProfileParser/isCapitalHeading(_:)``, the first bytes before ``TextProfileParser/listMarker(_:)``) must
/// answer as the readings of the characters alone do, above all where a scalar past ASCII joins an ASCII letter.
@Suite struct LineByteLooksTests {
    /// Pieces that trip character readers: combining and prepended marks, joiners, emoji, letters whose case
    /// mapping is odd, markers, colons and CR.
    static let pieces = [
        "a", "z", "A", "é", "É", "e\u{301}", "E\u{301}", "\u{600}", "\u{600}a", "a\u{345}", "a\u{200D}", "\u{200D}",
        "\u{1F3FB}", "\u{E0041}", "\u{212A}", "ǅ", "ß", "İ", "ﬀ", "👩‍👩‍👧", "🇬🇧", "\r", " ", "\t", ")", "a)", "(", "-",
        "1.", ":", "–", "\u{A0}", "o", "iv)", "\u{301}",
    ]

    /// Every piece alone, in pairs and in threes, and long lines around the 80 characters a heading may have.
    static let lines: [String] = {
        var lines = pieces
        for first in pieces {
            for second in pieces {
                lines.append(first + second)
                for third in pieces { lines.append(first + second + third) }
            }
        }
        // Markers and labels of plain ASCII, then a piece at each place around the bytes they are read from.
        for head in ["1. ", "12) ", "(iv) ", "(a) ", "a) ", "- ", "Date:", "Date: ", "Chair :", "A B C D E F:", "(1)"] {
            for pad in 0...7 {
                for piece in pieces {
                    lines.append(head + String(repeating: "x", count: pad) + piece + "tail")
                    lines.append(head + piece + String(repeating: " ", count: pad) + "Word")
                }
            }
        }
        for count in 76...84 {
            for piece in pieces {
                lines.append("É" + String(repeating: "A", count: count) + piece)
                lines.append(piece + String(repeating: "A", count: count) + "É")
            }
        }
        return lines
    }()

    /// Expects `look` and `reading` to answer alike on each of `lines`, read as characters.
    func expectAlike<Answer: Equatable>(
        _ look: (Substring) -> Answer,
        _ reading: (Substring) -> Answer,
        on lines: [String] = LineByteLooksTests.lines
    ) {
        for line in lines {
            let text = Substring(line)
            #expect(look(text) == reading(text), "\(line.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test func capitalHeadingsAnswerAsTheReadingOfCharacters() {
        expectAlike(TextProfileParser.isCapitalHeading, TextProfileParser.readsAsCapitalHeading)
    }

    @Test func headerLinesAnswerAsTheReadingOfCharacters() {
        expectAlike(
            TextProfileParser.isHeaderLine,
            TextProfileParser.readsAsHeaderLine,
            on: Self.lines.filter { $0.contains(":") }
        )
    }

    @Test func listMarkersAnswerAsTheReadingOfCharacters() {
        expectAlike(TextProfileParser.listMarker, TextProfileParser.readMarker)
        for line in Self.lines where TextSearch.isPlainASCII(line) {
            var copy = line
            copy.withUTF8 {
                #expect(TextProfileParser.listMarker($0[...]) == TextProfileParser.readMarker(Substring(line)))
            }
        }
    }
}
