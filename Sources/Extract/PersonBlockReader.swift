import Ingest

/// Walks a note's outline for people blocks and role lines, and fills a ``PersonRoster``.
struct PersonBlockReader {
    /// How a block of people was found, which decides how strictly its lines are read.
    enum Mode {
        /// Under a people heading: every line should be a person; others are warned about.
        case heading
        /// Under a people label line (`**Members**`, `Present:`); outside a people heading the block ends at the
        /// first paragraph or list that is not people.
        case label(scoped: Bool)
        /// Under a heading that only ends with a people word (`Opening, welcome and roll call`), or a sub-heading
        /// of a people heading that is no people word (`Trustees`): kept only when every line is a person.
        case tentative(minimum: Int)
    }

    /// A run of blocks that list people of one group.
    struct Region {
        var mode: Mode
        var group: PeopleGroup
        /// The label or heading as written, for diagnostics.
        var label: String
        /// The role the label gives everyone under it (`Members` → `Member`).
        var role: String?
        /// The tag the label gives everyone under it (`Guests` → `guest`).
        var tag: String?
        /// The organisation a sub-heading names for everyone under it (`### Riverside Trust`).
        var organization: String?
        var blocks: [Int] = []
    }

    /// One entry's text, with the lines it came from.
    struct Fragment {
        var text: String
        var lines: ClosedRange<Int>
        var kind: OutlineBlock.Kind
        var group: Int
        var block: Int
    }

    let context: ExtractionContext
    let blocks: [OutlineBlock]
    var roster = PersonRoster()
    var diagnostics: [Diagnostic] = []

    /// Headings, and lines that act as headings: each ends the people block before it.
    private let sectionStarts: [Bool]
    /// The index in the context's sections of each heading block.
    private let sectionOfHeading: [Int?]
    /// The group of each section that is a people block, by section index (looked up without hashing).
    private var peopleSections: [PeopleGroup?]
    /// The blocks found so far, and the one still open.
    private var regions: [Region] = []
    private var open: Region?
    /// Whether the walk is under a people heading, where labels switch groups and stray lines are warned about.
    private var scoped = false
    /// Blocks already read as part of an earlier one.
    private var consumed: [Bool]
    private var roleLines: [(block: Int, role: String, entries: [PersonEntry])] = []
    private var absences: [(block: Int, entries: [PersonEntry])] = []
    /// The header of the table row read last and its columns: the rows of a table share their header.
    private var lastTable: (header: [String], columns: TableColumns)?
    /// Which cell of a table row holds the name, organisation, role, handle and presence.
    typealias TableColumns = (name: Int?, organization: Int?, role: Int?, handle: Int?, presence: Int?)

    init(context: ExtractionContext) {
        self.context = context
        self.blocks = context.blocks
        // Flags and numbers by block, looked up for every block without hashing.
        var sectionStarts = context.blocks.map(\.isHeading)
        var sectionOfHeading = [Int?](repeating: nil, count: context.blocks.count)
        for (section, block) in context.headingBlock.enumerated() where sectionStarts.indices.contains(block) {
            sectionStarts[block] = true
            sectionOfHeading[block] = section
        }
        self.sectionStarts = sectionStarts
        self.sectionOfHeading = sectionOfHeading
        self.consumed = [Bool](repeating: false, count: context.blocks.count)
        self.peopleSections = [PeopleGroup?](
            repeating: nil,
            count: max(context.headingBlock.count, context.sectionParent.count)
        )
    }

    // MARK: Walking the outline

    /// Reads the whole note: people blocks first, then role lines and absences named in passing, which merge into
    /// the people listed, then front matter.
    mutating func read() {
        for index in blocks.indices where !consumed[index] {
            if sectionStarts[index] {
                startSection(at: index)
            } else {
                step(at: index)
            }
        }
        close()
        for region in regions { read(region) }
        for (index, role, entries) in roleLines {
            for entry in entries { roster.add(entry, role: role, lines: LineSpan(blocks[index].lines)) }
        }
        for (index, entries) in absences {
            for entry in entries { roster.addUnlessListed(entry, group: .absent, lines: LineSpan(blocks[index].lines)) }
        }
        readFrontMatter()
        // `In attendance: Ann, Bob` as the only list of those present lists the members, not guests.
        roster.promoteSoleList(labels: PeopleWords.soleListLabels)
    }

    /// Marks `indices` as read with an earlier block.
    private mutating func consume(_ indices: [Int]) {
        for index in indices { consumed[index] = true }
    }

    private mutating func close() {
        if let region = open { regions.append(region) }
        open = nil
    }

