public import Ingest

/// Finds the meeting's date, start and end time, and place.
///
/// The date comes from front matter, else a `Date:` line (or heading), else the lines near the top, else the title,
/// else the file name (`2016-10-06.md`, `20201117_minutes.md`). Time and place come from the same lines: the
/// seed's `15:00 – 17:00, 21st April 2020, via video call` gives all three.
public struct MetadataExtractor: Sendable {
    /// What was found.
    public struct Result: Sendable {
        /// The title, from ``SectionExtractor``.
        public var title: String?
        /// The meeting date.
        public var date: CalendarDate?
        /// `HH:MM`.
        public var startTime: String?
        /// `HH:MM`.
        public var endTime: String?
        /// Where the meeting took place.
        public var location: String?
        /// A warning when no date was found.
        public var diagnostics: [Diagnostic] = []
    }

    /// How many blocks at the top of a note are read for its date, time and place.
    static let topBlocks = 25

    static let dateLabels: Set<String> = [
        "date", "meeting date", "date/time", "meeting date/time", "when", "held on", "meeting from", "date and time",
    ]
    static let timeLabels: Set<String> = ["time", "times", "meeting time"]
    static let placeLabels: Set<String> = ["location", "venue", "where", "place", "meeting place", "meeting location"]
    static let platforms = [
        "video call", "video conference", "videoconference", "teleconference", "conference call", "phone call", "zoom",
        "microsoft teams", "google meet", "skype", "webex", "jitsi", "online", "telecon", "irc",
    ]

    /// Creates an extractor.
    public init() {}

    /// Finds the metadata of the note in `context`, and records the date there for later extractors.
    public func extract(_ context: inout ExtractionContext, title: String?) -> Result {
        var result = Result(title: title)
        let blocks = context.blocks
        let dayFirst = context.options.dayFirst
        let vocabulary = context.options.vocabulary
        let frontMatter = context.document.frontMatter
        // Lines near the top: before the first section that is not about people or metadata, at most
        // `topBlocks` (so a heading past them, which would leave that bound, is not read; headings come in block
        // order).
        var firstBodySection: Int?
        for index in context.headingBlock {
            guard index < Self.topBlocks else { break }
            if !PeopleWords.isPeopleHeading(blocks[index].text.lowercased(), vocabulary: vocabulary) {
                firstBodySection = index
                break
            }
        }
        let topEnd = Swift.min(firstBodySection ?? blocks.count, Self.topBlocks)
        var top = TopLines(BlockTexts(blocks: blocks, endIndex: topEnd))

        // Date
        if let text = frontMatter?["date"]?.text, let found = DateParser.firstDate(in: text, dayFirst: dayFirst) {
            result.date = found.date
        }
        var dateLine: String?
        if result.date == nil {
            for index in top.texts.indices {
                guard let value = top.value(index, labelledIn: Self.dateLabels) else { continue }
                if let found = DateParser.firstDate(in: value, dayFirst: dayFirst) {
                    result.date = found.date
                    dateLine = value
                    break
                }
            }
        }
        if result.date == nil {
            // A line without a digit holds no date: the people label, read for no other reason, is not looked for.
            for index in top.texts.indices where mayHoldDate(top.texts[index]) {
                guard !top.isPeopleLabel(index, vocabulary: vocabulary), !mentionsADeadline(top.texts[index]) else {
                    continue
                }
                if let found = DateParser.firstDate(in: top.texts[index], dayFirst: dayFirst) {
                    result.date = found.date
                    dateLine = top.texts[index]
                    break
                }
            }
        }
        if result.date == nil, let title, let found = DateParser.firstDate(in: title, dayFirst: dayFirst) {
            result.date = found.date
        }
        if result.date == nil { result.date = dateFromFileName(context.path) }
        if result.date == nil {
            result.diagnostics.append(
                Diagnostic(.warning, "no meeting date found in the note or its file name", file: context.path, line: 1)
            )
        }
        context.meetingDate = result.date

        // Time
        if let text = frontMatter?["time"]?.text, let range = DateParser.timeRange(in: text) {
            (result.startTime, result.endTime) = range
        }
        if result.startTime == nil {
            var lines: [String] = dateLine.map { [$0] } ?? []
            for index in top.texts.indices {
                if let value = top.value(index, labelledIn: Self.timeLabels) { lines.append(value) }
            }
            for line in lines {
                if let range = DateParser.timeRange(in: line) {
                    (result.startTime, result.endTime) = range
                    break
                }
            }
            // Then the first top line with a time that labels no people: the label is read only where a time is.
            for index in top.texts.indices where result.startTime == nil {
                guard let range = DateParser.timeRange(in: top.texts[index]),
                    !top.isPeopleLabel(index, vocabulary: vocabulary)
                else { continue }
                (result.startTime, result.endTime) = range
            }
        }

        // Place
        if let text = frontMatter?["location"]?.text ?? frontMatter?["venue"]?.text, !text.isEmpty {
            result.location = tidy(text)
        }
        if result.location == nil {
            for index in top.texts.indices {
                if let value = top.value(index, labelledIn: Self.placeLabels), !value.isEmpty {
                    result.location = value
                    break
                }
            }
        }
        if result.location == nil {
            if let dateLine, !PeopleWords.isPeopleLabel(dateLine, vocabulary: vocabulary),
                let place = Self.place(in: dateLine)
            {
                result.location = place
            }
            for index in top.texts.indices where result.location == nil {
                // The label is read only where a place is.
                guard let place = Self.place(in: top.texts[index]), !top.isPeopleLabel(index, vocabulary: vocabulary)
                else {
                    continue
                }
                result.location = place
            }
        }
        return result
    }

