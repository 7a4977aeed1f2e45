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

    /// Tracks how far the threads ran ahead of the items taken.
    private final class Progress: @unchecked Sendable {
        private let lock = NSLock()
        private var started = 0
        private var taken = 0
        private var ahead = 0
        func start() {
            lock.withLock {
                started += 1; ahead = max(ahead, started - taken)
            }
        }
        func take() { lock.withLock { taken += 1 } }
        var mostAhead: Int { lock.withLock { ahead } }
        var startedCount: Int { lock.withLock { started } }
    }

    @Test(arguments: [1, 2, 3, 8])
    func inOrderHandsOverEveryResultInOrderWithinTheWindow(jobs: Int) {
        let items = Array(0..<301)
        let calls = Calls()
        let progress = Progress()
        var seen: [String] = []
        ParallelMap.forEachInOrder(items, jobs: jobs, window: 5) { item -> String in
            progress.start()
            calls.record(item)
            var total = 0
            for step in 0..<(item % 7) * 2_000 { total &+= step }
            return "\(item):\(total & 1)"
        } _: { result in
            progress.take()
            seen.append(result)
        }
        #expect(seen == items.map { item in "\(item):\((0..<(item % 7) * 2_000).reduce(0, &+) & 1)" })
        #expect(calls.all == Dictionary(uniqueKeysWithValues: items.map { ($0, 1) }))
        // At most a window of results waits (or `jobs`, when the window is smaller), one more being taken.
        #expect(progress.mostAhead <= max(5, jobs) + 1, "\(progress.mostAhead) ahead")
    }

    /// Results handed over by a run on a thread of its own, or `nil` when the run has not ended within a minute: a
    /// hand-over that waits for a result no thread will give fails the test rather than hanging it.
    private static func inOrderResults(count: Int, jobs: Int, window: Int) -> [Int]? {
        final class Box: @unchecked Sendable { var seen: [Int] = [] }
        let box = Box()
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            ParallelMap.forEachInOrder(Array(0..<count), jobs: jobs, window: window) { item -> Int in
                // Every fifth item and the last ones are slow: a thread is still at one while the others finish.
                if item % 5 == 0 || item >= count - 3 { Thread.sleep(forTimeInterval: 0.000_2) }
                return item * 3
            } _: { result in
                box.seen.append(result)
            }
            done.signal()
        }
        return done.wait(timeout: .now() + 60) == .success ? box.seen : nil
    }

    /// With a wide window the taker waits for several results together; a batch cut short by the end of the items,
    /// or held up by one slow item, is still handed over whole and in order.
    @Test(arguments: [(2, 32), (3, 32), (2, 9), (4, 64)])
    func inOrderWaitsForBatchesWithoutLosingOne(jobs: Int, window: Int) {
        for count in [2, 7, 33, 301] {
            let results = Self.inOrderResults(count: count, jobs: jobs, window: window)
            #expect(results == (0..<count).map { $0 * 3 }, "\(count) items")
            if results == nil { return }  // one hung run is enough to tell
        }
    }

    private struct Stop: Error, Equatable {}

    @Test(arguments: [1, 2, 4])
    func inOrderStopsWhenTheBodyThrows(jobs: Int) {
        let progress = Progress()
        var taken: [Int] = []
        #expect(throws: Stop()) {
            try ParallelMap.forEachInOrder(Array(0..<1_000), jobs: jobs, window: 8) { item -> Int in
                progress.start()
                return item
            } _: { (item: Int) throws(Stop) in
                taken.append(item)
                if item == 10 { throw Stop() }
            }
        }
        #expect(taken == Array(0...10))
        #expect(progress.startedCount <= 11 + max(8, jobs), "\(progress.startedCount) started")
    }

    @Test func inOrderWithNoItemsOrOne() {
        var seen: [Int] = []
        ParallelMap.forEachInOrder([Int](), jobs: 4, window: 4) {
            $0 + 1
        } _: {
            seen.append($0)
        }
        ParallelMap.forEachInOrder([41], jobs: 4, window: 4) {
            $0 + 1
        } _: {
            seen.append($0)
        }
        #expect(seen == [42])
    }
}