    /// A heading (or a line acting as one): a role line, a `Present: Ann, Bob` heading, a people heading, a
    /// sub-heading of one, or a heading that ends with a people word.
    private mutating func startSection(at index: Int) {
        // The block's fields are read in place: a copy of the whole block would retain each of them.
        let title = blocks[index].text
        close()
        scoped = false
        let (_, labelled, role) = Self.firstReading(title, vocabulary: context.options.vocabulary)
        if let role {
            roleLines.append((index, role.role, role.entries))
            return
        }
        if let labelled, !labelled.valueIsEmpty(in: title), let group = labelGroup(labelled.label) {
            readInline(
                label: labelled.label,
                value: labelled.value(in: title),
                group: group,
                lines: blocks[index].lines
            )
            return
        }
        let exact = PeopleWords.groupAndKey(ofLabel: title, vocabulary: context.options.vocabulary)
        // `group(endingTitle:)` of the title, from the key the look above took when it took one (a title it reads is
        // short enough for both).
        func endingGroup() -> PeopleGroup? {
            if let key = exact.key { return PeopleWords.group(endingKey: key) }
            return PeopleWords.group(endingTitle: title)
        }
        if let group = exact.group {
            let (role, tag) = PeopleWords.roleAndTag(forLabel: title, key: exact.key)
            open = Region(mode: .heading, group: group, label: title, role: role, tag: tag)
            if let section = sectionOfHeading[index] { peopleSections[section] = group }
            scoped = true
        } else if let section = sectionOfHeading[index], let parentGroup = peopleAncestor(of: section) {
            // `### Trustees` gives a role; `### Riverside Trust` an organisation.
            let group = endingGroup() ?? parentGroup
            let roleLike = PersonEntryParser.isRoleLike(title)
            open = Region(
                mode: .tentative(minimum: 1),
                group: group,
                label: title,
                role: group == .attendees && roleLike ? PeopleWords.singular(title) : nil,
                tag: PeopleWords.tag(forLabel: title, key: exact.key),
                organization: roleLike || group != parentGroup ? nil : tidy(title.trimmingPlain("*_#: "))
            )
            scoped = true
        } else if let group = endingGroup() {
            open = Region(mode: .tentative(minimum: 2), group: group, label: title)
            scoped = true
        }
    }

    /// A block that is no heading: a role line, an absence sentence, a people label, or a line of the open block.
    private mutating func step(at index: Int) {
        // The block's fields are read in place: a copy of the whole block would retain each of them.
        let kind = blocks[index].kind
        if kind == .tableRow {
            if open != nil {
                open?.blocks.append(index)
            } else if let group = tableGroup(blocks[index].header) {
                readTableRow(
                    index,
                    region: Region(mode: .heading, group: group, label: blocks[index].header.first ?? "")
                )
            }
            return
        }
        let text = blocks[index].text
        // The label of a `Label: value` line is read once for every test below.
        let look = PeopleBytes.withBytes(text, FirstLook.init)
        // Most blocks have no colon and no role lead or ending: the vocabulary is not even read for them.
        let (label, role) =
            look.hasColon || look.mayOpenOrEndRoleLine
            ? Self.reading(text, look: look, vocabulary: context.options.vocabulary) : (nil, nil)
        if let role {
            roleLines.append((index, role.role, role.entries))
            return
        }
        // Both absence looks below need the text to open with `apologies` in any case, looked at once on the bytes.
        if label == nil, kind == .line, look.opensWithApologies {
            // `Apologies were received from Ann Lee and` wrapped onto the next line.
            let (sentence, joined) = continuation(of: index, text: text)
            if !joined.isEmpty, let names = Self.absenceSentence(sentence) {
                consume(joined)
                absences.append((index, names))
                return
            }
        }
        // An absence sentence opens with `apologies`, which most blocks do not: the look is not even called then.
        if look.opensWithApologies, let names = Self.absenceSentence(text) {
            absences.append((index, names))
            return
        }
        if kind == .item, index + 1 < blocks.count, blocks[index + 1].parent == index {
            if open != nil {
                // `- Observers:` over a nested list inside a people block: read with the block.
                open?.blocks.append(index)
                return
            }
            if startNestedLabel(at: index, labelled: label) { return }
        }
        if let label, let group = labelGroup(label.label) {
            if label.valueIsEmpty(in: text) {
                startLabel(label.label, group: group)
            } else {
                if !scoped { close() }
                readLabelLine(at: index, label: label.label, value: label.value(in: text), group: group)
            }
            return
        }
        if Self.isLabelShaped(index, in: blocks),
            let group = PeopleWords.group(ofLabel: text, vocabulary: context.options.vocabulary)
        {
            startLabel(text, group: group)
            return
        }
        guard open != nil else { return }
        if endsPeopleBlock(index, labelled: label) {
            // `Agenda:` or `**Next steps**` under a people block starts something else.
            close()
            scoped = false
        } else if let labelled = label, !labelled.valueIsEmpty(in: text),
            !PersonEntryParser.isNameLike(labelled.label, allowLowercase: false)
        {
            let (label, value) = (labelled.label, labelled.value(in: text))
            // `Committee: Ann Lee (Chair), Bob Roy` under a people heading is a sub-group whose label is a role;
            // `Location: Zoom` among the people is no person.
            guard scoped, let group = open?.group else { return }
            let (list, joined) = continuation(of: index, text: value)
            let entries = PersonEntryParser.parseList(list)
            guard entries.failures.isEmpty, entries.entries.count >= 2 || PersonEntryParser.isDescription(label) else {
                return
            }
            consume(joined)
            let lines = blocks[index].lines
            let last = joined.last.map { blocks[$0].lines.upperBound } ?? lines.upperBound
            readInline(
                label: label,
                list: entries,
                group: group,
                lines: lines.lowerBound...last,
                role: PeopleWords.singular(label)
            )
        } else {
            open?.blocks.append(index)
        }
    }

    private mutating func startLabel(_ label: String, group: PeopleGroup) {
        close()
        let roleAndTag = PeopleWords.roleAndTag(forLabel: label)
        open = Region(
            mode: .label(scoped: scoped),
            group: group,
            label: label,
            role: roleAndTag.role,
            tag: roleAndTag.tag
        )
    }

