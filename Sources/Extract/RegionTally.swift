extension PersonBlockReader {
    /// The entries and stray lines of a people block, read one joined fragment at a time.
    struct RegionTally {
        /// What reading one fragment tells the caller.
        enum Outcome {
            /// Read on.
            case more
            /// The block ends before this fragment (a paragraph of non-people after a label).
            case stop
            /// A tentative block holds a line that is no person, so it is no people block.
            case reject
        }

        let mode: Mode
        var found: [(entry: PersonEntry, lines: ClosedRange<Int>, block: Int)] = []
        var problems: [Fragment] = []
        /// Whether reading stopped before the last fragment.
        private(set) var stopped = false
        /// The group of the fragment read last, read or not.
        private var lastGroup: Int?

        init(mode: Mode) { self.mode = mode }

        /// Reads `fragment`, the next after those read so far.
        mutating func take(_ fragment: Fragment) -> Outcome {
            let previousGroup = lastGroup
            lastGroup = fragment.group
            if PersonEntryParser.isNobody(fragment.text) || PersonEntryParser.isCount(fragment.text) { return .more }
            // Under a label line, `Ann Lee, Bob Roy` is two people; under a heading it may be `Name, Organisation`.
            let labelOnly: Bool
            if case .label(scoped: false) = mode { labelOnly = true } else { labelOnly = false }
            // Both readings below start from the text cleaned and split at its brackets.
            let cleaned = PersonEntryParser.Cleaned(fragment.text)
            if PersonEntryParser.looksLikeList(fragment.text, allowPairs: labelOnly, cleaned: cleaned) {
                let list = PersonEntryParser.parseList(fragment.text)
                found += list.entries.map { ($0, fragment.lines, fragment.block) }
                problems += list.failures.map {
                    Fragment(text: $0, lines: fragment.lines, kind: .line, group: 0, block: fragment.block)
                }
                return rejects ? .reject : .more
            }
            if let entry = PersonEntryParser.parse(
                fragment.text,
                allowLowercaseName: fragment.kind == .item,
                cleaned: cleaned
            ) {
                found.append((entry, fragment.lines, fragment.block))
                return .more
            }
            // Outside a people heading the block ends where a paragraph or list of non-people starts.
            if labelOnly, previousGroup != fragment.group {
                stopped = true
                return .stop
            }
            problems.append(fragment)
            return rejects ? .reject : .more
        }

        /// Whether the block is tentative and has a stray line, so that it lists nobody.
        private var rejects: Bool {
            guard case .tentative = mode else { return false }
            return !problems.isEmpty
        }
    }
}
