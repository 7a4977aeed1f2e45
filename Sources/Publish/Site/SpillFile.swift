import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An anonymous scratch file that records are appended to and read back from by position, so that what a build
/// needs at its end is kept on disk rather than in memory.
///
/// The file is unlinked as soon as it is opened: it takes no name in the folder and goes with the process, even one
/// that is killed. Appends are gathered in a buffer and written in large pieces.
final class SpillFile: @unchecked Sendable {
    /// Where one record is.
    struct Ref: Sendable {
        var offset: Int64
        var length: Int32
    }

    private let descriptor: Int32
    private let path: String
    /// What is appended and not written yet: a `ByteBuffer`, whose appends of a few bytes cost less than an array's.
    private var buffer: ByteBuffer
    private var flushedLength: Int64 = 0
    private let bufferSize: Int

    /// Opens a scratch file in `directory`, creating the directory; appends are written `bufferSize` bytes at a time.
    init(in directory: URL, bufferSize: Int = 1 << 16) throws {
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        path = directory.appendingPathComponent(".spill.\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp").path
        descriptor = open(path, O_CREAT | O_EXCL | O_RDWR | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw OutputFolder.WriteError(path: path, reason: String(cString: strerror(errno)))
        }
        unlink(path)
        self.bufferSize = bufferSize
        buffer = ByteBuffer(capacity: bufferSize)
    }

    deinit { close(descriptor) }

    /// How many bytes have been appended.
    var length: Int64 { flushedLength + Int64(buffer.count) }

    /// Appends `bytes` and returns where they are.
    func append(_ bytes: some Collection<UInt8>) throws -> Ref {
        let ref = Ref(offset: length, length: Int32(bytes.count))
        if bytes.withContiguousStorageIfAvailable({ buffer.append($0) }) == nil {
            Array(bytes).withUnsafeBufferPointer { buffer.append($0) }
        }
        if buffer.count >= bufferSize { try flush() }
        return ref
    }

    /// Appends the bytes at `bytes` and returns where they are.
    @discardableResult
    func append(_ bytes: UnsafeRawBufferPointer) throws -> Ref {
        let ref = Ref(offset: length, length: Int32(bytes.count))
        if buffer.count + bytes.count > bufferSize { try flush() }
        if bytes.count >= bufferSize {
            try write(bytes, at: flushedLength)
            flushedLength += Int64(bytes.count)
        } else {
            buffer.append(bytes)
        }
        return ref
    }

    /// Writes what is buffered; reads see every appended record afterwards.
    func flush() throws {
        guard buffer.count > 0 else { return }
        try buffer.withBytes { try write(UnsafeRawBufferPointer($0), at: flushedLength) }
        flushedLength += Int64(buffer.count)
        buffer.removeAll()
    }

    /// Writes what is buffered and gives back the buffer's memory, for a file that is only read from now on.
    func seal() throws {
        try flush()
        buffer = ByteBuffer(capacity: 0)
    }

    /// Writes `bytes` at `offset`, past or over what was appended and flushed: for a file filled out of order.
    func write(_ bytes: UnsafeRawBufferPointer, at offset: Int64) throws {
        var written = 0
        while written < bytes.count {
            let count = pwrite(
                descriptor,
                bytes.baseAddress.map { $0 + written },
                bytes.count - written,
                off_t(offset) + off_t(written)
            )
            if count < 0 {
                if errno == EINTR { continue }
                throw OutputFolder.WriteError(path: path, reason: String(cString: strerror(errno)))
            }
            written += count
        }
    }

    /// Reads into `bytes` from `offset` until it is full or the file ends, and returns how many bytes were read.
    func read(into bytes: UnsafeMutableRawBufferPointer, at offset: Int64) throws -> Int {
        guard let done = readFully(descriptor, into: bytes, at: Int(offset)) else {
            throw OutputFolder.WriteError(path: path, reason: String(cString: strerror(errno)))
        }
        return done
    }

