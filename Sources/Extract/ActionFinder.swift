/// Walks a note's outline once and collects its actions; ``ActionExtractor`` is its public face.
///
/// An action is a marked line (`Action:` and its kin), an item or line under an action heading or label, an owned
/// task-list item, or a row of an action table. Sub-items of an action are details unless they are checkboxes
/// (which inherit the owner) or name their own owner; the items under an owner-less group header are actions.
struct ActionFinder {
    /// An action before ids are given.
    struct Candidate {
        var block: Int
        var text: String
        var owners: [String]
        var due: DueDates.Found?
        var lines: ClosedRange<Int>
        var fromTable: Bool
        /// An id written with the action (`103.1`), used to fold a summary table into the body.
        var tag: String?
    }

    let context: ExtractionContext
    let blocks: [OutlineBlock]
    /// Items and lines under an action heading or label.
    var inScope: [Bool]
    /// Blocks brought into scope by a label line (`Actions:`) rather than a heading.
    var byLabel: [Bool]
    /// Blocks under a heading that holds decisions too (`Decisions and actions`): only owned items are actions.
    var shared: [Bool]
    /// Labels and owner-less group headers, whose child items are actions.
    var isHeader: [Bool]
    var isAction: [Bool]
    var ownersOf: [[String]]
    var candidates: [Candidate] = []
    var diagnostics: [Diagnostic] = []
    var doneGroups: Set<Int> = []
    /// Lines folded into the action above them, by block: looked at for each block.
    var folded: [Bool]
    /// Sections (by index) whose actions are list items or table rows, so their prose lines are not actions.
    var sectionsWithLists: Set<Int> = []
    /// The normalised header of the table rows read last.
    var headerKeys = HeaderKeys()

    init(context: ExtractionContext) {
        self.context = context
        blocks = context.blocks
        let count = blocks.count
        inScope = Array(repeating: false, count: count)
        byLabel = Array(repeating: false, count: count)
        shared = Array(repeating: false, count: count)
        isHeader = Array(repeating: false, count: count)
        isAction = Array(repeating: false, count: count)
        ownersOf = Array(repeating: [], count: count)
        folded = Array(repeating: false, count: count)
        markScope()
    }

    // MARK: - Scope

    private mutating func markScope() {
        // Only the innermost section counts: notes often nest their topics under an action heading by mistake.
        let keys = context.sectionKeys
        // Taken out of the context once, not once a block.
        let vocabulary = context.options.vocabulary
        let sectionOfBlock = context.sectionOfBlock
        let actionSection = keys.map { ActionMarker.isActionHeading(key: $0, vocabulary: vocabulary) }
        let sharedSection = context.isCombinedSection
        // Blocks are read in place by index: a copy of each would cost more than the look.
        for index in blocks.indices {
            guard let section = sectionOfBlock[index], actionSection[section] else { continue }
            switch blocks[index].kind {
            case .tableRow:
                sectionsWithLists.insert(section)
            case .heading:
                continue
            case .item:
                inScope[index] = true
                shared[index] = sharedSection[section]
                sectionsWithLists.insert(section)
            case .line:
                inScope[index] = true
                shared[index] = sharedSection[section]
            }
        }
        // Labels over lists: `Actions:`, `**Next steps**`.
        for index in blocks.indices
        where context.mayBeLabel(index)
            && ActionMarker.isActionLabel(
                kind: blocks[index].kind,
                isEmphasised: blocks[index].isEmphasised,
                text: blocks[index].text,
                vocabulary: vocabulary
            )
        {
            let block = blocks[index]
            isHeader[index] = true
            if block.kind == .item {
                var next = index + 1
                while next < blocks.count, blocks.isNested(next, under: index) {
                    inScope[next] = true
                    byLabel[next] = true
                    next += 1
                }
            } else if index + 1 < blocks.count {
                let first = blocks[index + 1]
                if first.kind == .item {
                    var next = index + 1
                    while next < blocks.count,
                        blocks[next].group == first.group || blocks[next].parent.map({ inScope[$0] }) == true
                    {
                        inScope[next] = true
                        byLabel[next] = true
                        next += 1
                    }
                } else if first.kind == .line, first.group == block.group {
                    var next = index + 1
                    while next < blocks.count, blocks[next].kind == .line, blocks[next].group == block.group {
                        inScope[next] = true
                        byLabel[next] = true
                        next += 1
                    }
                }
            }
        }
    }

