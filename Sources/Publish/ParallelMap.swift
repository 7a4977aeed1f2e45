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
    private final class Slots<Value>: @unchecked Sendable {
        private var storage: [Value?]

        init(count: Int) { storage = Array(repeating: nil, count: count) }

        func set(_ index: Int, _ value: Value) {
            storage.withUnsafeMutableBufferPointer { $0[index] = value }
        }

        func values() -> [Value] { storage.compactMap { $0 } }
    }
}
