import Ingest

/// Recognises what marks a decision: `Decision:`, `Resolved:`, `RESOLUTION:`, `Agreed:`, `Conclusion:`,
/// `Consensus is that …`, motion outcomes (`Resolution: Passed`), result lines (`Approved …`, `…, passed`) and
/// outcome lines that need the proposal above them (`Agreement in the room`).
enum DecisionMarker {
    /// Words at least one of which every decision a marker or an outcome recognises contains: a line with none of
    /// them is no decision (unless it stands under a decision heading), and is not read closer.
    static let vocabulary = TextSearch.Vocabulary(vocabularyWords)

    /// The words of ``vocabulary``.
    static let vocabularyWords = [
        "decision", "decide", "resolv", "resolution", "agree", "conclusion", "consensus", "outcome", "result",
        "motion", "proposal", "amendment", "carried", "defeated", "passed", "failed", "tabled", "approved", "adopted",
        "lost", "rejected", "withdrawn", "ratified", "accepted", "objection", "unanimous", "+1", "postponed",
        "deferred", "declined",
    ]

    /// What a marker left.
    struct Match: Equatable {
        /// The text after the marker; empty for a bare `Decisions:` label.
        var text: String
    }

    /// The marker at the start of `text`: `Decision:`, `Resolved -`, `RESOLVED that …`, `[DECISION]`.
    static func leading(_ text: String, extra: [String] = []) -> Match? {
        if let body = Vocabulary.marked(text, by: extra) { return Match(text: body) }
        // Every marker below starts with one of a few characters; most lines start with none of them. The first byte
        // after the leading spaces is the first of the trimmed text: spaces before an ASCII byte are characters alone.
        guard let first = text.utf8.first(where: { $0 != 0x20 }), leadingBytes.contains(first) else { return nil }
        // Only the spaces before the keyword change the look (those after it end its letters): text without them is
        // looked at as it is, and most is settled with no string made.
        if first != UInt8(ascii: "["), first != UInt8(ascii: "#"),
            !mayOpenWithKeyword(text.utf8.first == 0x20 ? text.trimming(" ") : text)
        {
            return nil
        }
        let text = text.trimming(" ")
        if text.hasPrefix("["), let close = text.firstIndex(of: "]") {
            let tag = text[text.index(after: text.startIndex)..<close].lowercased().trimming(" ")
            guard ["decision", "decided", "resolved", "resolution", "agreed", "agreement"].contains(tag) else {
                return nil
            }
            return Match(text: text[text.index(after: close)...].trimming(" :-–—"))
        }
        var lower = text.lowercased()
        var body = Substring(text)
        // `#agreed …`, `#decision …`: meeting-bot commands.
        for command in ["#agreed ", "#agree ", "#decision ", "#decided ", "#resolved "] where lower.hasPrefix(command) {
            return Match(text: text.dropFirst(command.count).trimming(" "))
        }
        if lower.hasPrefix("it was resolved that ") || lower.hasPrefix("it was resolved: ") {
            return Match(text: String(text.dropFirst("it was resolved that ".count)).trimming(" "))
        }
        let keyword = text.prefix { $0.isLetter }
        guard keywords.contains(keyword.lowercased()), keyword.first?.isUppercase == true || !keyword.hasSuffix("s")
        else { return nil }
        // `Result:` and `Outcome:` mark decisions only when they give a motion's outcome (`Result: Passed`).
        let weak = ["result", "outcome", "outcomes"].contains(keyword.lowercased())
        if weak {
            let rest = text.dropFirst(keyword.count).drop { $0 == " " }
            guard rest.hasPrefix(":"), isOutcome(rest.dropFirst().trimming(" ")) else { return nil }
        }
        body = body.dropFirst(keyword.count)
        lower = body.lowercased()
        // `Decision made:`, `Decisions taken -`
        for kind in [" made", " taken", " reached"] where lower.hasPrefix(kind) {
            body = body.dropFirst(kind.count)
            lower = String(lower.dropFirst(kind.count))
        }
        let trimmed = body.drop { $0 == " " }
        if trimmed.hasPrefix(":") { return Match(text: trimmed.dropFirst().trimming(" ")) }
        if let first = trimmed.first, "-–—".contains(first), trimmed.dropFirst().hasPrefix(" "),
            body.hasPrefix(" ")
        {
            return Match(text: trimmed.dropFirst().trimming(" "))
        }
        // `RESOLVED that …`, `RESOLVED, …`
        if keyword == "RESOLVED" || keyword == "AGREED" || keyword == "Resolved" && lower.hasPrefix(" that ") {
            if lower.hasPrefix(" that ") { return Match(text: body.dropFirst(6).trimming(" ")) }
            if trimmed.hasPrefix(",") { return Match(text: trimmed.dropFirst().trimming(" ")) }
            if keyword.allSatisfy(\.isUppercase), body.hasPrefix(" ") { return Match(text: trimmed.trimming(" ")) }
        }
        return nil
    }

