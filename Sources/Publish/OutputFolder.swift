public import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The folder a build writes into; nothing is written outside it.
///
/// A file already there is replaced by a file written whole to a temporary name and renamed over it, so an
/// interrupted build leaves it either as it was or complete. A file not there yet is written at its path: a build
/// killed while writing it leaves it cut short, and no manifest (a build removes the last one before it writes), so
/// the next build writes it again.
public final class OutputFolder: @unchecked Sendable {
    /// Why a file could not be written.
    public struct WriteError: Error, CustomStringConvertible {
        /// The file that failed.
        public var path: String
        /// The system's reason.
        public var reason: String

        /// `path: error: cannot write: reason`.
        public var description: String { "\(path): error: cannot write: \(reason)" }
    }

    /// The folder's URL.
    public let root: URL
    /// The folder's path, which every file path is made from.
    private let rootPath: String
    /// The files this build wrote or kept, by a hash of their relative path.
    ///
    /// A hash, not the path: a large archive's build writes tens of thousands of files. Two paths sharing a hash
    /// (odds far below one in a billion) would keep a stale file; a file this build wrote is never removed.
    private var written: Set<Int> = []
    /// The folders this build has made sure exist, so that each file written does not ask again.
    private var madeFolders: Set<String> = []
    /// A number for each temporary file, so that files written at once by several threads never share one.
    private var temporaryCount = 0
    private var lockDescriptor: Int32?
    private let lock = NSLock()
    /// This process's id, for temporary names: asked once, not for each file.
    private let processID = getpid()

    /// Opens (and creates) the folder at `path`.
    public init(path: String) throws {
        root = URL(fileURLWithPath: path, isDirectory: true).standardizedFileURL
        rootPath = root.path
        do {
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        } catch {
            throw WriteError(path: path, reason: error.localizedDescription)
        }
    }

    /// Writes `contents` to `relativePath`; the path must stay inside the folder.
    public func write(_ contents: String, to relativePath: String) throws {
        var contents = contents
        try contents.withUTF8 { try write(bytes: $0, to: relativePath) }
    }

    /// Writes `contents`, UTF-8 bytes, to `relativePath`, as ``write(_:to:)`` writes a text.
    public func write(_ contents: [UInt8], to relativePath: String) throws {
        try contents.withUnsafeBufferPointer { try write(bytes: $0, to: relativePath) }
    }

    /// Writes `contents`, UTF-8 bytes, as ``write(parts:to:)`` writes one part.
    func write(bytes contents: UnsafeBufferPointer<UInt8>, to relativePath: String) throws {
        // The one part where it lies: no array made for each file.
        try withUnsafePointer(to: contents) {
            try write(partsAt: UnsafeBufferPointer(start: $0, count: 1), to: relativePath)
        }
    }

    /// The one writer behind the others: creates the file (or a temporary one, when the file is there), writes
    /// `parts` (UTF-8 bytes) whole, and renames a temporary file over the file.
    ///
    /// The parts go into the file one after another: a file made of parts is written without joining them first.
    func write(parts: [UnsafeBufferPointer<UInt8>], to relativePath: String) throws {
        try parts.withUnsafeBufferPointer { try write(partsAt: $0, to: relativePath) }
    }