    /// Starts a block of the nested items of `- Present:`; `false` when the item is no people label.
    private mutating func startNestedLabel(at index: Int, labelled itemLabel: Labelled?) -> Bool {
        let block = blocks[index]
        guard itemLabel?.valueIsEmpty(in: block.text) ?? true,
            let group = itemLabel.map({ labelGroup($0.label) })
                ?? PeopleWords.group(ofLabel: block.text, vocabulary: context.options.vocabulary)
        else { return false }
        let label = itemLabel?.label ?? block.text
        let roleAndTag = PeopleWords.roleAndTag(forLabel: label)
        var region = Region(
            mode: .label(scoped: true),
            group: group,
            label: label,
            role: roleAndTag.role,
            tag: roleAndTag.tag
        )
        region.blocks = blocks.indices.filter { $0 > index && blocks.isNested($0, under: index) }
        consume(region.blocks)
        regions.append(region)
        return true
    }

    /// `Present: Ann, Bob,` with the lines it wraps onto.
    private mutating func readLabelLine(at index: Int, label: String, value: String, group: PeopleGroup) {
        let (text, joined) = continuation(of: index, text: value)
        consume(joined)
        let last = joined.last.map { blocks[$0].lines.upperBound } ?? blocks[index].lines.upperBound
        readInline(label: label, value: text, group: group, lines: blocks[index].lines.lowerBound...last)
    }

    /// The text of the line at `index` (from `text`, its value) joined with the lines of its paragraph that
    /// continue it, and those lines.
    ///
    /// A line continues the text while brackets are open, when it is indented under the value (column-aligned
    /// lists), or when the line before did not end a sentence; never when it is a `Label:` line itself. Lines
    /// join with a space, except after a whole entry on a line of its own (`Ann Lee (Chair)` over `Bob Roy`) or
    /// after a comma list that ends with a whole name, where a comma parts the entries.
    func continuation(of index: Int, text: String) -> (text: String, lines: [Int]) {
        let (group, column) = (blocks[index].group, blocks[index].column)
        var result = text
        var lastLine = text
        var lines: [Int] = []
        var last = blocks[index].lines.upperBound
        var next = index + 1
        while next < blocks.count, !sectionStarts[next],
            blocks[next].group == group || blocks[next].lines.lowerBound == last + 1
        {
            let open = PersonEntryParser.hasUnclosedBracket(result)
            // `(Riverside Trust` over `- Chair), …`: a wrapped dash that Markdown read as a list item.
            let wrappedDash = blocks[next].kind == .item && open && blocks[next].lines.lowerBound == last + 1
            guard blocks[next].kind == .line || wrappedDash else { break }
            let line = wrappedDash ? "- " + blocks[next].text : blocks[next].text
            guard Self.labelled(line) == nil, !line.isEmpty else { break }
            let indented = blocks[next].column > column
            let sentenceEnded = lastLine.last.map(endsSentenceOrLabel) ?? true
            guard open || indented || !sentenceEnded else { break }
            result += (open || wrapsMidEntry(lastLine, before: line) ? " " : ", ") + line
            if result.hasPrefix(", ") { result.removeFirst(2) }
            lastLine = line
            last = blocks[next].lines.upperBound
            lines.append(next)
            next += 1
        }
        return (tidy(result.replacingAll(",,", with: ",")), lines)
    }

    /// Whether `text` ends where its entry carries on: with a dash, comma, `&` or `/`, or with ` and`.
    private static func endsMidEntry(_ text: String) -> Bool {
        switch text.last {
        case nil: false
        case "-", "–", "—", ",", "&", "/": true
        default: text.hasSuffix(" and")
        }
    }

    /// Whether `line` carries on the entry `previous` ends with, rather than starting a new one: after a comma,
    /// dash or `and`, before a bracket or lower case, or when the comma list `previous` ends with no whole name
    /// (`…, Councilmember` over `Samuel Brooks, …`).
    private func wrapsMidEntry(_ previous: String, before line: String) -> Bool {
        let lowerLine = PeopleText.lowercased(line)
        if Self.endsMidEntry(previous) { return true }
        if let first = line.first, first.isLowercase || first == "(" || first == "[" { return true }
        if lowerLine.hasPrefix("and ") || lowerLine.hasPrefix("& ") { return true }
        let parts = PersonEntryParser.splitTopLevel(previous, separators: PersonEntryParser.commasAndSemicolons)
        guard parts.count > 1, let tail = parts.last else { return false }
        // `…, Ewan` over `Thompson (…)`: a lone word (beside titles) is half a name.
        let words = PeopleText.words(tail).filter {
            !PeopleWords.honorifics.contains(PeopleText.loweredTrimming($0, "."))
        }
        return words.count <= 1 || PersonEntryParser.parse(tail) == nil
    }

    /// The group of the nearest people section above `section`.
    private func peopleAncestor(of section: Int) -> PeopleGroup? {
        var current = context.sectionParent[section]
        while let parent = current {
            if let group = peopleSections[parent] { return group }
            current = context.sectionParent[parent]
        }
        return nil
    }

    /// Whether a line whose text is a people word stands as a label: bold, alone in its paragraph, or an item
    /// with a nested list.
    private static func isLabelShaped(_ index: Int, in blocks: [OutlineBlock]) -> Bool {
        if blocks[index].isEmphasised { return true }
        switch blocks[index].kind {
        case .line:
            // Alone in its paragraph, or at its head (`Attendees` over one name a line).
            return index == 0 || blocks[index - 1].group != blocks[index].group
        case .item:
            return blocks.indices.contains(index + 1) && blocks[index + 1].parent == index
        default:
            return false
        }
    }

