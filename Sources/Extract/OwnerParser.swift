/// Finds who owns an action in its text: `X to …`, `X will …`, a `Name:` label, `@handles`, `(Owner: X)`.
///
/// Owners are kept as written. A list of owners is split on `,`, `and`, `&`, `+` and `/` only where it joins
/// personal names or handles, so `MoJ Commercial and Contract Management Directorate` and
/// `MoJ/HMPPS probation reform team` stay one owner each.
enum OwnerParser {
    /// Owners found in `text`, and the text with a leading `Name:` label removed.
    struct Match: Equatable {
        /// The owners, as written.
        var owners: [String]
        /// The text, without a leading owner label.
        var text: String
    }

    /// The owners named in `text` by any of the forms, in order of strength: a `Name:` label, leading handles,
    /// a grammatical subject, a team noun before a verb, a parenthetical; trailing `- @x` handles only when
    /// `lenient` (inside an action section).
    static func find(in text: String, lenient: Bool) -> Match {
        // The first colon, found once for the labels' looks.
        let colon = firstColon(in: text)
        if let label = label(of: text, colon: colon) { return Match(owners: label.owners, text: label.rest) }
        if lenient, let colon, let label = nicknameLabel(of: text, colon: colon) {
            return Match(owners: label.owners, text: label.rest)
        }
        if let handles = leadingHandles(of: text) { return Match(owners: handles, text: text) }
        if let subject = subject(of: text, nicknames: lenient) { return Match(owners: subject, text: text) }
        if let team = teamSubject(of: text) { return Match(owners: team, text: text) }
        if let named = parenthetical(in: text) { return Match(owners: named, text: text) }
        if lenient, let handles = trailingHandles(of: text) { return Match(owners: handles, text: text) }
        if lenient, let names = trailingNames(of: text) { return Match(owners: names, text: text) }
        // `EIP 2515: James will work on …`: a topic label, then the owner.
        if let colon, let rest = afterTopicLabel(text, colon: colon) {
            let owners = leadingHandles(of: rest) ?? subject(of: rest) ?? teamSubject(of: rest) ?? []
            return Match(owners: owners, text: text)
        }
        return Match(owners: [], text: text)
    }

    /// The text after a short topic label (`EIP 2515: …`, `Website: …`), or `nil`; `colon` is the text's first
    /// (``firstColon(in:)``).
    static func afterTopicLabel(_ text: String, colon: String.Index) -> String? {
        let label = text[..<colon]
        guard !label.isEmpty, label.split(separator: " ").count <= 6,
            !label.contains(where: { ".;!?()[]\"".contains($0) })
        else { return nil }
        let rest = text[text.index(after: colon)...].trimming(" ")
        guard !rest.isEmpty, !rest.hasPrefix("/") else { return nil }
        return rest
    }

    /// The first `:` of `text`, found on the bytes when each byte is one character.
    static func firstColon(in text: String) -> String.Index? {
        // A `:` character is the byte itself, so text without the byte holds none.
        var bytesOf = text
        guard let offset = bytesOf.withUTF8({ $0.firstIndex(of: UInt8(ascii: ":")) }) else { return nil }
        guard TextSearch.isPlainASCII(text) else { return text.firstIndex(of: ":") }
        return text.utf8.index(text.utf8.startIndex, offsetBy: offset)
    }

    // MARK: - Forms

    /// `Name: task`, `Name1, Name2: task` and `Name – task`: the owners and the task.
    static func label(of text: String) -> (owners: [String], rest: String)? {
        label(of: text, colon: firstColon(in: text))
    }

    /// ``label(of:)`` of a text whose first colon (``firstColon(in:)``) is known.
    static func label(of text: String, colon: String.Index?) -> (owners: [String], rest: String)? {
        guard let colon else { return dashLabel(of: text) }
        let label = text[..<colon].trimming(" *_")
        let rest = text[text.index(after: colon)...].trimming(" ")
        guard !label.isEmpty, !rest.isEmpty, label.count <= 60, !rest.hasPrefix("//") else { return nil }
        guard !holds(labelWords, labelWordBytes, label), let owners = ownerList(label), owners.count <= 6 else {
            return nil
        }
        return (owners, rest)
    }

    /// `Priya – chase legal`, `Marco & Tobias - add the flag`: names, one dash, then a lower-case task.
    ///
    /// `Translations - Need to …` (a status note) and `Paste - plan - share - Emma` (a dashed list) are not labels.
    static func dashLabel(of text: String) -> (owners: [String], rest: String)? {
        if TextSearch.isPlainASCII(text) {
            // Plain ASCII holds only the hyphen, and its one hyphen is found on the bytes: text without a hyphen byte
            // holds none.
            guard PeopleBytes.containsByte(text, UInt8(ascii: "-")),
                let (before, after) = TextSearch.splitOnce(text, at: " - ")
            else { return nil }
            return dashLabel(before, after)
        }
        for dash in dashes {
            // The dash splits the characters only where its bytes stand: a space and a dash are characters alone.
            guard TextSearch.contains(text, dash) else { continue }
            let parts = text.split(separator: dash, omittingEmptySubsequences: false)
            guard parts.count == 2 else { continue }
            return dashLabel(parts[0], parts[1])
        }
        return nil
    }

    /// The dashes ``dashLabel(of:)`` splits at, in order.
    private static let dashes = [" – ", " — ", " - "]

    /// ``dashLabel(of:)`` of the parts either side of its dash.
    private static func dashLabel(_ before: Substring, _ after: Substring) -> (owners: [String], rest: String)? {
        let label = before.trimming(" *_")
        let rest = after.trimming(" ")
        guard let first = rest.first, first.isLowercase, !label.contains(" - "), !label.contains(" – "),
            let owners = ownerList(label), owners.count <= 6, owners.allSatisfy(isPersonalName)
        else { return nil }
        return (owners, rest)
    }

    /// `mnot: look at the header` in an action list or after an action marker: a chat nickname as the label; `colon`
    /// is the text's first (``firstColon(in:)``).
    static func nicknameLabel(of text: String, colon: String.Index) -> (owners: [String], rest: String)? {
        let label = String(text[..<colon])
        guard isNickname(label) else { return nil }
        let rest = text[text.index(after: colon)...].trimming(" ")
        guard !rest.isEmpty, !rest.hasPrefix("/"), !labelWords.contains(label) else { return nil }
        return ([label], rest)
    }

    /// `@a do y`, `@a + @b to y`: the handles at the start.
    static func leadingHandles(of text: String) -> [String]? {
        // A text opening with the `@` character opens with its byte, which most do not.
        guard text.utf8.first == UInt8(ascii: "@"), text.hasPrefix("@") else { return nil }
        var handles: [String] = []
        // The words as substrings, cut one at a time as far as the handles go: only the handles are made strings.
        var words = LazyWords(text)
        var word = words.next()
        while let current = word {
            let bare = current.trimming(",;:")
            guard isHandle(bare) else { break }
            handles.append(bare)
            word = words.next()
            if !current.hasSuffix(",") {
                guard let next = word, ["and", "&", "+", "/"].contains(next.lowercased()) else { break }
                word = words.next()
            }
        }
        guard !handles.isEmpty, word != nil else { return nil }
        return handles
    }

    /// The words of a text, as ``words(of:)`` cuts them, given one at a time: cut from the bytes as they are asked for
    /// when each scalar is a character of its own (``PeopleBytes/isPlain(_:)``), else all at once.
    private struct LazyWords {
        private let text: String
        /// The words of a text that is not plain, cut at once.
        private var cut: ArraySlice<Substring>?
        /// Where the next word is looked for in a plain text.
        private var position: String.Index

        init(_ text: String) {
            self.text = text
            cut = PeopleBytes.isPlain(text) ? nil : PeopleText.words(text)[...]
            position = text.utf8.startIndex
        }

