import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The cache's entries in one file, `.minutes-cache/notes.pack`, appended to as notes are extracted, with an index,
/// `notes.index`, of where each entry lies (a line `<key> <offset> <length>` an entry).
///
/// One file for an archive's entries rather than a file a note: creating a file is most of what a build spends in
/// the kernel (a third of a 10,000-note build's files were entries). While a build extracts, both files are only
/// appended to, and an entry is written whole before its index line is appended, so a build killed then leaves every
/// indexed entry readable; the next build reuses them. Each read checks the entry's own header (``NoteCacheEntry``): an
/// index line that points at anything else is a miss, never a wrong record. At its end a build writes the index
/// again with the entries it used alone, and the pack too when the entries no longer used take more than half of it.
final class NotePack: @unchecked Sendable {
    /// The pack and its index, relative to the output folder.
    static let packPath = "\(NoteCache.folder)/notes.pack"
    static let indexPath = "\(NoteCache.folder)/notes.index"

    /// How a pack is opened.
    enum Mode: Sendable {
        /// To read entries alone (a shard's cache, read by `minutes merge`).
        case read
        /// To read and add entries.
        case append
        /// To add entries to a pack made empty (`--force`, and a merge, look nothing up).
        case fresh
    }

    /// Where an entry lies in the pack.
    struct Location: Sendable {
        var offset: Int
        var length: Int
        /// Whether this build used or made the entry, so that ``prune(in:)`` keeps it.
        var used = false
    }

    /// How much of an entry is read first for its record: most records fit, with some HTML after them.
    private static let firstRead = 16 * 1024

    private let packFile: String
    private let indexFile: String
    /// The pack, opened to read (and to write, unless the mode is ``Mode/read``); -1 when there is none to read.
    private let pack: Int32
    /// The index, opened to append; -1 in ``Mode/read``.
    private let index: Int32
    private let lock = NSLock()
    /// Where each indexed entry lies, and whether this build used it: one table an archive's entries, not two.
    private var locations: [Digest: Location] = [:]
    /// Where the next entry goes: the pack's end.
    private var end = 0

    /// Opens the pack in the output folder at `rootPath`; `mode` says whether it is written and whether what it held
    /// is kept.
    ///
    /// - Throws: ``OutputFolder/WriteError`` when a pack to write cannot be opened or made.
    init(rootPath: String, mode: Mode) throws {
        packFile = rootPath + "/" + Self.packPath
        indexFile = rootPath + "/" + Self.indexPath
        guard mode != .read else {
            pack = Self.openToRead(packFile)
            index = -1
            if pack >= 0 { load() }
            return
        }
        do {
            try FileManager.default.createDirectory(
                atPath: rootPath + "/" + NoteCache.folder,
                withIntermediateDirectories: true
            )
        } catch {
            throw OutputFolder.WriteError(path: packFile, reason: error.localizedDescription)
        }
        let fresh = mode == .fresh
        pack = try Self.openToWrite(packFile, flags: O_RDWR, fresh: fresh)
        do {
            index = try Self.openToWrite(indexFile, flags: O_WRONLY | O_APPEND, fresh: fresh)
        } catch {
            close(pack)
            throw error
        }
        load()
    }

    deinit {
        if pack >= 0 { close(pack) }
        if index >= 0 { close(index) }
    }