    /// The group of a `Label: value` line's label: an exact people label, or a short one ending with a people word
    /// (`Councillors present`).
    private func labelGroup(_ label: String) -> PeopleGroup? {
        let exact = PeopleWords.groupAndKey(ofLabel: label, vocabulary: context.options.vocabulary)
        if let group = exact.group { return group }
        // The two readings below need a key that ends with a people word or a plural.
        guard PeopleWords.keyMayEndAGroupOrPlural(label: label), PeopleText.wordCount(label) <= 4 else { return nil }
        // Labels are short: `group(endingTitle:)` would take the same key, which the look above may have taken.
        let key = exact.key ?? PeopleWords.labelKey(label)
        if let group = PeopleWords.group(endingKey: key, allowMembers: true) { return group }
        // `Trustees:`, `Councillors:`, `Directors:`: a label that is a plural people noun (`School Governors:
        // Quarterly Meeting` is a title).
        // The key is tidy: one word is the whole key; a plural's ends with `s`.
        guard key.utf8.last == UInt8(ascii: "s"), PeopleText.wordCount(key) == 1 else { return nil }
        let singular = PeopleWords.singular(key)
        guard singular != key, PeopleWords.roleWords.contains(singular) else { return nil }
        return .attendees
    }

    /// Whether a block inside a people block starts something else: a label over nothing (`Agenda:`), or a bold
    /// line that names no one (`**Next steps**`).
    private func endsPeopleBlock(_ index: Int, labelled: Labelled?) -> Bool {
        if let labelled, labelled.valueIsEmpty(in: blocks[index].text) {
            return !PersonEntryParser.isNameLike(labelled.label, allowLowercase: false)
        }
        return blocks[index].kind == .line && blocks[index].isEmphasised
            && PersonEntryParser.parse(blocks[index].text) == nil
    }

    /// The people of `Apologies were received from Ann Lee and Bob Roy.`, when every one reads as a person.
    ///
    /// Static, as ``labelled(_:)`` is: a method of the reader would be handed a copy of the whole reader.
    static func absenceSentence(_ text: String) -> [PersonEntry]? {
        guard Self.mayOpenWithA(text), TextSearch.hasPrefix(text, ignoringCase: "apologies") else { return nil }
        let lower = PeopleText.lowercased(text)
        guard lower.hasPrefix("apologies") || lower.hasPrefix("apologies for absence"),
            // Where lower case works on the bytes, `lower` has the offsets of `text`; elsewhere (`İ` lowers to
            // three bytes) the match is found in `text` itself.
            let from = PeopleText.lowersOnBytes(text)
                ? PeopleText.endOfLastMatch(of: " from ", in: lower)
                : Self.endOfLastMatch(ignoringCase: " from ", in: text)
        else { return nil }
        let value = String(text[from...]).trimmingPlain(" .")
        guard !value.isEmpty, value.count <= 200 else { return nil }
        let list = PersonEntryParser.parseList(value)
        return list.failures.isEmpty && !list.entries.isEmpty ? list.entries : nil
    }

    /// Whether the first byte of `text` is `a` or `A`, which `TextSearch.hasPrefix(_:ignoringCase:)` needs for
    /// `apologies`: a first look without indexing the string.
    static func mayOpenWithA(_ text: String) -> Bool { (text.utf8.first ?? 0) | 0x20 == UInt8(ascii: "a") }

    /// The end in `text` of the last of the matches of lower-case `phrase` that `text.lowercased().ranges(of:)`
    /// finds, a character at a time (lower case may change a character's bytes, never the characters' number here).
    static func endOfLastMatch(ignoringCase phrase: String, in text: String) -> String.Index? {
        let length = phrase.count
        var found: String.Index?
        var index = text.startIndex
        while index < text.endIndex {
            guard let end = text.index(index, offsetBy: length, limitedBy: text.endIndex) else { break }
            if text[index..<end].lowercased() == phrase {
                found = end
                index = end
            } else {
                index = text.index(after: index)
            }
        }
        return found
    }

    /// A `Label: value` line: its label, and where its value starts.
    ///
    /// The value is read when asked (most labels are no people label, whose value is never read); the line's text is
    /// not held, so that no string but the label is released with the reading.
    struct Labelled {
        /// The label, tidy, without a head count in brackets.
        let label: String
        /// The offset in the line's UTF-8 of the byte after the colon.
        let valueStart: Int
        /// Whether the line is plain (``PeopleBytes/isPlain(_:)``), whose value is trimmed on its bytes.
        let plain: Bool

        /// The text after the colon of `text` (the line this was read from), tidy, without emphasis markers and
        /// spaces at its ends; it may be empty.
        func value(in text: String) -> String {
            if plain {
                return PeopleBytes.withBytes(text) { bytes in
                    let range = PeopleBytes.trimmed(valueStart..<bytes.count, in: bytes) {
                        PeopleText.isOne($0, of: "*_ ")
                    }
                    return tidy(bytes: UnsafeBufferPointer(rebasing: bytes[range]))
                }
            }
            // The colon is one byte and a character of its own: the value starts at the next byte.
            let start = text.utf8.index(text.startIndex, offsetBy: valueStart)
            return tidy(PeopleText.trimming(text[start...], "*_ "))
        }

        /// Whether ``value(in:)`` of `text` is empty: told by the first byte after the colon that is no `*`, `_` or
        /// space where that byte says (none, or a printable ASCII byte, which starts a character that stays), else by
        /// the value.
        func valueIsEmpty(in text: String) -> Bool {
            let first = PeopleBytes.withBytes(text) { bytes -> UInt8? in
                var index = valueStart
                while index < bytes.count, PeopleText.isOne(bytes[index], of: "*_ ") { index += 1 }
                return index < bytes.count ? bytes[index] : nil
            }
            guard let first else { return true }
            if first > 0x20, first < 0x7F { return false }
            return value(in: text).isEmpty
        }
    }

