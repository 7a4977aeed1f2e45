import Foundation
import Testing

@testable import Publish

/// Parallel maps give the serial map's results, in order, each item transformed once, for every number of jobs.
@Suite struct ParallelMapTests {
    /// Counts calls from several threads.
    private final class Calls: @unchecked Sendable {
        private var counts: [Int: Int] = [:]
        private let lock = NSLock()
        func record(_ item: Int) { lock.withLock { counts[item, default: 0] += 1 } }
        var all: [Int: Int] { lock.withLock { counts } }
    }

    @Test(arguments: [1, 2, 3, 8])
    func resultsKeepTheInputOrder(jobs: Int) {
        let items = Array(0..<97)
        let calls = Calls()
        let results = ParallelMap.map(items, jobs: jobs) { item -> String in
            calls.record(item)
            // Uneven work, so that threads finish items out of order.
            var total = 0
            for step in 0..<(item % 7) * 2_000 { total &+= step }
            return "\(item):\(total & 1)"
        }
        #expect(results == items.map { item in "\(item):\((0..<(item % 7) * 2_000).reduce(0, &+) & 1)" })
        #expect(calls.all == Dictionary(uniqueKeysWithValues: items.map { ($0, 1) }))
    }

    @Test func emptyAndSingleInputs() {
        #expect(ParallelMap.map([Int](), jobs: 4) { $0 + 1 }.isEmpty)
        #expect(ParallelMap.map([41], jobs: 4) { $0 + 1 } == [42])
    }

    @Test func batchesCoverTheCollectionInOrder() {
        #expect(Array(Array(0..<7).batches(of: 3)) == [[0, 1, 2], [3, 4, 5], [6]])
        #expect(Array(Array(0..<6).batches(of: 3)) == [[0, 1, 2], [3, 4, 5]])
        #expect(Array([Int]().batches(of: 3)).isEmpty)
        #expect(Array(Array(0..<2).batches(of: 0)) == [[0], [1]])
    }
}
