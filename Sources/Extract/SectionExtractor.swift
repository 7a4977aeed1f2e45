import Ingest

/// Finds the note's title and its sections, nested by the order of heading levels.
///
/// Sections are the headings but the title, without header metadata styled as headings (`### Moderator: Ann`,
/// link-only or date-only lines in the header), plus lines that act as headings: bold numbered agenda items
/// (`**1. Introduction**`), bold topic lines in a note with no heading markup, and in plain-text notes, `- Topic`
/// lines at the margin and `-- Topic --` lines. Converters make heading levels inconsistent (`# **Call-off**` among
/// `## **Qualification**`), so a bold-wrapped heading that jumps above its predecessor's level is read at that level.
public struct SectionExtractor: Sendable {
    /// The title found, if any.
    public struct Result: Sendable {
        /// The title, markup stripped.
        public var title: String?
    }

    /// Headings that name a part of the minutes rather than the meeting, so never the title.
    static let genericTitles: Set<String> = [
        "agenda", "attendees", "attendance", "present", "minutes", "notes", "meeting notes", "action items", "actions",
        "decisions", "summary", "contents", "table of contents", "links", "participants", "discussion", "overview",
        "introduction", "welcome", "apologies", "officials", "members", "roll call", "next meeting",
    ]

    /// Creates an extractor.
    public init() {}

    /// Finds the title and sections, and records them in `context`.
    public func extract(_ context: inout ExtractionContext) -> Result {
        let blocks = context.blocks
        // Whether the note has heading markup of its own, beyond a title heading at the top.
        // Indices rather than copies of the blocks.
        let firstHeading = blocks.firstIndex { $0.isHeading }
        let hasHeadings =
            firstHeading.map { first in
                blocks[first].kind != .heading(level: 1) || blocks[(first + 1)...].contains { $0.isHeading }
            } ?? false
        var candidates: [(block: Int, rawLevel: Int)] = []
        var seenRealSection = false
        var headingsSeen = 0
        // The format and the vocabulary are read once, not for each block.
        let format = context.document.source.format
        let vocabulary = context.options.vocabulary
        // Blocks are read in place by index: a copy of each would cost more than the look.
        for index in blocks.indices {
            if case .heading(let level) = blocks[index].kind {
                if isMetadata(index, in: blocks, inHeader: !seenRealSection) { continue }
                candidates.append((index, level))
                // The header runs past the first heading (the title, usually) to the first real section.
                headingsSeen += 1
                seenRealSection = headingsSeen > 1 || level > 1
            } else if let level = actsAsHeading(
                at: index,
                in: blocks,
                format: format,
                hasHeadings: hasHeadings,
                vocabulary: vocabulary
            ) {
                candidates.append((index, level))
            }
        }
        let titleBlock = title(candidates.map(\.block), blocks: blocks, frontMatter: context.document.frontMatter)
        context.titleBlock = titleBlock.block
        candidates.removeAll { $0.block == titleBlock.block }
        // A heading that repeats the front matter's title is the title, not a section.
        if titleBlock.block == nil, let title = titleBlock.title?.lowercased(),
            let repeated = candidates.first, cleanTitle(blocks[repeated.block].text).lowercased() == title
        {
            candidates.removeFirst()
        }
        buildSections(candidates, in: &context)
        return Result(title: titleBlock.title)
    }

    /// The title: front matter, else the first H1 or first heading that is not a generic part name, else the first
    /// line of a note with no headings.
    private func title(
        _ candidates: [Int],
        blocks: [OutlineBlock],
        frontMatter: FrontMatter?
    ) -> (title: String?, block: Int?) {
        if let title = frontMatter?["title"]?.text.map(tidy), !title.isEmpty {
            return (title, nil)
        }
        let headings = candidates.filter { blocks[$0].isHeading }
        if let first = headings.first {
            let levelOne = headings.first { blocks[$0].kind == .heading(level: 1) }
            let firstContent = blocks.firstIndex { !$0.isHeading && !isDecoration($0) } ?? blocks.count
            // An H1 at the top wins over smaller headings above it; otherwise the first heading, when it comes
            // before the content and is not a generic part name.
            if let levelOne, levelOne <= firstContent || levelOne == first {
                return (cleanTitle(blocks[levelOne].text), levelOne)
            }
            if first <= firstContent, !Self.genericTitles.contains(blocks[first].text.lowercased()) {
                return (cleanTitle(blocks[first].text), first)
            }
            if first <= firstContent { return (nil, nil) }
        }
        if let first = blocks.indices.first(where: { !isDecoration(blocks[$0]) }), !blocks[first].isHeading,
            blocks[first].kind == .line, hasAtMost(120, charactersIn: blocks[first].text)
        {
            return (cleanTitle(blocks[first].text), first)
        }
        return (nil, nil)
    }