    /// What one look at the bytes of a block's text tells every block's first tests, which would each look at them on
    /// their own: most blocks are no people line, and are ruled out by these.
    struct FirstLook {
        /// Whether the text holds a colon, without which it is no `Label: value` line (``labelled(_:)``).
        let hasColon: Bool
        /// ``PeopleBytes/mayOpenOrEndRoleLine(_:)`` of the text.
        let mayOpenOrEndRoleLine: Bool
        /// Whether the text opens with `apologies` in any case, as `TextSearch.hasPrefix(_:ignoringCase:)` tells.
        let opensWithApologies: Bool

        /// The look at the UTF-8 `bytes` of a text.
        init(_ bytes: UnsafeBufferPointer<UInt8>) {
            hasColon = PeopleBytes.firstIndex(of: UInt8(ascii: ":"), in: bytes) != nil
            mayOpenOrEndRoleLine = PeopleBytes.mayOpenOrEndRoleLine(bytes: bytes)
            // The first byte rules out most texts without the look at the word.
            opensWithApologies =
                (bytes.first ?? 0) | 0x20 == UInt8(ascii: "a") && PeopleBytes.opens(bytes, at: 0, "apologies")
        }
    }

    /// The first look at a block's `text`, the label of it as a `Label: value` line (none without a colon), and the
    /// role line it is (``roleLine(_:labelled:vocabulary:mayOpenOrEnd:)``): what headings and other blocks read first.
    static func firstReading(
        _ text: String,
        vocabulary: Vocabulary
    ) -> (look: FirstLook, label: Labelled?, role: (role: String, entries: [PersonEntry])?) {
        let look = PeopleBytes.withBytes(text, FirstLook.init)
        let (label, role) = reading(text, look: look, vocabulary: vocabulary)
        return (look, label, role)
    }

    /// ``firstReading(_:vocabulary:)`` of `text` after its first look, `look`: without a colon and a role lead or
    /// ending (most blocks), nothing, which a caller that has the look need not ask for.
    static func reading(
        _ text: String,
        look: FirstLook,
        vocabulary: Vocabulary
    ) -> (label: Labelled?, role: (role: String, entries: [PersonEntry])?) {
        let label = look.hasColon ? labelled(text) : nil
        // Without a label a role line needs a lead or an ending, which the look has ruled out for most blocks.
        guard label != nil || look.mayOpenOrEndRoleLine else { return (nil, nil) }
        return (label, roleLine(text, labelled: label, vocabulary: vocabulary, mayOpenOrEnd: look.mayOpenOrEndRoleLine))
    }

    /// `("Present", "Ann, Bob")` for `Present: Ann, Bob` or `**Present:** Ann, Bob`; the value may be empty.
    static func labelled(_ text: String) -> Labelled? {
        guard PeopleBytes.mayBeLabelled(text) else { return nil }
        // Plain text (``PeopleBytes/isPlain(_:)``) is cut at its first colon byte and its label trimmed on its bytes,
        // where its characters would be, and made a tidy string at once.
        let plain = PeopleBytes.withBytes(text) { bytes -> Labelled?? in
            guard PeopleBytes.isPlain(bytes), let colon = PeopleBytes.firstIndex(of: UInt8(ascii: ":"), in: bytes)
            else {
                return nil
            }
            let range = PeopleBytes.trimmed(0..<colon, in: bytes) { PeopleText.isOne($0, of: "*_#- ") }
            guard let label = checkedLabel(tidy(bytes: UnsafeBufferPointer(rebasing: bytes[range]))) else {
                return .some(nil)
            }
            return .some(Labelled(label: label, valueStart: colon + 1, plain: true))
        }
        if let plain { return plain }
        guard let colon = PeopleText.firstIndex(of: UInt8(ascii: ":"), in: text),
            let label = checkedLabel(tidy(PeopleText.trimming(text[..<colon], "*_#- ")))
        else { return nil }
        let offset = text.utf8.distance(from: text.startIndex, to: colon)
        return Labelled(label: label, valueStart: offset + 1, plain: false)
    }

    /// The label of a `Label: value` line from the tidy text before its colon, without a head count in brackets;
    /// `nil` when that is no label (empty, more than five words, or a character no label holds).
    private static func checkedLabel(_ tidied: String) -> String? {
        var label = tidied
        // `Members present (14)`: a head count beside the label is no part of it.
        // The last byte rules out most labels before the character is read.
        if label.utf8.last == UInt8(ascii: ")"), label.hasSuffix(")"), let open = label.lastIndex(of: "("),
            label[label.index(after: open)...].dropLast().allSatisfy(\.isNumber)
        {
            label = tidy(String(label[..<open]))
        }
        guard !label.isEmpty else { return nil }
        // An ASCII label, each byte a character, is read in one pass: its bytes looked at and its words counted.
        let ascii = PeopleBytes.withBytes(label) { bytes -> Bool? in
            var words = 0
            var inWord = false
            for byte in bytes {
                guard byte < 0x80 else { return nil }
                guard PeopleText.isAlphanumeric(byte) || PeopleText.isOne(byte, of: " '-&.") else { return false }
                if byte == UInt8(ascii: " ") {
                    inWord = false
                } else if !inWord {
                    inWord = true
                    words += 1
                }
            }
            return words <= 5
        }
        if let ascii { return ascii ? label : nil }
        guard PeopleText.wordCount(label) <= 5,
            PeopleText.allSatisfy(
                label,
                ascii: { PeopleText.isAlphanumeric($0) || PeopleText.isOne($0, of: " '-&.") },
                character: { $0.isLetter || $0.isNumber || " '’-&.".contains($0) }
            )
        else { return nil }
        return label
    }

