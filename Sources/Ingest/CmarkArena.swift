import CCmark

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Memory for one cmark parse, handed out from large blocks and given back all at once when the tree has been
/// copied, instead of one `malloc` and one `free` for each node and buffer.
///
/// cmark's allocator hooks take no context, so the arena in use is found through a thread-specific value, set only
/// while ``withArena(_:)`` runs (a parse never leaves its thread). Each thread keeps its arena, with its first few
/// blocks, for its next parse: a block is as large as the allocator's threshold for pages of their own, so a block
/// freed and allocated again for every note would be pages mapped, faulted in and unmapped for every note.
final class CmarkArena {
    /// The blocks of ``blockSize`` handed out from, in order; the first ``blocksKept`` outlive a parse.
    private var blocks: [UnsafeMutableRawPointer] = []
    /// How many of `blocks` this parse has handed out from.
    private var used = 0
    /// The blocks of single large requests, freed after each parse.
    private var large: [UnsafeMutableRawPointer] = []
    /// The free space of the current block.
    private var next: UnsafeMutableRawPointer?
    private var remaining = 0
    /// Where the last allocation starts, so that growing it can be done in place.
    private var last: UnsafeMutableRawPointer?
    /// Whether a parse is using the arena.
    private var inUse = false

    /// The size of a block; larger requests get a block of their own.
    private static let blockSize = 1 << 16
    /// How many blocks an arena keeps from one parse to the next (a note of a few kilobytes needs one or two).
    private static let blocksKept = 2
    /// Each allocation starts with its size, in a header that keeps the allocation 16-byte aligned.
    private static let header = 16

    deinit {
        for block in blocks { free(block) }
        for block in large { free(block) }
    }

    /// `size` bytes, 16-byte aligned, zeroed when `zeroed`.
    ///
    /// (Zeroed one allocation at a time rather than a block at a time: most of a block is often never used, and
    /// `calloc` clears large blocks a byte an instruction.)
    func allocate(_ size: Int, zeroed: Bool = true) -> UnsafeMutableRawPointer {
        let pointer = place(size)
        if zeroed { memset(pointer, 0, size) }
        return pointer
    }

    /// Room for `size` bytes after a header holding `size`.
    private func place(_ size: Int) -> UnsafeMutableRawPointer {
        let total = (size + Self.header + 15) & ~15
        if total > remaining {
            if total > Self.blockSize / 4 {
                // Alone in a block of its own; the current block stays current.
                let block = allocateBlock(total)
                large.append(block)
                block.storeBytes(of: size, as: Int.self)
                return block + Self.header
            }
            if used == blocks.count { blocks.append(allocateBlock(Self.blockSize)) }
            next = blocks[used]
            used += 1
            remaining = Self.blockSize
        }
        guard let start = next else { preconditionFailure("cmark arena without a block") }
        start.storeBytes(of: size, as: Int.self)
        next = start + total
        remaining -= total
        last = start
        return start + Self.header
    }

    /// `pointer`'s allocation grown or shrunk to `size` bytes, its content kept, as `realloc` does.
    func reallocate(_ pointer: UnsafeMutableRawPointer?, _ size: Int) -> UnsafeMutableRawPointer {
        guard let pointer else { return allocate(size, zeroed: false) }
        let start = pointer - Self.header
        let old = start.load(as: Int.self)
        if size <= old { return pointer }
        let grownTotal = (size + Self.header + 15) & ~15
        let oldTotal = (old + Self.header + 15) & ~15
        if start == last, grownTotal - oldTotal <= remaining {
            // The last allocation grows into the free space after it.
            start.storeBytes(of: size, as: Int.self)
            next = start + grownTotal
            remaining -= grownTotal - oldTotal
            return pointer
        }
        let moved = allocate(size, zeroed: false)
        moved.copyMemory(from: pointer, byteCount: old)
        return moved
    }

    private func allocateBlock(_ size: Int) -> UnsafeMutableRawPointer {
        guard let block = malloc(size) else { preconditionFailure("out of memory for cmark (\(size) bytes)") }
        return block
    }

    /// Gives back what the parse took: large blocks and blocks past ``blocksKept`` are freed, the others kept empty.
    private func reset() {
        for block in large { free(block) }
        large.removeAll(keepingCapacity: true)
        while blocks.count > Self.blocksKept { free(blocks.removeLast()) }
        used = 0
        next = nil
        remaining = 0
        last = nil
    }

    /// Runs `body` with cmark allocator hooks that hand out from this thread's arena, then gives everything back at
    /// once.
    static func withArena<Result>(_ body: (UnsafeMutablePointer<cmark_mem>) throws -> Result) rethrows -> Result {
        let previous = pthread_getspecific(arenaKey)
        let arena: CmarkArena
        if let kept = pthread_getspecific(keptKey), !Unmanaged<CmarkArena>.fromOpaque(kept).takeUnretainedValue().inUse
        {
            arena = Unmanaged<CmarkArena>.fromOpaque(kept).takeUnretainedValue()
        } else {
            arena = CmarkArena()
            // The thread's first arena is kept (retained by the slot, released when the thread ends).
            if pthread_getspecific(keptKey) == nil {
                pthread_setspecific(keptKey, Unmanaged.passRetained(arena).toOpaque())
            }
        }
        arena.inUse = true
        pthread_setspecific(arenaKey, Unmanaged.passUnretained(arena).toOpaque())
        defer {
            pthread_setspecific(arenaKey, previous)
            arena.reset()
            arena.inUse = false
        }
        return try body(arenaMemory)
    }

    /// `body` applied to the arena of this thread; only called by cmark while ``withArena(_:)`` runs.
    ///
    /// (The slot's arena is lent without a retain and a release: ``withArena(_:)`` holds it until cmark is done.)
    @inline(__always) fileprivate static func withCurrent<Result>(_ body: (CmarkArena) -> Result) -> Result {
        guard let arena = pthread_getspecific(arenaKey) else { preconditionFailure("cmark allocated outside an arena") }
        return Unmanaged<CmarkArena>.fromOpaque(arena)._withUnsafeGuaranteedRef(body)
    }
}

/// The thread-specific slot of the arena each thread keeps between parses, released when the thread ends.
private let keptKey: pthread_key_t = {
    var key = pthread_key_t()
    let created = pthread_key_create(&key) { pointer in
        // (Optional on Glibc, not on Darwin.)
        guard let pointer = pointer as UnsafeMutableRawPointer? else { return }
        Unmanaged<CmarkArena>.fromOpaque(pointer).release()
    }
    guard created == 0 else { preconditionFailure("pthread_key_create failed") }
    return key
}()

/// The thread-specific slot of the arena in use.
private let arenaKey: pthread_key_t = {
    var key = pthread_key_t()
    guard pthread_key_create(&key, nil) == 0 else { preconditionFailure("pthread_key_create failed") }
    return key
}()

/// cmark's allocator hooks over the arena of the thread; cmark keeps this address in every node, so it never moves.
/// (Written once, then only read.)
nonisolated(unsafe) private let arenaMemory: UnsafeMutablePointer<cmark_mem> = {
    let memory = UnsafeMutablePointer<cmark_mem>.allocate(capacity: 1)
    memory.initialize(
        to: cmark_mem(
            calloc: { count, size in CmarkArena.withCurrent { $0.allocate(count * size) } },
            realloc: { pointer, size in CmarkArena.withCurrent { $0.reallocate(pointer, size) } },
            free: { _ in }
        )
    )
    return memory
}()