    private func cleanTitle(_ text: String) -> String {
        tidy(text.trimming("#*_ :-"))
    }

    /// Images and rules that stand before a title.
    private func isDecoration(_ block: OutlineBlock) -> Bool {
        block.text.isEmpty || block.text.allSatisfy { "*-_=~".contains($0) }
    }

    /// Header metadata styled as a heading: `Label: value`, a date alone, or a link alone before the first section.
    /// (The block is read in place: a copy of it would cost more than the look.)
    private func isMetadata(_ index: Int, in blocks: [OutlineBlock], inHeader: Bool) -> Bool {
        let text = blocks[index].text
        if mayHoldDate(text), DateParser.firstDate(in: text).map({ $0.text.count >= text.count - 4 }) == true {
            return true
        }
        // A level-one heading is the title or a part of the note, never metadata ("Housing Forum: Notes").
        guard inHeader, blocks[index].kind != .heading(level: 1) else { return false }
        if !blocks[index].links.isEmpty, blocks[index].links.count == 1,
            !text.contains(" ") || hasAtMost(39, charactersIn: text), blocks[index].isLinkOnly
        {
            return true
        }
        // A `:` is found on the bytes where it stands alone as a character.
        if let colon = PeopleText.firstIndex(of: UInt8(ascii: ":"), in: text) {
            let label = text[..<colon]
            let value = text[text.index(after: colon)...].trimming(" ")
            return !value.isEmpty && label.split(separator: " ").count <= 4 && !label.contains("#")
        }
        return false
    }

    /// The raw level of a line that acts as a heading, or `nil`.
    ///
    /// Inlined at its one call, where every block is read: most are neither emphasised nor of plain text, and are
    /// passed over with no call.
    @inline(__always)
    private func actsAsHeading(
        at index: Int,
        in blocks: [OutlineBlock],
        format: NoteFormat,
        hasHeadings: Bool,
        vocabulary: Vocabulary
    ) -> Int? {
        // Only an emphasised line, or a line or item of plain text, acts as a heading: no other is read further.
        guard blocks[index].isEmphasised || format == .text else { return nil }
        // The fields are looked at first, whether the block is alone in its group and how long its text is only where
        // they may make it a heading: most blocks are none.
        let kind = blocks[index].kind
        if kind == .line, blocks[index].depth == 0, blocks[index].isEmphasised, isAloneInItsGroup(index, in: blocks),
            !isProse(blocks[index].text)
        {
            if startsWithNumber(blocks[index].text) { return 3 }
            // A bold label over a list (`**Members**`) introduces the list; it is not a topic.
            let overList = index + 1 < blocks.count && blocks[index + 1].kind == .item
            if !hasHeadings, !(overList && isRecordLabel(blocks[index].text, vocabulary: vocabulary)),
                hasAtMost(80, charactersIn: blocks[index].text)
            {
                return 3
            }
        }
        guard format == .text, blocks[index].column == 1 else { return nil }
        // `- Topic` or `1. Topic` at the margin, alone in its list, not a sentence.
        // (Whether the line above is a label is read last, for the items that are otherwise topics.)
        if kind == .item, blocks[index].depth == 1, blocks[index].checkbox == nil,
            hasAtMost(60, charactersIn: blocks[index].text), isAloneInItsGroup(index, in: blocks),
            !PeopleText.contains(blocks[index].text, UInt8(ascii: ":")),
            !isSentenceStop(blocks[index].text.last ?? "."),
            !(index > 0
                && (blocks[index - 1].text.hasSuffix(":")
                    || PeopleWords.isPeopleLabel(blocks[index - 1].text, vocabulary: vocabulary)))
        {
            return 2
        }
        // `-- Topic --`
        // Two ASCII characters open the text only where their bytes do: other text is passed over at a glance.
        if kind == .line,
            blocks[index].firstLineText.map({ TextSearch.hasBytePrefix($0, "--") && $0.hasPrefix("--") }) == true
                || TextSearch.hasBytePrefix(blocks[index].text, "==") && blocks[index].text.hasPrefix("=="),
            hasAtMost(60, charactersIn: blocks[index].text)
        {
            return 2
        }
        return nil
    }