    /// The bytes of the record at `ref`; safe from several threads once everything is flushed.
    func read(_ ref: Ref) throws -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: Int(ref.length))
        let done = try bytes.withUnsafeMutableBytes { try read(into: $0, at: ref.offset) }
        guard done == bytes.count else { throw shorter() }
        return bytes
    }

    /// The error for a record that runs past the end of the file.
    func shorter() -> OutputFolder.WriteError {
        OutputFolder.WriteError(path: path, reason: "the scratch file is shorter than written")
    }

    /// Appends `records` of a type with no references (numbers and structs of numbers) and returns where they are.
    func append<Record: BitwiseCopyable>(records: [Record]) throws -> Ref {
        try records.withUnsafeBytes { try append($0) }
    }

    /// The records of a type with no references at `ref`, as ``append(records:)`` wrote them.
    func records<Record: BitwiseCopyable>(_ ref: Ref, of type: Record.Type) throws -> [Record] {
        try read(ref).withUnsafeBytes { SpillFile.records(in: $0, of: type) }
    }

    /// The records of a type with no references that fill `raw`.
    static func records<Record: BitwiseCopyable>(in raw: UnsafeRawBufferPointer, of type: Record.Type) -> [Record] {
        let stride = MemoryLayout<Record>.stride
        return (0..<raw.count / stride).map { raw.loadUnaligned(fromByteOffset: $0 * stride, as: Record.self) }
    }

    /// Reads a flushed file front to back in large blocks: each record asked for is served from the block in memory
    /// when it is there, so that a run of records costs one read per block, not one per record.
    ///
    /// Asked for in increasing order, the file is read once; a record before the block is read on its own.
    final class Reader {
        private let file: SpillFile
        private var block: UnsafeMutableRawBufferPointer
        /// Where the block starts in the file, and how many of its bytes were read.
        private var start: Int64 = 0
        private var filled = 0

        /// A reader of `file` in blocks of `blockSize` bytes.
        init(_ file: SpillFile, blockSize: Int = 1 << 16) {
            self.file = file
            block = .allocate(byteCount: max(blockSize, 16), alignment: 16)
        }

        deinit { block.deallocate() }

        /// Calls `body` with the bytes at `ref`, which it must not keep.
        func withBytes<Result>(_ ref: Ref, _ body: (UnsafeRawBufferPointer) throws -> Result) throws -> Result {
            let length = Int(ref.length)
            guard length > 0 else { return try body(UnsafeRawBufferPointer(start: nil, count: 0)) }
            if ref.offset < start || ref.offset + Int64(length) > start + Int64(filled) {
                if length > block.count {
                    block.deallocate()
                    block = .allocate(byteCount: length, alignment: 16)
                }
                start = ref.offset
                filled = 0
                filled = try file.read(into: block, at: start)
                guard filled >= length else { throw file.shorter() }
            }
            let from = Int(ref.offset - start)
            return try body(UnsafeRawBufferPointer(rebasing: block[from..<(from + length)]))
        }
    }

    /// A few recently read blocks of a flushed file, shared by threads, for reads that come mostly in file order from
    /// each thread (the records of the page being rendered): one read per block rather than one per record.
    final class Cache: @unchecked Sendable {
        private struct Block {
            var start: Int64
            var bytes: [UInt8]
            var used: Int
        }

        private let file: SpillFile
        private let blockSize: Int
        private let blockCount: Int
        private var blocks: [Block] = []
        private var clock = 0
        private let lock = NSLock()

        /// A cache of `blockCount` blocks of `blockSize` bytes over `file`.
        init(_ file: SpillFile, blockSize: Int = 1 << 14, blockCount: Int = 4) {
            self.file = file
            self.blockSize = blockSize
            self.blockCount = blockCount
        }

        /// The bytes of the record at `ref`.
        func read(_ ref: Ref) throws -> [UInt8] {
            let length = Int(ref.length)
            guard length > 0 else { return [] }
            guard length <= blockSize else { return try file.read(ref) }
            return try lock.withLock {
                clock += 1
                let end = ref.offset + Int64(length)
                let found = blocks.firstIndex { $0.start <= ref.offset && end <= $0.start + Int64($0.bytes.count) }
                let index: Int
                if let found {
                    index = found
                } else {
                    var bytes = [UInt8](repeating: 0, count: blockSize)
                    let count = try bytes.withUnsafeMutableBytes { try file.read(into: $0, at: ref.offset) }
                    guard count >= length else { throw file.shorter() }
                    bytes.removeLast(blockSize - count)
                    let block = Block(start: ref.offset, bytes: bytes, used: clock)
                    if blocks.count < blockCount {
                        blocks.append(block)
                        index = blocks.count - 1
                    } else {
                        index = blocks.indices.min { blocks[$0].used < blocks[$1].used } ?? 0
                        blocks[index] = block
                    }
                }
                blocks[index].used = clock
                let from = Int(ref.offset - blocks[index].start)
                return Array(blocks[index].bytes[from..<(from + length)])
            }
        }

        /// The records of a type with no references at `ref`.
        func records<Record: BitwiseCopyable>(_ ref: Ref, of type: Record.Type) throws -> [Record] {
            try read(ref).withUnsafeBytes { SpillFile.records(in: $0, of: type) }
        }
    }
}
