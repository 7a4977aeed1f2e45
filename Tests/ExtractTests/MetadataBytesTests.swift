import PropertyBased
import Testing

@testable import Extract

/// The byte readings of metadata and dates give what the character readings they stand for give, on random text
/// made of labels, places, dates and the characters that trip byte-level code.
@Suite struct MetadataBytesTests {
    /// Pieces of labelled lines and places: labels and their marks, white space of every kind, commas, platforms,
    /// `via` in either case, and characters that differ as bytes and as characters (combining marks, CR LF, `İ`,
    /// the Kelvin sign, the Greek question mark).
    static let pieces = [
        "Date", "DATE", "meeting", "Time", "Venue", "Where", "held on", "date/time", ":", ": ", "**", "*", "_",
        "#", "-", " ", "  ", "\t", "\u{B}", "\r\n", "\n", "\u{A0}", "\u{2003}", ",", ", ", "via ", "VIA ", "Via",
        "zoom", "ZOOM", "Teams", "microsoft teams", "online", "irc", "c\u{130}rc", "\u{212A}", "\u{37E}",
        "\u{301}", "é", "Zoë", "–", "21 April", "2020", "3pm", "15:00", "Hall", "Room 3", "x", "a b c d",
    ]
    static let text = Gen<String?>.element(of: pieces).map { $0 ?? "" }.array(of: 0...10).map { $0.joined() }
    /// Plain ASCII pieces alone, where the byte readings run (a piece past ASCII sends both sides to the character
    /// reading), and every ASCII byte but CR on its own: control bytes and DEL, which white space and trimming may
    /// take for their own.
    static let asciiText = Gen<String?>
        .element(
            of: pieces.filter { !$0.utf8.contains { $0 >= 0x80 || $0 == 0x0D } }
                + (0x01...0x7F).filter { $0 != 0x0D }.map { String(UnicodeScalar(UInt8($0))) }
        )
        .map { $0 ?? "" }
        .array(of: 0...10).map { $0.joined() }

    @Test(arguments: [false, true])
    func labelsReadOnBytesAsByCharacters(asciiOnly: Bool) async {
        await propertyCheck(count: 3000, input: asciiOnly ? Self.asciiText : Self.text) { text in
            let quick = MetadataExtractor.labelAndColon(text)
            let slow = MetadataExtractor.labelAndColon(characters: text)
            #expect(quick?.label == slow?.label, "\(text.unicodeScalars.map(\.value))")
            #expect(
                quick.map { text.utf8.distance(from: text.startIndex, to: $0.colon) }
                    == slow.map { text.utf8.distance(from: text.startIndex, to: $0.colon) },
                "\(text.unicodeScalars.map(\.value))"
            )
        }
    }

    @Test(arguments: [false, true])
    func placesAreFoundAsPartByPart(asciiOnly: Bool) async {
        await propertyCheck(count: 3000, input: asciiOnly ? Self.asciiText : Self.text) { line in
            #expect(
                MetadataExtractor.place(in: line) == MetadataExtractor.placeByParts(in: line),
                "\(line.unicodeScalars.map(\.value))"
            )
        }
    }

    /// Times in plain text past ASCII, which is read on its scalars: each dash, no-break spaces, and letters and
    /// numbers past ASCII beside the digits.
    @Test(arguments: [
        "15:00–17:00, Zoë", "3pm — 5pm, café", "9.30 – 11 am\u{A0}", "½ 3pm–4pm", "ª3pm", "3ª pm", "12:00 to 1pm é",
        "10h30—½", "Ō 9 am – 10",
    ])
    func timesInPlainTextReadOnScalarsAsByCharacters(text: String) {
        let slow = DateParser.timeRange(characters: Array(text)).map { [$0.start, $0.end] }
        #expect(DateParser.timeRange(in: text).map { [$0.start, $0.end] } == slow, "\(text.debugDescription)")
    }

    /// Pieces of dates: numbers, separators, months in any case and cut short, white space, and other text.
    static let datePiece = Gen<String?>
        .element(of: [
            "21", "4", "04", "2020", "1st", "of", " ", "  ", "\t", "\n", "\u{B}", "\u{C}", "\u{A0}", "-", "/", ".", ",",
            "April", "APR",
            "sept", "Sep", "ma", "y", "Dec", "x", "on", "é", "–", "item", "21/04/2020", "2020 - 04 - 21", "3.4.21",
            "15-Sep-2016", "April 21, 2020", "1st of may", "30 DEC", "21st of September, 2021", "Sept 30th", "Item",
            "1. Item", "2 -",
        ])
        .map { $0 ?? "" }

    @Test func datesAreLookedForAsInEveryToken() async {
        await propertyCheck(count: 3000, input: Self.datePiece.array(of: 0...8).map { $0.joined() }) { text in
            for (dayFirst, reference) in [(true, nil), (false, CalendarDate(year: 2021, month: 6, day: 1))] {
                #expect(
                    DateParser.firstDate(in: text, dayFirst: dayFirst, reference: reference)
                        == DateParser.firstDate(tokensOf: text, dayFirst: dayFirst, reference: reference),
                    "\(text.unicodeScalars.map(\.value))"
                )
            }
        }
    }

    /// The meridiem read glyph by glyph is the one the pair's lower case names, for letters and marks that lower-case
    /// to ASCII or not.
    @Test func meridiemsReadAsInLowerCase() {
        let characters: [Character] = [
            "a", "A", "p", "P", "m", "M", ".", "x", "ª", "\u{212A}", "\u{130}", "á", " ", "ａ",
        ]
        for first in characters {
            for second in characters {
                let pair = String([first, second]).lowercased()
                let expected = ["am", "pm", "a.", "p."].contains(pair) ? (pair.hasPrefix("a") ? "am" : "pm") : nil
                let half = DateParser.meridiemHalf(first, second)
                #expect(half?.meridiem == expected && half.map { $0.dotted == pair.hasSuffix(".") } != false, "\(pair)")
            }
        }
    }

    /// Pieces of ASCII words: digits, ordinal suffixes and month names in any case, and other letters.
    static let wordPiece = Gen<String?>
        .element(of: [
            "0", "1", "2", "9", "21", "2020", "99999999999", "st", "ND", "rd", "Th", "s", "t", "may", "MAY", "Sept",
            "september", "SEPTEMBERS", "dec", "jun", "june", "a", "b", "o", "x", "Z",
        ])
        .map { $0 ?? "" }

    @Test func plainWordsReadAsByCharacters() async {
        // The empty word too: no digits are no number.
        await propertyCheck(count: 3000, input: Self.wordPiece.array(of: 0...4).map { $0.joined() }) { word in
            #expect(DateParser.plainWord(Substring(word)) == DateParser.characterWord(Substring(word)), "\(word)")
        }
    }
}