    /// A label that introduces a list of people, actions or decisions (`**Members**`, `**Action items:**`), which
    /// the list's records carry; a topic over a list (`**Communications**`) is a section.
    private func isRecordLabel(_ text: String, vocabulary: Vocabulary) -> Bool {
        let key = PeopleWords.normalise(text)
        if PeopleWords.isPeopleLabel(text, vocabulary: vocabulary) { return true }
        let heading = ActionMarker.normalisedHeading(text)
        if vocabulary.actionHeadings.contains(heading) || vocabulary.decisionHeadings.contains(heading) { return true }
        let words = ["action", "actions", "action items", "action points", "next steps", "decisions", "resolutions"]
        return words.contains(key) || key.hasSuffix(" actions") || key.hasSuffix(" decisions")
    }

    /// An emphasised line that is a date, a sentence or a marked record rather than a topic.
    private func isProse(_ text: String) -> Bool {
        if mayHoldDate(text), wordCount(text) <= 8, DateParser.firstDate(in: text) != nil {
            return true
        }
        if text.hasSuffix("."), wordCount(text) > 3 { return true }
        return TextSearch.lowercasedHasPrefix(text, ["action:", "action ", "decision:", "resolved", "agreed:"])
    }

    /// `text.split(separator: " ").count`, on the bytes when they tell.
    private func wordCount(_ text: String) -> Int {
        TextSearch.wordCount(text) ?? text.split(separator: " ").count
    }

    private func startsWithNumber(_ text: String) -> Bool {
        let digits = text.prefix { $0.isNumber }
        guard !digits.isEmpty, digits.count <= 2 else { return false }
        let rest = text.dropFirst(digits.count)
        return rest.hasPrefix(". ") || rest.hasPrefix(") ") || rest.hasPrefix(" ") || rest.hasPrefix(".")
    }

    private func isAloneInItsGroup(_ index: Int, in blocks: [OutlineBlock]) -> Bool {
        let group = blocks[index].group
        let before = index > 0 && blocks[index - 1].group == group
        let after =
            index + 1 < blocks.count && blocks[index + 1].group == group
            && blocks[index + 1].depth == blocks[index].depth
        return !before && !after
    }