    /// The regular file at `path` opened to read, or -1 when there is none (nor anything else there: a FIFO at the
    /// path would hang the open or the reads, so it is opened without blocking and refused).
    private static func openToRead(_ path: String) -> Int32 {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        var info = stat()
        guard descriptor >= 0 else { return -1 }
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            close(descriptor)
            return -1
        }
        return descriptor
    }

    /// A file of the cache opened to write, made when missing and emptied when `fresh`.
    ///
    /// What stands at the path and is not a file of the folder's own (a symbolic link, a file hard-linked elsewhere,
    /// a file that cannot be written) is replaced by an empty file, never written through.
    private static func openToWrite(_ path: String, flags: Int32, fresh: Bool) throws -> Int32 {
        // Emptied only once it is known to be the folder's own file (`O_TRUNC` would empty a hard-linked one), and
        // opened without blocking (a FIFO at the path would hang the open).
        let options = flags | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC
        var descriptor = open(path, options | O_CREAT, 0o644)
        if descriptor >= 0 {
            var info = stat()
            if fstat(descriptor, &info) != 0 || info.st_mode & S_IFMT != S_IFREG || info.st_nlink != 1
                || fresh && ftruncate(descriptor, 0) != 0
            {
                close(descriptor)
                descriptor = -1
            }
        }
        if descriptor < 0, unlink(path) == 0 || errno == ENOENT {
            descriptor = open(path, options | O_CREAT | O_EXCL, 0o644)
        }
        guard descriptor >= 0 else {
            throw OutputFolder.WriteError(path: path, reason: String(cString: strerror(errno)))
        }
        return descriptor
    }

    /// Reads the index: each line that names an entry lying wholly inside the pack; a later line for a key wins.
    private func load() {
        var info = stat()
        guard fstat(pack, &info) == 0 else { return }
        end = Int(info.st_size)
        // (Read by hand: Foundation on Linux leaks reading an empty file.)
        let input = Self.openToRead(indexFile)
        guard input >= 0 else { return }
        defer { close(input) }
        guard fstat(input, &info) == 0 else { return }
        var text = [UInt8](repeating: 0, count: Int(info.st_size))
        guard Self.readFully(input, into: &text, from: 0, at: 0) else { return }
        let whole = text.withUnsafeBufferPointer { bytes in
            var start = 0
            while start < bytes.count {
                guard let newline = bytes[start...].firstIndex(of: 0x0A) else { break }
                if let (key, location) = Self.indexLine(UnsafeBufferPointer(rebasing: bytes[start..<newline])),
                    location.offset <= end - location.length
                {
                    locations[key] = location
                }
                start = newline + 1
            }
            return start
        }
        // A line cut short at the end (a disk that filled up) is dropped, so that the next line starts a line.
        if index >= 0, whole < text.count { ftruncate(index, off_t(whole)) }
    }

    /// The key and location an index line names, or `nil` when it is no such line.
    private static func indexLine(_ line: UnsafeBufferPointer<UInt8>) -> (Digest, Location)? {
        guard line.count > 64, line[64] == 0x20, let key = Digest(hexDigits: UnsafeBufferPointer(rebasing: line[..<64]))
        else { return nil }
        let numbers = line[65...].split(separator: 0x20, omittingEmptySubsequences: false)
        guard numbers.count == 2,
            let offset = Self.decimal(numbers[0]),
            let length = Self.decimal(numbers[1]), length > 0
        else { return nil }
        return (key, Location(offset: offset, length: length))
    }

    /// The number one to eighteen decimal digits spell.
    private static func decimal(_ digits: Slice<UnsafeBufferPointer<UInt8>>) -> Int? {
        guard !digits.isEmpty, digits.count <= 18 else { return nil }
        var value = 0
        for digit in digits {
            guard digit >= 0x30, digit <= 0x39 else { return nil }
            value = value * 10 + Int(digit - 0x30)
        }
        return value
    }

    /// Whether the pack holds no entry.
    var isEmpty: Bool { lock.withLock { locations.isEmpty } }

    /// Whether the index names an entry for `key` (which a read may still find damaged).
    func contains(_ key: Digest) -> Bool {
        lock.withLock { locations[key] != nil }
    }

    /// Marks the entry of `key` as used by this build, so that ``prune(in:)`` keeps it.
    func keep(_ key: Digest) {
        lock.withLock {
            locations[key]?.used = true
        }
    }

    /// The record of `key`'s entry, and its HTML when `withHTML`; `nil` when there is none, or it is damaged.
    ///
    /// Without the HTML, the first read takes the header, the record and what follows up to ``firstRead`` bytes, and
    /// a second the rest of a longer record.
    func read(_ key: Digest, withHTML: Bool) -> (record: [UInt8], html: [UInt8]?)? {
        guard let location = lock.withLock({ locations[key] }) else { return nil }
        var bytes = [UInt8](repeating: 0, count: withHTML ? location.length : min(location.length, Self.firstRead))
        guard readFully(into: &bytes, from: 0, at: location.offset),
            let layout = bytes.withUnsafeBufferPointer({
                NoteCacheEntry.layout(of: $0, key: key, length: location.length)
            })
        else { return nil }
        let recordEnd = layout.record.upperBound
        if recordEnd >= bytes.count {
            let filled = bytes.count
            bytes += repeatElement(0, count: recordEnd + 1 - filled)
            guard readFully(into: &bytes, from: filled, at: location.offset) else { return nil }
        }
        guard bytes[recordEnd] == 0x0A, !withHTML || bytes[location.length - 1] == 0x0A else { return nil }
        return (Array(bytes[layout.record]), withHTML ? Array(bytes[layout.html]) : nil)
    }

    /// Fills `bytes` from index `start` with the pack's bytes from `offset + start`; `false` when the pack ends first
    /// or cannot be read.
    private func readFully(into bytes: inout [UInt8], from start: Int, at offset: Int) -> Bool {
        pack >= 0 && Self.readFully(pack, into: &bytes, from: start, at: offset)
    }

    /// Fills `bytes` from index `start` with the bytes of the file open at `descriptor` from `offset + start`;
    /// `false` when the file ends first or cannot be read.
    private static func readFully(_ descriptor: Int32, into bytes: inout [UInt8], from start: Int, at offset: Int)
        -> Bool
    {
        bytes.withUnsafeMutableBytes { buffer in
            let wanted = UnsafeMutableRawBufferPointer(rebasing: buffer[start...])
            return Publish.readFully(descriptor, into: wanted, at: offset + start) == wanted.count
        }
    }

    /// Appends the entry of `key` (its record and HTML) to the pack, then its line to the index.
    ///
    /// The pack's room for the entry is taken under the lock and written outside it: threads storing at once write
    /// to their own parts of the pack.
    func store(_ key: Digest, record: [UInt8], html: [UInt8]) throws {
        precondition(index >= 0, "a pack opened to read is not written")
        let location = try NoteCacheEntry.withParts(key: key, record: record, html: html) { parts in
            let length = parts.reduce(0) { $0 + $1.count }
            var offset = lock.withLock {
                defer { end += length }
                return end
            }
            let start = offset
            let written = parts.withUnsafeBufferPointer { parts in
                OutputFolder.writeAll(parts, to: pack) { descriptor, vectors, count in
                    let written = pwritev(descriptor, vectors, count, off_t(offset))
                    if written > 0 { offset += written }
                    return written
                }
            }
            guard written else { throw failure(packFile) }
            return Location(offset: start, length: length, used: true)
        }
        var line: [UInt8] = []
        NoteCacheEntry.appendLine(key, location.offset, location.length, to: &line)
        // One `write` to a file opened to append: lines written at once by several threads never mix.
        guard line.withUnsafeBufferPointer({ OutputFolder.writeAll($0, to: index) }) else { throw failure(indexFile) }
        lock.withLock { locations[key] = location }
    }

    /// Ends the build's use of the pack: the index is written again with the entries this build used alone.
    ///
    /// The pack is written again too, with those entries alone, when the others take more than half of it: to a
    /// temporary file renamed over it once the old index is removed, so that no index ever names offsets in a pack
    /// it was not written for (a build killed in between finds an empty cache).
    func prune(in folder: OutputFolder) throws {
        precondition(index >= 0, "a pack opened to read is not pruned")
        var kept = lock.withLock { locations.compactMap { $0.value.used ? (key: $0.key, location: $0.value) : nil } }
        kept.sort { $0.location.offset < $1.location.offset }
        let live = kept.reduce(0) { $0 + $1.location.length }
        if end > 2 * live {
            let temporary = folder.temporaryPath(for: packFile)
            let output = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            guard output >= 0 else { throw failure(packFile) }
            var position = 0
            var buffer: [UInt8] = []
            var copied = true
            for index in kept.indices where copied {
                let location = kept[index].location
                buffer.removeAll(keepingCapacity: true)
                buffer += repeatElement(0, count: location.length)
                copied =
                    readFully(into: &buffer, from: 0, at: location.offset)
                    && buffer.withUnsafeBufferPointer { OutputFolder.writeAll($0, to: output) }
                kept[index].location.offset = position
                position += location.length
            }
            let closed = close(output) == 0
            // The index goes first: a build killed between the two would leave it naming offsets in the new pack,
            // where the text of a note's HTML could spell an entry's header.
            guard copied, closed, unlink(indexFile) == 0 || errno == ENOENT, rename(temporary, packFile) == 0 else {
                let error = failure(packFile)
                unlink(temporary)
                throw error
            }
        }
        var lines: [UInt8] = []
        lines.reserveCapacity(kept.count * 90)
        for (key, location) in kept { NoteCacheEntry.appendLine(key, location.offset, location.length, to: &lines) }
        try folder.write(lines, to: Self.indexPath)
    }

    private func failure(_ path: String) -> OutputFolder.WriteError {
        OutputFolder.WriteError(path: path, reason: String(cString: strerror(errno)))
    }
}