    /// Whether a line sets a deadline (`by 30 May`, `due 2021-05-01`, `before 3 June`): its date is not the
    /// meeting's.
    private func mentionsADeadline(_ text: String) -> Bool {
        TextSearch.lowercasedContains(" " + text, [" by ", " due ", " before ", " until ", " deadline", "(due"])
    }

    /// The label of `text` (`date` for `**Date:** 21 April`) and where its colon stands, the value
    /// (``value(of:after:)``, `21 April`) left unread.
    static func labelAndColon(_ text: String) -> (label: String, colon: String.Index)? {
        // A `:` character is a `:` byte; plain ASCII, a character a byte, is read on its bytes in one pass.
        guard PeopleBytes.containsByte(text, UInt8(ascii: ":")) else { return nil }
        guard TextSearch.isPlainASCII(text) else { return labelAndColon(characters: text) }
        return PeopleBytes.withBytes(text) { bytes in
            guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")),
                let label = plainLabel(UnsafeBufferPointer(rebasing: bytes[..<colon]))
            else { return nil }
            return (label, text.utf8.index(text.utf8.startIndex, offsetBy: colon))
        }
    }

    /// ``labelAndColon(_:)`` read by characters, for any text.
    static func labelAndColon(characters text: String) -> (label: String, colon: String.Index)? {
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let label = PeopleText.lowercased(tidy(String(text[..<colon]).trimming("*_#- ")))
        guard !label.isEmpty, (TextSearch.wordCount(label) ?? label.split(separator: " ").count) <= 3 else {
            return nil
        }
        return (label, colon)
    }

    /// The label of plain ASCII `bytes`, those before the colon, as ``labelAndColon(characters:)`` makes it.
    ///
    /// That is without `*_#- ` at its ends, white space collapsed, in lower case; `nil` when it is empty or has more
    /// than three words.
    private static func plainLabel(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        /// Whether `byte` is one of `*_#- `, trimmed from the ends.
        func isTrimmed(_ byte: UInt8) -> Bool { PeopleBytes.isMarkup(byte) || byte == UInt8(ascii: " ") }
        var start = 0
        var end = bytes.count
        while start < end, isTrimmed(bytes[start]) { start += 1 }
        while end > start, isTrimmed(bytes[end - 1]) { end -= 1 }
        var spaces = 0
        let label = String(unsafeUninitializedCapacity: end - start) { out in
            var count = 0
            var pendingSpace = false
            for byte in bytes[start..<end] {
                if PeopleBytes.isSpace(byte) {
                    pendingSpace = count > 0
                    continue
                }
                if pendingSpace {
                    out[count] = 0x20
                    count += 1
                    spaces += 1
                    pendingSpace = false
                }
                out[count] = PeopleBytes.lowered(byte)
                count += 1
            }
            return count
        }
        return !label.isEmpty && spaces < 3 ? label : nil
    }

    /// The value of a labelled `text` whose colon stands at `colon` (``labelAndColon(_:)``).
    fileprivate static func value(of text: String, after colon: String.Index) -> String {
        tidy(String(text[text.index(after: colon)...]).trimming("*_ "))
    }

    /// The part of a comma-separated line that names a call platform or says `via`/`at`/`in` a place.
    static func place(in line: String) -> String? {
        // Each part of tidy text is its text: one that starts with `via ` or names a platform holds its bytes, in
        // either case, unless a scalar of it lower-cases to ASCII (U+0130 and U+212A).
        if isTidy(line), TextSearch.isPlainASCII(line) || !TextSearch.mayLowerCaseToASCII(line),
            !platformWords.occurs(in: line),
            !TextSearch.contains(line, "via ", ignoringCase: true)
        {
            return nil
        }
        // A line without a comma byte is one part, a place only after `via`.
        if !PeopleBytes.containsByte(line, UInt8(ascii: ",")), !TextSearch.lowercasedHasPrefix(line, ["via "]) {
            return nil
        }
        return placeByParts(in: line)
    }