    private func buildSections(_ candidates: [(block: Int, rawLevel: Int)], in context: inout ExtractionContext) {
        let blocks = context.blocks
        let lastLine = blocks.last?.lines.upperBound ?? 1
        var stack: [(raw: Int, section: Int)] = []
        var sections: [Section] = []
        var headingBlocks: [Int] = []
        // For each id, how many sections' titles gave it before the numbering, and the first section with it; for
        // each section, the first section with its id; and each section's parent, the first section with its
        // parent's id: what ``ExtractionContext/parentIndices(of:)`` finds, found as the sections are made. The two
        // counts of an id share one entry, so that an id not numbered is looked up once.
        var ids: [String: (used: Int, first: Int?)] = [:]
        var firstOfSameID: [Int] = []
        var parents: [Int?] = []
        // Room made once for every candidate: each is a section.
        sections.reserveCapacity(candidates.count)
        headingBlocks.reserveCapacity(candidates.count)
        ids.reserveCapacity(candidates.count)
        firstOfSameID.reserveCapacity(candidates.count)
        parents.reserveCapacity(candidates.count)
        /// The index kept in `slot`, or `index`, kept there when it is empty: one look-up to find or add it.
        func found(_ slot: inout Int?, else index: Int) -> Int {
            if let kept = slot { return kept }
            slot = index
            return index
        }
        /// The entry's count of uses plus one, kept; when that is 1, the id is the section's own, and the entry's
        /// first section, or `index`, kept, is given too.
        func use(_ entry: inout (used: Int, first: Int?), index: Int) -> (count: Int, first: Int?) {
            entry.used += 1
            return entry.used == 1 ? (1, found(&entry.first, else: index)) : (entry.used, nil)
        }
        var previousRaw: Int?
        for candidate in candidates {
            // The block is read in place: a copy of it would cost more than the look.
            let block = candidate.block
            var raw = candidate.rawLevel
            // Converters promote bold-wrapped headings at random; keep such a heading beside its predecessor.
            if let previous = previousRaw, raw < previous, blocks[block].isEmphasised, !stack.isEmpty {
                raw = previous
            }
            previousRaw = raw
            while let top = stack.last, top.raw >= raw { stack.removeLast() }
            let title = cleanTitle(blocks[block].text)
            var id = Slug.make(title, maxLength: 48)
            if id.isEmpty { id = "section" }
            let (count, first) = use(&ids[id, default: (0, nil)], index: sections.count)
            if count > 1 { id += "-\(count)" }
            firstOfSameID.append(first ?? found(&ids[id, default: (0, nil)].first, else: sections.count))
            parents.append(stack.last.map { firstOfSameID[$0.section] })
            let parent = stack.last.map { sections[$0.section].id }
            sections.append(
                Section(
                    id: id,
                    title: title,
                    level: stack.count + 1,
                    parent: parent,
                    lines: LineSpan(blocks[block].lines.lowerBound, lastLine)
                )
            )
            headingBlocks.append(candidate.block)
            stack.append((raw, sections.count - 1))
        }
        // A section ends before the next section at the same or an outer level.
        for index in sections.indices {
            let level = sections[index].level
            if let next = sections.indices[(index + 1)...].first(where: { sections[$0].level <= level }) {
                sections[index].lines = LineSpan(sections[index].lines.first, sections[next].lines.first - 1)
            }
        }
        var sectionOfBlock: [Int?] = Array(repeating: nil, count: blocks.count)
        // The parents found here are the context's: they are not looked for a second time.
        context.setSections(sections, parents: parents)
        var current: Int?
        var nextHeading = 0
        for index in blocks.indices {
            while nextHeading < headingBlocks.count, headingBlocks[nextHeading] <= index {
                current = nextHeading
                nextHeading += 1
            }
            // The innermost section whose lines still hold this block.
            var candidate = current
            while let section = candidate, sections[section].lines.last < blocks[index].lines.lowerBound {
                candidate = parents[section]
            }
            sectionOfBlock[index] = candidate
        }
        context.headingBlock = headingBlocks
        context.sectionOfBlock = sectionOfBlock
    }
}

extension OutlineBlock {
    /// Whether the text is nothing but one link's text.
    var isLinkOnly: Bool { links.count == 1 && !text.isEmpty && !text.contains(": ") }
}

extension String {
    /// `replacing(target, with:)`, without the cost of a search when a look at the bytes finds no `target`.
    func replacingAll(_ target: String, with replacement: String) -> String {
        TextSearch.contains(self, target) ? replacing(target, with: replacement) : self
    }
}

extension StringProtocol {
    /// The string without leading and trailing characters from `set`.
    func trimming(_ set: String) -> String {
        if let fast = trimmingASCII(set) { return fast }
        // A one-byte character is in a set whose ASCII bytes stand alone when its byte is; any other character is
        // looked for as a character (in a plain set only U+037E, U+1FEF and U+212A, equal to `;`, `` ` `` and `K`,
        // can be found so).
        let mask = TrimMask(set)
        let asciiStandsAlone = mask.isPlain || Self.asciiStandsAlone(in: set)
        let isMember: (Character) -> Bool = {
            asciiStandsAlone && $0.utf8.count == 1 ? mask.contains($0.utf8.first ?? 0x80) : set.contains($0)
        }
        let trimmedStart = drop(while: isMember)
        let end =
            trimmedStart.lastIndex { !isMember($0) }.map { trimmedStart.index(after: $0) }
            ?? trimmedStart.startIndex
        return String(trimmedStart[..<end])
    }

