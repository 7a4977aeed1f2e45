/// Finds when an action is due: `by 30 May`, `by end of June 2021`, `(due 2020-05-01)`, `before the next meeting`,
/// `by Friday`; resolves the date against the meeting's date where it can.
enum DueDates {
    /// A due date as written, and resolved when possible.
    struct Found: Equatable {
        /// The words as written, trigger included (`by 30 May`).
        var text: String
        /// The date, when it could be resolved.
        var date: CalendarDate?
    }

    /// The first due phrase in `text`: a trigger (`by`, `before`, `due`, `deadline`, `no later than`) followed by
    /// a date or a named time (`the next meeting`, `Friday`, `end of June`).
    static func find(in text: String, reference: CalendarDate?, dayFirst: Bool) -> Found? {
        // Every trigger holds one of these words in its bytes, whatever else the text holds; text without them has none.
        guard triggerWords.occurs(in: text) else { return nil }
        let words = Words(text)
        // A word is read closer only when its bytes hold a trigger, told on them in place.
        for index in 0..<words.count where words.mayOpenTrigger(index) {
            let word = words.bare(index)
            var start = index + 1
            switch word {
            case "by", "before", "until":
                guard !words.endsWithComma(index), index + 1 < words.count else { continue }
            case "due", "deadline":
                if start < words.count, ["by", "on", "date"].contains(words.bare(start)) { start += 1 }
            case "no", "not":
                guard index + 2 < words.count, words.bare(index + 1) == "later", words.bare(index + 2) == "than"
                else { continue }
                start = index + 3
            default:
                continue
            }
            guard start < words.count,
                let (end, date) = when(words, from: start, reference: reference, dayFirst: dayFirst)
            else { continue }
            if word == "until", date == nil { continue }
            return Found(text: words.phrase(index..<end + 1), date: date)
        }
        return nil
    }

    /// The due date written in a table cell (`10 May 2021`, `by 30 April`, `before the next meeting`), or `nil`
    /// for an empty cell or a dash.
    static func cell(_ text: String, reference: CalendarDate?, dayFirst: Bool) -> Found? {
        let text = text.trimming(" ")
        guard !text.isEmpty, !["-", "–", "—", "n/a", "na", "none", "tbc", "tbd", "?"].contains(text.lowercased())
        else { return nil }
        if let found = find(in: text, reference: reference, dayFirst: dayFirst),
            text.lowercased().hasPrefix(found.text.lowercased())
        {
            return found
        }
        let words = Words(text, parts: text.split(separator: " "))
        if let (_, date) = when(words, from: 0, reference: reference, dayFirst: dayFirst) {
            return Found(text: text, date: date)
        }
        let date = DateParser.firstDate(in: text, dayFirst: dayFirst, reference: reference)?.date
        return Found(text: text, date: date)
    }

