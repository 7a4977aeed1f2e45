/// Walks a note's outline once and collects its decisions; ``DecisionExtractor`` is its public face.
struct DecisionFinder {
    /// A decision before ids are given.
    struct Candidate {
        var block: Int
        var text: String
        var lines: ClosedRange<Int>
    }

    let context: ExtractionContext
    let blocks: [OutlineBlock]
    /// Items and lines under a decision heading or label.
    var inScope: [Bool]
    var isLabel: [Bool]
    /// Whether a block, or the sentence it ends, holds a word of ``DecisionMarker/vocabulary``.
    let mayDecide: [Bool]
    var used: Set<Int> = []
    var doneGroups: Set<Int> = []
    /// Lines folded into the decision above them, by block: looked at for each block.
    var folded: [Bool]
    var candidates: [Candidate] = []
    var diagnostics: [Diagnostic] = []
    /// The normalised header of the table rows read last.
    var headerKeys = HeaderKeys()

    init(context: ExtractionContext) {
        self.context = context
        blocks = context.blocks
        inScope = Array(repeating: false, count: blocks.count)
        isLabel = Array(repeating: false, count: blocks.count)
        folded = Array(repeating: false, count: blocks.count)
        // Configured markers may be any words: with them, every block is read closely.
        mayDecide =
            context.options.vocabulary.decisionMarkers.isEmpty
            ? Self.vocabularyFlags(blocks, cues: context.blockCues) : Array(repeating: true, count: blocks.count)
        markScope()
    }

    /// For each block, whether it or the unfinished sentence of the paragraph lines before it holds a decision word.
    private static func vocabularyFlags(_ blocks: [OutlineBlock], cues: [UInt8]) -> [Bool] {
        var flags: [Bool] = []
        flags.reserveCapacity(blocks.count)
        // Blocks are read in place by index: a copy of each would cost more than the look.
        for index in blocks.indices {
            // Only lines and items are looked at closely (headings and rows are read apart), and only these flags
            // are read.
            guard blocks[index].kind == .line || blocks[index].kind == .item else {
                flags.append(false)
                continue
            }
            // The context looked for the words in every line and item.
            var flag = cues[index] & BlockCue.decision != 0
            if !flag, blocks[index].kind == .line, index > 0, blocks[index - 1].kind == .line,
                blocks[index - 1].group == blocks[index].group, flags[index - 1]
            {
                flag = !isSentenceStop(DecisionMarker.lastBesideMarks(blocks[index - 1].text) ?? ".")
            }
            flags.append(flag)
        }
        return flags
    }

    private mutating func markScope() {
        let keys = context.sectionKeys
        // Taken out of the context once, not once a block.
        let vocabulary = context.options.vocabulary
        let sectionOfBlock = context.sectionOfBlock
        let decisionSection = keys.map { DecisionMarker.isDecisionHeading(key: $0, vocabulary: vocabulary) }
        let sharedSection = context.isCombinedSection
        for index in blocks.indices where blocks[index].kind == .line || blocks[index].kind == .item {
            guard let section = sectionOfBlock[index] else { continue }
            if decisionSection[section] {
                inScope[index] = true
            } else if sharedSection[section], OwnerParser.find(in: blocks[index].text, lenient: true).owners.isEmpty {
                // Under `Decisions and actions`, what nobody owns is a decision.
                inScope[index] = true
            }
        }
        for index in blocks.indices
        where context.mayBeLabel(index)
            && DecisionMarker.isDecisionLabel(
                kind: blocks[index].kind,
                isEmphasised: blocks[index].isEmphasised,
                text: blocks[index].text,
                vocabulary: vocabulary
            )
        {
            isLabel[index] = true
            var next = index + 1
            if blocks[index].kind == .item {
                while next < blocks.count, blocks.isNested(next, under: index) {
                    inScope[next] = true
                    next += 1
                }
            } else if next < blocks.count, blocks[next].kind == .item {
                let group = blocks[next].group
                while next < blocks.count,
                    blocks[next].group == group || blocks[next].parent.map({ inScope[$0] }) == true
                {
                    inScope[next] = true
                    next += 1
                }
            }
        }
    }

