import Foundation

/// A fixed-size record that belongs to a group, such as a person's appearance or an owner's action.
protocol GroupedRecord: BitwiseCopyable {
    /// The number of its group.
    var groupKey: Int32 { get }
}

/// Records kept on disk in the order an overview shows them: by group, then newest meeting first, then in their
/// meeting's order; memory holds two numbers per group, none per record.
struct GroupedRecords<Record: GroupedRecord>: @unchecked Sendable {
    /// How many records there are.
    let count: Int
    /// For each group, where its records start.
    private let starts: [Int]
    private let counts: [Int32]
    private let file: SpillFile

    private static var stride: Int { MemoryLayout<Record>.stride }

    /// Places the records `meetings` point at in `source` (one run of records per meeting) in a scratch file in
    /// `scratch`: groups by `order`, meetings as `newestFirst` lists them; `counts` are each group's records.
    init(
        meetings: [SpillFile.Ref],
        in source: SpillFile,
        newestFirst: [Int],
        counts: [Int32],
        order: [Int32],
        scratch: URL
    ) throws {
        var starts = [Int](repeating: 0, count: counts.count)
        var next = 0
        for group in counts.indices.sorted(by: { order[$0] < order[$1] }) {
            starts[group] = next
            next += Int(counts[group])
        }
        // One pass over the meetings, newest first, puts each record in its place: no sort, no list in memory.
        let file = try SpillFile(in: scratch)
        var filled = starts
        for meeting in newestFirst {
            for record in try source.records(meetings[meeting], of: Record.self) {
                let group = Int(record.groupKey)
                try withUnsafeBytes(of: record) { try file.write($0, at: Int64(filled[group] * Self.stride)) }
                filled[group] += 1
            }
        }
        self.count = next
        self.starts = starts
        self.counts = counts
        self.file = file
    }

    /// The places of the records of `group`.
    func span(of group: Int32) -> Range<Int> {
        let start = starts[Int(group)]
        return start..<(start + Int(counts[Int(group)]))
    }

    /// The records at `places`.
    func records(_ places: Range<Int>) throws -> [Record] {
        guard !places.isEmpty else { return [] }
        let ref = SpillFile.Ref(
            offset: Int64(places.lowerBound * Self.stride),
            length: Int32(places.count * Self.stride)
        )
        return try file.records(ref, of: Record.self)
    }

    /// The first record of `group`: its newest.
    func first(of group: Int32) throws -> Record {
        let start = starts[Int(group)]
        return try records(start..<(start + 1))[0]
    }
}