    /// ``write(parts:to:)`` of parts wherever they lie.
    private func write(partsAt parts: UnsafeBufferPointer<UnsafeBufferPointer<UInt8>>, to relativePath: String) throws {
        let path = try path(of: relativePath)
        do {
            try makeFolder(Self.split(path).parent)
        } catch {
            throw WriteError(path: path, reason: error.localizedDescription)
        }
        // Always a new file (`O_EXCL`). A file not there yet is made at its path: a first build makes each file with
        // one call and no rename. What is there is replaced by a temporary file renamed over it, so that a symbolic
        // link, a read-only file or a file hard-linked into a snapshot is replaced, not written through.
        var target = path
        var descriptor = open(target, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o666)
        if descriptor < 0, errno == EEXIST {
            target = temporaryPath(for: path)
            descriptor = open(target, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o666)
        }
        guard descriptor >= 0 else { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
        // One `writev` for all the parts (however many a file has), with no `FILE` buffer between.
        let written = Self.writeAll(parts, to: descriptor)
        let closed = close(descriptor) == 0
        guard written, closed, target == path || rename(target, path) == 0 else {
            let error = WriteError(path: path, reason: String(cString: strerror(errno)))
            unlink(target)
            throw error
        }
        keep(relativePath)
    }

    /// A `writev`: a descriptor, vectors and how many, returning the bytes written or -1 with `errno` set.
    typealias VectorWrite = (Int32, UnsafePointer<iovec>, Int32) -> Int

    /// How many vectors one `writev` takes (`IOV_MAX`, which Swift does not import; 1024 on Linux), asked once.
    static let vectorLimit: Int = {
        let limit = sysconf(Int32(_SC_IOV_MAX))
        // POSIX's least (`_XOPEN_IOV_MAX`) should the system not say.
        return limit > 0 ? limit : 16
    }()

    /// The system's `writev`, which ``writeAll(_:to:by:)`` calls unless a test hands it another.
    static func systemWritev(_ descriptor: Int32, _ vectors: UnsafePointer<iovec>, _ count: Int32) -> Int {
        writev(descriptor, vectors, count)
    }

    /// Writes all of `bytes` to `descriptor`, as ``writeAll(_:to:by:)`` writes one part.
    static func writeAll(_ bytes: UnsafeBufferPointer<UInt8>, to descriptor: Int32) -> Bool {
        withUnsafePointer(to: bytes) { writeAll(UnsafeBufferPointer(start: $0, count: 1), to: descriptor) }
    }

    /// Writes all of `parts` to `descriptor`, one after another, by `writev`; `false`, with `errno` set, when it
    /// cannot.
    ///
    /// One call for them all, or for each ``vectorLimit`` of them when there are more; an interrupted call is made again,
    /// and a short write goes on from the byte it stopped at, in whatever part that is.
    static func writeAll(
        _ parts: UnsafeBufferPointer<UnsafeBufferPointer<UInt8>>,
        to descriptor: Int32,
        by writev: VectorWrite = systemWritev
    ) -> Bool {
        let capacity = Swift.max(1, Swift.min(parts.count, vectorLimit))
        return withUnsafeTemporaryAllocation(of: iovec.self, capacity: capacity) { vectors in
            guard let base = vectors.baseAddress else { return false }
            // The parts from `next` on are not yet in `vectors`; `vectors[first..<end]` are left to write.
            var next = 0
            var first = 0
            var end = 0
            while true {
                if first == end {
                    (first, end) = (0, 0)
                    while end < capacity, next < parts.count {
                        let part = parts[next]
                        next += 1
                        // An empty part is left out: a call with nothing to write could not tell its end.
                        guard let start = part.baseAddress, !part.isEmpty else { continue }
                        base[end] = iovec(iov_base: UnsafeMutableRawPointer(mutating: start), iov_len: part.count)
                        end += 1
                    }
                    if end == 0 { return true }
                }
                let written = writev(descriptor, base + first, Int32(end - first))
                if written < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                if written == 0 {
                    errno = EIO
                    return false
                }
                // Past the vectors written whole, into the one the write stopped in.
                var left = written
                while left > 0 {
                    let length = base[first].iov_len
                    if left < length {
                        base[first].iov_base = base[first].iov_base.map { $0 + left }
                        base[first].iov_len = length - left
                        break
                    }
                    left -= length
                    first += 1
                }
            }
        }
    }

    /// Takes the folder for this process alone (`.minutes-cache/lock`), until the folder object goes: two builds
    /// writing into one folder would remove each other's temporary files.
    public func claim() throws {
        guard lockDescriptor == nil else { return }
        let path = try self.path(of: ".minutes-cache/lock")
        do {
            try makeFolder(Self.split(path).parent)
        } catch {
            throw WriteError(path: path, reason: error.localizedDescription)
        }
        let descriptor = open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            throw WriteError(path: root.path, reason: "another minutes build is writing to this folder")
        }
        // Never empty: a note for whoever finds the file (and Foundation on Linux leaks reading an empty file).
        let note = "A minutes build holds this folder while it has this file locked.\n"
        if ftruncate(descriptor, 0) == 0 {
            _ = note.utf8CString.withUnsafeBufferPointer { pwrite(descriptor, $0.baseAddress, $0.count - 1, 0) }
        }
        lockDescriptor = descriptor
    }

