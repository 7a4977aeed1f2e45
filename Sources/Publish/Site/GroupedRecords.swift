import Foundation

/// A fixed-size record that belongs to a group, such as a person's appearance or an owner's action.
protocol GroupedRecord: BitwiseCopyable {
    /// The number of its group.
    var groupKey: Int32 { get }
    /// Bytes of its own in another scratch file (an action's text and dates), which move with it, or nil.
    var payload: SpillFile.Ref? { get set }
}

extension GroupedRecord {
    /// None: the record is all there is.
    var payload: SpillFile.Ref? {
        get { nil }
        set {}
    }
}

/// Records kept on disk in the order an overview shows them: by group, then newest meeting first, then in their
/// meeting's order; memory holds two numbers per group, none per record.
///
/// They are put in that order by an external merge sort: the source is read front to back in large blocks, sorted
/// in runs of a quarter of a megabyte, and the runs merged, every file read and written in large pieces. A record's payload
/// is copied beside it in the same order, so that pages read both front to back.
struct GroupedRecords<Record: GroupedRecord>: @unchecked Sendable {
    /// How many records there are.
    let count: Int
    /// For each group, where its records start.
    private let starts: [Int]
    private let counts: [Int32]
    private let file: SpillFile.Cache
    /// The records' payloads, in the records' order; nil when the records have none.
    private let payloads: SpillFile.Cache?

    private static var stride: Int { MemoryLayout<Record>.stride }

    /// Places the records `meetings` point at in `source` (one run of records per meeting, in file order) in a
    /// scratch file in `scratch`: groups by `order`, meetings as `newestFirst` lists them; `counts` are each group's
    /// records.
    ///
    /// Each record's payload in `payloads`, when given, is copied to a scratch file in the same order.
    init(
        meetings: [SpillFile.Ref],
        in source: SpillFile,
        payloads payloadSource: SpillFile? = nil,
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
        var rank = [UInt32](repeating: 0, count: meetings.count)
        for (place, meeting) in newestFirst.enumerated() { rank[meeting] = UInt32(place) }

        let file = try SpillFile(in: scratch)
        let payloadFile = try payloadSource.map { _ in try SpillFile(in: scratch) }
        let sorter = RunSorter<Record>(scratch: scratch, output: file, payloads: payloadFile)
        let reader = SpillFile.Reader(source)
        let payloadReader = payloadSource.map { SpillFile.Reader($0) }
        // The sort key: the group's place, then the meeting's; equal keys keep their order in the source.
        for meeting in meetings.indices {
            try reader.withBytes(meetings[meeting]) { raw in
                for place in 0..<(raw.count / Self.stride) {
                    let record = raw.loadUnaligned(fromByteOffset: place * Self.stride, as: Record.self)
                    let key = UInt64(UInt32(bitPattern: order[Int(record.groupKey)])) << 32 | UInt64(rank[meeting])
                    if let payloadReader, let payload = record.payload {
                        try payloadReader.withBytes(payload) { sorter.add(record, key: key, payload: $0) }
                    } else {
                        sorter.add(record, key: key, payload: nil)
                    }
                }
            }
            try sorter.endMeeting()
        }
        try sorter.finish()
        try file.seal()
        try payloadFile?.seal()
        self.count = next
        self.starts = starts
        self.counts = counts
        self.file = SpillFile.Cache(file)
        self.payloads = payloadFile.map { SpillFile.Cache($0) }
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

    /// The bytes of the payload of a record read from here.
    func payload(_ ref: SpillFile.Ref) throws -> [UInt8] {
        guard let payloads else { return [] }
        return try payloads.read(ref)
    }
}

/// An external merge sort of keyed records, each with optional bytes of its own: runs of a quarter of a megabyte
/// are sorted in memory and written to a scratch file, then merged sixteen at a time (into longer runs first when
/// there are more), each run read through a buffer of its own, so that memory stays under a megabyte however many
/// records there are.
///
/// An item, in memory and in a run, is the record's bytes, the payload's length (all ones for none) and the
/// payload's bytes; a run puts the 8-byte key before each item.
private final class RunSorter<Record: GroupedRecord> {
    private static var runBytes: Int { 1 << 18 }
    /// How many runs one merge reads at once, each through a buffer of `mergeBuffer` bytes.
    private static var fanIn: Int { 16 }
    private static var mergeBuffer: Int { 1 << 14 }
    private static var stride: Int { MemoryLayout<Record>.stride }
    private static var none: UInt32 { .max }