    private func children(of index: Int) -> [Int] {
        var found: [Int] = []
        var next = index + 1
        while next < blocks.count, blocks.isNested(next, under: index) {
            if blocks[next].parent == index, blocks[next].kind == .item { found.append(next) }
            next += 1
        }
        return found
    }

    // MARK: - Walking

    mutating func run() -> Extracted<Action> {
        for index in blocks.indices {
            switch blocks[index].kind {
            case .tableRow: tableRow(index)
            case .heading: heading(index)
            case .line, .item: textBlock(index)
            }
        }
        return finish()
    }

    private mutating func heading(_ index: Int) {
        let extra = context.options.vocabulary.actionMarkers
        guard let marker = ActionMarker.leading(blocks[index].text, extra: extra), !marker.text.isEmpty else { return }
        add(index, text: marker.text, markerOwners: marker.owners, lenient: true)
    }

    private mutating func textBlock(_ index: Int) {
        // The block is read in place: most are no action, and a copy of each would cost more than the look.
        let text = blocks[index].text
        guard !text.isEmpty, !isHeader[index], !folded[index] else { return }
        let holdsInlineWords = context.blockCues[index] & BlockCue.action != 0
        if let marker = ActionMarker.match(
            text,
            extra: context.options.vocabulary.actionMarkers,
            holdsInlineWords: holdsInlineWords
        )
            // A bold keyword is a form of `action`, which the first look finds in any text holding one.
            ?? (holdsInlineWords
                ? blocks[index].leadingEmphasis.flatMap({ ActionMarker.boldKeyword(text, lead: $0) }) : nil)
        {
            let inherited = blocks[index].parent.flatMap { isAction[$0] ? ownersOf[$0] : nil } ?? []
            // `Jo to book the hall. Action: Jo`: the marker gives only owners, so the sentence before is the task.
            if !marker.before.isEmpty, let owners = Self.onlyOwners(marker) {
                ownerSentence(index, before: marker.before, owners: owners, inherited: inherited)
                return
            }
            if marker.text.isEmpty {
                diagnostics.append(
                    context.warning("action marker without an action", line: blocks[index].lines.lowerBound)
                )
                return
            }
            let more = Self.continuation(of: index, in: blocks)
            for line in more { folded[line] = true }
            // Most marked lines are whole: their text is kept as it is, without a join.
            let joined =
                more.isEmpty ? marker.text : ([marker.text] + more.map { blocks[$0].text }).joined(separator: " ")
            add(
                index,
                text: joined,
                markerOwners: marker.owners,
                lenient: true,
                inherited: inherited,
                lines: blocks[index].lines
                    .lowerBound...(more.last.map { blocks[$0].lines.upperBound } ?? blocks[index].lines.upperBound)
            )
            return
        }
        if inScope[index], DecisionMarker.leading(text, extra: context.options.vocabulary.decisionMarkers) != nil {
            return
        }
        switch blocks[index].kind {
        case .item where inScope[index]: scopedItem(index)
        case .item where blocks[index].checkbox != nil: checkboxItem(index)
        case .line where inScope[index] && blocks[index].parent == nil: lineGroup(index)
        default: return
        }
    }

    /// The owners when a marker's text is nothing but an owner list (`Action: HP`, `ACTION BR`), or `nil`.
    static func onlyOwners(_ marker: ActionMarker.Match) -> [String]? {
        let names = marker.text.trimming(" .")
        if names.isEmpty { return marker.owners.isEmpty ? nil : marker.owners }
        guard marker.owners.isEmpty, names.split(separator: " ").count <= 6,
            let owners = OwnerParser.ownerList(names), owners.allSatisfy(OwnerParser.isPersonalName)
        else { return nil }
        return owners
    }

    /// The last `.`, `!` or `?` followed by a space: where the last sentence of `text` starts (not `3.3`).
    private static func lastSentenceStop(in text: String) -> String.Index? {
        var found: String.Index?
        var index = text.startIndex
        while index < text.endIndex {
            let next = text.index(after: index)
            if isSentenceStop(text[index]), next < text.endIndex, text[next] == " " { found = index }
            index = next
        }
        return found
    }