    /// Whether `text` may open with `it was resolved` or one of the ``keywords``.
    ///
    /// Any text: only ASCII letters lower-case to the ASCII letters of `it was resolved` and the keywords (none
    /// holds `k`), and a keyword is the letters that open the text, so its bytes are the ASCII letters there.
    static func mayOpenWithKeyword(_ text: String) -> Bool {
        if TextSearch.hasPrefix(text, ignoringCase: "it was resolved") { return true }
        // The ASCII letters that open the text, lower-cased, are its keyword when it has one.
        var bytesOf = text
        return bytesOf.withUTF8 { bytes in
            var end = 0
            while end < bytes.count, PeopleText.isLetter(bytes[end]) { end += 1 }
            return keywordBytes.containsLowered(UnsafeBufferPointer(rebasing: bytes[..<end]))
        }
    }

    /// ``keywords``, looked up on the bytes.
    private static let keywordBytes = ByteWordSet(keywords)

    /// Whether a marker's text is a bare motion outcome: `Passed.`, `Rejected`, `Postponed to next meeting …`.
    static func isOutcome(_ text: String) -> Bool {
        let words = text.split(separator: " ")
        guard let first = words.first, words.count <= 14 else { return false }
        return outcomes.contains(first.lowercased().trimming(".,;:!"))
    }

    /// Whether `text` is an outcome with no content of its own: `Agreement in the room`, `Agreed.`, `Carried`.
    static func isBareOutcome(_ text: String, cues: LineCues? = nil) -> Bool {
        // Each bare outcome holds one of these words, whatever else the text holds.
        guard cues?.has(LineCues.bareOutcome) ?? bareOutcomeWords.occurs(in: text) else { return false }
        // It has at most eight words besides emoji codes unless it is agreement `in the room`: text with more is
        // none. Lower-casing makes no `room` of other letters, and keeps each word an emoji code or not, and of
        // trimmed marks alone or not. The words are counted on the bytes when each scalar is a character of its own
        // (so that its spaces split it where the characters would), else by characters, no further than the ninth.
        // Agreement in the room opens with one of a few words, which the bytes tell of plain text.
        let plain = PeopleBytes.isPlain(text)
        let room = cues?.has(LineCues.room) ?? TextSearch.contains(text, "room", ignoringCase: true)
        if !room || plain && !opensWithAgreement(text),
            plain ? contentWordCount(text, besides: trimmed, limit: 8) > 8 : hasContentWords(text, moreThan: 8)
        {
            return false
        }
        // Plain ASCII lower-cases and splits on the bytes as it does by characters.
        let key = TextSearch.isPlainASCII(text) ? bareOutcomeKey(plain: text) : bareOutcomeKey(text)
        return bareOutcomes.contains(key) || isGeneralAgreement(key)
    }

    /// ``isBareOutcome(_:)`` read by characters, without the quick looks.
    static func isBareOutcomeByCharacters(_ text: String) -> Bool {
        let key = bareOutcomeKey(text)
        return bareOutcomes.contains(key) || isGeneralAgreement(key)
    }

    /// What ``isBareOutcome(_:)`` looks up: the words of `text`, lower-cased, without emoji codes, joined and trimmed.
    static func bareOutcomeKey(_ text: String) -> String {
        // Emoji codes (`:+1:`) say nothing more.
        let words = text.lowercased().split(separator: " ").filter {
            !($0.count > 2 && $0.hasPrefix(":") && $0.hasSuffix(":"))
        }
        return words.joined(separator: " ").trimming(" .![]()")
    }

