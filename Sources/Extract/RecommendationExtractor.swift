import Ingest

/// Finds what the group, its members or the note recommend, urge, insist on or propose.
///
/// Works sentence by sentence over the note's prose (paragraphs and list items, not headings, tables or action
/// lines). A sentence is a recommendation when it carries a recommending verb or modal: `should`, `must`,
/// `ought to`, `recommend`, `urge`, `insist`, `call on`, `propose that`, `suggested ways`. A lead-in that ends in
/// `:` carries the sub-items under it. `by` is who recommends (`Members of the group said …`), `to` whom it
/// addresses (`… Clinks should refine …`).
public struct RecommendationExtractor: Sendable {
    /// Words that mark a sentence as the decision it states.
    static let decisionWords = ["resolution", "resolved", "decision", "decided", "agreed:", "consensus", "motion"]

    /// Creates an extractor.
    public init() {}

    /// Extracts the recommendations of the note in `context`.
    ///
    /// A sentence that lies wholly on an action's lines is left out, and so is one on a decision's lines that is
    /// the decision itself (`RESOLUTION: X must …`); a recommendation a decision then took up is kept.
    public func extract(
        _ context: ExtractionContext,
        actionLines: Set<Int>,
        decisionLines: Set<Int>
    ) -> Extracted<Recommendation> {
        var records: [Recommendation] = []
        // Whether each section is an agenda or a list of people, read once for the section.
        var skipsSection: [Bool?] = Array(repeating: nil, count: context.sections.count)
        // A stem holds no space, so a passage holds one only when one of its lines does: passages without are not
        // made.
        // The stems were looked for in every line and item with the context's first look (an item holds one when one
        // of its lines does: a stem holds no space).
        let cues = context.blockCues
        for passage in Passage.collect(context.blocks, keepingBlocks: { cues[$0] & BlockCue.recommendation != 0 }) {
            if let section = context.sectionOfBlock[passage.block] {
                let skips =
                    skipsSection[section]
                    ?? SectionVocabulary.isAgendaOrPeople(
                        context.sections[section].title,
                        vocabulary: context.options.vocabulary
                    )
                skipsSection[section] = skips
                if skips { continue }
            }
            // A sentence without a stem is no recommendation: it is not made a string. The passage was kept for a
            // stem, so a sentence that is all of it is not looked through again (should an edited block's line texts
            // hold none, reading the sentence finds no recommendation all the same).
            let whole = passage.text.utf8.count
            let keeps = { (bytes: UnsafeBufferPointer<UInt8>) in
                bytes.count == whole || RecommendationCue.stems.occurs(in: bytes)
            }
            for sentence in Sentences.split(passage.text, keeping: keeps) {
                guard let cue = RecommendationCue.find(in: sentence.text, holdingStem: true) else { continue }
                var text = sentence.text
                var lines = passage.lines(of: sentence.range)
                if lines.allSatisfy(actionLines.contains) { continue }
                if lines.allSatisfy(decisionLines.contains),
                    TextSearch.containsAny(sentence.text, Self.decisionWords, ignoringCase: true)
                {
                    continue
                }
                // A lead-in ending in ":" carries the items nested under it.
                if text.hasSuffix(":"), sentence.range.upperBound == passage.text.endIndex, !passage.children.isEmpty {
                    let items = passage.children.map { context.blocks[$0] }
                    text += " " + items.map { $0.text.trimming(" .;") }.joined(separator: "; ") + "."
                    if let last = items.last?.lines.upperBound {
                        lines = lines.lowerBound...Swift.max(lines.upperBound, last)
                    }
                }
                records.append(
                    Recommendation(
                        id: "r" + String(records.count + 1),
                        text: text,
                        by: cue.by,
                        to: cue.to,
                        section: context.sectionID(ofBlock: passage.block),
                        lines: LineSpan(lines)
                    )
                )
            }
        }
        return Extracted(records: records)
    }
}

/// Section titles whose content is a list of topics or people, never recommendations.
enum SectionVocabulary {
    static func isAgendaOrPeople(_ title: String, vocabulary: Vocabulary) -> Bool {
        let key = PeopleWords.normalise(title)
        return key == "agenda" || key.hasPrefix("agenda ") || PeopleWords.isPeopleHeading(key, vocabulary: vocabulary)
    }
}

