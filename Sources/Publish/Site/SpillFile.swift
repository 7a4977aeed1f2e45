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
/// that is killed.
final class SpillFile: @unchecked Sendable {
    /// Where one record is.
    struct Ref: Sendable {
        var offset: Int64
        var length: Int32
    }

    private let descriptor: Int32
    private let path: String
    private var buffer: [UInt8] = []
    private var flushedLength: Int64 = 0

    /// Opens a scratch file in `directory`, creating the directory.
    init(in directory: URL) throws {
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        path = directory.appendingPathComponent(".spill.\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp").path
        descriptor = open(path, O_CREAT | O_EXCL | O_RDWR | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw OutputFolder.WriteError(path: path, reason: String(cString: strerror(errno)))
        }
        unlink(path)
        buffer.reserveCapacity(Self.bufferSize)
    }

    deinit { close(descriptor) }

    private static let bufferSize = 1 << 16

    /// Appends `bytes` and returns where they are.
    func append(_ bytes: some Collection<UInt8>) throws -> Ref {
        let ref = Ref(offset: flushedLength + Int64(buffer.count), length: Int32(bytes.count))
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.bufferSize { try flush() }
        return ref
    }

    /// Writes what is buffered; reads see every appended record afterwards.
    func flush() throws {
        try buffer.withUnsafeBytes { try write($0, at: flushedLength) }
        flushedLength += Int64(buffer.count)
        buffer.removeAll(keepingCapacity: true)
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

    /// The bytes of the record at `ref`; safe from several threads once everything is flushed.
    func read(_ ref: Ref) throws -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: Int(ref.length))
        var done = 0
        while done < bytes.count {
            let count = bytes.withUnsafeMutableBytes { buffer in
                pread(
                    descriptor,
                    buffer.baseAddress.map { $0 + done },
                    buffer.count - done,
                    off_t(ref.offset) + off_t(done)
                )
            }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else {
                throw OutputFolder.WriteError(path: path, reason: "the scratch file is shorter than written")
            }
            done += count
        }
        return bytes
    }

    /// Appends `records` of a type with no references (numbers and structs of numbers) and returns where they are.
    func append<Record: BitwiseCopyable>(records: [Record]) throws -> Ref {
        try records.withUnsafeBytes { try append($0) }
    }

    /// The records of a type with no references at `ref`, as ``append(records:)`` wrote them.
    func records<Record: BitwiseCopyable>(_ ref: Ref, of type: Record.Type) throws -> [Record] {
        let bytes = try read(ref)
        let stride = MemoryLayout<Record>.stride
        return bytes.withUnsafeBytes { raw in
            (0..<raw.count / stride).map { raw.loadUnaligned(fromByteOffset: $0 * stride, as: Record.self) }
        }
    }
}