    private let scratch: URL
    private let output: SpillFile
    private let payloads: SpillFile?
    /// The items of the run being gathered, and each one's key and place in `run`.
    private var run: ByteBuffer
    private var items: [(key: UInt64, offset: Int)] = []
    private var runFile: SpillFile?
    private var runs: [(start: Int64, end: Int64)] = []

    init(scratch: URL, output: SpillFile, payloads: SpillFile?) {
        self.scratch = scratch
        self.output = output
        self.payloads = payloads
        run = ByteBuffer(capacity: Self.runBytes + Self.mergeBuffer)
        items.reserveCapacity(Self.runBytes / (Self.stride + 4) + 1)
    }

    /// Adds `record` under `key`, with the bytes of its payload if it has one.
    func add(_ record: Record, key: UInt64, payload: UnsafeRawBufferPointer?) {
        items.append((key, run.count))
        withUnsafeBytes(of: record) { run.append($0) }
        withUnsafeBytes(of: payload.map { UInt32($0.count) } ?? Self.none) { run.append($0) }
        if let payload { run.append(payload) }
    }

    /// Ends a meeting's records: a run ends only between meetings, so equal keys never span two runs.
    func endMeeting() throws {
        if run.count >= Self.runBytes { try writeRun() }
    }

    /// Writes every record added to the output, in order of key.
    func finish() throws {
        if runs.isEmpty {
            sortItems()
            try run.withBytes { bytes in
                let raw = UnsafeRawBufferPointer(bytes)
                for item in items { try emit(UnsafeRawBufferPointer(rebasing: raw[item.offset...])) }
            }
            return
        }
        if !items.isEmpty { try writeRun() }
        guard var file = runFile else { return }
        // Longer runs, a group of runs at a time, until one merge can take them all.
        while runs.count > Self.fanIn {
            let longer = try SpillFile(in: scratch)
            var merged: [(start: Int64, end: Int64)] = []
            for first in Swift.stride(from: 0, to: runs.count, by: Self.fanIn) {
                let start = longer.length
                try merge(runs[first..<min(first + Self.fanIn, runs.count)], of: file) { key, item in
                    _ = try withUnsafeBytes(of: key) { try longer.append($0) }
                    try longer.append(item)
                }
                merged.append((start, longer.length))
            }
            file = longer
            runs = merged
        }
        try merge(runs[...], of: file) { _, item in try emit(item) }
    }

    /// Sorts the run's items by key; equal keys keep the order they came in.
    private func sortItems() {
        items.sort { $0.key != $1.key ? $0.key < $1.key : $0.offset < $1.offset }
    }

    /// The size of the item at the start of `raw`.
    private static func size(of raw: UnsafeRawBufferPointer) -> Int {
        let length = raw.loadUnaligned(fromByteOffset: stride, as: UInt32.self)
        return stride + 4 + (length == none ? 0 : Int(length))
    }

    /// Writes the item at the start of `raw` to the output, its payload to the payload file.
    private func emit(_ raw: UnsafeRawBufferPointer) throws {
        var record = raw.loadUnaligned(as: Record.self)
        let length = raw.loadUnaligned(fromByteOffset: Self.stride, as: UInt32.self)
        if length != Self.none, let payloads {
            let from = Self.stride + 4
            record.payload = try payloads.append(UnsafeRawBufferPointer(rebasing: raw[from..<(from + Int(length))]))
        }
        _ = try withUnsafeBytes(of: record) { try output.append($0) }
    }

    /// Sorts the run gathered and writes it to the run file.
    private func writeRun() throws {
        sortItems()
        let file = try runFile ?? SpillFile(in: scratch)
        runFile = file
        let start = file.length
        try run.withBytes { bytes in
            let raw = UnsafeRawBufferPointer(bytes)
            for item in items {
                _ = try withUnsafeBytes(of: item.key) { try file.append($0) }
                let size = Self.size(of: UnsafeRawBufferPointer(rebasing: raw[item.offset...]))
                try file.append(UnsafeRawBufferPointer(rebasing: raw[item.offset..<(item.offset + size)]))
            }
        }
        runs.append((start, file.length))
        run.removeAll()
        items.removeAll(keepingCapacity: true)
    }