/// A run of prose: the lines of one paragraph joined, or one list item, with a map back to source lines.
struct Passage {
    /// The first block of the passage, for its section.
    var block: Int
    /// The text, lines joined by single spaces.
    var text: String
    /// For each source line, where its text starts in ``text``.
    var starts: [(line: Int, start: String.Index)]
    /// Items nested directly under an item passage.
    var children: [Int]

    var lines: ClosedRange<Int> { (starts.first?.line ?? 1)...(starts.last?.line ?? 1) }

    /// The source lines that `range` of ``text`` covers.
    func lines(of range: Range<String.Index>) -> ClosedRange<Int> {
        let first = starts.last { $0.start <= range.lowerBound }?.line ?? lines.lowerBound
        let last = starts.last { $0.start < range.upperBound }?.line ?? first
        return first...Swift.max(first, last)
    }

    /// The passages of `blocks`, in order.
    static func collect(_ blocks: [OutlineBlock]) -> [Passage] {
        collect(blocks, keepingBlocks: { _ in true })
    }

    /// The passages of `blocks` one of whose lines passes `keeps`, in order; the others are not made.
    static func collect(_ blocks: [OutlineBlock], keeping keeps: (String) -> Bool) -> [Passage] {
        collect(
            blocks,
            keepingBlocks: { index in
                blocks[index].kind == .item ? blocks[index].lineTexts.contains(where: keeps) : keeps(blocks[index].text)
            }
        )
    }

    /// The passages of `blocks` one of whose blocks (a line, or an item) passes `keeps`, in order; the others are
    /// not made.
    static func collect(_ blocks: [OutlineBlock], keepingBlocks keeps: (Int) -> Bool) -> [Passage] {
        var passages: [Passage] = []
        var childItems: [Int: [Int]] = [:]
        // Blocks are read in place by index: a copy of each would cost more than the look. Only the children of the
        // items kept are wanted.
        for index in blocks.indices where blocks[index].kind == .item {
            if let parent = blocks[index].parent, blocks[parent].kind == .item, keeps(parent) {
                childItems[parent, default: []].append(index)
            }
        }
        var index = 0
        while index < blocks.count {
            switch blocks[index].kind {
            case .item:
                if keeps(index) {
                    let children = childItems[index] ?? []
                    let first = blocks[index].lines.lowerBound
                    passages.append(make(index, texts: blocks[index].lineTexts, firstLine: first, children: children))
                }
                index += 1
            case .line:
                let group = blocks[index].group
                var end = index + 1
                while end < blocks.count, blocks[end].kind == .line, blocks[end].group == group { end += 1 }
                if (index..<end).contains(where: keeps) {
                    passages.append(
                        make(
                            index,
                            texts: sourceLineTexts(blocks[index..<end]),
                            firstLine: blocks[index].lines.lowerBound,
                            children: []
                        )
                    )
                }
                index = end
            default:
                index += 1
            }
        }
        return passages
    }

    /// The texts of the line blocks `lines`, in order, one a source line from the first block's: a line the blocks
    /// skip (a line of no text, or one an inline of the line before carries on onto) has an empty text.
    private static func sourceLineTexts(_ lines: ArraySlice<OutlineBlock>) -> [String] {
        guard let first = lines.first?.lines.lowerBound, let last = lines.last?.lines.lowerBound,
            last - first + 1 != lines.count
        else { return lines.map(\.text) }
        var texts: [String] = []
        texts.reserveCapacity(last - first + 1)
        for block in lines {
            texts.append(contentsOf: repeatElement("", count: max(0, block.lines.lowerBound - first - texts.count)))
            texts.append(block.text)
        }
        return texts
    }