    /// An action whose task is the sentence before an owner-only marker, from the line where it starts.
    private mutating func ownerSentence(_ index: Int, before: String, owners: [String], inherited: [String]) {
        let block = blocks[index]
        var text = before.trimming(" ")
        var first = index
        if let stop = Self.lastSentenceStop(in: text) {
            text = text[text.index(after: stop)...].trimming(" ")
        } else {
            // The sentence began on an earlier line of the paragraph.
            var lines: [String] = []
            while first > 0, block.kind == .line, blocks[first - 1].kind == .line,
                blocks[first - 1].group == block.group,
                !isSentenceStop(DecisionMarker.lastBesideMarks(blocks[first - 1].text) ?? "."),
                ActionMarker.match(blocks[first - 1].text) == nil
            {
                first -= 1
                lines.insert(blocks[first].text, at: 0)
            }
            text = (lines + [text]).joined(separator: " ")
            if let stop = Self.lastSentenceStop(in: text) {
                text = text[text.index(after: stop)...].trimming(" ")
            }
        }
        text = DecisionFinder.withoutMinuteNumber(text)
        guard !text.isEmpty else { return }
        add(
            index,
            text: text,
            markerOwners: owners,
            lenient: true,
            inherited: inherited,
            lines: blocks[first].lines.lowerBound...block.lines.upperBound
        )
    }

    /// An item under an action heading or label.
    private mutating func scopedItem(_ index: Int) {
        let block = blocks[index]
        if let parent = block.parent, inScope[parent] {
            if isAction[parent] {
                let own = OwnerParser.find(in: block.text, lenient: false)
                guard block.checkbox != nil || !own.owners.isEmpty else { return }
                add(index, text: block.text, lenient: true, inherited: ownersOf[parent])
                return
            }
            guard isHeader[parent] else { return }
        }
        if isGroupHeader(index) {
            isHeader[index] = true
            return
        }
        guard !Self.isNothing(block.text) else { return }
        if shared[index], OwnerParser.find(in: block.text, lenient: true).owners.isEmpty { return }
        add(index, text: block.text, lenient: true)
    }

    /// An owner-less item whose children name owners (`Sovereign Tech Fund` over `Emma: …`), or a label item
    /// ending in `:` over a list.
    private func isGroupHeader(_ index: Int) -> Bool {
        let block = blocks[index]
        let kids = children(of: index)
        guard !kids.isEmpty, OwnerParser.find(in: block.text, lenient: true).owners.isEmpty else { return false }
        if block.text.hasSuffix(":") { return true }
        return kids.contains { !OwnerParser.find(in: blocks[$0].text, lenient: false).owners.isEmpty }
    }

    /// A task-list item outside action sections: an action when it names an owner, or sits under an owned action.
    private mutating func checkboxItem(_ index: Int) {
        let block = blocks[index]
        // `[x] **PR**: … - @author` is an agenda entry.
        if let lead = block.leadingEmphasis, OwnerParser.ownerList(lead.trimming(": ")) == nil { return }
        let own = OwnerParser.find(in: block.text, lenient: false)
        if !own.owners.isEmpty {
            add(index, text: block.text, lenient: false)
        } else if let parent = block.parent, isAction[parent], !ownersOf[parent].isEmpty {
            add(index, text: block.text, lenient: false, inherited: ownersOf[parent])
        }
    }

    /// The lines of a paragraph in an action section: one action per line that starts one, wrapped lines joined.
    private mutating func lineGroup(_ index: Int) {
        let group = blocks[index].group
        guard !doneGroups.contains(group) else { return }
        doneGroups.insert(group)
        if !byLabel[index], let section = context.sectionOfBlock[index], sectionsWithLists.contains(section) {
            return
        }
        var members: [Int] = []
        var next = index
        while next < blocks.count, blocks[next].group == group, blocks[next].kind == .line {
            let text = blocks[next].text
            if inScope[next], ActionMarker.match(text) == nil, !isHeader[next], !Self.isNothing(text),
                !Self.isLabelLine(text)
            {
                members.append(next)
            }
            next += 1
        }
        var runs: [[Int]] = []
        for member in members {
            let text = blocks[member].text
            let startsAction = !OwnerParser.find(in: text, lenient: false).owners.isEmpty
            let previousEnded = runs.last.map { isSentenceStop(blocks[$0.last ?? member].text.last ?? ".") } ?? true
            if runs.isEmpty || startsAction || (previousEnded && text.first?.isUppercase == true) {
                runs.append([member])
            } else {
                runs[runs.count - 1].append(member)
            }
        }
        for run in runs {
            guard let first = run.first, let last = run.last else { continue }
            let text = run.map { blocks[$0].text }.joined(separator: " ")
            if shared[first], OwnerParser.find(in: text, lenient: true).owners.isEmpty { continue }
            add(
                first,
                text: text,
                lenient: true,
                lines: blocks[first].lines.lowerBound...blocks[last].lines.upperBound
            )
        }
    }