    // MARK: Role lines

    /// `Chair: Ann`, `### Moderator: Ann and Bob`, `Notes: Cy`, `Dee took notes.`: the role and the people named.
    ///
    /// `text` is a block's text, and `labelled` what ``labelled(_:)`` reads of it; `mayOpenOrEnd` is
    /// ``PeopleBytes/mayOpenOrEndRoleLine(_:)`` of it when the caller has it. Static, as ``labelled(_:)`` is:
    /// a method of the reader would be handed a copy of the whole reader.
    static func roleLine(
        _ text: String,
        labelled: Labelled?,
        vocabulary: Vocabulary,
        mayOpenOrEnd: Bool? = nil
    ) -> (role: String, entries: [PersonEntry])? {
        // A role line holds a word of a role label, lead or ending (looked for in the whole text last: the looks
        // before it are cheaper, and each is without side effects).
        func holdsRoleWord() -> Bool { !vocabulary.roleLabels.isEmpty || PeopleWords.roleLabelWords.occurs(in: text) }
        // A label that is a role label is told by the short label; without one only a lead or an ending makes a role
        // line, which a first look at the bytes rules out.
        if let labelled, PeopleWords.isRoleLabel(labelled.label, vocabulary: vocabulary) {
            guard holdsRoleWord() else { return nil }
            let (label, value) = (labelled.label, labelled.value(in: text))
            guard !value.isEmpty, value.count <= 100 else { return nil }
            var entries: [PersonEntry] = []
            for part in PersonEntryParser.splitTopLevel(value, separators: PersonEntryParser.commasAndSemicolons) {
                let text = PersonEntryParser.clean(part)
                if text.isEmpty { continue }
                for name in PersonEntryParser.splitConjunction(text) {
                    guard let entry = PersonEntryParser.parse(name, allowLowercaseName: true),
                        !PersonEntryParser.isDescription(entry.name) || PersonEntryParser.isUserName(entry.name)
                    else { return nil }
                    entries.append(entry)
                }
            }
            guard !entries.isEmpty else { return nil }
            return (PeopleWords.roleName(forLabel: label), entries)
        }
        guard mayOpenOrEnd ?? PeopleBytes.mayOpenOrEndRoleLine(text), holdsRoleWord() else { return nil }
        let lower = PeopleText.lowercased(text).trimmingPlain(" .")
        for (phrase, role) in PeopleWords.roleLeads where lower.hasPrefix(phrase + " ") {
            let value = String(text.dropFirst(phrase.count + 1)).trimmingPlain(" .")
            guard value.count <= 80 else { return nil }
            let list = PersonEntryParser.parseList(value)
            guard list.failures.isEmpty, !list.entries.isEmpty else { return nil }
            return (role, list.entries)
        }
        for phrase in PeopleWords.noteTakingPhrases where lower.hasSuffix(" " + phrase) {
            let name = String(text.prefix(text.count - phrase.count - 1))
            guard let entry = PersonEntryParser.parse(name), PeopleText.wordCount(name) <= 4 else { return nil }
            return ("note taker", [entry])
        }
        return nil
    }

    // MARK: Reading regions

    /// What an item with nested items stands for when all of them are people: a people label (`Observers:`), a
    /// role (`Co-chairs`), or an organisation (`Riverside Trust`).
    enum Header {
        case label(PeopleGroup, String)
        case role(String)
        case organization(String)
    }

    private mutating func read(_ region: Region) {
        var headers: [Int: Header] = [:]
        var notes = Set<Int>()
        var childrenOf: [Int: [Int]] = [:]
        for index in region.blocks {
            if let parent = blocks[index].parent { childrenOf[parent, default: []].append(index) }
        }
        for index in region.blocks where blocks[index].kind == .item && !notes.contains(index) {
            guard let children = childrenOf[index] else { continue }
            if let header = header(index, children: children) {
                headers[index] = header
            } else {
                // A person with notes nested under them.
                notes.formUnion(region.blocks.filter { blocks.isNested($0, under: index) })
            }
        }
        let kept = region.blocks.filter { !notes.contains($0) && headers[$0] == nil }
        for row in kept where blocks[row].kind == .tableRow { readTableRow(row, region: region) }
        // Fragments are joined and read as they come, so that a tentative block stops at its first stray line.
        var tally = RegionTally(mode: region.mode)
        var pending: Fragment?
        reading: for index in kept {
            let kind = blocks[index].kind
            let pieces: [String]
            switch kind {
            case .item: pieces = [blocks[index].text]
            case .line: pieces = PersonEntryParser.splitRunTogether(blocks[index].text)
            case .tableRow, .heading: continue
            }
            for piece in pieces {
                let fragment = Fragment(
                    text: piece,
                    lines: blocks[index].lines,
                    kind: kind,
                    group: blocks[index].group,
                    block: index
                )
                if var previous = pending, join(&previous, with: fragment) {
                    pending = previous
                    continue
                }
                if let done = pending {
                    switch tally.take(done) {
                    case .more: break
                    case .stop: break reading
                    case .reject: return
                    }
                }
                pending = fragment
            }
        }
        if !tally.stopped, let done = pending, tally.take(done) == .reject { return }
        if case .tentative(let minimum) = tally.mode, tally.found.count < minimum { return }
        var found = tally.found
        let problems = tally.problems
        // Only a weak role is settled: without one the entries stay as they are, and are not copied out and back.
        if found.contains(where: { $0.entry.weakRole }) {
            var entries = found.map(\.entry)
            PersonEntryParser.settleWeakRoles(&entries)
            for index in found.indices { found[index].entry = entries[index] }
        }
        let checkedGroups = Set(region.blocks.filter { blocks[$0].checkbox == .checked }.map { blocks[$0].group })
        for (entry, lines, block) in found {
            var entry = entry
            var group = region.group
            var role = region.role
            var tag = region.tag
            if region.organization != nil, entry.organization == nil { entry.organization = region.organization }
            var ancestor = blocks[block].parent
            while let index = ancestor {
                switch headers[index] {
                case .label(let headerGroup, let label):
                    group = headerGroup
                    (role, tag) = PeopleWords.roleAndTag(forLabel: label)
                case .role(let headerRole):
                    role = role ?? headerRole
                case .organization(let organization):
                    if entry.organization == nil { entry.organization = organization }
                case nil:
                    break
                }
                ancestor = blocks[index].parent
            }
            // `Ann Lee - apologies`: a roll call that marks each name.
            if let status = entry.status, status == .absent || group == .attendees { group = status }
            // `- [x] Ann` / `- [ ] Bob`: a checklist of who came.
            if group == .attendees, blocks[block].checkbox == .unchecked, checkedGroups.contains(blocks[block].group) {
                group = .absent
            }
            roster.add(entry, group: group, labelRole: role, labelTag: tag, label: region.label, lines: LineSpan(lines))
        }
        for problem in problems {
            warn(problem.text, label: region.label, line: problem.lines.lowerBound)
        }
    }

