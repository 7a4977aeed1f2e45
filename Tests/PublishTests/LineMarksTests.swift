import Testing

@testable import Publish

/// ``NoteHTML/LineMarks`` finds by a binary search the mark a dictionary set in the same order finds by hashing: a
/// line's last mark, none for a line without one.
@Suite struct LineMarksTests {
    /// Marks in the order they are set, as a dictionary keeps them.
    static func dictionary(_ marks: [(line: Int, mark: NoteHTML.Mark)]) -> [Int: NoteHTML.Mark] {
        var dictionary: [Int: NoteHTML.Mark] = [:]
        for (line, mark) in marks { dictionary[line] = mark }
        return dictionary
    }

    /// Lists of marks with lines out of order, repeated with other kinds, next to each other, zero, negative, large.
    static let lists: [[(line: Int, mark: NoteHTML.Mark)]] = [
        [],
        [(5, .action)],
        [(5, .recommendation), (5, .decision), (5, .action)],
        [(5, .action), (5, .recommendation)],
        [(9, .decision), (2, .action), (9, .recommendation), (3, .action), (2, .decision), (4, .action)],
        [(0, .action), (-3, .decision), (1_000_000, .recommendation), (1, .action), (0, .decision)],
        (1...40).reversed().map { ($0 * 3 % 17, [NoteHTML.Mark.action, .decision, .recommendation][$0 % 3]) },
    ]

    @Test func findsWhatADictionarySetInOrderFinds() {
        var random = SplitMix(seed: 3)
        var lists = Self.lists
        for _ in 0..<200 {
            let count = Int(random.next() % 30)
            lists.append(
                (0..<count).map { _ in
                    (
                        Int(random.next() % 25),
                        [NoteHTML.Mark.action, .decision, .recommendation][Int(random.next() % 3)]
                    )
                }
            )
        }
        for marks in lists {
            let expected = Self.dictionary(marks)
            let sorted = NoteHTML.LineMarks(inOrder: marks)
            let fromDictionary = NoteHTML.LineMarks(expected)
            for line in [-4, -3, 1_000_000, 1_000_001] + Array(-1...30) {
                #expect(sorted[line] == expected[line], "\(marks) line \(line)")
                #expect(fromDictionary[line] == expected[line], "\(marks) line \(line)")
            }
        }
    }
}