    /// A row of a table with an action column, or of any table under an action heading.
    private mutating func tableRow(_ index: Int) {
        let row = blocks[index]
        let header = headerKeys.keys(of: row.header)
        guard !header.isEmpty else { return }
        let strong = header.indices.filter { Self.actionColumns.contains(header[$0]) }
        let weak = header.indices.filter { Self.weakColumns.contains(header[$0]) }
        let ownerColumn = header.firstIndex { Self.ownerColumns.contains($0) }
        let dueColumn = header.firstIndex { Self.dueColumns.contains($0) }
        // The section's title, normalised once for the context.
        let underHeading = context.sectionOfBlock[index].map {
            ActionMarker.isActionHeading(key: context.sectionKeys[$0], vocabulary: context.options.vocabulary)
        }
        func cell(_ column: Int) -> String { column < row.cells.count ? row.cells[column] : "" }
        // `Action Item | Description`: the action column may only hold ids, so the description competes.
        var textColumns = strong.isEmpty ? [] : strong + weak
        if textColumns.isEmpty, ownerColumn != nil || dueColumn != nil { textColumns = weak }
        if textColumns.isEmpty, underHeading == true {
            textColumns = header.indices.filter { $0 != ownerColumn && $0 != dueColumn }
        }
        guard let textColumn = textColumns.max(by: { cell($0).count < cell($1).count }) else { return }
        var (tag, text) = Self.splitTag(cell(textColumn))
        if tag == nil {
            tag = textColumns.filter { $0 != textColumn }.map { cell($0).trimming("*_ ") }.first { !$0.isEmpty }
        }
        guard !text.isEmpty, !text.allSatisfy({ "-–—_ ".contains($0) }) else { return }
        var owners: [String] = []
        if let ownerColumn {
            let names = cell(ownerColumn)
            owners = OwnerParser.ownerList(names) ?? Self.plainList(names)
        }
        var due: DueDates.Found?
        if let dueColumn {
            due = DueDates.cell(cell(dueColumn), reference: context.meetingDate, dayFirst: context.options.dayFirst)
        }
        add(
            index,
            text: text,
            markerOwners: owners,
            lenient: true,
            fromTable: true,
            tag: tag,
            due: due,
            ownerFromText: ownerColumn == nil
        )
    }

    // MARK: - Recording

    private mutating func add(
        _ index: Int,
        text rawText: String,
        markerOwners: [String] = [],
        lenient: Bool,
        inherited: [String] = [],
        lines: ClosedRange<Int>? = nil,
        fromTable: Bool = false,
        tag givenTag: String? = nil,
        due givenDue: DueDates.Found? = nil,
        ownerFromText: Bool = true
    ) {
        var (tag, text) = fromTable ? (givenTag, rawText) : Self.splitTag(rawText)
        if tag == nil { tag = givenTag }
        var owners = markerOwners
        if owners.isEmpty, ownerFromText {
            let found = OwnerParser.find(in: text, lenient: lenient)
            owners = found.owners
            text = found.text
        }
        if owners.isEmpty { owners = inherited }
        guard !text.isEmpty else { return }
        var due =
            givenDue
            ?? DueDates.find(in: text, reference: context.meetingDate, dayFirst: context.options.dayFirst)
        // `- Owner: Bob` and `- Due: 3 May` sub-items say who and when.
        if blocks[index].kind == .item {
            for child in children(of: index) {
                let detail = blocks[child].text
                guard let colon = detail.firstIndex(of: ":") else { continue }
                let label = detail[..<colon].lowercased().trimming(" *_")
                let value = detail[detail.index(after: colon)...].trimming(" ")
                if owners.isEmpty, Self.ownerColumns.contains(label) {
                    owners = OwnerParser.ownerList(value) ?? Self.plainList(value)
                } else if due == nil, Self.dueColumns.contains(label) {
                    due = DueDates.cell(value, reference: context.meetingDate, dayFirst: context.options.dayFirst)
                }
            }
        }
        candidates.append(
            Candidate(
                block: index,
                text: text,
                owners: owners,
                due: due,
                lines: lines ?? blocks[index].lines,
                fromTable: fromTable,
                tag: tag
            )
        )
        isAction[index] = true
        ownersOf[index] = owners
    }