    mutating func run() -> Extracted<Decision> {
        for index in blocks.indices where !isLabel[index] && !folded[index] {
            guard !blocks[index].text.isEmpty else { continue }
            if blocks[index].kind == .tableRow {
                tableRow(index)
                continue
            }
            if blocks[index].isHeading {
                let extra = context.options.vocabulary.decisionMarkers
                if let marker = DecisionMarker.leading(blocks[index].text, extra: extra), !marker.text.isEmpty {
                    add(index, text: marker.text)
                }
                continue
            }
            look(at: index)
        }
        return finish()
    }

    private mutating func look(at index: Int) {
        guard inScope[index] || mayDecide[index] else { return }
        // The block is read in place: a copy of it would cost more than most looks.
        let lines = blocks[index].lines
        var text = blocks[index].text
        var actionMarked = false
        let vocabulary = context.options.vocabulary
        let holdsInlineWords = context.blockCues[index] & BlockCue.action != 0
        if let action = ActionMarker.match(text, extra: vocabulary.actionMarkers, holdsInlineWords: holdsInlineWords),
            !action.text.isEmpty
        {
            text = action.text
            actionMarked = true
        }
        // The words the checks below look for first, found in one pass; the block's own text, which its first look
        // found no decision word in, holds none of them (a marked action's text is a new string, looked through).
        let holdsDecisionWord = actionMarked || context.blockCues[index] & BlockCue.decision != 0
        let cues = DecisionMarker.LineCues(text, holdsDecisionWord: holdsDecisionWord)
        let leading = DecisionMarker.leading(text, extra: vocabulary.decisionMarkers)
        let resolution = leading == nil ? DecisionMarker.midSentenceResolution(text, cues: cues) : nil
        if let marker = leading ?? resolution.map({ DecisionMarker.Match(text: $0) }) {
            if marker.text.isEmpty {
                if !(index + 1 < blocks.count && inScope[index + 1]) {
                    diagnostics.append(
                        context.warning("decision marker without a decision", line: lines.lowerBound)
                    )
                }
            } else if marker.text.trimming(" .!") == "+1" {
                // `Decision: +1`: a show of support for the proposal above; nothing new when that is already a
                // decision (`- Use Postgres (+1, decision made)` / `- Decision: +1`).
                let previous = index - 1
                if blocks[index].kind == .item, previous >= 0, blocks[previous].kind == .item,
                    blocks[previous].group == blocks[index].group
                {
                    if !used.contains(previous) {
                        add(index, text: Self.trimEnd(blocks[previous].text, ".:; ") + ": +1", from: previous)
                    }
                } else {
                    joinProposal(index)
                }
            } else if DecisionMarker.isOutcome(marker.text) {
                motion(index)
            } else if DecisionMarker.isProcedural(marker.text) {
                joinProposal(index)
            } else {
                let more = ActionFinder.continuation(of: index, in: blocks)
                for line in more { folded[line] = true }
                let text = ([marker.text] + more.map { blocks[$0].text }).joined(separator: " ")
                let last = more.last.map { blocks[$0].lines.upperBound } ?? lines.upperBound
                add(index, text: text, lines: lines.lowerBound...last)
            }
            return
        }
        if DecisionMarker.isConsensus(text) {
            let more = actionMarked ? [] : ActionFinder.continuation(of: index, in: blocks)
            for line in more { folded[line] = true }
            let joined = ([text] + more.map { blocks[$0].text }).joined(separator: " ")
            let last = more.last.map { blocks[$0].lines.upperBound } ?? lines.upperBound
            add(index, text: joined, lines: lines.lowerBound...last)
            return
        }
        guard !actionMarked else { return }
        if let made = DecisionMarker.decisionMade(text, cues: cues) {
            // `Use Postgres (+1, decision made)`: what stands beside the marker is the decision.
            if made.isEmpty || DecisionMarker.isBareOutcome(made) {
                joinProposal(index)
            } else {
                add(index, text: made)
            }
            return
        }
        // The text's last sentence, read once for the looks below at a line that ends a sentence.
        let endsSentence = endsParagraphSentence(index)
        // Each outcome those looks find in the last sentence holds a word of the cues' motion results or bare outcomes
        // there, so in the text: a text with neither has no sentence worth cutting out.
        let motionResult = cues.has(DecisionMarker.LineCues.motionResult)
        let mayEndWithOutcome = motionResult || cues.has(DecisionMarker.LineCues.bareOutcome)
        let last = endsSentence && mayEndWithOutcome ? DecisionMarker.lastSentence(text) : nil
        if (motionResult && !isWrapped(index, text) && DecisionMarker.isMotionOutcome(text, cues: cues))
            || DecisionMarker.statesMotionResult(text, cues: cues)
            || (endsSentence && motionResult && DecisionMarker.endsWithMotionOutcome(last: last))
        {
            let title = Self.opensMotion(text) ? nil : motionTitle(before: index)
            if Self.opensMotion(text) {
                add(index, text: text)
            } else if let (title, titleText) = title {
                // An outcome already recorded above (`Resolution: Rejected.` … `This motion was rejected because …`).
                guard !used.contains(title) else { return }
                add(index, text: Self.trimEnd(titleText, ".:; ") + ". " + text, from: title)
            } else if !DecisionMarker.isMotionOutcome(text, cues: cues), !DecisionMarker.endsWithMotionOutcome(text) {
                // `… the motion was defeated …` in prose counts only under a motion it can be joined to.
            } else if DecisionMarker.isBareOutcome(text, cues: cues) {
                joinProposal(index)
            } else {
                add(index, text: text)
            }
            return
        }
        if cues.has(DecisionMarker.LineCues.bareOutcome), !isWrapped(index, text),
            DecisionMarker.isBareOutcome(text, cues: cues)
        {
            joinProposal(index)
            return
        }
        // A result stated first holds a decision word (`Approved`, or the second word of `Vote passed`).
        if (holdsDecisionWord && DecisionMarker.startsWithResult(text))
            || DecisionMarker.endsWithResult(text, cues: cues)
            || (endsSentence && paragraphEndsWithOutcome(upTo: index, last, holdsOutcomeWord: mayEndWithOutcome))
        {
            add(index, text: text)
            return
        }
        guard inScope[index], !used.contains(index), !ActionFinder.isNothing(text), !ActionFinder.isLabelLine(text)
        else { return }
        if let parent = blocks[index].parent, inScope[parent] { return }
        if blocks[index].kind == .item {
            add(index, text: text)
        } else if blocks[index].parent == nil {
            lineGroup(index)
        }
    }