    /// The passage of `texts`, the text of each source line from `firstLine`, the first of `block`.
    private static func make(_ block: Int, texts: [String], firstLine: Int, children: [Int]) -> Passage {
        // A passage of one line, as most are, is that line's text as it is.
        if texts.count == 1, let line = texts.first {
            let starts = line.isEmpty ? [] : [(line: firstLine, start: line.startIndex)]
            return Passage(block: block, text: line, starts: starts, children: children)
        }
        var offsets: [(line: Int, offset: Int)] = []
        offsets.reserveCapacity(texts.count)
        // The non-empty lines joined by single spaces, their bytes copied once into a string made as long as it will be.
        // Byte offsets: counting characters at each line would make a long paragraph quadratic.
        let length = texts.reduce(0) { $1.isEmpty ? $0 : $0 + ($0 > 0 ? 1 : 0) + $1.utf8.count }
        let text = String(unsafeUninitializedCapacity: length) { buffer in
            var count = 0
            for (offset, line) in texts.enumerated() where !line.isEmpty {
                if count > 0 {
                    buffer[count] = 0x20
                    count += 1
                }
                offsets.append((firstLine + offset, count))
                var line = line
                line.withUTF8 { bytes in
                    _ = UnsafeMutableBufferPointer(rebasing: buffer[count...]).initialize(fromContentsOf: bytes)
                    count += bytes.count
                }
            }
            return count
        }
        let utf8 = text.utf8
        let starts = offsets.map { (line: $0.line, start: utf8.index(utf8.startIndex, offsetBy: $0.offset)) }
        return Passage(block: block, text: text, starts: starts, children: children)
    }
}

/// Splits prose into sentences, keeping abbreviations such as `e.g.` inside them.
enum Sentences {
    static let abbreviations: Set<String> = [
        "e.g", "i.e", "etc", "mr", "mrs", "ms", "dr", "vs", "no", "cf", "approx", "incl",
    ]

    static func split(_ text: String) -> [(text: String, range: Range<String.Index>)] {
        split(text, keeping: { _ in true })
    }

    /// The sentences of ``split(_:)`` whose bytes pass `keeps`, the others not made strings.
    ///
    /// `keeps` is asked of a sentence's bytes before its white space is tidied, or after (by characters): it must
    /// answer the same for both, as a look for words without white space does.
    static func split(
        _ text: String,
        keeping keeps: (UnsafeBufferPointer<UInt8>) -> Bool
    ) -> [(text: String, range: Range<String.Index>)] {
        guard TextSearch.isPlainASCII(text) || PeopleBytes.isPlain(text) else {
            return splitCharacters(text).filter { PeopleBytes.withBytes($0.text, keeps) }
        }
        var bytesOf = text
        return bytesOf.withUTF8 { splitPlain(text, bytes: $0, keeping: keeps) }
    }

    /// ``split(_:)`` for any text, reading characters at the stops.
    static func splitCharacters(_ text: String) -> [(text: String, range: Range<String.Index>)] {
        var sentences: [(text: String, range: Range<String.Index>)] = []
        var start = text.startIndex
        let utf8 = text.utf8
        var from = utf8.startIndex
        // Only a stop can end a sentence: each stop byte is read as a character when it starts one.
        while let byte = utf8[from...].firstIndex(where: { $0 == 0x2E || $0 == 0x21 || $0 == 0x3F }) {
            from = utf8.index(after: byte)
            guard let index = String.Index(byte, within: text) else { continue }
            let character = text[index]
            let next = text.index(after: index)
            if ".!?".contains(character), next < text.endIndex, text[next] == " " {
                let after = text.index(after: next)
                // The last word before the stop, read back from it.
                let head = text[start..<index]
                let wordEnd = head.lastIndex { $0 != " " }.map { head.index(after: $0) } ?? head.startIndex
                let wordStart = head[..<wordEnd].lastIndex(of: " ").map { head.index(after: $0) } ?? head.startIndex
                let word = head[wordStart..<wordEnd].lowercased()
                let startsSentence =
                    after < text.endIndex && (text[after].isUppercase || "'\"‘“(".contains(text[after]))
                if startsSentence, !abbreviations.contains(word), !(word.count == 1 && character == ".") {
                    sentences.append((tidy(String(text[start...index])), start..<next))
                    start = after
                }
            }
        }
        if start < text.endIndex { sentences.append((tidy(String(text[start...])), start..<text.endIndex)) }
        return sentences.filter { !$0.text.isEmpty }
    }