    deinit {
        if let lockDescriptor { close(lockDescriptor) }
    }

    /// Removes `relativePath` if it exists.
    public func remove(_ relativePath: String) throws {
        let path = try path(of: relativePath)
        guard unlink(path) == 0 || errno == ENOENT else {
            throw WriteError(path: path, reason: String(cString: strerror(errno)))
        }
    }

    /// Removes the folder `relativePath` if it is empty.
    public func removeFolderIfEmpty(_ relativePath: String) {
        guard let path = try? path(of: relativePath) else { return }
        rmdir(path)
    }

    /// Marks a file an earlier build wrote as part of this build, unchanged, so that pruning keeps it.
    public func keep(_ relativePath: String) {
        lock.withLock { _ = written.insert(relativePath.hashValue) }
    }

    /// A temporary name for the file at `path`, in its folder, that no other write of this process uses.
    func temporaryPath(for path: String) -> String {
        let (parent, name) = Self.split(path)
        let number = lock.withLock {
            temporaryCount += 1
            return temporaryCount
        }
        return parent + "/." + name + ".\(processID)-\(number).tmp"
    }

    /// Makes the folder at `path` and its parents unless this build already did.
    func makeFolder(_ path: String) throws {
        guard !lock.withLock({ madeFolders.contains(path) }) else { return }
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        lock.withLock { _ = madeFolders.insert(path) }
    }

    /// Whether `relativePath` exists in the folder.
    public func contains(_ relativePath: String) -> Bool {
        access(rootPath + "/" + relativePath, F_OK) == 0
    }

    /// The path of `relativePath`, which must stay inside the folder: no `.` or `..` part, no NUL, not absolute.
    func path(of relativePath: String) throws -> String {
        guard Self.staysInside(relativePath) else {
            throw WriteError(path: relativePath, reason: "path would leave the output folder")
        }
        return rootPath + "/" + relativePath
    }

    /// Whether `relativePath` names something inside the folder: no `.` or `..` part, no NUL, not absolute or empty.
    ///
    /// One pass over the bytes, with no array of parts: a build checks tens of thousands of paths.
    static func staysInside(_ relativePath: String) -> Bool {
        relativePath.withUTF8Bytes { bytes in
            guard let first = bytes.first, first != UInt8(ascii: "/") else { return false }
            // The length of the part being read, and how many of its bytes are dots.
            var length = 0
            var dots = 0
            var parts = 0
            for byte in bytes {
                if byte == 0 { return false }
                if byte != UInt8(ascii: "/") {
                    length += 1
                    if byte == UInt8(ascii: ".") { dots += 1 }
                    continue
                }
                if length > 0 {
                    if dots == length, length <= 2 { return false }
                    parts += 1
                }
                length = 0
                dots = 0
            }
            if length > 0 {
                if dots == length, length <= 2 { return false }
                parts += 1
            }
            return parts > 0
        }
    }