    private mutating func finish() -> Extracted<Action> {
        var kept: [Candidate] = []
        kept.reserveCapacity(candidates.count)
        // Indices in `kept` of table rows and of the rest: a repeat is only looked for on the other side.
        var keptRows: [Int] = []
        var keptOthers: [Int] = []
        for candidate in candidates {
            let others = candidate.fromTable ? keptOthers : keptRows
            if let twin = others.first(where: { Self.isRepeat(kept[$0], candidate) }) {
                if kept[twin].due == nil { kept[twin].due = candidate.due }
                continue
            }
            if candidate.fromTable { keptRows.append(kept.count) } else { keptOthers.append(kept.count) }
            kept.append(candidate)
        }
        var actions: [Action] = []
        actions.reserveCapacity(kept.count)
        for (offset, candidate) in kept.enumerated() {
            actions.append(
                Action(
                    id: "a" + String(offset + 1),
                    text: candidate.text,
                    owners: candidate.owners,
                    due: candidate.due?.date?.description,
                    dueText: candidate.due?.text,
                    section: context.sectionID(ofBlock: candidate.block),
                    lines: LineSpan(candidate.lines)
                )
            )
            if candidate.owners.isEmpty {
                diagnostics.append(context.warning("action has no owner", line: candidate.lines.lowerBound))
            }
        }
        return Extracted(records: actions, diagnostics: diagnostics)
    }

    // MARK: - Helpers

    /// The lines that continue the marked line `index` when the note is hard-wrapped: the next lines of its
    /// paragraph while they start in lower case, or follow a long line that does not end a sentence, and start no
    /// marker or speaker label of their own.
    static func continuation(of index: Int, in blocks: [OutlineBlock]) -> [Int] {
        guard blocks[index].kind == .line else { return [] }
        var found: [Int] = []
        var previous = blocks[index].text
        var next = index + 1
        while next < blocks.count, found.count < 6, blocks[next].kind == .line,
            blocks[next].group == blocks[index].group
        {
            let text = blocks[next].text
            guard let first = text.first, ActionMarker.match(text) == nil, DecisionMarker.leading(text) == nil,
                !DecisionMarker.isBareOutcome(text), OwnerParser.label(of: text) == nil
            else { break }
            // `4.3 Volunteers are needed …`: a minute number opens a new minute.
            let number = text.prefix { $0.isNumber || $0 == "." }
            if number.contains("."), number.first?.isNumber == true, text.dropFirst(number.count).hasPrefix(" ") {
                break
            }
            let startsLow = first.isLowercase || first.isNumber || "([".contains(first)
            let mark = previous.last ?? "."
            let wrapped = ActionMarker.holdsAtLeast(50, charactersIn: previous) && !endsSentenceOrLabel(mark)
            guard startsLow || wrapped else { break }
            found.append(next)
            previous = text
            next += 1
        }
        return found
    }

    /// Whether `later` repeats `earlier` across a summary table and the body: the same id, or the shorter text's
    /// words nearly all in the other and the same owners.
    static func isRepeat(_ earlier: Candidate, _ later: Candidate) -> Bool {
        guard earlier.fromTable != later.fromTable else { return false }
        if let tag = earlier.tag, tag == later.tag { return true }
        return sameOwners(earlier.owners, later.owners) && overlap(earlier.text, later.text) >= 0.7
    }

    /// Whether two owner lists name the same people, a first name matching a full name (`Sean`, `Sean O'Rourke`).
    static func sameOwners(_ first: [String], _ second: [String]) -> Bool {
        guard first.count == second.count else { return false }
        func tokens(_ owner: String) -> Set<Substring> { Set(owner.lowercased().split(separator: " ")) }
        return first.allSatisfy { owner in
            let mine = tokens(owner)
            return second.contains { other in
                let theirs = tokens(other)
                return mine.isSubset(of: theirs) || theirs.isSubset(of: mine)
            }
        }
    }