    /// ``split(_:)`` for plain text (``PeopleBytes/isPlain(_:)``), where each scalar is a character and each ASCII
    /// byte one: the same sentences, read from the bytes.
    static func splitPlain(_ text: String) -> [(text: String, range: Range<String.Index>)] {
        var bytesOf = text
        return bytesOf.withUTF8 { splitPlain(text, bytes: $0, keeping: { _ in true }) }
    }

    /// ``splitPlain(_:)`` of `text`, whose bytes are `bytes`.
    private static func splitPlain(
        _ text: String,
        bytes: UnsafeBufferPointer<UInt8>,
        keeping keeps: (UnsafeBufferPointer<UInt8>) -> Bool
    ) -> [(text: String, range: Range<String.Index>)] {
        func index(_ offset: Int) -> String.Index { text.utf8.index(text.utf8.startIndex, offsetBy: offset) }
        // The empty ones, and those not kept, are left out as they come: most passages keep none or one.
        var sentences: [(text: String, range: Range<String.Index>)] = []
        var start = 0
        var next = 0
        while next < bytes.count {
            // Eight bytes without a stop are passed over at once.
            if next + 8 <= bytes.count, let base = bytes.baseAddress {
                let eight = ASCIIWord.load(base, at: next)
                if !ASCIIWord.has(eight, 0x2E), !ASCIIWord.has(eight, 0x21), !ASCIIWord.has(eight, 0x3F) {
                    next += 8
                    continue
                }
            }
            let offset = next
            next += 1
            let byte = bytes[offset]
            guard byte == 0x2E || byte == 0x21 || byte == 0x3F, offset + 1 < bytes.count, bytes[offset + 1] == 0x20
            else { continue }
            let after = offset + 2
            guard after < bytes.count, opensSentence(bytes, at: after) else { continue }
            // The last word before the stop, lower-cased: `e.g`, `Mr`, a single letter.
            var wordEnd = offset
            while wordEnd > start, bytes[wordEnd - 1] == 0x20 { wordEnd -= 1 }
            var wordStart = wordEnd
            while wordStart > start, bytes[wordStart - 1] != 0x20 { wordStart -= 1 }
            if byte == 0x2E, isOneCharacter(bytes[wordStart..<wordEnd]) { continue }
            // Looked up on the bytes in lower case: no character of plain text but an ASCII letter lower-cases to one
            // (`İ` to two scalars), so a word with other bytes is no abbreviation either way.
            if wordEnd - wordStart <= maxAbbreviationLength,
                abbreviationBytes.containsLowered(UnsafeBufferPointer(rebasing: bytes[wordStart..<wordEnd]))
            {
                continue
            }
            if keeps(UnsafeBufferPointer(rebasing: bytes[start...offset])) {
                // Tidied on its bytes: as its string would be (a stop and a space stand on either side).
                let sentence = tidy(bytes: UnsafeBufferPointer(rebasing: bytes[start...offset]))
                if !sentence.isEmpty { sentences.append((sentence, index(start)..<index(offset + 1))) }
            }
            start = after
        }
        if start < bytes.count {
            if keeps(UnsafeBufferPointer(rebasing: bytes[start...])) {
                let sentence = tidy(bytes: UnsafeBufferPointer(rebasing: bytes[start...]))
                if !sentence.isEmpty { sentences.append((sentence, index(start)..<text.endIndex)) }
            }
        }
        return sentences
    }

    private static let maxAbbreviationLength = abbreviations.map(\.utf8.count).max() ?? 0

    /// ``abbreviations``, looked up on the bytes.
    private static let abbreviationBytes = ByteWordSet(abbreviations)

    /// Whether the character at `offset` of plain bytes may open a sentence: a capital, or `'`, `"`, `‘`, `“`, `(`.
    static func opensSentence(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
        let byte = bytes[offset]
        if byte < 0x80 { return (0x41...0x5A).contains(byte) || byte == 0x27 || byte == 0x22 || byte == 0x28 }
        // A scalar of two bytes (up to U+07FF) or of three, a character of its own in plain text.
        var value = UInt32(byte & 0x1F)
        var next = offset + 1
        if byte >= 0xE0 {
            value = UInt32(byte & 0x0F)
            value = value << 6 | UInt32(bytes[next] & 0x3F)
            next += 1
        }
        value = value << 6 | UInt32(bytes[next] & 0x3F)
        guard let scalar = Unicode.Scalar(value) else { return false }
        return scalar == "‘" || scalar == "“" || Character(scalar).isUppercase
    }

