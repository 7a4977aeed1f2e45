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
