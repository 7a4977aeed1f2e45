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

    private struct Carried: GroupedRecord, Equatable {
        var ref: SpillFile.Ref
        var group: Int32
        var meeting: Int32
        var place: Int32
        var groupKey: Int32 { group }
        var payload: SpillFile.Ref? {
            get { ref }
            set { if let newValue { ref = newValue } }
        }

        static func == (a: Carried, b: Carried) -> Bool {
            (a.group, a.meeting, a.place) == (b.group, b.meeting, b.place)
        }
    }

    /// Enough records for more runs than one merge takes, with payloads of many sizes (some larger than a run's read buffer),
    /// a group with most of the records and equal keys: the merge gives the order of one pass over the meetings.
    @Test func manyRunsMergeInOrderAndPayloadsFollowTheirRecords() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("grouped-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = try SpillFile(in: folder)
        let payloadFile = try SpillFile(in: folder)
        let groups = 50
        var generator = SystemRandomNumberGenerator()
        var meetings: [[Carried]] = []
        var texts: [String: [UInt8]] = [:]
        for meeting in 0..<3000 {
            var entries: [Carried] = []
            for place in 0..<Int.random(in: 0...6, using: &generator) {
                let group = Int32(Bool.random(using: &generator) ? 0 : Int.random(in: 0..<groups, using: &generator))
                let size = place == 3 && meeting % 500 == 7 ? 300_000 : Int.random(in: 0...800, using: &generator)
                let text = (0..<size).map { UInt8(truncatingIfNeeded: $0 &+ meeting &* 7 &+ place) }
                let ref = try text.withUnsafeBytes { try payloadFile.append($0) }
                texts["\(meeting)-\(place)"] = text
                entries.append(Carried(ref: ref, group: group, meeting: Int32(meeting), place: Int32(place)))
            }
            meetings.append(entries)
        }
        let refs = try meetings.map { try source.append(records: $0) }
        try source.flush()
        try payloadFile.flush()
        let newestFirst = Array(0..<meetings.count).shuffled(using: &generator)
        let order = (0..<Int32(groups)).shuffled(using: &generator)
        var counts = [Int32](repeating: 0, count: groups)
        for entry in meetings.joined() { counts[Int(entry.group)] += 1 }

        let grouped = try GroupedRecords<Carried>(
            meetings: refs,
            in: source,
            payloads: payloadFile,
            newestFirst: newestFirst,
            counts: counts,
            order: order,
            scratch: folder
        )
        var rank = [Int](repeating: 0, count: meetings.count)
        for (place, meeting) in newestFirst.enumerated() { rank[meeting] = place }
        let expected = meetings.joined().sorted {
            (order[Int($0.group)], rank[Int($0.meeting)], $0.place) < (
                order[Int($1.group)], rank[Int($1.meeting)], $1.place
            )
        }
        let records = try grouped.records(0..<grouped.count)
        #expect(records == expected)
        var payloadsMatch = true
        for record in records where try grouped.payload(record.ref) != texts["\(record.meeting)-\(record.place)"] {
            payloadsMatch = false
        }
        #expect(payloadsMatch)
        for group in Int32(0)..<Int32(groups) where counts[Int(group)] > 0 {
            #expect(try grouped.first(of: group) == expected[grouped.span(of: group).lowerBound])
        }
    }
}