    /// The phrase of a time starting at `words[start]`: the index of its last word and the date it names.
    private static func when(
        _ words: Words,
        from start: Int,
        reference: CalendarDate?,
        dayFirst: Bool
    ) -> (end: Int, date: CalendarDate?)? {
        var index = start
        func word(_ offset: Int) -> String { index + offset < words.count ? words.bare(index + offset) : "" }
        // The first word, read once for the looks below (each read of a word cuts it from the text again).
        var first = word(0)
        if first == "the", word(1) == "end" {
            index += 1
            first = "end"
        }
        // End of a month or a period.
        if first == "end", word(1) == "of" {
            index += 2
            if word(0) == "the" { index += 1 }
            let period = word(0)
            if DateParser.months[period] != nil, period.count >= 3 {
                let hasYear = word(1).count == 4 && Int(word(1)) != nil
                let end = hasYear ? index + 1 : index
                let phrase = words.joined(index..<end + 1)
                return (end, DateParser.monthEnd(in: phrase, reference: reference))
            }
            guard let reference else {
                return ["week", "month", "year", "quarter", "day", "play", "business"].contains(period)
                    ? (index, nil) : nil
            }
            switch period {
            case "week": return (index, next(weekday: 4, after: reference, inclusive: true))
            case "month":
                return (
                    index,
                    CalendarDate(
                        year: reference.year,
                        month: reference.month,
                        day: CalendarDate.days(inMonth: reference.month, year: reference.year)
                    )
                )
            case "quarter":
                let month = ((reference.month - 1) / 3 + 1) * 3
                return (
                    index,
                    CalendarDate(
                        year: reference.year,
                        month: month,
                        day: CalendarDate.days(inMonth: month, year: reference.year)
                    )
                )
            case "year": return (index, CalendarDate(year: reference.year, month: 12, day: 31))
            case "day", "play", "business": return (index, reference)
            default: return nil
            }
        }
        switch first {
        case "eod", "eow", "cob", "asap": return nil
        case "tomorrow": return (index, reference.map { adding(1, to: $0) })
        case "today", "tonight": return (index, reference)
        default: break
        }
        // The next meeting, the following call, next week.
        var look = index
        if first == "the" { look += 1 }
        let relative = look == index ? first : look < words.count ? words.bare(look) : ""
        if isRelative(relative), look + 1 < words.count {
            let noun = words.bare(look + 1)
            if let day = weekdays[noun] {
                return (look + 1, reference.flatMap { next(weekday: day, after: $0, inclusive: false) })
            }
            if periodNouns.contains(noun) {
                var end = look + 1
                // `the next board meeting`, `next TAG call`
                if end + 1 < words.count, periodNouns.contains(words.bare(end + 1)) { end += 1 }
                return (end, nil)
            }
            if look + 2 < words.count, periodNouns.contains(words.bare(look + 2)) { return (look + 2, nil) }
            return nil
        }
        // A weekday, alone or before a date.
        if let day = weekdays[first] {
            let rest = words.joined((index + 1)..<min(index + 9, words.count))
            if let found = DateParser.firstDate(in: rest, dayFirst: dayFirst, reference: reference),
                rest.hasPrefix(found.text)
            {
                return (index + wordCount(found.text), found.date)
            }
            return (index, reference.flatMap { next(weekday: day, after: $0, inclusive: false) })
        }
        // A date.
        var dateStart = index
        if first == "the" || first == "on" { dateStart += 1 }
        guard dateStart < words.count else { return nil }
        let rest = words.joined(dateStart..<min(dateStart + 8, words.count))
        if let found = DateParser.firstDate(in: rest, dayFirst: dayFirst, reference: reference),
            rest.hasPrefix(found.text)
        {
            return (dateStart + wordCount(found.text) - 1, found.date)
        }
        // A month, alone or with its year: `by June 2021`.
        let monthWord = words.bare(dateStart)
        if DateParser.months[monthWord] != nil, monthWord.count >= 3 {
            let yearWord = dateStart + 1 < words.count ? words.bare(dateStart + 1) : ""
            if yearWord.count == 4, Int(yearWord) != nil {
                return (dateStart + 1, DateParser.monthEnd(in: "\(words.word(dateStart)) \(yearWord)", reference: nil))
            }
            return (dateStart, nil)
        }
        return nil
    }

    /// Whether `word` makes the next words a relative time: `next`, `following`, `upcoming`, `this`.
    private static func isRelative(_ word: String) -> Bool {
        switch word {
        case "next", "following", "upcoming", "this": true
        default: false
        }
    }

    private static let periodNouns: Set<String> = [
        "meeting", "meetings", "call", "calls", "telecon", "teleconference", "session", "week", "month", "sprint",
        "release", "f2f", "face-to-face", "board", "committee", "council", "tsc", "wg", "agm", "retreat", "workshop",
        "summit", "iteration", "cycle", "quarter", "year", "term", "conference", "review",
    ]

    private static let weekdays: [String: Int] = [
        "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2, "thursday": 3, "thu": 3,
        "thurs": 3, "friday": 4, "fri": 4, "saturday": 5, "sat": 5, "sunday": 6, "sun": 6,
    ]

    /// A word of each trigger: `by`, `before`, `until`, `due`, `deadline`, `no later than`.
    private static let triggerWords = TextSearch.Vocabulary(["by", "before", "until", "due", "deadline", "later"])

    /// What each word that opens a trigger holds, in any case (`no` for `no later than`, `not later than`).
    static let triggerParts = TextSearch.Vocabulary(triggerPartWords)

    /// The words of ``triggerParts``.
    static let triggerPartWords = ["by", "before", "until", "due", "deadline", "no"]