    /// ``bareOutcomeKey(_:)`` of plain ASCII `text` (``TextSearch/isPlainASCII(_:)``), where each byte is a character
    /// that lower-cases to one byte: gathered from the bytes without a string for each word.
    static func bareOutcomeKey(plain text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            var key: [UInt8] = []
            key.reserveCapacity(bytes.count)
            forEachWord(in: bytes) { word in
                if !key.isEmpty { key.append(0x20) }
                for byte in bytes[word] { key.append(PeopleBytes.isUpperLetter(byte) ? byte | 0x20 : byte) }
                return true
            }
            var first = 0
            var last = key.count
            while first < last, trimmed.contains(key[first]) { first += 1 }
            while last > first, trimmed.contains(key[last - 1]) { last -= 1 }
            return String(decoding: key[first..<last], as: UTF8.self)
        }
    }

    /// The words of `text` (plain, ``PeopleBytes/isPlain(_:)``) that are neither emoji codes (`:+1:`) nor made only
    /// of ASCII `marks` (what is trimmed from the ends), counted on the bytes: a word of more than two characters has
    /// more than two bytes, and one of two bytes or fewer is a character each.
    ///
    /// Stops counting past `limit`, where the answer is known.
    private static func contentWordCount(_ text: String, besides marks: TextSearch.ByteSet, limit: Int) -> Int {
        var text = text
        return text.withUTF8 { bytes in
            var count = 0
            var offset = 0
            while offset < bytes.count {
                guard bytes[offset] != 0x20 else {
                    offset += 1
                    continue
                }
                // A word: content once a byte of it is no mark; the marks are looked up only until then.
                let first = offset
                var content = false
                while offset < bytes.count, bytes[offset] != 0x20 {
                    if !content, !marks.contains(bytes[offset]) { content = true }
                    offset += 1
                }
                let isEmoji = offset - first > 2 && bytes[first] == 0x3A && bytes[offset - 1] == 0x3A
                if content, !isEmoji {
                    count += 1
                    // Past `limit` the count stands: the rest is not read.
                    if count > limit { return count }
                }
            }
            return count
        }
    }

    /// Whether the key ``isBareOutcome(_:)`` makes of plain `text` (``PeopleBytes/isPlain(_:)``) may open with a
    /// word of ``agreementOpenings``: its first word besides emoji codes and words of trimmed marks alone, without
    /// the marks before it, lower-cased, read on the bytes.
    static func opensWithAgreement(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var opens = false
            forEachWord(in: bytes) { word in
                var first = word.lowerBound
                while first < word.upperBound, trimmed.contains(bytes[first]) { first += 1 }
                guard first < word.upperBound else { return true }
                let lower = bytes[first..<word.upperBound].map { PeopleBytes.isUpperLetter($0) ? $0 | 0x20 : $0 }
                opens = agreementOpenings.contains { $0.elementsEqual(lower) }
                return false
            }
            return opens
        }
    }

    /// Calls `body` with the words of plain `bytes` between spaces, in order, emoji codes (`:+1:`) left out, until
    /// it returns `false`.
    private static func forEachWord(in bytes: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>) -> Bool) {
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 0x20 { end += 1 }
            defer { start = end + 1 }
            guard end > start else { continue }
            if end - start > 2, bytes[start] == 0x3A, bytes[end - 1] == 0x3A { continue }
            guard body(start..<end) else { return }
        }
    }

    /// The first words of ``agreementWords``, and of the prefixes ``isGeneralAgreement(_:)`` drops before them.
    private static let agreementOpenings = (agreementPrefixes + agreementWords).map {
        Array($0.utf8.prefix { $0 != UInt8(ascii: " ") })
    }

    /// Whether `text` has more than `limit` words (split at spaces) that are neither emoji codes (`:+1:`) nor made
    /// only of what ``isBareOutcome(_:)`` trims; read by characters, no further than the word past `limit`.
    static func hasContentWords(_ text: String, moreThan limit: Int) -> Bool {
        var count = 0
        var word = Substring()
        var rest = Substring(text)
        while !rest.isEmpty {
            let end = rest.firstIndex(of: " ") ?? rest.endIndex
            word = rest[..<end]
            rest = end < rest.endIndex ? rest[rest.index(after: end)...] : rest[end...]
            guard !word.isEmpty else { continue }
            let isEmoji = word.count > 2 && word.hasPrefix(":") && word.hasSuffix(":")
            if !isEmoji, word.contains(where: { !" .![]()".contains($0) }) {
                count += 1
                if count > limit { return true }
            }
        }
        return false
    }

    /// What ``isBareOutcome(_:)`` trims from its key.
    private static let trimmed = TextSearch.ByteSet(" .![]()")
    /// What ``endsWithOutcomeSentence(_:)`` trims from its sentence.
    private static let stops = TextSearch.ByteSet(".!")

    /// `Agreement in the room`, `Consensus`, `No objections`, `Agreed unanimously`: agreement with nothing more.
    private static func isGeneralAgreement(_ key: String) -> Bool {
        var key = key
        for prefix in agreementPrefixes where key.hasPrefix(prefix) {
            key = String(key.dropFirst(prefix.count))
        }
        // `Agreement in the room (+1s from …)`: the place may be followed by who agreed.
        return generalAgreements.contains(key) || agreementsInTheRoom.contains { key.hasPrefix($0) }
    }

    /// Each of ``agreementWords`` alone or with ` unanimously`, ` by all`, ` from all` or ` all round`.
    private static let generalAgreements = Set(
        agreementWords.flatMap { base in
            [base] + [" unanimously", " by all", " from all", " all round"].map { base + $0 }
        }
    )

    /// Each of ``agreementWords`` with ` in the room` or ` in room`.
    private static let agreementsInTheRoom = agreementWords.flatMap { [$0 + " in the room", $0 + " in room"] }

    private static let agreementWords = ["agreement", "agreed", "consensus", "no objection", "no objections"]

    /// What may stand before one of ``agreementWords`` (`General agreement`).
    private static let agreementPrefixes = ["general ", "broad ", "unanimous ", "full "]

    /// A word every bare outcome and general agreement holds.
    private static let bareOutcomeWords = TextSearch.Vocabulary(bareOutcomeWordList)

    /// The words of ``bareOutcomeWords``.
    private static let bareOutcomeWordList = [
        "agree", "approved", "carried", "passed", "adopted", "ratified", "accepted", "consensus", "objection",
        "unanimous", "decision",
    ]

    /// `Motion carried 4-0.`, `The motion failed`, `Carried.`, `Defeated (3 for, 5 against)`: a motion's
    /// outcome with nothing else.
    static func isMotionOutcome(_ text: String, cues: LineCues? = nil) -> Bool {
        // The shared look, when there is one, is the cheapest: read it first.
        if let cues, !cues.has(LineCues.motionResult) { return false }
        // At most 12 words after `the`, one of them a result: the bytes of plain text say when that cannot be.
        let count = TextSearch.wordCount(text) ?? (PeopleBytes.isPlain(text) ? PeopleText.wordCount(text) : nil)
        if let count, count > 13 { return false }
        // A result word is there, whatever else the text holds.
        guard cues?.has(LineCues.motionResult) ?? motionResultWords.occurs(in: text) else { return false }
        var words = spacedWords(text.lowercased()).map { $0.trimming(".,;:!*_()") }
        if words.first == "the" { words.removeFirst() }
        guard let first = words.first, words.count <= 12 else { return false }
        if ["motion", "proposal", "resolution", "amendment"].contains(first) {
            return words.count >= 2 && motionResults.contains(words[1])
        }
        return ["carried", "defeated"].contains(first) && words.count <= 8
    }

    /// `After a long discussion the motion was defeated (6 for, 10 against).`: a motion's outcome in a sentence.
    static func statesMotionResult(_ text: String, cues: LineCues? = nil) -> Bool {
        guard cues?.has(LineCues.motionWas) ?? TextSearch.contains(text, "motion was", ignoringCase: true) else {
            return false
        }
        let lower = text.lowercased()
        return motionResults.contains { lower.contains("motion was " + $0) || lower.contains("motion was **" + $0) }
    }

    private static let motionResults: Set<String> = [
        "carried", "passed", "failed", "defeated", "tabled", "approved", "adopted", "lost", "rejected", "withdrawn",
    ]

    /// ``motionResults`` for a look at the bytes.
    private static let motionResultWords = TextSearch.Vocabulary(Array(motionResults))

    /// `After discussion, IT WAS RESOLVED THAT the accounts be approved`: the resolution after a mid-sentence
    /// marker, or `nil`.
    static func midSentenceResolution(_ text: String, cues: LineCues? = nil) -> String? {
        guard cues?.has(LineCues.resolution) ?? resolutionWords.occurs(in: text) else { return nil }
        // Each needle below is plain ASCII letters and spaces: lower-casing makes none of other characters, and a
        // character that equals one of them is its byte, so text without their bytes holds none of them.
        // The needles hold one of a shorter pair in any case, looked for in one pass: most lines hold neither.
        guard midSentenceWords.occurs(in: text),
            TextSearch.contains(text, "it was resolved that ", ignoringCase: true)
                || TextSearch.contains(text, "it was agreed that ", ignoringCase: true)
                || TextSearch.contains(text, " RESOLVED THAT ")
        else { return nil }
        let lower = text.lowercased()
        guard TextSearch.isPlainASCII(text) || lower.count == text.count else { return nil }
        for needle in ["it was resolved that ", "it was agreed that "] {
            if let start = offset(of: needle, in: lower), start > 0 {
                return String(text.dropFirst(start + needle.count)).trimming(" ")
            }
        }
        if let start = offset(of: " RESOLVED THAT ", in: text) {
            return String(text.dropFirst(start + " RESOLVED THAT ".count)).trimming(" ")
        }
        return nil
    }

    /// What each needle of ``midSentenceResolution(_:cues:)`` holds in any case: ` resolved that `, `it was agreed that `.
    private static let midSentenceWords = TextSearch.Vocabulary([" resolved that ", "it was agreed that "])

    /// What ``midSentenceResolution(_:)`` looks for first, in any case.
    private static let resolutionWords = TextSearch.Vocabulary(resolutionWordList)

    /// The words of ``resolutionWords``.
    private static let resolutionWordList = ["resolved that", "agreed that"]

    /// The last sentence of `text` and what comes before it, or `nil` for a single sentence.
    static func lastSentence(_ text: String) -> (before: Substring, sentence: String)? {
        if TextSearch.isPlainASCII(text) {
            // Each byte a character: the text trimmed of its spaces, and the last `.`, `!` or `?` before its final
            // character, found on the bytes, with no trimmed copy made. The sentence after it is trimmed on the bytes too.
            let found = PeopleBytes.withBytes(text) { bytes -> (first: Int, stop: Int, start: Int, end: Int)? in
                var first = 0
                var end = bytes.count
                while first < end, bytes[first] == 0x20 { first += 1 }
                while end > first, bytes[end - 1] == 0x20 { end -= 1 }
                var offset = end - 2
                while offset >= first {
                    if bytes[offset] == 0x2E || bytes[offset] == 0x21 || bytes[offset] == 0x3F { break }
                    offset -= 1
                }
                guard offset >= first else { return nil }
                var start = offset + 1
                while start < end, bytes[start] == 0x20 { start += 1 }
                return (first, offset, start, end)
            }
            guard let found else { return nil }
            let utf8 = text.utf8
            func index(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
            return (text[index(found.first)..<index(found.stop)], String(text[index(found.start)..<index(found.end)]))
        }
        return lastSentenceByCharacters(text.trimming(" "))
    }

    /// ``lastSentence(_:)`` read as characters: for any text.
    static func lastSentenceByCharacters(_ text: String) -> (before: Substring, sentence: String)? {
        let trimmed = text.trimming(" ")
        guard let last = lastStop(in: trimmed) else { return nil }
        return (trimmed[..<last], trimmed[trimmed.index(after: last)...].trimming(" "))
    }

    /// The last `.`, `!` or `?` character of `text` before its final character: found as a byte, taken when the
    /// byte is a character of its own.
    private static func lastStop(in text: String) -> String.Index? {
        guard !text.isEmpty else { return nil }
        let utf8 = text.utf8
        var end = text.index(before: text.endIndex)
        while let byte = utf8[..<end].lastIndex(where: { $0 == 0x2E || $0 == 0x21 || $0 == 0x3F }) {
            if let index = String.Index(byte, within: text), ".!?".contains(text[index]) { return index }
            end = byte
        }
        return nil
    }

    /// `text.trimming(" *_").last`: the last character of `text` besides spaces and emphasis marks, read on the
    /// bytes when it is an ASCII byte after an ASCII byte (or none), other than CR: a character of its own there.
    static func lastBesideMarks(_ text: String) -> Character? {
        var bytesOf = text
        // The byte, -1 for none, -2 when the bytes cannot tell.
        let found = bytesOf.withUTF8 { bytes -> Int in
            var end = bytes.count
            while end > 0, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x2A || bytes[end - 1] == 0x5F { end -= 1 }
            guard end > 0 else { return bytes.contains { $0 >= 0x80 } ? -2 : -1 }
            let last = bytes[end - 1]
            guard last < 0x80, last != 0x0D, end == 1 || bytes[end - 2] < 0x80 && bytes[end - 2] != 0x0D else {
                return -2
            }
            return Int(last)
        }
        switch found {
        case -1: return nil
        case -2: return text.trimming(" *_").last
        default: return Character(Unicode.Scalar(UInt8(found)))
        }
    }

    /// Whether the last sentence of `text` is a motion's outcome (`… seconded by B. Motion carried 4-0.`).
    static func endsWithMotionOutcome(_ text: String) -> Bool {
        endsWithMotionOutcome(last: lastSentence(text))
    }

    /// ``endsWithMotionOutcome(_:)`` of a text whose ``lastSentence(_:)`` is `last`.
    static func endsWithMotionOutcome(last: (before: Substring, sentence: String)?) -> Bool {
        guard let (before, sentence) = last else { return false }
        return hasThreeWords(before) && isMotionOutcome(sentence)
    }

    /// Whether `text.split(separator: " ").count >= 3`, on the bytes when they tell; else split no further than the
    /// third word, where the rest (uncut) can only follow three words.
    static func hasThreeWords(_ text: Substring) -> Bool {
        let plain: Bool?? = text.utf8.withContiguousStorageIfAvailable(startsWithThreePlainWords)
        if let plain = plain ?? nil { return plain }
        return text.split(separator: " ", maxSplits: 3).count >= 3
    }

    /// ``hasThreeWords(_:)`` read on the bytes up to the third word's first: `nil` when a byte before it is beyond
    /// plain ASCII (or CR), where a space may join the character after it.
    private static func startsWithThreePlainWords(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        var words = 0
        var previous: UInt8 = 0x20
        for byte in bytes {
            guard byte < 0x80, byte != 0x0D else { return nil }
            if byte != 0x20, previous == 0x20 {
                words += 1
                if words == 3 { return true }
            }
            previous = byte
        }
        return false
    }

    /// `proposed Cllr A, seconded Cllr B, all in favour`: a resolution that records the vote, not the matter.
    static func isProcedural(_ text: String) -> Bool {
        TextSearch.lowercasedHasPrefix(text, proceduralOpenings)
    }

    private static let proceduralOpenings = [
        "proposed ", "proposed:", "moved ", "moved:", "seconded", "all in favour", "all in favor", "unanimous",
        "nem con", "carried",
    ]

    /// `Vote: 5 in favour, 0 against. Timeline approved.`, `… so figures are ready. Agreed.`: a final short
    /// sentence stating the outcome of what comes before it.
    static func endsWithOutcomeSentence(_ text: String) -> Bool {
        endsWithOutcomeSentence(last: lastSentence(text))
    }

    /// ``endsWithOutcomeSentence(_:)`` of a text whose ``lastSentence(_:)`` is `last`.
    static func endsWithOutcomeSentence(last: (before: Substring, sentence: String)?) -> Bool {
        // Each outcome holds one of these words in its sentence, which is shorter to look through than the text.
        guard let (before, sentence) = last else { return false }
        // The words the looks below read first, found in one pass.
        let cues = LineCues(sentence)
        guard cues.has(LineCues.bareOutcome) || cues.has(LineCues.motionResult) else { return false }
        guard !sentence.isEmpty, hasThreeWords(before) else { return false }
        if isBareOutcome(sentence, cues: cues) || isMotionOutcome(sentence, cues: cues) { return true }
        // At most four words, bar ones of stops alone: plain text with more is none.
        if PeopleBytes.isPlain(sentence), contentWordCount(sentence, besides: stops, limit: 4) > 4 { return false }
        let words = spacedWords(sentence.lowercased().trimming(".!"))
        guard let final = words.last, words.count <= 4 else { return false }
        return ["approved", "passed", "carried", "adopted", "agreed"].contains(String(final))
    }

    /// A word every outcome sentence holds: one of ``bareOutcomeWords`` or ``motionResults``.
    static let outcomeSentenceWords = TextSearch.Vocabulary(bareOutcomeWordList + Array(motionResults))

    /// `Consensus is that …`, `The consensus was to …`.
    static func isConsensus(_ text: String) -> Bool {
        // Each opening starts with `c`, `t` or `g`, which only those letters lower-case to.
        guard let first = text.utf8.first, consensusFirsts.contains(first) else { return false }
        // Only the openings that start with that letter can match.
        switch first | 0x20 {
        case UInt8(ascii: "t"):
            // Each opening by `t` starts `the consensus ` or `there `, whose letters only ASCII letters lower-case to.
            guard
                TextSearch.hasPrefix(text, ignoringCase: "the consensus ")
                    || TextSearch.hasPrefix(text, ignoringCase: "there ")
            else { return false }
            return TextSearch.lowercasedHasPrefix(text, consensusOpeningsByT)
        case UInt8(ascii: "g"):
            // The one opening by `g`, whose letters only ASCII letters lower-case to.
            guard TextSearch.hasPrefix(text, ignoringCase: "general consensus") else { return false }
            return TextSearch.lowercasedHasPrefix(text, consensusOpeningsByG)
        default:
            // Each opening by `c` starts `consensus `, whose letters only ASCII letters lower-case to.
            guard TextSearch.hasPrefix(text, ignoringCase: "consensus ") else { return false }
            return TextSearch.lowercasedHasPrefix(text, consensusOpeningsByC)
        }
    }

    /// The ``consensusOpenings`` that start with `t`, `g` and `c`.
    private static let consensusOpeningsByT = consensusOpenings.filter { $0.hasPrefix("t") }
    private static let consensusOpeningsByG = consensusOpenings.filter { $0.hasPrefix("g") }
    private static let consensusOpeningsByC = consensusOpenings.filter { $0.hasPrefix("c") }

    /// The bytes a text opening with one of the ``consensusOpenings`` starts with.
    private static let consensusFirsts = TextSearch.ByteSet("cCtTgG")

    static let consensusOpenings = [
        "consensus that", "consensus is that", "consensus was that", "consensus is to", "consensus was to",
        "the consensus is", "the consensus was", "general consensus", "consensus reached", "there was consensus",
        "there is consensus",
    ]

    /// `Approved up to $3000 …`, `Vote passed among members`: a result stated first.
    static func startsWithResult(_ text: String) -> Bool {
        // Each opening starts with a letter of ``resultLetters``, which no other character lower-cases to, after the
        // spaces before the first word and the marks trimmed from it.
        guard let lead = text.utf8.first(where: { !resultLeads.contains($0) }), resultLetters.contains(lead) else {
            return false
        }
        // The first word decides: read it alone, on the bytes when they tell.
        if let opens = plainOpensWithResult(text) {
            if !opens { return false }
        } else if let first = OwnerParser.leadingWords(of: text, limit: 1).first,
            !resultOpenings.contains(first.lowercased().trimming(".,;:"))
        {
            return false
        }
        let words = text.split(separator: " ").map { $0.lowercased().trimming(".,;:") }
        guard words.count >= 2 else { return false }
        if words.count >= 3, ["approved", "passed", "carried", "adopted", "ratified", "rejected"].contains(words[0]) {
            return true
        }
        return ["vote", "motion", "proposal", "resolution", "the vote", "the motion"].contains(words[0])
            && ["passed", "carried", "approved", "adopted", "failed", "rejected", "defeated"].contains(words[1])
    }

    /// Whether the first word of plain `text` (``PeopleBytes/isPlain(_:)``, where the words are cut at space bytes),
    /// lower-cased and trimmed of `.,;:`, is one of the ``resultOpenings``, read on its bytes; `nil` when the text is
    /// not plain, has no word, or its first word is not ASCII.
    static func plainOpensWithResult(_ text: String) -> Bool? {
        PeopleBytes.withBytes(text) { bytes -> Bool? in
            guard TextSearch.isPlainASCII(bytes) || PeopleBytes.isPlain(bytes) else { return nil }
            var start = 0
            while start < bytes.count, bytes[start] == UInt8(ascii: " ") { start += 1 }
            var end = start
            while end < bytes.count, bytes[end] != UInt8(ascii: " ") {
                guard bytes[end] < 0x80 else { return nil }
                end += 1
            }
            guard start < end else { return nil }
            while start < end, openingTrims.contains(bytes[start]) { start += 1 }
            while end > start, openingTrims.contains(bytes[end - 1]) { end -= 1 }
            return resultOpeningBytes.containsLowered(UnsafeBufferPointer(rebasing: bytes[start..<end]))
        }
    }

    /// What ``startsWithResult(_:)`` trims from a word.
    private static let openingTrims = TextSearch.ByteSet(".,;:")
    /// ``resultOpenings``, looked up on the bytes.
    private static let resultOpeningBytes = ByteWordSet(resultOpenings)

    /// The bytes before the first letter of a result opening: spaces, and the marks trimmed from its word.
    private static let resultLeads = TextSearch.ByteSet(" .,;:")
    /// The first letters, in either case, of the ``resultOpenings``.
    private static let resultLetters = TextSearch.ByteSet("aApPcCrRvVmM")

    private static let resultOpenings: Set<String> = [
        "approved", "passed", "carried", "adopted", "ratified", "rejected", "vote", "motion", "proposal", "resolution",
    ]

    /// `…, no disagreements, passed`: a result stated last.
    static func endsWithResult(_ text: String, cues: LineCues? = nil) -> Bool {
        // Each result holds one of these words, whatever else the text holds.
        guard cues?.has(LineCues.endingResult) ?? endingResults.occurs(in: text) else { return false }
        let lower = text.lowercased().trimming(" .!")
        for result in ["passed", "carried", "approved", "adopted"] {
            // Each ending below closes with the result or with `unanimously`: a text closing with neither has none of
            // them, and no phrase is made for it.
            guard lower.hasSuffix(result) || lower.hasSuffix("unanimously") else { continue }
            for lead in [", ", "; ", " - ", " – ", " — ", "motion ", "proposal "] where lower.hasSuffix(lead + result) {
                return true
            }
            if lower.hasSuffix(result + " unanimously") || lower.hasSuffix("unanimously " + result) { return true }
        }
        return false
    }

    private static let endingResults = TextSearch.Vocabulary(endingResultList)

    /// The words of ``endingResults``.
    private static let endingResultList = ["passed", "carried", "approved", "adopted"]

    /// The words the checks of a line look for before they read it closely, looked for together in one pass over its
    /// bytes: each check then reads its bit instead of a look of its own.
    struct LineCues {
        /// The bits of the lists found.
        let bits: UInt8

        /// The words of `text` the checks look for first.
        init(_ text: String) {
            bits = DecisionMarker.lineVocabulary.matches(in: text)
        }

        /// The words of `text` the checks look for first, when `holdsDecisionWord` says whether it holds a word of
        /// ``DecisionMarker/vocabularyWords`` (as ``BlockCue`` found): each word looked for holds one, but `room`,
        /// which is read only beside a bare outcome's word, so a text with none is not looked through.
        init(_ text: String, holdsDecisionWord: Bool) {
            bits = holdsDecisionWord ? DecisionMarker.lineVocabulary.matches(in: text) : 0
        }

        /// Whether the list of `bit` has a word in the text.
        func has(_ bit: UInt8) -> Bool { bits & bit != 0 }

        /// ``midSentenceResolution(_:cues:)``'s words.
        static let resolution: UInt8 = 1
        /// `decision made`, for ``decisionMade(_:cues:)``.
        static let decisionMade: UInt8 = 2
        /// ``motionResults``, for ``isMotionOutcome(_:cues:)``.
        static let motionResult: UInt8 = 4
        /// `motion was`, for ``statesMotionResult(_:cues:)``.
        static let motionWas: UInt8 = 8
        /// ``bareOutcomeWordList``, for ``isBareOutcome(_:cues:)``.
        static let bareOutcome: UInt8 = 16
        /// ``endingResultList``, for ``endsWithResult(_:cues:)``.
        static let endingResult: UInt8 = 32
        /// `room`, for ``isBareOutcome(_:cues:)``.
        static let room: UInt8 = 64
    }

    /// The lists of ``LineCues``, in the order of their bits.
    static let lineLists = [
        resolutionWordList, ["decision made"], Array(motionResults), ["motion was"], bareOutcomeWordList,
        endingResultList, ["room"],
    ]

    /// The words of ``lineLists``, looked for at once.
    static let lineVocabulary = TextSearch.Vocabulary(lists: lineLists)

    /// `+1 decision made`, `Decision made: …`: the text without the marker, empty when nothing else is there.
    static func decisionMade(_ text: String, cues: LineCues? = nil) -> String? {
        guard cues?.has(LineCues.decisionMade) ?? TextSearch.contains(text, "decision made", ignoringCase: true) else {
            return nil
        }
        let lower = text.lowercased()
        let needle = "decision made"
        guard TextSearch.isPlainASCII(text) || lower.count == text.count, let start = offset(of: needle, in: lower)
        else { return nil }
        let end = start + needle.count
        let before = String(text.prefix(start)).trimming(" +1-–—:,.()")
        let after = String(text.dropFirst(end)).trimming(" :-–—,.()")
        // `Use X (+1, decision made) for the release`: a bracketed marker inside the line is dropped.
        if !before.isEmpty, !after.isEmpty {
            let head = String(text.prefix(start))
            let tail = String(text.dropFirst(end))
            guard let open = head.lastIndex(of: "("), head[head.index(after: open)...].trimming(" +1,").isEmpty,
                let close = tail.firstIndex(of: ")"), tail[..<close].trimming(" ").isEmpty
            else { return nil }
            let rest = String(tail[tail.index(after: close)...]).trimming(" ")
            let lead = String(head[..<open]).trimming(" ")
            return rest.first.map { ".,;".contains($0) } == true ? lead + rest : lead + " " + rest
        }
        // `No decision made`.
        let lastWord = before.lowercased().split(separator: " ").last.map(String.init) ?? ""
        guard !["no", "not", "without", "nor"].contains(lastWord) else { return nil }
        return [before, after].filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// The character offset of the first `needle` in `text`.
    static func offset(of needle: String, in text: String) -> Int? {
        if !needle.isEmpty, TextSearch.isPlainASCII(text), TextSearch.isPlainASCII(needle) {
            return TextSearch.byteOffset(of: needle, in: text)
        }
        // A needle of ASCII letters (not `K`, which the Kelvin sign equals) and spaces is matched by characters only
        // where its bytes stand.
        if !needle.isEmpty, needle.utf8.allSatisfy({ PeopleText.isLetter($0) && $0 != 0x4B || $0 == 0x20 }),
            !TextSearch.contains(text, needle)
        {
            return nil
        }
        var index = text.startIndex
        var offset = 0
        while index < text.endIndex {
            if text[index...].hasPrefix(needle) { return offset }
            index = text.index(after: index)
            offset += 1
        }
        return nil
    }

    // MARK: - Headings and labels

    /// Whether a heading names a list of decisions (`Decisions`, `Resolutions`, `Agreed`).
    static func isDecisionHeading(_ title: String, vocabulary: Vocabulary) -> Bool {
        isDecisionHeading(key: ActionMarker.normalisedHeading(title), vocabulary: vocabulary)
    }

    /// ``isDecisionHeading(_:vocabulary:)`` of a title already normalised (``ActionMarker/normalisedHeading(_:)``).
    static func isDecisionHeading(key normalised: String, vocabulary: Vocabulary) -> Bool {
        var key = normalised
        if vocabulary.decisionHeadings.contains(key) { return true }
        // Each built-in heading holds one of these words: a plain key with none is none of them.
        // Looked for ASCII case-insensitively in one pass: keys are lower case (``ActionMarker/normalisedHeading(_:)``).
        if vocabulary.decisionHeadings.isEmpty, TextSearch.isPlainASCII(key), !headingWordSearch.occurs(in: key) {
            return false
        }
        for prefix in ["key ", "summary of ", "list of ", "new ", "formal ", "main "] where key.hasPrefix(prefix) {
            key = String(key.dropFirst(prefix.count))
        }
        if decisionHeadings.contains(key) { return true }
        // `Conclusion/Resolution`
        let parts = key.split(separator: "/").map { $0.trimming(" ") }
        return parts.count > 1
            && parts.allSatisfy { decisionHeadings.contains($0) || vocabulary.decisionHeadings.contains($0) }
    }

    /// A word of each of the ``decisionHeadings``.
    static let headingWords = [
        "decision", "resolution", "resolved", "agree", "outcome", "conclusion", "motion",
    ]

    /// ``headingWords`` looked for in one pass.
    static let headingWordSearch = TextSearch.Vocabulary(headingWords)

    /// Whether a line or item is a label over a list of decisions: `Decisions:`, `**Resolutions**`.
    static func isDecisionLabel(_ block: OutlineBlock, vocabulary: Vocabulary) -> Bool {
        isDecisionLabel(kind: block.kind, isEmphasised: block.isEmphasised, text: block.text, vocabulary: vocabulary)
    }

    /// ``isDecisionLabel(_:vocabulary:)`` of a block's kind, emphasis and text: read from a block in place, with no
    /// copy of it.
    static func isDecisionLabel(
        kind: OutlineBlock.Kind,
        isEmphasised: Bool,
        text: String,
        vocabulary: Vocabulary
    ) -> Bool {
        guard kind == .line || kind == .item else { return false }
        guard isEmphasised || ActionMarker.endsWithColon(text) else { return false }
        let text = text.trimming(" *_")
        guard text.hasSuffix(":") || isEmphasised else { return false }
        return text.count <= 40 && isDecisionHeading(text, vocabulary: vocabulary)
    }

    /// The first bytes of the markers ``leading(_:extra:)`` knows: `[`, `#`, `it was …` and the ``keywords``.
    private static let leadingBytes = TextSearch.ByteSet("[#iIdDrRaAcCoO")

    static let keywords: Set<String> = [
        "decision", "decisions", "decided", "resolved", "resolution", "resolutions", "agreed", "agreement",
        "conclusion", "conclusions", "consensus", "outcome", "outcomes", "result",
    ]

    private static let outcomes: Set<String> = [
        "passed", "rejected", "postponed", "carried", "approved", "adopted", "defeated", "failed", "withdrawn",
        "deferred", "tabled", "accepted", "lost", "declined", "ratified", "unanimous", "unanimously", "agreed",
    ]

    private static let bareOutcomes: Set<String> = [
        "agreed", "approved", "carried", "passed", "adopted", "ratified", "accepted", "motion carried", "motion passed",
        "motion approved",
        "the motion carried", "the motion passed", "carried unanimously", "approved unanimously",
        "unanimously approved", "unanimously agreed", "agreed unanimously", "consensus", "consensus reached",
        "no objections", "no objection", "unanimous consent", "unanimous", "decision made", "+1 decision made",
        "+1, decision made",
    ]

    private static let decisionHeadings: Set<String> = [
        "decisions", "decision", "decisions made", "decisions taken", "decision log", "decisions and resolutions",
        "resolutions", "resolution", "resolved", "agreements", "agreed", "agreed items", "outcomes", "outcome",
        "conclusions", "conclusion", "decisions summary", "decision summary", "decisions reached",
        "agreements reached", "motions passed", "resolutions passed", "decisions and agreements",
        "agreements and decisions",
    ]
}
