import Testing

@testable import Extract

@Suite struct DateParserTests {
    /// A word of ASCII letters and digits in text that is not all ASCII is read on its bytes: the token is the one
    /// the characters give (numbers, ordinals in any case, month names and their abbreviations, and near misses).
    @Test func asciiWordsReadAsByCharacters() {
        let pieces = [
            "1", "21", "0", "9", "2020", "st", "ND", "rd", "Th", "s", "t", "jan", "JAN", "Sept", "september",
            "SEPTEMBER", "Septembers", "may", "Mayo", "x", "a", "99999999999999999999", "dec", "h", "th21",
        ]
        var words = pieces
        for first in pieces {
            for second in pieces { words.append(first + second) }
        }
        for word in words {
            #expect(DateParser.plainWord(word[...]) == DateParser.characterWord(word[...]), "\(word)")
        }
    }

    /// Every ASCII character, and CR LF, is classified by its byte as its properties classify it.
    @Test func asciiCharactersClassifiedAsByProperties() {
        let characters =
            (0..<128).map { Character(Unicode.Scalar(UInt8($0))) } + ["\r\n", "\u{85}", "\u{A0}", "é", "e\u{301}", "١"]
        for character in characters {
            let (isWordPart, isSpace) = DateParser.classify(character)
            #expect(
                isWordPart == (character.isLetter || character.isNumber),
                "\(character.unicodeScalars.map(\.value))"
            )
            #expect(isSpace == character.isWhitespace, "\(character.unicodeScalars.map(\.value))")
        }
    }

    /// Dates in text that is not all ASCII, read by characters with its ASCII words on their bytes.
    @Test(arguments: [
        ("Réunion du 21st April 2020", "2020-04-21"),
        ("“Board” – Tuesday 8 Sept 2020", "2020-09-08"),
        ("Café 2nd dec 2019\u{A0}x", "2019-12-02"),
        ("e\u{301}te\u{301} 1 May 2022", "2022-05-01"),
        ("\u{212A}elvin 12 Jan 2021", "2021-01-12"),
    ])
    func datesInOtherText(text: String, iso: String) {
        #expect(DateParser.firstDate(in: text)?.date.description == iso)
    }

    @Test(arguments: [
        ("21st April 2020", "2020-04-21"),
        ("21 April 2020", "2020-04-21"),
        ("Tuesday 21 April 2020", "2020-04-21"),
        ("Tuesday, 21st of April, 2020", "2020-04-21"),
        ("April 21, 2020", "2020-04-21"),
        ("Apr 21st 2020", "2020-04-21"),
        ("2020-04-21", "2020-04-21"),
        ("21/04/2020", "2020-04-21"),
        ("21.04.2020", "2020-04-21"),
        ("15-Sep-2016 TSC Meeting", "2016-09-15"),
        ("15:00 – 17:00, 21st April 2020, via video call", "2020-04-21"),
        ("Meeting from: April 14th, 2021", "2021-04-14"),
        ("Friday 08 Jan 2020, 14:00 UTC", "2020-01-08"),
    ])
    func findsDates(text: String, iso: String) {
        #expect(DateParser.firstDate(in: text)?.date.description == iso)
    }

    @Test func readsNumericDatesMonthFirstOnRequest() {
        #expect(
            DateParser.firstDate(in: "04/21/2020")?.date.description == "2020-04-21",
            "no month 21: day first fails"
        )
        #expect(DateParser.firstDate(in: "03/04/2021")?.date.description == "2021-04-03")
        #expect(DateParser.firstDate(in: "03/04/2021", dayFirst: false)?.date.description == "2021-03-04")
    }

    @Test func resolvesDatesWithoutAYearAgainstAReference() throws {
        let reference = try #require(CalendarDate(year: 2020, month: 4, day: 21))
        #expect(DateParser.firstDate(in: "by 30 May", reference: reference)?.date.description == "2020-05-30")
        #expect(DateParser.firstDate(in: "by 3 March", reference: reference)?.date.description == "2021-03-03")
        #expect(DateParser.firstDate(in: "by 30 May")?.date == nil)
        #expect(DateParser.monthEnd(in: "by end of June 2021", reference: reference)?.description == "2021-06-30")
        #expect(DateParser.monthEnd(in: "by the end of February", reference: reference)?.description == "2021-02-28")
    }

    @Test(arguments: ["No date here", "Item 12 of 31", "Page 2/3", "30 February 2021", "2020-13-01"])
    func ignoresWhatIsNotADate(text: String) {
        #expect(DateParser.firstDate(in: text) == nil)
    }

    @Test(arguments: [
        ("15:00 – 17:00, 21st April 2020", "15:00", "17:00"),
        ("3pm-5pm", "15:00", "17:00"),
        ("15:00-17:00 UTC", "15:00", "17:00"),
        ("May 23, 2018 at 3pm-4pm UTC", "15:00", "16:00"),
        ("2.00pm – 3.45pm", "14:00", "15:45"),
        ("from 10:00 to 11:30am", "10:00", "11:30"),
        ("Starts 18:30", "18:30", nil),
    ])
    func findsTimeRanges(text: String, start: String, end: String?) {
        let range = DateParser.timeRange(in: text)
        #expect(range?.start == start)
        #expect(range?.end == end)
    }

    @Test(arguments: ["Room 101", "43% said", "version 2.0", "21st April 2020"])
    func ignoresNumbersThatAreNotTimes(text: String) {
        #expect(DateParser.timeRange(in: text) == nil)
    }

    /// The month of a word read on its packed bytes is the one the table gives its lower-cased text.
    @Test func plainMonthsAreTheTablesMonths() {
        var words = DateParser.months.keys.flatMap {
            [$0, $0.uppercased(), $0.prefix(1).uppercased() + $0.dropFirst(), $0 + "s", String($0.dropLast())]
        }
        words += ["septembe", "septembers", "sept1", "may2", "x", "12345", "Sep", "SEPTEMBER", "octobe", "a1b2c3d4e"]
        for word in words where word.utf8.count >= 3 && word.utf8.count <= 9 {
            let lowered = String(decoding: word.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
            #expect(DateParser.plainMonth(word[...].utf8) == DateParser.months[lowered], "\(word)")
        }
    }
}