    /// A row of a table with a decision column (`Decision Item | Description`).
    private mutating func tableRow(_ index: Int) {
        let row = blocks[index]
        let header = headerKeys.keys(of: row.header)
        guard header.contains(where: { Self.decisionColumns.contains($0) }) else { return }
        let columns = header.indices.filter {
            Self.decisionColumns.contains(header[$0]) || ActionFinder.weakColumns.contains(header[$0])
        }
        func cell(_ column: Int) -> String { column < row.cells.count ? row.cells[column] : "" }
        guard let column = columns.max(by: { cell($0).count < cell($1).count }) else { return }
        let text = ActionFinder.splitTag(cell(column)).text
        guard !text.isEmpty, !text.allSatisfy({ "-–—_ ".contains($0) }) else { return }
        add(index, text: text)
    }

    private static let decisionColumns: Set<String> = [
        "decision", "decisions", "decision item", "decision items", "resolution", "resolutions", "outcome", "agreed",
    ]

    /// `Resolution: Passed.` under `Text: Approve …`: the motion joined to its outcome.
    private mutating func motion(_ index: Int) {
        let block = blocks[index]
        var title: Int?
        var titleText: String?
        var look = index - 1
        while look >= 0 {
            let candidate = blocks[look]
            if candidate.isHeading {
                if title == nil {
                    title = look
                    titleText = candidate.text
                }
                break
            }
            let lower = candidate.text.lowercased()
            if let prefix = Self.motionLabels.first(where: { lower.hasPrefix($0) }) {
                title = look
                titleText = String(candidate.text.dropFirst(prefix.count)).trimming(" :-–—")
                break
            }
            if title == nil, !Self.isMetadataLabel(candidate.text) {
                title = look
                titleText = candidate.text
            }
            look -= 1
        }
        guard let title, let titleText, !titleText.isEmpty else {
            add(index, text: block.text)
            return
        }
        let joined = Self.trimEnd(titleText, ".:; ") + ". " + block.text
        add(index, text: joined, from: title)
    }

