import Ingest

/// Recognises what marks a line as an action: `Action:`, `ACTION 3:`, `Action item:`, `AI:`, `[ACTION]`,
/// `[FOLLOWUP]`, `ACTION ITEM - …`, and owners between the keyword and the colon (`ACTION ALL:`,
/// `Action Mark/Philippe:`); and the headings and labels over lists of actions.
enum ActionMarker {
    /// What a marker left.
    struct Match: Equatable {
        /// The text after the marker; empty for a bare `Actions:` label.
        var text: String
        /// The owners named inside the marker (`ACTION BW:` → `BW`).
        var owners: [String]
        /// The text before an inline marker (`Jo to book the hall. Action: Jo` → `Jo to book the hall.`).
        var before: String = ""
    }

    /// The marker at the start of `text`, or after a sentence inside it (`Agreed. ACTION: Bob to write.`).
    ///
    /// `holdsInlineWords`, when known, says whether ``inlineWordList`` occurs in `text` (the context's first look).
    static func match(_ text: String, extra: [String] = [], holdsInlineWords: Bool? = nil) -> Match? {
        // Most lines open with a byte no built-in marker opens with (spaces aside): told before the marker is read.
        let mayOpen =
            !extra.isEmpty || (text.utf8.first.map { $0 == UInt8(ascii: " ") || leadingBytes.contains($0) } ?? false)
        if mayOpen, let found = leading(text, extra: extra) { return found }
        guard holdsInlineWords ?? inlineWords.occurs(in: text) else { return nil }
        return inline(text)
    }

    /// The marker at the very start of `text`.
    static func leading(_ text: String, extra: [String] = []) -> Match? {
        if let body = Vocabulary.marked(text, by: extra) { return Match(text: body, owners: []) }
        // Every marker starts with one of a few characters; most lines start with none of them. The first byte after
        // the leading spaces is the first of the trimmed text: spaces before an ASCII byte are characters alone.
        guard let pair = leadingPair(text), leadingBytes.contains(pair.0) else { return nil }
        // `Action: …` and `ACTION - …` in plain ASCII, the most common markers, are read on the bytes at once.
        if pair.0 | 0x20 == UInt8(ascii: "a"), let second = pair.1, second | 0x20 == UInt8(ascii: "c") {
            if let body = PeopleBytes.withBytes(text, plainActionBody) { return Match(text: body, owners: []) }
            // Any other marker opening with `ac` is a keyword that a colon or a dash follows (`Actions 3:`, `ACTION
            // ITEM - …`): plain ASCII text with neither byte (`Actions from the last meeting were reviewed`) holds none.
            if PeopleBytes.withBytes(text, { TextSearch.isPlainASCII($0) && !$0.contains(where: isColonOrHyphen) }) {
                return nil
            }
        }
        return leadingByCharacters(text, pair: pair)
    }