    /// Whether plain `bytes` are one character: one scalar.
    static func isOneCharacter(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        guard let first = bytes.first else { return false }
        let length = first < 0x80 ? 1 : first < 0xE0 ? 2 : 3
        return bytes.count == length
    }
}

/// The word that makes a sentence a recommendation, with who speaks and whom it addresses.
struct RecommendationCue: Equatable {
    var by: String?
    var to: String?

    static let verbs = [
        "recommend", "recommends", "recommended", "urge", "urges", "urged", "insist", "insists", "insisted",
        "call on", "calls on", "called on", "propose that", "proposes that", "proposed that", "suggest that",
        "suggests that", "suggested that", "suggested how", "suggested ways", "advise that", "advised that",
    ]
    static let reporting = [
        "agreed that", "said", "recommended that", "recommended", "suggested that", "suggested", "urged", "insisted",
        "proposed that", "proposed", "felt that", "stressed that", "noted that", "called on", "asked that",
    ]
    /// ``verbs`` with a space either side, as looked for among the words.
    private static let spacedVerbs = TextSearch.Vocabulary(verbs.map { " \($0) " })
    /// The first word of each of ``reporting``, looked for in any case on the bytes.
    private static let reportingStems = TextSearch.Vocabulary(
        reporting.compactMap { $0.split(separator: " ").first.map(String.init) }
    )
    /// ``reporting``, each split into words.
    private static let reportingWords = reporting.map { $0.split(separator: " ").map(String.init) }
    static let subjectStops: Set<String> = [
        "that", "said", "agreed", "however", "and", "but", "then", "if", "this", "it", "there", "which", "who", "so",
    ]

    /// The stems every cue contains, for a quick first look: most sentences hold none and are dismissed without
    /// splitting them into words.
    static let stems = TextSearch.Vocabulary(stemWords)

    /// The words of ``stems``.
    static let stemWords = [
        "should", "must", "ought", "recommend", "urge", "insist", "call", "propose", "suggest", "advise",
    ]

    /// Whether `words` from `index` on start with `phrase`.
    private static func starts(_ words: [String], at index: Int, with phrase: [String]) -> Bool {
        guard words.count - index >= phrase.count else { return false }
        for (offset, word) in phrase.enumerated() where words[index + offset] != word { return false }
        return true
    }

    /// Whether a word of `vocabulary` occurs in `words` joined by spaces, with a space before and after: the bytes
    /// of `" " + words.joined(separator: " ") + " "`, gathered without joining strings.
    private static func occursAsWords(_ vocabulary: TextSearch.Vocabulary, in words: [String]) -> Bool {
        var joined: [UInt8] = [UInt8(ascii: " ")]
        joined.reserveCapacity(words.reduce(1) { $0 + $1.utf8.count + 1 })
        for word in words {
            joined += word.utf8
            joined.append(UInt8(ascii: " "))
        }
        return joined.withUnsafeBufferPointer { vocabulary.occurs(in: $0) }
    }

    /// What ``PlainWords`` trims from each word's ends.
    static let plainMarks = TextSearch.ByteSet(",.;:'\"()")

    /// The cue in `sentence`, or `nil` when it recommends nothing.
    ///
    /// `holdingStem` says that ``stems`` occurs in the sentence, looked for already.
    static func find(in sentence: String, holdingStem: Bool = false) -> RecommendationCue? {
        // Plain text is read on its bytes, each scalar a character (``findPlain(in:holdingStem:)``).
        guard TextSearch.isPlainASCII(sentence) || PeopleBytes.isPlain(sentence) else {
            return findByCharacters(in: sentence, holdingStem: holdingStem)
        }
        var bytesOf = sentence
        return bytesOf.withUTF8 { findPlain(in: $0, holdingStem: holdingStem) }
    }