        /// The next word, or `nil` past the last.
        mutating func next() -> Substring? {
            if cut != nil { return cut?.popFirst() }
            let utf8 = text.utf8
            while position < utf8.endIndex, utf8[position] == UInt8(ascii: " ") {
                position = utf8.index(after: position)
            }
            guard position < utf8.endIndex else { return nil }
            let start = position
            while position < utf8.endIndex, utf8[position] != UInt8(ascii: " ") {
                position = utf8.index(after: position)
            }
            return text[start..<position]
        }
    }

    /// `X to do y`, `X will do y`, `X and Y to do y`, `X needs to do y`: the subject's owners.
    static func subject(of text: String, nicknames: Bool = false) -> [String]? {
        // Plain text is read on its bytes: only the subject phrase is made a string.
        if let found = plainSubject(of: text) {
            guard let (phrase, count) = found else { return nil }
            if nicknames, count == 1, isNickname(phrase) { return [phrase] }
            return ownerList(phrase)
        }
        return subjectByWords(of: text, nicknames: nicknames)
    }

    /// ``subject(of:nicknames:)`` read on the words as substrings: for any text.
    static func subjectByWords(of text: String, nicknames: Bool = false) -> [String]? {
        // The verb is among the first 15 words: the rest are not cut out.
        let words = leadingWords(of: text, limit: 15)
        guard words.count >= 3 else { return nil }
        for index in 1..<min(words.count - 1, 14) {
            let isTo = isWord(words[index], "to")
            guard isTo || isWord(words[index], "will") else { continue }
            var subjectEnd = index
            if isTo, index >= 2, holds(auxiliaries, auxiliaryBytes, words[index - 1]) {
                subjectEnd = index - 1
            }
            let next = words[index + 1]
            guard isVerbLike(next) else { return nil }
            let phrase = joined(words[..<subjectEnd])
            if nicknames, subjectEnd == 1, isNickname(phrase) { return [phrase] }
            return ownerList(phrase)
        }
        return nil
    }

    /// The subject phrase ``subjectByWords(of:nicknames:)`` reads, and its number of words, found on the bytes.
    ///
    /// In plain text (``PeopleBytes/isPlain(_:)``) the words are the runs between space bytes, as the characters
    /// would cut them. `.some(nil)` when there is no subject; `nil` for other text.
    static func plainSubject(of text: String) -> (phrase: String, words: Int)?? {
        var bytesOf = text
        return bytesOf.withUTF8 { bytes -> (phrase: String, words: Int)?? in
            guard TextSearch.isPlainASCII(bytes) || PeopleBytes.isPlain(bytes) else { return nil }
            // The verb is among the first 15 words: the rest are not cut out.
            return withUnsafeTemporaryAllocation(of: Range<Int>.self, capacity: 15) {
                words -> (phrase: String, words: Int)?? in
                func word(_ index: Int) -> UnsafeBufferPointer<UInt8> {
                    UnsafeBufferPointer(rebasing: bytes[words[index]])
                }
                /// The word as a substring of `text`, for a look by characters.
                func substring(_ index: Int) -> Substring {
                    let utf8 = text.utf8
                    let lower = utf8.index(utf8.startIndex, offsetBy: words[index].lowerBound)
                    return text[lower..<utf8.index(lower, offsetBy: words[index].count)]
                }
                /// The answer when word `index` (the words up to the one after it cut) is `to` or `will`, else `nil`.
                func answer(at index: Int) -> (phrase: String, words: Int)?? {
                    let isTo = isWord(word(index), "to")
                    guard isTo || isWord(word(index), "will") else { return nil }
                    var subjectEnd = index
                    if isTo, index >= 2 {
                        let before = word(index - 1)
                        let auxiliary =
                            TextSearch.isPlainASCII(before)
                            ? auxiliaryBytes.containsLowered(before)
                            : holds(auxiliaries, auxiliaryBytes, substring(index - 1))
                        if auxiliary { subjectEnd = index - 1 }
                    }
                    let next = word(index + 1)
                    let verbLike =
                        TextSearch.isPlainASCII(next) ? isPlainVerbLike(next) : isVerbLike(substring(index + 1))
                    guard verbLike else { return .some(nil) }
                    // The words from the first to the last of the subject, one space between each two as its bytes tell,
                    // else joined by single spaces.
                    let span = words[0].lowerBound..<words[subjectEnd - 1].upperBound
                    var length = subjectEnd - 1
                    for part in 0..<subjectEnd { length += words[part].count }
                    if span.count == length {
                        return (String(decoding: UnsafeBufferPointer(rebasing: bytes[span]), as: UTF8.self), subjectEnd)
                    }
                    let phrase = String(unsafeUninitializedCapacity: length) { out in
                        var written = 0
                        for part in 0..<subjectEnd {
                            if part > 0 {
                                out[written] = 0x20
                                written += 1
                            }
                            for byte in word(part) {
                                out[written] = byte
                                written += 1
                            }
                        }
                        return written
                    }
                    return (phrase, subjectEnd)
                }
                // The words are cut one at a time, and each from the second on is looked at once the word after it is
                // cut: the verb is most often near the start, and the words past it are not cut out.
                var count = 0
                var start = 0
                var offset = 0
                while offset <= bytes.count, count < 15 {
                    if offset == bytes.count || bytes[offset] == 0x20 {
                        if start < offset {
                            words.initializeElement(at: count, to: start..<offset)
                            count += 1
                            if count >= 3, let found = answer(at: count - 2) { return found }
                        }
                        start = offset + 1
                    }
                    offset += 1
                }
                return .some(nil)
            }
        }
    }

    /// ``isVerbLike(_:)`` of an ASCII word's bytes: a lower-case first letter, and none of ``notVerbs`` once lower-cased
    /// and trimmed of `,.;:`.
    private static func isPlainVerbLike(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = word.first, first >= UInt8(ascii: "a"), first <= UInt8(ascii: "z") else { return false }
        var start = 0
        var end = word.count
        while start < end, verbTrims.contains(word[start]) { start += 1 }
        while end > start, verbTrims.contains(word[end - 1]) { end -= 1 }
        return !notVerbBytes.containsLowered(UnsafeBufferPointer(rebasing: word[start..<end]))
    }

    /// What ``isVerbLike(_:)`` trims from a word before its look.
    private static let verbTrims = TextSearch.ByteSet(",.;:")
    /// ``notVerbs``, looked up on the bytes.
    private static let notVerbBytes = ByteWordSet(notVerbs)

    /// Whether the ASCII `word`, lower-cased, is the lower-case `lower`.
    static func isWord(_ word: UnsafeBufferPointer<UInt8>, _ lower: StaticString) -> Bool {
        guard word.count == lower.utf8CodeUnitCount else { return false }
        for index in 0..<word.count {
            let byte = word[index]
            guard (PeopleBytes.isUpperLetter(byte) ? byte | 0x20 : byte) == lower.utf8Start[index] else { return false }
        }
        return true
    }

    /// `Geth team finish …`: a subject ending in a team noun, then a verb.
    static func teamSubject(of text: String) -> [String]? {
        // The team noun and its verb are among the first seven words: the rest are not cut out.
        let words = leadingWords(of: text, limit: 7)
        guard words.count >= 3 else { return nil }
        for index in 1..<min(words.count - 1, 6) where holds(teamNouns, teamNounBytes, words[index]) {
            guard isVerbLike(words[index + 1]),
                words[..<index].allSatisfy({ isCapitalised($0) || isHandle($0) || $0.lowercased() == "the" })
            else { return nil }
            let phrase = joined(words[...index])
            guard let owners = ownerList(phrase), owners.count == 1 else { return nil }
            return owners
        }
        return nil
    }