    /// The words of a text, kept as where they stand in its bytes: each is read (``bare(_:)``, made a substring) only
    /// when asked for.
    private struct Words {
        /// The text the words are cut from.
        let text: String
        /// Whether each scalar of the text is a character of its own (``PeopleBytes/isPlain(_:)``).
        let plain: Bool
        /// Where each word stands in the text's bytes.
        let spans: [Range<Int>]

        /// The words of `text` between spaces (`OwnerParser.leadingWords` of them all): cut on the bytes when each
        /// scalar is a character of its own (``PeopleBytes/isPlain(_:)``), as the characters would cut them.
        init(_ text: String) {
            let cut = PeopleBytes.withBytes(text) { bytes -> [Range<Int>]? in
                guard TextSearch.isPlainASCII(bytes) || PeopleBytes.isPlain(bytes) else { return nil }
                var spans: [Range<Int>] = []
                // Room for the words of most lines at once.
                spans.reserveCapacity(24)
                var start = 0
                for offset in 0...bytes.count where offset == bytes.count || bytes[offset] == UInt8(ascii: " ") {
                    if start < offset { spans.append(start..<offset) }
                    start = offset + 1
                }
                return spans
            }
            self.init(text, spans: cut ?? Self.spans(of: text.split(separator: " "), in: text), plain: cut != nil)
        }

        /// The words `parts` of `text`.
        init(_ text: String, parts: [Substring]) {
            self.init(text, spans: Self.spans(of: parts, in: text), plain: false)
        }

        private init(_ text: String, spans: [Range<Int>], plain: Bool) {
            self.text = text
            self.plain = plain
            self.spans = spans
        }

        /// Where each of `parts`, substrings of `text`, stands in its bytes.
        private static func spans(of parts: [Substring], in text: String) -> [Range<Int>] {
            let utf8 = text.utf8
            return parts.map { part in
                let start = utf8.distance(from: utf8.startIndex, to: part.startIndex)
                return start..<start + part.utf8.count
            }
        }

        var count: Int { spans.count }

        /// Word `index` as written.
        func word(_ index: Int) -> Substring {
            let utf8 = text.utf8
            let start = utf8.index(utf8.startIndex, offsetBy: spans[index].lowerBound)
            return text[start..<utf8.index(start, offsetBy: spans[index].count)]
        }

        /// Whether word `index` ends with `,`: its last byte in plain text, where a comma is a character alone.
        func endsWithComma(_ index: Int) -> Bool {
            guard plain else { return word(index).hasSuffix(",") }
            let utf8 = text.utf8
            return utf8[utf8.index(utf8.startIndex, offsetBy: spans[index].upperBound - 1)] == UInt8(ascii: ",")
        }

        /// `OwnerParser.joined` of the words of `range`: the text from the first to the last when one space stands
        /// between each two, else the words joined by single spaces.
        func joined(_ range: Range<Int>) -> String {
            guard let first = range.first, let last = range.last else { return "" }
            let length = range.reduce(range.count - 1) { $0 + spans[$1].count }
            guard spans[last].upperBound - spans[first].lowerBound == length else {
                return range.map(word).joined(separator: " ")
            }
            let utf8 = text.utf8
            let start = utf8.index(utf8.startIndex, offsetBy: spans[first].lowerBound)
            return String(text[start..<utf8.index(start, offsetBy: length)])
        }

        /// ``DueDates/bare(_:)`` of word `index`.
        ///
        /// Read from the text's bytes in place, with no substring made, when the word is plain ASCII: that costs less
        /// than keeping each word read for a second look.
        func bare(_ index: Int) -> String {
            let span = spans[index]
            return PeopleBytes.withBytes(text) { DueDates.plainBare(UnsafeBufferPointer(rebasing: $0[span])) }
                ?? DueDates.bare(word(index))
        }

        /// Whether word `index` may open a trigger (``DueDates/mayOpenTrigger(_:)``), told on its bytes in place.
        func mayOpenTrigger(_ index: Int) -> Bool {
            PeopleBytes.withBytes(text) { DueDates.mayOpenTrigger(UnsafeBufferPointer(rebasing: $0[spans[index]])) }
        }