    /// Whether a line of a paragraph ends a sentence there: it ends with `.`, `!` or `?`, or is the paragraph's last.
    private func endsParagraphSentence(_ index: Int) -> Bool {
        guard blocks[index].kind == .line, index + 1 < blocks.count, blocks[index + 1].kind == .line,
            blocks[index + 1].group == blocks[index].group
        else { return true }
        return isSentenceStop(DecisionMarker.lastBesideMarks(blocks[index].text) ?? ".")
    }

    /// Whether block `index`, whose text is `text`, is a wrapped line that goes on with a sentence begun above it.
    ///
    /// `… on the partnership` / `agreement.`: a wrapped line ending a sentence is not an outcome of its own. Asked
    /// only when the cues leave room for the outcome looks it guards, which most lines lack.
    private func isWrapped(_ index: Int, _ text: String) -> Bool {
        !startsParagraphSentence(index) && text.first?.isLowercase == true
    }

    /// Whether a line starts a sentence: it opens its paragraph, or the line before ends with `.`, `!`, `?` or `:`.
    private func startsParagraphSentence(_ index: Int) -> Bool {
        guard blocks[index].kind == .line, index > 0, blocks[index - 1].kind == .line,
            blocks[index - 1].group == blocks[index].group
        else { return true }
        let mark = DecisionMarker.lastBesideMarks(blocks[index - 1].text) ?? "."
        return endsSentenceOrLabel(mark)
    }

    /// Whether the paragraph up to `index` ends with an outcome sentence.
    ///
    /// ``DecisionMarker/endsWithOutcomeSentence(last:)`` of the ``DecisionMarker/lastSentence(_:)`` of
    /// ``paragraphText(from:upTo:)``, or of `last`, that of the block's own text, when the paragraph up to it is that
    /// block alone. `holdsOutcomeWord` says whether the block's text holds one of
    /// ``DecisionMarker/outcomeSentenceWords``: those hold no space, so one in the joined paragraph stands in one of
    /// its blocks, and a paragraph with none is not joined.
    private func paragraphEndsWithOutcome(
        upTo index: Int,
        _ last: (before: Substring, sentence: String)?,
        holdsOutcomeWord: Bool
    ) -> Bool {
        let start = paragraphStart(upTo: index)
        if start == index { return DecisionMarker.endsWithOutcomeSentence(last: last) }
        guard
            holdsOutcomeWord
                || (start..<index).contains(where: {
                    // Each outcome word holds a decision word, which the line's first look found or not.
                    context.blockCues[$0] & BlockCue.decision != 0
                        && DecisionMarker.outcomeSentenceWords.occurs(in: blocks[$0].text)
                })
        else { return false }
        let paragraphLast = DecisionMarker.lastSentence(paragraphText(from: start, upTo: index))
        return DecisionMarker.endsWithOutcomeSentence(last: paragraphLast)
    }