    /// Merges `runs` of `file` in order of key, giving `sink` each item's key and bytes, through a heap of the runs'
    /// first items.
    private func merge(
        _ runs: ArraySlice<(start: Int64, end: Int64)>,
        of file: SpillFile,
        _ sink: (UInt64, UnsafeRawBufferPointer) throws -> Void
    ) throws {
        try file.flush()
        // One block for every run's buffer.
        let memory = UnsafeMutableRawBufferPointer.allocate(byteCount: runs.count * Self.mergeBuffer, alignment: 16)
        defer { memory.deallocate() }
        let readers = runs.enumerated().map { place, run in
            let from = place * Self.mergeBuffer
            return RunReader(
                file,
                start: run.start,
                end: run.end,
                buffer: UnsafeMutableRawBufferPointer(rebasing: memory[from..<(from + Self.mergeBuffer)])
            )
        }
        // The heap's order: key, then the run (runs are in source order, so equal keys keep their order).
        let isBefore = { (a: Int, b: Int) in (readers[a].key, a) < (readers[b].key, b) }
        var heap: [Int] = []
        for index in readers.indices where try readers[index].advance(stride: Self.stride) {
            heap.append(index)
            Self.siftUp(&heap, from: heap.count - 1, isBefore)
        }
        while let top = heap.first {
            try sink(readers[top].key, readers[top].item)
            if try readers[top].advance(stride: Self.stride) {
                Self.siftDown(&heap, from: 0, isBefore)
            } else {
                let last = heap.removeLast()
                if !heap.isEmpty {
                    heap[0] = last
                    Self.siftDown(&heap, from: 0, isBefore)
                }
            }
        }
    }

    private static func siftUp(_ heap: inout [Int], from index: Int, _ isBefore: (Int, Int) -> Bool) {
        var child = index
        while child > 0 {
            let parent = (child - 1) / 2
            guard isBefore(heap[child], heap[parent]) else { return }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    private static func siftDown(_ heap: inout [Int], from index: Int, _ isBefore: (Int, Int) -> Bool) {
        var parent = index
        while true {
            var first = parent
            for child in [2 * parent + 1, 2 * parent + 2] where child < heap.count && isBefore(heap[child], heap[first])
            {
                first = child
            }
            guard first != parent else { return }
            heap.swapAt(first, parent)
            parent = first
        }
    }
}

/// One run of a ``RunSorter``'s run file, read front to back through a buffer, an item at a time.
private final class RunReader {
    private let file: SpillFile
    private var next: Int64
    private let end: Int64
    private var buffer: UnsafeMutableRawBufferPointer
    /// Whether `buffer` is the reader's own, grown for an item larger than the one it was given.
    private var owned = false
    /// Where the current item (its key first) starts in the buffer, how long it is, and how much the buffer holds.
    private var position = 0
    private var current = 0
    private var filled = 0
    /// The current item's key.
    private(set) var key: UInt64 = 0

    /// A reader of the bytes from `start` to `end` of `file` through `buffer`, which it does not own.
    init(_ file: SpillFile, start: Int64, end: Int64, buffer: UnsafeMutableRawBufferPointer) {
        self.file = file
        next = start
        self.end = end
        self.buffer = buffer
    }

    deinit { if owned { buffer.deallocate() } }

    /// The current item, after its key.
    var item: UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: buffer[(position + 8)..<(position + current)])
    }

    /// Moves to the next item of records `stride` bytes long; false at the end of the run.
    func advance(stride: Int) throws -> Bool {
        position += current
        current = 0
        guard position < filled || next < end else { return false }
        try ensure(8 + stride + 4)
        key = buffer.loadUnaligned(fromByteOffset: position, as: UInt64.self)
        let length = buffer.loadUnaligned(fromByteOffset: position + 8 + stride, as: UInt32.self)
        current = 8 + stride + 4 + (length == .max ? 0 : Int(length))
        try ensure(current)
        return true
    }

    /// Makes the buffer hold `count` bytes from the current item's start, reading more of the run.
    private func ensure(_ count: Int) throws {
        guard filled - position < count else { return }
        let rest = filled - position
        if count > buffer.count {
            let larger = UnsafeMutableRawBufferPointer.allocate(byteCount: count, alignment: 16)
            larger.copyMemory(from: UnsafeRawBufferPointer(rebasing: buffer[position..<filled]))
            if owned { buffer.deallocate() }
            buffer = larger
            owned = true
        } else if rest > 0 {
            let base = buffer.baseAddress.unsafelyUnwrapped
            memmove(base, base + position, rest)
        }
        position = 0
        filled = rest
        let wanted = min(buffer.count - filled, Int(end - next))
        let read = try file.read(
            into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled..<(filled + wanted)]),
            at: next
        )
        next += Int64(read)
        filled += read
        guard filled >= count else { throw file.shorter() }
    }
}
