import Dispatch

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
        // Interleaved stripes keep the threads evenly loaded when note sizes vary.
        let stripes = Swift.min(jobs, items.count)
        DispatchQueue.concurrentPerform(iterations: stripes) { stripe in
            var index = stripe
            while index < items.count {
                slots.set(index, transform(items[index]))
                index += stripes
            }
        }
        return slots.values()
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
