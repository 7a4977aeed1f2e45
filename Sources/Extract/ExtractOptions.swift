public import Ingest

/// Settings for extraction.
public struct ExtractOptions: Hashable, Sendable {
    /// Whether `03/04/2021` means 3 April (day first, the default) or March 4.
    public var dayFirst: Bool

    /// The words a configuration adds: headings, markers, roles and aliases.
    public var vocabulary: Vocabulary

    /// Creates options.
    public init(dayFirst: Bool = true, vocabulary: Vocabulary = Vocabulary()) {
        self.dayFirst = dayFirst
        self.vocabulary = vocabulary
    }

    /// The options a configuration gives; `monthFirst` (the command-line flag) wins over its date order.
    public init(configuration: Configuration, monthFirst: Bool = false) {
        self.init(
            dayFirst: !monthFirst && configuration.dates != .monthFirst,
            vocabulary: Vocabulary(configuration)
        )
    }

    /// A stable text naming every setting, so that a cache can tell records made under other settings apart.
    public var fingerprint: String {
        "dayFirst=\(dayFirst)"
    }
}

/// What every extractor reads: the note's outline, its sections, and the meeting's date once known.
public struct ExtractionContext: Sendable {
    /// The note's path, for diagnostics.
    public var path: String
    /// The ingested note.
    public var document: NoteDocument
    /// The note flattened into blocks.
    public var outline: NoteOutline {
        // Blocks added or edited by a caller are looked at again, so the finders never index past the cues.
        didSet { blockCues = BlockCue.read(outline.blocks) }
    }
    /// The settings in force.
    public var options: ExtractOptions
    /// The index of the block used as the title, if any.
    public var titleBlock: Int?
    /// The sections, once found.
    public var sections: [Section] {
        get { storedSections }
        set { setSections(newValue, parents: Self.parentIndices(of: newValue)) }
    }
    /// The value of ``sections``.
    private var storedSections: [Section] = []
    /// For each section, the index in ``sections`` of its parent, if any (kept in step with ``sections``).
    public private(set) var sectionParent: [Int?] = []
    /// For each section, its title as ``ActionMarker/normalisedHeading(_:)`` gives it (kept in step with
    /// ``sections``): the key the action and decision finders look headings up by.
    private(set) var sectionKeys: [String] = []
    /// For each section, whether its heading holds both decisions and actions
    /// (``ActionMarker/isCombinedHeading(key:)`` of its key), asked once for both finders.
    private(set) var isCombinedSection: [Bool] = []
    /// For each block, the index in ``sections`` of the innermost section holding it.
    public var sectionOfBlock: [Int?] = []
    /// For each section, the index of its heading block: in block order, as the sections are.
    public var headingBlock: [Int] = []
    /// The meeting date, once found; due dates are resolved against it.
    public var meetingDate: CalendarDate?
    /// For each block, its ``BlockCue`` bits: the lists a word of which its text holds, and a colon at its end (lines and
    /// items; 0 for the others).
    private(set) var blockCues: [UInt8]

    /// Creates a context for `document`.
    public init(document: NoteDocument, options: ExtractOptions) {
        self.path = document.source.path
        self.document = document
        self.outline = NoteOutline(document.root)
        self.blockCues = BlockCue.read(outline.blocks)
        self.options = options
        self.sectionOfBlock = Array(repeating: nil, count: outline.blocks.count)
    }

    /// The blocks.
    public var blocks: [OutlineBlock] { outline.blocks }

    /// Whether block `index` may be a label over a list (`Actions:`, `**Decisions**`).
    ///
    /// A label is emphasised or ends in a colon, as the first look told. The block's fields are read in place: a copy
    /// of it would cost more than the look.
    func mayBeLabel(_ index: Int) -> Bool {
        outline.blocks[index].isEmphasised || blockCues[index] & BlockCue.colonEnd != 0
    }

    /// Sets ``sections`` with `parents`, the ``parentIndices(of:)`` of `sections` already found.
    mutating func setSections(_ sections: [Section], parents: [Int?]) {
        storedSections = sections
        sectionParent = parents
        sectionKeys = sections.map { ActionMarker.normalisedHeading($0.title) }
        isCombinedSection = sectionKeys.map { ActionMarker.isCombinedHeading(key: $0) }
    }

    /// The `id` of the section holding block `index`.
    public func sectionID(ofBlock index: Int) -> String? {
        sectionOfBlock[index].map { sections[$0].id }
    }

    /// The titles of the sections holding block `index`, innermost first.
    public func sectionTitles(ofBlock index: Int) -> [String] {
        var titles: [String] = []
        var current = sectionOfBlock[index]
        while let section = current {
            titles.append(sections[section].title)
            current = sectionParent[section]
        }
        return titles
    }

    /// For each of `sections`, the index of the first section whose `id` is its parent: one pass, where a search
    /// per step up the outline made notes with many headings quadratic.
    static func parentIndices(of sections: [Section]) -> [Int?] {
        var indexOfID: [String: Int] = [:]
        indexOfID.reserveCapacity(sections.count)
        for (index, section) in sections.enumerated() where indexOfID[section.id] == nil {
            indexOfID[section.id] = index
        }
        return sections.map { $0.parent.flatMap { indexOfID[$0] } }
    }

    /// A warning at `line`.
    public func warning(_ message: String, line: Int) -> Diagnostic {
        Diagnostic(.warning, message, file: path, line: line)
    }
}

/// The first looks the finders take at every line and item, taken together in one pass over each text: which lists
/// of words it holds a word of, in any case, and whether it ends in a colon.
enum BlockCue {
    /// ``DecisionMarker/vocabularyWords``.
    static let decision: UInt8 = 1
    /// ``RecommendationCue/stemWords``.
    static let recommendation: UInt8 = 2
    /// ``ActionMarker/inlineWordList``.
    static let action: UInt8 = 4
    /// Not a list: the text ends in `:` before closing spaces, `*` and `_` (``ActionMarker/endsWithColon(_:)``), as
    /// the labels over lists of actions and decisions do.
    static let colonEnd: UInt8 = 8

    /// The three lists, in the order of their bits.
    static let vocabulary = TextSearch.Vocabulary(
        lists: [DecisionMarker.vocabularyWords, RecommendationCue.stemWords, ActionMarker.inlineWordList]
    )

    /// The cues of each of `blocks`: those of the text of each line and item, 0 for headings and table rows.
    static func read(_ blocks: [OutlineBlock]) -> [UInt8] {
        // Blocks are read in place by index: a copy of each would cost more than the look. (The vocabulary is
        // fetched once, not for each block.)
        let vocabulary = vocabulary
        return blocks.indices.map { index in
            switch blocks[index].kind {
            case .line, .item: cues(of: blocks[index].text, vocabulary: vocabulary)
            case .heading, .tableRow: 0
            }
        }
    }

    /// The cues of one text: the bytes are read in place once, for the words and for the last byte.
    static func cues(of text: String, vocabulary: TextSearch.Vocabulary) -> UInt8 {
        text.utf8.withContiguousStorageIfAvailable { bytes in
            vocabulary.matches(in: bytes) | (ActionMarker.endsWithColon(bytes: bytes) ? colonEnd : 0)
        } ?? vocabulary.matches(in: text) | (ActionMarker.endsWithColon(text) ? colonEnd : 0)
    }
}