    /// The header an item with nested items is, or `nil` when it is a person with notes under them.
    private func header(_ index: Int, children: [Int]) -> Header? {
        let text = blocks[index].text
        if let labelled = Self.labelled(text), labelled.valueIsEmpty(in: text), let group = labelGroup(labelled.label) {
            return .label(group, labelled.label)
        }
        if let group = PeopleWords.group(ofLabel: text, vocabulary: context.options.vocabulary) {
            return .label(group, text)
        }
        guard children.allSatisfy({ PersonEntryParser.parse(blocks[$0].text, allowLowercaseName: true) != nil })
        else { return nil }
        let title = tidy(text.trimmingPlain("*_: "))
        guard !title.isEmpty, PeopleText.wordCount(title) <= 6 else { return nil }
        return PersonEntryParser.isRoleLike(title) ? .role(PeopleWords.singular(title)) : .organization(title)
    }

    /// Reads the value of `Present: Ann, Bob (chair), Cy`.
    private mutating func readInline(
        label: String,
        value: String,
        group: PeopleGroup,
        lines: ClosedRange<Int>,
        role: String? = nil
    ) {
        readInline(label: label, list: PersonEntryParser.parseList(value), group: group, lines: lines, role: role)
    }

    /// ``readInline(label:value:group:lines:role:)`` of the value's list as ``PersonEntryParser/parseList(_:)`` reads
    /// it, for a caller that has read it already.
    private mutating func readInline(
        label: String,
        list: (entries: [PersonEntry], failures: [String]),
        group: PeopleGroup,
        lines: ClosedRange<Int>,
        role: String? = nil
    ) {
        // A label line that names nobody (`Attendees: the people recorded as present`, `Others: +1` in a
        // dialogue) is no people line: nothing to warn about.
        if list.entries.isEmpty { return }
        let key = PeopleWords.labelKey(label)
        let labelRole = role ?? PeopleWords.role(forLabel: label, key: key)
        let labelTag = PeopleWords.tag(forLabel: label, key: key)
        for entry in list.entries {
            roster.add(
                entry,
                group: group,
                labelRole: labelRole,
                labelTag: labelTag,
                label: label,
                lines: LineSpan(lines)
            )
        }
        for failure in list.failures { warn(failure, label: label, line: lines.lowerBound) }
    }

    /// Joins `fragment` to `previous` when it wraps it: a line starting in lower case or with `and`, a line after
    /// one ending with a dash or comma, and the rest of an organisation (`Riverside Community` / `Federation-
    /// permanent member`); `false` when it starts an entry of its own.
    private func join(_ previous: inout Fragment, with fragment: Fragment) -> Bool {
        guard previous.kind == .line, fragment.kind == .line,
            continues(previous.text, with: fragment.text)
                // A line indented deeper than the entry it follows wraps it (`… -` over `    Director`).
                || (fragment.block != previous.block
                    && blocks[fragment.block].column > blocks[previous.block].column
                    && blocks[fragment.block].group == blocks[previous.block].group)
        else { return false }
        let wordBreak =
            previous.text.hasSuffix("-") && previous.text.dropLast().last?.isLetter == true
            && fragment.text.first?.isLowercase == true
        previous.text = wordBreak ? previous.text + fragment.text : previous.text + " " + fragment.text
        previous.lines = previous.lines.lowerBound...max(previous.lines.upperBound, fragment.lines.upperBound)
        return true
    }

    private func continues(_ previous: String, with next: String) -> Bool {
        // Only `a`, `A` or `&` lowers to the first character of a lead: other lines are not lowered.
        if [UInt8(ascii: "a"), UInt8(ascii: "A"), UInt8(ascii: "&")].contains(next.utf8.first ?? 0) {
            let lower = PeopleText.lowercased(next)
            if lower.hasPrefix("and ") || lower.hasPrefix("& ") { return true }
        }
        if Self.endsMidEntry(previous) { return true }
        // `… - Head of` over `Operations`; an ASCII last word is looked up on its bytes.
        if let last = PeopleText.lastWord(previous),
            PersonEntryParser.functionWordBytes.containsLowered(last)
                ?? PersonEntryParser.functionWords.contains(PeopleText.lowercased(last))
        {
            return true
        }
        if PersonEntryParser.startsLowercase(next),
            PeopleText.contains(previous, UInt8(ascii: ",")) || PeopleText.contains(previous, UInt8(ascii: "("))
                || PersonEntryParser.segments(of: previous).count > 1
        {
            return true
        }
        // `Riverside Community` over `Federation- member`, but not over `Graham Taylor - Treasurer`, a new entry. The
        // cheap looks go first; each look is without side effects.
        return PeopleText.contains(previous, UInt8(ascii: ",")) && !PeopleText.contains(next, UInt8(ascii: ","))
            && PersonEntryParser.hasDashRole(next) && !PersonEntryParser.hasDashRole(previous)
            && !PersonEntryParser.isNameLike(PersonEntryParser.segments(of: next).first ?? next, allowLowercase: false)
    }

