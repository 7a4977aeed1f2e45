import Dispatch
import Foundation

/// Maps over a collection on up to `jobs` threads, returning results in the input's order, so output is the same
/// for every number of jobs.
public enum ParallelMap {
    /// `items.map(transform)`, computed `jobs` at a time.
    public static func map<Item: Sendable, Result: Sendable>(
        _ items: [Item],
        jobs: Int,
        _ transform: @Sendable (Item) -> Result
    ) -> [Result] {
        guard jobs > 1, items.count > 1 else { return items.map(transform) }
        let slots = Slots<Result>(count: items.count)
        // Each thread takes the next item when it is free, so that one long note does not leave the others idle
        // until the end of the batch.
        let next = Counter()
        DispatchQueue.concurrentPerform(iterations: Swift.min(jobs, items.count)) { _ in
            while let index = next.take(below: items.count) {
                slots.set(index, transform(items[index]))
            }
        }
        return slots.values()
    }

    /// Calls `body` with `transform(item)` for each of `items`, in order, on the calling thread, while up to `jobs`
    /// threads transform the items ahead of it: no thread waits for a batch to end, and at most `window` results wait
    /// to be taken, so memory holds a window of results, not the input's.
    ///
    /// When `body` throws, no further item is started, and the error is thrown once the threads have stopped.
    public static func forEachInOrder<Item: Sendable, Result: Sendable, Failure: Error>(
        _ items: [Item],
        jobs: Int,
        window: Int,
        _ transform: @Sendable (Item) -> Result,
        _ body: (Result) throws(Failure) -> Void
    ) throws(Failure) {
        guard jobs > 1, items.count > 1 else {
            for item in items { try body(transform(item)) }
            return
        }
        let line = Line<Result>(count: items.count, window: Swift.max(window, jobs))
        let threads = DispatchGroup()
        // The threads end before this function returns, so `transform` does not outlive the call.
        try withoutActuallyEscaping(transform) { transform throws(Failure) in
            for _ in 0..<Swift.min(jobs, items.count) {
                DispatchQueue.global().async(group: threads) {
                    while let index = line.start() { line.finish(index, transform(items[index])) }
                }
            }
            do throws(Failure) {
                for index in items.indices { try body(line.take(index)) }
            } catch {
                line.stop()
                threads.wait()
                throw error
            }
            threads.wait()
        }
    }

    /// The state `forEachInOrder` shares with its threads: which item is next, and the results not yet taken, each in
    /// the slot of its index modulo the window.
    ///
    /// Each wake-up costs both threads a switch, so the threads are woken only when what they wait for is there: the
    /// taker, when a result is missing, waits for the next ``batch`` results together rather than for each in turn (an
    /// extract of 10,000 notes switched 24,000-28,000 times waking it for each), and a thread waiting for room in the
    /// window is woken only when one is taken.
    private final class Line<Value>: @unchecked Sendable {
        private let condition = NSCondition()
        private let count: Int
        private var slots: [Value?]
        private var next = 0
        private var taken = 0
        private var stopped = false
        /// How many results the taker waits for together: a quarter of the window, so that the threads always have
        /// room to work ahead of it while it waits.
        private let batch: Int
        /// The indices the taker waits for, while it waits, and how many of their results are still missing.
        private var awaited: Range<Int>?
        private var missing = 0
        /// How many threads wait for room in the window.
        private var starting = 0

        init(count: Int, window: Int) {
            self.count = count
            slots = Array(repeating: nil, count: window)
            batch = Swift.max(1, window / 4)
        }

        /// The next index to transform, once it is within the window of those taken; `nil` when none is left.
        func start() -> Int? {
            condition.lock()
            defer { condition.unlock() }
            while !stopped, next < count, next >= taken + slots.count {
                starting += 1
                condition.wait()
                starting -= 1
            }
            guard !stopped, next < count else { return nil }
            defer { next += 1 }
            return next
        }

        /// Leaves the result of `index` to be taken.
        func finish(_ index: Int, _ value: Value) {
            condition.lock()
            slots[index % slots.count] = value
            if let awaited, awaited.contains(index) {
                missing -= 1
                if missing == 0 { condition.broadcast() }
            }
            condition.unlock()
        }

        /// The result of `index`, once it is there; indices are taken in order.
        func take(_ index: Int) -> Value {
            condition.lock()
            defer { condition.unlock() }
            while true {
                if let value = slots[index % slots.count].take() {
                    taken = index + 1
                    if starting > 0 { condition.broadcast() }
                    return value
                }
                // Every index awaited lies within the window, so the threads can finish them all without a take.
                let wanted = index..<Swift.min(index + batch, count)
                missing = wanted.count { slots[$0 % slots.count] == nil }
                awaited = wanted
                while missing > 0 { condition.wait() }
                awaited = nil
            }
        }

        /// Starts no further item.
        func stop() {
            condition.lock()
            stopped = true
            condition.broadcast()
            condition.unlock()
        }
    }

    /// The next index to work on, shared by the threads.
    private final class Counter: @unchecked Sendable {
        private var value = 0
        private let lock = NSLock()

        /// The next index, if it is below `limit`.
        func take(below limit: Int) -> Int? {
            lock.withLock {
                guard value < limit else { return nil }
                defer { value += 1 }
                return value
            }
        }
    }

    /// Result slots that threads fill at distinct indices; read only after every thread is done.
    ///
    /// The slots are one allocation written through a pointer: a mutating access to an array property from several
    /// threads at once is a data race even at distinct indices (ThreadSanitizer reports it).
    private final class Slots<Value>: @unchecked Sendable {
        private let storage: UnsafeMutableBufferPointer<Value?>

        init(count: Int) {
            storage = .allocate(capacity: count)
            storage.initialize(repeating: nil)
        }

        deinit {
            storage.deinitialize()
            storage.deallocate()
        }

        func set(_ index: Int, _ value: Value) { storage[index] = value }

        func values() -> [Value] { storage.compactMap { $0 } }
    }
}

extension RandomAccessCollection where Index == Int {
    /// The elements in consecutive batches of `size` (the last may be shorter), each made as it is reached, for
    /// work done a batch at a time.
    func batches(of size: Int) -> LazyMapSequence<StrideTo<Int>, [Element]> {
        let size = Swift.max(1, size)
        return stride(from: startIndex, to: endIndex, by: size).lazy.map {
            Array(self[$0..<Swift.min($0 + size, endIndex)])
        }
    }
}