    /// The paragraph's lines from `start` (its ``paragraphStart(upTo:)``) up to and including `index`, joined, so a
    /// sentence is judged whole.
    private func paragraphText(from start: Int, upTo index: Int) -> String {
        // One string made as long as it will be, each line appended in place: no array of the lines' texts to join.
        var length = index - start
        for line in start...index { length += blocks[line].text.utf8.count }
        var text = ""
        text.reserveCapacity(length)
        for line in start...index {
            if line > start { text += " " }
            text += blocks[line].text
        }
        return text
    }

    /// The first block of ``paragraphText(from:upTo:)``: the first line of the sentence run that `index` ends, or the
    /// block itself when it is not a line.
    private func paragraphStart(upTo index: Int) -> Int {
        guard blocks[index].kind == .line else { return index }
        let group = blocks[index].group
        var first = index
        while first > 0, blocks[first - 1].kind == .line, blocks[first - 1].group == group,
            !isSentenceStop(DecisionMarker.lastBesideMarks(blocks[first - 1].text) ?? ".")
        {
            first -= 1
        }
        return first
    }

    /// `Motion by A, seconded by B, to …`, `Moved that …`: a line that states a motion.
    private static func opensMotion(_ text: String) -> Bool {
        let lower = text.lowercased()
        return motionOpeners.contains { lower.hasPrefix($0) }
    }

    private static let motionOpeners = [
        "motion by ", "motion from ", "moved by ", "it was moved", "moved that ", "moved to ", "motion:", "motion to ",
        "proposal:", "proposal to ", "proposed:", "proposed that ", "motion that ",
    ]

    /// The motion an outcome line answers: the `Motion by …` / `Moved …` / `Proposal …` line above it, past lines
    /// about the motion (`Proposed by A, seconded by B.`), or else the heading, without a `Motion 1:` label.
    private func motionTitle(before index: Int) -> (Int, String)? {
        var look = index - 1
        while look >= 0 {
            let candidate = blocks[look]
            let text = candidate.text
            if candidate.isHeading {
                var title = Substring(text)
                if let colon = title.firstIndex(where: { ":–—".contains($0) }),
                    let first = title[..<colon].split(separator: " ").first,
                    ["motion", "proposal", "resolution", "item"].contains(first.lowercased())
                {
                    title = title[title.index(after: colon)...]
                }
                let trimmed = title.trimming(" -")
                return trimmed.isEmpty ? nil : (look, trimmed)
            }
            if Self.opensMotion(text) || used.contains(look) { return (look, text) }
            guard Self.isMetadataLabel(text) || text.lowercased().hasPrefix("proposed by") else { return nil }
            look -= 1
        }
        return nil
    }

    /// `Agreement in the room` under a proposal: the proposal joined to the outcome.
    private mutating func joinProposal(_ index: Int) {
        let block = blocks[index]
        guard let proposal = proposal(for: index) else { return }
        var outcome = block.text.trimming("[]() ")
        if let first = outcome.first { outcome = first.lowercased() + outcome.dropFirst() }
        let text = Self.trimEnd(blocks[proposal].text, ".:; ") + ": " + outcome
        add(index, text: text, from: proposal)
    }

    /// The block holding the proposal an outcome line answers: the parent item, the nearest less indented block,
    /// the line before an unindented line, or the heading above.
    private func proposal(for index: Int) -> Int? {
        let block = blocks[index]
        if let parent = block.parent { return parent }
        var look = index - 1
        while look >= 0 {
            let candidate = blocks[look]
            if candidate.isHeading { return look }
            // A sibling item that states a proposal: `- Proposal: raise fees` … `- Agreed.`
            if block.kind == .item, candidate.kind == .item, candidate.group == block.group,
                Self.proposalWords.contains(where: { candidate.text.lowercased().hasPrefix($0) })
            {
                return look
            }
            if block.kind == .line, block.column <= 1 { return look }
            if candidate.column < block.column { return look }
            look -= 1
        }
        return nil
    }