    /// Whether `byte` is `:` or `-`, one of which follows every keyword marker in plain ASCII text.
    private static func isColonOrHyphen(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ":") || byte == UInt8(ascii: "-")
    }

    /// The text after a plain ASCII `action` keyword (in any case, its letters alone) and a `:` or `- `, trimmed of
    /// spaces, as ``leadingByCharacters(_:pair:)`` reads it; `nil` for any other text.
    ///
    /// Such a text opens with no bracket, command, label prefix or bold keyword, and its keyword is `action`.
    static func plainActionBody(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        // The text trimmed of its spaces, as the characters read it.
        var start = 0
        var end = bytes.count
        while start < end, bytes[start] == UInt8(ascii: " ") { start += 1 }
        while end > start, bytes[end - 1] == UInt8(ascii: " ") { end -= 1 }
        guard end - start > 6 else { return nil }
        for (offset, letter) in "action".utf8.enumerated() where bytes[start + offset] | 0x20 != letter {
            return nil
        }
        var next = start + 6
        // The keyword is the letters alone: a seventh letter makes another word.
        guard !PeopleText.isLetter(bytes[next]) else { return nil }
        while next < end, bytes[next] == UInt8(ascii: " ") { next += 1 }
        if next < end, bytes[next] == UInt8(ascii: ":") {
            next += 1
        } else if next + 1 < end, bytes[next] == UInt8(ascii: "-"), bytes[next + 1] == UInt8(ascii: " ") {
            next += 1
        } else {
            return nil
        }
        while next < end, bytes[next] == UInt8(ascii: " ") { next += 1 }
        // Plain text only (each scalar a character of its own, so that its spaces trim as the characters' do): any
        // other leaves the text to the characters.
        guard PeopleBytes.isPlain(bytes) else { return nil }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[next..<end]), as: UTF8.self)
    }

    /// ``leading(_:extra:)`` past the configured markers, read by characters where the bytes cannot tell; `pair` is
    /// ``leadingPair(_:)`` of `text` when known.
    static func leadingByCharacters(_ text: String, pair: (UInt8, UInt8?)?? = nil) -> Match? {
        // Every marker below starts with one of a few characters; most lines start with none of them. The first byte
        // after the leading spaces is the first of the trimmed text: spaces before an ASCII byte are characters alone.
        guard let (first, second) = pair ?? leadingPair(text), leadingBytes.contains(first) else { return nil }
        // Past brackets and commands, the first two bytes must open a marker (spaces open none).
        if first != UInt8(ascii: "["), first != UInt8(ascii: "#") {
            guard mayOpenMarker(first, second) else { return nil }
            // Plain ASCII text opens with a marker below only when its bytes past the spaces open one of the prefixes
            // read on them: most text that gets this far (`To …`, `**Notes**`) is told so without a copy.
            if PeopleBytes.withBytes(text, { TextSearch.isPlainASCII($0) && !mayOpenPlainMarker($0) }) { return nil }
        }
        var text = text.trimming(" ")
        // `[NEW] ACTION: …`, `[PENDING] ACTION: …`: a scribe's status tag before the marker.
        if first == 0x5B {
            for tag in statusTags where text.utf8.first == 0x5B && text.hasPrefix(tag) {
                text = text.dropFirst(tag.count).trimming(" ")
            }
        }
        // Plain ASCII text starts with a marker when its bytes do.
        let plain = TextSearch.isPlainASCII(text)
        func starts(with prefix: String) -> Bool {
            plain ? TextSearch.hasBytePrefix(text, prefix) : text.hasPrefix(prefix)
        }
        // [ACTION], [FOLLOWUP]
        if text.hasPrefix("["), let close = text.firstIndex(of: "]") {
            let tag = text[text.index(after: text.startIndex)..<close].lowercased().trimming(" ")
            guard bracketTags.contains(tag) else { return nil }
            return Match(text: text[text.index(after: close)...].trimming(" :-–—"), owners: [])
        }
        // `#action ttx to send the mail`: meeting-bot commands.
        if text.utf8.first == 0x23, text.lowercased().hasPrefix("#action ") {
            return Match(text: text.dropFirst("#action ".count).trimming(" "), owners: [])
        }
        // Text opens with one of the markers below only when its first two bytes, lower-cased, open one.
        if !mayOpenMarker(text.utf8[...]) { return nil }
        // Every prefix below opens with an ASCII character, so one whose first byte differs cannot match.
        let lead = text.utf8.first
        // AI: …, TODO: …, Follow-up: …, Next step: … (like `[FOLLOWUP]`)
        // Their second bytes differ as much: both are read before the prefix is.
        let following = text.utf8.dropFirst().first
        for (prefix, (first, next)) in zip(labelPrefixes, labelPrefixOpenings)
        where first == lead && next == following && starts(with: prefix) {
            return Match(text: text.dropFirst(prefix.count).trimming(" "), owners: [])
        }
        // `**ACTION** Bob to write`: a bold keyword without a colon.
        for bold in boldKeywords where bold.utf8.first == lead && starts(with: bold) {
            let body = text.dropFirst(bold.count).trimming(" :-–—")
            return body.isEmpty ? nil : Match(text: body, owners: [])
        }
        // Every keyword below is `action` in some case: plain text opening otherwise has none.
        if plain, !TextSearch.hasPrefix(text, ignoringCase: "action") { return nil }
        let keyword = leadingLetters(text, plain: plain)
        // `actions: …` in lower case is a glossary entry, not a marker.
        // In plain text the keyword opens with `action` in some case (above): it is that when it has six letters.
        let isAction = plain ? keyword.utf8.count == 6 : keyword.lowercased() == "action"
        guard isAction || keyword == "Actions" || keyword == "ACTIONS" else { return nil }
        var rest = text.dropFirst(keyword.count)
        if let body = separated(rest) { return Match(text: body, owners: []) }
        rest = rest.drop { $0 == " " }
        guard !rest.isEmpty else { return nil }
        // `Action item:`, `ACTION ITEM - …`, `Action point 3:`, `ACTION 3:`
        var words = rest.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        if let first = words.first {
            let word = first.lowercased().trimming(":")
            // `item(s)/assignee(s)` reads as `item`.
            let kind = leadingLetters(word, plain: plain)
            if kindWords.contains(word) || isNumber(word)
                || kindWords.contains(String(kind)) && "(/".contains(word.dropFirst(kind.count).first ?? " ")
            {
                rest = rest.dropFirst(first.hasSuffix(":") ? first.count - 1 : first.count)
                if let body = separated(rest) { return Match(text: body, owners: []) }
                rest = rest.drop { $0 == " " }
                words = rest.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
                if let second = words.first, isNumber(second.lowercased().trimming(":")) {
                    rest = rest.dropFirst(second.hasSuffix(":") ? second.count - 1 : second.count)
                    if let body = separated(rest) { return Match(text: body, owners: []) }
                }
                return nil
            }
        }
        // Owners between the keyword and the colon: `ACTION ALL:`, `Action Mark/Philippe:`, `Action (Bob):`.
        guard keyword.first?.isUppercase == true, let colon = rest.firstIndex(of: ":") else { return nil }
        var names = rest[..<colon].trimming(" ")
        if names.hasPrefix("("), names.hasSuffix(")") { names = names.trimming("() ") }
        if names.lowercased().hasPrefix("by ") { names = String(names.dropFirst(3)) }
        // `Action by: DF – renew the insurance`: the owners follow the colon.
        if names.lowercased() == "by" {
            return Match(text: rest[rest.index(after: colon)...].trimming(" "), owners: [])
        }
        guard names.count <= 50, names.split(separator: " ").count <= 6, let owners = OwnerParser.ownerList(names)
        else { return nil }
        return Match(text: rest[rest.index(after: colon)...].trimming(" "), owners: owners)
    }

    /// The marker after a sentence inside `text` (`… agreed. ACTION: Bob to write.`, `Topic: ACTION – …`,
    /// `… (Action: Emma)`, `… → Action: Bob`), or a bare `ACTION BR` closing the line; `text` holds a word of
    /// ``inlineWordList``, looked for in one pass over the bytes in any case.
    private static func inline(_ text: String) -> Match? {
        // The exact look, now that the words are there in some case.
        guard PeopleBytes.withBytes(text, holdsInlineMarkerWord) else { return nil }
        // In plain ASCII text a separator starts at one of a few bytes; other places are passed over.
        let plain = TextSearch.isPlainASCII(text)
        var index = text.startIndex
        while index < text.endIndex {
            if plain, !mayStartPlainSeparator(text.utf8[index...]) {
                // In plain ASCII each byte is a character.
                index = text.utf8.index(after: index)
                continue
            }
            let tail = text[index...]
            if let separator = inlineSeparators.first(where: {
                tail.hasPrefix($0)
            }) {
                var after = String(tail.dropFirst(separator.count))
                if separator == " (" {
                    // `(Action: Emma)`: only a whole bracket closing the text.
                    guard after.hasSuffix(")") || after.hasSuffix(")."), !after.dropLast(2).contains(")") else {
                        index = text.index(after: index)
                        continue
                    }
                    after = after.trimming(").")
                }
                if after.hasPrefix("ACTION") || after.hasPrefix("Action:") || after.hasPrefix("Action item:")
                    || after.hasPrefix("AI:") || after.hasPrefix("**ACTION") || after.hasPrefix("**Action"),
                    var found = leading(after) ?? trailingOwners(after), !found.text.isEmpty || !found.owners.isEmpty
                {
                    found.before = String(text[..<index]) + (separator.hasPrefix(".") ? "." : "")
                    return found
                }
            }
            index = text.index(after: index)
        }
        return nil
    }

    /// Whether UTF-8 `bytes` hold `ACTION`, `Action` or `AI:` as written: each opens with `A`, and only there are the
    /// bytes after it compared, in one pass.
    static func holdsInlineMarkerWord(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for index in bytes.indices where bytes[index] == UInt8(ascii: "A") {
            let rest = bytes[(index + 1)...]
            if rest.starts(with: "CTION".utf8) || rest.starts(with: "ction".utf8) || rest.starts(with: "I:".utf8) {
                return true
            }
        }
        return false
    }

    /// `**ACTION** Ann to call`: a bold keyword (`lead`, the emphasised start of `text`) without a colon.
    static func boldKeyword(_ text: String, lead: String) -> Match? {
        let keyword = lead.trimming(" :*_")
        guard ["action", "action item", "action point"].contains(keyword.lowercased()), text.hasPrefix(keyword)
        else { return nil }
        let body = text.dropFirst(keyword.count).trimming(" :-–—")
        return body.isEmpty ? nil : Match(text: body, owners: [])
    }

    /// `ACTION BR` closing a line: the owners after a bare upper-case keyword.
    private static func trailingOwners(_ text: String) -> Match? {
        guard text.hasPrefix("ACTION ") else { return nil }
        let names = text.dropFirst("ACTION ".count).trimming(" .")
        guard !names.isEmpty, names.split(separator: " ").count <= 3, let owners = OwnerParser.ownerList(names),
            owners.allSatisfy(OwnerParser.isPersonalName)
        else { return nil }
        return Match(text: "", owners: owners)
    }

    /// The first bytes of the markers ``leading(_:extra:)`` knows: `[`, `#`, `AI:`, `TODO:`, `Follow-up:`,
    /// `Next step:`, `**ACTION**`, `__ACTION__`, `Action`.
    private static let leadingBytes = TextSearch.ByteSet("[#AaTFN*_")

    /// Whether the first two bytes of a text, lower-cased, open one of the ``labelPrefixes``, a bold `ACTION` or a
    /// keyword `action`: those open with ASCII characters that no other character equals or lower-cases to.
    private static func mayOpenMarker(_ text: Substring.UTF8View) -> Bool {
        guard text.count >= 2 else { return false }
        return mayOpenMarker(text[text.startIndex], text[text.index(after: text.startIndex)])
    }

    /// ``mayOpenMarker(_:)`` of a text's first byte and the byte after it, `nil` when there is none.
    private static func mayOpenMarker(_ first: UInt8, _ second: UInt8?) -> Bool {
        guard let second else { return false }
        let pair =
            UInt16(first | (PeopleBytes.isUpperLetter(first) ? 0x20 : 0)) << 8
            | UInt16(second | (PeopleBytes.isUpperLetter(second) ? 0x20 : 0))
        return markerOpenings.contains(pair)
    }

    /// Whether plain ASCII `bytes`, past their leading spaces, open with one of the ``labelPrefixes`` or
    /// ``boldKeywords`` as written, or with `action` in any case: what ``leadingByCharacters(_:pair:)`` needs of plain
    /// text past brackets and commands before it can find a marker.
    private static func mayOpenPlainMarker(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var start = 0
        while start < bytes.count, bytes[start] == 0x20 { start += 1 }
        if PeopleBytes.opens(bytes, at: start, "action") { return true }
        let rest = bytes[start...]
        // An opening is compared only when its first byte is the text's.
        return plainOpenings.contains { $0.first == rest.first && rest.starts(with: $0) }
    }

    /// The ``labelPrefixes`` and ``boldKeywords``, as bytes.
    private static let plainOpenings = (labelPrefixes + boldKeywords).map { Array($0.utf8) }

    /// The first byte of `text` after its leading spaces and the byte after it (`nil` at the end), read in place;
    /// `nil` for text of spaces alone.
    private static func leadingPair(_ text: String) -> (UInt8, UInt8?)? {
        // A native string's bytes are read in place.
        if let pair = text.utf8.withContiguousStorageIfAvailable({ leadingPair(bytes: $0) }) { return pair }
        var text = text
        return text.withUTF8 { leadingPair(bytes: $0) }
    }

    /// ``leadingPair(_:)`` of a text's bytes.
    private static func leadingPair(bytes: UnsafeBufferPointer<UInt8>) -> (UInt8, UInt8?)? {
        var offset = 0
        while offset < bytes.count, bytes[offset] == 0x20 { offset += 1 }
        guard offset < bytes.count else { return nil }
        return (bytes[offset], offset + 1 < bytes.count ? bytes[offset + 1] : nil)
    }

    /// The first two bytes, lower-cased, of the markers read after the bracketed ones: `ai`, `a.`, `to`, `fo`, `ne`,
    /// `**`, `__` and `ac`.
    ///
    /// A handful of pairs, looked through in a row: cheaper than hashing one.
    private static let markerOpenings: [UInt16] = Array(
        Set(
            (labelPrefixes + ["**ACTION**", "**Action**", "__ACTION__", "action"]).map { prefix in
                let bytes = Array(prefix.lowercased().utf8)
                return UInt16(bytes[0]) << 8 | UInt16(bytes[1])
            }
        )
    ).sorted()

    /// `**ACTION** Bob to write`: bold keywords read without a colon.
    private static let boldKeywords = ["**ACTION**", "**Action**", "__ACTION__"]

    /// A scribe's status tags, read before a marker.
    private static let statusTags = ["[NEW]", "[PENDING]", "[CONTINUING]", "[DONE]", "[OPEN]"]

    /// What separates an inline marker from the text before it.
    static let inlineSeparators = [". ", "; ", " - ", " – ", " — ", ": ", " → ", "→ ", " ("]

    /// Whether plain ASCII `bytes` (``TextSearch/isPlainASCII(_:)``) may start with one of the
    /// ``inlineSeparators``: those it can hold (`. `, `; `, `: `, ` - `, ` (`) differ in their first two bytes.
    static func mayStartPlainSeparator(_ bytes: Substring.UTF8View) -> Bool {
        guard let first = bytes.first, separatorStarts.contains(first) else { return false }
        let next = bytes.index(after: bytes.startIndex)
        guard next < bytes.endIndex else { return false }
        let second = bytes[next]
        return first == 0x20 ? second == UInt8(ascii: "-") || second == UInt8(ascii: "(") : second == 0x20
    }

    /// The ASCII bytes an inline marker's separator (`. `, `; `, ` - `, `: `, ` (`) starts with.
    private static let separatorStarts = TextSearch.ByteSet(".; :")

    /// The words an inline marker holds, in any case.
    private static let inlineWords = TextSearch.Vocabulary(inlineWordList)

    /// The words of ``inlineWords``.
    static let inlineWordList = ["action", "ai:"]

    /// The first two bytes of each of ``labelPrefixes``.
    private static let labelPrefixOpenings = labelPrefixes.map { ($0.utf8.first, $0.utf8.dropFirst().first) }

    /// `AI: …`, `TODO: …`, and the ``followUps``.
    private static let labelPrefixes =
        ["AI:", "AI -", "AI –", "AI —", "A.I.:", "TODO:", "TO DO:", "To do:"] + followUps

    /// `Follow-up: …`, `Next step: …`: lines read like `[FOLLOWUP]`.
    private static let followUps = [
        "Follow-up:", "Follow up:", "Followup:", "FOLLOW-UP:", "FOLLOWUP:", "Next step:", "NEXT STEP:",
    ]

    /// `text.prefix { $0.isLetter }`, counted on the bytes when `text` is `plain` ASCII
    /// (``TextSearch/isPlainASCII(_:)``): there each byte is a character, a letter when it is one of A–Z and a–z.
    static func leadingLetters<Text: StringProtocol>(_ text: Text, plain: Bool) -> Text.SubSequence {
        guard plain else { return text.prefix { $0.isLetter } }
        let utf8 = text.utf8
        let end = utf8.firstIndex { ($0 | 0x20) &- 0x61 >= 26 } ?? utf8.endIndex
        return text[..<end]
    }

    /// The text after `:` or ` - ` at the start of `rest`, or `nil`.
    private static func separated(_ rest: Substring) -> String? {
        let trimmed = rest.drop { $0 == " " }
        if trimmed.hasPrefix(":") { return trimmed.dropFirst().trimming(" ") }
        if let first = trimmed.first, "-–—".contains(first), trimmed.dropFirst().hasPrefix(" ") {
            return trimmed.dropFirst().trimming(" ")
        }
        return nil
    }

    private static func isNumber(_ word: String) -> Bool {
        let digits = word.trimming("#().")
        return !digits.isEmpty && digits.allSatisfy { $0.isNumber || $0 == "." }
    }

    private static let bracketTags: Set<String> = [
        "action", "actions", "action item", "followup", "follow-up", "follow up", "ai", "todo", "to do",
    ]

    private static let kindWords: Set<String> = [
        "item", "items", "point", "points", "required", "needed", "agreed", "arising",
    ]

    // MARK: - Headings and labels

    /// Whether a heading names a list of actions (`Action items`, `Actions`, `Next steps`, `Actions Needed`).
    static func isActionHeading(_ title: String, vocabulary: Vocabulary) -> Bool {
        isActionHeading(key: normalisedHeading(title), vocabulary: vocabulary)
    }

    /// ``isActionHeading(_:vocabulary:)`` of a title already normalised (``normalisedHeading(_:)``).
    static func isActionHeading(key normalised: String, vocabulary: Vocabulary) -> Bool {
        var key = normalised
        if vocabulary.actionHeadings.contains(key) { return true }
        if vocabulary.actionHeadings.isEmpty, !mayNameActions(key) { return false }
        for prefix in ["new ", "current ", "agreed ", "key ", "summary of ", "list of ", "open ", "meeting "]
        where key.hasPrefix(prefix) {
            key = String(key.dropFirst(prefix.count))
        }
        for suffix in [
            " from this meeting", " from today's meeting", " for next meeting", " for next time", " and owners",
            " summary", " arising",
        ] where key.hasSuffix(suffix) {
            key = String(key.dropLast(suffix.count))
        }
        if actionHeadings.contains(key) { return true }
        // By the head noun: `Outstanding actions`, `Previous action points`, `Action tracker`, `Action plan`.
        let keyWords = spacedWords(key)
        if keyWords.count <= 3, let last = keyWords.last,
            ["actions", "action points", "action items"].contains(where: { key.hasSuffix(" " + $0) })
                && last != "action"
        {
            return keyWords.first.map { !["no", "any", "other"].contains($0) } ?? false
        }
        if keyWords.count == 2, keyWords[0] == "action",
            ["tracker", "plan", "review", "update", "updates"].contains(
                String(keyWords[1])
            )
        {
            return true
        }
        // `Action items / Next steps`
        let parts = key.split(separator: "/").map { $0.trimming(" ") }
        if parts.count > 1, parts.allSatisfy({ actionHeadings.contains($0) || vocabulary.actionHeadings.contains($0) })
        {
            return true
        }
        return isCombinedHeading(key: normalised)
    }

    /// Whether a plain ASCII key holds a word every built-in action heading holds; `true` for any other key.
    ///
    /// The words are looked for in one pass, ASCII case-insensitively: keys are lower case (``normalisedHeading(_:)``).
    static func mayNameActions(_ key: String) -> Bool {
        guard TextSearch.isPlainASCII(key) else { return true }
        return headingWordSearch.occurs(in: key)
    }

    /// A word of each of the ``actionHeadings``, and of the heads and combined headings read beside them.
    static let headingWords = ["action", "next step", "follow", "to do", "to-do", "todo", "tasks", "ai"]

    private static let headingWordSearch = TextSearch.Vocabulary(headingWords)

    /// The words a combined heading names its decisions by.
    static let combinedDecisionWords = ["decision", "resolution"]

    /// ``combinedDecisionWords`` looked for in one pass.
    static let combinedDecisionSearch = TextSearch.Vocabulary(combinedDecisionWords)

    /// Whether a heading holds both decisions and actions (`Decisions and actions`).
    static func isCombinedHeading(_ title: String) -> Bool {
        isCombinedHeading(key: normalisedHeading(title))
    }

    /// ``isCombinedHeading(_:)`` of a title already normalised (``normalisedHeading(_:)``).
    static func isCombinedHeading(key: String) -> Bool {
        // A plain key naming no decisions is none, whatever its words.
        // Looked for ASCII case-insensitively in one pass: keys are lower case (``normalisedHeading(_:)``).
        if TextSearch.isPlainASCII(key), !combinedDecisionSearch.occurs(in: key) { return false }
        let words = spacedWords(key)
        guard words.count <= 5 else { return false }
        func holds(_ word: String) -> Bool {
            TextSearch.isPlainASCII(key) ? TextSearch.contains(key, word) : key.contains(word)
        }
        let actions = holds("action") || holds("next step") || holds("follow")
        return actions && (holds("decision") || holds("resolution"))
    }

    /// Whether a line or item is a label over a list of actions: `Actions:`, `**Action items**`.
    static func isActionLabel(_ block: OutlineBlock, vocabulary: Vocabulary) -> Bool {
        isActionLabel(kind: block.kind, isEmphasised: block.isEmphasised, text: block.text, vocabulary: vocabulary)
    }

    /// ``isActionLabel(_:vocabulary:)`` of a block's kind, emphasis and text: read from a block in place, with no
    /// copy of it.
    static func isActionLabel(kind: OutlineBlock.Kind, isEmphasised: Bool, text: String, vocabulary: Vocabulary) -> Bool
    {
        guard kind == .line || kind == .item else { return false }
        guard isEmphasised || endsWithColon(text) else { return false }
        let text = text.trimming(" *_")
        guard text.hasSuffix(":") || isEmphasised else { return false }
        return !holdsAtLeast(41, charactersIn: text) && isActionHeading(text, vocabulary: vocabulary)
    }

    /// Whether `text` holds at least `count` characters: told by its bytes when too few (no more characters than
    /// bytes) or when it is plain ASCII (a character a byte), counted otherwise.
    static func holdsAtLeast(_ count: Int, charactersIn text: String) -> Bool {
        text.utf8.count >= count && (TextSearch.isPlainASCII(text) || text.count >= count)
    }

    /// Whether `text` may end in `:` before closing ` `, `*` and `_`: its last other byte is the colon.
    static func endsWithColon(_ text: String) -> Bool {
        // A native string's bytes are read in place; a bridged one's are copied first.
        text.utf8.withContiguousStorageIfAvailable(endsWithColon(bytes:))
            ?? Array(text.utf8).withUnsafeBufferPointer(endsWithColon(bytes:))
    }

    /// ``endsWithColon(_:)`` of a text's UTF-8 bytes, read back from the end: most texts end in another byte, which
    /// settles it at once.
    static func endsWithColon(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = bytes.count
        while index > 0 {
            index -= 1
            let byte = bytes[index]
            if byte != UInt8(ascii: " "), byte != UInt8(ascii: "*"), byte != UInt8(ascii: "_") {
                return byte == UInt8(ascii: ":")
            }
        }
        return false
    }

    /// A heading's title lower-cased, without numbering, markup, brackets and end punctuation.
    static func normalisedHeading(_ title: String) -> String {
        if let key = normalisedPlainHeading(title) { return key }
        return normalisedHeadingByCharacters(title)
    }

    /// ``normalisedHeading(_:)`` of a plain ASCII title (``TextSearch/isPlainASCII(_:)``), read on its bytes in one
    /// pass; `nil` for any other title.
    static func normalisedPlainHeading(_ title: String) -> String? {
        guard TextSearch.isPlainASCII(title) else { return nil }
        // Bracketed notes are cut from a copy of the bytes: the first `(` and the first `)` after it, again and again.
        // A title without a `(` (most) is read in place.
        guard PeopleBytes.containsByte(title, 0x28) else { return PeopleBytes.withBytes(title, plainHeadingKey) }
        var bytes = Array(title.utf8)
        while let open = bytes.firstIndex(of: 0x28), let close = bytes[open...].firstIndex(of: 0x29) {
            bytes.removeSubrange(open...close)
        }
        return bytes.withUnsafeBufferPointer(plainHeadingKey)
    }

    /// The key ``normalisedPlainHeading(_:)`` makes of a plain ASCII title's bytes without bracketed notes.
    private static func plainHeadingKey(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        // Written once into the key's string, read in place: each `&` grows to `and`, two bytes more, so the key's
        // room is counted (a short key's string is then made without a buffer of its own).
        let ampersands = bytes.count { $0 == UInt8(ascii: "&") }
        return String(unsafeUninitializedCapacity: bytes.count + 2 * ampersands) { key in
            var count = 0
            var start = 0
            var first = true
            while start < bytes.count {
                var end = start
                while end < bytes.count, bytes[end] != UInt8(ascii: " ") { end += 1 }
                // The word without the marks at its ends.
                var lower = start
                var upper = end
                while lower < upper, headingMarks.contains(bytes[lower]) { lower += 1 }
                while upper > lower, headingMarks.contains(bytes[upper - 1]) { upper -= 1 }
                start = end + 1
                guard lower < upper else { continue }
                if first {
                    first = false
                    if isPlainEnumeration(UnsafeBufferPointer(rebasing: bytes[lower..<upper])) { continue }
                }
                if count > 0 {
                    key[count] = UInt8(ascii: " ")
                    count += 1
                }
                for byte in bytes[lower..<upper] {
                    if byte == UInt8(ascii: "&") {
                        key[count] = UInt8(ascii: "a")
                        key[count + 1] = UInt8(ascii: "n")
                        key[count + 2] = UInt8(ascii: "d")
                        count += 3
                    } else {
                        key[count] = PeopleBytes.isUpperLetter(byte) ? byte | 0x20 : byte
                        count += 1
                    }
                }
            }
            return count
        }
    }

    /// ``isEnumeration(_:)`` of an ASCII word's bytes.
    static func isPlainEnumeration(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        var bare = word[...]
        while let byte = bare.first, byte == UInt8(ascii: ".") || byte == UInt8(ascii: ")") { bare.removeFirst() }
        while let byte = bare.last, byte == UInt8(ascii: ".") || byte == UInt8(ascii: ")") { bare.removeLast() }
        if !bare.isEmpty, bare.allSatisfy(PeopleBytes.isDigit) { return true }
        if word.last == UInt8(ascii: ".") || word.last == UInt8(ascii: ")") {
            return bare.count == 1 || (!bare.isEmpty && bare.allSatisfy { "ivx".utf8.contains($0) })
        }
        return false
    }

    /// What ``normalisedPlainHeading(_:)`` trims from each word's ends.
    private static let headingMarks = TextSearch.ByteSet("*_#`:.-")

    /// ``normalisedHeading(_:)`` read by characters, for any title.
    static func normalisedHeadingByCharacters(_ title: String) -> String {
        var text = title.lowercased().replacingAll("’", with: "'")
        // Plain ASCII is read on the bytes; its words hold no dashes but `-`, so the ASCII marks alone are trimmed.
        let plain = TextSearch.isPlainASCII(text)
        // Drop bracketed notes: `Action items (from last week)`.
        if plain {
            while let open = text.utf8.firstIndex(of: 0x28), let close = text.utf8[open...].firstIndex(of: 0x29) {
                text.removeSubrange(open...close)
            }
        } else {
            while let open = text.firstIndex(of: "("), let close = text[open...].firstIndex(of: ")") {
                text.removeSubrange(open...close)
            }
        }
        var words: [String]
        if plain {
            words = text.utf8.split(separator: 0x20).map { text[$0.startIndex..<$0.endIndex].trimming("*_#`:.-") }
        } else {
            words = text.split(whereSeparator: { $0 == " " }).map { $0.trimming("*_#`:.-–—") }
        }
        words.removeAll { $0.isEmpty }
        if let first = words.first, isEnumeration(first) { words.removeFirst() }
        return words.joined(separator: " ").replacingAll("&", with: "and")
    }

    /// `5`, `5.`, `iv`, `b)`: a list number before a heading.
    static func isEnumeration(_ word: String) -> Bool {
        let bare = word.trimming(".)")
        if !bare.isEmpty, bare.allSatisfy(\.isNumber) { return true }
        if word.hasSuffix(".") || word.hasSuffix(")") {
            return bare.count == 1 || (!bare.isEmpty && bare.allSatisfy { "ivx".contains($0) })
        }
        return false
    }

    private static let actionHeadings: Set<String> = [
        "action items", "action item", "actions", "action", "action points", "action point", "action list",
        "action log", "action register", "next steps", "next step", "actions needed", "actions required",
        "actions agreed", "follow-ups", "follow ups", "followups", "followup", "follow-up", "follow up",
        "follow-up items",
        "follow-up actions", "to do", "to-do", "todo", "todos", "to-dos", "tasks", "action items and next steps",
        "next steps and action items", "actions and next steps", "next steps and actions", "action items and owners",
        "ai", "ais",
    ]
}