    // MARK: Tables

    /// The group of a table outside people blocks whose name column is itself a people word (`Attendee`).
    private func tableGroup(_ header: [String]) -> PeopleGroup? {
        for cell in header {
            let key = PeopleWords.labelKey(cell)
            if key == "name" || key == "names" { continue }
            if let group = PeopleWords.group(ofLabel: key, vocabulary: context.options.vocabulary) { return group }
        }
        return nil
    }

    private mutating func readTableRow(_ index: Int, region: Region) {
        let block = blocks[index]
        let columns: TableColumns
        if let lastTable, lastTable.header == block.header {
            columns = lastTable.columns
        } else {
            columns = PeopleWords.tableColumns(block.header)
            lastTable = (block.header, columns)
        }
        guard let nameColumn = columns.name ?? (region.blocks.isEmpty ? nil : 0), nameColumn < block.cells.count
        else { return }
        func cell(_ column: Int?) -> String? {
            guard let column, column < block.cells.count else { return nil }
            let text = tidy(block.cells[column])
            return PersonEntryParser.isNobody(text) ? nil : text
        }
        guard let nameText = cell(nameColumn) else { return }
        guard var entry = PersonEntryParser.parse(nameText, allowLowercaseName: true) else {
            warn(nameText, label: region.label, line: block.lines.lowerBound)
            return
        }
        if let organization = cell(columns.organization) { entry.organization = organization }
        if let role = cell(columns.role) { entry.role = role }
        if let handle = cell(columns.handle), entry.handle == nil { entry.handle = handle }
        var group = region.group
        if let mark = cell(columns.presence), let status = PeopleWords.status(of: mark),
            status == .absent || group == .attendees
        {
            group = status
        }
        roster.add(
            entry,
            group: group,
            labelRole: region.role,
            labelTag: region.tag,
            label: region.label,
            lines: LineSpan(block.lines)
        )
    }

    // MARK: Front matter

    private mutating func readFrontMatter() {
        guard let frontMatter = context.document.frontMatter, case .map(let entries) = frontMatter.value else {
            return
        }
        let lines = LineSpan(frontMatter.lines)
        for item in entries {
            let key = item.key.replacingAll("_", with: " ").replacingAll("-", with: " ")
            if let group = PeopleWords.group(ofLabel: key, vocabulary: context.options.vocabulary) {
                for entry in frontMatterEntries(item.value, lines: lines) {
                    roster.add(
                        entry,
                        group: group,
                        labelRole: PeopleWords.role(forLabel: key),
                        labelTag: PeopleWords.tag(forLabel: key),
                        lines: lines
                    )
                }
            } else if PeopleWords.isRoleLabel(key, vocabulary: context.options.vocabulary) {
                let role = PeopleWords.roleName(forLabel: key)
                for entry in frontMatterEntries(item.value, lines: lines) {
                    roster.add(entry, role: role, lines: lines)
                }
            }
        }
    }

    private mutating func frontMatterEntries(_ value: FrontMatterValue, lines: LineSpan) -> [PersonEntry] {
        switch value {
        case .string(let text):
            let list = PersonEntryParser.parseList(text)
            for failure in list.failures { warn(failure, label: "front matter", line: lines.first) }
            return list.entries
        case .list(let items):
            return items.flatMap { item -> [PersonEntry] in
                if case .string(let text) = item {
                    if PersonEntryParser.isNobody(text) { return [] }
                    if let entry = PersonEntryParser.parse(text, allowLowercaseName: true) { return [entry] }
                    warn(text, label: "front matter", line: lines.first)
                    return []
                }
                return frontMatterEntries(item, lines: lines)
            }
        case .map:
            guard let name = (value["name"] ?? value["person"])?.text, !PersonEntryParser.isNobody(name) else {
                return []
            }
            var entry = PersonEntryParser.parse(name, allowLowercaseName: true) ?? PersonEntry(name: tidy(name))
            let organization = ["organisation", "organization", "affiliation", "org", "company"]
                .lazy.compactMap { value[$0]?.text }.first
            if let organization, !organization.isEmpty { entry.organization = tidy(organization) }
            if let role = value["role"]?.text, !role.isEmpty { entry.role = tidy(role) }
            if let handle = (value["handle"] ?? value["github"] ?? value["username"])?.text, !handle.isEmpty {
                entry.handle = handle
            }
            return [entry]
        case .int, .double, .bool, .null:
            return []
        }
    }

    // MARK: Diagnostics

    private mutating func warn(_ text: String, label: String, line: Int) {
        let shown = text.count > 60 ? String(text.prefix(57)) + "…" : text
        let where_ = label.isEmpty ? "a people block" : "the \(tidy(label.trimmingPlain("*_#: "))) block"
        diagnostics.append(context.warning("could not read “\(shown)” in \(where_) as a person", line: line))
    }
}