    /// The lines of a paragraph in a decision section: one decision per sentence-ending line run.
    private mutating func lineGroup(_ index: Int) {
        let group = blocks[index].group
        guard !doneGroups.contains(group) else { return }
        doneGroups.insert(group)
        var runs: [[Int]] = []
        var next = index
        while next < blocks.count, blocks[next].group == group, blocks[next].kind == .line {
            let text = blocks[next].text
            defer { next += 1 }
            guard inScope[next], !isLabel[next], !ActionFinder.isNothing(text), !ActionFinder.isLabelLine(text),
                ActionMarker.match(text) == nil
            else { continue }
            let previousEnded = runs.last.map { isSentenceStop(blocks[$0.last ?? next].text.last ?? ".") } ?? true
            if runs.isEmpty || (previousEnded && text.first?.isUppercase == true) {
                runs.append([next])
            } else {
                runs[runs.count - 1].append(next)
            }
        }
        for run in runs {
            guard let first = run.first, let last = run.last else { continue }
            let text = run.map { blocks[$0].text }.joined(separator: " ")
            let stripped = DecisionMarker.leading(text).map(\.text) ?? text
            add(first, text: stripped, lines: blocks[first].lines.lowerBound...blocks[last].lines.upperBound)
        }
    }

    private mutating func add(_ index: Int, text: String, from first: Int? = nil, lines: ClosedRange<Int>? = nil) {
        let text = Self.withoutMinuteNumber(text)
        guard !used.contains(index), !text.isEmpty else { return }
        used.insert(index)
        var span = lines ?? blocks[index].lines
        if let first {
            span =
                min(
                    span.lowerBound,
                    blocks[first].lines.lowerBound
                )...max(span.upperBound, blocks[first].lines.upperBound)
        }
        candidates.append(Candidate(block: index, text: text, lines: span))
    }

    private func finish() -> Extracted<Decision> {
        let decisions = candidates.enumerated().map { offset, candidate in
            Decision(
                id: "d" + String(offset + 1),
                text: candidate.text,
                section: context.sectionID(ofBlock: candidate.block),
                lines: LineSpan(candidate.lines)
            )
        }
        return Extracted(records: decisions, diagnostics: diagnostics)
    }

    private static let proposalWords = ["proposal", "proposed", "propose", "motion", "suggestion", "poll"]

    private static let motionLabels = [
        "text:", "motion:", "motion text:", "proposal:", "proposed:", "title:", "subject:", "moved:", "motion to ",
        "proposal to ",
    ]

    /// `Presenter: Ann`, `Seconded: Bob`: lines about a motion that do not state it.
    private static func isMetadataLabel(_ text: String) -> Bool {
        let lower = text.lowercased()
        return [
            "presenter", "presented by", "proposer", "proposed by", "moved by", "seconded", "seconded by",
            "seconder", "details", "background", "summary", "vote", "votes", "for", "against", "abstain", "abstentions",
            "action", "action item", "action items", "discussion", "notes",
        ]
        .contains { lower.hasPrefix($0 + ":") || lower.hasPrefix($0 + " ") }
    }

    /// `3.2 The committee voted …` → `The committee voted …`: a leading minute number dropped.
    static func withoutMinuteNumber(_ text: String) -> String {
        let number = text.prefix { $0.isNumber || $0 == "." }
        guard number.contains("."), number.first?.isNumber == true, number.filter({ $0 == "." }).count <= 3 else {
            return text
        }
        let rest = text.dropFirst(number.count)
        guard rest.hasPrefix(" "), let next = rest.dropFirst().first, next.isUppercase else { return text }
        return String(rest.dropFirst())
    }

    private static func trimEnd(_ text: String, _ set: String) -> String {
        let end = text.lastIndex { !set.contains($0) }.map { text.index(after: $0) } ?? text.startIndex
        return String(text[..<end])
    }
}