    /// `… (@x)`, `… (@x, @y)`, `(Owner: X)`, `[Lead: X]`, `(assigned to X)`: the owners in brackets.
    static func parenthetical(in text: String) -> [String]? {
        var index = text.startIndex
        // A bracket or a colon is a character only where its byte stands: text without their bytes holds none.
        let hasBracket = PeopleBytes.containsByte(text) { $0 == 0x28 || $0 == 0x5B }
        while hasBracket, let open = text[index...].firstIndex(where: { $0 == "(" || $0 == "[" }) {
            let closer: Character = text[open] == "(" ? ")" : "]"
            guard let close = text[open...].firstIndex(of: closer) else { return nil }
            let inside = text[text.index(after: open)..<close].trimming(" ")
            index = text.index(after: close)
            if let handles = handleList(inside) { return handles }
            let lower = inside.lowercased()
            for prefix in bracketPrefixes where lower.hasPrefix(prefix) {
                let names = inside.dropFirst(prefix.count).trimming(" :-")
                if let owners = ownerList(names) { return owners }
            }
        }
        // `… - Owner: X` at the end; each prefix below holds a colon, which lower-casing makes of no other character.
        guard PeopleBytes.containsByte(text, UInt8(ascii: ":")) else { return nil }
        let lower = text.lowercased()
        guard TextSearch.isPlainASCII(text) || lower.count == text.count else { return nil }
        for prefix in bracketPrefixes where prefix.hasSuffix(":") && prefix != "action:" {
            guard let offset = lastOffset(of: " " + prefix, in: lower) else { continue }
            let names = text.dropFirst(offset + prefix.count + 1).trimming(" .;")
            if let owners = ownerList(names) { return owners }
        }
        return nil
    }

    /// The character offset of the last `needle` in `text`.
    private static func lastOffset(of needle: String, in text: String) -> Int? {
        if TextSearch.isPlainASCII(text), TextSearch.isPlainASCII(needle), !needle.isEmpty {
            // Each byte a character: the last match, found on the bytes.
            let bytes = Array(text.utf8)
            let pattern = Array(needle.utf8)
            guard bytes.count >= pattern.count else { return nil }
            return (0...(bytes.count - pattern.count)).last { bytes[$0..<$0 + pattern.count].elementsEqual(pattern) }
        }
        var found: Int?
        var index = text.startIndex
        var offset = 0
        while index < text.endIndex {
            if text[index...].hasPrefix(needle) { found = offset }
            index = text.index(after: index)
            offset += 1
        }
        return found
    }

    /// `Fix the build - @x`: handles closing the text.
    static func trailingHandles(of text: String) -> [String]? {
        let words = words(of: text)
        var handles: [String] = []
        var index = words.count - 1
        while index >= 1 {
            let bare = words[index].trimming(",.;()")
            if isHandle(bare) {
                handles.insert(bare, at: 0)
            } else if !["and", "&", "+", "/"].contains(bare.lowercased()) {
                break
            }
            index -= 1
        }
        guard !handles.isEmpty, index >= 1 else { return nil }
        return handles
    }