    /// ``find(in:)`` read a word at a time as characters: for any text.
    static func findByCharacters(in sentence: String, holdingStem: Bool = false) -> RecommendationCue? {
        guard !sentence.hasSuffix("?"), holdingStem || stems.occurs(in: sentence) else { return nil }
        // Cut on the bytes when each scalar is a character of its own.
        let words = OwnerParser.leadingWords(of: sentence, limit: .max)
        let lower = words.map(lowered)
        let modal = lower.indices.dropFirst().first { index in
            let isModal =
                lower[index] == "should" || lower[index] == "must"
                || lower[index] == "ought" && index + 1 < lower.count && lower[index + 1] == "to"
            // ", should X become …" is a condition, not advice.
            return isModal && !words[index - 1].hasSuffix(",")
        }
        // The words joined are lower case, so the vocabulary's look in any case is the exact one; a modal spares it.
        guard modal != nil || occursAsWords(spacedVerbs, in: lower) else { return nil }
        var cue = RecommendationCue()
        // "Members of the group said/agreed that …": the speaker.
        for phrase in reportingWords {
            guard let at = lower.indices.first(where: { starts(lower, at: $0, with: phrase) }) else { continue }
            if (1...6).contains(at) { cue.by = OwnerParser.joined(words[..<at]).trimming(",") }
            break
        }
        // "… Clinks should refine …": the addressee, when it names someone.
        if let modal {
            var start = modal
            while start > 0, modal - start < 4, !subjectStops.contains(lower[start - 1]),
                !words[start - 1].hasSuffix(",")
            {
                start -= 1
            }
            let subject = start..<modal
            let named = subject.contains { $0 > 0 && words[$0].first?.isUppercase == true }
            if !subject.isEmpty, named {
                cue.to = OwnerParser.joined(words[subject]).trimming(",")
            }
        }
        return cue
    }

    /// A word of a sentence lower-cased, without the marks at its ends: on the bytes when it is ASCII, where each
    /// byte is a character (a CR and LF one together, neither a mark) and the curly quotes are none of them.
    static func lowered(_ word: Substring) -> String {
        var bytesOf = word
        let ascii = bytesOf.withUTF8 { bytes -> String? in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            var start = 0
            var end = bytes.count
            while start < end, plainMarks.contains(bytes[start]) { start += 1 }
            while end > start, plainMarks.contains(bytes[end - 1]) { end -= 1 }
            return String(unsafeUninitializedCapacity: end - start) { out in
                for offset in start..<end {
                    let byte = bytes[offset]
                    out[offset - start] = PeopleBytes.isUpperLetter(byte) ? byte | 0x20 : byte
                }
                return end - start
            }
        }
        return ascii ?? loweredByCharacters(word)
    }

    /// ``lowered(_:)`` read as characters: for any word.
    static func loweredByCharacters(_ word: Substring) -> String {
        word.lowercased().trimming(",.;:'\"‘’“”()")
    }

