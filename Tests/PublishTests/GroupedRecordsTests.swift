import Foundation
import Testing

@testable import Publish

@Suite struct GroupedRecordsTests {
    private struct Entry: GroupedRecord, Equatable {
        var group: Int32
        var meeting: Int32
        var place: Int32
        var groupKey: Int32 { group }
    }

    @Test func recordsComeByGroupOrderThenNewestMeetingThenTheirPlace() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("grouped-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = try SpillFile(in: folder)
        // Four meetings of entries in three groups, some empty, some groups spread over several meetings.
        let meetings: [[Entry]] = [
            [Entry(group: 0, meeting: 0, place: 0), Entry(group: 2, meeting: 0, place: 1)],
            [],
            [
                Entry(group: 1, meeting: 2, place: 0), Entry(group: 0, meeting: 2, place: 1),
                .init(group: 0, meeting: 2, place: 2),
            ],
            [Entry(group: 2, meeting: 3, place: 0)],
        ]
        let refs = try meetings.map { try source.append(records: $0) }
        try source.flush()
        let newestFirst = [3, 0, 2, 1]
        let order: [Int32] = [2, 0, 1]  // group 1 first, then 2, then 0
        var counts = [Int32](repeating: 0, count: 3)
        for entry in meetings.joined() { counts[Int(entry.group)] += 1 }

        let grouped = try GroupedRecords<Entry>(
            meetings: refs,
            in: source,
            newestFirst: newestFirst,
            counts: counts,
            order: order,
            scratch: folder
        )
        let rank = Dictionary(uniqueKeysWithValues: newestFirst.enumerated().map { ($1, $0) })
        let expected = meetings.joined().sorted {
            (order[Int($0.group)], rank[Int($0.meeting)]!, $0.place) < (
                order[Int($1.group)], rank[Int($1.meeting)]!, $1.place
            )
        }
        #expect(grouped.count == expected.count)
        #expect(try grouped.records(0..<grouped.count) == expected)
        for group in Int32(0)..<3 {
            let span = grouped.span(of: group)
            #expect(try grouped.records(span).allSatisfy { $0.group == group })
            #expect(span.count == Int(counts[Int(group)]))
            #expect(try grouped.first(of: group) == expected[span.lowerBound])
        }
        #expect(try grouped.records(2..<2).isEmpty)
    }
}