    /// ``place(in:)`` read part by part, without the first look at the whole line.
    static func placeByParts(in line: String) -> String? {
        // Split on the bytes where each comma stands alone, as in plain ASCII.
        let parts = (splitStandingAlone(line, at: 0x2C) ?? line.split(separator: ",", omittingEmptySubsequences: false))
            .filter { !$0.isEmpty }.map { tidy(String($0)) }
        guard parts.count > 1 || TextSearch.lowercasedHasPrefix(line, ["via "]) else { return nil }
        // A part that names a place and holds no date or time; the cheap test first.
        for part in parts
        where TextSearch.lowercasedHasPrefix(part, ["via "]) || namesPlatform(part) {
            if mayHoldDate(part) && DateParser.firstDate(in: part) != nil || DateParser.timeRange(in: part) != nil {
                continue
            }
            return part
        }
        return nil
    }

    /// Whether `text`, lower-cased, contains one of the ``platforms``: in plain ASCII (each byte a character) the
    /// one pass of ``platformWords`` over the bytes, in any case, says so.
    static func namesPlatform(_ text: String) -> Bool {
        if TextSearch.isPlainASCII(text) { return platformWords.occurs(in: text) }
        // Other text holds a platform, lower-cased, only where its bytes hold one in either case, unless it holds one
        // of the two scalars that lower-case to ASCII (no platform has a `;`, `` ` `` or `K`, which other scalars
        // equal as characters): the same pass rules most of it out.
        if !TextSearch.mayLowerCaseToASCII(text), !platformWords.occurs(in: text) { return false }
        return TextSearch.lowercasedContains(text, platforms)
    }

    /// ``platforms`` for a look at the bytes.
    private static let platformWords = TextSearch.Vocabulary(platforms)

    /// A date in the file name: `2016-10-06.md`, `minutes-2016-04-21.md`, `20201117_agenda.md`.
    private func dateFromFileName(_ path: String) -> CalendarDate? {
        let name = String(path.split(separator: "/").last ?? "")
        if let found = DateParser.firstDate(in: name.replacingAll("_", with: " ")), found.hasYear { return found.date }
        var digits = ""
        for character in name {
            if character.isASCII, character.isNumber {
                digits.append(character)
                if digits.count == 8, let year = Int(digits.prefix(4)), let month = Int(digits.dropFirst(4).prefix(2)),
                    let day = Int(digits.suffix(2)), let date = CalendarDate(year: year, month: month, day: day)
                {
                    return date
                }
            } else {
                digits = ""
            }
        }
        return nil
    }
}

/// The lines near the top of a note, each read for a label and for a people label at most once however many
/// of the date, time and place looks ask.
private struct TopLines {
    /// The lines' texts.
    let texts: BlockTexts
    /// For each line read for a label, its label and colon, if it is labelled.
    private var labels: [(label: String, colon: String.Index)??]
    private var peopleLabels: [Bool?]

    init(_ texts: BlockTexts) {
        self.texts = texts
        labels = Array(repeating: nil, count: texts.count)
        peopleLabels = Array(repeating: nil, count: texts.count)
    }

    /// The value of line `index`, if it is labelled with one of `labels`: the value is read only then.
    mutating func value(_ index: Int, labelledIn labels: Set<String>) -> String? {
        let found: (label: String, colon: String.Index)?
        if let known = self.labels[index] {
            found = known
        } else {
            found = MetadataExtractor.labelAndColon(texts[index])
            self.labels[index] = .some(found)
        }
        guard let found, labels.contains(found.label) else { return nil }
        return MetadataExtractor.value(of: texts[index], after: found.colon)
    }

    /// Whether line `index` labels people (`Present:`), so names no date, time or place.
    mutating func isPeopleLabel(_ index: Int, vocabulary: Vocabulary) -> Bool {
        if let known = peopleLabels[index] { return known }
        // A line without a colon is its own head, which the label look would find by splitting it by characters.
        let text = texts[index]
        let found =
            PeopleBytes.containsByte(text, UInt8(ascii: ":"))
            ? PeopleWords.isPeopleLabel(text, vocabulary: vocabulary)
            : PeopleWords.isPeopleHeading(text, vocabulary: vocabulary)
        peopleLabels[index] = found
        return found
    }
}

/// The texts of the first blocks of a note, read from the blocks in place rather than copied out.
private struct BlockTexts: RandomAccessCollection {
    /// The note's blocks.
    let blocks: [OutlineBlock]
    /// The number of blocks read.
    let endIndex: Int
    /// The first block.
    var startIndex: Int { 0 }
    /// The text of block `index`.
    subscript(index: Int) -> String { blocks[index].text }
}