    /// ``find(in:)`` of the bytes of a plain sentence (``PeopleBytes/isPlain(_:)``): the same words, cut and compared
    /// on the bytes, with no string made but the cue's own.
    ///
    /// Each scalar is a character there, and no character but an ASCII letter lower-cases to an ASCII one (the Kelvin
    /// sign, which does, is not plain): a word whose core (``PlainWords``) holds another byte is none of the ASCII
    /// words looked for, as its lower case by characters is not.
    static func findPlain(in bytes: UnsafeBufferPointer<UInt8>, holdingStem: Bool = false) -> RecommendationCue? {
        guard bytes.last != UInt8(ascii: "?"), holdingStem || stems.occurs(in: bytes) else { return nil }
        let words = PlainWords(bytes)
        let count = words.count
        // A word ends with `,` when its last byte does.
        func endsWithComma(_ index: Int) -> Bool { bytes[words.whole(index).upperBound - 1] == UInt8(ascii: ",") }
        var modal: Int?
        for index in 1..<Swift.max(count, 1) {
            let isModal =
                words.core(index, is: "should") || words.core(index, is: "must")
                || words.core(index, is: "ought") && index + 1 < count && words.core(index + 1, is: "to")
            // ", should X become …" is a condition, not advice.
            if isModal, !endsWithComma(index - 1) {
                modal = index
                break
            }
        }
        let verbsByLead = verbBytesByLead
        // A verb starts only at a word whose core opens with the first byte of one, in lower case: only the verbs
        // opening with that byte are read there.
        guard
            modal != nil
                || (0..<count).contains(where: { index in
                    guard let lead = words.coreLead(index), lead < 0x80 else { return false }
                    let verbs = verbsByLead[Int(lead)]
                    return !verbs.isEmpty && words.starts(at: index, with: verbs) != nil
                })
        else {
            return nil
        }
        var cue = RecommendationCue()
        // "Members of the group said/agreed that …": the speaker. A sentence whose bytes hold no reporting word has
        // none.
        if reportingStems.occurs(in: bytes) {
            let reporting = reportingBytes
            for phrase in reporting {
                guard let at = (0..<count).first(where: { words.starts(at: $0, with: phrase) }) else { continue }
                if (1...6).contains(at) { cue.by = words.joinedTrimmingCommas(0..<at) }
                break
            }
        }
        // "… Clinks should refine …": the addressee, when it names someone.
        if let modal {
            var start = modal
            let stops = subjectStopBytes
            while start > 0, modal - start < 4, !stops.containsLowered(words.coreBytes(start - 1)),
                !endsWithComma(start - 1)
            {
                start -= 1
            }
            let subject = start..<modal
            let named = subject.contains { $0 > 0 && Self.isCapital(bytes, at: words.whole($0).lowerBound) }
            if !subject.isEmpty, named { cue.to = words.joinedTrimmingCommas(subject) }
        }
        return cue
    }

    /// Whether the character at `offset` of plain bytes is upper case: an ASCII capital, or a scalar of two or three
    /// bytes that is, as a character.
    static func isCapital(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
        let byte = bytes[offset]
        if byte < 0x80 { return PeopleBytes.isUpperLetter(byte) }
        var value = UInt32(byte & 0x1F)
        var next = offset + 1
        if byte >= 0xE0 {
            value = UInt32(byte & 0x0F) << 6 | UInt32(bytes[next] & 0x3F)
            next += 1
        }
        value = value << 6 | UInt32(bytes[next] & 0x3F)
        return Unicode.Scalar(value).map { Character($0).isUppercase } ?? false
    }

    /// ``verbs``, each as the bytes of its words, grouped by their first byte (an ASCII letter): the verbs opening
    /// with each ASCII byte, in their order.
    private static let verbBytesByLead = { () -> [[[[UInt8]]]] in
        let phrases = verbs.map(phraseBytes)
        return (0..<0x80).map { lead in phrases.filter { $0.first?.first == UInt8(lead) } }
    }()
    /// ``reporting``, each as the bytes of its words.
    private static let reportingBytes = reporting.map(phraseBytes)
    /// ``subjectStops``, looked up on the bytes.
    private static let subjectStopBytes = ByteWordSet(subjectStops)

    private static func phraseBytes(_ phrase: String) -> [[UInt8]] {
        phrase.split(separator: " ").map { Array($0.utf8) }
    }
}

/// The words of a plain sentence (``PeopleBytes/isPlain(_:)``), cut at spaces (`PeopleText.words`), each with its
/// core: its bytes without the ``RecommendationCue/plainMarks`` and curly quotes at its ends, which in lower case are
/// ``RecommendationCue/lowered(_:)`` of the word when they are ASCII.
struct PlainWords {
    let bytes: UnsafeBufferPointer<UInt8>
    /// For each word, where it starts and ends, and where its core does.
    private var spans: [(whole: Range<Int>, core: Range<Int>)] = []