    /// `Create the search query (Tierney)`: personal names in brackets closing the text.
    static func trailingNames(of text: String) -> [String]? {
        let trimmed = text.trimming(" .")
        guard trimmed.hasSuffix(")"), let open = trimmed.lastIndex(of: "(") else { return nil }
        let inside = trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)].trimming(" ")
        guard !inside.isEmpty, trimmed.distance(from: trimmed.startIndex, to: open) > 0,
            let owners = ownerList(inside), owners.count <= 4,
            owners.allSatisfy({ $0.split(separator: " ").allSatisfy(looksLikeName) })
        else { return nil }
        return owners
    }

    /// `Tierney`, `JK`, `@x`: a word shaped like a name or initials, not an acronym such as `GSoC`.
    private static func looksLikeName(_ word: Substring) -> Bool {
        if isHandle(word) { return true }
        guard let first = word.first, first.isUppercase, !isNotName(word) else { return false }
        let rest = word.dropFirst()
        if rest.allSatisfy({ $0.isLowercase || $0 == "-" || $0 == "'" }) { return word.count >= 2 }
        return word.count <= 3 && word.allSatisfy(\.isUppercase)
    }

    // MARK: - Owner lists

    /// Splits an owner phrase (`Dan, Travis, Sangwhan`, `Mark/Philippe`, `@a + @b`) into owners; `nil` when the
    /// phrase does not read as owners.
    static func ownerList(_ phrase: String) -> [String]? {
        // Most phrases are one plain ASCII owner (`Keiko Ahmed`, `The Clerk`): told in one pass over the bytes.
        if let single = PeopleBytes.withBytes(phrase, plainSingleOwner) { return single }
        return ownerListByParts(phrase)
    }

    /// ``ownerList(_:)`` read part by part, for any phrase.
    static func ownerListByParts(_ phrase: String) -> [String]? {
        let phrase = phrase.trimming(" ,")
        // Plain ASCII is measured and searched on the bytes.
        let plain = TextSearch.isPlainASCII(phrase)
        // No more characters than bytes.
        guard !phrase.isEmpty, phrase.utf8.count <= 90 || !plain && phrase.count <= 90 else { return nil }
        // A mark below is a character only where its bytes stand, but for `;`, which U+037E equals.
        let markBytes = PeopleBytes.withBytes(phrase) { $0.contains(where: notInOwners.contains) }
        let hasHTTP = TextSearch.contains(phrase, "http")
        if plain {
            if markBytes || hasHTTP { return nil }
        } else if markBytes || TextSearch.contains(phrase, "“") || TextSearch.contains(phrase, "”")
            || TextSearch.contains(phrase, "\u{037E}")
        {
            if phrase.contains(where: { ";:!?()[]{}\"“”|=<>#".contains($0) }) || hasHTTP && phrase.contains("http") {
                return nil
            }
        } else if hasHTTP, phrase.contains("http") {
            return nil
        }
        let hasComma = PeopleBytes.containsByte(phrase, UInt8(ascii: ",")) && (plain || phrase.contains(","))
        // Text whose scalars are characters of their own splits on the bytes where the characters would.
        let parts = plain || PeopleBytes.isPlain(phrase) ? splitPlainList(phrase) : splitList(phrase)
        guard !parts.isEmpty, parts.count <= 8 else { return nil }
        var owners: [String]
        if parts.count == 1 {
            owners = parts
        } else if hasComma || parts.allSatisfy({ isHandle($0) })
            || (TextSearch.contains(phrase, " + ") && (plain || phrase.contains(" + ")))
            || parts.allSatisfy(isPersonalName)
        {
            owners = parts
        } else {
            owners = [phrase]
        }
        guard owners.allSatisfy(isOwnerPart) else { return nil }
        owners = owners.flatMap(splitSlashes)
        return owners
    }

    /// The ASCII marks no owner list holds.
    private static let notInOwners = TextSearch.ByteSet(";:!?()[]{}\"|=<>#")

    /// ``ownerList(_:)`` of the bytes of a phrase that is one plain ASCII part: `.some(nil)` when that reading is
    /// sure there are no owners (a mark no owner list holds, a link), `nil` when the phrase is not one such part and is
    /// left to the full reading.
    ///
    /// One part (``TextSearch/isPlainASCII(_:)``) holds no comma or slash, no word `and`, `&` or `+`, and one space
    /// between each two words. Such a phrase splits into itself alone, which no slash splits further: it is the owner
    /// when ``isPlainOwnerPart(_:)`` says so.
    static func plainSingleOwner(_ bytes: UnsafeBufferPointer<UInt8>) -> [String]?? {
        // The phrase without the spaces and commas at its ends, as the full reading trims it.
        var start = 0
        var end = bytes.count
        while start < end, bytes[start] == UInt8(ascii: " ") || bytes[start] == UInt8(ascii: ",") { start += 1 }
        while end > start, bytes[end - 1] == UInt8(ascii: " ") || bytes[end - 1] == UInt8(ascii: ",") { end -= 1 }
        let phrase = UnsafeBufferPointer(rebasing: bytes[start..<end])
        guard !phrase.isEmpty, phrase.count <= 90, TextSearch.isPlainASCII(phrase) else { return nil }
        var wordStart = 0
        for offset in 0...phrase.count {
            let byte = offset < phrase.count ? phrase[offset] : UInt8(ascii: " ")
            if notInOwners.contains(byte) { return .some(nil) }
            switch byte {
            case UInt8(ascii: ","), UInt8(ascii: "/"): return nil
            case UInt8(ascii: "h"):
                // `http` as written, as the full reading looks for it.
                if phrase[offset...].starts(with: "http".utf8) { return .some(nil) }
            case UInt8(ascii: " "):
                // A second space in a row, or a connective word, leaves the phrase to the full reading.
                if offset == wordStart || isConnective(UnsafeBufferPointer(rebasing: phrase[wordStart..<offset])) {
                    return nil
                }
                wordStart = offset + 1
            default: continue
            }
        }
        guard isPlainOwnerPart(phrase) else { return .some(nil) }
        return [String(decoding: phrase, as: UTF8.self)]
    }

    /// The parts of a list joined by `,`, `and`, `&`, `+`.
    static func splitList(_ phrase: String) -> [String] {
        var parts: [String] = []
        for piece in phrase.split(separator: ",") {
            var current: [Substring] = []
            for word in piece.split(separator: " ") {
                if ["and", "&", "+"].contains(word.lowercased()) {
                    if !current.isEmpty { parts.append(current.joined(separator: " ")) }
                    current = []
                } else {
                    current.append(word)
                }
            }
            if !current.isEmpty { parts.append(current.joined(separator: " ")) }
        }
        return parts
    }

    /// ``splitList(_:)`` of text whose scalars are characters of their own (``PeopleBytes/isPlain(_:)``), cut on
    /// the bytes in one pass: only ASCII letters lower-case to `and`.
    static func splitPlainList(_ phrase: String) -> [String] {
        PeopleBytes.withBytes(phrase) { bytes in
            var parts: [String] = []
            // The part so far: where its first word starts (-1 for none), where its last ends, and its length with one
            // space between each two words. Between them stand only its words and spaces.
            var first = -1
            var end = 0
            var length = 0
            func endPart() {
                guard first >= 0 else { return }
                let span = UnsafeBufferPointer(rebasing: bytes[first..<end])
                if span.count == length {
                    parts.append(String(decoding: span, as: UTF8.self))
                } else {
                    // More spaces between two words: one is kept.
                    parts.append(
                        String(unsafeUninitializedCapacity: length) { out in
                            var count = 0
                            for (index, byte) in span.enumerated()
                            where byte != UInt8(ascii: " ") || span[index - 1] != UInt8(ascii: " ") {
                                out[count] = byte
                                count += 1
                            }
                            return count
                        }
                    )
                }
                first = -1
            }
            var start = 0
            for offset in 0...bytes.count {
                // The end closes the last word and part as a comma would.
                let byte = offset < bytes.count ? bytes[offset] : UInt8(ascii: ",")
                guard byte == UInt8(ascii: " ") || byte == UInt8(ascii: ",") else { continue }
                if start < offset {
                    if isConnective(UnsafeBufferPointer(rebasing: bytes[start..<offset])) {
                        endPart()
                    } else if first < 0 {
                        (first, end, length) = (start, offset, offset - start)
                    } else {
                        (end, length) = (offset, length + 1 + offset - start)
                    }
                }
                if byte == UInt8(ascii: ",") { endPart() }
                start = offset + 1
            }
            return parts
        }
    }

    /// Whether ASCII `word` is `and`, `&` or `+`, in any case.
    private static func isConnective(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        switch word.count {
        case 1: word[0] == UInt8(ascii: "&") || word[0] == UInt8(ascii: "+")
        case 3:
            word[0] | 0x20 == UInt8(ascii: "a") && word[1] | 0x20 == UInt8(ascii: "n")
                && word[2] | 0x20 == UInt8(ascii: "d")
        default: false
        }
    }

    /// `Mark/Philippe`, `RC/PM`, `Ann Lee/Bob Roy` → two owners; `MoJ/HMPPS probation reform team` (an
    /// organisation) and slashes inside other names stay whole.
    private static func splitSlashes(_ owner: String) -> [String] {
        // A slash is a character only where its byte stands.
        guard PeopleBytes.containsByte(owner, UInt8(ascii: "/")) else { return [owner] }
        // Plain ASCII is cut and read on its bytes, each byte a character.
        let plain = PeopleBytes.withBytes(owner) { bytes -> [String]?? in
            TextSearch.isPlainASCII(bytes) ? .some(plainSlashPieces(bytes)) : nil
        }
        if let pieces = plain { return pieces ?? [owner] }
        return splitSlashesByCharacters(owner)
    }

    /// ``splitSlashes(_:)`` read by characters: for any owner.
    static func splitSlashesByCharacters(_ owner: String) -> [String] {
        guard owner.contains("/") else { return [owner] }
        let pieces = owner.split(separator: "/").map { $0.trimming(" ") }
        guard pieces.count >= 2,
            pieces.allSatisfy({ piece in
                let tokens = spacedWords(piece)
                return isHandle(piece)
                    || ((1...3).contains(tokens.count)
                        && tokens.allSatisfy({ token in
                            guard let first = token.first, first.isUppercase, !isNotName(token) else { return false }
                            if isInitials(token) { return tokens.count == 1 }
                            return token.dropFirst().allSatisfy { $0.isLowercase || $0 == "-" || $0 == "'" }
                        }))
            })
        else { return [owner] }
        return pieces
    }

    /// The pieces ``splitSlashes(_:)`` cuts the bytes of a plain ASCII owner (``TextSearch/isPlainASCII(_:)``) into,
    /// or `nil` when it keeps the owner whole: the same looks, made on the bytes.
    static func plainSlashPieces(_ bytes: UnsafeBufferPointer<UInt8>) -> [String]? {
        var pieces: [Range<Int>] = []
        var start = 0
        for offset in 0...bytes.count where offset == bytes.count || bytes[offset] == UInt8(ascii: "/") {
            // Empty pieces are dropped, as a split drops them; each other is trimmed of its spaces.
            if start < offset {
                var first = start
                var end = offset
                while first < end, bytes[first] == 0x20 { first += 1 }
                while end > first, bytes[end - 1] == 0x20 { end -= 1 }
                pieces.append(first..<end)
            }
            start = offset + 1
        }
        guard pieces.count >= 2, pieces.allSatisfy({ isPlainSlashPiece(UnsafeBufferPointer(rebasing: bytes[$0])) })
        else { return nil }
        return pieces.map { String(decoding: UnsafeBufferPointer(rebasing: bytes[$0]), as: UTF8.self) }
    }

    /// Whether the bytes of a plain ASCII piece of an owner split at slashes read as a person: a handle, or one to
    /// three capitalised words (initials only alone), none of them a word rather than a name.
    private static func isPlainSlashPiece(_ piece: UnsafeBufferPointer<UInt8>) -> Bool {
        if isPlainHandle(piece) { return true }
        var tokens: [UnsafeBufferPointer<UInt8>] = []
        var start = 0
        for offset in 0...piece.count where offset == piece.count || piece[offset] == 0x20 {
            if start < offset {
                guard tokens.count < 3 else { return false }
                tokens.append(UnsafeBufferPointer(rebasing: piece[start..<offset]))
            }
            start = offset + 1
        }
        guard !tokens.isEmpty else { return false }
        return tokens.allSatisfy { token in
            guard PeopleBytes.isUpperLetter(token[0]), !isPlainNotName(token) else { return false }
            if (2...3).contains(token.count), token.allSatisfy(PeopleBytes.isUpperLetter) { return tokens.count == 1 }
            return token.dropFirst().allSatisfy {
                PeopleBytes.isLowerLetter($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "'")
            }
        }
    }

    /// `RC`, `PM`, `DO`: two or three capitals, written as someone's initials.
    static func isInitials(_ token: some StringProtocol) -> Bool {
        if let ascii = onASCII(token, { (2...3).contains($0.count) && $0.allSatisfy(PeopleBytes.isUpperLetter) }) {
            return ascii
        }
        return (2...3).contains(token.count) && token.allSatisfy { $0.isUppercase && $0.isLetter }
    }

    /// `test` of the bytes of `word` when it is plain ASCII (``TextSearch/isPlainASCII(_:)``), each byte a
    /// character; `nil` for other words.
    @inline(__always)
    private static func onASCII(_ word: some StringProtocol, _ test: (UnsafeBufferPointer<UInt8>) -> Bool) -> Bool? {
        let answer = word.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
            TextSearch.isPlainASCII(bytes) ? test(bytes) : nil
        }
        return answer ?? nil
    }

    /// Whether a capitalised token is a word rather than a name.
    ///
    /// Initials are compared case-sensitively, so
    /// `DO`, `AS`, `PS` or `CC` written in capitals are someone's initials, while `Do`, `As`, `PS:` words are not.
    static func isNotName(_ token: some StringProtocol) -> Bool {
        if isInitials(token) { return capitalWords.contains(String(token)) }
        return holds(notNames, notNameBytes, token)
    }

    /// Words written in capitals that are not initials.
    private static let capitalWords: Set<String> = [
        "TBD", "TBC", "FYI", "WIP", "OK", "PR", "PRS", "AOB", "ETC", "AKA", "EOD", "EOW", "ALL", "AND", "THE", "FOR",
        "NOT", "YES", "NO", "ANY", "WE", "DUE", "NEW", "TO", "OF", "IN", "ON", "AT", "BY", "OR", "IF", "RE", "FWD",
    ]

    /// Whether `part` reads as one owner: names, initials, handles, a team (`probation reform team`), `members of
    /// the SIG`, `All trustees`.
    static func isOwnerPart(_ part: String) -> Bool {
        // Plain ASCII is read on its bytes, each byte a character; plain Latin text (`Zoë Walker`) on its scalars.
        let onBytes = PeopleBytes.withBytes(part) { bytes -> Bool? in
            if TextSearch.isPlainASCII(bytes) { return isPlainOwnerPart(bytes) }
            return PeopleBytes.isPlain(bytes) && PeopleBytes.isLatin(bytes) ? isPlainOwnerPart(bytes, latin: true) : nil
        }
        return onBytes ?? isOwnerPartByWords(part)
    }

    /// A scalar of plain Latin text (``PeopleBytes/isLatin(_:)``): ASCII, `À` to `ÿ`, Latin Extended-A or general
    /// punctuation, with the properties its character has, told by its bytes.
    struct LatinScalar {
        /// The byte of an ASCII scalar, 0 for any other.
        var ascii: UInt8
        /// `Character.isLetter`.
        var isLetter: Bool
        /// `Character.isUppercase`.
        var isUppercase: Bool
        /// `Character.isLowercase`.
        var isLowercase: Bool
        /// Whether it is `’`.
        var isApostrophe: Bool

        /// Whether it is the ASCII character `byte`.
        func `is`(_ byte: UInt8) -> Bool { ascii == byte && byte != 0 }

        /// `Character.isNumber`: only ASCII digits are numbers in plain Latin text.
        var isNumber: Bool { PeopleBytes.isDigit(ascii) }

        /// The scalars of Latin `bytes`, in order.
        static func scalars(_ bytes: UnsafeBufferPointer<UInt8>) -> [LatinScalar] {
            var scalars: [LatinScalar] = []
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x80 {
                    let upper = PeopleBytes.isUpperLetter(byte)
                    let lower = PeopleBytes.isLowerLetter(byte)
                    scalars.append(
                        LatinScalar(
                            ascii: byte,
                            isLetter: upper || lower,
                            isUppercase: upper,
                            isLowercase: lower,
                            isApostrophe: false
                        )
                    )
                    index += 1
                } else if byte == 0xE2 {
                    // General punctuation: no letter.
                    let apostrophe = bytes[index + 1] == 0x80 && bytes[index + 2] == 0x99
                    scalars.append(
                        LatinScalar(
                            ascii: 0,
                            isLetter: false,
                            isUppercase: false,
                            isLowercase: false,
                            isApostrophe: apostrophe
                        )
                    )
                    index += 3
                } else {
                    let last = bytes[index + 1]
                    let scalar: LatinScalar
                    if byte == 0xC3 {
                        // `À` to `Þ` are upper case and `ß` to `ÿ` lower case, but `×` and `÷`, no letters.
                        let isLetter = last != 0x97 && last != 0xB7
                        scalar = LatinScalar(
                            ascii: 0,
                            isLetter: isLetter,
                            isUppercase: isLetter && last <= 0x9E,
                            isLowercase: isLetter && last >= 0x9F,
                            isApostrophe: false
                        )
                    } else {
                        // Latin Extended-A is letters all, each of one case (`İ`, `Ŀ` and `Ÿ` upper case), but `ĸ`:
                        // without an upper case of its own, its character reads as both.
                        let kra = byte == 0xC4 && last == 0xB8
                        let upper = kra || (PeopleText.latinExtendedAIsUpper(lead: byte, last) ?? true)
                        scalar = LatinScalar(
                            ascii: 0,
                            isLetter: true,
                            isUppercase: upper,
                            isLowercase: kra || !upper,
                            isApostrophe: false
                        )
                    }
                    scalars.append(scalar)
                    index += 2
                }
            }
            return scalars
        }

        /// The number of characters of Latin `bytes`.
        static func count(_ bytes: UnsafeBufferPointer<UInt8>) -> Int { scalars(bytes).count }

        /// Whether every scalar of Latin `bytes` passes `test`.
        static func all(_ bytes: UnsafeBufferPointer<UInt8>, _ test: (LatinScalar) -> Bool) -> Bool {
            scalars(bytes).allSatisfy(test)
        }

        /// ``OwnerParser/isHandle(_:)`` of a Latin word's bytes.
        static func isHandle(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            guard bytes.first == UInt8(ascii: "@") else { return false }
            let rest = scalars(bytes).dropFirst()
            guard let first = rest.first, let last = rest.last, first.isLetter || first.isNumber else { return false }
            return rest.allSatisfy {
                $0.isLetter || $0.isNumber || $0.is(UInt8(ascii: "-")) || $0.is(UInt8(ascii: "_"))
                    || $0.is(UInt8(ascii: "."))
            } && (last.isLetter || last.isNumber || last.is(UInt8(ascii: "_")))
        }

        /// ``OwnerParser/isCapitalised(_:)`` of a Latin word's bytes.
        static func isCapitalised(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            let scalars = scalars(bytes)
            guard let first = scalars.first, first.isUppercase else { return false }
            return scalars.allSatisfy {
                $0.isLetter || $0.isNumber || $0.isApostrophe || capitalisedMarks.contains($0.ascii) && $0.ascii != 0
            }
        }

        /// Whether a Latin word opens with a lower-case letter and holds only letters, `-` and `'`, as the lower-case
        /// words before a team noun do.
        static func isLowerWord(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            let scalars = scalars(bytes)
            guard let first = scalars.first, first.isLowercase else { return false }
            return scalars.allSatisfy { $0.isLetter || $0.is(UInt8(ascii: "-")) || $0.is(UInt8(ascii: "'")) }
        }
    }

    /// ``isOwnerPart(_:)`` of the bytes of a plain ASCII part (``TextSearch/isPlainASCII(_:)``), or with `latin` of a
    /// plain Latin part (``PeopleBytes/isPlain(_:)``, ``PeopleBytes/isLatin(_:)``): the looks of
    /// ``isOwnerPartByWords(_:)`` at each word, made on its bytes.
    ///
    /// A word beyond ASCII is none of the listed words, which are ASCII; its letters and their case are told by its
    /// bytes (``LatinScalar``).
    static func isPlainOwnerPart(_ bytes: UnsafeBufferPointer<UInt8>, latin: Bool = false) -> Bool {
        // An owner part has at most seven words: an eighth settles it.
        withUnsafeTemporaryAllocation(of: Range<Int>.self, capacity: 8) { tokens -> Bool in
            var count = 0
            var start = 0
            for offset in 0...bytes.count where offset == bytes.count || bytes[offset] == UInt8(ascii: " ") {
                if start < offset {
                    guard count < 7 else { return false }
                    tokens.initializeElement(at: count, to: start..<offset)
                    count += 1
                }
                start = offset + 1
            }
            guard count >= 1 else { return false }
            func token(_ index: Int) -> UnsafeBufferPointer<UInt8> {
                UnsafeBufferPointer(rebasing: bytes[tokens[index]])
            }
            func isTeamNoun(_ index: Int) -> Bool { teamNounBytes.containsLowered(token(index)) }
            // The looks at a word's letters, on its scalars in Latin text.
            func isHandle(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
                latin ? LatinScalar.isHandle(word) : isPlainHandle(word)
            }
            func isCapitalised(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
                latin ? LatinScalar.isCapitalised(word) : isPlainCapitalised(word)
            }
            let first = token(0)
            if count == 1 {
                if isHandle(first) { return true }
                if everyoneWordBytes.containsLowered(first) { return true }
            }
            guard isCapitalised(first) || isHandle(first) || isTeamNoun(0) || isWord(first, "the") else { return false }
            if isPlainNotName(first) { return false }
            if count == 1, (latin ? LatinScalar.count(first) : first.count) < 2 { return false }
            if isPlainConnector(token(count - 1)) { return false }
            // `All trustees`, `Each member`.
            if quantifierBytes.containsLowered(first), count <= 3,
                (1..<count).allSatisfy({
                    latin
                        ? LatinScalar.all(token($0)) { $0.isLetter || $0.is(UInt8(ascii: "-")) }
                        : token($0).allSatisfy { PeopleText.isLetter($0) || $0 == UInt8(ascii: "-") }
                })
            {
                return true
            }
            var offset = 0
            while offset < count {
                let word = token(offset)
                offset += 1
                if isHandle(word) || isPlainConnector(word) || (offset > 1 && isWord(word, "the"))
                    || isTeamNoun(offset - 1)
                {
                    continue
                }
                if isCapitalised(word) {
                    // A team noun went on above.
                    if offset > 1, isPlainNotName(word) { return false }
                    continue
                }
                // A short run of lower-case words must lead to a team noun: `probation reform team`.
                var run = offset - 1
                while run < count, latin ? LatinScalar.isLowerWord(token(run)) : isPlainLowerWord(token(run)),
                    !isTeamNoun(run)
                {
                    if notNameBytes.containsLowered(token(run)) { return false }
                    run += 1
                }
                guard run > offset - 1, run - (offset - 1) <= 3, run < count, isTeamNoun(run) else { return false }
                offset = run
            }
            return true
        }
    }

    /// ``isCapitalised(_:)`` of an ASCII word's bytes.
    private static func isPlainCapitalised(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first, PeopleBytes.isUpperLetter(first) else { return false }
        return bytes.allSatisfy { PeopleText.isAlphanumeric($0) || capitalisedMarks.contains($0) }
    }

    /// ``isNotName(_:)`` of an ASCII word's bytes: initials are one of the ``capitalWords``, any other word one of the
    /// ``notNames`` in lower case.
    private static func isPlainNotName(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if (2...3).contains(bytes.count), bytes.allSatisfy(PeopleBytes.isUpperLetter) {
            // Capitals alone: one of the capital words when their lower case is.
            return capitalWordBytes.containsLowered(bytes)
        }
        return notNameBytes.containsLowered(bytes)
    }

    /// ``isConnector(_:)`` of an ASCII word's bytes.
    private static func isPlainConnector(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        !bytes.contains(where: PeopleBytes.isUpperLetter) && connectorBytes.containsLowered(bytes)
    }

    /// `isPlainWord` of an ASCII word's bytes: a lower-case letter, then letters, `-` and `'`.
    private static func isPlainLowerWord(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first, PeopleBytes.isLowerLetter(first) else { return false }
        return bytes.allSatisfy { PeopleText.isLetter($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "'") }
    }

    /// ``capitalWords`` in lower case, looked up on the bytes.
    private static let capitalWordBytes = ByteWordSet(capitalWords.map { $0.lowercased() })

    /// ``isOwnerPart(_:)`` read word by word as strings: for any part.
    static func isOwnerPartByWords(_ part: String) -> Bool {
        let tokens = words(of: part)
        guard (1...7).contains(tokens.count), let first = tokens.first, let last = tokens.last else { return false }
        if tokens.count == 1 {
            if isHandle(first) { return true }
            if holds(everyoneWords, everyoneWordBytes, first) { return true }
        }
        guard isCapitalised(first) || isHandle(first) || holds(teamNouns, teamNounBytes, first) || isThe(first)
        else { return false }
        if isNotName(first) { return false }
        if tokens.count == 1, first.count < 2 { return false }
        if isConnector(last) { return false }
        // `All trustees`, `Each member`.
        if holds(quantifiers, quantifierBytes, first), tokens.count <= 3,
            tokens.dropFirst().allSatisfy({ $0.allSatisfy { $0.isLetter || $0 == "-" } })
        {
            return true
        }
        var offset = 0
        while offset < tokens.count {
            let token = tokens[offset]
            offset += 1
            if isHandle(token) || isConnector(token) || (offset > 1 && isThe(token))
                || holds(teamNouns, teamNounBytes, token)
            {
                continue
            }
            if isCapitalised(token) {
                // A team noun went on above.
                if offset > 1, isNotName(token) { return false }
                continue
            }
            // A short run of lower-case words must lead to a team noun: `probation reform team`.
            var run = offset - 1
            while run < tokens.count, isPlainWord(tokens[run]), !holds(teamNouns, teamNounBytes, tokens[run]) {
                if holds(notNames, notNameBytes, tokens[run]) { return false }
                run += 1
            }
            guard run > offset - 1, run - (offset - 1) <= 3, run < tokens.count,
                holds(teamNouns, teamNounBytes, tokens[run])
            else { return false }
            offset = run
        }
        return true
    }

    private static func isPlainWord(_ token: String) -> Bool {
        token.first?.isLowercase == true && token.allSatisfy { $0.isLetter || $0 == "-" || $0 == "'" }
    }

    /// Whether `part` is a person's name or initials: one to three capitalised words, or a handle.
    static func isPersonalName(_ part: String) -> Bool {
        // Plain ASCII is read on its bytes, each byte a character; plain Latin text on its scalars.
        let onBytes = PeopleBytes.withBytes(part) { bytes -> Bool? in
            if TextSearch.isPlainASCII(bytes) { return isPlainPersonalName(bytes) }
            return PeopleBytes.isPlain(bytes) && PeopleBytes.isLatin(bytes)
                ? isPlainPersonalName(bytes, latin: true) : nil
        }
        return onBytes ?? isPersonalNameByWords(part)
    }

    /// ``isPersonalName(_:)`` of the bytes of a plain ASCII part (``TextSearch/isPlainASCII(_:)``), or with `latin` of
    /// a plain Latin part (as ``isPlainOwnerPart(_:latin:)`` reads one): the same looks at each word, made on its bytes.
    static func isPlainPersonalName(_ bytes: UnsafeBufferPointer<UInt8>, latin: Bool = false) -> Bool {
        if latin ? LatinScalar.isHandle(bytes) : isPlainHandle(bytes) { return true }
        var count = 0
        var start = 0
        for offset in 0...bytes.count where offset == bytes.count || bytes[offset] == UInt8(ascii: " ") {
            if start < offset {
                count += 1
                let token = UnsafeBufferPointer(rebasing: bytes[start..<offset])
                guard count <= 3, latin ? LatinScalar.isCapitalised(token) : isPlainCapitalised(token),
                    !teamNounBytes.containsLowered(token),
                    !isPlainNotName(token)
                else { return false }
            }
            start = offset + 1
        }
        return count >= 1
    }

    /// ``isPersonalName(_:)`` read word by word as strings: for any part.
    static func isPersonalNameByWords(_ part: String) -> Bool {
        if isHandle(part) { return true }
        let tokens = words(of: part)
        guard (1...3).contains(tokens.count) else { return false }
        return tokens.allSatisfy {
            isCapitalised($0) && !holds(teamNouns, teamNounBytes, $0) && !isNotName($0)
        }
    }

    // MARK: - Words

    /// `text.split(separator: " ")` as strings, cut on the bytes when they tell.
    static func words(of text: String) -> [String] {
        PeopleText.words(text).map(String.init)
    }

    /// The first `limit` of ``words(of:)``, as substrings: cut on the bytes only as far as they go when each scalar
    /// of `text` is a character of its own (``PeopleBytes/isPlain(_:)``).
    static func leadingWords(of text: String, limit: Int) -> [Substring] {
        let utf8 = text.utf8
        let cut = utf8.withContiguousStorageIfAvailable { bytes -> [Substring]? in
            guard TextSearch.isPlainASCII(bytes) || PeopleBytes.isPlain(bytes) else { return nil }
            var words: [Substring] = []
            words.reserveCapacity(Swift.min(limit, 24))
            var start = 0
            var offset = 0
            while offset <= bytes.count, words.count < limit {
                if offset == bytes.count || bytes[offset] == UInt8(ascii: " ") {
                    if start < offset {
                        let lower = utf8.index(utf8.startIndex, offsetBy: start)
                        words.append(text[lower..<utf8.index(lower, offsetBy: offset - start)])
                    }
                    start = offset + 1
                }
                offset += 1
            }
            return words
        }
        if let cut, let cut { return cut }
        // With `limit` splits, the first `limit` parts are words; the rest of the text, uncut, follows them.
        return Array(text.split(separator: " ", maxSplits: limit).prefix(limit))
    }

    /// `words.joined(separator: " ")` of consecutive words of one text: the text from the first to the last when
    /// one space stands between each two (as its bytes tell), else joined.
    static func joined(_ words: ArraySlice<Substring>) -> String {
        guard let first = words.first, let last = words.last else { return "" }
        let span = first.base[first.startIndex..<last.endIndex]
        let length = words.reduce(words.count - 1) { $0 + $1.utf8.count }
        return span.utf8.count == length ? String(span) : words.joined(separator: " ")
    }

    /// Whether `word`, lower-cased, is the ASCII lower-case `lower`: only ASCII letters lower-case to ASCII ones
    /// other than `k`, so on the bytes.
    static func isWord(_ word: Substring, _ lower: StaticString) -> Bool {
        guard word.utf8.count == lower.utf8CodeUnitCount else { return false }
        var index = 0
        for byte in word.utf8 {
            guard
                PeopleBytes.isUpperLetter(byte) ? byte | 0x20 == lower.utf8Start[index] : byte == lower.utf8Start[index]
            else { return false }
            index += 1
        }
        return true
    }

    static func isHandle(_ word: some StringProtocol) -> Bool {
        // Plain ASCII: a letter is one of A–Z and a–z, a number one of 0–9.
        if let ascii = onASCII(word, isPlainHandle) { return ascii }
        return isHandleByCharacters(word)
    }

    /// ``isHandle(_:)`` of a plain ASCII word's bytes.
    private static func isPlainHandle(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count >= 2, bytes[0] == UInt8(ascii: "@"), PeopleText.isAlphanumeric(bytes[1]) else { return false }
        for byte in bytes[1...]
        where !PeopleText.isAlphanumeric(byte) && byte != UInt8(ascii: "-") && byte != UInt8(ascii: "_")
            && byte != UInt8(ascii: ".")
        {
            return false
        }
        let last = bytes[bytes.count - 1]
        return PeopleText.isAlphanumeric(last) || last == UInt8(ascii: "_")
    }

    /// ``isHandle(_:)`` read by characters: for any word.
    static func isHandleByCharacters(_ word: some StringProtocol) -> Bool {
        guard word.hasPrefix("@"), word.count >= 2 else { return false }
        let rest = word.dropFirst()
        guard let first = rest.first, first.isLetter || first.isNumber else { return false }
        // `@jane.doe`: dots inside a handle, not closing it.
        return rest.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." }
            && rest.last.map { $0.isLetter || $0.isNumber || $0 == "_" } == true
    }

    /// `@a, @b`, `@a & @b`: the handles, or `nil` when anything else is there.
    static func handleList(_ text: some StringProtocol) -> [String]? {
        var handles: [String] = []
        for word in text.split(whereSeparator: { " ,".contains($0) }) {
            if ["and", "&", "+", "/"].contains(word.lowercased()) { continue }
            guard isHandle(word) else { return nil }
            handles.append(String(word))
        }
        return handles.isEmpty ? nil : handles
    }

    /// `mnot`, `kfall`: a lower-case chat nickname, not an English word we know.
    static func isNickname(_ word: String) -> Bool {
        // An ASCII word is told on its bytes whether it is of 2 to 20 lower-case letters, digits and `_`: most are not.
        let shaped =
            onASCII(word) { bytes in
                (2...20).contains(bytes.count)
                    && bytes.allSatisfy {
                        PeopleBytes.isLowerLetter($0) || PeopleBytes.isDigit($0) || $0 == UInt8(ascii: "_")
                    }
            }
            ?? ((2...20).contains(word.count)
                && word.allSatisfy { ($0.isLowercase && $0.isLetter) || $0.isNumber || $0 == "_" })
        return shaped
            && !notNames.contains(word) && !notVerbs.contains(word) && !isConnector(word)
            && !commonWords.contains(word)
    }

    static func isCapitalised(_ word: some StringProtocol) -> Bool {
        if let ascii = onASCII(
            word,
            { bytes in
                guard let first = bytes.first, PeopleBytes.isUpperLetter(first) else { return false }
                return bytes.allSatisfy { PeopleText.isAlphanumeric($0) || capitalisedMarks.contains($0) }
            }
        ) {
            return ascii
        }
        guard let first = word.first, first.isUppercase else { return false }
        return word.allSatisfy { $0.isLetter || $0.isNumber || "-'’.&/".contains($0) }
    }

    /// The ASCII marks a capitalised word may hold besides letters and digits.
    private static let capitalisedMarks = TextSearch.ByteSet("-'.&/")

    /// Whether `word` can follow `to`/`will` as a verb: lower-case, not an article or a number.
    private static func isVerbLike(_ word: some StringProtocol) -> Bool {
        guard let first = word.first, first.isLowercase else { return false }
        return !notVerbs.contains(word.lowercased().trimming(",.;:"))
    }

    /// Whether `set`, of ASCII words alone, holds `word` lower-cased: looked up on the bytes in `bytes`, the same
    /// words, when `word` is ASCII, whose lower case is its bytes lower-cased.
    ///
    /// Any other word whose scalars are characters of their own (``PeopleBytes/isPlain(_:)``) is in no such set: none
    /// of its scalars beyond ASCII lower-cases to ASCII alone or equals an ASCII one, so it is told without the copy.
    @inline(__always)
    static func holds(_ set: Set<String>, _ bytes: ByteWordSet, _ word: some StringProtocol) -> Bool {
        bytes.containsLowered(word) ?? (!PeopleBytes.isPlain(word) && set.contains(word.lowercased()))
    }

    /// Whether `word` lower-cased is `the`.
    private static func isThe(_ word: String) -> Bool { isWord(Substring(word), "the") }

    /// Words that alone name everyone as owners.
    private static let everyoneWords: Set<String> = ["all", "everyone", "everybody"]

    private static let everyoneWordBytes = ByteWordSet(everyoneWords)
    private static let labelWordBytes = ByteWordSet(labelWords)
    private static let auxiliaryBytes = ByteWordSet(auxiliaries)
    private static let quantifierBytes = ByteWordSet(quantifiers)
    /// ``teamNouns``, looked up on the bytes.
    static let teamNounBytes = ByteWordSet(teamNouns)
    private static let notNameBytes = ByteWordSet(notNames)

    private static let bracketPrefixes = [
        "owner:", "owners:", "owner", "owners", "lead:", "responsible:", "assigned to:", "assigned to", "assignee:",
        "assignees:", "who:", "action by:", "action:",
    ]

    /// Lower-case words that open imperative sentences rather than name a person.
    private static let commonWords: Set<String> = [
        "listen", "forward", "reference", "compare", "relate", "link", "attach", "append", "copy", "convert",
        "migrate", "switch", "upgrade", "downgrade", "port", "map", "tie", "hand", "pass", "push", "pull", "rebase",
        "backport", "revert", "promote", "demote", "escalate", "delegate", "assign", "reassign", "transfer",
        "subscribe", "unsubscribe", "sign-up", "signup", "contribute", "reach", "going", "need", "want", "plan",
        "decide", "agree", "continue", "begin", "start", "try", "attempt", "remember", "forget", "expect", "hope",
        "intend", "aim", "seek", "offer", "volunteer", "volunteered", "offered", "agreed", "asked", "tried", "moved",
        "things", "nothing", "something", "stuff", "time", "work", "way", "ways", "steps", "step", "tasks", "task",
        "items", "item", "issues", "issue", "prs", "pr", "docs", "doc", "code", "tests", "test", "notes", "note",
    ]

    /// Labels that are not owners though they read as names.
    private static let labelWords: Set<String> = [
        "lead", "owner", "owners", "who", "responsible", "assignee", "assignees", "scribe", "present", "regrets",
        "apologies", "attendees", "chair", "notes", "minutes", "members", "venue", "status",
    ]

    private static let auxiliaries: Set<String> = [
        "needs", "need", "is", "are", "has", "have", "agreed", "volunteered", "offered", "going",
    ]

    private static let notVerbs: Set<String> = [
        "the", "a", "an", "next", "this", "that", "these", "those", "all", "his", "her", "their", "our", "my", "your",
        "its", "some", "any", "each", "every", "both", "be", "no", "not", "date", "week", "month", "day", "year",
        "today", "tomorrow", "now", "whom", "which", "what", "it", "them", "us", "me", "him", "you",
    ]

    /// Whether `connectors` holds `word` as written: looked up on the bytes when `word` is ASCII without capitals,
    /// which no other ASCII word equals; ASCII with capitals is none of the lower-case connectors.
    static func isConnector(_ word: some StringProtocol) -> Bool {
        let answer = word.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            return !bytes.contains(where: PeopleBytes.isUpperLetter) && connectorBytes.containsLowered(bytes)
        }
        return (answer ?? nil) ?? connectors.contains(String(word))
    }

    private static let connectorBytes = ByteWordSet(connectors)

    /// Connecting words allowed inside an owner (`members of the RR3 SIG`).
    static let connectors: Set<String> = [
        "of", "the", "for", "and", "de", "van", "von", "der", "den", "da", "du", "la", "le", "del", "di", "dos", "bin",
        "al", "in", "on", "at",
    ]

    private static let quantifiers: Set<String> = ["all", "each", "every", "both", "other", "remaining"]

    /// Nouns that name a team, a body or a role, so may close or open an owner.
    static let teamNouns: Set<String> = [
        "team", "teams", "group", "groups", "committee", "subcommittee", "board", "council", "directorate",
        "department", "office", "unit", "panel", "secretariat", "wg", "sig", "tsc", "members", "member", "staff",
        "officers", "officer", "chair", "chairs", "co-chairs", "vice-chair", "secretary", "clerk", "treasurer",
        "editors", "editor", "authors", "author", "maintainers", "maintainer", "trustees", "governors", "directors",
        "leads", "lead", "organisers", "organizers", "volunteers", "reviewers", "champions", "representatives",
        "reps", "everyone", "everybody", "ministry", "agency", "partners", "task", "force", "working", "network",
        "service", "services", "division", "branch", "facilitator", "facilitators", "coordinator", "convenor",
        "president", "manager", "managers", "owners", "participants", "attendees", "folks", "people",
    ]

    /// Capitalised words that start sentences or labels rather than name people.
    static let notNames: Set<String> = [
        "i", "we", "it", "this", "that", "these", "those", "there", "they", "he", "she", "you", "our", "their", "his",
        "her", "its", "my", "your", "a", "an", "if", "when", "while", "where", "why", "how", "what", "who", "which",
        "whoever", "before", "after", "next", "last", "previous", "first", "second", "third", "finally", "then",
        "also", "still", "now", "today", "tomorrow", "yesterday", "later", "soon", "please", "need", "needs", "let's",
        "lets", "let", "consensus", "bumped", "moved", "deferred", "postponed", "agreed", "decided", "going", "want",
        "try", "time", "plan", "note", "notes", "nb", "update", "updates", "status", "text", "details", "detail",
        "reminder", "proposal", "resolution", "decision", "question", "answer", "comment", "comments", "background",
        "context", "summary", "discussion", "outcome", "result", "results", "issue", "issues", "topic", "agenda",
        "link", "links", "date", "location", "presenter", "due", "deadline", "priority", "important", "warning",
        "example", "eg", "e.g.", "fyi", "goal", "purpose", "problem", "solution", "option", "idea", "suggestion",
        "blocked", "waiting", "tbd", "todo", "progress", "done", "completed", "pending", "minutes", "motion", "vote",
        "reason", "rationale", "yes", "no", "ok", "okay", "thanks", "welcome", "review", "reviewed", "revisit",
        "discuss", "discussed", "punt", "bump", "follow", "followup", "follow-up", "add", "added", "remove", "removed",
        "document", "consider", "check", "ensure", "make", "create", "send", "share", "write", "get", "set", "move",
        "keep", "look", "find", "use", "ask", "tell", "go", "come", "help", "start", "stop", "work", "talk", "reply",
        "respond", "speak", "reach", "refer", "point", "switch", "change", "return", "stick", "commit", "apply",
        "submit", "propose", "suggest", "meeting", "meetings", "call", "schedule", "draft", "publish", "post", "merge",
        "close", "open", "fix", "investigate", "contact", "email", "invite", "prepare", "circulate", "confirm",
        "agree", "decide", "approve", "accept", "reject", "test", "run", "build", "clarify", "explain", "define",
        "identify", "establish", "provide", "produce", "complete", "finish", "continue", "report", "present", "bring",
        "take", "put", "give", "read", "see", "think", "wait", "track", "record", "sign", "book", "order", "pay",
        "collect", "recruit", "train", "support", "action", "actions", "item", "items", "pr", "prs", "nothing",
        "something", "someone", "somebody", "anyone", "anybody", "nobody", "everything", "however", "meanwhile",
        "thus", "so", "but", "and", "or", "as", "for", "from", "with", "without", "in", "on", "at", "by", "about",
        "to", "of", "up", "out", "more", "less", "most", "many", "much", "several", "multiple", "various", "other",
        "others", "some", "any", "no-one", "noone", "new", "old", "current", "future", "general", "further",
        "additional", "key", "main", "same", "ready", "closed", "approved", "passed", "rejected", "carried",
        "resolved", "questions", "answers", "q", "scope", "process", "policy", "guidance", "requirements", "feedback",
        "info", "information", "presentation", "slides", "demo", "there's", "it's", "we'll", "i'll", "we're",
        "they're", "don't", "can't", "won't", "should", "could", "would", "might", "must", "can", "may", "shall",
        "will", "is", "are", "was", "were", "be", "been", "has", "have", "had", "do", "does", "did", "not", "wip",
        "optional", "urgent", "high", "low", "medium", "p0", "p1", "p2", "p3", "ongoing", "cancelled", "canceled",
        "re", "fwd", "cc", "ps", "ref", "ping", "bonus", "stretch", "via", "aka", "etc",
    ]
}