    /// The folder part of `path` and the name after its last `/`.
    static func split(_ path: String) -> (parent: String, name: Substring) {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return ("", path[...]) }
        return (String(path[..<slash]), path[path.utf8.index(after: slash)...])
    }

    /// A file written a piece at a time to a temporary name and renamed into place by ``commit()``, so that a large
    /// table is never held in memory whole and an interrupted build leaves the previous file.
    public final class Stream {
        private let folder: OutputFolder
        private let relativePath: String
        private let path: String
        private let temporary: String
        private var descriptor: Int32?
        /// What is appended, written out when it holds ``capacity`` bytes.
        private var buffer: [UInt8] = []
        private static let capacity = 64 * 1024

        /// Opens a temporary file for `relativePath` in `folder`.
        public init(folder: OutputFolder, relativePath: String) throws {
            self.folder = folder
            self.relativePath = relativePath
            path = try folder.path(of: relativePath)
            temporary = folder.temporaryPath(for: path)
            do {
                try folder.makeFolder(OutputFolder.split(path).parent)
            } catch {
                throw WriteError(path: path, reason: error.localizedDescription)
            }
            let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
            guard descriptor >= 0 else { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
            self.descriptor = descriptor
            buffer.reserveCapacity(Self.capacity)
        }

        deinit {
            if let descriptor {
                close(descriptor)
                unlink(temporary)
            }
        }

        /// Appends `text`.
        public func append(_ text: String) throws {
            var text = text
            try text.withUTF8 { try append(bytes: $0) }
        }

        /// Appends UTF-8 `bytes`.
        func append(bytes: UnsafeBufferPointer<UInt8>) throws {
            guard descriptor != nil else { throw WriteError(path: path, reason: "already committed") }
            if buffer.count + bytes.count > Self.capacity { try flush() }
            if bytes.count >= Self.capacity {
                try write(bytes)
            } else {
                buffer.append(contentsOf: bytes)
            }
        }

        /// Appends one byte (an ASCII character).
        func append(byte: UInt8) throws {
            guard descriptor != nil else { throw WriteError(path: path, reason: "already committed") }
            if buffer.count >= Self.capacity { try flush() }
            buffer.append(byte)
        }

        /// Writes out what the buffer holds.
        private func flush() throws {
            guard !buffer.isEmpty else { return }
            try buffer.withUnsafeBufferPointer { try write($0) }
            buffer.removeAll(keepingCapacity: true)
        }

        private func write(_ bytes: UnsafeBufferPointer<UInt8>) throws {
            guard let descriptor, OutputFolder.writeAll(bytes, to: descriptor) else { throw failure() }
        }

        /// Writes the file out and renames it into place.
        public func commit() throws {
            guard let descriptor else { return }
            do {
                try flush()
            } catch {
                close(descriptor)
                self.descriptor = nil
                unlink(temporary)
                throw error
            }
            self.descriptor = nil
            guard close(descriptor) == 0, rename(temporary, path) == 0 else {
                let error = failure()
                unlink(temporary)
                throw error
            }
            folder.keep(relativePath)
        }

        private func failure() -> WriteError {
            WriteError(path: path, reason: String(cString: strerror(errno)))
        }
    }

    /// Removes what an earlier build left under `subfolder` and returns the relative paths removed.
    ///
    /// That is files this build did not write (their notes were removed) and temporary files of interrupted
    /// builds. An empty `subfolder` is the whole folder, where only leftover temporary files are removed.
    @discardableResult
    public func prune(_ subfolder: String) -> [String] {
        var removed: [String] = []
        let kept = lock.withLock { written }
        // File by file as the folders are read: an archive's list of files is never held.
        forEachRegularFile(under: subfolder) { relative, name in
            let leftover = name.hasPrefix(".") && name.hasSuffix(".tmp")
            if leftover || !subfolder.isEmpty && !kept.contains(relative.hashValue) {
                unlink(rootPath + "/" + relative)
                removed.append(relative)
            }
        }
        return removed.sorted()
    }

    /// Calls `body` with each regular file under the folder `relative` (the whole folder when empty).
    ///
    /// `body` gets the path relative to the root and the name, and may remove the file. Folders are read with
    /// `readdir`, which names each entry's type, rather than a property lookup per file.
    private func forEachRegularFile(under relative: String, _ body: (String, String) -> Void) {
        var folders = [relative]
        while let folder = folders.popLast() {
            let path = folder.isEmpty ? rootPath : rootPath + "/" + folder
            guard let directory = opendir(path) else { continue }
            defer { closedir(directory) }
            while let entry = readdir(directory) {
                // The name is read in place: an entry is only as long as its name, so the declared 256-byte field
                // may run past the end of the directory's buffer.
                guard let offset = MemoryLayout<dirent>.offset(of: \dirent.d_name) else { continue }
                let name = String(cString: (UnsafeRawPointer(entry) + offset).assumingMemoryBound(to: CChar.self))
                guard name != ".", name != ".." else { continue }
                let child = folder.isEmpty ? name : folder + "/" + name
                var type = Int32(entry.pointee.d_type)
                if type == Int32(DT_UNKNOWN) {
                    // Some file systems do not say: ask.
                    var info = stat()
                    guard lstat(path + "/" + name, &info) == 0 else { continue }
                    type =
                        info.st_mode & S_IFMT == S_IFDIR
                        ? Int32(DT_DIR) : info.st_mode & S_IFMT == S_IFREG ? Int32(DT_REG) : -1
                }
                if type == Int32(DT_DIR) { folders.append(child) } else if type == Int32(DT_REG) { body(child, name) }
            }
        }
    }
}