    /// The share of the shorter text's words found in the other.
    static func overlap(_ first: String, _ second: String) -> Double {
        func words(_ text: String) -> Set<String> {
            Set(text.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init))
        }
        let a = words(first)
        let b = words(second)
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        return Double(a.intersection(b).count) / Double(min(a.count, b.count))
    }

    /// `103.1—Text` and `**103.1** | …`: the id and the text without it.
    static func splitTag(_ text: String) -> (tag: String?, text: String) {
        // Text opening with an ASCII character other than a digit, `.` or CR, before another ASCII byte (so the first
        // character is that byte alone), opens with no number and is no number: most text, settled on two bytes.
        var bytes = text.utf8.makeIterator()
        if let first = bytes.next(), first < 0x80, first != 0x0D, first != UInt8(ascii: "."),
            !PeopleBytes.isDigit(first), (bytes.next() ?? 0) < 0x80
        {
            return (nil, text)
        }
        return splitTagByCharacters(text)
    }

    /// ``splitTag(_:)`` read by characters, for any text.
    static func splitTagByCharacters(_ text: String) -> (tag: String?, text: String) {
        let digits = text.prefix { $0.isNumber || $0 == "." }
        guard digits.contains("."), digits.first?.isNumber == true, digits.count < text.count else {
            if !text.isEmpty, text.allSatisfy({ $0.isNumber || $0 == "." }) { return (text, "") }
            return (nil, text)
        }
        let rest = text.dropFirst(digits.count)
        guard let first = rest.first, "—–-:) ".contains(first) else { return (nil, text) }
        return (digits.trimming("."), rest.trimming(" —–-:)"))
    }

    /// `Noor Aziz; Callum Reid` read leniently when the owner cell is not a clean list.
    static func plainList(_ text: String) -> [String] {
        text.split(whereSeparator: { ",;/&+".contains($0) }).map { $0.trimming(" ") }.filter { !$0.isEmpty }
    }

    /// `None`, `N/A`, `No actions`: nothing to do.
    static func isNothing(_ text: String) -> Bool {
        // In plain ASCII the key opens with the first byte the trimming keeps: every word below opens with `n` or
        // `t`, so another byte there rules them out.
        if TextSearch.isPlainASCII(text), let lead = text.utf8.first(where: { !nothingTrims.contains($0) }),
            !nothingLeads.contains(lead)
        {
            return false
        }
        return isNothingByCharacters(text)
    }

    /// The ASCII characters ``isNothing(_:)`` trims, and the bytes its words open with in any case.
    private static let nothingTrims = TextSearch.ByteSet(" .!-")
    private static let nothingLeads = TextSearch.ByteSet("nNtT")

    /// ``isNothing(_:)`` without the first look at the bytes.
    static func isNothingByCharacters(_ text: String) -> Bool {
        let key = text.lowercased().trimming(" .!-–—")
        if ["none", "n/a", "na", "nil", "nothing", "tbd", "tbc", "-"].contains(key) || key.isEmpty { return true }
        return [
            "none ", "none.", "none,", "nothing ", "no action", "no new action", "no decision", "no new decision",
            "no outstanding",
        ]
        .contains { key.hasPrefix($0) }
    }

    /// A label line (`Next meeting: 3 May`, `The following actions were agreed:`) that is not an action.
    static func isLabelLine(_ text: String) -> Bool {
        let lower = text.lowercased()
        if text.hasSuffix(":") { return true }
        return ["next meeting", "date of next meeting", "meeting closed", "meeting ended", "close", "adjourn"].contains
        {
            lower.hasPrefix($0)
        }
    }

    static let actionColumns: Set<String> = [
        "action", "actions", "action item", "action items", "task", "tasks", "todo", "to do", "action point",
        "action points", "action required", "actions required", "follow-up", "follow up", "next step", "next steps",
    ]
    static let weakColumns: Set<String> = ["what", "description", "item", "items", "details", "activity"]
    static let ownerColumns: Set<String> = [
        "owner", "owners", "who", "responsible", "assigned to", "assignee", "assignees", "lead", "person", "by whom",
        "action by", "action owner", "responsibility", "responsible person",
    ]
    static let dueColumns: Set<String> = [
        "due", "due date", "deadline", "when", "by when", "target date", "date due", "due by", "target", "timeline",
        "by", "date",
    ]
}

/// The cells of a table's header, each as ``ActionMarker/normalisedHeading(_:)`` gives it: kept for the header read
/// last, so that a run of rows under equal headers (the rows of a table) has them made once.
struct HeaderKeys {
    /// The header read last, and its keys.
    private var last: (header: [String], keys: [String])?

    /// The keys of `header`.
    mutating func keys(of header: [String]) -> [String] {
        if let last, last.header == header { return last.keys }
        let keys = header.map { ActionMarker.normalisedHeading($0) }
        last = (header, keys)
        return keys
    }
}
