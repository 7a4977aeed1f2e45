/// A 1-based position in a note; `column` counts UTF-8 bytes, as cmark does.
public struct SourcePosition: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The 1-based line number.
    public var line: Int
    /// The 1-based column, counted in UTF-8 bytes.
    public var column: Int

    /// Creates a position from a 1-based line and a 1-based UTF-8 byte column.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// Orders positions by line, then by column.
    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    /// The position as `line:column`.
    public var description: String { "\(line):\(column)" }
}

/// A half-open range of source positions: the upper bound is the column just past the last byte.
public typealias SourceRange = Range<SourcePosition>

extension Range where Bound == SourcePosition {
    /// The lines this range covers, first and last inclusive.
    ///
    /// A range that ends at column 1 of a line does not cover that line.
    public var lines: ClosedRange<Int> {
        let last = upperBound.column > 1 ? upperBound.line : Swift.max(lowerBound.line, upperBound.line - 1)
        return lowerBound.line...Swift.max(lowerBound.line, last)
    }

    /// Creates the range covering whole lines `first...last`, with `width` bytes on the last line.
    public static func lines(_ first: Int, _ last: Int, lastLineWidth width: Int) -> SourceRange {
        SourcePosition(line: first, column: 1)..<SourcePosition(line: last, column: width + 1)
    }
}
