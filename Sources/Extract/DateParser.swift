/// A calendar date without a time zone.
public struct CalendarDate: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The year, such as 2020.
    public var year: Int
    /// The month, 1–12.
    public var month: Int
    /// The day of the month, 1–31.
    public var day: Int

    /// Creates a date when the parts form a real date, else `nil`.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), (1900...2200).contains(year), day >= 1,
            day <= CalendarDate.days(inMonth: month, year: year)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`.
    public init?(iso: String) {
        let parts = iso.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        self.init(year: parts[0], month: parts[1], day: parts[2])
    }

    /// The number of days in `month` of `year`.
    public static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Orders dates chronologically.
    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        // A year of four digits and a month and day of two at most, as real dates have, are written digit by digit.
        if (1000...9999).contains(year), (0...99).contains(month), (0...99).contains(day) {
            return String(unsafeUninitializedCapacity: 10) { out in
                /// `value` in decimal, right-aligned in the `width` bytes before `end`, padded with zeros.
                func put(_ value: Int, before end: Int, width: Int) {
                    var rest = value
                    for place in (end - width..<end).reversed() {
                        out[place] = UInt8(ascii: "0") + UInt8(rest % 10)
                        rest /= 10
                    }
                }
                put(year, before: 4, width: 4)
                out[4] = UInt8(ascii: "-")
                put(month, before: 7, width: 2)
                out[7] = UInt8(ascii: "-")
                put(day, before: 10, width: 2)
                return 10
            }
        }
        let monthText = month < 10 ? "0\(month)" : "\(month)"
        let dayText = day < 10 ? "0\(day)" : "\(day)"
        return "\(year)-\(monthText)-\(dayText)"
    }
}

/// A date found in text, with where it was and whether the year was written.
public struct FoundDate: Hashable, Sendable {
    /// The date; a missing year is taken from the reference date.
    public var date: CalendarDate
    /// The words of the date as written (`21st April 2020`).
    public var text: String
    /// Whether the text gave the year.
    public var hasYear: Bool
}

/// Finds dates and times in the many ways minutes write them.
///
/// Dates: `21st April 2020`, `21 April 2020`, `Tuesday 21 April 2020`, `April 21, 2020`, `Apr 21st 2020`,
/// `2020-04-21`, `21/04/2020` and `21.04.2020` (day first unless `dayFirst` is off), `15-Sep-2016`, and without a
/// year (`30 May`, `May 30`) against a reference date. Times: `15:00 – 17:00`, `3pm-5pm`, `15:00-17:00 UTC`,
/// `3 pm`, `14h30`.
public enum DateParser {
    static let months: [String: Int] = [
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
        "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
        "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
    ]

    struct Token: Equatable {
        var text: Substring
        var number: Int?
        var month: Int?
    }

    /// The first date in `text`; a date without a year takes the year that puts it on or after `reference`
    /// (or the reference's year when `reference` is given and `forward` is false).
    public static func firstDate(
        in text: String,
        dayFirst: Bool = true,
        reference: CalendarDate? = nil,
        forward: Bool = true
    ) -> FoundDate? {
        // Plain ASCII with no date's marks on its bytes is not split into tokens.
        guard mayHoldDateMarks(text) else { return nil }
        return firstDate(tokensOf: text, dayFirst: dayFirst, reference: reference, forward: forward)
    }

    /// ``firstDate(in:dayFirst:reference:forward:)`` read from every token of `text`, without the look at its bytes.
    static func firstDate(
        tokensOf text: String,
        dayFirst: Bool = true,
        reference: CalendarDate? = nil,
        forward: Bool = true
    ) -> FoundDate? {
        let tokens = tokenize(text)
        // Every date opens with a number or a month's name: other tokens are passed over without the look.
        for index in tokens.indices where tokens[index].number != nil || tokens[index].month != nil {
            if let found = date(at: index, in: tokens, dayFirst: dayFirst, reference: reference, forward: forward) {
                return found
            }
        }
        return nil
    }

    /// Whether `text` may hold a date; `false` only where its bytes show it cannot.
    ///
    /// That is plain ASCII (a character a byte) without a digit followed, past white space, by `-`, `/` or `.` and
    /// then a digit (a date of numbers), and without both a digit and a month's first three letters in either case
    /// (each month's name is a word of ASCII letters).
    static func mayHoldDateMarks(_ text: String) -> Bool {
        PeopleBytes.withBytes(text) { bytes in
            guard TextSearch.isPlainASCII(bytes) else { return true }
            var hasDigit = false
            // Past a digit (and white space), and past a separator after that.
            var afterDigit = false
            var afterSeparator = false
            var hasMonth = false
            for index in bytes.indices {
                let byte = bytes[index]
                if byte &- 0x30 < 10 {
                    if afterSeparator { return true }
                    hasDigit = true
                    afterDigit = true
                    continue
                }
                // Of plain ASCII, these alone are white space between tokens.
                if afterDigit || afterSeparator, PeopleBytes.isSpace(byte), byte != 0x0D { continue }
                if afterDigit, byte == 0x2D || byte == 0x2F || byte == 0x2E {
                    afterDigit = false
                    afterSeparator = true
                    continue
                }
                afterDigit = false
                afterSeparator = false
                if !hasMonth, index + 2 < bytes.count, mayOpenMonthName(byte) {
                    let lowered = (UInt32(byte | 0x20) << 16) | (UInt32(bytes[index + 1] | 0x20) << 8)
                    hasMonth = monthOpenings.contains(lowered | UInt32(bytes[index + 2] | 0x20))
                }
            }
            return hasDigit && hasMonth
        }
    }

    /// The first three letters of each of the ``months``, packed as ``mayHoldDateMarks(_:)`` packs them.
    private static let monthOpenings: Set<UInt32> = Set(
        months.keys.map { name in name.utf8.prefix(3).reduce(0) { $0 << 8 | UInt32($1) } }
    )

    static func tokenize(_ text: String) -> [Token] {
        if TextSearch.isPlainASCII(text) { return tokenizePlain(text) }
        return PeopleBytes.isPlain(text) ? tokenizeScalars(text) : tokenizeCharacters(text)
    }

    /// ``tokenizeCharacters(_:)`` of plain text (``PeopleBytes/isPlain(_:)``), where each scalar is a character of its
    /// own: the same tokens, read a scalar at a time on the bytes, an ASCII byte without a look at its properties.
    static func tokenizeScalars(_ text: String) -> [Token] {
        var tokens: [Token] = []
        let utf8 = text.utf8
        var start = utf8.startIndex
        var index = utf8.startIndex
        func flush(_ end: String.Index) {
            if start < end { tokens.append(wordToken(text[start..<end])) }
        }
        while index < utf8.endIndex {
            let byte = utf8[index]
            // A scalar of one byte, of two (up to U+07FF) or of three: a character of its own.
            let next = utf8.index(index, offsetBy: byte < 0x80 ? 1 : byte < 0xE0 ? 2 : 3)
            let (isWordPart, isSpace) =
                byte < 0x80
                ? (PeopleText.isAlphanumeric(byte), PeopleBytes.isSpace(byte))
                : classify(Character(text.unicodeScalars[index]))
            if !isWordPart {
                flush(index)
                if !isSpace { tokens.append(Token(text: text[index..<next])) }
                start = next
            }
            index = next
        }
        flush(utf8.endIndex)
        return tokens
    }

    /// ``tokenize(_:)`` for plain ASCII text, where each byte is a character: the same tokens, read from the bytes.
    private static func tokenizePlain(_ text: String) -> [Token] {
        var tokens: [Token] = []
        // Room for a token every four bytes or so, made once.
        tokens.reserveCapacity(text.utf8.count / 4 + 2)
        let utf8 = text.utf8
        var start = utf8.startIndex
        var index = utf8.startIndex
        while index < utf8.endIndex {
            let byte = utf8[index]
            let next = utf8.index(after: index)
            if PeopleText.isAlphanumeric(byte) {
                index = next
                continue
            }
            if start < index { tokens.append(plainWord(text[start..<index])) }
            // Of ASCII other than CR, these alone are whitespace.
            if !PeopleBytes.isSpace(byte) || byte == 0x0D { tokens.append(Token(text: text[index..<next])) }
            index = next
            start = index
        }
        if start < utf8.endIndex { tokens.append(plainWord(text[start...])) }
        return tokens
    }

    /// The token of a word of ASCII letters and digits: its number, ordinal (`21st`) or month.
    static func plainWord(_ word: Substring) -> Token {
        var token = Token(text: word)
        let bytes = word.utf8
        // The leading digits and their value, read once (`Int` of more digits than it holds is `nil`).
        var digits = 0
        var value: Int? = 0
        for byte in bytes {
            guard PeopleBytes.isDigit(byte) else { break }
            digits += 1
            value = value.flatMap { value in
                let (tens, over) = value.multipliedReportingOverflow(by: 10)
                let (sum, overSum) = tens.addingReportingOverflow(Int(byte &- 0x30))
                return over || overSum ? nil : sum
            }
        }
        let count = bytes.count
        if digits == count, digits > 0 {
            token.number = value
            return token
        }
        // 21st, 2nd, 3rd, 4th
        if count <= 4, count >= 3, ordinalSuffixes.contains(where: { hasLoweredSuffix(word, $0) }) {
            if digits == count - 2 { token.number = value }
        }
        // Month names are three to nine letters long, and start with one of `adfjmnos`.
        if (3...9).contains(count), let first = bytes.first, PeopleText.isLetter(first), mayOpenMonthName(first) {
            token.month = plainMonth(bytes)
        }
        return token
    }

    /// The first letters of the ``months``, one bit each from `a` in the lowest.
    private static let monthInitials: UInt32 = months.keys.reduce(0) {
        $0 | ($1.utf8.first.map { 1 << UInt32($0 &- 0x61) } ?? 0)
    }

    /// Whether `byte`, in either case, is the first letter of one of the ``months``: a look before a name is read.
    @inline(__always) static func mayOpenMonthName(_ byte: UInt8) -> Bool {
        monthInitials >> UInt32((byte | 0x20) &- 0x61) & 1 == 1
    }

    /// ``months`` of the ASCII letters and digits `bytes` lower-cased, looked up on the bytes: the month names packed
    /// eight bytes to a number (the ninth of `september` apart).
    static func plainMonth(_ bytes: Substring.UTF8View) -> Int? {
        var packed: UInt64 = 0
        var shift: UInt64 = 0
        var ninth: UInt8 = 0
        for byte in bytes {
            let lower = PeopleText.isLetter(byte) ? byte | 0x20 : byte
            if shift == 64 {
                ninth = lower
            } else {
                packed |= UInt64(lower) << shift
                shift += 8
            }
        }
        if bytes.count == 9 { return ninth == UInt8(ascii: "r") && packed == packedSeptember ? 9 : nil }
        return monthsPacked.first { $0.key == packed }?.month
    }

    /// The eight bytes packed as ``plainMonth(_:)`` packs them (the first in the low byte).
    private static func pack(_ name: some Collection<UInt8>) -> UInt64 {
        name.prefix(8).enumerated().reduce(0) { $0 | UInt64($1.element) << UInt64($1.offset * 8) }
    }

    /// The names of ``months`` of eight letters or fewer, packed.
    private static let monthsPacked: [(key: UInt64, month: Int)] = months.filter { $0.key.utf8.count <= 8 }
        .sorted { $0.key < $1.key }.map { (pack($0.key.utf8), $0.value) }

    /// The first eight letters of `september`, the one name of nine, packed.
    private static let packedSeptember = pack("september".utf8)

    private static let ordinalSuffixes = ["st", "nd", "rd", "th"]

    /// Whether ASCII `word`, lower-cased, ends with `suffix`.
    private static func hasLoweredSuffix(_ word: Substring, _ suffix: String) -> Bool {
        word.utf8.count >= suffix.utf8.count
            && zip(word.utf8.suffix(suffix.utf8.count), suffix.utf8).allSatisfy { ($0 | 0x20) == $1 }
    }

    /// The token of a word of letters and numbers: read on its bytes when they are ASCII letters and digits, as most
    /// are even in other text, else by characters.
    private static func wordToken(_ word: Substring) -> Token {
        word.utf8.allSatisfy(PeopleText.isAlphanumeric) ? plainWord(word) : characterWord(word)
    }

    /// ``tokenize(_:)`` character by character, for any text.
    static func tokenizeCharacters(_ text: String) -> [Token] {
        var tokens: [Token] = []
        var start = text.startIndex
        var index = text.startIndex
        func flush(_ end: String.Index) {
            if start < end { tokens.append(wordToken(text[start..<end])) }
        }
        while index < text.endIndex {
            let character = text[index]
            let (isWordPart, isSpace) = classify(character)
            if isWordPart {
                index = text.index(after: index)
                continue
            }
            flush(index)
            if !isSpace { tokens.append(Token(text: text[index...index])) }
            index = text.index(after: index)
            start = index
        }
        flush(text.endIndex)
        return tokens
    }

    /// Whether `character` is part of a word (a letter or a number) and whether it is white space, as its
    /// properties say: an ASCII character (and CR LF, which reads as LF) by its byte, without looking them up.
    static func classify(_ character: Character) -> (isWordPart: Bool, isSpace: Bool) {
        if let byte = character.asciiValue {
            return (PeopleText.isAlphanumeric(byte), PeopleBytes.isSpace(byte))
        }
        return (character.isLetter || character.isNumber, character.isWhitespace)
    }

    /// The token of a word of letters and numbers (``tokenizeCharacters(_:)``), read by characters: its number,
    /// ordinal or month.
    static func characterWord(_ word: Substring) -> Token {
        var token = Token(text: word)
        if word.allSatisfy(\.isASCII), word.allSatisfy(\.isNumber) {
            token.number = Int(word)
        } else {
            let lower = word.lowercased()
            // 21st, 2nd, 3rd, 4th
            for suffix in ["st", "nd", "rd", "th"] where lower.hasSuffix(suffix) {
                let digits = lower.dropLast(2)
                if !digits.isEmpty, digits.allSatisfy(\.isNumber), digits.count <= 2 { token.number = Int(digits) }
            }
            token.month = months[lower.hasSuffix(".") ? String(lower.dropLast()) : lower]
        }
        return token
    }

    private static func date(
        at index: Int,
        in tokens: [Token],
        dayFirst: Bool,
        reference: CalendarDate?,
        forward: Bool
    ) -> FoundDate? {
        func token(_ offset: Int) -> Token? { index + offset < tokens.count ? tokens[index + offset] : nil }
        func span(_ count: Int) -> String {
            let first = tokens[index].text
            let last = tokens[index + count - 1].text
            return String(first.base[first.startIndex..<last.endIndex])
        }
        func year(_ token: Token?) -> Int? {
            guard let value = token?.number, token?.text.count == 4 || token?.text.count == 2 else { return nil }
            return value < 100 ? 2000 + value : value
        }
        guard let first = token(0) else { return nil }
        // 2020-04-21
        if let y = first.number, first.text.count == 4, token(1)?.text == "-", let m = token(2)?.number,
            token(3)?.text == "-", let d = token(4)?.number, let date = CalendarDate(year: y, month: m, day: d)
        {
            return FoundDate(date: date, text: span(5), hasYear: true)
        }
        // 21/04/2020, 21.04.2020, 04/21/2020
        if let a = first.number, first.text.count <= 2, let separator = token(1)?.text,
            separator == "/" || separator == ".", let b = token(2)?.number, token(2)?.text.count ?? 0 <= 2,
            token(3)?.text == separator, let y = year(token(4))
        {
            let (day, month) = dayFirst ? (a, b) : (b, a)
            if let date = CalendarDate(year: y, month: month, day: day) ?? CalendarDate(year: y, month: day, day: month)
            {
                return FoundDate(date: date, text: span(5), hasYear: true)
            }
        }
        // 15-Sep-2016
        if let d = first.number, first.text.count <= 2, token(1)?.text == "-", let m = token(2)?.month,
            token(3)?.text == "-", let y = year(token(4)), let date = CalendarDate(year: y, month: m, day: d)
        {
            return FoundDate(date: date, text: span(5), hasYear: true)
        }
        // 21 April 2020, 21st of April, 2020
        if let d = first.number, first.text.count <= 4, first.text.first?.isNumber == true, d <= 31 {
            var offset = 1
            if token(offset)?.text.lowercased() == "of" { offset += 1 }
            if let m = token(offset)?.month {
                offset += 1
                var yearOffset = offset
                if token(yearOffset)?.text == "," { yearOffset += 1 }
                if let y = year(token(yearOffset)), token(yearOffset)?.text.count == 4,
                    let date = CalendarDate(year: y, month: m, day: d)
                {
                    return FoundDate(date: date, text: span(yearOffset + 1), hasYear: true)
                }
                if let date = withoutYear(month: m, day: d, reference: reference, forward: forward) {
                    return FoundDate(date: date, text: span(offset), hasYear: false)
                }
            }
        }
        // April 21, 2020; Apr 21st 2020
        if let m = first.month, let d = token(1)?.number, d <= 31, token(1)?.text.count ?? 9 <= 4 {
            var yearOffset = 2
            if token(yearOffset)?.text == "," { yearOffset += 1 }
            if let y = year(token(yearOffset)), token(yearOffset)?.text.count == 4,
                let date = CalendarDate(year: y, month: m, day: d)
            {
                return FoundDate(date: date, text: span(yearOffset + 1), hasYear: true)
            }
            if let date = withoutYear(month: m, day: d, reference: reference, forward: forward) {
                return FoundDate(date: date, text: span(2), hasYear: false)
            }
        }
        return nil
    }

    private static func withoutYear(month: Int, day: Int, reference: CalendarDate?, forward: Bool) -> CalendarDate? {
        guard let reference else { return nil }
        guard let sameYear = CalendarDate(year: reference.year, month: month, day: day) else { return nil }
        if forward, sameYear < reference { return CalendarDate(year: reference.year + 1, month: month, day: day) }
        return sameYear
    }

    /// The last day of the month named in `text` with a year (`end of June 2021`), or of the next such month after
    /// `reference` when no year is written.
    public static func monthEnd(in text: String, reference: CalendarDate?) -> CalendarDate? {
        let tokens = tokenize(text)
        for (index, token) in tokens.enumerated() {
            guard let month = token.month, token.text.count >= 3 else { continue }
            var year: Int?
            if index + 1 < tokens.count, let value = tokens[index + 1].number, tokens[index + 1].text.count == 4 {
                year = value
            } else if let reference {
                year = month >= reference.month ? reference.year : reference.year + 1
            }
            guard let year else { return nil }
            return CalendarDate(year: year, month: month, day: CalendarDate.days(inMonth: month, year: year))
        }
        return nil
    }

    /// The first time or time range in `text` as `HH:MM` strings; `end` is `nil` for a single time.
    public static func timeRange(in text: String) -> (start: String, end: String?)? {
        // Every time starts with an ASCII digit: text without one holds none, and is not split into characters.
        guard mayHoldDate(text) else { return nil }
        // Plain ASCII is a character a byte: its bytes are read as the characters would be.
        if TextSearch.isPlainASCII(text) { return timeRange(glyphs: Array(text.utf8)) }
        // In other plain text each scalar is a character: its scalars are read, without breaking it into characters.
        return PeopleBytes.isPlain(text)
            ? timeRange(glyphs: Array(text.unicodeScalars)) : timeRange(glyphs: Array(text))
    }

    /// ``timeRange(in:)`` of a text's `characters`, without the look at its bytes.
    static func timeRange(characters: [Character]) -> (start: String, end: String?)? {
        timeRange(glyphs: characters)
    }

    /// ``timeRange(in:)`` of a text's characters, of the bytes of plain ASCII text, or of the scalars of plain text
    /// (``PeopleBytes/isPlain(_:)``), where each is a character of its own.
    private static func timeRange<Glyph: ClockGlyph>(glyphs characters: [Glyph]) -> (start: String, end: String?)? {
        var index = 0
        while index < characters.count {
            if let (start, afterStart) = time(characters, at: index) {
                var next = afterStart
                while next < characters.count, characters[next].is(0x20) { next += 1 }
                if next < characters.count,
                    characters[next].isDash
                        || next + 1 < characters.count
                            && characters[next].is(UInt8(ascii: "t")) && characters[next + 1].is(UInt8(ascii: "o"))
                {
                    next += characters[next].is(UInt8(ascii: "t")) ? 2 : 1
                    while next < characters.count, characters[next].is(0x20) { next += 1 }
                    if let (end, _) = time(characters, at: next, meridiemHint: start.meridiem) {
                        let startValue =
                            start.meridiem == nil && end.meridiem != nil
                            ? applyMeridiem(start.hour, end.meridiem) : start.hour
                        return (format(startValue, start.minute), format(end.hour, end.minute))
                    }
                }
                if start.explicit { return (format(start.hour, start.minute), nil) }
            }
            index += 1
        }
        return nil
    }

    private struct ClockTime {
        var hour: Int
        var minute: Int
        var meridiem: String?
        /// Written with a colon, `h` or am/pm, so clearly a time.
        var explicit: Bool
    }

    private static func time<Glyph: ClockGlyph>(
        _ characters: [Glyph],
        at start: Int,
        meridiemHint: String? = nil
    ) -> (ClockTime, Int)? {
        // A time opens with an ASCII digit (read first: it is the cheap look), after no digit or letter.
        guard start < characters.count, characters[start].isASCIIDigit else { return nil }
        if start > 0, characters[start - 1].isNumber || characters[start - 1].isLetter { return nil }
        var index = start
        // One or two ASCII digits, valued as they are read.
        var hour = 0
        while index < characters.count, characters[index].isASCIIDigit, index - start < 2 {
            hour = hour * 10 + characters[index].asciiDigitValue
            index += 1
        }
        guard hour <= 24 else { return nil }
        if index < characters.count, characters[index].isNumber { return nil }
        var minute = 0
        var explicit = false
        if index + 2 < characters.count,
            characters[index].is(UInt8(ascii: ":")) || characters[index].is(UInt8(ascii: "."))
                || characters[index].is(UInt8(ascii: "h")),
            characters[index + 1].isNumber, characters[index + 2].isNumber
        {
            minute = Int(String([characters[index + 1].character, characters[index + 2].character])) ?? 0
            explicit = !characters[index].is(UInt8(ascii: "."))
            index += 3
            if index < characters.count, characters[index].isNumber { return nil }
        }
        var look = index
        while look < characters.count, characters[look].is(0x20) { look += 1 }
        var meridiem: String?
        if look + 1 < characters.count, let half = meridiemHalf(characters[look], characters[look + 1]) {
            let afterIsLetter = look + 2 < characters.count && characters[look + 2].isLetter
            if !half.dotted, !afterIsLetter {
                meridiem = half.meridiem
                index = look + 2
                explicit = true
            } else if half.dotted, look + 3 < characters.count, characters[look + 2].isInEitherCase(UInt8(ascii: "m")) {
                meridiem = half.meridiem
                index = look + 4
                explicit = true
            }
        }
        guard explicit || meridiemHint != nil, minute < 60 else { return nil }
        let resolvedHour = meridiem.map { applyMeridiem(hour, $0) } ?? hour
        guard resolvedHour <= 24 else { return nil }
        return (ClockTime(hour: resolvedHour, minute: minute, meridiem: meridiem, explicit: explicit), index)
    }

    /// `am` or `pm` when `first` and `second` lower-cased are `am`, `pm`, `a.` or `p.` (`dotted`), else `nil`.
    ///
    /// Only `A`, `M` and `P` lower-case to `a`, `m` and `p`, and nothing else to `.`, so the glyphs are compared as
    /// they are.
    static func meridiemHalf<Glyph: ClockGlyph>(_ first: Glyph, _ second: Glyph) -> (meridiem: String, dotted: Bool)? {
        let isA = first.isInEitherCase(UInt8(ascii: "a"))
        guard isA || first.isInEitherCase(UInt8(ascii: "p")) else { return nil }
        let dotted = second.is(UInt8(ascii: "."))
        guard dotted || second.isInEitherCase(UInt8(ascii: "m")) else { return nil }
        return (isA ? "am" : "pm", dotted)
    }

    private static func applyMeridiem(_ hour: Int, _ meridiem: String?) -> Int {
        switch meridiem {
        case "pm": hour < 12 ? hour + 12 : hour
        case "am": hour == 12 ? 0 : hour
        default: hour
        }
    }

    private static func format(_ hour: Int, _ minute: Int) -> String {
        (hour < 10 ? "0\(hour)" : "\(hour)") + ":" + (minute < 10 ? "0\(minute)" : "\(minute)")
    }
}

/// What ``DateParser`` reads of a time's characters: a `Character`, a byte of plain ASCII text
/// (``TextSearch/isPlainASCII(_:)``), or a scalar of plain text (``PeopleBytes/isPlain(_:)``), each a character of its
/// own with the same properties.
protocol ClockGlyph {
    /// Whether it is an ASCII digit.
    var isASCIIDigit: Bool { get }
    /// `Character.isNumber`.
    var isNumber: Bool { get }
    /// `Character.isLetter`.
    var isLetter: Bool { get }
    /// Whether it is `-`, `–` or `—`.
    var isDash: Bool { get }
    /// The character.
    var character: Character { get }
    /// Whether it is the ASCII character `ascii`.
    func `is`(_ ascii: UInt8) -> Bool
    /// The value of an ASCII digit; asked only where ``isASCIIDigit`` holds.
    var asciiDigitValue: Int { get }
}

extension ClockGlyph {
    /// Whether it is the ASCII lower-case letter `lower` in either case.
    func isInEitherCase(_ lower: UInt8) -> Bool { `is`(lower) || `is`(lower - 0x20) }
}

extension Character: ClockGlyph {
    var isASCIIDigit: Bool { isASCII && isNumber }
    var isDash: Bool { self == "-" || self == "–" || self == "—" }
    var character: Character { self }
    func `is`(_ ascii: UInt8) -> Bool { self == Character(Unicode.Scalar(ascii)) }
    var asciiDigitValue: Int { Int(asciiValue ?? 0x30) - 0x30 }
}

/// A byte of plain ASCII text: a digit is its only kind of number, and `-` its only dash.
extension UInt8: ClockGlyph {
    var isASCIIDigit: Bool { self &- 0x30 < 10 }
    var isNumber: Bool { isASCIIDigit }
    var isLetter: Bool { (self | 0x20) &- 0x61 < 26 }
    var isDash: Bool { self == 0x2D }
    var character: Character { Character(Unicode.Scalar(self)) }
    func `is`(_ ascii: UInt8) -> Bool { self == ascii }
    var asciiDigitValue: Int { Int(self &- 0x30) }
}

/// A scalar of plain text (``PeopleBytes/isPlain(_:)``), which is a character of its own: an ASCII one is read as its
/// byte, any other as its character.
extension Unicode.Scalar: ClockGlyph {
    var isASCIIDigit: Bool { value &- 0x30 < 10 }
    var isNumber: Bool { isASCII ? isASCIIDigit : Character(self).isNumber }
    var isLetter: Bool { isASCII ? UInt8(value).isLetter : Character(self).isLetter }
    var isDash: Bool { value == 0x2D || value == 0x2013 || value == 0x2014 }
    var character: Character { Character(self) }
    func `is`(_ ascii: UInt8) -> Bool { value == UInt32(ascii) }
    var asciiDigitValue: Int { Int(value &- 0x30) }
}