    /// Whether each ASCII byte of `set` is a character of its own, other than a carriage return, and no character of
    /// it is one of U+037E, U+1FEF and U+212A, which equal `;`, `` ` `` and `K` as characters.
    private static func asciiStandsAlone(in set: String) -> Bool {
        set.allSatisfy { character in
            let bytes = character.utf8
            if bytes.count == 1 { return bytes.first != 0x0D }
            return !bytes.contains { $0 < 0x80 }
                && !character.unicodeScalars.contains { [0x037E, 0x1FEF, 0x212A].contains($0.value) }
        }
    }

    /// ``trimming(_:)`` on bytes when that gives the same answer: nothing to trim at an ASCII end, or ASCII text and
    /// set; `nil` otherwise.
    private func trimmingASCII(_ set: String) -> String? {
        let mask = TrimMask(set)
        // The bytes to keep, or `nil` when only characters can tell; a native string's bytes are read in place.
        let bounds: (Int, Int)?
        if let inPlace = utf8.withContiguousStorageIfAvailable({ mask.kept(in: $0) }) {
            bounds = inPlace
        } else {
            var text = Substring(self)
            bounds = text.withUTF8 { mask.kept(in: $0) }
        }
        guard let (start, end) = bounds else { return nil }
        let utf8 = utf8
        if start == 0, end == utf8.count { return (self as? String) ?? String(self) }
        let lower = utf8.index(utf8.startIndex, offsetBy: start)
        return String(self[lower..<utf8.index(lower, offsetBy: end - start)])
    }
}

/// The characters of a ``StringProtocol/trimming(_:)`` set as a mask of ASCII bytes, built without allocating.
private struct TrimMask {
    private var low: UInt64 = 0
    private var high: UInt64 = 0
    /// Whether every byte of the set is ASCII other than a carriage return, so that each byte is one character.
    let isPlain: Bool

    init(_ set: String) {
        // A literal's bytes are read in place, through its view otherwise.
        let masks = set.utf8.withContiguousStorageIfAvailable { Self.masks(of: $0) } ?? Self.masks(of: set.utf8)
        (low, high, isPlain) = masks
    }

    /// The masks of the ASCII bytes below and from 0x40 in `bytes`, and whether all are ASCII other than CR.
    @inline(__always)
    private static func masks(of bytes: some Collection<UInt8>) -> (UInt64, UInt64, Bool) {
        var low: UInt64 = 0
        var high: UInt64 = 0
        var plain = true
        for byte in bytes {
            if byte >= 0x80 || byte == 0x0D { plain = false }
            if byte < 0x40 {
                low |= 1 << UInt64(byte)
            } else if byte < 0x80 {
                high |= 1 << UInt64(byte - 0x40)
            }
        }
        return (low, high, plain)
    }

    /// Whether `byte` is an ASCII member of the set.
    @inline(__always) func contains(_ byte: UInt8) -> Bool {
        byte < 0x40 ? low >> UInt64(byte) & 1 == 1 : byte < 0x80 && high >> UInt64(byte - 0x40) & 1 == 1
    }

    /// The range of `bytes` that trimming keeps, as offsets, or `nil` when only a look at the characters can tell.
    func kept(in bytes: UnsafeBufferPointer<UInt8>) -> (Int, Int)? {
        guard let first = bytes.first, let last = bytes.last else { return (0, 0) }
        if first < 0x80, last < 0x80, !contains(first), !contains(last) { return (0, bytes.count) }
        guard isPlain, TextSearch.isPlainASCII(bytes) else { return nil }
        guard let start = bytes.firstIndex(where: { !contains($0) }),
            let end = bytes.lastIndex(where: { !contains($0) })
        else { return (0, 0) }
        return (start, end + 1)
    }
}