    /// The words of `bytes`.
    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        // No more words than half the bytes, rounded up (a byte and a space each): room for them all at once, without
        // a pass to count the spaces.
        spans.reserveCapacity((bytes.count + 1) / 2)
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != UInt8(ascii: " ") { end += 1 }
            if start < end {
                var first = start
                var last = end
                while first < last {
                    if Self.isMark(bytes[first]) {
                        first += 1
                    } else if last - first >= 3, Self.isCurlyQuote(bytes, at: first) {
                        first += 3
                    } else {
                        break
                    }
                }
                while last > first {
                    if Self.isMark(bytes[last - 1]) {
                        last -= 1
                    } else if last - first >= 3, Self.isCurlyQuote(bytes, at: last - 3) {
                        last -= 3
                    } else {
                        break
                    }
                }
                spans.append((start..<end, first..<last))
            }
            start = end + 1
        }
    }

    var count: Int { spans.count }

    /// The bytes of word `index`.
    func whole(_ index: Int) -> Range<Int> { spans[index].whole }

    /// The bytes of the core of word `index`.
    func coreBytes(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[spans[index].core])
    }

    /// Whether the core of word `index`, in lower case, is the lower-case ASCII `word`.
    func core(_ index: Int, is word: StaticString) -> Bool {
        let core = spans[index].core
        guard core.count == word.utf8CodeUnitCount else { return false }
        for offset in 0..<core.count where Self.lowered(bytes[core.lowerBound + offset]) != word.utf8Start[offset] {
            return false
        }
        return true
    }

    /// The first byte of the core of word `index` in lower case, `nil` when the core is empty.
    func coreLead(_ index: Int) -> UInt8? {
        let core = spans[index].core
        return core.isEmpty ? nil : Self.lowered(bytes[core.lowerBound])
    }

    /// Whether the cores from word `index` on, in lower case, are the lower-case ASCII words of `phrase`.
    func starts(at index: Int, with phrase: [[UInt8]]) -> Bool {
        guard count - index >= phrase.count, let opening = phrase.first, let lead = opening.first else { return false }
        // Most words differ from the phrase's first in their length or first byte.
        let core = spans[index].core
        guard core.count == opening.count, Self.lowered(bytes[core.lowerBound]) == lead else { return false }
        for (offset, word) in phrase.enumerated() {
            let core = spans[index + offset].core
            guard core.count == word.count else { return false }
            for (at, byte) in zip(core, word) where Self.lowered(bytes[at]) != byte { return false }
        }
        return true
    }

    /// Whether the cores from word `index` on start with one of `phrases`: its index, or `nil`.
    func starts(at index: Int, with phrases: [[[UInt8]]]) -> Int? {
        phrases.firstIndex { starts(at: index, with: $0) }
    }

    /// The words of `range` joined by single spaces, without the commas at either end: what
    /// `OwnerParser.joined(words[range]).trimming(",")` makes of them.
    func joinedTrimmingCommas(_ range: Range<Int>) -> String {
        guard !range.isEmpty else { return "" }
        let length = range.reduce(range.count - 1) { $0 + spans[$1].whole.count }
        return String(unsafeUninitializedCapacity: length) { out in
            var count = 0
            for index in range {
                if index > range.lowerBound {
                    out[count] = UInt8(ascii: " ")
                    count += 1
                }
                for offset in spans[index].whole {
                    out[count] = bytes[offset]
                    count += 1
                }
            }
            // The commas at either end, dropped: those at the start by moving the rest down.
            var first = 0
            while first < count, out[first] == UInt8(ascii: ",") { first += 1 }
            while count > first, out[count - 1] == UInt8(ascii: ",") { count -= 1 }
            if first > 0 {
                for offset in first..<count { out[offset - first] = out[offset] }
            }
            return count - first
        }
    }

    private static func lowered(_ byte: UInt8) -> UInt8 { PeopleBytes.lowered(byte) }

    /// Whether `byte` is one of the ``RecommendationCue/plainMarks``, told without a call.
    @inline(__always)
    static func isMark(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: ","), UInt8(ascii: "."), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "'"),
            UInt8(ascii: "\""), UInt8(ascii: "("), UInt8(ascii: ")"):
            true
        default: false
        }
    }

    /// Whether `‘`, `’`, `“` or `”` (`E2 80 98`, `99`, `9C`, `9D`) stands at `offset`, three bytes on.
    private static func isCurlyQuote(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
        guard bytes[offset] == 0xE2, bytes[offset + 1] == 0x80 else { return false }
        let last = bytes[offset + 2]
        return last == 0x98 || last == 0x99 || last == 0x9C || last == 0x9D
    }
}