        /// The due phrase of the words of `range`, as written.
        ///
        /// That is ``joined(_:)`` trimmed of `(`, `[` and spaces at both ends, then of `.,;:)]` at its end: cut from the
        /// bytes of plain ASCII text when one space stands between each two words, where each byte is a character.
        func phrase(_ range: Range<Int>) -> String {
            let cut = PeopleBytes.withBytes(text) { bytes -> String? in
                guard let first = range.first, let last = range.last, TextSearch.isPlainASCII(bytes) else { return nil }
                let span = spans[first].lowerBound..<spans[last].upperBound
                let length = range.reduce(range.count - 1) { $0 + spans[$1].count }
                guard span.count == length else { return nil }
                return trimmedPhrase(bytes: UnsafeBufferPointer(rebasing: bytes[span]))
            }
            return cut ?? trimmedPhrase(joined(range))
        }
    }

    /// `text` trimmed of `(`, `[` and spaces at both ends, then of `.,;:)]` at its end: a due phrase as written.
    static func trimmedPhrase(_ text: String) -> String {
        trimEnd(text.trimming("([ "), ".,;:)]")
    }

    /// ``trimmedPhrase(_:)`` of the bytes of plain ASCII text (``TextSearch/isPlainASCII(_:)``), each a character.
    static func trimmedPhrase(bytes: UnsafeBufferPointer<UInt8>) -> String {
        var start = 0
        var end = bytes.count
        while start < end, phraseOpenings.contains(bytes[start]) { start += 1 }
        while end > start, phraseOpenings.contains(bytes[end - 1]) { end -= 1 }
        while end > start, phraseClosings.contains(bytes[end - 1]) { end -= 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

    /// What a due phrase is trimmed of at both ends, then at its end (``trimmedPhrase(_:)``).
    private static let phraseOpenings = TextSearch.ByteSet("([ ")
    private static let phraseClosings = TextSearch.ByteSet(".,;:)]")

    /// `text.split(separator: " ").count`, counted on the bytes of plain ASCII.
    private static func wordCount(_ text: String) -> Int {
        TextSearch.wordCount(text) ?? text.split(separator: " ").count
    }

    /// Whether a word of ``triggerParts`` occurs in `word`, ASCII case-insensitively as the vocabulary looks: found
    /// at the pair of bytes each starts with, read in place.
    static func holdsTriggerPart(_ word: Substring) -> Bool {
        var word = word
        return word.withUTF8 { holdsTriggerPart($0) }
    }

    /// ``holdsTriggerPart(_:)`` of a word's bytes.
    static func holdsTriggerPart(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count >= 2 else { return false }
        for index in 0..<(bytes.count - 1) {
            switch (lowered(bytes[index]), lowered(bytes[index + 1])) {
            case (UInt8(ascii: "b"), UInt8(ascii: "y")), (UInt8(ascii: "n"), UInt8(ascii: "o")): return true
            case (UInt8(ascii: "b"), UInt8(ascii: "e")):
                if PeopleBytes.opens(bytes, at: index, "before") { return true }
            case (UInt8(ascii: "u"), UInt8(ascii: "n")): if PeopleBytes.opens(bytes, at: index, "until") { return true }
            case (UInt8(ascii: "d"), UInt8(ascii: "u")): if PeopleBytes.opens(bytes, at: index, "due") { return true }
            case (UInt8(ascii: "d"), UInt8(ascii: "e")):
                if PeopleBytes.opens(bytes, at: index, "deadline") { return true }
            default: continue
            }
        }
        return false
    }

    /// Whether the word of `bytes` may be one of the trigger words ``find(in:reference:dayFirst:)`` reads on: for plain
    /// ASCII (``TextSearch/isPlainASCII(_:)``), whether its ``bare(_:)`` form is `by`, `before`, `until`, `due`,
    /// `deadline`, `no` or `not`, told on the bytes; for other words, ``holdsTriggerPart(_:)``.
    static func mayOpenTrigger(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let core = UnsafeBufferPointer(rebasing: bytes[bareRange(bytes)])
        let isTrigger =
            switch core.count {
            case 2: PeopleBytes.opens(core, at: 0, "by") || PeopleBytes.opens(core, at: 0, "no")
            case 3: PeopleBytes.opens(core, at: 0, "due") || PeopleBytes.opens(core, at: 0, "not")
            case 5: PeopleBytes.opens(core, at: 0, "until")
            case 6: PeopleBytes.opens(core, at: 0, "before")
            case 8: PeopleBytes.opens(core, at: 0, "deadline")
            default: false
            }
        if isTrigger { return true }
        // Only a word beyond plain ASCII is read closer: by characters its bare form may differ.
        for byte in bytes where byte >= 0x80 || byte == 0x0D { return holdsTriggerPart(bytes) }
        return false
    }

    private static func lowered(_ byte: UInt8) -> UInt8 { PeopleBytes.lowered(byte) }

    /// The range of ASCII `bytes` without the ``bareMarks`` around them.
    private static func bareRange(_ bytes: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        var start = 0
        var end = bytes.count
        while start < end, bareMarks.contains(bytes[start]) { start += 1 }
        while end > start, bareMarks.contains(bytes[end - 1]) { end -= 1 }
        return start..<end
    }

    /// A word lower-cased, without brackets and punctuation around it.
    static func bare(_ word: Substring) -> String {
        // Plain ASCII is lower-cased and trimmed on the bytes: the curly quotes are no ASCII character.
        var bytesOf = word
        return bytesOf.withUTF8(plainBare) ?? bareByCharacters(word)
    }

    /// ``bare(_:)`` of a word's bytes when they are plain ASCII (``TextSearch/isPlainASCII(_:)``), `nil` otherwise.
    static func plainBare(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard TextSearch.isPlainASCII(bytes) else { return nil }
        let range = bareRange(bytes)
        return String(unsafeUninitializedCapacity: range.count) { out in
            for offset in range { out[offset - range.lowerBound] = lowered(bytes[offset]) }
            return range.count
        }
    }

    /// ``bare(_:)`` read as characters: for any word.
    static func bareByCharacters(_ word: some StringProtocol) -> String {
        word.lowercased().trimming("()[],.;:!?\"'“”")
    }

    /// The ASCII characters ``bare(_:)`` trims.
    private static let bareMarks = TextSearch.ByteSet("()[],.;:!?\"'")

    /// `text` without trailing characters from `set`, an ASCII set.
    static func trimEnd(_ text: String, _ set: String) -> String {
        // In plain ASCII each byte is a character, found in the set by its byte.
        if TextSearch.isPlainASCII(text) {
            let marks = TextSearch.ByteSet(set)
            var end = text.utf8.count
            let utf8 = text.utf8
            var index = utf8.endIndex
            while end > 0 {
                let before = utf8.index(before: index)
                guard marks.contains(utf8[before]) else { break }
                index = before
                end -= 1
            }
            return end == utf8.count ? text : String(text[..<index])
        }
        return trimEndByCharacters(text, set)
    }

    /// ``trimEnd(_:_:)`` read as characters: for any text.
    static func trimEndByCharacters(_ text: String, _ set: String) -> String {
        let end = text.lastIndex { !set.contains($0) }.map { text.index(after: $0) } ?? text.startIndex
        return String(text[..<end])
    }

    // MARK: - Calendar arithmetic

    /// Days since 1970-01-01.
    static func dayNumber(_ date: CalendarDate) -> Int {
        let year = date.month <= 2 ? date.year - 1 : date.year
        let era = (year >= 0 ? year : year - 399) / 400
        let yearOfEra = year - era * 400
        let dayOfYear = (153 * (date.month + (date.month > 2 ? -3 : 9)) + 2) / 5 + date.day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date `days` days after 1970-01-01.
    static func date(dayNumber days: Int) -> CalendarDate? {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return CalendarDate(year: year, month: month, day: day)
    }

    /// The day of the week, 0 for Monday to 6 for Sunday.
    static func weekday(of date: CalendarDate) -> Int {
        ((dayNumber(date) % 7) + 7 + 3) % 7
    }

    /// `date` moved by `days`.
    static func adding(_ days: Int, to date: CalendarDate) -> CalendarDate {
        Self.date(dayNumber: dayNumber(date) + days) ?? date
    }

    /// The first `weekday` (0 for Monday) after `date`, or on it when `inclusive`.
    static func next(weekday: Int, after date: CalendarDate, inclusive: Bool) -> CalendarDate {
        var gap = (weekday - Self.weekday(of: date) + 7) % 7
        if gap == 0, !inclusive { gap = 7 }
        return adding(gap, to: date)
    }
}
